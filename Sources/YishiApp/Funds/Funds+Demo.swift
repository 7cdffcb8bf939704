import Fluent
import SQLKit
import Vapor
import YishiCore

/// Money in the open in the demo, told through the services as the demo's users over the past
/// months: a pot of every kind; the garden's micro-renewal funded by the community's
/// self-governance fund (after its hearing, approved by the subdistrict), a foundation's grant, the
/// residents' contributions their representatives' meeting allowed — some in cash collected by a
/// building-group leader — matched 1:1 by the foundation, and a building's maintenance fund after
/// its owners' vote on matter 5; the expenses through their approvals and paid (the maintenance
/// fund's shared by area); the maintenance fund's six-monthly statement published.
enum FundsDemo {
    static let story = DemoStory(order: 80) { app in try await run(app) }

    static func run(_ app: Application) async throws {
        let db = app.db
        func user(_ name: String) async throws -> User? {
            try await User.query(on: db).filter(\.$username == name).first()
        }
        guard let staffUser = try await user("baolin1"), let subUser = try await user("youyilu"),
            let districtUser = try await user("baoshan"), let committeeUser = try await user("yeweihui"),
            let wuyeUser = try await user("wuye"),
            let residentUser = try await User.query(on: db).filter(\.$phone == DemoDistrict.residentPhone).first(),
            let garden = try await Project.query(on: db).filter(\.$title == "二号楼旁小花园改造").with(\.$node).first(),
            let hearing = try await Meeting.query(on: db).filter(\.$project.$id == garden.id!)
                .filter(\.$kind == .hearing).first(),
            let grant = try await RoleGrant.query(on: db).filter(\.$user.$id == committeeUser.requireID()).first(),
            let compound = try await TerritoryNode.find(grant.$node.id, on: db)
        else { return }
        let community = garden.node
        guard let subdistrict = try await TerritoryNode.find(community.$parent.id, on: db) else { return }
        let buildings = try await TerritoryNode.query(on: db).filter(\.$parent.$id == compound.id!).sort(\.$code).all()
        guard let building = buildings.count > 1 ? buildings[1] : buildings.first else { return }

        let now = app.effects.time.now()
        let day: TimeInterval = 86_400
        let clock = DemoClock(now.addingTimeInterval(-60 * day))
        func at(_ daysAgo: Double) { clock.set(now.addingTimeInterval(-daysAgo * day)) }
        /// The day `daysAgo`, the clock moved to it (an entry is never dated after the day it is made).
        func date(_ daysAgo: Int) -> String {
            at(Double(daysAgo))
            return CalendarDay(now).adding(days: -daysAgo).description
        }
        let staff = try await OwnersVotesDemo.caller(app, staffUser, clock: clock)
        let sub = try await OwnersVotesDemo.caller(app, subUser, clock: clock)
        let district = try await OwnersVotesDemo.caller(app, districtUser, clock: clock)
        let committee = try await OwnersVotesDemo.caller(app, committeeUser, clock: clock)
        let wuye = try await OwnersVotesDemo.caller(app, wuyeUser, clock: clock)
        let resident = try await OwnersVotesDemo.caller(app, residentUser, clock: clock)

        // The pots, one of every kind.
        at(60)
        let twoSteps = ApprovalPolicy(steps: [
            .init(name: "居委会审核", required: 1), .init(name: "街道审核", required: 1, fromFen: 1_000_000),
        ])
        let selfGov = try await Funds.createPot(
            .init(
                node: community.id, kind: PotKind.selfGovernance.rawValue, name: "\(community.name)自治金",
                custodian: "友谊路街道财务（自治金代管账户）", legalOwner: "\(community.name)居民区",
                purposes: "居民区自治项目：小区微更新、睦邻活动、议事协商", policy: twoSteps, schedule: "yearly"),
            by: staff)
        let foundation = try await Funds.createPot(
            .init(
                node: subdistrict.id, kind: PotKind.foundation.rawValue, name: "宝山社区基金会·微更新专项",
                custodian: "上海市宝山区社区基金会", legalOwner: "上海市宝山区社区基金会", purposes: "社区微更新项目资助",
                policy: .init(steps: [.init(name: "基金会审核", required: 1)]), schedule: "yearly"),
            by: sub)
        let matcher = try await Funds.createPot(
            .init(
                node: subdistrict.id, kind: PotKind.matching.rawValue, name: "基金会居民自筹配比金",
                custodian: "上海市宝山区社区基金会", legalOwner: "上海市宝山区社区基金会", purposes: "按 1:1 配比居民自筹",
                schedule: "yearly"),
            by: sub)
        let partner = try await Funds.createPot(
            .init(
                node: community.id, kind: PotKind.partner.rawValue, name: "共建单位·宝钢社区服务中心",
                custodian: "\(community.name)居委会", legalOwner: "宝钢社区服务中心（定向捐赠）", purposes: "共建项目",
                schedule: "yearly"),
            by: staff)
        let publicFunds = try await Funds.createPot(
            .init(
                node: subdistrict.id, kind: PotKind.publicFunds.rawValue, name: "友谊路街道美丽家园财政专项",
                custodian: "友谊路街道财务", legalOwner: "友谊路街道办事处", purposes: "美丽家园建设", schedule: "quarterly"),
            by: sub)
        let titleHolder = try await Funds.createPot(
            .init(
                node: compound.id, kind: PotKind.titleHolder.rawValue, name: "\(compound.name)产权单位出资",
                custodian: "\(compound.name)物业", legalOwner: "宝山区房管局直管公房（权属方）", purposes: "公房设施修缮",
                schedule: "yearly"),
            by: committee)
        let maintenance = try await Funds.createPot(
            .init(
                node: building.id, kind: PotKind.maintenance.rawValue, name: "\(building.name)维修资金",
                custodian: "宝山区住宅维修资金专户（建设银行）", legalOwner: "\(building.name)全体业主（共有）",
                purposes: "共用部位、共用设施设备的维修和更新、改造", policy: .init(steps: [.init(name: "业委会审核", required: 1)]),
                schedule: "halfYearly"),
            by: committee)

        // Money in: the street's grant, the foundation's, the partner's, public funds, the title holder's,
        // and the building's maintenance fund as it stood in spring.
        _ = try await Funds.receive(
            .init(
                pot: selfGov.id, yuan: "50000", effective: date(58), party: "government", from: "友谊路街道",
                memo: "2026 年度自治金下拨"), by: staff)
        _ = try await Funds.receive(
            .init(
                pot: foundation.id, yuan: "130000", effective: date(57), party: "foundation", from: "宝山区社区基金会",
                memo: "微更新专项资金"), by: sub)
        _ = try await Funds.receive(
            .init(
                pot: matcher.id, yuan: "30000", effective: date(57), party: "foundation", from: "宝山区社区基金会",
                memo: "居民自筹配比资金"), by: sub)
        _ = try await Funds.receive(
            .init(
                pot: partner.id, yuan: "20000", effective: date(50), party: "partner", from: "宝钢社区服务中心",
                memo: "共建捐赠"), by: staff)
        _ = try await Funds.receive(
            .init(
                pot: publicFunds.id, yuan: "80000", effective: date(45), party: "government", from: "宝山区财政局",
                memo: "美丽家园专项第三季度"), by: sub)
        _ = try await Funds.receive(
            .init(
                pot: titleHolder.id, yuan: "15000", effective: date(40), party: "titleHolder", from: "宝山区房管局",
                memo: "公房楼道修缮出资"), by: committee)
        _ = try await Funds.receive(
            .init(
                pot: maintenance.id, yuan: "186400", effective: "2025-12-31", party: "other", from: "区维修资金专户",
                memo: "截至 2025 年底的维修资金余额，转入本平台记账", opening: true), by: committee)

        // The residents' representatives decide to raise up to ¥6,000 for the garden.
        at(40)
        let meeting = try await MeetingsService.create(
            .init(
                node: community.id, project: garden.id, kind: MeetingKind.representatives.rawValue,
                title: "居民代表会议：小花园改造居民自筹", agenda: "一、小花园改造预算\n二、居民自愿筹集的方式和上限",
                venue: "宝林一村居委会活动室", startsAt: Show.dateTime(clock.now())),
            by: staff)
        _ = try await MeetingsService.recordMinutes(
            meeting.id, text: "到会居民代表 32 人。会议同意居民自愿筹集小花园改造费用，上限 6000 元，账目按季公示。", by: staff)
        let resolution = try await MeetingsService.resolve(
            meeting.id, text: "同意居民自愿筹集小花园改造费用，上限 6000 元", electorate: "40", present: "32", yes: "29", by: staff)
        let residents = try await Funds.createPot(
            .init(
                node: community.id, kind: PotKind.residentContribution.rawValue, name: "小花园改造居民自筹",
                custodian: "\(community.name)居委会", legalOwner: "出资居民（专款专用）", purposes: "二号楼旁小花园改造",
                resolution: resolution.id, authorised: "6000", schedule: "quarterly"),
            by: staff)
        _ = try await FundMatching.create(
            .init(
                matcher: matcher.id, target: residents.id, numerator: 1, denominator: 1, perHousehold: "500",
                total: "30000", kinds: ["household"], oncePerHousehold: false, validFrom: date(40)),
            by: sub)

        // Households give: three online-entered by staff, four in cash collected by the building-group leader.
        let households = try await (db as! any SQLDatabase).raw(
            """
            SELECT h.id FROM households h JOIN units u ON u.id = h.unit_id JOIN territory_nodes b ON b.id = u.building_id
            WHERE b.path >= \(bind: compound.territoryPath.encoded) AND b.path < \(bind: compound.territoryPath.subtreeUpperBound)
            ORDER BY u.code LIMIT 7
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let gifts = ["300", "500", "200", "400", "600", "250", "300"]
        for (i, h) in households.enumerated() {
            let cash = i >= 3
            _ = try await Funds.receive(
                .init(
                    pot: residents.id, yuan: gifts[i], effective: date(39 - i), party: "household", household: h,
                    memo: cash ? "楼组长代收现金" : "银行转账", collectedBy: cash ? "楼组长 王阿姨" : nil,
                    receiptNo: cash ? "BL-2026-\(String(format: "%03d", i + 1))" : nil, countedBy: cash ? "李伟" : nil,
                    idempotencyKey: "demo-gift-\(i)"),
                by: staff)
        }
        at(32)
        _ = try await Funds.pledge(
            .init(pot: partner.id, party: "partner", from: "宝钢社区服务中心", yuan: "3000", inKind: "防腐木座椅 4 张（材料）"),
            by: staff)

        // The building's owners vote to use their maintenance fund for the garden's shared drains.
        at(31.5)
        let vote = try await OwnersVotes.create(
            .init(
                node: compound.id!, matter: OwnersMatter.useMaintenanceFund.rawValue,
                title: "动用\(building.name)维修资金修缮小花园旁雨水管",
                text: "\(building.name)北侧雨水管破损，结合小花园改造一并修缮，预算 12000 元，从\(building.name)维修资金按面积分摊。",
                noticeDays: "2", closesAt: now.addingTimeInterval(-25 * day), files: []),
            by: committee)
        try await OwnersVotes.freeze(vote.id, reason: nil, by: committee)
        at(29)
        _ = try await OwnersVotes.open(vote.id, by: committee)
        try await OwnersVotesDemo.ballots(
            vote, me: nil, skip: nil, committee: committee, resident: resident, at: { at(29 - $0 * 0.6) }, start: 0,
            share: 0.8)
        at(25)
        _ = try await OwnersVotes.close(vote.id, by: committee)
        let passed = try await OwnersVotes.readable(vote.id, by: committee).resultStatus == TallyStatus.passed.rawValue

        // The garden's budget and its allocations, each on its decision.
        at(24)
        for (line, title, yuan) in [
            ("design", "设计", "8000"), ("materials", "材料", "40000"), ("labour", "人工", "25000"),
            ("costReview", "审价", "2000"), ("drains", "雨水管修缮（维修资金）", "12000"),
        ] {
            _ = try await Funds.setBudgetLine(project: garden.id, line: line, title: title, planned: yuan, by: staff)
        }
        let fromSelf = try await Funds.allocate(
            .init(
                pot: selfGov.id, project: garden.id, line: "materials", yuan: "20000",
                decision: FundDecision.subdistrictApproval.rawValue, meeting: hearing.id),
            by: sub)
        let fromFoundation = try await Funds.allocate(
            .init(
                pot: foundation.id, project: garden.id, line: "labour", yuan: "25000",
                decision: FundDecision.foundationGrant.rawValue, reference: "宝社基〔2026〕12 号资助决定"),
            by: sub)
        let fromResidents = try await Funds.allocate(
            .init(
                pot: residents.id, project: garden.id, line: "design", yuan: "5000",
                decision: FundDecision.residentsMeeting.rawValue),
            by: staff)

        // Expenses: submitted, approved step by step, paid.
        at(20)
        let materials = try await Funds.addExpense(
            .init(
                allocation: fromSelf.id, title: "小花园铺装和座椅材料", payee: "上海绿景园林材料有限公司",
                items: [("透水砖 120 ㎡", "10800"), ("座椅 6 张", "7200")], invoiceNo: "31002600012345",
                files: [("invoice", "发票.pdf", Data("%PDF-1.4\n% 材料发票（演示）\n".utf8))]),
            by: staff)
        _ = try await Funds.decideExpense(materials.id, decision: "approve", comment: nil, by: sub)
        _ = try await Funds.decideExpense(materials.id, decision: "approve", comment: nil, by: district)
        _ = try await Funds.payExpense(materials.id, effective: date(18), idempotencyKey: nil, by: staff)
        let labour = try await Funds.addExpense(
            .init(
                allocation: fromFoundation.id, title: "小花园施工人工（第一期）", payee: "宝山区社区营造工作室",
                items: [("施工人工", "15000")], invoiceNo: "31002600023456", contract: "施工合同 BL-2026-07"),
            by: sub)
        _ = try await Funds.decideExpense(labour.id, decision: "approve", comment: nil, by: district)
        _ = try await Funds.payExpense(labour.id, effective: date(15), idempotencyKey: nil, by: sub)
        let design = try await Funds.addExpense(
            .init(
                allocation: fromResidents.id, title: "小花园设计费", payee: "周文杰工作室",
                items: [("方案设计", "4000")]),
            by: staff)
        _ = try await Funds.decideExpense(design.id, decision: "approve", comment: nil, by: sub)
        _ = try await Funds.payExpense(design.id, effective: date(12), idempotencyKey: nil, by: staff)
        if passed {
            let drains = try await Funds.allocate(
                .init(
                    pot: maintenance.id, project: garden.id, line: "drains", yuan: "12000",
                    decision: FundDecision.ownersVote.rawValue, vote: vote.id),
                by: committee)
            let repair = try await Funds.addExpense(
                .init(
                    allocation: drains.id, title: "\(building.name)北侧雨水管更换", payee: "上海宝房修缮工程有限公司",
                    items: [("雨水管更换 36 米", "9800"), ("审价费", "600")], invoiceNo: "31002600034567"),
                by: wuye)
            _ = try await Funds.decideExpense(repair.id, decision: "approve", comment: nil, by: committee)
            _ = try await Funds.payExpense(repair.id, effective: date(8), idempotencyKey: nil, by: committee)
        }
        // A gift entered twice by mistake, and corrected.
        at(7)
        let twice = try await Funds.receive(
            .init(
                pot: partner.id, yuan: "20000", effective: date(7), party: "partner", from: "宝钢社区服务中心",
                memo: "共建捐赠"), by: staff)
        _ = try await Funds.reverse(twice, reason: "重复录入（同一笔捐赠已于前次入账）", by: staff)

        // The maintenance fund's statement for the first half of the year, published.
        at(5)
        _ = try await Funds.makeStatement(
            .init(
                pot: maintenance.id, from: "2026-01-01", to: "2026-06-30", reported: "186400",
                explanation: nil), by: committee)
        _ = try await Funds.releaseLapsed(
            residents.id!, today: CalendarDay(now), by: app.caller(.platform, auditActor: AuditActor.system, on: db))
        clock.set(now)
    }
}
