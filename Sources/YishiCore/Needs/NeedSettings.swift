import Foundation

/// A district's own needs settings (issue 17 §1, §4, §5): categories added to the seeded sixteen,
/// the ranking's weights, and the vocabulary similar needs are compared with. Pure: the forms'
/// text is parsed and checked here; the app stores the result as JSON.
public struct NeedSettings: Hashable, Sendable, Codable {
    /// The categories the district added (the seeded ones always come first).
    public var extraCategories: [NeedCategory]
    public var weights: NeedRanking.Weights
    public var vocabulary: NeedSimilarity.Vocabulary

    public init(
        extraCategories: [NeedCategory] = [], weights: NeedRanking.Weights = .init(),
        vocabulary: NeedSimilarity.Vocabulary = .standard
    ) {
        self.extraCategories = extraCategories
        self.weights = weights
        self.vocabulary = vocabulary
    }

    public static let standard = NeedSettings()

    /// Every category a need of the district may have.
    public var categories: [NeedCategory] { NeedCategory.seeded + extraCategories }

    public enum Problem: String, Error, Sendable {
        case categories, weights, frameWords, synonyms
    }

    /// Added categories, one a line as `key,中文,English` (key: 2–30 of a–z, 0–9, -; names up to
    /// 20 characters; no key or Chinese name given twice or already seeded); at most 30.
    public static func categories(_ text: String) -> Result<[NeedCategory], Problem> {
        var out: [NeedCategory] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.allSatisfy(\.isEmpty) { continue }
            guard parts.count == 3, (2...30).contains(parts[0].count),
                parts[0].unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
                ),
                (1...20).contains(parts[1].count), (1...20).contains(parts[2].count),
                !parts[1].unicodeScalars.contains(where: { $0.value < 0x20 }),
                !parts[2].unicodeScalars.contains(where: { $0.value < 0x20 })
            else { return .failure(.categories) }
            let c = NeedCategory(key: parts[0], zh: parts[1], en: parts[2])
            let all = NeedCategory.seeded + out
            guard !all.contains(where: { $0.key == c.key || $0.zh == c.zh }) else { return .failure(.categories) }
            out.append(c)
        }
        return out.count <= 30 ? .success(out) : .failure(.categories)
    }

    /// The weights as a form gives them; each 0–100 (months cap 0–24, a whole number).
    public static func weights(_ f: [String: String]) -> Result<NeedRanking.Weights, Problem> {
        func number(_ k: String, _ d: Double) -> Double? {
            guard let s = f[k]?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return d }
            guard let v = Double(s), v.isFinite, (0...100).contains(v) else { return nil }
            return v
        }
        var w = NeedRanking.Weights()
        guard let b = number("perBuilding", w.perBuilding), let a = number("perAgeBand", w.perAgeBand),
            let c = number("perExtraChannel", w.perExtraChannel),
            let v = number("perVulnerableGroup", w.perVulnerableGroup), let s = number("safety", w.safety),
            let m = number("perWaitingMonth", w.perWaitingMonth), let cap = number("waitingMonthsCap", 6),
            cap == cap.rounded(), cap <= 24
        else { return .failure(.weights) }
        (w.perBuilding, w.perAgeBand, w.perExtraChannel, w.perVulnerableGroup) = (b, a, c, v)
        (w.safety, w.perWaitingMonth, w.waitingMonthsCap) = (s, m, Int(cap))
        return .success(w)
    }

    /// Frame words one a line (or separated by 、), synonym groups one a line with words separated
    /// by `/` or `、` (at least two to a group, each word up to 10 characters, a word in one group only).
    public static func vocabulary(frameWords: String, synonyms: String) -> Result<NeedSimilarity.Vocabulary, Problem> {
        func words(_ s: Substring) -> [String] {
            s.split(whereSeparator: { $0 == "、" || $0 == "/" || $0 == "," || $0 == "，" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let frames = frameWords.split(whereSeparator: \.isNewline).flatMap(words)
        guard frames.count <= 200, frames.allSatisfy({ $0.count <= 10 }), Set(frames).count == frames.count else {
            return .failure(.frameWords)
        }
        var groups: [[String]] = []
        var seen: Set<String> = []
        for line in synonyms.split(whereSeparator: \.isNewline) {
            let g = words(line)
            if g.isEmpty { continue }
            guard g.count >= 2, g.allSatisfy({ $0.count <= 10 }), seen.isDisjoint(with: g), Set(g).count == g.count
            else { return .failure(.synonyms) }
            seen.formUnion(g)
            groups.append(g)
        }
        guard groups.count <= 100 else { return .failure(.synonyms) }
        return .success(.init(frameWords: frames, synonyms: groups))
    }
}

extension NeedRanking {
    /// A stored score under (new) weights at `now`: the common ground and the priority again from
    /// the stored parts, the months waiting again from the first submission. The same as `score`
    /// from the supports (a test checks it), without reading them.
    public static func reweighed(_ s: Score, firstSubmitted: Date, now: Date, weights w: Weights) -> Score {
        var r = s
        let days = max(0, now.timeIntervalSince(firstSubmitted)) / 86_400
        r.waitingMonths = min(Int((days / 30).rounded(.down)), w.waitingMonthsCap)
        r.commonGround = w.perBuilding * Double(s.buildings) + w.perAgeBand * Double(s.ageBands) + s.depth
        r.priority =
            r.commonGround + w.perExtraChannel * Double(max(s.channels - 1, 0)) + w.perVulnerableGroup
            * Double(s.vulnerable) + (s.safety ? w.safety : 0) + w.perWaitingMonth * Double(r.waitingMonths)
        return r
    }
}
