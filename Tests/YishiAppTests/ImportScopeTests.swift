import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Posts a CSV to the import API as a signed-in page script would, and runs the job it queues.
extension Browser {
    func importCSV(_ csv: String, query: String = "") async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: CSRF.header, value: csrf)
        return try await send(
            .POST, "/api/v1/territory/import" + query, headers: headers, body: ByteBuffer(string: csv),
            contentType: HTTPMediaType(type: "text", subType: "csv"))
    }
}

/// Runs every queued job and returns the one named by an API answer (202 + job).
func finishedJob(_ t: TestContext, _ res: TestingHTTPResponse) async throws -> Job {
    #expect(res.status == .accepted, "import answered \(res.status): \(res.text)")
    let id = try res.decode(DTO.Job.self).id
    while try await JobRunner.runNext(t.app) {}
    return try #require(try await Job.find(id, on: t.db))
}

@Suite("Territory import: scope, audit, field rules, jobs")
struct ImportScopeTests {
    static let householdHeader = "household,unit,resident,name,birth_year,phone,flags\n"
    static let victim = "R-BS01-C2-X1-B1-101-1"

    @Test func aResidentOfAnotherCommunityIsNotMovedRenamedOrRePhoned() async throws {
        try await withYishi(demo: true) { t in
            let before = try #require(try await Resident.query(on: t.db).filter(\.$code == Self.victim).first())
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let csv =
                Self.householdHeader + "H-BS01-C1-X1-B1-102,BS01-C1-X1-B1-102,\(Self.victim),被改名,1999,13977770001,\n"
            let job = try await finishedJob(t, try await b.importCSV(csv))
            #expect(job.status == .failed)
            let issues = try #require(job.territoryImportResult?.issues)
            #expect(issues.map(\.line) == [2])
            #expect(issues.first?.message["en"] == Catalog.text(ImportText.outsideScope, .en, [Self.victim]))
            let after = try #require(try await Resident.query(on: t.db).filter(\.$code == Self.victim).first())
            #expect(
                after.name == before.name && after.phone == before.phone && after.$household.id == before.$household.id)
            #expect(after.birthYear == before.birthYear)
            // The job page shows the line in the reader's language.
            let page = try await b.get("/jobs/\(job.id!.uuidString)")
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    Catalog.text(
                        "import.line", .zhHans, ["2", Catalog.text(ImportText.outsideScope, .zhHans, [Self.victim])])))
        }
    }

    @Test func anOwnerWithHoldingsElsewhereIsNotRenamedNorGivenAHolding() async throws {
        try await withYishi(demo: true) { t in
            let code = "O-BS01-C2-X1-B1-101"
            let before = try #require(try await Owner.query(on: t.db).filter(\.$code == code).first())
            let holdings = try await Ownership.query(on: t.db).count()
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let csv = "owner,name,phone,unit\n\(code),被改名,13977770002,BS01-C1-X1-B1-102\n"
            let job = try await finishedJob(t, try await b.importCSV(csv))
            #expect(job.status == .failed)
            #expect(job.territoryImportResult?.issues?.map(\.line) == [2])
            let after = try #require(try await Owner.query(on: t.db).filter(\.$code == code).first())
            #expect(after.name == before.name && after.phone == before.phone)
            #expect(try await Ownership.query(on: t.db).count() == holdings)
        }
    }

    @Test func anImportIsAuditedAtItsNodeWithItsCodesAndTheDistrictSeesIt() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let csv = Self.householdHeader + "H-BS01-C1-X1-B1-102,BS01-C1-X1-B1-102,R-NEW-1,新居民,1990,,\n"
            let job = try await finishedJob(t, try await b.importCSV(csv))
            #expect(job.status == .succeeded)
            #expect(job.territoryImportResult?.outcome == .init(kind: "households", added: 1, updated: 0, unchanged: 0))
            let entry = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.territoryImport.rawValue)
                    .sort(\.$seq, .descending).first())
            let building = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1").first())
            #expect(entry.nodeID == building.id, "recorded at the deepest node holding every change")
            #expect(entry.record.details["addedCodes"] == "R-NEW-1")
            let district = Browser(t.app)
            try await district.signIn("baoshan")
            let seen = try await district.json(.GET, "/api/v1/audit?limit=20").decode([DTO.AuditEntryOut].self)
            #expect(seen.contains { $0.seq == entry.seq })
        }
    }

    @Test func theJobRechecksTheImportersGrantsWhenItRuns() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let csv = "code,community,name,housing_type\nLATE-1,BS01-C1,迟到的小区,commodityHousing\n"
            let res = try await b.importCSV(csv)
            #expect(res.status == .accepted)
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
            try await RoleGrant.query(on: t.db).filter(\.$user.$id == user.id!).delete()
            let job = try await finishedJob(t, res)
            #expect(job.status == .failed)
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "LATE-1").first() == nil)
        }
    }

    @Test func theUploadPageAnswersWithTheJob() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let boundary = "yishi-boundary"
            let csv = "code,community,name,housing_type\nPAGE-1,BS01-C1,页面小区,commodityHousing\n"
            let body = multipartBody(
                boundary: boundary, [("_csrf", nil, Data(b.csrf.utf8)), ("file", "c.csv", Data(csv.utf8))])
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            let res = try await b.send(.POST, "/territory/import", headers: headers, body: ByteBuffer(data: body))
            #expect(res.status == .seeOther)
            let location = try #require(res.headers.first(name: .location))
            #expect(location.hasPrefix("/jobs/"))
            while try await JobRunner.runNext(t.app) {}
            // First the check: what would happen, and nothing written yet.
            let checked = try await b.get(location)
            let counts = [Catalog.text(ImportText.kindCompounds, .zhHans), "1", "0", "0"]
            #expect(checked.text.contains(ImportText.preview.text(.zhHans, counts)))
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "PAGE-1").first() == nil)
            let jobID = String(location.dropFirst("/jobs/".count))
            #expect(checked.text.contains("/territory/import/\(jobID)/confirm"))
            // Only its uploader confirms it.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/territory/import/\(jobID)/confirm").status == .notFound)
            let confirmed = try await b.post("/territory/import/\(jobID)/confirm")
            #expect(confirmed.status == .seeOther)
            #expect(try await b.post("/territory/import/\(jobID)/confirm").status == .conflict, "only once")
            while try await JobRunner.runNext(t.app) {}
            let page = try await b.get(try #require(confirmed.headers.first(name: .location)))
            #expect(page.text.contains(Catalog.text("import.done", .zhHans, counts)))
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "PAGE-1").first() != nil)
            // The history lists it, with who and the counts.
            let importPage = try await b.get("/territory/import")
            #expect(
                importPage.text.contains("c.csv")
                    && importPage.text.contains(ImportText.resultDone.text(.zhHans, ["1", "0", "0"])))
            // No file chosen: the page says so.
            let empty = multipartBody(boundary: boundary, [("_csrf", nil, Data(b.csrf.utf8))])
            let none = try await b.send(.POST, "/territory/import", headers: headers, body: ByteBuffer(data: empty))
            #expect(none.status == .unprocessableEntity && none.text.contains(FieldText.chooseFile.text(.zhHans)))
        }
    }

    @Test func aNulByteInAGB18030FileRefusesItsLineInsteadOfDroppingTheRest() async throws {
        try await withYishi(demo: true) { t in
            let text =
                "code,community,name,housing_type\r\nNUL-1,BS01-C1,宝林\u{0}新村,commodityHousing\r\nNUL-2,BS01-C1,后面的小区,commodityHousing\r\n"
            let gb = try #require(iconvEncode(text, to: "GB18030"))
            #expect(String(data: gb, encoding: .utf8) == nil, "the fixture really is not UTF-8")
            await #expect(throws: ImportFailure([ImportIssue(line: 2, problem: .controlCharacter("name"))])) {
                _ = try await TerritoryImporter.run(gb, by: t.platform)
            }
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code ~~ ["NUL-1", "NUL-2"]).count() == 0)
            // Without the NUL, both lines arrive: none was lost after it.
            let clean = try #require(iconvEncode(text.replacingOccurrences(of: "\u{0}", with: ""), to: "GB18030"))
            let o = try await TerritoryImporter.run(clean, by: t.platform)
            #expect(o.added == 2)
        }
    }

    @Test func codesAndNamesThePagesRefuseAreRefusedByImport() async throws {
        try await withYishi(demo: true) { t in
            let huge = String(repeating: "名", count: 3 << 20)  // 9 MB of UTF-8
            let csv =
                "code,community,name,housing_type\n\"\"\"'><script>\",BS01-C1,好名字,commodityHousing\nOK-9,BS01-C1,\(huge),commodityHousing\n"
            await #expect(
                throws: ImportFailure([
                    ImportIssue(line: 2, problem: .badCode("code")),
                    ImportIssue(line: 3, problem: .tooLong("name", max: FieldRules.nameMax)),
                ])
            ) {
                _ = try await TerritoryImporter.run(Data(csv.utf8), by: t.platform)
            }
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "OK-9").first() == nil)
            // The page path refuses the same values with the same rules.
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let bad = try await b.json(
                .POST, "/api/v1/territory/\(community.id!.uuidString)/children",
                #"{"code":"\"'><script>","name":"x","kind":"commodityHousing"}"#)
            #expect(bad.status == .unprocessableEntity)
            let tab = try await b.json(
                .POST, "/api/v1/territory/\(community.id!.uuidString)/children",
                #"{"code":"TAB-1","name":"a\tb","kind":"commodityHousing"}"#)
            #expect(tab.status == .unprocessableEntity)
        }
    }

    @Test func concurrentCreatesOfOneCodeAnswer422NotA500() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let path = "/api/v1/territory/\(community.id!.uuidString)/children"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 {
                    // One browser each (a browser keeps its cookies in a plain dictionary), one session.
                    let each = Browser(t.app)
                    each.cookies = b.cookies
                    group.addTask {
                        try await each.json(.POST, path, #"{"code":"SAME-1","name":"同名","kind":"commodityHousing"}"#)
                            .status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.allSatisfy { $0 == .created || $0 == .unprocessableEntity }, "\(statuses)")
            // The database's refusal itself (when both pass the check) maps to the same field error.
            let dup = try TerritoryNode(
                level: .compound, parent: community, code: "SAME-1", name: "x", kind: "commodityHousing")
            await #expect(throws: YishiError.self) {
                try await TerritoryEditing.codeTaken { try await dup.create(on: t.db) }
            }
            do { try await dup.create(on: t.db) } catch { #expect(error.isUniqueViolation) }
        }
    }
}

