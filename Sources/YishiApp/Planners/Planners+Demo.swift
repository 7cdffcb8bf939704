import Fluent
import SQLKit
import Vapor
import YishiCore

/// Baoshan's "1+12+X" in the demo, told through the services as the demo's users over the past
/// year: the district's rules (seed 001, and its renewal from 2026-09-10), an expert committee of
/// five, a planner for each of the twelve subdistricts (友谊路's is the demo's `planner`, who
/// nominated himself), an area planner in three planning areas, every subdistrict paired — then
/// one pairing ended, so the district's page shows the gap — a year of service, the demo
/// resident's rating of the garden project, and one annual review.
enum PlannersDemo {
    static let story = DemoStory(order: 70) { app in try await run(app) }

    static let experts: [(String, String, PlannerBackground)] = [
        ("陈立", "同济大学建筑与城市规划学院", .planning), ("黄敏", "上海市城市规划设计研究院", .planning),
        ("吴建华", "华东建筑设计研究院", .architecture), ("孙悦", "上海交通大学设计学院", .landscape),
        ("郑晓", "华东理工大学社会与公共管理学院", .sociology),
    ]
    static let subPlanners: [(String, String, PlannerBackground)] = [
        ("周文杰", "同济大学", .architecture), ("李晓燕", "上海大学", .planning), ("王磊", "宝山区规划设计所", .planning),
        ("赵琳", "上海应用技术大学", .landscape), ("钱程", "中船设计院", .architecture), ("孙静", "上海师范大学", .sociology),
        ("冯涛", "上海建科院", .architecture), ("朱丽", "东华大学", .interior), ("何平", "宝山区社区营造中心", .other),
        ("徐洁", "上海理工大学", .planning), ("马骏", "上海美术学院", .artDesign), ("胡蓉", "华东师范大学", .sociology),
    ]

