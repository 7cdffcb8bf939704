import Fluent
import SQLKit
import Vapor
import YishiCore

/// The owners' votes' demo: two votes at the owners' committee's compound, told through the
/// services as the demo's users. One ran three weeks ago and is published — its register published,
/// objected to, corrected and published again, a co-owner designated, ballots online (one
/// corrected), on paper (one invalid) and by proxy, counted and posted. The other, one building's
/// lift, is open now: the demo resident finds it on their home page.
enum OwnersVotesDemo {
    static let story = DemoStory(order: 60) { app in try await run(app) }

    static func caller(_ app: Application, _ user: User, clock: DemoClock) async throws -> Caller {
        let grants = try await PrincipalMiddleware.grants(of: user.requireID(), on: app.db)
        let actor = Actor(userId: try user.requireID(), kind: user.kind, isVerified: user.isVerified, grants: grants)
        return Caller(
            db: app.db, acting: .person(actor), sessionID: nil,
            auditActor: AuditActor(id: actor.userId, label: user.displayName),
            effects: SideEffects(time: clock, random: app.effects.random, sms: app.effects.sms),
            passwords: app.password.async, logger: app.logger, readNamespace: app.readNamespace)
    }

    static func run(_ app: Application) async throws {
        let db = app.db
        guard let committeeUser = try await User.query(on: db).filter(\.$username == "yeweihui").first(),
            let staffUser = try await User.query(on: db).filter(\.$username == "baolin1").first(),
            let residentUser = try await User.query(on: db).filter(\.$phone == DemoDistrict.residentPhone).first(),
            let grant = try await RoleGrant.query(on: db).filter(\.$user.$id == committeeUser.requireID()).first(),
            let compoundID = grant.$node.id
        else { return }
        let now = app.effects.time.now()
        let day: TimeInterval = 86_400
        let clock = DemoClock(now.addingTimeInterval(-21 * day))
        func at(_ days: Double) { clock.set(now.addingTimeInterval((days - 21) * day)) }
        let committee = try await caller(app, committeeUser, clock: clock)
        let staff = try await caller(app, staffUser, clock: clock)
        let resident = try await caller(app, residentUser, clock: clock)

        // The property manager's renewal: the whole compound, matter 4.
        at(0)
        let a = try await OwnersVotes.create(
            .init(
                node: compoundID, matter: OwnersMatter.propertyManager.rawValue, title: "续聘物业服务企业（2027—2029 年）",
                text:
                    "业主委员会提议续聘现物业服务企业三年，服务标准和收费不变（多层住宅每月每平方米 1.20 元）。\n\n合同草案和过去一年的服务评价附后。请在截止前投票：同意、反对或弃权。",
                noticeDays: "7", closesAt: now.addingTimeInterval(-4 * day),
                files: [("合同草案.pdf", Data("%PDF-1.4\n% 物业服务合同草案（演示）\n".utf8))]),
            by: committee)
        at(0.1)
        try await OwnersVotes.freeze(a.id, reason: nil, by: committee)
        // An owner finds their spouse missing from their home; staff add her; the register is frozen again.
        at(1)
        try await OwnersVotes.object(a.id, text: "我家 101 室是夫妻共有，名册上只有我一个人。", by: resident)
        let mine = try await OwnersVotes.entries(
            of: try await OwnersVotes.readable(a.id, by: committee), phone: DemoDistrict.residentPhone, on: db)
        guard let me = mine.first,
            let unit = try await Unit.query(on: db).filter(\.$code == String(me.owner.dropFirst(2))).first()
        else { return }
        at(2)
        try await OwnerEditing.add(
            to: unit.requireID(), .init(name: "孙秀英", phone: nil, ownerCode: nil), by: staff)
        let notice = try requireDemo(try await OwnersVotes.readable(a.id, by: committee).registerNoticeID)
        if let o = try await NoticeObjection.query(on: db).filter(\.$notice.$id == notice).first() {
            _ = try await NoticesService.answer(
                notice, objection: o.id, text: "已核对房产证，补登共有人孙秀英，名册重新冻结并公示。", by: committee)
        }
        try await OwnersVotes.freeze(a.id, reason: "补登 101 室共有人（业主异议，已核对房产证）", by: committee)
        at(3)
        try await OwnersVotes.designate(a.id, person: me.person, owner: me.owner, by: committee)
        at(10)
        _ = try await OwnersVotes.open(a.id, by: committee)
        try await ballots(a, me: me, skip: nil, committee: committee, resident: resident, at: at, start: 10, share: 0.8)
        at(17)
        _ = try await OwnersVotes.close(a.id, by: committee)
        at(17.1)
        _ = try await OwnersVotes.publishResult(a.id, by: committee)

        // One building's lift: its owners only, matter 7 (three quarters), open now.
        guard
            let building = try await TerritoryNode.query(on: db).filter(\.$parent.$id == compoundID)
                .sort(\.$code).first()
        else { return }
        at(14)
        let b = try await OwnersVotes.create(
            .init(
                node: building.requireID(), matter: OwnersMatter.rebuild.rawValue, title: "\(building.name)加装电梯",
                text:
                    "在\(building.name)北侧加装一部电梯，停靠各层半层平台。费用按楼层分摊，政府补贴后每户约 2 万至 4 万元。\n\n方案图和分摊表附后。须参与表决的业主四分之三以上同意。",
                noticeDays: "2", closesAt: eveningInShanghai(now.addingTimeInterval(9 * day)),
                files: [("加装电梯方案和分摊表.pdf", Data("%PDF-1.4\n% 加装电梯方案图和费用分摊表（演示）\n".utf8))]),
            by: committee)
        try await OwnersVotes.freeze(b.id, reason: nil, by: committee)
        // The resident's home is co-owned now: the co-owners designate the resident for this vote too.
        let frozenB = try await OwnersVotes.readable(b.id, by: committee)
        if let mineB = try await OwnersVotes.entries(of: frozenB, phone: DemoDistrict.residentPhone, on: db).first {
            try await OwnersVotes.designate(b.id, person: mineB.person, owner: mineB.owner, by: committee)
        }
        at(16.5)
        let opened = try await OwnersVotes.open(b.id, by: committee)
        let mineHere = try await OwnersVotes.entries(of: opened, phone: DemoDistrict.residentPhone, on: db).first
        try await ballots(
            b, me: nil, skip: mineHere?.person, committee: committee, resident: resident, at: at, start: 16.5,
            share: 0.4)
        clock.set(now)
    }

