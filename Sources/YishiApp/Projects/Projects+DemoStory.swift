import Fluent
import SQLKit
import Vapor
import YishiCore

/// The demo's complete project (after the other projects): 宝林一村's fitness corner, from three
/// needs residents raised through one map and three meetings to its review — a hearing announced
/// by a notice and signed in three ways, two design options (one in two versions) with drawings, a
/// coordination meeting that voted between two versions, the chosen design's notice with one
/// objection answered, the works (procurement, progress with photos, a resident's problem taken to
/// a meeting, acceptance, upkeep, the corner's rules), the review meeting, a satisfaction survey,
/// an assessment, before/after photos, a reminder and a nomination. Each thing on the day it
/// happened, about four months back. Then a project at each other step in other communities.
enum ProjectsDemoStory {
    static let part = DemoPart(order: 46) { demo in
        let db = demo.db
        let c1 = try await demo.node("BS01-C1")
        let people = try await PeopleQueries.residents(on: db, in: [c1.territoryPath]).all().map(PeopleQueries.row)
        let staff = try await User.query(on: db).filter(\.$username == "baolin1").first()?.id
        let ctx = Ctx(db: db, now: demo.effects.time.now(), staff: staff, people: people)
        guard people.count > 30 else { return }
        // Three needs the corner answers — fitness, seats, a step-free way in — from those not yet
        // sorted (the list's own stay on the list for the other demos).
        let needs = try await Need.query(on: db).filter(\.$community.$id == c1.requireID())
            .filter(\.$status == .new).sort(\.$priority, .descending).all()
            .filter { ["fitness", "seating", "accessibility"].contains($0.category) }.prefix(3)
        guard needs.count == 3 else { return }
        let compound = try await TerritoryNode.query(on: db).filter(\.$parent.$id == c1.requireID())
            .filter(\.$level == .compound).sort(\.$path).first()
        let p = Project()
        p.$node.id = try (compound ?? c1).requireID()
        p.title = "三号楼前健身角改造"
        p.description =
            "三号楼前的空地堆着坏了的健身器材。居民提出修器材、加座椅、给孩子留一块地方。\n按“一图三会”做：先征询，再设计、协调定方案，施工后评议。"
        p.kind = .microRenewal
        p.initiator = .selfGovernance
        p.budgetFen = 9_800_000
        p.templateKey = "one-map-three-meetings"
        p.stage = 0
        p.createdByID = staff
        try await p.create(on: db)
        try await ctx.backdate("projects", p.id, ctx.day(-125))
        // Raised in the months before, at the buildings of the compound the corner serves.
        let buildings = try await TerritoryNode.query(on: db).filter(\.$parent.$id == p.$node.id)
            .filter(\.$level == .building).sort(\.$path).all()
        for (i, n) in needs.enumerated() {
            try await (db as! any SQLDatabase).raw(
                "INSERT INTO project_needs (project_id, need_id) VALUES (\(bind: p.requireID()), \(bind: n.requireID()))"
            ).run()
            n.firstSubmittedAt = ctx.day(-160 + i * 9)
            if !buildings.isEmpty { n.$place.id = try buildings[i % buildings.count].requireID() }
            try await n.update(on: db)
        }
        // The working group.
        for (role, name, user) in [
            (WorkingGroupRole.committee, "宝林一村居委会", staff),
            (.planner, "社区规划师", try await User.query(on: db).filter(\.$username == "planner").first()?.id),
            (.resident, people[1].name, nil), (.contractor, "上海绿苑园林工程有限公司", nil),
        ] {
            let m = ProjectMember()
            m.$project.id = try p.requireID()
            m.role = role
            m.name = name
            m.userID = user
            m.residentID = role == .resident ? people[1].id : nil
            try await m.create(on: db)
        }
        // 1 · The hearing, announced a week ahead.
        let hearingAt = ctx.day(-112, hour: 19)
        let hearing = try await ctx.meeting(
            p, .hearing, "健身角改造事前征询会", agenda: "一、介绍居民提出的三条需求\n二、听取大家的想法\n三、确定设计要点",
            venue: "三号楼前空地（雨天改在居委会活动室）", at: hearingAt,
            minutes: "到会居民 30 人次。\n大家希望修好或换掉坏器材，加有靠背的座椅，留一块给孩子的软地面；晚上要有灯。\n同意请社区规划师按这些要点出设计方案。",
            code: 9, roster: 3, paper: 18, level: .compound)
        try await ctx.notice(
            p, "会议通知：健身角改造事前征询会",
            "时间：\(Show.dateTime(hearingAt))　地点：三号楼前空地\n议程：介绍需求，听取意见，确定设计要点。欢迎居民参加。",
            published: ctx.day(-119), days: 7, subject: (MeetingNotices.kind, try hearing.requireID()))
        try await ctx.item(hearing, .view, "器材要适合老人，别装太高的单杠。")
        try await ctx.item(hearing, .view, "孩子玩的地方要和器材隔开。")
        try await ctx.item(
            hearing, .action, "请规划师出两个方案", owner: "社区规划师", due: String(Show.dateTime(ctx.day(-100)).prefix(10)))
        try await ctx.resolve(hearing, "同意按“换器材、加座椅、留儿童软地面、加照明”的要点出设计方案", present: 30, yes: 27)
        try await ctx.move(p, to: 1, at: ctx.day(-108))
        // 2 · The design: two options, A in two versions, each with its drawing; the design drawing filed.
        var options: [String: UUID] = [:]
        for (label, version, text, cost, straight, stations, play, d) in [
            ("方案A", 1, "环形步道，器材沿步道摆放，座椅在树下。", Int64(9_200_000), false, 4, false, -100),
            ("方案B", 1, "中间做儿童软地面，器材靠边，座椅围一圈。", 10_400_000, false, 3, true, -99),
            ("方案A", 2, "步道改直更好走，器材 5 件适合老人，座椅加靠背，角上留儿童软地面。", 9_600_000, true, 5, true, -92),
        ] {
            let o = DesignOption()
            o.$project.id = try p.requireID()
            o.label = label
            o.version = version
            o.description = text
            o.costFen = cost
            o.chosen = false
            o.createdByID = staff
            o.$attachment.id = try await ctx.files([
                ("\(label)-\(version).png", DemoPictures.drawing(straight: straight, stations: stations, play: play))
            ]).first
            try await o.create(on: db)
            try await ctx.backdate("design_options", o.id, ctx.day(d))
            options["\(label)\(version)"] = o.id
        }
        let doc = ProjectDocument()
        doc.$project.id = try p.requireID()
        doc.stage = 1
        doc.name = "设计方案图"
        doc.$attachment.id = try await ctx.files([
            ("设计方案图.png", DemoPictures.drawing(straight: true, stations: 5, play: true))
        ])[0]
        doc.byID = staff
        try await doc.create(on: db)
        try await ctx.backdate("project_documents", doc.id, ctx.day(-92))
        try await ctx.move(p, to: 2, at: ctx.day(-90))
        // 3 · The coordination meeting votes between A v2 and B v1: 10 online, 20 on paper, one spoilt.
        let coordinationAt = ctx.day(-84, hour: 19)
        let coordination = try await ctx.meeting(
            p, .coordination, "健身角方案事中协调会", agenda: "一、规划师介绍两个方案\n二、居民提意见\n三、投票选方案",
            venue: "宝林一村居委会活动室", at: coordinationAt,
            minutes: "到会居民 31 人次。规划师介绍了方案A第2稿和方案B。\n投票结果：方案A第2稿 21 票，方案B 9 票，无效 1 票，选定方案A第2稿。",
            code: 10, roster: 0, paper: 21, offset: 2)
        let vote = DesignVote()
        vote.$meeting.id = try coordination.requireID()
        vote.projectID = try p.requireID()
        vote.method = ChoiceResult.Method.plurality.rawValue
        vote.tieBreakJSON = DesignVotes.json(TieBreak.listedOrder)
        vote.optionIDsJSON = DesignVotes.json([options["方案A2"]!, options["方案B1"]!])
        vote.status = "open"
        vote.spoilt = 1
        vote.openedByID = staff
        try await vote.create(on: db)
        var ballots: [OptionVote.Ballot] = []
        for (i, person) in people.dropFirst(2).prefix(10).enumerated() {
            let b = DesignBallot()
            b.$vote.id = try vote.requireID()
            b.residentID = person.id
            b.picksJSON = DesignVotes.json([i < 7 ? 0 : 1])
            b.count = 1
            try await b.create(on: db)
            ballots.append(b.ballot)
        }
        for (pick, n) in [(0, 14), (1, 6)] {
            let b = DesignBallot()
            b.$vote.id = try vote.requireID()
            b.picksJSON = DesignVotes.json([pick])
            b.count = n
            b.enteredByID = staff
            try await b.create(on: db)
            ballots.append(b.ballot)
        }
        let result = try OptionVote.tally(
            method: .plurality, options: 2, ballots: ballots, spoilt: 1, maxPicks: nil, tieBreak: .listedOrder)
        vote.status = "closed"
        vote.closedAt = coordinationAt.addingTimeInterval(5_400)
        vote.resultJSON = DesignVotes.json(result)
        try await vote.update(on: db)
        try await ctx.backdate("option_votes", vote.id, coordinationAt.addingTimeInterval(3_600))
        try await (db as! any SQLDatabase).raw(
            "UPDATE design_options SET chosen = \(bind: true), chosen_by_vote_id = \(bind: vote.id!) WHERE id = \(bind: options["方案A2"]!)"
        ).run()
        try await ctx.resolve(coordination, "按投票结果采用方案A第2稿，并公示 7 天", present: 31, yes: 28)
        try await ctx.notice(
            p, "健身角改造设计方案公示",
            "协调会投票选定方案A第2稿：步道改直，器材 5 件，座椅加靠背，角上留儿童软地面，造价约 9.6 万元。\n公示 7 天，有意见请在本页提出或到居委会反映。",
            published: ctx.day(-82), days: 7,
            objection: ("器材离 3 号楼一楼窗户太近，早上会吵。", "已请规划师把器材往南移 3 米，离窗户 8 米以上，并在使用公约里写明早上 7 点前不用。"))
        try await ctx.move(p, to: 3, at: ctx.day(-72))
        // 4 · The works.
        try await ctx.record(
            p, .procurement, at: ctx.day(-70), text: "三家询价，选报价最低且做过类似项目的一家。", party: "上海绿苑园林工程有限公司",
            method: .quotation, amount: 9_650_000)
        try await ctx.record(
            p, .progress, at: ctx.day(-60), text: "围挡，拆除旧器材，平整场地。", percent: 30,
            pictures: [("进度30.png", DemoPictures.progress(30))])
        let worksMeeting = try await ctx.meeting(
            p, .coordination, "施工协调会", agenda: "居民反映的施工问题", venue: "三号楼前", at: ctx.day(-52, hour: 18),
            minutes: "施工方同意每天 8 点以后再用电锯，周末不施工。", code: 4, roster: 2, paper: 5, level: .compound, offset: 12)
        try await ctx.record(
            p, .problem, at: ctx.day(-55), text: "早上 7 点就开始用电锯，吵得老人睡不好。", meeting: worksMeeting.id,
            pictures: [("问题.png", DemoPictures.progress(40))], byResident: true)
        try await ctx.record(
            p, .progress, at: ctx.day(-45), text: "步道铺好，器材基础浇好。", percent: 70,
            pictures: [("进度70-1.png", DemoPictures.progress(70)), ("进度70-2.png", DemoPictures.progress(75))])
        try await ctx.record(
            p, .progress, at: ctx.day(-38), text: "器材、座椅、软地面、路灯装好。", percent: 100,
            pictures: [("完工.png", DemoPictures.after())])
        try await ctx.record(
            p, .acceptance, at: ctx.day(-35), text: "器材安装牢固，软地面厚度合格；座椅一处毛刺当场打磨。",
            party: "街道房管所、居民代表和规划师", result: .passed)
        try await ctx.record(
            p, .operations, at: ctx.day(-34), text: "居委会负责报修，居民志愿者“护绿队”每周检查一次器材。", party: "宝林一村居委会")
        try await ctx.record(
            p, .convention, at: ctx.day(-34),
            text: "健身角使用公约：\n一、早上 7 点前、晚上 9 点后不用器材；\n二、儿童在大人陪同下使用；\n三、爱护器材，坏了及时告诉居委会。",
            meeting: worksMeeting.id)
        try await ctx.move(p, to: 4, at: ctx.day(-32))
        // 5 · The review.
        let review = try await ctx.meeting(
            p, .review, "健身角事后评议会", agenda: "一、施工和验收情况\n二、居民评议\n三、运维安排", venue: "三号楼前健身角",
            at: ctx.day(-20, hour: 19),
            minutes: "到会居民 28 人次。大家对器材和座椅满意，希望晚上灯再亮一点。\n评议结论：满意；照明问题交施工方保修期内调整。",
            code: 8, roster: 4, paper: 16, level: .compound, offset: 4)
        try await ctx.item(review, .view, "晚上灯再亮一点。")
        try await ctx.item(
            review, .action, "保修期内把路灯换成亮一档的灯泡", owner: "上海绿苑园林工程有限公司",
            due: String(Show.dateTime(ctx.day(-5)).prefix(10)))
        try await ctx.resolve(review, "评议结论：满意", present: 28, yes: 25)
        let q = Questionnaire()
        q.$node.id = p.$node.id
        q.title = "满意度调查 · 三号楼前健身角改造"
        q.intro = WorksText.surveyIntro.text(.zhHans)
        q.questionsJSON = DesignVotes.json([
            Question(
                kind: .scale, prompt: WorksText.surveyQuestion.text(.zhHans, [p.title]), options: [], required: true,
                needCategory: nil),
            Question(
                kind: .text, prompt: WorksText.surveyComment.text(.zhHans), options: [], required: false,
                needCategory: nil),
        ])
        q.status = .open
        q.days = 14
        q.opensAt = ctx.day(-24)
        q.closesAt = ctx.day(-10)
        q.createdByID = staff
        q.projectID = p.id
        try await q.create(on: db)
        let scores = [5, 5, 4, 5, 4, 3, 5, 4, 5, 5, 4, 4, 5, 2, 5, 4, 5, 5, 4, 3, 5, 4, 5]
        for (i, s) in scores.enumerated() {
            let r = QuestionnaireResponse()
            r.$questionnaire.id = try q.requireID()
            r.$resident.id = people[i].id
            r.channel = i % 3 == 0 ? "paper" : "online"
            r.enteredByID = i % 3 == 0 ? staff : nil
            var answers: [Int: Answer] = [0: .scale(s)]
            if i % 5 == 0 { answers[1] = .text(["晚上灯暗了点", "座椅很舒服", "孩子很喜欢软地面", "器材好用", "谢谢居委会"][i / 5 % 5]) }
            r.answersJSON = DesignVotes.json(answers)
            try await r.create(on: db)
        }
        try await ctx.record(
            p, .assessment, at: ctx.day(-15), text: "居民参与充分（三次会议共 89 人次），造价在预算内，使用率高。评估等级：优。",
            party: "上海社区发展评估中心")
        try await ctx.record(p, .audit, at: ctx.day(-14), text: "资金使用与合同一致，票据齐全。", party: "街道财务审计")
        try await ctx.record(
            p, .beforeAfter, at: ctx.day(-13), text: "三号楼前空地：改造前后",
            pictures: [("改造前.png", DemoPictures.before()), ("改造后.png", DemoPictures.after())])
        try await ctx.record(
            p, .reminder, at: ctx.day(-12), text: "回访器材和护绿队的运维情况。",
            date: String(Show.dateTime(ctx.day(75)).prefix(10)))
        try await ctx.record(
            p, .exemplary, at: ctx.day(-11), text: "三次会议居民全程参与，投票定方案，施工中的问题当场协调解决，可作为“一图三会”的样板。")
        try await ctx.move(p, to: 5, at: ctx.day(-10))
        for n in needs {
            n.status = .done
            try await n.update(on: db)
        }
        // The demo resident follows it and was told of each step.
        if let me = try await User.query(on: db).filter(\.$phone == DemoDistrict.residentPhone).first()?.id {
            try await (db as! any SQLDatabase).raw(
                """
                INSERT INTO project_followers (id, project_id, user_id, sms, created_at)
                VALUES (\(bind: UUID()), \(bind: p.requireID()), \(bind: me), \(bind: false), \(bind: ctx.day(-110)))
                """
            ).run()
            for (k, args, d) in [
                (WorksText.notifyStage, [p.title, Notification.both("事中协调会", "Coordination meeting")], -90),
                (WorksText.notifyStage, [p.title, Notification.both("实施", "Works")], -72),
                (WorksText.notifyStage, [p.title, Notification.both("事后评议会", "Review meeting")], -32),
                (
                    WorksText.notifyStage,
                    [p.title, Notification.both(ProjectText.done.text(.zhHans), ProjectText.done.text(.en))], -10
                ),
            ] {
                let n = Notification()
                n.userID = me
                n.textKey = k.key
                n.argsJSON = DesignVotes.json(args)
                n.link = Site.project(try p.requireID())
                n.createdAt = ctx.day(d)
                n.readAt = d < -30 ? ctx.day(d + 1) : nil
                try await n.create(on: db)
            }
        }
        var made = 1
        // A project at the coordination meeting with its vote still open (another subdistrict).
        if let c = try? await demo.node("BS02-C1"),
            let p2 = try await start(
                c, "中心花园座椅更新", "花园里的座椅太少太旧，老人坐不住。\n两个方案在协调会上投票。", answering: ["seating"],
                on: db, staff: staff, at: -40, now: ctx.now)
        {
            let others = try await PeopleQueries.residents(on: db, in: [c.territoryPath]).all().map(PeopleQueries.row)
            let c2 = Ctx(db: db, now: ctx.now, staff: staff, people: others)
            let h = try await c2.meeting(
                p2, .hearing, "座椅更新征询会", agenda: "听取意见", venue: "居委会活动室", at: c2.day(-35, hour: 19),
                minutes: "大家希望座椅有靠背、有扶手，夏天有遮阴。", code: 3, roster: 2, paper: 9)
            try await c2.resolve(h, "同意出设计方案", present: 14, yes: 12)
            try await c2.move(p2, to: 1, at: c2.day(-30))
            var ids: [UUID] = []
            for (label, text, stations) in [("方案A", "原位换成有靠背和扶手的座椅 12 张。", 3), ("方案B", "加一座廊架，廊下放座椅 10 张，夏天遮阴。", 2)] {
                let o = DesignOption()
                o.$project.id = try p2.requireID()
                o.label = label
                o.version = 1
                o.description = text
                o.costFen = label == "方案A" ? 6_800_000 : 9_900_000
                o.chosen = false
                o.createdByID = staff
                o.$attachment.id = try await c2.files([
                    ("\(label).png", DemoPictures.drawing(straight: label == "方案B", stations: stations, play: false))
                ]).first
                try await o.create(on: db)
                ids.append(try o.requireID())
            }
            try await c2.move(p2, to: 2, at: c2.day(-20))
            let m = try await c2.meeting(
                p2, .coordination, "座椅方案协调会", agenda: "介绍两个方案，投票", venue: "居委会活动室", at: c2.day(0, hour: 9),
                minutes: "", code: 0, roster: 0, paper: 0)
            m.minutes = nil
            try await m.update(on: db)
            let v = DesignVote()
            v.$meeting.id = try m.requireID()
            v.projectID = try p2.requireID()
            v.method = ChoiceResult.Method.plurality.rawValue
            v.tieBreakJSON = DesignVotes.json(TieBreak.lot(seed: 271_828))
            v.optionIDsJSON = DesignVotes.json(ids)
            v.status = "open"
            v.spoilt = 0
            v.openedByID = staff
            try await v.create(on: db)
            made += 1
        }
        // A project in its works (the first subdistrict's second community).
        if let c = try? await demo.node("BS01-C2"),
            let p3 = try await start(
                c, "健身器材维修更换", "坏了的健身器材修好，换掉两件不安全的。", answering: ["fitness"], on: db,
                staff: staff, at: -70, now: ctx.now)
        {
            let others = try await PeopleQueries.residents(on: db, in: [c.territoryPath]).all().map(PeopleQueries.row)
            let c3 = Ctx(db: db, now: ctx.now, staff: staff, people: others)
            let h = try await c3.meeting(
                p3, .hearing, "器材更换征询会", agenda: "听取意见", venue: "健身点", at: c3.day(-65, hour: 19),
                minutes: "大家同意修三件、换两件，换适合老人的。", code: 4, roster: 1, paper: 7, level: .compound)
            try await c3.resolve(h, "同意修三件、换两件", present: 12, yes: 11)
            try await c3.move(p3, to: 1, at: c3.day(-60))
            try await c3.move(p3, to: 2, at: c3.day(-45))
            try await c3.move(p3, to: 3, at: c3.day(-25))
            try await c3.record(
                p3, .procurement, at: c3.day(-22), party: "上海康体设施有限公司", method: .competitiveNegotiation,
                amount: 3_850_000)
            try await c3.record(
                p3, .progress, at: c3.day(-5), text: "三件器材修好，旧器材拆除。", percent: 40,
                pictures: [("进度40.png", DemoPictures.progress(40))])
            made += 1
        }
        demo.counts["projects"] = String(Int(demo.counts["projects"] ?? "0").map { $0 + made } ?? made)
    }

