import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// A project's works and review, following it, and its story (issue 18 §7–9): records checked by
/// their kind, a resident's problem taken to a meeting, acceptance and a closed satisfaction survey
/// letting the stages move on; followers told in the platform and (when they asked) by text
/// message within a daily cap; one page telling it all.
@Suite("Projects: works, review, following and the story")
struct ProjectWorksTests {
    static let png = Data([
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ])

    @Test func worksAndReviewAreRecordedFollowedAndToldInOrder() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let (p, hearing) = try await DesignVoteTests.setUp(t, staff, title: "健身步道")
            // A resident follows it with text messages; meetings called then reach them, three a day at most.
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.post("/projects/\(p.id!)/follow", ["sms": "on"]).status == .seeOther)
            #expect(try await r.post("/projects/\(p.id!)/follow", ["sms": "on"]).status == .seeOther, "again: no 500")
            let before = try await OutboxMessage.query(on: t.db).filter(\.$phone == DemoDistrict.residentPhone).count()
            for i in 1...4 {
                _ = try await staff.post(
                    "/projects/\(p.id!)/meetings",
                    [
                        "kind": "coordination", "title": "施工协调会\(i)", "startsAt": Show.dateTime(t.clock.now()),
                        "venue": "活动室", "agenda": "施工安排",
                    ])
            }
            let texts = try await OutboxMessage.query(on: t.db).filter(\.$phone == DemoDistrict.residentPhone).count()
            #expect(texts - before == 3, "three a day at most")
            let inbox = try await r.get("/notifications").text
            #expect(inbox.contains("施工协调会4") && inbox.contains("施工协调会1"), "every one in the platform")
            #expect(try await r.post("/notifications/read").status == .seeOther)
            // Records are checked by their kind and change nothing when refused.
            func record(_ b: Browser, _ fields: [(String, String)], photos: Int = 0) async throws -> HTTPStatus {
                try await b.multipart(
                    "/projects/\(p.id!)/records", fields: fields,
                    files: (0..<photos).map { ("photos", "p\($0).png", Self.png) }
                ).status
            }
            #expect(
                try await record(staff, [("kind", "procurement"), ("method", "quotation"), ("party", "某某园林公司")])
                    == .unprocessableEntity)
            #expect(
                try await record(
                    staff,
                    [("kind", "procurement"), ("method", "quotation"), ("party", "某某园林公司"), ("amount", "86000.50")])
                    == .seeOther)
            #expect(
                try await record(
                    staff, [("kind", "progress"), ("percent", "150"), ("date", "2026-12-01"), ("text", "x")])
                    == .unprocessableEntity)
            #expect(
                try await record(
                    staff, [("kind", "progress"), ("percent", "40"), ("date", "2026-12-01"), ("text", "基础完成")],
                    photos: 2) == .seeOther)
            #expect(try await record(staff, [("kind", "beforeAfter")], photos: 1) == .unprocessableEntity)
            #expect(try await record(staff, [("kind", "beforeAfter"), ("text", "步道")], photos: 2) == .seeOther)
            #expect(try await record(staff, [("kind", "reminder"), ("date", "2027-02-30")]) == .unprocessableEntity)
            // A resident reports a problem; another kind is not theirs; other staff cannot.
            #expect(try await record(r, [("kind", "problem"), ("text", "施工太早，七点就有噪音")], photos: 1) == .seeOther)
            #expect(
                try await record(r, [("kind", "acceptance"), ("party", "我"), ("date", "2026-12-01")]) == .forbidden)
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await record(other, [("kind", "reminder"), ("date", "2027-03-01")]) == .forbidden)
            let problem = try #require(
                try await ProjectRecord.query(on: t.db).filter(\.$project.$id == p.id!).filter(\.$kind == .problem)
                    .first())
            #expect(problem.byResident && problem.attachmentIDs.count == 1)
            #expect(
                try await staff.post("/records/\(problem.id!)/meeting", ["meeting": hearing.id!.uuidString]).status
                    == .seeOther)
            // Acceptance makes the works accepted.
            #expect(try await ProjectsService.facts(p, now: t.clock.now(), on: t.db).accepted == false)
            #expect(
                try await record(
                    staff, [("kind", "acceptance"), ("party", "街道房管所"), ("date", "2026-12-20"), ("result", "passed")])
                    == .seeOther)
            #expect(try await ProjectsService.facts(p, now: t.clock.now(), on: t.db).accepted)
            // The satisfaction survey: made, published, answered, closed; counted by the engine.
            #expect(try await staff.post("/projects/\(p.id!)/survey").status == .seeOther)
            let q = try #require(try await Questionnaire.query(on: t.db).filter(\.$projectID == p.id!).first())
            #expect(q.questions.map(\.kind) == [.scale, .text])
            #expect(
                try await staff.post("/projects/\(p.id!)/survey").status == .conflict, "one survey at a time")
            #expect(try await Questionnaire.query(on: t.db).filter(\.$projectID == p.id!).count() == 1)
            #expect(try await staff.post("/questionnaires/\(q.id!)/publish").status == .seeOther)
            #expect(
                try await r.post("/questionnaires/\(q.id!)/responses", ["q0": "4", "q1": "很好"]).status == .seeOther)
            #expect(try await ProjectsService.facts(p, now: t.clock.now(), on: t.db).surveyed == false, "still open")
            #expect(try await staff.post("/questionnaires/\(q.id!)/close").status == .seeOther)
            #expect(try await ProjectsService.facts(p, now: t.clock.now(), on: t.db).surveyed)
            let page = try await r.get("/projects/\(p.id!)").text
            #expect(page.contains("平均 4.00 分") && page.contains("某某园林公司") && page.contains("施工太早"))
            // The story: everything in order, the files behind the project's check.
            let story = try await r.get("/projects/\(p.id!)/story")
            #expect(story.status == .ok)
            let text = story.text
            let order = ["居民提出的需求", "开过的会", "设计方案", "作出的决定", "公示", "施工", "评议"].compactMap {
                text.range(of: "<h2>\($0)</h2>")?.lowerBound
            }
            #expect(order.count == 7 && order == order.sorted(), "the sections in order")
            #expect(text.contains("验收合格") && text.contains("健身步道协调会") && text.contains("接下来"))
            let photo = try #require(problem.id)
            #expect(try await r.get("/projects/\(p.id!)/records/\(photo)/files/0").status == .ok)
            #expect(try await r.get("/projects/\(p.id!)/records/\(photo)/files/3").status == .notFound)
            let anonymous = Browser(t.app)
            #expect(try await anonymous.get("/projects/\(p.id!)/story").status != .ok)
        }
    }

    @Test func aMeetingKeepsViewsAndActionsPublishesItsOutcomeAndCountsItsElectorateFromTheRegister() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let (_, m) = try await DesignVoteTests.setUp(t, staff, title: "楼道灯")
            // Views and actions: an action needs its owner and a real due date.
            #expect(
                try await staff.post("/meetings/\(m.id!)/items", ["kind": "view", "view": "灯要装在楼梯转角"]).status
                    == .seeOther)
            #expect(
                try await staff.post(
                    "/meetings/\(m.id!)/items", ["kind": "action", "action": "联系电工", "owner": "", "due": "2026-12-10"]
                ).status == .unprocessableEntity)
            #expect(
                try await staff.post(
                    "/meetings/\(m.id!)/items",
                    ["kind": "action", "action": "联系电工", "owner": "王阿姨", "due": "2026-12-10"]
                ).status == .seeOther)
            let action = try #require(
                try await MeetingItem.query(on: t.db).filter(\.$meeting.$id == m.id!).filter(\.$kind == .action).first()
            )
            #expect(try await staff.post("/meeting-items/\(action.id!)/done").status == .seeOther)
            #expect(try await staff.post("/meeting-items/\(action.id!)/done").status == .conflict)
            // The outcome waits for the minutes; then it is drafted as the meeting's notice.
            #expect(try await staff.post("/meetings/\(m.id!)/outcome").status == .conflict)
            _ = try await staff.post("/meetings/\(m.id!)/minutes", ["minutes": "大家同意装灯。"])
            _ = try await staff.post("/meetings/\(m.id!)/signin", ["count": "9"])
            _ = try await staff.post("/meetings/\(m.id!)/resolutions", ["resolution": "装声控灯", "yes": "7"])
            #expect(try await staff.post("/meetings/\(m.id!)/outcome").status == .seeOther)
            let notice = try #require(
                try await PublicNotice.query(on: t.db).filter(\.$subjectID == m.id!).sort(\.$createdAt, .descending)
                    .first())
            #expect(
                notice.body.contains("参加 9 人次") && notice.body.contains("装声控灯：通过")
                    && notice.body.contains("灯要装在楼梯转角") && notice.body.contains("联系电工（负责：王阿姨，2026-12-10 前）"))
            // A residents' meeting convened with one representative per household: the electorate
            // is counted from the register.
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "楼道灯").first())
            _ = try await staff.post(
                "/projects/\(p.id!)/meetings",
                [
                    "kind": "residentsAssembly", "title": "居民会议", "startsAt": Show.dateTime(t.clock.now()),
                    "venue": "礼堂", "agenda": "表决", "venueLevel": "community",
                ])
            let assembly = try #require(
                try await Meeting.query(on: t.db).filter(\.$title == "居民会议").with(\.$node).first())
            #expect(assembly.venueLevel == "community")
            let households = try await MeetingsService.register(assembly, now: t.clock.now(), on: t.db).households
            #expect(households > 0 && c1.id != nil)
            #expect(
                try await staff.post(
                    "/meetings/\(assembly.id!)/resolutions",
                    ["resolution": "同意", "basis": "households", "present": String(households / 2 + 1), "yes": "1"]
                ).status == .seeOther)
            let r = try #require(
                try await MeetingResolution.query(on: t.db).filter(\.$meeting.$id == assembly.id!).first())
            #expect(r.electorate == households && r.basis == "households")
            #expect(r.conditions.first?.check == "2 × \(households / 2 + 1) > \(households)")
        }
    }

    @Test func theAPIKeepsTheWorkingGroupRecordsFollowersAndFigures() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let (p, m) = try await DesignVoteTests.setUp(t, staff, title: "口袋公园")
            // The working group: a planner's account, a resident of the register, a contractor; twice is 409.
            for (role, who) in [
                ("planner", "planner"), ("resident", "R-BS01-C1-X1-B1-102-1"), ("contractor", "某某园林公司"),
            ] {
                #expect(
                    try await staff.json(
                        .POST, "/api/v1/projects/\(p.id!)/members", #"{"role":""# + role + #"","who":""# + who + #""}"#
                    ).status == .created)
            }
            #expect(
                try await staff.json(.POST, "/api/v1/projects/\(p.id!)/members", #"{"role":"planner","who":"planner"}"#)
                    .status == .conflict)
            #expect(
                try await staff.json(
                    .POST, "/api/v1/projects/\(p.id!)/members", #"{"role":"planner","who":"nobody-here"}"#
                )
                .status == .unprocessableEntity)
            #expect(
                try await staff.json(.POST, "/api/v1/projects/\(p.id!)/members", #"{"role":"committee","who":"admin"}"#)
                    .status == .unprocessableEntity, "an account with no role in the district is as if there were none")
            let read = try await staff.json(.GET, "/api/v1/projects/\(p.id!)").decode(DTO.Project.self)
            #expect(read.members.map(\.role) == ["planner", "resident", "contractor"])
            #expect(try await staff.get("/projects/\(p.id!)").text.contains("某某园林公司"))
            // Records through the API, a photo as base64; a bad kind and a bad photo are refused.
            let photo = Self.png.base64EncodedString()
            let made = try await staff.json(
                .POST, "/api/v1/projects/\(p.id!)/records",
                #"{"kind":"progress","percent":60,"date":"2026-12-05","text":"铺装完成","photos":[""# + photo + #""]}"#)
            #expect(made.status == .created)
            #expect(try made.decode(DTO.Record.self).files.count == 1)
            #expect(
                try await staff.json(.POST, "/api/v1/projects/\(p.id!)/records", #"{"kind":"party"}"#).status
                    == .unprocessableEntity)
            #expect(
                try await staff.json(
                    .POST, "/api/v1/projects/\(p.id!)/records",
                    #"{"kind":"progress","percent":70,"date":"2026-12-06","text":"x","photos":["bm90IGEgcGhvdG8="]}"#
                ).status == .unprocessableEntity)
            let r = Browser(t.app)
            try await r.signInResident()
            let problem = try await r.json(
                .POST, "/api/v1/projects/\(p.id!)/records", #"{"kind":"problem","text":"围挡挡住了盲道"}"#)
            #expect(problem.status == .created)
            let pid = try problem.decode(DTO.Record.self).id
            #expect(
                try await staff.json(
                    .POST, "/api/v1/records/\(pid)/meeting", #"{"meeting":""# + m.id!.uuidString + #""}"#
                )
                .status == .ok)
            #expect(try await r.json(.GET, "/api/v1/projects/\(p.id!)/records").decode([DTO.Record].self).count == 2)
            // Following and the notifications, in the reader's language.
            #expect(try await r.json(.POST, "/api/v1/projects/\(p.id!)/follow", #"{"sms":false}"#).status == .noContent)
            let hearing = try await staff.json(
                .POST, "/api/v1/projects/\(p.id!)/meetings",
                #"{"kind":"hearing","title":"征询会","agenda":"听意见","venue":"活动室","venueLevel":"compound","startsAt":""#
                    + Show.dateTime(t.clock.now()) + #""}"#
            ).decode(DTO.Meeting.self)
            #expect(hearing.venueLevel == "compound")
            _ = try await staff.json(.POST, "/api/v1/meetings/\(hearing.id)/minutes", #"{"minutes":"同意"}"#)
            #expect(
                try await staff.json(.POST, "/api/v1/projects/\(p.id!)/move", #"{"direction":"forward"}"#).status == .ok
            )
            let notes = try await r.json(.GET, "/api/v1/notifications").decode([DTO.NotificationOut].self)
            #expect(notes.contains { $0.text == "项目“口袋公园”进入了“方案设计”" }, "\(notes)")
            #expect(notes.contains { $0.text.hasPrefix("项目“口袋公园”要开会：征询会") })
            #expect(try await r.json(.DELETE, "/api/v1/projects/\(p.id!)/follow").status == .noContent)
            // The place's figures.
            let figures = try await staff.json(.GET, "/api/v1/statistics/projects?node=BS01-C1").decode(
                ProjectStatistics.Figures.self)
            #expect(figures.projects >= 1 && figures.meetingsHeld >= 1 && figures.needsTakenUp >= 1)
            #expect(figures.byStage.contains { $0.stage == "方案设计" })
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.json(.GET, "/api/v1/statistics/projects?node=BS01-C1").status == .forbidden)
        }
    }

    @Test func thePlanningMapShowsTheCommunitysPlacesNeedsAndProjects() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let r = Browser(t.app)
            try await r.signInResident()
            let page = try await r.get("/territory/\(c1.id!)/planning-map")
            #expect(page.status == .ok)
            #expect(page.text.contains("社区规划图") && page.text.contains("1. 需求："))
            let svg = try await r.get("/territory/\(c1.id!)/planning-map.svg")
            #expect(svg.headers.contentType?.subType == "svg+xml")
            #expect(svg.headers.first(name: "Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(svg.text.hasPrefix("<svg") && svg.text.contains(">1</text>"))
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.get("/territory/\(c1.id!)/planning-map").status == .forbidden)
            #expect(try await Browser(t.app).get("/territory/\(c1.id!)/planning-map.svg").status != .ok)
        }
    }

    @Test func aPlaceCallsItsOwnMeetingKeepsFilesOfItsMinutesAndStaffAreRemindedAtHome() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            // A building group's own meeting: no project.
            #expect(
                try await staff.post(
                    "/territory/\(c1.id!)/meetings",
                    [
                        "kind": "buildingGroup", "title": "3号楼楼组会议", "startsAt": Show.dateTime(t.clock.now()),
                        "venue": "3号楼下", "agenda": "楼道堆物清理", "venueLevel": "buildingGroup",
                    ]
                ).status == .seeOther)
            let m = try #require(try await Meeting.query(on: t.db).filter(\.$title == "3号楼楼组会议").first())
            #expect(m.$project.id == nil && m.venueLevel == "buildingGroup")
            #expect(try await staff.get("/territory/\(c1.id!)/meetings").text.contains("3号楼楼组会议"))
            let listed = try await staff.json(.GET, "/api/v1/meetings?node=BS01-C1").decode([DTO.Meeting].self)
            #expect(listed.contains { $0.id == m.id })
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/territory/\(c1.id!)/meetings", ["kind": "joint"]).status == .forbidden)
            // Files of the minutes: a picture or PDF, checked by content; a text file is refused.
            #expect(
                try await staff.multipart(
                    "/meetings/\(m.id!)/files", fields: [], files: [("files", "notes.txt", Data("hello".utf8))]
                ).status == .unprocessableEntity)
            #expect(
                try await staff.multipart(
                    "/meetings/\(m.id!)/files", fields: [], files: [("files", "签到表.png", Self.png)]
                ).status == .seeOther)
            let file = try #require(
                try await MeetingItem.query(on: t.db).filter(\.$meeting.$id == m.id!).filter(\.$kind == .file).first())
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.get("/meeting-items/\(file.id!)/file").headers.contentType?.subType == "png")
            #expect(try await other.get("/meeting-items/\(file.id!)/file").status == .forbidden)
            // An overdue action and a reminder that has come show on the staff member's home.
            _ = try await staff.post(
                "/meetings/\(m.id!)/items", ["kind": "action", "action": "清理楼道", "owner": "楼组长", "due": "2020-01-01"])
            let home = try await staff.get("/").text
            #expect(home.contains("会后要办的事过期了：清理楼道"))
            #expect(!(try await other.get("/").text.contains("清理楼道")), "not at another community")
        }
    }

    @Test func theAPIAddsVersionsTakesCommentsAndFilesDocuments() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let (p, _) = try await DesignVoteTests.setUp(t, staff, title: "屋顶花园")
            let drawing = Self.png.base64EncodedString()
            let made = try await staff.json(
                .POST, "/api/v1/projects/\(p.id!)/options",
                #"{"label":"方案C","description":"屋顶种菜","costFen":1200000,"drawing":""# + drawing + #""}"#)
            #expect(made.status == .created)
            let c1 = try made.decode(DTO.Option.self)
            #expect(c1.version == 1 && c1.drawing != nil && c1.costFen == 1_200_000)
            let again = try await staff.json(
                .POST, "/api/v1/projects/\(p.id!)/options", #"{"label":"方案C","description":"屋顶种花"}"#
            ).decode(DTO.Option.self)
            #expect(again.version == 2)
            #expect(
                try await staff.json(
                    .POST, "/api/v1/projects/\(p.id!)/options",
                    #"{"label":"方案D","description":"x","drawing":"bm90IGEgcGljdHVyZQ=="}"#
                ).status == .unprocessableEntity, "not a picture or PDF")
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(
                try await r.json(.POST, "/api/v1/options/\(again.id)/comments", #"{"text":"种花好看"}"#).status == .created)
            let listed = try await r.json(.GET, "/api/v1/projects/\(p.id!)/options").decode([DTO.Option].self)
            #expect(listed.first { $0.id == again.id }?.comments.map(\.text) == ["种花好看"])
            #expect(
                try await staff.json(
                    .POST, "/api/v1/options/\(again.id)/choose", #"{"resolution":""# + UUID().uuidString + #""}"#
                )
                .status == .unprocessableEntity, "chosen only by a resolution of the project's meetings")
            #expect(
                try await r.json(.POST, "/api/v1/projects/\(p.id!)/options", #"{"label":"方案E","description":"x"}"#)
                    .status
                    == .forbidden)
            #expect(
                try await staff.json(
                    .POST, "/api/v1/projects/\(p.id!)/documents", #"{"name":"设计方案图","file":""# + drawing + #""}"#
                ).status == .created)
            #expect(
                try await ProjectsService.facts(p, now: t.clock.now(), on: t.db).documents.contains("设计方案图"),
                "attached at the stage it is at")
        }
    }

    @Test func handsAreCountedPersonByPersonFromTheSignInList() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let (_, m) = try await DesignVoteTests.setUp(t, staff, title: "楼道粉刷")
            let r = Browser(t.app)
            try await r.signInResident()
            _ = try await r.post("/meetings/\(m.id!)/signin", ["code": m.code])
            let me = try #require(
                try await Resident.query(on: t.db).filter(\.$phone == DemoDistrict.residentPhone).first())
            let neighbour = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            let absent = try #require(
                try await Resident.query(on: t.db).filter(\.$code != neighbour.code).filter(\.$id != me.id!).first())
            _ = try await staff.post("/meetings/\(m.id!)/signin", ["resident": neighbour.code])
            _ = try await staff.post("/meetings/\(m.id!)/signin", ["count": "6"])
            #expect(try await staff.get("/meetings/\(m.id!)").text.contains(#"name="hands[]""#))
            // Someone not signed in cannot be ticked; nothing is stored.
            #expect(
                try await staff.post(
                    "/meetings/\(m.id!)/resolutions",
                    fields: [("resolution", "粉刷成浅色"), ("hands[]", absent.id!.uuidString)]
                ).status == .unprocessableEntity)
            #expect(try await MeetingResolution.query(on: t.db).filter(\.$meeting.$id == m.id!).count() == 0)
            // Two ticked by name and three more on paper: five of eight present.
            #expect(
                try await staff.post(
                    "/meetings/\(m.id!)/resolutions",
                    fields: [
                        ("resolution", "粉刷成浅色"), ("hands[]", me.id!.uuidString), ("hands[]", neighbour.id!.uuidString),
                        ("yes", "3"),
                    ]
                ).status == .seeOther)
            let res = try #require(try await MeetingResolution.query(on: t.db).filter(\.$meeting.$id == m.id!).first())
            #expect(res.yes == 5 && res.present == 8 && res.passed)
            #expect(try await staff.get("/meetings/\(m.id!)").text.contains("其中按签到名单逐个记下 2 人"))
            // Through the API, by the residents' codes.
            let made = try await staff.json(
                .POST, "/api/v1/meetings/\(m.id!)/resolutions",
                #"{"text":"周末施工","hands":[""# + neighbour.code + #""]}"#)
            #expect(made.status == .created)
            #expect(try made.decode(DTO.Meeting.self).resolutions.last?.yes == 1)
            #expect(
                try await staff.json(
                    .POST, "/api/v1/meetings/\(m.id!)/resolutions", #"{"text":"x","hands":[""# + absent.code + #""]}"#
                ).status == .unprocessableEntity)
        }
    }
}
