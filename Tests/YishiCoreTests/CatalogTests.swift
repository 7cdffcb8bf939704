import Foundation
import Testing

@testable import YishiCore

@Suite("Every user-facing string exists in both languages")
struct CatalogTests {
    @Test func noTextIsEmptyAndArgumentsMatch() {
        for (key, text) in Catalog.entries {
            #expect(!text.zh.trimmingCharacters(in: .whitespaces).isEmpty, "zh missing for \(key)")
            #expect(!text.en.trimmingCharacters(in: .whitespaces).isEmpty, "en missing for \(key)")
            #expect(Catalog.placeholders(text.zh) == Catalog.placeholders(text.en), "arguments differ for \(key)")
        }
    }

    @Test func englishTextsAreNotChinese() {
        // A common slip: the Chinese pasted into the English slot. The language switch label is the one exception.
        for (key, text) in Catalog.entries where key != "pref.switchLanguage" {
            #expect(
                !text.en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "en of \(key) holds Chinese")
        }
    }

    @Test func everyEnumValueHasAName() {
        func check<E: RawRepresentable & CaseIterable>(_ type: E.Type) where E.RawValue == String {
            for v in E.allCases {
                #expect(
                    Catalog.entries["enum.\(String(describing: E.self)).\(v.rawValue)"] != nil,
                    "\(String(describing: E.self)).\(v.rawValue)")
            }
        }
        check(Role.self)
        check(Channel.self)
        check(TerritoryLevel.self)
        check(SubdistrictKind.self)
        check(CommunityKind.self)
        check(HousingType.self)
        check(UnitStatus.self)
        check(UnitKind.self)
        check(AreaSource.self)
        check(AuditAction.self)
        check(AuditTarget.self)
        for d in [Denial.notSignedIn, .roleLacksAction, .outsideScope, .notVerified] {
            #expect(Catalog.entries["enum.Denial.\(d.rawValue)"] != nil)
        }
        for (name, _) in ResidentFlags.named { #expect(Catalog.entries["enum.ResidentFlag.\(name)"] != nil, "\(name)") }
    }

    /// Scans the sources for text keys written as strings (`t("…")`, `Catalog.text("…"`, `"field.…"`
    /// literals …): none may remain, since every text is a case of a `Texts` enum that the compiler checks.
    /// (Keys built at run time — `"job.kind.\(kind)"` — end in "." here and are checked by the typed tests.)
    @Test func noTextKeyIsWrittenAsAString() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        let prefixes = Set(Catalog.entries.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let pattern = try NSRegularExpression(
            pattern: "\"((?:" + prefixes.sorted().joined(separator: "|") + ")\\.[A-Za-z0-9.]+)\"")
        let sample = "x = \"field.taken\""
        #expect(
            pattern.firstMatch(in: sample, range: NSRange(sample.startIndex..., in: sample)) != nil,
            "the scan finds keys")
        var used: [String: String] = [:]
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files
        where url.pathExtension == "swift" && !url.lastPathComponent.hasPrefix("Catalog+")
            && !url.lastPathComponent.hasSuffix("Text.swift")
        {  // typed texts: their raw values are keys below a prefix
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(m.range(at: 1), in: text)!])
                // Keys built with interpolation end in "." and are checked by the enum test.
                if !key.hasSuffix(".") { used[key] = url.lastPathComponent }
            }
        }
        // Every text is typed (`Texts`); a key written as a string would escape the compiler's check.
        #expect(
            used.isEmpty, "string keys remain: \(used.sorted { $0.key < $1.key }.map { "\($0.key) in \($0.value)" })")
    }

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Catalog.fill("{0} of {1} rows", ["2", "3"]) == "2 of 3 rows")
        #expect(Catalog.fill("{1}，共 {0}", ["甲", "乙"]) == "乙，共 甲")
        // An argument that looks like a placeholder stays as it is.
        #expect(Catalog.fill("{0} and {1}", ["{1}", "x"]) == "{1} and x")
        // Placeholders without an argument, and braces that are not placeholders, stay as written.
        #expect(Catalog.fill("{0} {2} {} {a} {", ["a"]) == "a {2} {} {a} {")
        #expect(Catalog.fill("{10}", Array(repeating: "", count: 10) + ["ten"]) == "ten")
        #expect(Catalog.fill("no braces", ["x"]) == "no braces")
        #expect(Catalog.fill("{0}", []) == "{0}")
    }
}