    /// Ballots for about `share` of the persons: the demo resident online (then corrected), one by
    /// proxy, one invalid paper ballot, the rest on paper — mostly agreeing.
    static func ballots(
        _ v: OwnersVote, me: (owner: String, person: Int)?, skip: Int?, committee: Caller, resident: Caller,
        at: (Double) -> Void,
        start: Double, share: Double
    ) async throws {
        let reg = try await OwnersVotes.register(
            of: try await OwnersVotes.readable(v.id, by: committee), on: committee.db)
        if let me {
            at(start + 0.2)
            _ = try await OwnersVotes.cast(
                v.id, .init(owner: me.owner, choice: "against", channel: "online"), by: resident)
            at(start + 1.2)
            _ = try await OwnersVotes.cast(
                v.id, .init(owner: me.owner, choice: "agree", channel: "online", correction: true), by: resident)
        }
        let others = reg.persons.filter { !$0.developer && $0.number != me?.person && $0.number != skip }
        let count = Int(Double(reg.persons.count) * share)
        for (i, p) in others.prefix(count).enumerated() {
            at(start + 0.5 + Double(i) * 5 / Double(max(count, 1)))
            let choice = i % 9 == 4 ? "against" : (i % 13 == 7 ? "abstain" : "agree")
            let request: OwnersVotes.BallotRequest =
                i == 1
                ? .init(
                    owner: p.owners[0], choice: choice, channel: "proxy", proxyName: "王建华（业主之子）", instruction: choice,
                    authority: [("授权委托书.pdf", Data("%PDF-1.4\n% 授权委托书（演示）\n".utf8))])
                : (i == 5
                    ? .init(
                        owner: p.owners[0], choice: "invalid", channel: "paper", serial: String(format: "%04d", i + 1),
                        invalidReason: "severalChoices")
                    : .init(owner: p.owners[0], choice: choice, channel: "paper", serial: String(format: "%04d", i + 1)))
            _ = try await OwnersVotes.cast(v.id, request, by: committee)
        }
    }
}

/// 18:00 in Shanghai on the day of `date` (a closing time people expect).
func eveningInShanghai(_ date: Date) -> Date {
    let day = (Int(date.timeIntervalSince1970) + 8 * 3_600) / 86_400
    return Date(timeIntervalSince1970: Double(day * 86_400 + 10 * 3_600))
}

/// The demo needs what an earlier step made; a missing one is a bug in the story.
func requireDemo<T>(_ value: T?) throws -> T {
    guard let value else {
        throw Abort(.internalServerError, reason: "demo: a step of the owners' vote story found nothing")
    }
    return value
}
