import Foundation
import Testing

@testable import YishiCore

/// The typed texts (`Texts`, registered in `Catalog.typed`): both languages non-empty, the same
/// placeholders, no Chinese in the English, and every case used somewhere (by its type's name).
@Suite("Typed texts")
struct TextsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func sources() -> String {
        var all = ""
        for dir in ["Sources", "Tests"] {
            let base = root.appendingPathComponent(dir)
            guard let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in files where url.pathExtension == "swift" {
                all += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            }
        }
        return all
    }

    @Test func everyTypedTextIsCompleteAndUsed() {
        let code = Self.sources()
        #expect(!Catalog.typed.isEmpty)
        for table in Catalog.typed {
            for e in table.entries {
                #expect(!e.text.zh.isEmpty && !e.text.en.isEmpty, "\(e.key) is empty")
                #expect(
                    Catalog.placeholders(e.text.zh) == Catalog.placeholders(e.text.en), "\(e.key): placeholders differ")
                // The language switch names Chinese in Chinese, on the English page too.
                let chineseAllowed = e.key == PreferencesText.switchLanguage.key
                #expect(
                    chineseAllowed || !e.text.en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) },
                    "\(e.key): Chinese in the English")
                #expect(Catalog.entries[e.key] == e.text, "\(e.key) answers the old key lookups")
                // Used by its type's name, or — until every caller is typed — by its key: a literal
                // (field errors, navigation labels) or one built at run time ("job.kind.\(kind)").
                let dynamic = e.key.split(separator: ".").dropLast().joined(separator: ".") + ".\\("
                let used =
                    code.contains("\(table.name).\(e.caseName)") || code.contains("\"\(e.key)\"")
                    || code.contains("\"" + dynamic)
                #expect(used, "\(table.name).\(e.caseName) (\(e.key)) is never used")
            }
        }
    }

    @Test func typedTextsFillTheirPlaceholders() {
        #expect(AuditText.verifyOK.text(.en, ["12"]) == "The chain is intact: 12 entries checked.")
        #expect(AuditText.verifyOK.text(.zhHans, ["12"]) == "链完整：已核对 12 条记录。")
        #expect(AuditText.verifyOK.key == "audit.verify.ok")
    }
}
