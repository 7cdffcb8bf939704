import Foundation
import Testing

@testable import YishiCore

func rows(_ lines: [[String]]) -> [(line: Int, fields: [String])] {
    lines.enumerated().map { (line: $0.offset + 2, fields: $0.element) }
}

@Suite("Territory CSV validation")
struct ImportValidatorTests {
    let unitHeader = ["code", "building", "number", "kind", "status", "register_area", "survey_area", "contract_area"]

    @Test func kindsAreDetectedByHeader() {
        for kind in TerritoryImportKind.allCases {
            #expect(TerritoryImportKind.detect(header: kind.requiredColumns.map { $0.uppercased() }) == kind)
        }
        #expect(TerritoryImportKind.detect(header: ["a", "b"]) == nil)
    }

    @Test func goodUnitsValidate() throws {
        let r = TerritoryImportValidator.validate(
            header: unitHeader,
            rows: rows([
                ["U1", "B1", "101", "residential", "delivered", "70.10", "", ""],
                ["U2", "B1", "102", "parking", "developerUnsold", "", "12.5", "13"],
            ]), currentYear: 2026)
        let (kind, records) = try r.get()
        #expect(kind == .units)
        #expect(records.count == 2)
        guard case .unit(_, _, _, _, _, _, let areas) = records[1] else {
            Issue.record("not a unit")
            return
        }
        #expect(areas.counted! == (Area(centi: 1250), .survey))
    }

