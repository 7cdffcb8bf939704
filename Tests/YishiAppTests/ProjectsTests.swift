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
        try await b.multipart(path, fields: fields.map { ($0.key, $0.value) }, files: [("file", file.0, file.1)])
    }

    @Test func aProjectStartsFromNeedsAndMovesOnlyWhenItsStageHasWhatItNeeds() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get("/territory/\(c1.id!)/projects").text.contains("二号楼旁小花园改造"), "the demo's")
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
            let doc = try #require(try await ProjectDocument.query(on: t.db).filter(\.$project.$id == p.id!).first())
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

/// Meetings (issue 18 §5–6): called for a project, signed in by code, roster and paper count,
/// minutes, resolutions by the rule; what a stage needs is met by them.
@Suite("Projects: meetings")
struct MeetingsTests {
    @Test func aHearingIsCalledSignedInByEveryWayMinutedAndLetsTheProjectMoveOn() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(\.$status == .accepted).first()
            )
            _ = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "门口台阶改坡道"), ("kind", "microRetrofit"),
                    ("initiator", "selfGovernance"), ("template", "one-map-three-meetings"),
                    ("needs[]", need.id!.uuidString),
                ])
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "门口台阶改坡道").first())
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .conflict)
            // Calling it: a bad time is refused; then the hearing the stage needs.
            let when = Show.dateTime(t.clock.now().addingTimeInterval(2 * 86_400))
            #expect(
                try await staff.post(
                    "/projects/\(p.id!)/meetings",
                    ["kind": "hearing", "title": "坡道方案事前征询会", "startsAt": "明天下午", "venue": "活动室", "agenda": "听取意见"]
                ).status == .unprocessableEntity)
            let called = try await staff.post(
                "/projects/\(p.id!)/meetings",
                [
                    "kind": "hearing", "title": "坡道方案事前征询会", "startsAt": when, "venue": "居委会活动室",
                    "agenda": "一、介绍需求\n二、听取意见",
                ])
            #expect(called.status == .seeOther)
            let m = try #require(try await Meeting.query(on: t.db).filter(\.$title == "坡道方案事前征询会").first())
            #expect(m.projectStage == 0 && m.code.count == 6)
            // A resident: a wrong code, the right code too early, then at the meeting; once.
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(
                try await r.post("/meetings/\(m.id!)/signin", ["code": "000000" == m.code ? "111111" : "000000"]).status
                    == .unprocessableEntity)
            #expect(
                try await r.post("/meetings/\(m.id!)/signin", ["code": m.code]).status == .unprocessableEntity,
                "too early")
            t.clock.advance(2 * 86_400)
            try await r.signInResident()
            try await staff.signIn("baolin1")
            #expect(try await r.post("/meetings/\(m.id!)/signin", ["code": m.code]).status == .seeOther)
            #expect(try await r.post("/meetings/\(m.id!)/signin", ["code": m.code]).status == .conflict)
            // Staff tick a neighbour off the roster and enter a paper sheet of 12.
            let neighbour = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            #expect(try await staff.post("/meetings/\(m.id!)/signin", ["resident": neighbour.code]).status == .seeOther)
            #expect(try await staff.post("/meetings/\(m.id!)/signin", ["count": "12"]).status == .seeOther)
            #expect(try await MeetingsService.attendance(of: m, on: t.db).total == 14)
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/meetings/\(m.id!)/signin", ["count": "5"]).status == .forbidden)
            // Minutes make it held: the stage has what it needs.
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .conflict)
            #expect(
                try await staff.post("/meetings/\(m.id!)/minutes", ["minutes": "到会 14 人次。\n大家同意改坡道，扶手要加高。"]).status
                    == .seeOther)
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .seeOther)
            // A resolution by more than half of those present, with its numbers.
            #expect(
                try await staff.post("/meetings/\(m.id!)/resolutions", ["resolution": "同意改坡道", "yes": "8"]).status
                    == .seeOther)
            let res = try #require(try await MeetingResolution.query(on: t.db).filter(\.$meeting.$id == m.id!).first())
            #expect(res.passed && res.present == 14 && res.conditions.map(\.check) == ["2 × 8 > 14"])
            #expect(
                try await staff.post("/meetings/\(m.id!)/resolutions", ["resolution": "x", "yes": "20"]).status
                    == .unprocessableEntity, "more in favour than present")
            let page = try await r.get("/meetings/\(m.id!)").text
            #expect(page.contains("2 × 8 &gt; 14") || page.contains("2 × 8 > 14"))
            #expect(!page.contains(m.code), "the code is for staff to announce")
        }
    }

    @Test func aResidentsMeetingNeedsItsElectorateAndAPartyMeetingIsInternal() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(\.$status == .accepted).first()
            )
            _ = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "加装电梯试点"), ("kind", "microRetrofit"),
                    ("initiator", "government"), ("template", "six-steps"), ("needs[]", need.id!.uuidString),
                ])
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "加装电梯试点").first())
            let when = Show.dateTime(t.clock.now())
            for (kind, title) in [("residentsAssembly", "居民会议"), ("partyMembers", "党员议事会")] {
                _ = try await staff.post(
                    "/projects/\(p.id!)/meetings",
                    ["kind": kind, "title": title, "startsAt": when, "venue": "活动室", "agenda": "加装电梯"])
            }
            let assembly = try #require(try await Meeting.query(on: t.db).filter(\.$title == "居民会议").first())
            let party = try #require(try await Meeting.query(on: t.db).filter(\.$title == "党员议事会").first())
            #expect(
                try await staff.post(
                    "/meetings/\(assembly.id!)/resolutions", ["resolution": "同意", "present": "60", "yes": "40"]
                )
                .status == .unprocessableEntity, "the electorate is needed")
            #expect(
                try await staff.post(
                    "/meetings/\(assembly.id!)/resolutions",
                    ["resolution": "同意", "electorate": "100", "present": "60", "yes": "40"]
                ).status == .seeOther)
            #expect(
                try await MeetingResolution.query(on: t.db).filter(\.$meeting.$id == assembly.id!).first()?.status
                    == "passed")
            // Announced ahead through a notice that links to it; the party members' meeting never is.
            #expect(try await staff.post("/meetings/\(assembly.id!)/notice").status == .seeOther)
            let announced = try #require(
                try await PublicNotice.query(on: t.db).filter(\.$subjectKind == MeetingNotices.kind)
                    .filter(\.$subjectID == assembly.id!).first())
            #expect(announced.body.contains("加装电梯") && announced.status == .draft)
            _ = try await staff.post("/notices/\(announced.id!)/publish")
            #expect(
                try await Browser(t.app).get("/notices/\(announced.id!)").text.contains("/meetings/\(assembly.id!)"))
            #expect(try await staff.post("/meetings/\(party.id!)/notice").status == .conflict)
            // The A4 sign-in sheet: a line per household, no one's name printed; staff only.
            let sheet = try await staff.get("/meetings/\(assembly.id!)/sheet")
            let someone = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-101-1").first())
            #expect(sheet.status == .ok && sheet.text.contains(MeetingText.sheetSignature.text(.zhHans)))
            #expect(sheet.text.contains("101") && !sheet.text.contains(someone.name))
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.get("/meetings/\(assembly.id!)/sheet").status == .forbidden)
            #expect(try await r.get("/meetings/\(assembly.id!)").status == .ok)
            #expect(try await r.get("/meetings/\(party.id!)").status == .notFound, "internal")
            #expect(!(try await r.get("/projects/\(p.id!)").text.contains("党员议事会")))
        }
    }
}

