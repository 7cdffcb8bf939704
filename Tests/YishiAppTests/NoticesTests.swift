import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Public notices (issue 17 §6): drafted and published by staff, read by anyone, objected to during
/// the period only (online or entered by staff), answered, and stating their outcome; the API does
/// the same. The needs list published through one (§7).
@Suite("Public notices and the published needs list")
struct NoticesTests {
    func node(_ t: TestContext, _ code: String = "BS01-C1") async throws -> TerritoryNode {
        try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == code).first())
    }

    func draft(
        _ staff: Browser, node: UUID, title: String = "3号楼绿化改造方案公示", days: String = "7",
        files: [(String, Data)] = []
    ) async throws -> TestingHTTPResponse {
        let boundary = "b\(UUID().uuidString)"
        var parts: [(name: String, filename: String?, data: Data)] = [
            (CSRF.field, nil, Data(staff.csrf.utf8)), ("node", nil, Data(node.uuidString.utf8)),
            ("title", nil, Data(title.utf8)), ("body", nil, Data("方案见附件。\n如有意见请在公示期内提出。".utf8)),
            ("days", nil, Data(days.utf8)),
        ]
        for f in files { parts.append(("files", f.0, f.1)) }
        return try await staff.send(
            .POST, "/notices", body: ByteBuffer(data: multipartBody(boundary: boundary, parts)),
            contentType: HTTPMediaType(type: "multipart", subType: "form-data", parameters: ["boundary": boundary]))
    }

    @Test func publishedObjectedAnsweredAndItsOutcomeStated() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try await node(t)
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let made = try await draft(staff, node: c1.id!, files: [("plan.pdf", Data("%PDF-1.4\n%test\n".utf8))])
            #expect(made.status == .seeOther)
            let n = try #require(try await PublicNotice.query(on: t.db).filter(\.$title == "3号楼绿化改造方案公示").first())
            #expect(n.status == .draft && n.days == 7)
            // A draft is staff's alone.
            let anyone = Browser(t.app)
            #expect(try await anyone.get("/notices/\(n.id!)").status == .notFound)
            #expect(try await staff.get("/notices/\(n.id!)").text.contains(NoticeText.publish.text(.zhHans)))
            #expect(try await staff.post("/notices/\(n.id!)/publish").status == .seeOther)
            #expect(try await staff.post("/notices/\(n.id!)/publish").status == .conflict, "publishing twice: 409")
            // Now public, without an account, with its file.
            let page = try await anyone.get("/notices/\(n.id!)")
            #expect(page.status == .ok && page.text.contains("方案见附件。") && page.text.contains("plan.pdf"))
            #expect(page.text.contains(NoticeText.signInToObject.text(.zhHans)))
            let files = try await NoticesService.files(of: n.id!, on: t.db)
            let file = try await anyone.get("/notices/\(n.id!)/files/\(files[0].id)")
            #expect(file.status == .ok && file.headers.contentType?.subType == "pdf")
            #expect(
                try await anyone.get("/notices/\(n.id!)/poster").text.contains(
                    NoticeText.posterFooter.text(.zhHans, [""]).prefix(10)))
            // A resident of the community objects; the objection shows without their name.
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.post("/notices/\(n.id!)/objections", ["text": ""]).status == .unprocessableEntity)
            #expect(try await r.post("/notices/\(n.id!)/objections", ["text": "树种得离窗太近，挡光"]).status == .seeOther)
            let o = try #require(try await NoticeObjection.query(on: t.db).filter(\.$notice.$id == n.id!).first())
            #expect(o.channel == "online" && o.$resident.id != nil)
            let me = try await ResidentHome.of(o.$resident.id!, on: t.db)
            let shown = try await anyone.get("/notices/\(n.id!)").text
            #expect(shown.contains("树种得离窗太近") && !shown.contains(me.resident.name))
            #expect(shown.contains(NoticeText.runningCount.text(.zhHans, ["1", "1"])))
            // A paper objection entered by staff, unsigned; the channel is required.
            #expect(
                try await staff.post("/notices/\(n.id!)/objections", ["text": "来信：希望保留原来的桂花树"]).status
                    == .unprocessableEntity)
            #expect(
                try await staff.post("/notices/\(n.id!)/objections", ["text": "来信：希望保留原来的桂花树", "channel": "paper"])
                    .status == .seeOther)
            // Another community's staff may not answer; its residents may not object.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(
                try await other.post("/notices/\(n.id!)/objections/\(o.id!)/answer", ["answer": "x"]).status
                    == .forbidden)
            let audited = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.noticeObject.rawValue)
                .filter(\.$targetID == n.id!.uuidString).count()
            #expect(audited == 2)
            // Answered; the period ends: objections are refused and nothing is stored.
            #expect(
                try await staff.post("/notices/\(n.id!)/objections/\(o.id!)/answer", ["answer": "已调整为离窗 3 米以外"])
                    .status == .seeOther)
            t.clock.advance(7 * 86_400 + 1)
            let late = try await r.post("/notices/\(n.id!)/objections", ["text": "再提一条"])
            #expect(late.status == .conflict && late.text.contains(NoticeText.objectionClosed.text(.zhHans)))
            #expect(try await NoticeObjection.query(on: t.db).filter(\.$notice.$id == n.id!).count() == 2)
            let ended = try await anyone.get("/notices/\(n.id!)").text
            #expect(ended.contains(NoticeText.outcomeWaiting.text(.zhHans, ["2", "1"])))
            let paper = try #require(
                try await NoticeObjection.query(on: t.db).filter(\.$channel == "paper").first())
            _ = try await staff.post("/notices/\(n.id!)/objections/\(paper.id!)/answer", ["answer": "桂花树保留"])
            #expect(
                try await anyone.get("/notices/\(n.id!)").text.contains(NoticeText.outcomeAnswered.text(.zhHans, ["2"]))
            )
        }
    }

    @Test func badDraftsChangeNothing() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try await node(t)
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let before = try await PublicNotice.query(on: t.db).count()
            let attachments = try await Attachment.query(on: t.db).count()
            let text = try await draft(staff, node: c1.id!, files: [("plan.jpg", Data("not a picture".utf8))])
            #expect(text.status == .unprocessableEntity && text.text.contains(NoticeText.fileRefused.text(.zhHans)))
            #expect(try await draft(staff, node: c1.id!, days: "91").status == .unprocessableEntity)
            #expect(try await draft(staff, node: c1.id!, title: "").status == .unprocessableEntity)
            #expect(try await PublicNotice.query(on: t.db).count() == before)
            #expect(try await Attachment.query(on: t.db).count() == attachments)
            // Another community: 403; a resident: 403.
            let c2 = try await node(t, "BS01-C2")
            #expect(try await draft(staff, node: c2.id!).status == .forbidden)
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await draft(r, node: c1.id!).status == .forbidden)
            // A notice of 0 days is published with no time for objections, and says so at once.
            _ = try await draft(staff, node: c1.id!, title: "即时公布", days: "0")
            let zero = try #require(try await PublicNotice.query(on: t.db).filter(\.$title == "即时公布").first())
            _ = try await staff.post("/notices/\(zero.id!)/publish")
            #expect(try await r.post("/notices/\(zero.id!)/objections", ["text": "x"]).status == .conflict)
            #expect(try await r.get("/notices/\(zero.id!)").text.contains(NoticeText.outcomeNoObjection.text(.zhHans)))
        }
    }

    @Test func theAPICreatesPublishesObjectsAnswersAndReads() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let made = try await staff.json(
                .POST, "/api/v1/notices", #"{"node":"BS01-C1","title":"加装电梯意见征询结果","body":"同意 80%。","days":5}"#)
            #expect(made.status == .created)
            let id = try made.decode(DTO.Notice.self).id
            #expect(try await staff.json(.POST, "/api/v1/notices/\(id)/publish").status == .ok)
            #expect(try await staff.json(.POST, "/api/v1/notices/\(id)/publish").status == .conflict)
            let r = Browser(t.app)
            try await r.signInResident()
            let objected = try await r.json(.POST, "/api/v1/notices/\(id)/objections", #"{"text":"数字不对"}"#)
            #expect(objected.status == .created)
            let oid = try objected.decode(DTO.Objection.self).id
            let answered = try await staff.json(
                .POST, "/api/v1/notices/\(id)/objections/\(oid)/answer", #"{"answer":"已核对，数字无误"}"#)
            #expect(answered.status == .ok)
            let read = try await Browser(t.app).json(.GET, "/api/v1/notices/\(id)")
            let notice = try read.decode(DTO.Notice.self)
            #expect(
                notice.outcome.state == "running" && notice.objections.count == 1 && notice.objections[0].answer != nil)
            t.clock.advance(5 * 86_400)
            let settled = try await Browser(t.app).json(.GET, "/api/v1/notices?node=BS01-C1").decode([DTO.Notice].self)
            #expect(settled.contains { $0.id == id && $0.outcome.state == "answered" && $0.outcome.settled })
        }
    }

    @Test func theNeedsListIsFrozenAndPublishedThroughANotice() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try await node(t)
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let listed = try await Need.query(on: t.db).filter(\.$community.$id == c1.id!)
                .filter(\.$status ~~ Array(NeedsList.listed)).count()
            #expect(listed > 0)
            let page = try await staff.get("/territory/\(c1.id!)/needs")
            #expect(page.text.contains("<svg") && page.text.contains(NeedText.publishList.text(.zhHans)))
            #expect(
                try await staff.post("/territory/\(c1.id!)/needs/publish", ["days": "abc"]).status
                    == .unprocessableEntity)
            let sent = try await staff.post("/territory/\(c1.id!)/needs/publish", ["days": "7"])
            #expect(sent.status == .seeOther)
            let notice = try #require(
                try await PublicNotice.query(on: t.db).filter(\.$subjectKind == NeedsList.subjectKind)
                    .filter(\.$node.$id == c1.id!).sort(\.$createdAt, .descending).first())
            #expect(notice.status == .published)
            let version = try #require(try await NeedsListVersion.find(notice.subjectID, on: t.db))
            let rows = try JSONDecoder().decode([NeedsList.Frozen].self, from: Data(version.rows.utf8))
            #expect(rows.count == listed && rows.map(\.rank) == Array(1...listed))
            // Frozen: a need declined afterwards stays on the published list.
            let first = try #require(try await Need.find(rows[0].id, on: t.db))
            _ = try await staff.post("/needs/\(first.id!)/triage", ["decision": "decline", "reason": "重复"])
            let anyone = Browser(t.app)
            let shown = try await anyone.get("/notices/\(notice.id!)")
            #expect(shown.status == .ok && shown.text.contains(rows[0].title) && shown.text.contains("<svg"))
            #expect(try await anyone.get("/notices/\(notice.id!)/poster").text.contains(rows[0].title))
            // A resident may not publish; nor staff of another community.
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.post("/territory/\(c1.id!)/needs/publish", ["days": "7"]).status == .forbidden)
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/territory/\(c1.id!)/needs/publish", ["days": "7"]).status == .forbidden)
        }
    }
}