@Suite("Subtree range and safe CSV cells")
struct SubtreeAndCSVTests {
    @Test func theSubtreeRangeFindsExactlyTheNodesBelow() async throws {
        try await withYishi(demo: true) { t in
            for code in ["BS", "BS01", "BS01-C1", "BS01-C1-X1"] {
                let node = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == code).first())
                let ranged = try await TerritoryNode.query(on: t.db).inSubtree(node.territoryPath).all().map(\.code)
                let all = try await TerritoryNode.query(on: t.db).all()
                let expected = all.filter { node.territoryPath.contains($0.territoryPath) }.map(\.code)
                #expect(Set(ranged) == Set(expected) && ranged.count == expected.count, "\(code)")
            }
        }
    }

    @Test func gapListCellsStartingWithTabOrCarriageReturnAreNeutralised() {
        #expect(CSVCell.field("\t=HYPERLINK(1)") == "'\t=HYPERLINK(1)")
        #expect(CSVCell.field("\r=1") == "\"'\r=1\"")
        #expect(CSVCell.field("-2") == "'-2")
    }
}

/// The plan checks each record where it is; a part is written a moment later. Someone with the
/// right to both places may move the record in that moment: the part then writes nothing and the
/// import stops, instead of changing a record that now lives outside the importer's scope.
@Suite("Territory import: records moved between the plan and the write")
struct ImportMovedMeanwhileTests {
    static func community(_ t: TestContext, _ code: String) async throws -> TerritoryImporter.Scope {
        let node = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == code).first())
        let actor = Actor(
            userId: UUID(), kind: .staff, isVerified: true,
            grants: [Grant(role: .communityStaff, path: node.territoryPath)])
        return .init(caller: t.app.caller(.person(actor), auditActor: .system), bound: node.territoryPath)
    }

    @Test func aResidentMovedOutOfScopeMeanwhileIsNotChanged() async throws {
        try await withYishi(demo: true) { t in
            let code = "R-BS01-C1-X1-B1-101-1"
            let elsewhere = try #require(
                try await Household.query(on: t.db).filter(\.$code == "H-BS01-C2-X1-B1-101").first())
            let csv =
                ImportScopeTests.householdHeader
                + "H-NEW-1,BS01-C1-X1-B1-102,R-NEW-1,新居民,1990,,\n"
                + "H-BS01-C1-X1-B1-101,BS01-C1-X1-B1-101,\(code),被改名,1950,13977770003,\n"
            let db = t.db
            let scope = try await Self.community(t, "BS01-C1")
            let stop = try await #require(throws: TerritoryImporter.Interrupted.self) {
                _ = try await TerritoryImporter.run(Data(csv.utf8), by: scope.caller, bound: scope.bound, partRows: 1) {
                    done, _ in
                    guard done == 1 else { return }
                    // A district administrator moves the resident to 友谊新村 meanwhile.
                    try await Resident.query(on: db).filter(\.$code == code).set(
                        \.$household.$id, to: try elsewhere.requireID()
                    ).update()
                }
            }
            #expect(stop.written == 1)
            let after = try #require(try await Resident.query(on: t.db).filter(\.$code == code).first())
            #expect(after.$household.id == elsewhere.id, "not moved back")
            #expect(after.name != "被改名" && after.phone != "13977770003", "not renamed, not re-phoned")
        }
    }

    @Test func anOwnerGivenAHoldingOutOfScopeMeanwhileIsNotChanged() async throws {
        try await withYishi(demo: true) { t in
            let code = "O-BS01-C1-X1-B1-101"
            let owner = try #require(try await Owner.query(on: t.db).filter(\.$code == code).first())
            let unitElsewhere = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C2-X1-B1-102").first())
            let csv =
                "owner,name,phone,unit\n"
                + "O-NEW-1,新业主,,BS01-C1-X1-B1-102\n"
                + "\(code),被改名,13977770004,BS01-C1-X1-B1-101\n"
            let db = t.db
            let scope = try await Self.community(t, "BS01-C1")
            _ = try await #require(throws: TerritoryImporter.Interrupted.self) {
                _ = try await TerritoryImporter.run(Data(csv.utf8), by: scope.caller, bound: scope.bound, partRows: 1) {
                    done, _ in
                    guard done == 1 else { return }
                    try await Ownership(ownerID: try owner.requireID(), unitID: try unitElsewhere.requireID()).create(
                        on: db)
                }
            }
            let after = try #require(try await Owner.query(on: t.db).filter(\.$code == code).first())
            #expect(after.name == owner.name && after.phone == owner.phone)
        }
    }
}

