import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Projects, first part (issue 18 §1–2): started from listed needs (which become "taken up"),
/// moved on only when the stage has what its template asks, back only with a reason, documents by
/// stage; a district's own workflow template checked like the shipped ones.
@Suite("Projects: from needs through a workflow")
struct ProjectsTests {
    func upload(_ b: Browser, _ path: String, fields: [String: String], file: (String, Data)) async throws
        -> TestingHTTPResponse
    {
        let boundary = "b\(UUID().uuidString)"
        var parts: [(name: String, filename: String?, data: Data)] = [(CSRF.field, nil, Data(b.csrf.utf8))]
        for (k, v) in fields { parts.append((k, nil, Data(v.utf8))) }
        parts.append(("file", file.0, file.1))
        return try await b.send(
            .POST, path, body: ByteBuffer(data: multipartBody(boundary: boundary, parts)),
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    @Test func aProjectStartsFromNeedsAndMovesOnlyWhenItsStageHasWhatItNeeds() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(
                try await staff.get("/territory/\(c1.id!)/projects").text.contains(ProjectText.listEmpty.text(.zhHans)))
            let listed = try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(
                \.$status == .accepted
            )
            .all()
            #expect(listed.count >= 2)
            #expect(try await staff.get("/projects/new?node=\(c1.id!)").text.contains(listed[0].title))
            let made = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "小花园改造"), ("kind", "microRenewal"),
                    ("initiator", "selfGovernance"), ("budget", "120000.5"), ("template", "six-steps"),
                    ("needs[]", listed[0].id!.uuidString), ("needs[]", listed[1].id!.uuidString),
                ])
            #expect(made.status == .seeOther)
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "小花园改造").first())
            #expect(p.budgetFen == 12_000_050 && p.stage == 0)
            #expect(try await Need.find(listed[0].id, on: t.db)?.status == .takenUp, "the needs are taken up")
            // A need is taken up once.
            let again = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "重复"), ("kind", "microRenewal"),
                    ("initiator", "selfGovernance"), ("template", "six-steps"), ("needs[]", listed[0].id!.uuidString),
                ])
            #expect(again.status == .unprocessableEntity)
            // Stage 1 (needs survey) has its need: on; two moves at once: one wins.
            async let a = staff.post("/projects/\(p.id!)/move", ["direction": "forward"])
            async let b = staff.post("/projects/\(p.id!)/move", ["direction": "forward"])
            let codes = [try await a.status.code, try await b.status.code].sorted()
            #expect(codes == [303, 409])
            #expect(try await Project.find(p.id, on: t.db)?.stage == 1)
            // Stage 2 needs the diagnosis report: refused until it is attached.
            let page = try await staff.get("/projects/\(p.id!)").text
            #expect(page.contains("社区诊断报告") && page.contains(ProjectText.missing.text(.zhHans)))
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .conflict)
            #expect(
                try await upload(
                    staff, "/projects/\(p.id!)/documents", fields: ["name": "社区诊断报告"], file: ("r.txt", Data("x".utf8))
                )
                .status == .unprocessableEntity, "a text file is refused")
            #expect(
                try await upload(
                    staff, "/projects/\(p.id!)/documents", fields: ["name": "社区诊断报告"],
                    file: ("r.pdf", Data("%PDF-1.4\n".utf8))
                ).status == .seeOther)
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .seeOther)
            #expect(try await Project.find(p.id, on: t.db)?.stage == 2)
            // Back needs a reason, which the history keeps.
            #expect(
                try await staff.post("/projects/\(p.id!)/move", ["direction": "back"]).status == .unprocessableEntity)
            #expect(
                try await staff.post("/projects/\(p.id!)/move", ["direction": "back", "reason": "居民要求补充访谈"]).status
                    == .seeOther)
            #expect(try await staff.get("/projects/\(p.id!)").text.contains("居民要求补充访谈"))
            let moves = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.projectMove.rawValue)
                .count()
            #expect(moves == 3)
            // Others: a resident reads but cannot move; another community's staff neither.
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.get("/projects/\(p.id!)").status == .ok)
            #expect(try await r.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .forbidden)
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .forbidden)
            #expect(try await other.get("/projects/\(p.id!)").status == .forbidden)
            let doc = try #require(try await ProjectDocument.query(on: t.db).first())
            #expect(try await r.get("/projects/\(p.id!)/documents/\(doc.id!)").headers.contentType?.subType == "pdf")
        }
    }

    @Test func aDistrictAddsItsOwnWorkflowCheckedLikeTheShippedOnes() async throws {
        try await withYishi(demo: true) { t in
            let bs = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS").first())
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            #expect(try await admin.get("/projects/workflows").text.contains("一图三会"))
            let good = #"""
                {"key": "baoshan-quick", "name": {"zh-Hans": "宝山快速微更新", "en": "Baoshan quick renewal"},
                 "source": {"zh-Hans": "宝山区", "en": "Baoshan"},
                 "stages": [{"key": "ask", "name": {"zh-Hans": "征询", "en": "Ask"}, "requires": [{"meeting": ["hearing"], "minutes": true}]},
                            {"key": "do", "name": {"zh-Hans": "实施", "en": "Do"}, "requires": []}]}
                """#
            let path = "/projects/workflows?district=\(bs.id!)"
            #expect(try await upload(admin, path, fields: [:], file: ("w.json", Data(good.utf8))).status == .seeOther)
            let shippedKey = good.replacingOccurrences(of: "baoshan-quick", with: "six-steps")
            #expect(
                try await upload(admin, path, fields: [:], file: ("w.json", Data(shippedKey.utf8))).status
                    == .unprocessableEntity)
            #expect(
                try await upload(admin, path, fields: [:], file: ("w.json", Data("{}".utf8))).status
                    == .unprocessableEntity)
            #expect(
                try await upload(admin, path, fields: [:], file: ("w.json", Data(good.utf8))).status
                    == .unprocessableEntity, "twice")
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            #expect(try await Workflows.available(for: c1, on: t.db).map(\.key).contains("baoshan-quick"))
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get(path).status == .forbidden)
        }
    }
}