    /// A project of `c` on one map, three meetings, taken up from its first need not yet sorted.
    static func start(
        _ c: TerritoryNode, _ title: String, _ description: String, answering categories: [String],
        on db: any Database, staff: UUID?, at day: Int, now: Date
    ) async throws -> Project? {
        // The need it answers: one of its kinds not yet sorted, else none (no project answers the wrong need).
        guard
            let need = try await Need.query(on: db).filter(\.$community.$id == c.requireID())
                .filter(\.$status == .new).filter(\.$category ~~ categories)
                .sort(\.$priority, .descending).first()
        else { return nil }
        let p = Project()
        p.$node.id = try c.requireID()
        p.title = title
        p.description = description
        p.kind = .microRetrofit
        p.initiator = .selfGovernance
        p.templateKey = "one-map-three-meetings"
        p.stage = 0
        p.createdByID = staff
        try await p.create(on: db)
        try await (db as! any SQLDatabase).raw(
            "UPDATE projects SET created_at = \(bind: now.addingTimeInterval(Double(day) * 86_400)) WHERE id = \(bind: p.requireID())"
        ).run()
        try await (db as! any SQLDatabase).raw(
            "INSERT INTO project_needs (project_id, need_id) VALUES (\(bind: p.requireID()), \(bind: need.requireID()))"
        ).run()
        need.status = .takenUp
        try await need.update(on: db)
        return p
    }
}