/// A job stores its step and failure as a text key with its arguments, read in the reader's
/// language — not as two sentences; rows written before keys were stored still read as they were.
@Suite("Job messages as keys")
struct JobMessageTests {
    @Test func aFailedImportStoresItsReasonAsAKeyAndShowsItInBothLanguages() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let csv = ImportScopeTests.householdHeader + "H-X,BS01-C1-X1-B1-102,\(ImportScopeTests.victim),名,1999,,\n"
            let job = try await finishedJob(t, try await b.importCSV(csv))
            #expect(job.status == .failed)
            #expect(job.errorKey == ImportText.jobFailed.key && JobText.decode(job.errorArgs) == ["1"])
            #expect(job.errorZh == nil && job.errorEn == nil, "no sentences stored")
            #expect(job.error(.en) == ImportText.jobFailed.text(.en, ["1"]))
            #expect(job.messageKey == Job.Status.failed.catalogKey && job.messageZh.isEmpty)
            let api = try await b.json(.GET, "/api/v1/jobs/\(job.id!.uuidString)")
            #expect(
                api.text.contains(
                    ImportText.jobFailed.text(.zhHans, ["1"]).replacingOccurrences(of: "\"", with: "\\\"")))
            // A row from before keys were stored keeps its sentences.
            job.errorKey = nil
            job.errorZh = "旧的说明"
            job.errorEn = "An old reason"
            #expect(job.error(.en) == "An old reason" && job.error(.zhHans) == "旧的说明")
        }
    }
}

