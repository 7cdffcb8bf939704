import Foundation

/// The two languages every user-facing word exists in. Chinese is the default.
public enum Lang: String, CaseIterable, Sendable, Codable {
    case zhHans = "zh-Hans"
    case en

    public static let `default` = Lang.zhHans
}

/// One user-facing text in both languages.
public struct Bilingual: Hashable, Sendable {
    public var zh: String
    public var en: String
    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    public func `in`(_ lang: Lang) -> String { lang == .zhHans ? zh : en }
}

/// The message catalog: every user-facing string, by key, in both languages.
///
/// Texts take arguments as `{0}`, `{1}` … A test checks that every key the code uses is here,
/// that no text is empty in either language and that both languages take the same arguments.
public enum Catalog {
    /// All entries; the parts live beside the capability they serve (`Catalog+*.swift`).
    public static let entries: [String: Bilingual] = {
        var all: [String: Bilingual] = [:]
        for part in [accounts, territory, admin, atlas] + typed.map(\.dictionary) {
            all.merge(part) { first, _ in
                preconditionFailure("duplicate catalog key for \(first.en)")
            }
        }
        return all
    }()

    /// The text for `key` in `lang` with `args` put in; the key itself when missing, so a
    /// missing entry shows on the page and fails the translation test rather than crashing.
    public static func text(_ key: String, _ lang: Lang, _ args: [String] = []) -> String {
        guard let entry = entries[key] else { return key }
        return fill(entry.in(lang), args)
    }

    /// Puts `args[n]` in place of each `{n}`, in one pass: an argument that itself contains `{1}` is
    /// left as it is. A placeholder without an argument stays as written.
    public static func fill(_ template: String, _ args: [String]) -> String {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        let utf8 = template.utf8
        guard !args.isEmpty, utf8.contains(open) else { return template }
        var out = ""
        out.reserveCapacity(utf8.count + args.reduce(0) { $0 + $1.utf8.count })
        var copied = utf8.startIndex
        var i = utf8.startIndex
        while i < utf8.endIndex {
            guard utf8[i] == open else {
                i = utf8.index(after: i)
                continue
            }
            var j = utf8.index(after: i)
            var n = 0
            var digits = 0
            while j < utf8.endIndex, utf8[j] >= UInt8(ascii: "0"), utf8[j] <= UInt8(ascii: "9"), digits < 3 {
                n = n * 10 + Int(utf8[j] - UInt8(ascii: "0"))
                digits += 1
                j = utf8.index(after: j)
            }
            guard digits > 0, j < utf8.endIndex, utf8[j] == close, n < args.count else {
                i = utf8.index(after: i)
                continue
            }
            out += template[copied..<i]
            out += args[n]
            i = utf8.index(after: j)
            copied = i
        }
        out += template[copied...]
        return out
    }

    /// The placeholders `{n}` a text uses.
    public static func placeholders(_ s: String) -> Set<Int> {
        var found: Set<Int> = []
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]) { found.insert(n) }
            rest = after
        }
        return found
    }
}

/// Names of enum values in both languages, keyed "enum.<Type>.<raw>".
public extension Catalog {
    static func name<E: RawRepresentable>(_ value: E, _ lang: Lang) -> String where E.RawValue == String {
        text(nameKey(value), lang)
    }

    /// The key of a Core value's name (`enum.Denial.outsideScope`), where a key is stored or passed on.
    static func nameKey<E: RawRepresentable>(_ value: E) -> String where E.RawValue == String {
        "enum.\(String(describing: E.self)).\(value.rawValue)"
    }
}