    static func run(_ app: Application) async throws {
        let db = app.db
        guard let districtUser = try await User.query(on: db).filter(\.$username == "baoshan").first(),
            let subUser = try await User.query(on: db).filter(\.$username == "youyilu").first(),
            let plannerUser = try await User.query(on: db).filter(\.$username == "planner").first(),
            let residentUser = try await User.query(on: db).filter(\.$phone == DemoDistrict.residentPhone).first(),
            let district = try await TerritoryNode.query(on: db).filter(\.$code == DemoDistrict.districtCode).first()
        else { return }
        let subs = try await TerritoryNode.query(on: db).filter(\.$parent.$id == district.id!)
            .filter(\.$level == .subdistrict).sort(\.$code).all()
        guard subs.count == subPlanners.count else { return }
        let now = app.effects.time.now()
        let dayLength: TimeInterval = 86_400
        let clock = DemoClock(now.addingTimeInterval(-370 * dayLength))
        func at(_ daysAgo: Double) { clock.set(now.addingTimeInterval(-daysAgo * dayLength)) }
        func today() -> String { CalendarDay(clock.now()).description }
        let districtStaff = try await OwnersVotesDemo.caller(app, districtUser, clock: clock)
        let subStaff = try await OwnersVotesDemo.caller(app, subUser, clock: clock)
        let me = try await OwnersVotesDemo.caller(app, plannerUser, clock: clock)
        let resident = try await OwnersVotesDemo.caller(app, residentUser, clock: clock)
        let platform = app.caller(.platform, auditActor: AuditActor(id: nil, label: "demo"), on: db)
        var plat = platform
        plat.effects = SideEffects(time: clock, random: app.effects.random, sms: app.effects.sms)

        // The rules: seed 001, and the district's renewal when it lapsed.
        at(370)
        _ = try await Planners.addRules(
            district.id,
            .init(title: PlannerRules.baoshan2024.title, validFrom: "2024-09-10", validUntil: "2026-09-09"),
            by: districtStaff)
        _ = try await Planners.addRules(
            district.id, .init(title: "宝山区社区规划师制度实施办法（2026年续行）", validFrom: "2026-09-10"), by: districtStaff)

        // The expert committee ("1"), recruited and appointed by the district.
        at(365)
        for (name, org, bg) in experts {
            let (p, a) = try await Planners.apply(
                .init(
                    name: name, organisation: org, background: bg.rawValue, qualifications: "教授 / 高级工程师",
                    tier: "districtExpert",
                    scope: district.id, statement: "区级社区规划师专家咨询委员会委员。", source: "recruited"), by: districtStaff)
            _ = try await Planners.decide(a.id, approve: true, reason: nil, by: districtStaff)
            _ = try await Planners.appoint(
                p.id, .init(tier: "districtExpert", scope: district.id, startsOn: today(), application: a.id),
                by: districtStaff)
        }
        // One planner for each subdistrict ("12"): 友谊路's nominated himself; the others recommended.
        var mine: Planner? = nil
        for (i, (name, org, bg)) in subPlanners.enumerated() {
            let sub = subs[i]
            let by = i == 0 ? subStaff : plat
            let input = Planners.NewPlanner(
                name: name, organisation: org, background: bg.rawValue, qualifications: i % 3 == 0 ? "注册城乡规划师" : "",
                socialWorkCertificate: i % 4 == 1, phone: String(format: "1391000%04d", i + 1), tier: "subdistrict",
                scope: sub.id, statement: "熟悉\(sub.name)，愿意定期下社区服务。", source: i == 0 ? nil : "recommended")
            let (p, a) = try await Planners.apply(input, by: i == 0 ? me : by)
            _ = try await Planners.decide(a.id, approve: true, reason: nil, by: by)
            _ = try await Planners.appoint(
                p.id, .init(tier: "subdistrict", scope: sub.id, startsOn: today(), application: a.id), by: by)
            _ = try await Planners.pair(p.id, node: sub.id, by: by)
            if i == 0 { mine = p }
        }
        // Area planners ("X"), who live or work in their area.
        for (i, sub) in subs.prefix(3).enumerated() {
            guard let area = try await PlanningArea.query(on: db).filter(\.$node.$id == sub.id!).first() else {
                continue
            }
            let by = i == 0 ? subStaff : plat
            let (p, a) = try await Planners.apply(
                .init(
                    name: ["林芳", "高远", "沈清"][i], organisation: "社区居民", background: "other",
                    livesOrWorks: "住在\(area.name)十余年", tier: "area", scope: sub.id, area: area.id,
                    statement: "热心社区事务，愿意扎根基层。", source: "recruited"), by: by)
            _ = try await Planners.decide(a.id, approve: true, reason: nil, by: by)
            _ = try await Planners.appoint(
                p.id, .init(tier: "area", scope: sub.id, area: area.id, startsOn: today(), application: a.id), by: by)
        }
        guard let mine else { return }

        // A year of service by 友谊路's planner: a visit or a meeting most weeks, confirmed by the
        // subdistrict; project work on the garden of 宝林一村.
        let garden = try await Project.query(on: db).filter(\.$title == "二号楼旁小花园改造").with(\.$node).first()
        let kinds: [ServiceKind] = [.visit, .meeting, .consultation, .visit, .trainingGiven]
        for week in 0..<50 {
            at(Double(360 - week * 7))
            let kind = kinds[week % kinds.count]
            let project = week % 6 == 0 ? garden : nil
            let e = try await Planners.log(
                mine.id,
                .init(
                    kind: project == nil ? kind.rawValue : ServiceKind.project.rawValue, day: today(),
                    hours: [2, 1.5, 3, 2.5, 4][week % 5], node: project?.$node.id ?? subs[0].id, project: project?.id,
                    note: project == nil ? "\(PlannerText.kind(kind).text(.zhHans))" : "小花园方案征询"), by: me)
            if week < 44 { try await Planners.confirm(e.id, by: subStaff) }
        }
        // The demo resident rates his help on the garden.
        if let garden {
            at(20)
            _ = try await Planners.rate(
                mine.id, project: garden.id, stars: 5, comment: "周老师把图纸讲得很清楚，还来了好几次。", by: resident)
        }
        // This year's review by the district, with the subdistrict.
        at(3)
        _ = try await Planners.review(
            mine.id,
            .init(
                year: CalendarDay(clock.now()).year,
                scores: ["effectiveness": 85, "hours": 90, "attitude": 95, "feedback": 100], reasons: "",
                reviewers: ["宝山区规划资源局 王工", "友谊路街道 李敏"]), by: districtStaff)
        // A case conference on a difficulty, with the departments invited; the planner logs his part.
        at(12)
        let conference = try await MeetingsService.create(
            .init(
                node: subs[0].id, project: nil, kind: MeetingKind.caseConference.rawValue,
                title: "老公房加装电梯：低层住户意见分歧怎么协商", agenda: "一、低层住户的顾虑\n二、补偿和费用分摊的做法\n三、下一步协商安排",
                venue: "友谊路街道社区党群服务中心", startsAt: Show.dateTime(clock.now().addingTimeInterval(2 * dayLength)),
                invited: "区房管局、街道城建办、宝林一村居委会、物业公司"), by: subStaff)
        at(9)
        _ = try await Planners.log(
            mine.id,
            .init(
                kind: ServiceKind.consultation.rawValue, day: today(), hours: 3, node: nil, project: nil,
                meeting: conference.id, note: "加装电梯会商"), by: me)
        // The planner's diagnosis of the garden's community, proposing a project from the needs list.
        if let garden {
            at(6)
            let listed = try await NeedsService.rankedRows(below: garden.node, limit: nil, on: db)
                .filter { $0.status == .accepted }.prefix(2).map(\.id)
            _ = try await Diagnoses.write(
                garden.$node.id,
                .init(
                    history: "宝林一村建于上世纪八十年代，是宝山较早的工人新村之一。\n老居民多，邻里熟悉，每年重阳节有百家宴的传统。",
                    resources: "居委会活动室（60 平方米）、小区中心绿地；睦邻点 2 个；共建单位：友谊路街道社区卫生服务中心、宝山区图书馆；自治金每年 5 万元。",
                    recommendations: [
                        .init(
                            title: "先解决大家最急的事", text: "需求清单上已受理、排在最前面的两件事先立项，先做能很快见效的。",
                            needs: Array(listed)),
                        .init(title: "把中心绿地改成全龄友好的口袋花园", text: "座椅、遮阳、儿童和老人都能用的小场地。", needs: []),
                    ]), by: me)
        }
        // The subdistrict nominates its planner; the district awards the honour.
        at(2)
        let honour = try await Planners.nominate(
            mine.id,
            .init(
                kind: HonourKind.excellentPlanner.rawValue, year: CalendarDay(clock.now()).year,
                citation: "全年下社区 50 次，带着居民把小花园从图纸做成了现实。", project: nil), by: subStaff)
        _ = try await Planners.decideHonour(honour.id, award: true, by: districtStaff)
        // One pairing ends: the district's page shows the gap until a new planner is paired.
        at(1)
        if let last = try await PlannerPairingRow.query(on: db).filter(\.$node.$id == subs[subs.count - 1].id!).first()
        {
            try await Planners.unpair(last.id, reason: "规划师工作调动，另行选聘", by: plat)
        }
    }
}
