import Foundation
import Testing

@testable import YishiCore

@Suite("Field rules: one validation for pages, API and imports")
struct FieldRulesTests {
    @Test func codesAreLettersDigitsDotUnderscoreDash() {
        #expect(FieldRules.code(" BS01-C1_x.2 ") == .success("BS01-C1_x.2"))
        #expect(FieldRules.code("") == .failure(.required))
        #expect(FieldRules.code("   ") == .failure(.required))
        #expect(FieldRules.code("\"'><script>") == .failure(.invalid))
        #expect(FieldRules.code("宝林") == .failure(.invalid))
        #expect(FieldRules.code("a b") == .failure(.invalid))
        #expect(FieldRules.code(String(repeating: "a", count: 64)).problem == nil)
        #expect(FieldRules.code(String(repeating: "a", count: 65)) == .failure(.tooLong(max: 64)))
        #expect(FieldRules.code("A\u{0}B") == .failure(.controlCharacter))
    }

    @Test func namesAndAddressesHaveLimitsAndNoControlCharacters() {
        #expect(FieldRules.name(" 林 海峰 ") == .success("林 海峰"))
        #expect(FieldRules.name(String(repeating: "名", count: 100)).problem == nil)
        #expect(FieldRules.name(String(repeating: "名", count: 101)) == .failure(.tooLong(max: 100)))
        #expect(FieldRules.name(String(repeating: "名", count: 3 << 20)) == .failure(.tooLong(max: 100)))
        #expect(FieldRules.address(nil) == .success(nil))
        #expect(FieldRules.address("  ") == .success(nil))
        #expect(FieldRules.address(String(repeating: "路", count: 201)) == .failure(.tooLong(max: 200)))
        for bad in ["a\tb", "a\nb", "a\r\nb", "a\u{0}b", "a\u{7F}b", "a\u{85}b", "a\u{1B}[31m"] {
            #expect(FieldRules.name(bad) == .failure(.controlCharacter), "\(bad.debugDescription)")
            #expect(FieldRules.address(bad) == .failure(.controlCharacter), "\(bad.debugDescription)")
        }
        #expect(!FieldRules.hasControlCharacter("é Ā 名 ÿ"), "two-byte letters after C2/C3 are not C1 controls")
    }

    @Test func paragraphsKeepTheirLineBreaksAndNothingElse() {
        #expect(FieldRules.paragraphs("方案见附件。\r\n\r\n\r\n  如有意见请提出。  \n", max: 50) == .success("方案见附件。\n\n如有意见请提出。"))
        #expect(FieldRules.paragraphs("a\rb", max: 50) == .success("a\nb"))
        #expect(FieldRules.paragraphs("a\u{0007}b", max: 50) == .failure(.controlCharacter))
        #expect(FieldRules.paragraphs("a\tb", max: 50) == .failure(.controlCharacter))
        #expect(FieldRules.paragraphs(" \n \n", max: 50) == .failure(.required))
        #expect(FieldRules.paragraphs(String(repeating: "字", count: 6), max: 5) == .failure(.tooLong(max: 5)))
        #expect(FieldRules.paragraphs(String(repeating: "字", count: 5), max: 5) == .success("字字字字字"))
    }

    @Test func thePagesKeyNamesTheLimit() {
        #expect(FieldProblem.tooLong(max: 100).fieldKey == "field.tooLong.100")
        #expect(FieldProblem.invalid.fieldKey == "field.invalid")
        for max in [FieldRules.numberMax, FieldRules.codeMax, FieldRules.nameMax, FieldRules.addressMax] {
            #expect(Catalog.text("field.tooLong.\(max)", .en).contains(String(max)))
        }
    }

    @Test func theImportRefusesALineWithAControlCharacterOrABadCode() {
        let header = ["code", "community", "name", "housing_type", "address"]
        let r = TerritoryImportValidator.validate(
            header: header,
            rows: [
                (2, ["X1", "C1", "好\u{0}名", "commodityHousing", ""]),
                (3, ["X2", "C1", "好名", "commodityHousing", "路\t1号"]),
                (4, ["\"'><script>", "C1", "好名", "commodityHousing", ""]),
                (
                    5,
                    [
                        "X4", "C1", String(repeating: "名", count: 101), "commodityHousing",
                        String(repeating: "路", count: 201),
                    ]
                ),
                (6, ["X5", "C1", "好名", "commodityHousing", ""]),
            ], currentYear: 2026)
        guard case .failure(let f) = r else {
            Issue.record("should fail")
            return
        }
        #expect(
            f.issues == [
                ImportIssue(line: 2, problem: .controlCharacter("name")),
                ImportIssue(line: 3, problem: .controlCharacter("address")),
                ImportIssue(line: 4, problem: .badCode("code")),
                ImportIssue(line: 5, problem: .tooLong("name", max: 100)),
                ImportIssue(line: 5, problem: .tooLong("address", max: 200)),
            ])
        for p in f.issues.map(\.problem) {
            let (key, args) = p.message
            #expect(!Catalog.text(key, .zhHans, args).contains("{"), "\(key)")
            #expect(!Catalog.text(key, .en, args).contains("{"), "\(key)")
        }
    }

    @Test func theCommonAncestorIsTheDeepestSharedNode() {
        let (d, s, c1, c2, x) = (UUID(), UUID(), UUID(), UUID(), UUID())
        #expect(
            TerritoryPath.commonAncestor([TerritoryPath([d, s, c1, x]), TerritoryPath([d, s, c2])])
                == TerritoryPath([d, s]))
        #expect(TerritoryPath.commonAncestor([TerritoryPath([d, s, c1])]) == TerritoryPath([d, s, c1]))
        #expect(TerritoryPath.commonAncestor([TerritoryPath([d]), TerritoryPath([UUID()])]) == nil)
        #expect(TerritoryPath.commonAncestor([]) == nil)
    }

    @Test func csvCellsNeverStartAFormula() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\r\n=1"] {
            #expect(CSVCell.neutralised(s).hasPrefix("'"), "\(s.debugDescription)")
        }
        #expect(CSVCell.neutralised("宝林一村") == "宝林一村")
        #expect(CSVCell.field("a,b") == "\"a,b\"")
        #expect(CSVCell.field("\r=1") == "\"'\r=1\"")
        #expect(CSVCell.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }
}
