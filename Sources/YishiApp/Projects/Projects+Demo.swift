import Fluent
import SQLKit
import Vapor
import YishiCore

/// The projects' part of the demo (after the needs): 宝林一村's garden project, taken up from a
/// need on the list, through its hearing (signed in by code, by the roster and on paper, minuted,
/// a resolution passed) into design, with two options — one in a second version — and residents'
/// comments; and a step-free entrance project in 友谊新村 just started on the city's six steps.
enum ProjectsDemo {
    static let part = DemoPart(order: 45) { demo in
        let db = demo.db
        let now = demo.effects.time.now()
        let staff = try await User.query(on: db).filter(\.$username == "baolin1").first()?.id
        let c1 = try await demo.node("BS01-C1")
        let people = try await PeopleQueries.residents(on: db, in: [c1.territoryPath]).all().map(PeopleQueries.row)
        guard people.count > 20,
            let need = try await gardenNeed(c1, on: db)
        else { return }
        let garden = try await make(
            node: c1, title: "二号楼旁小花园改造", kind: .microRenewal, template: "one-map-three-meetings", need: need,
            description: "把二号楼旁闲置的小花园改成老人能坐、孩子能玩的地方。\n先开征询会听意见，再出设计方案。",
            budget: 8_500_000, by: staff, on: db)
        // The hearing, ten days ago: minuted, signed in three ways, a resolution passed.
        let hearing = Meeting()
        hearing.$node.id = try c1.requireID()
        hearing.$project.id = garden.id
        hearing.projectStage = 0
        hearing.kind = .hearing
        hearing.title = "小花园改造事前征询会"
        hearing.agenda = "一、介绍居民提出的需求\n二、听取大家对小花园的想法\n三、确定设计要点"
        hearing.venue = "宝林一村居委会活动室"
        hearing.startsAt = now.addingTimeInterval(-10 * 86_400)
        hearing.code = "482913"
        hearing.minutes =
            "到会居民 26 人次。\n大家希望保留两棵老香樟，增加有靠背的座椅和一处儿童游戏角；晾晒架移到北侧。\n会议同意按以上要点请社区规划师出设计方案。"
        hearing.createdByID = staff
        try await hearing.create(on: db)
        for (i, p) in people.prefix(12).enumerated() {
            let a = MeetingAttendance()
            a.$meeting.id = hearing.id!
            a.$resident.id = p.id
            a.channel = i < 9 ? .code : .roster
            a.count = 1
            a.enteredByID = i < 9 ? nil : staff
            try await a.create(on: db)
        }
        let paper = MeetingAttendance()
        paper.$meeting.id = hearing.id!
        paper.channel = .paper
        paper.count = 14
        paper.enteredByID = staff
        try await paper.create(on: db)
        let decision = try MeetingRules.decide(.hearing, electorate: nil, present: 26, yes: 21).get()
        let r = MeetingResolution()
        r.$meeting.id = hearing.id!
        r.text = "同意按“保留香樟、加座椅、设儿童角、晾晒北移”的要点出设计方案"
        r.present = 26
        r.yes = 21
        r.status = decision.status.rawValue
        r.conditionsJSON = String(decoding: try JSONEncoder().encode(decision.conditions), as: UTF8.self)
        r.enteredByID = staff
        try await r.create(on: db)
        let move = ProjectMove()
        move.$project.id = garden.id!
        move.fromStage = 0
        move.toStage = 1
        move.byID = staff
        try await move.create(on: db)
        garden.stage = 1
        try await garden.update(on: db)
        // Two options, the first in a second version; residents' comments.
        for (label, version, text, cost) in [
            ("方案A", 1, "保留香樟，环形步道，树下一圈座椅。", Int64(8_200_000)),
            ("方案A", 2, "保留香樟，步道改直更好走，座椅加靠背，北侧设晾晒架。", 8_600_000),
            ("方案B", 1, "中间做儿童游戏场，座椅沿边布置。", 9_100_000),
        ] {
            let o = DesignOption()
            o.$project.id = garden.id!
            o.label = label
            o.version = version
            o.description = text
            o.costFen = cost
            o.chosen = false
            o.createdByID = staff
            try await o.create(on: db)
            if version == 2, let u = try await User.query(on: db).filter(\.$resident.$id == people[0].id).first() {
                let c = DesignOptionComment()
                c.$option.id = o.id!
                c.text = "步道改直好，推轮椅、推童车都方便。"
                c.userID = try u.requireID()
                c.staff = false
                try await c.create(on: db)
            }
        }
        // A second community's project, just started.
        let c2 = try await demo.node("BS01-C2")
        if let need2 = try await Need.query(on: db).filter(\.$community.$id == c2.requireID())
            .filter(\.$status == .new).filter(\.$category == "accessibility").first()
        {
            _ = try await make(
                node: c2, title: "单元门口无障碍坡道", kind: .microRetrofit, template: "six-steps", need: need2,
                description: "单元门口有台阶，轮椅和童车上不去。先做需求调查，看哪几个门最急。", budget: nil, by: staff, on: db)
        }
        demo.counts["projects"] = "2"
    }

    /// The listed need a garden answers best: seats, play or greenery first.
    static func gardenNeed(_ c: TerritoryNode, on db: any Database) async throws -> Need? {
        let listed = try await Need.query(on: db).filter(\.$community.$id == c.requireID()).filter(
            \.$status == .accepted
        )
        .sort(\.$priority, .descending).all()
        return listed.first { ["seating", "play", "greenery", "ageing"].contains($0.category) } ?? listed.first
    }

    static func make(
        node: TerritoryNode, title: String, kind: ProjectKind, template: String, need: Need, description: String,
        budget: Int64?, by staff: UUID?, on db: any Database
    ) async throws -> Project {
        let p = Project()
        p.$node.id = try node.requireID()
        p.title = title
        p.description = description
        p.kind = kind
        p.initiator = .selfGovernance
        p.budgetFen = budget
        p.templateKey = template
        p.stage = 0
        p.createdByID = staff
        try await p.create(on: db)
        try await (db as! any SQLDatabase).raw(
            "INSERT INTO project_needs (project_id, need_id) VALUES (\(bind: p.requireID()), \(bind: need.requireID()))"
        ).run()
        need.status = .takenUp
        try await need.update(on: db)
        return p
    }
}