    @Test func everyBadRowIsReportedWithItsLine() {
        let r = TerritoryImportValidator.validate(
            header: unitHeader,
            rows: rows([
                ["U1", "B1", "101", "residential", "delivered", "70.10", "", ""],
                ["U2", "B1", "102", "house", "delivered", "70.10", "", ""],
                ["U3", "B1", "", "residential", "sold", "", "", ""],
                ["U1", "B1", "104", "residential", "delivered", "70.123", "", ""],
                ["", "", "", "", "", "", "", ""],
            ]), currentYear: 2026)
        guard case .failure(let f) = r else {
            Issue.record("should fail")
            return
        }
        let byLine = Dictionary(grouping: f.issues, by: \.line).mapValues { $0.map(\.problem) }
        #expect(byLine[2] == nil)
        // The allowed values are named both ways: the stored name and the Chinese one.
        #expect(
            byLine[3] == [
                .badChoice("kind", allowed: UnitKind.allCases.map { "\($0.rawValue)/\(Catalog.name($0, .zhHans))" })
            ])
        #expect(byLine[4]?.contains(.blank("number")) == true)
        #expect(
            byLine[4]?.contains(
                .badChoice("status", allowed: UnitStatus.allCases.map { "\($0.rawValue)/\(Catalog.name($0, .zhHans))" })
            )
                == true)
        #expect(byLine[4]?.contains(.noArea) == true)
        #expect(byLine[5]?.contains(.badArea("register_area")) == true)
        #expect(byLine[5]?.contains(.duplicate(firstLine: 2)) == true)
        #expect(byLine[6] == nil, "a blank row is skipped")
    }

    @Test func householdRowsMustAgree() {
        let header = ["household", "unit", "resident", "name", "birth_year", "phone", "flags"]
        let r = TerritoryImportValidator.validate(
            header: header,
            rows: rows([
                ["H1", "U1", "R1", "王芳", "1950", "13800000001", "elderly;partyMember"],
                ["H1", "U2", "R2", "李伟", "1980", "", ""],
                ["H2", "U3", "R3", "张三", "1850", "123", "boss"],
            ]), currentYear: 2026)
        guard case .failure(let f) = r else {
            Issue.record("should fail")
            return
        }
        #expect(f.issues.contains(ImportIssue(line: 3, problem: .inconsistent("unit", firstLine: 2))))
        #expect(f.issues.contains(ImportIssue(line: 4, problem: .badYear)))
        #expect(f.issues.contains(ImportIssue(line: 4, problem: .badPhone)))
        #expect(f.issues.contains(ImportIssue(line: 4, problem: .badFlags)))
        #expect(!f.issues.contains { $0.line == 2 })
    }

    @Test func ownersMayHoldSeveralUnitsButOnceEach() {
        let header = ["owner", "name", "phone", "unit"]
        let ok = TerritoryImportValidator.validate(
            header: header,
            rows: rows([
                ["O1", "王芳", "13800000001", "U1"], ["O1", "王芳", "13800000001", "U2"], ["O2", "李伟", "", "U1"],
            ]), currentYear: 2026)
        #expect((try? ok.get())?.1.count == 3)
        let bad = TerritoryImportValidator.validate(
            header: header,
            rows: rows([
                ["O1", "王芳", "", "U1"], ["O1", "王芳", "", "U1"], ["O1", "王小芳", "", "U2"],
            ]), currentYear: 2026)
        guard case .failure(let f) = bad else {
            Issue.record("should fail")
            return
        }
        #expect(f.issues.contains(ImportIssue(line: 3, problem: .duplicate(firstLine: 2))))
        #expect(f.issues.contains(ImportIssue(line: 4, problem: .inconsistent("name", firstLine: 2))))
    }

    @Test func unknownHeaderAndEmptyFile() {
        guard case .failure(let a) = TerritoryImportValidator.validate(header: ["foo"], rows: [], currentYear: 2026),
            case .failure(let b) = TerritoryImportValidator.validate(header: [], rows: [], currentYear: 2026)
        else {
            Issue.record("should fail")
            return
        }
        #expect(a.issues == [ImportIssue(line: 1, problem: .unknownFormat)])
        #expect(b.issues == [ImportIssue(line: 1, problem: .emptyFile)])
    }

    @Test func everyProblemHasAMessage() {
        let problems: [ImportProblem] = [
            .unknownFormat, .missingColumn("x"), .blank("x"), .badArea("x"), .noArea, .badChoice("x", allowed: ["a"]),
            .badYear, .badPhone, .badFlags, .duplicate(firstLine: 2), .inconsistent("x", firstLine: 2),
            .unknownReference("x"), .outsideScope("x"), .codeElsewhere("x"), .wrongLevel("x", expected: .building),
            .emptyFile, .notUTF8, .malformedCSV,
        ]
        for p in problems {
            let (key, args) = p.message
            #expect(Catalog.entries[key] != nil, "\(key)")
            #expect(Catalog.placeholders(Catalog.entries[key]?.zh ?? "").count == args.count, "\(key)")
        }
    }

    @Test func chineseHeadersAndValuesReadLikeTheEnglishOnes() {
        let header = ["编号", "楼栋编号", "门牌", "用途", "交付状态", "登记面积", "测绘面积", "合同面积"]
        let r = TerritoryImportValidator.validate(
            header: header, rows: rows([["U1", "B1", "101", "住宅", "已交付", "70.10", "", ""]]), currentYear: 2026)
        guard case .success(let (kind, records)) = r else {
            Issue.record("should pass: \(r)")
            return
        }
        #expect(kind == .units)
        #expect(
            records == [
                .unit(
                    line: 2, code: "U1", building: "B1", number: "101", kind: .residential, status: .delivered,
                    areas: UnitAreas(register: Area(centi: 7010)))
            ])
        let people = TerritoryImportValidator.validate(
            header: ["户号", "房屋编号", "居民编号", "姓名", "出生年份", "手机号", "标记"],
            rows: rows([["H1", "U1", "R1", "王秀英", "1946", "", "老年人；独居"]]), currentYear: 2026)
        guard case .success(let (_, residents)) = people,
            case .resident(_, _, _, _, _, _, _, let flags) = residents.first
        else {
            Issue.record("should pass: \(people)")
            return
        }
        #expect(flags == [.elderly, .livingAlone])
        let compounds = TerritoryImportValidator.validate(
            header: ["编号", "社区编号", "名称", "房屋类型"], rows: rows([["X1", "C1", "宝林九村", "售后公房"]]), currentYear: 2026)
        guard case .success(let (_, c)) = compounds, case .compound(_, _, _, _, let type, _) = c.first else {
            Issue.record("should pass: \(compounds)")
            return
        }
        #expect(type == .formerPublicHousing)
    }
}
