import Foundation

/// Finding needs that say the same thing (issue 17 §4) — suggestions only, never a merge by
/// itself. Texts are normalised (compatibility forms, Chinese numerals of buildings and rooms as
/// digits, punctuation and spaces dropped, frame words removed, synonyms made one word) and
/// compared by their character bigrams (Dice). Two needs that name different buildings are never
/// offered as duplicates: "3号楼门口加路灯" and "5号楼门口加路灯" are two needs.
public enum NeedSimilarity {
    /// What staff may edit: words that frame a need without saying what it is, and groups of words
    /// that mean one thing (the first word of a group stands for all).
    public struct Vocabulary: Hashable, Sendable, Codable {
        public var frameWords: [String]
        public var synonyms: [[String]]
        public init(frameWords: [String], synonyms: [[String]]) {
            self.frameWords = frameWords
            self.synonyms = synonyms
        }

        public static let standard = Vocabulary(
            frameWords: [
                "希望", "建议", "能不能", "能否", "可不可以", "可以", "麻烦", "请求", "请", "我们", "我家", "大家",
                "一下", "一些", "一个", "这里", "那里", "附近", "小区里", "小区", "谢谢", "问题", "需要", "想要",
            ],
            synonyms: [
                ["座椅", "长椅", "椅子", "凳子", "休息椅"], ["路灯", "照明", "灯光"], ["停车", "车位", "停车位", "泊车"],
                ["电梯", "加梯", "加装电梯"], ["垃圾", "垃圾桶", "垃圾房", "垃圾箱"], ["绿化", "绿地", "草坪"],
                ["健身", "锻炼", "健身器材"], ["充电", "充电桩"], ["扶手", "栏杆"],
            ])
    }

    static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let units: [Character: Int] = ["十": 10, "百": 100]
    /// Words a building or a room number stands before.
    static let numberedWords = ["号楼", "单元", "号", "栋", "幢", "室"]

    /// A Chinese numeral ("三", "十二", "二十一", "一百零五", "三〇一") as a number; nil when it is not one.
    public static func chineseNumber(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ digits[$0] != nil || units[$0] != nil }) else { return nil }
        // Without 十 or 百 a run is read digit by digit, as room numbers are said: 三〇一 → 301.
        if !s.contains(where: { units[$0] != nil }) { return Int(s.map { String(digits[$0]!) }.joined()) }
        var total = 0
        var current = 0
        for ch in s {
            if let d = digits[ch] {
                current = d
            } else if let u = units[ch] {
                total += (current == 0 ? 1 : current) * u
                current = 0
            }
        }
        return total + current
    }

    /// Chinese numerals just before 号楼/栋/幢/单元/室/号 written as digits: "三号楼" → "3号楼".
    public static func numeralsAsDigits(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            // The longest run of numeral characters starting here.
            var j = i
            while j < chars.count, digits[chars[j]] != nil || units[chars[j]] != nil { j += 1 }
            if j > i {
                let rest = String(chars[j...])
                if numberedWords.contains(where: { rest.hasPrefix($0) }),
                    let n = chineseNumber(Substring(String(chars[i..<j])))
                {
                    out += String(n)
                } else {
                    out += String(chars[i..<j])
                }
                i = j
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }

    /// The text as it is compared.
    public static func normalise(_ text: String, vocabulary v: Vocabulary = .standard) -> String {
        var s = numeralsAsDigits(text.precomposedStringWithCompatibilityMapping.lowercased())
        s = String(
            s.unicodeScalars.filter { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) }
                .map(Character.init))
        // Longer words first, so "加装电梯" is one word before "电梯" is.
        var replacements: [(String, String)] = []
        for group in v.synonyms { for w in group.dropFirst() { replacements.append((w, group[0])) } }
        for w in v.frameWords { replacements.append((w, "")) }
        for (from, to) in replacements.sorted(by: { $0.0.count > $1.0.count }) where !from.isEmpty {
            s = s.replacingOccurrences(of: from, with: to)
        }
        return s
    }

    /// The character bigrams of a normalised text (a one-character text is its own bigram).
    public static func bigrams(_ s: String) -> Set<String> {
        let c = Array(s)
        guard c.count > 1 else { return c.isEmpty ? [] : [String(c)] }
        return Set((0..<(c.count - 1)).map { String(c[$0...($0 + 1)]) })
    }

    /// Dice's coefficient of two bigram sets: 2|A∩B| / (|A|+|B|), 0 when both are empty.
    public static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// The building numbers a normalised text names ("3号楼", "5栋", "12幢").
    public static func buildings(_ normalised: String) -> Set<Int> {
        var out: Set<Int> = []
        let chars = Array(normalised)
        var i = 0
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let rest = String(chars[j...])
            if rest.hasPrefix("号楼") || rest.hasPrefix("栋") || rest.hasPrefix("幢"), let n = Int(String(chars[i..<j])) {
                out.insert(n)
            }
            i = j
        }
        return out
    }

    public static let threshold = 0.30

    public enum Verdict: String, Hashable, Sendable, Codable {
        /// Offered as a possible duplicate.
        case similarText
        /// Offered: same category and same place, whatever the words.
        case samePlaceAndCategory
        /// Listed apart: the words are alike but the buildings differ ("相似，但楼栋不同").
        case differentBuildings
        /// Not alike.
        case unrelated
    }

    /// Whether `b` may be a duplicate of `a`, and why; the Dice score comes with it.
    public static func assess(
        _ a: String, _ b: String, sameCategory: Bool, samePlace: Bool, vocabulary: Vocabulary = .standard
    ) -> (verdict: Verdict, dice: Double) {
        assessNormalised(
            normalise(a, vocabulary: vocabulary), normalise(b, vocabulary: vocabulary), sameCategory: sameCategory,
            samePlace: samePlace)
    }

    /// The same for texts normalised already (stored with each need).
    public static func assessNormalised(
        _ na: String, _ nb: String, sameCategory: Bool, samePlace: Bool, bigramsOfA: Set<String>? = nil
    ) -> (verdict: Verdict, dice: Double) {
        let d = dice(bigramsOfA ?? bigrams(na), bigrams(nb))
        let ba = buildings(na)
        let bb = buildings(nb)
        let alike = d >= threshold || (sameCategory && samePlace)
        if !ba.isEmpty, !bb.isEmpty, ba != bb { return (alike ? .differentBuildings : .unrelated, d) }
        if d >= threshold { return (.similarText, d) }
        if sameCategory && samePlace { return (.samePlaceAndCategory, d) }
        return (.unrelated, d)
    }
}
