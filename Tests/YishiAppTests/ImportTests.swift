import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The example files in docs/examples, which the documentation walks through.
enum Examples {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("docs/examples")
    static let files = ["1-compounds.csv", "2-buildings.csv", "3-units.csv", "4-households.csv", "5-owners.csv"]
    static func data(_ name: String) throws -> Data { try Data(contentsOf: dir.appendingPathComponent(name)) }
}

@Suite("Territory import")
struct ImportTests {
    func run(_ t: TestContext, _ data: Data) async throws -> TerritoryImporter.Outcome {
        try await TerritoryImporter.run(data, by: t.platform)
    }

    @Test func theDocumentedExamplesImportAndReimportChangesNothing() async throws {
        try await withYishi(demo: true) { t in
            let expected = [(1, "compounds"), (2, "buildings"), (5, "units"), (3, "households"), (4, "owners")]
            for (file, (added, kind)) in zip(Examples.files, expected) {
                let o = try await run(t, try Examples.data(file))
                #expect(o == .init(kind: kind, added: added, updated: 0, unchanged: 0), "\(file)")
            }
            let unit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X9-B1-102").first())
            #expect(unit.area == 7020 && unit.areaSource == .survey && unit.contractArea == 7100)
            let lin = try #require(try await Resident.query(on: t.db).filter(\.$code == "R-X9-102-1").first())
            #expect(lin.name == "林 海峰" && lin.residentFlags == [.buildingGroupLeader])
            let owner = try #require(try await Owner.query(on: t.db).filter(\.$code == "O-X9-3").first())
            #expect(try await Ownership.query(on: t.db).filter(\.$owner.$id == owner.id!).count() == 2)
            let entries = try await AuditEntry.query(on: t.db).count()
            for (file, (rows, kind)) in zip(Examples.files, expected) {
                let o = try await run(t, try Examples.data(file))
                #expect(o == .init(kind: kind, added: 0, updated: 0, unchanged: rows), "re-import of \(file)")
            }
            #expect(try await AuditEntry.query(on: t.db).count() == entries + 5)
            #expect(try await AuditLog.verify(on: t.db) == .ok(entries: entries + 5))
        }
    }