@Suite("Projects: notices of a project")
struct ProjectNoticesTests {
    @Test func aStageThatNeedsANoticeWaitsForItsPeriodAndEveryAnswer() async throws {
        try await withYishi(demo: true) { t in
            let bs = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS").first())
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            let template = #"""
                {"key": "notice-first", "name": {"zh-Hans": "先公示", "en": "Notice first"}, "source": {"zh-Hans": "测试", "en": "Test"},
                 "stages": [{"key": "publish", "name": {"zh-Hans": "公示", "en": "Publish"}, "requires": [{"notice": true}]},
                            {"key": "do", "name": {"zh-Hans": "实施", "en": "Do"}, "requires": []}]}
                """#
            _ = try await ProjectsTests().upload(
                admin, "/projects/workflows?district=\(bs.id!)", fields: [:], file: ("w.json", Data(template.utf8)))
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(\.$status == .accepted).first()
            )
            _ = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "晾衣架改造"), ("kind", "microRenewal"),
                    ("initiator", "selfGovernance"), ("template", "notice-first"), ("needs[]", need.id!.uuidString),
                ])
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "晾衣架改造").first())
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .conflict)
            let drafted = try await staff.post(
                "/projects/\(p.id!)/notices", ["title": "晾衣架改造方案公示", "body": "方案如下。", "days": "5"])
            #expect(drafted.status == .seeOther)
            let n = try #require(try await PublicNotice.query(on: t.db).filter(\.$title == "晾衣架改造方案公示").first())
            #expect(n.subjectKind == ProjectNotices.kind && n.subjectID == p.id)
            _ = try await staff.post("/notices/\(n.id!)/publish")
            #expect(
                try await Browser(t.app).get("/notices/\(n.id!)").text.contains("晾衣架改造"), "the notice names its project"
            )
            let r = Browser(t.app)
            try await r.signInResident()
            _ = try await r.post("/notices/\(n.id!)/objections", ["text": "晾衣架离窗太近"])
            t.clock.advance(5 * 86_400 + 60)
            try await staff.signIn("baolin1")
            #expect(
                try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .conflict,
                "ended, but an objection waits for its answer")
            let o = try #require(try await NoticeObjection.query(on: t.db).filter(\.$notice.$id == n.id!).first())
            _ = try await staff.post("/notices/\(n.id!)/objections/\(o.id!)/answer", ["answer": "已改到离窗 2 米"])
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .seeOther)
        }
    }
}

@Suite("Projects: design options")
struct DesignOptionsTests {
    @Test func versionsAreCommentedComparedAndOneIsChosenByAResolution() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(\.$status == .accepted).first()
            )
            _ = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "中心绿地改造"), ("kind", "microDesign"),
                    ("initiator", "selfGovernance"), ("template", "one-map-three-meetings"),
                    ("needs[]", need.id!.uuidString),
                ])
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "中心绿地改造").first())
            let u = ProjectsTests()
            let png = Data([
                0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60,
                0x82,
            ])
            for (label, text) in [("方案A", "保留大树，加环形步道"), ("方案A", "保留大树，步道改直"), ("方案B", "做成儿童游戏场")] {
                #expect(
                    try await u.upload(
                        staff, "/projects/\(p.id!)/options",
                        fields: ["label": label, "description": text, "cost": "80000"],
                        file: ("d.png", png)
                    ).status == .seeOther)
            }
            let options = try await DesignOptions.of(p, on: t.db)
            #expect(options.map { "\($0.label)\($0.version)" } == ["方案A1", "方案A2", "方案B1"])
            #expect(
                try await staff.get("/projects/\(p.id!)/options/compare?a=\(options[1].id!)&b=\(options[2].id!)").status
                    == .ok)
            #expect(try await staff.get("/options/\(options[0].id!)/drawing").headers.contentType?.subType == "png")
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(
                try await r.post("/options/\(options[1].id!)/comments", ["comment": "步道改直好，老人走得方便"]).status == .seeOther
            )
            #expect(try await staff.get("/projects/\(p.id!)").text.contains("步道改直好"))
            // Chosen only by a resolution passed at one of the project's meetings.
            #expect(try await staff.post("/options/\(options[1].id!)/choose").status == .unprocessableEntity)
            _ = try await staff.post(
                "/projects/\(p.id!)/meetings",
                [
                    "kind": "coordination", "title": "方案协调会", "startsAt": Show.dateTime(t.clock.now()), "venue": "活动室",
                    "agenda": "选方案",
                ])
            let m = try #require(try await Meeting.query(on: t.db).filter(\.$title == "方案协调会").first())
            _ = try await staff.post(
                "/meetings/\(m.id!)/resolutions", ["resolution": "选定方案A第2稿", "present": "20", "yes": "15"])
            let res = try #require(try await MeetingResolution.query(on: t.db).filter(\.$meeting.$id == m.id!).first())
            #expect(
                try await staff.post("/options/\(options[1].id!)/choose", ["resolution": res.id!.uuidString]).status
                    == .seeOther)
            #expect(try await DesignOption.find(options[1].id, on: t.db)?.chosen == true)
            #expect(try await ProjectsService.facts(p, now: t.clock.now(), on: t.db).optionChosen)
            #expect(
                try await r.post("/options/\(options[1].id!)/choose", ["resolution": res.id!.uuidString]).status
                    == .forbidden)
        }
    }
}

@Suite("Projects: the API")
struct ProjectsAPITests {
    @Test func aProjectIsStartedMovedAndItsMeetingRunThroughTheAPI() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(\.$status == .accepted).first()
            )
            let made = try await staff.json(
                .POST, "/api/v1/projects",
                #"{"node":"BS01-C1","title":"自行车棚改造","kind":"microRenewal","initiator":"selfGovernance","template":"one-map-three-meetings","budgetFen":5000050,"needs":[""#
                    + need.id!.uuidString + #""]}"#)
            #expect(made.status == .created)
            let p = try made.decode(DTO.Project.self)
            #expect(p.budgetFen == 5_000_050 && p.stageKey == "hearing" && p.missing.count == 1)
            #expect(
                try await staff.json(.POST, "/api/v1/projects/\(p.id)/move", #"{"direction":"forward"}"#).status
                    == .conflict)
            let called = try await staff.json(
                .POST, "/api/v1/projects/\(p.id)/meetings",
                #"{"kind":"hearing","title":"车棚征询会","agenda":"听意见","venue":"车棚旁","startsAt":""#
                    + Show.dateTime(t.clock.now())
                    + #""}"#)
            #expect(called.status == .created)
            let m = try called.decode(DTO.Meeting.self)
            #expect(m.code?.count == 6)
            let r = Browser(t.app)
            try await r.signInResident()
            let signed = try await r.json(.POST, "/api/v1/meetings/\(m.id)/signin", #"{"code":""# + m.code! + #""}"#)
            let seen = try signed.decode(DTO.Meeting.self)
            #expect(signed.status == .created && seen.code == nil, "no code for residents")
            #expect(
                try await staff.json(.POST, "/api/v1/meetings/\(m.id)/signin", #"{"paperCount":9}"#).status == .created)
            #expect(
                try await staff.json(.POST, "/api/v1/meetings/\(m.id)/minutes", #"{"minutes":"同意改造"}"#).status == .ok)
            let resolved = try await staff.json(
                .POST, "/api/v1/meetings/\(m.id)/resolutions", #"{"text":"同意","yes":6}"#)
            let after = try resolved.decode(DTO.Meeting.self)
            #expect(after.attendance == 10 && after.resolutions.first?.conditions.first?.check == "2 × 6 > 10")
            let moved = try await staff.json(.POST, "/api/v1/projects/\(p.id)/move", #"{"direction":"forward"}"#)
            let movedOn = try moved.decode(DTO.Project.self)
            #expect(moved.status == .ok && movedOn.stageKey == "design")
            let home = try await r.get("/").text
            #expect(home.contains("二号楼旁小花园改造") && home.contains("自行车棚改造"), "their community's projects at home")
            let listed = try await r.json(.GET, "/api/v1/projects?node=BS01-C1").decode([DTO.Project].self)
            #expect(listed.contains { $0.id == p.id })
            #expect(
                try await r.json(.POST, "/api/v1/projects/\(p.id)/move", #"{"direction":"back","reason":"x"}"#).status
                    == .forbidden)
        }
    }
}
