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
    public init(_ zh: String, _ en: String) { self.zh = zh; self.en = en }

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
        for part in [common, accounts, territory, importing, errors, admin, atlas] {
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
        var s = entry.in(lang)
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: a) }
        return s
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
        text("enum.\(String(describing: E.self)).\(value.rawValue)", lang)
    }
}