    @Test func aBadRowStopsTheWholeFileWithItsLine() async throws {
        try await withYishi(demo: true) { t in
            _ = try await run(t, try Examples.data("1-compounds.csv"))
            _ = try await run(t, try Examples.data("2-buildings.csv"))
            let units = """
                code,building,number,kind,status,register_area,survey_area,contract_area
                N-1,BS01-C1-X9-B1,301,residential,delivered,70.10,,
                N-2,BS01-C1-X9-B1,302,residential,delivered,70.123,,
                N-3,NO-SUCH-BUILDING,303,residential,delivered,70.00,,
                N-4,BS01-C1-X9,304,residential,delivered,70.00,,
                """
            let before = try await YishiApp.Unit.query(on: t.db).count()
            do {
                _ = try await run(t, Data(units.utf8))
                Issue.record("should have failed")
            } catch let f as ImportFailure {
                // Every problem in one pass: the row refused for its form and the rows whose
                // references are wrong (issue 16, item 13).
                #expect(
                    f.issues == [
                        ImportIssue(line: 3, problem: .badArea("register_area")),
                        ImportIssue(line: 4, problem: .unknownReference("NO-SUCH-BUILDING")),
                        ImportIssue(line: 5, problem: .wrongLevel("BS01-C1-X9", expected: .building)),
                    ])
            }
            let fixed = units.replacingOccurrences(of: "70.123", with: "70.12")
            do {
                _ = try await run(t, Data(fixed.utf8))
                Issue.record("should have failed")
            } catch let f as ImportFailure {
                #expect(
                    f.issues == [
                        ImportIssue(line: 4, problem: .unknownReference("NO-SUCH-BUILDING")),
                        ImportIssue(line: 5, problem: .wrongLevel("BS01-C1-X9", expected: .building)),
                    ])
            }
            #expect(try await YishiApp.Unit.query(on: t.db).count() == before, "nothing of a failed file is kept")
        }
    }

    @Test func excelFilesInEveryEncodingAreRead() async throws {
        try await withYishi(demo: true) { t in
            let text = "code,community,name,housing_type\r\nGB-1,BS01-C1,\"宝林 \"\"新村\"\"\",formerPublicHousing\r\n"
            var bom = Data([0xEF, 0xBB, 0xBF])
            bom.append(Data(text.utf8))
            #expect(try await run(t, bom).added == 1)
            let gb = try #require(iconvEncode(text.replacingOccurrences(of: "GB-1", with: "GB-2"), to: "GB18030"))
            #expect(String(data: gb, encoding: .utf8) == nil, "the fixture really is not UTF-8")
            #expect(try await run(t, gb).added == 1)
            let node = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "GB-2").first())
            #expect(node.name == "宝林 \"新村\"")
            do {
                _ = try await run(t, Data([0x63, 0x6F, 0x64, 0x65, 0xFF, 0xFE, 0x81]))
                Issue.record("should have failed")
            } catch let f as ImportFailure {
                #expect(f.issues == [ImportIssue(line: 1, problem: .notUTF8)])
            }
        }
    }

    @Test func staffImportOnlyWithinTheirScope() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let inside = "code,community,name,housing_type\nP-1,BS01-C1,本社区新小区,commodityHousing\n"
            let outside = "code,community,name,housing_type\nP-2,BS01-C2,别的社区,commodityHousing\n"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: CSRF.header, value: b.csrf)
            let ok = try await b.send(
                .POST, "/api/v1/territory/import", headers: headers, body: ByteBuffer(string: inside),
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            #expect(try await finishedJob(t, ok).territoryImportResult?.outcome?.added == 1)
            let refused = try await b.send(
                .POST, "/api/v1/territory/import", headers: headers, body: ByteBuffer(string: outside),
                contentType: HTTPMediaType(type: "text", subType: "csv"))
            let job = try await finishedJob(t, refused)
            #expect(job.status == .failed)
            #expect(job.territoryImportResult?.issues?.map(\.line) == [2])
            #expect(try await b.get("/api/v1/jobs/\(job.id!.uuidString)").text.contains("\"line\":2"))
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "P-2").first() == nil)
        }
    }

    @Test func theUploadPageReportsLinesInTheUsersLanguage() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            #expect(try await b.get("/territory/import").status == .ok)
            let boundary = "yishi-boundary"
            let csv = "code,community,name,housing_type\nQ-1,BS01-C1,,castle\n"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(b.csrf)\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            // The upload answers at once with its job's page, which shows the outcome or the lines.
            let res = try await b.send(.POST, "/territory/import", headers: headers, body: ByteBuffer(string: body))
            #expect(res.status == .seeOther)
            while try await JobRunner.runNext(t.app) {}
            let failed = try await b.get(try #require(res.headers.first(name: .location)))
            #expect(
                failed.text.contains(
                    Catalog.text(ImportText.line, .zhHans, ["2", Catalog.text(ImportText.blank, .zhHans, ["name"])])))
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "Q-1").first() == nil)
            let good = body.replacingOccurrences(of: ",,castle", with: ",新苑,villageCluster")
            let done = try await b.send(.POST, "/territory/import", headers: headers, body: ByteBuffer(string: good))
            #expect(done.status == .seeOther)
            while try await JobRunner.runNext(t.app) {}
            let job = String(try #require(done.headers.first(name: .location)).dropFirst("/jobs/".count))
            #expect(try await b.post("/territory/import/\(job)/confirm").status == .seeOther)
            while try await JobRunner.runNext(t.app) {}
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "Q-1").first()?.name == "新苑")
        }
    }

    @Test func theCommandImportsAndFailsWithExitCodeTwo() async throws {
        try await withYishi(demo: true) { t in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-\(UUID()).csv")
            try Examples.data("1-compounds.csv").write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            var context = CommandContext(
                console: Terminal(), input: CommandInput(arguments: ["yishi", "territory", file.path]))
            context.application = t.app
            try await ImportCommand().run(using: &context)
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X9").first() != nil)
            try Data("code,community,name,housing_type\nZ,NOPE,x,commodityHousing\n".utf8).write(to: file)
            var again = CommandContext(
                console: Terminal(), input: CommandInput(arguments: ["yishi", "territory", file.path]))
            again.application = t.app
            await #expect(throws: ExitCode.self) { try await ImportCommand().run(using: &again) }
        }
    }
}

/// Encodes text in another charset (test fixtures for Excel's GB18030 exports).
func iconvEncode(_ text: String, to encoding: String) -> Data? {
    let cd = iconv_open(encoding, "UTF-8")
    guard cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = Array(text.utf8CString.dropLast())
    var output = [CChar](repeating: 0, count: input.count * 2 + 16)
    var produced = 0
    let ok = input.withUnsafeMutableBufferPointer { inBuf -> Bool in
        output.withUnsafeMutableBufferPointer { outBuf -> Bool in
            var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
            var inLeft = inBuf.count
            var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
            var outLeft = outBuf.count
            guard iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 else { return false }
            produced = outBuf.count - outLeft
            return true
        }
    }
    return ok ? Data(output.prefix(produced).map { UInt8(bitPattern: $0) }) : nil
}