@Suite("Import templates and the formats page")
struct ImportTemplateTests {
    @Test func eachTemplateIsAFileTheImporterReadsAndTheHelpPageListsItsColumns() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let page = try await b.get("/territory/import")
            #expect(page.text.contains("GB18030"), "the page says GB18030/GBK files are read")
            #expect(page.text.contains(#"href="/territory/import/help""#))
            let help = try await b.get("/territory/import/help")
            #expect(help.status == .ok && help.text.contains("售后公房") && help.text.contains("出生年份"))
            for kind in TerritoryImportKind.allCases {
                let res = try await b.get("/territory/import/templates/\(kind.rawValue).csv")
                #expect(res.status == .ok, "\(kind)")
                #expect(res.body.readableBytesView.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM")
                let table = try CSVTable.read(Data(res.body.readableBytesView))
                let report = TerritoryImportValidator.check(header: table.header, rows: table.rows, currentYear: 2026)
                #expect(report.kind == kind, "\(kind): the Chinese header is recognised")
                #expect(report.issues.isEmpty, "\(kind): the example rows are valid: \(report.issues)")
                #expect(report.records.count == 2)
            }
            #expect(try await b.get("/territory/import/templates/castles.csv").status == .notFound)
            let planner = Browser(t.app)
            try await planner.signIn("planner")
            #expect(try await planner.get("/territory/import/help").status == .forbidden)
        }
    }
}
