import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Money in the open (issue 21): the ledger on both databases, the demo's micro-renewal, and every
/// refusal the issue names — each refused with a clear error and nothing stored.
@Suite("Funds: the ledger and the money of a project")
struct FundsTests {
    static func staffCaller(_ t: TestContext, _ username: String) async throws -> Caller {
        let u = try #require(try await User.query(on: t.db).filter(\.$username == username).first())
        let grants = try await PrincipalMiddleware.grants(of: u.requireID(), on: t.db)
        return t.app.caller(
            .person(Actor(userId: try u.requireID(), kind: u.kind, isVerified: true, grants: grants)),
            auditActor: AuditActor(id: u.id, label: username))
    }

    static func pot(_ t: TestContext, kind: PotKind) async throws -> FundPot {
        try #require(try await FundPot.query(on: t.db).filter(\.$kind == kind).with(\.$node).first())
    }

    static func count(_ t: TestContext, _ table: String) async throws -> Int {
        try await (t.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()!
            .decode(column: "n", as: Int.self)
    }

    @Test func theDemoFundsTheGardenFromFourSourcesAndVerifies() async throws {
        try await withYishi(demo: true) { t in
            // A pot of every kind.
            let kinds = Set(try await FundPot.query(on: t.db).all().map(\.kind))
            #expect(kinds == Set(PotKind.allCases))
            // The residents' gifts were matched 1:1 by the foundation, capped at ¥500 a household.
            let residents = try await Self.pot(t, kind: .residentContribution)
            let matcher = try await Self.pot(t, kind: .matching)
            let gifts: [Int64] = [300, 500, 200, 400, 600, 250, 300].map { $0 * 100 }
            let matched = gifts.map { min($0, 50_000) }.reduce(0, +)
            #expect(matcher.balance == 3_000_000 - matched)
            // The design (¥4,000) was paid from the residents' pot.
            #expect(residents.balance == gifts.reduce(0, +) + matched - 400_000)
            let cash = try await FundEntry.query(on: t.db).filter(\.$receiptNo != nil).filter(\.$kind == .receipt).all()
            #expect(cash.count == 4 && cash.allSatisfy { $0.countedBy == "李伟" && $0.onBehalf?.contains("楼组长") == true })
            // The maintenance fund paid ¥10,400 shared by area among its homes, after the owners' vote.
            let maintenance = try await Self.pot(t, kind: .maintenance)
            #expect(maintenance.balance == 18_640_000 - 1_040_000)
            let alloc = try #require(
                try await FundAllocation.query(on: t.db).filter(\.$pot.$id == maintenance.id!).first())
            #expect(alloc.decision == .ownersVote && alloc.paidFen == 1_040_000)
            let homes = try await FundPosting.query(on: t.db).filter(\.$potID == maintenance.id!).all()
            #expect(homes.allSatisfy { $0.account.contains("/unit:") } && homes.count > 2)
            // Every expense passed its approvals and was paid.
            let expenses = try await FundExpense.query(on: t.db).all()
            #expect(expenses.count == 4 && expenses.allSatisfy { $0.status == .paid })
            // The six-monthly statement is published as a notice.
            let statement = try #require(try await FundStatementRow.query(on: t.db).first())
            #expect(statement.noticeID != nil && statement.figures?.closing == 18_640_000)
            // The opening balance is brought in, not income; what allocations still reserve is shown.
            #expect(statement.figures?.opening == 18_640_000 && statement.figures?.income == 0)
            #expect(statement.openAllocationsFen == 1_200_000 - 1_040_000)
            // The ledger verifies.
            let report = try await FundsVerification.run(on: t.db)
            #expect(report.ok, "\(report.failures)")
            #expect(report.entries > 20 && report.statements == 1)
        }
    }

    @Test func entriesAreNeverChangedAndVerifyFailsWhenOneIs() async throws {
        try await withYishi(demo: true) { t in
            let sql = t.db as! any SQLDatabase
            // The database refuses to change or delete an entry or a posting, and an unbalanced entry.
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE fund_postings SET fen = fen + 1").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM fund_entries").run() }
            let entry = UUID()
            let pot = try await Self.pot(t, kind: .partner)
            await #expect(throws: (any Error).self) {
                try await t.db.transaction { tx in
                    let sql = tx as! any SQLDatabase
                    try await sql.raw(
                        """
                        INSERT INTO fund_postings (id, entry_id, account, pot_id, fen, effective) VALUES
                        (\(bind: UUID()), \(bind: entry), \(bind: pot.account), \(bind: pot.id!), 100, '2026-11-01'),
                        (\(bind: UUID()), \(bind: entry), 'source:x', NULL, -99, '2026-11-01')
                        """
                    ).run()
                    try await sql.raw(
                        """
                        INSERT INTO fund_entries (id, node_id, kind, effective, recorded_at, memo, content_hash)
                        VALUES (\(bind: entry), \(bind: pot.$node.id), 'receipt', '2026-11-01', \(bind: Date()), '', 'x')
                        """
                    ).run()
                }
            }
            #expect(try await FundEntry.find(entry, on: t.db) == nil)
            #expect(try await FundsVerification.run(on: t.db).ok)
            // Someone with the database's keys sets the guard aside and edits a posting: verify fails.
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER fund_postings_no_update").run()
            } else {
                try await sql.raw("ALTER TABLE fund_postings DISABLE TRIGGER fund_postings_frozen").run()
            }
            try await sql.raw(
                "UPDATE fund_postings SET fen = fen + 100 WHERE id = (SELECT id FROM fund_postings WHERE fen > 0 ORDER BY id LIMIT 1)"
            ).run()
            let report = try await FundsVerification.run(on: t.db)
            #expect(!report.ok)
            #expect(report.failures.contains { $0.contains("does not hold") || $0.contains("trigger missing") })
        }
    }

    @Test func aRepeatedRequestGivesTheFirstEntryAndAReusedKeyIsRefused() async throws {
        try await withYishi(demo: true) { t in
            let staff = try await Self.staffCaller(t, "baolin1")
            let pot = try await Self.pot(t, kind: .partner)
            let r = Funds.NewReceipt(
                pot: pot.id, yuan: "1,200.50", party: "partner", from: "共建单位", idempotencyKey: "bank-0001")
            let first = try await Funds.receive(r, by: staff)
            let again = try await Funds.receive(r, by: staff)
            #expect(first == again)
            var other = r
            other.yuan = "1200.51"
            #expect(
                await refused("409 fund.keyReused") {
                    _ = try await Funds.receive(other, by: staff)
                })
            // Two at once with one key: one entry.
            var twin = r
            twin.idempotencyKey = "bank-0002"
            let request = twin
            let both = try await withThrowingTaskGroup(of: UUID.self) { g in
                for _ in 0..<2 { g.addTask { try await Funds.receive(request, by: staff) } }
                return try await g.reduce(into: [UUID]()) { $0.append($1) }
            }
            #expect(Set(both).count == 1)
            let updated = try #require(try await FundPot.find(pot.id, on: t.db))
            #expect(updated.balance == pot.balance + 2 * 120_050)
        }
    }

    @Test func aClosedPotTakesNothingMore() async throws {
        try await withYishi(demo: true) { t in
            let staff = try await Self.staffCaller(t, "baolin1")
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let pot = try await Funds.createPot(
                .init(node: community.id, kind: "partner", name: "临时共建", custodian: "居委会", legalOwner: "共建单位"),
                by: staff)
            let entry = try await Funds.receive(
                .init(pot: pot.id, yuan: "10", party: "partner", from: "共建单位"), by: staff)
            // Not empty: it cannot be closed; corrected to zero, it can.
            #expect(await refused("409 fund.closeNotEmpty") { _ = try await Funds.closePot(pot.id, by: staff) })
            _ = try await Funds.reverse(entry, reason: "录错了", by: staff)
            _ = try await Funds.closePot(pot.id, by: staff)
            #expect(
                await refused("409 fund.potClosed") {
                    _ = try await Funds.receive(
                        .init(pot: pot.id, yuan: "10", party: "partner", from: "共建单位"), by: staff)
                })
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }

    @Test func aRoundClosingRuleMatchesWhenItClosesAndOnlyThen() async throws {
        try await withYishi(demo: true) { t in
            let sub = try await Self.staffCaller(t, "youyilu")
            let staff = try await Self.staffCaller(t, "baolin1")
            let matcher = try await Self.pot(t, kind: .matching)
            let residents = try await Self.pot(t, kind: .residentContribution)
            let rule = try await FundMatching.create(
                .init(
                    matcher: matcher.id, target: residents.id, numerator: 1, denominator: 2, total: "1000",
                    kinds: ["household"], trigger: "roundClose"), by: sub)
            #expect(rule.version == 2)
            let household = try #require(
                try await FundEntry.query(on: t.db).filter(\.$householdID != nil).first()?.householdID)
            _ = try await Funds.receive(
                .init(pot: residents.id, yuan: "300", party: "household", household: household), by: staff)
            // Nothing is matched before the round closes (version 1, matching on receipt, is closed).
            #expect(try await FundPot.find(matcher.id, on: t.db)?.balance == matcher.balance)
            #expect(try await FundMatching.close(rule.id, by: sub) == 15_000)
            #expect(try await FundPot.find(matcher.id, on: t.db)?.balance == matcher.balance - 15_000)
            #expect(await refused("409 fund.ruleChanged") { _ = try await FundMatching.close(rule.id, by: sub) })
            // A gift after the close is not matched.
            _ = try await Funds.receive(
                .init(pot: residents.id, yuan: "100", party: "household", household: household), by: staff)
            #expect(try await FundPot.find(matcher.id, on: t.db)?.balance == matcher.balance - 15_000)
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }

    /// A rule that matches at the project's approval waits for its first allocation, then matches
    /// what came before in that transaction and each gift after as it comes; two matchers split each
    /// match 3:2, the leftover fen to the larger fraction; a reversed gift takes its match back.
    @Test func matchingAtApprovalSplitAmongTwoMatchers() async throws {
        try await withYishi(demo: true) { t in
            let sub = try await Self.staffCaller(t, "youyilu")
            let staff = try await Self.staffCaller(t, "baolin1")
            let matcher = try await Self.pot(t, kind: .matching)
            let foundation = try await Self.pot(t, kind: .foundation)
            // A second matching pot, the street's, with money in it.
            let street = try await Funds.createPot(
                .init(
                    node: foundation.$node.id, kind: PotKind.matching.rawValue, name: "街道配比金",
                    custodian: "街道财务", legalOwner: "街道办事处"), by: sub)
            _ = try await Funds.receive(
                .init(pot: street.id, yuan: "1000", party: "government", from: "街道办事处"), by: sub)
            let partner = try await Self.pot(t, kind: .partner)
            let fitness = try #require(try await Project.query(on: t.db).filter(\.$title == "三号楼前健身角改造").first())
            #expect(try await FundAllocation.query(on: t.db).filter(\.$project.$id == fitness.id!).count() == 0)
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let meeting = try await MeetingsService.create(
                .init(
                    node: community.id, project: fitness.id, kind: MeetingKind.representatives.rawValue,
                    title: "居民代表会议：健身角居民自筹", agenda: "居民自愿筹集的上限", venue: "居委会活动室",
                    startsAt: Show.dateTime(t.clock.now())), by: staff)
            _ = try await MeetingsService.recordMinutes(meeting.id, text: "同意居民自愿筹集，上限 3000 元。", by: staff)
            let resolution = try await MeetingsService.resolve(
                meeting.id, text: "同意居民自愿筹集健身角费用，上限 3000 元", electorate: "40", present: "30", yes: "28",
                by: staff)
            let residents = try await Funds.createPot(
                .init(
                    node: community.id, kind: PotKind.residentContribution.rawValue, name: "健身角居民自筹",
                    custodian: "居委会", legalOwner: "出资居民", resolution: resolution.id, authorised: "3000"),
                by: staff)
            #expect(residents.projectID == fitness.id)
            // Bad rules change nothing.
            let rulesBefore = try await Self.count(t, "fund_matching_rules")
            func rule(
                target: UUID?, trigger: String, weight: Int64? = 3, co: [(pot: UUID?, weight: Int64?)]
            ) async throws -> FundMatchingRule {
                try await FundMatching.create(
                    .init(
                        matcher: matcher.id, target: target, numerator: 1, denominator: 1, kinds: ["household"],
                        trigger: trigger, weight: weight, coMatchers: co), by: sub)
            }
            #expect(
                await refused("trigger=fund.triggerNeedsProject") {
                    _ = try await rule(target: partner.id, trigger: "projectApproval", co: [])
                })
            #expect(
                await refused("coMatchers=fund.shareInvalid") {
                    _ = try await rule(target: residents.id, trigger: "projectApproval", co: [(residents.id, 2)])
                })
            #expect(
                await refused("weight=fund.shareInvalid") {
                    _ = try await rule(
                        target: residents.id, trigger: "projectApproval", weight: 0, co: [(street.id, 2)])
                })
            // Only a matching pot pays matches (a foundation's grant, a maintenance fund, … have
            // their own decisions).
            #expect(
                await refused("coMatchers=fund.notAMatcher") {
                    _ = try await rule(target: residents.id, trigger: "projectApproval", co: [(foundation.id, 2)])
                })
            let maintenance = try await Self.pot(t, kind: .maintenance)
            #expect(
                await refused("coMatchers=fund.notAMatcher") {
                    _ = try await rule(target: residents.id, trigger: "receipt", co: [(maintenance.id, 1)])
                })
            #expect(try await Self.count(t, "fund_matching_rules") == rulesBefore)
            let r = try await rule(target: residents.id, trigger: "projectApproval", co: [(street.id, 2)])
            #expect(try await FundMatching.payers(r, on: t.db).map(\.weight) == [3, 2])
            // A gift before the approval waits.
            let household = try #require(
                try await FundEntry.query(on: t.db).filter(\.$householdID != nil).first()?.householdID)
            let early = try await Funds.receive(
                .init(pot: residents.id, yuan: "100.01", party: "household", household: household), by: staff)
            func balance(_ p: FundPot) async throws -> Int64 {
                try #require(try await FundPot.find(p.id, on: t.db)).balance
            }
            let (m0, f0) = (try await balance(matcher), try await balance(street))
            #expect(try await balance(residents) == 10_001)
            // The approval (the project's first allocation) matches it: 10,001 fen split 3:2 is
            // 6,000.6 and 4,000.4; the one fen left goes to the larger fraction.
            _ = try await Funds.setBudgetLine(
                project: fitness.id, line: "materials", title: "材料", planned: "5000", by: staff)
            _ = try await Funds.allocate(
                .init(
                    pot: partner.id, project: fitness.id, line: "materials", yuan: "100", decision: "agreement",
                    reference: "共建协议 3 号"), by: staff)
            #expect(try await balance(matcher) == m0 - 6_001)
            #expect(try await balance(street) == f0 - 4_000)
            #expect(try await balance(residents) == 20_002)
            // After it, each gift is matched as it comes.
            _ = try await Funds.receive(
                .init(pot: residents.id, yuan: "50", party: "household", household: household), by: staff)
            #expect(try await balance(matcher) == m0 - 9_001)
            #expect(try await balance(street) == f0 - 6_000)
            // Reversing the early gift reverses its match, each payer's share back.
            // (By the subdistrict: the match it takes back is in its pots.)
            _ = try await Funds.reverse(early, reason: "录错了户", by: sub)
            #expect(try await balance(matcher) == m0 - 3_000)
            #expect(try await balance(street) == f0 - 2_000)
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }

    /// What an attack on loopback found, each kept shut.
    @Test func stepsNeedDifferentPeopleAndDecisionsAreUsedOnce() async throws {
        try await withYishi(demo: true) { t in
            let staff = try await Self.staffCaller(t, "baolin1")
            let sub = try await Self.staffCaller(t, "youyilu")
            let shehui = try await Self.staffCaller(t, "shehui")
            let committee = try await Self.staffCaller(t, "yeweihui")
            let garden = try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").first())
            let selfGov = try await Self.pot(t, kind: .selfGovernance)
            let hearing = try #require(
                try await Meeting.query(on: t.db).filter(\.$project.$id == garden.id!).filter(\.$kind == .hearing)
                    .first())
            let a = try await Funds.allocate(
                .init(
                    pot: selfGov.id, project: garden.id, line: "materials", yuan: "15000",
                    decision: "subdistrictApproval", meeting: hearing.id), by: sub)
            // ¥12,000 needs both steps: the community's, then another person's.
            let x = try await Funds.addExpense(
                .init(allocation: a.id, title: "围栏", payee: "施工队", items: [("围栏", "12000")]), by: shehui)
            _ = try await Funds.decideExpense(x.id, decision: "approve", comment: nil, by: staff)
            #expect(
                await refused("409 fund.alreadyApproved") {
                    _ = try await Funds.decideExpense(x.id, decision: "approve", comment: nil, by: staff)
                })
            #expect(try await Funds.decideExpense(x.id, decision: "approve", comment: nil, by: sub).status == .approved)
            // A closed allocation pays nothing more.
            let small = try await Funds.addExpense(
                .init(allocation: a.id, title: "油漆", payee: "五金店", items: [("油漆", "100")]), by: shehui)
            _ = try await Funds.decideExpense(small.id, decision: "approve", comment: nil, by: staff)
            let paid = try await Funds.payExpense(small.id, effective: nil, idempotencyKey: nil, by: staff)
            _ = try await Funds.reverse(paid, reason: "付错", by: staff)
            try? await Funds.closeAllocation(a.id, by: sub)
            // (The ¥12,000 expense is approved and unpaid: the allocation stays open.)
            #expect(try await FundAllocation.find(a.id, on: t.db)?.status == .open)
            // One owners' vote backs one allocation.
            let maintenance = try await Self.pot(t, kind: .maintenance)
            let used = try #require(
                try await FundAllocation.query(on: t.db).filter(\.$pot.$id == maintenance.id!).first())
            #expect(
                await refused("409 fund.voteUsed") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: maintenance.id, project: garden.id, line: "drains", yuan: "100",
                            decision: "ownersVote", vote: used.voteID), by: committee)
                })
            // One residents' meeting resolution, one pot.
            let residents = try await Self.pot(t, kind: .residentContribution)
            #expect(
                await refused("409 fund.resolutionUsed") {
                    _ = try await Funds.createPot(
                        .init(
                            node: residents.$node.id, kind: "residentContribution", name: "第二个自筹", custodian: "居委会",
                            legalOwner: "居民", resolution: residents.resolutionID, authorised: "999999"), by: staff)
                })
            // Nothing is dated inside a published statement's period.
            #expect(
                await refused("effective=fund.datedInPublished") {
                    _ = try await Funds.receive(
                        .init(
                            pot: maintenance.id, yuan: "10", effective: "2026-03-01", party: "other", from: "补录"),
                        by: committee)
                })
            // A community's staff do not reverse the subdistrict matcher's match.
            let match = try #require(try await FundEntry.query(on: t.db).filter(\.$kind == .match).first())
            #expect(
                await refused("denied outsideScope") { _ = try await Funds.reverse(match.id, reason: "x", by: staff) })
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }

    @Test func aKeeperIsRemindedOfAStatementDue() async throws {
        try await withYishi(demo: true) { t in
            // The subdistrict's public funds are published quarterly: the third quarter has ended.
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let home = try await sub.get("/").body.string
            #expect(home.contains("2026-07-01 至 2026-09-30 的资金公示该发布了"))
            // Once it is published the reminder goes.
            let pot = try await Self.pot(t, kind: .publicFunds)
            _ = try await Funds.makeStatement(
                .init(pot: pot.id, from: "2026-07-01", to: "2026-09-30"), by: try await Self.staffCaller(t, "youyilu"))
            #expect(!(try await sub.get("/").body.string.contains("2026-07-01 至 2026-09-30 的资金公示该发布了")))
        }
    }

    @Test func badInputIsRefusedAndNothingIsStored() async throws {
        try await withYishi(demo: true) { t in
            let staff = try await Self.staffCaller(t, "baolin1")
            let committee = try await Self.staffCaller(t, "yeweihui")
            let before = try await Self.count(t, "fund_entries")
            let allocations = try await Self.count(t, "fund_allocations")
            let garden = try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").first())
            let maintenance = try await Self.pot(t, kind: .maintenance)
            let selfGov = try await Self.pot(t, kind: .selfGovernance)
            let residents = try await Self.pot(t, kind: .residentContribution)
            // A maintenance-fund use without a passed vote; the emergency route without its reason.
            #expect(
                await refused("decision=fund.decNotForPot") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: maintenance.id, project: garden.id, line: "materials", yuan: "100",
                            decision: "subdistrictApproval"), by: committee)
                })
            #expect(
                await refused("vote=fund.decVoteMissing") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: maintenance.id, project: garden.id, line: "materials", yuan: "100",
                            decision: "ownersVote"),
                        by: committee)
                })
            #expect(
                await refused("reference=fund.decReferenceMissing") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: maintenance.id, project: garden.id, line: "materials", yuan: "100",
                            decision: "emergency73"),
                        by: committee)
                })
            // A vote on another matter (the property manager's renewal) does not carry the fund.
            let renewal = try #require(
                try await OwnersVote.query(on: t.db).filter(\.$matterNumber == OwnersMatter.propertyManager.rawValue)
                    .first())
            #expect(
                await refused("vote=fund.decVoteWrongMatter") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: maintenance.id, project: garden.id, line: "materials", yuan: "100",
                            decision: "ownersVote",
                            vote: renewal.id), by: committee)
                })
            // An allocation beyond what the pot has available.
            #expect(
                await refused("amount=fund.overBalance") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: maintenance.id, project: garden.id, line: "materials", yuan: "1000000",
                            decision: "emergency73",
                            reference: "暴雨后屋面渗漏"), by: committee)
                })
            // A self-governance allocation by the community alone: the subdistrict approves it.
            let hearing = try #require(
                try await Meeting.query(on: t.db).filter(\.$project.$id == garden.id!).filter(\.$kind == .hearing)
                    .first())
            #expect(
                await refused("denied roleLacksAction") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: selfGov.id, project: garden.id, line: "materials", yuan: "100",
                            decision: "subdistrictApproval", meeting: hearing.id), by: staff)
                })
            // Residents' contributions beyond the meeting's decision (¥6,000 allowed, ¥2,550 raised).
            let household = try #require(
                try await FundEntry.query(on: t.db).filter(\.$householdID != nil).first()?.householdID)
            #expect(
                await refused("amount=fund.beyondDecision") {
                    _ = try await Funds.receive(
                        .init(pot: residents.id, yuan: "3500", party: "household", household: household), by: staff)
                })
            #expect(
                await refused("amount=fund.beyondDecision") {
                    _ = try await Funds.pledge(
                        .init(pot: residents.id, party: "household", from: "3号楼 201", yuan: "3500"), by: staff)
                })
            // A receipt of cash collected by a leader without its receipt number or second counter.
            #expect(
                await refused("countedBy=fund.countedByNeeded,receiptNo=fund.receiptNoNeeded") {
                    _ = try await Funds.receive(
                        .init(pot: selfGov.id, yuan: "100", party: "household", from: "楼组", collectedBy: "楼组长"),
                        by: staff)
                })
            // Bad amounts and a date in the future.
            for bad in ["0", "-5", "1.234", "abc", ""] {
                #expect(
                    await refused("amount=fund.amountInvalid") {
                        _ = try await Funds.receive(
                            .init(pot: selfGov.id, yuan: bad, party: "partner", from: "x"), by: staff)
                    })
            }
            #expect(
                await refused("effective=fund.effectiveInvalid") {
                    _ = try await Funds.receive(
                        .init(pot: selfGov.id, yuan: "1", effective: "2099-01-01", party: "partner", from: "x"),
                        by: staff)
                })
            #expect(try await Self.count(t, "fund_entries") == before)
            #expect(try await Self.count(t, "fund_allocations") == allocations)
        }
    }

    @Test func expensesKeepWithinTheirAllocationAndNobodyApprovesTheirOwn() async throws {
        try await withYishi(demo: true) { t in
            let staff = try await Self.staffCaller(t, "baolin1")
            let sub = try await Self.staffCaller(t, "youyilu")
            let district = try await Self.staffCaller(t, "baoshan")
            let selfGov = try await Self.pot(t, kind: .selfGovernance)
            let alloc = try #require(try await FundAllocation.query(on: t.db).filter(\.$pot.$id == selfGov.id!).first())
            // ¥2,000 left of ¥20,000. The submitter may not approve; an approval beyond the
            // allocation is refused and leaves no trace.
            let small = try await Funds.addExpense(
                .init(allocation: alloc.id, title: "垃圾清运", payee: "清运队", items: [("清运", "2500")]), by: sub)
            #expect(
                await refused("409 fund.ownExpense") {
                    _ = try await Funds.decideExpense(small.id, decision: "approve", comment: nil, by: sub)
                })
            #expect(
                await refused("amount=fund.overAllocation") {
                    _ = try await Funds.decideExpense(small.id, decision: "approve", comment: nil, by: staff)
                })
            #expect(try await FundApproval.query(on: t.db).filter(\.$expense.$id == small.id!).count() == 0)
            #expect(try await FundExpense.find(small.id, on: t.db)?.status == .submitted)
            // Rejecting needs a reason; the submitter sees it.
            #expect(
                await refused("comment=fund.commentNeeded") {
                    _ = try await Funds.decideExpense(small.id, decision: "reject", comment: " ", by: district)
                })
            let rejected = try await Funds.decideExpense(small.id, decision: "reject", comment: "超出拨付额度", by: district)
            #expect(rejected.status == .rejected && rejected.comment == "超出拨付额度")
            // An expense within it: approved and paid; paying again gives the same entry.
            let fits = try await Funds.addExpense(
                .init(allocation: alloc.id, title: "标识牌", payee: "广告公司", items: [("标识牌 2 块", "1800")]), by: staff)
            _ = try await Funds.decideExpense(fits.id, decision: "approve", comment: nil, by: sub)
            let paid = try await Funds.payExpense(fits.id, effective: nil, idempotencyKey: "pay-fits", by: staff)
            #expect(try await Funds.payExpense(fits.id, effective: nil, idempotencyKey: "pay-fits", by: staff) == paid)
            let a = try #require(try await FundAllocation.find(alloc.id, on: t.db))
            #expect(a.paidFen == 1_980_000 && a.approvedFen == 1_980_000)
            // Reversing the payment puts the expense back to be paid, and the money back in the pot.
            _ = try await Funds.reverse(paid, reason: "付错了收款方", by: staff)
            #expect(try await FundExpense.find(fits.id, on: t.db)?.status == .approved)
            #expect(try await FundPot.find(selfGov.id, on: t.db)?.balance == selfGov.balance)
            #expect(
                await refused("409 fund.alreadyReversed") {
                    _ = try await Funds.reverse(paid, reason: "再冲一次", by: staff)
                })
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }

    /// A conditional pledge whose deadline passes short of its threshold is released by the daily
    /// run, once, with an audit entry by the platform; one whose threshold was met stays.
    @Test func theDailyRunReleasesLapsedConditionalPledgesOnce() async throws {
        try await withYishi(demo: true) { t in
            let committee = try await Self.staffCaller(t, "baolin1")
            let partner = try await Self.pot(t, kind: .partner)
            let deadline = CalendarDay(t.clock.now().addingTimeInterval(3 * 86_400)).description
            let short = try await Funds.pledge(
                .init(
                    pot: partner.id, party: "partner", from: "某超市", yuan: "5000", threshold: "900000",
                    deadline: deadline), by: committee)
            let met = try await Funds.pledge(
                .init(pot: partner.id, party: "partner", from: "某药房", yuan: "800", threshold: "1", deadline: deadline),
                by: committee)
            func released() async throws -> Int {
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.fundPledge.rawValue)
                    .filter(\.$actorLabel == "system").count()
            }
            let before = try await released()
            await JobWorker.runDailyTasksIfDue(t.app)
            #expect(try await FundPledge.find(short.id, on: t.db)?.status == .open, "not before its deadline")
            t.clock.advance(5 * 86_400)
            await JobWorker.runDailyTasksIfDue(t.app)
            #expect(try await FundPledge.find(short.id, on: t.db)?.status == .released)
            #expect(try await FundPledge.find(met.id, on: t.db)?.status == .open)
            #expect(try await released() == before + 1)
            // Again (the page's read, a second day): nothing more.
            t.clock.advance(86_400)
            await JobWorker.runDailyTasksIfDue(t.app)
            #expect(try await Funds.releaseLapsed(partner.id!, today: CalendarDay(t.clock.now()), by: committee) == 0)
            #expect(try await released() == before + 1)
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }

    /// A budget line's plan bounds its allocations, from any pot, two at once included; the plan is
    /// never lowered below what is allocated.
    @Test func anAllocationStaysWithinItsBudgetLine() async throws {
        try await withYishi(demo: true) { t in
            let committee = try await Self.staffCaller(t, "baolin1")
            let sub = try await Self.staffCaller(t, "youyilu")
            let partner = try await Self.pot(t, kind: .partner)
            let foundation = try await Self.pot(t, kind: .foundation)
            let garden = try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").first())
            _ = try await Funds.setBudgetLine(
                project: garden.id, line: "signs", title: "标识牌", planned: "1000", by: committee)
            func allocate(_ pot: FundPot, _ yuan: String, by caller: Caller) async throws -> FundAllocation {
                try await Funds.allocate(
                    .init(
                        pot: pot.id, project: garden.id, line: "signs", yuan: yuan,
                        decision: pot.kind == .foundation ? "foundationGrant" : "agreement", reference: "资助决定 1 号"),
                    by: caller)
            }
            _ = try await allocate(partner, "600", by: committee)
            let before = try await Self.count(t, "fund_allocations")
            #expect(await refused("amount=fund.overPlan") { _ = try await allocate(partner, "400.01", by: committee) })
            #expect(
                await refused("planned=fund.planBelowAllocated") {
                    _ = try await Funds.setBudgetLine(
                        project: garden.id, line: "signs", title: "标识牌", planned: "599.99", by: committee)
                })
            #expect(try await FundBudgetLine.query(on: t.db).filter(\.$line == "signs").first()?.plannedFen == 100_000)
            #expect(try await Self.count(t, "fund_allocations") == before)
            // Two pots at once for the ¥400 left: one is allocated, the other refused.
            let results = await withTaskGroup(of: Bool.self) { g in
                g.addTask { (try? await allocate(partner, "400", by: committee)) != nil }
                g.addTask { (try? await allocate(foundation, "400", by: sub)) != nil }
                return await g.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            let taken =
                try await FundAllocation.query(on: t.db).filter(\.$project.$id == garden.id!).filter(\.$line == "signs")
                .all().reduce(Int64(0)) { $0 + $1.fen }
            #expect(taken == 100_000)
            // (Either pot may allocate: the one refused was refused by the plan, as any is now.)
            #expect(await refused("amount=fund.overPlan") { _ = try await allocate(foundation, "0.01", by: sub) })
            #expect(await refused("amount=fund.overPlan") { _ = try await allocate(partner, "0.01", by: committee) })
        }
    }

    @Test func twoPaymentsAtOnceNeverTakeAPotBelowZero() async throws {
        try await withYishi(demo: true) { t in
            let committee = try await Self.staffCaller(t, "baolin1")
            let wuye = try await Self.staffCaller(t, "shehui")
            let pot = try await Self.pot(t, kind: .partner)  // ¥20,000
            let garden = try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").first())
            var ids: [UUID] = []
            for _ in 0..<2 {
                let a = try await Funds.allocate(
                    .init(
                        pot: pot.id, project: garden.id, line: "materials", yuan: "9000", decision: "agreement",
                        reference: "公房修缮批复"), by: committee)
                let x = try await Funds.addExpense(
                    .init(allocation: a.id, title: "楼道粉刷", payee: "施工队", items: [("粉刷", "9000")]), by: wuye)
                _ = try await Funds.decideExpense(x.id, decision: "approve", comment: nil, by: committee)
                ids.append(x.id!)
            }
            // A third allocation would go beyond the balance: refused under the pot's lock.
            #expect(
                await refused("amount=fund.overBalance") {
                    _ = try await Funds.allocate(
                        .init(
                            pot: pot.id, project: garden.id, line: "materials", yuan: "2001", decision: "agreement",
                            reference: "公房修缮批复"), by: committee)
                })
            try await withThrowingTaskGroup(of: Void.self) { g in
                for id in ids {
                    g.addTask { _ = try await Funds.payExpense(id, effective: nil, idempotencyKey: nil, by: committee) }
                }
                try await g.waitForAll()
            }
            #expect(try await FundPot.find(pot.id, on: t.db)?.balance == 200_000)
            #expect(try await FundsVerification.run(on: t.db).ok)
        }
    }
}

/// The ledger through the API, each answer checked against the OpenAPI document.
@Suite("Funds: the API")
struct FundsAPITests {
    @Test func aPartnerPotTakesMoneyAndThePublicSeesAmountsNotResidents() async throws {
        try await withYishi(demo: true) { t in
            let me = Browser(t.app)
            try await me.signIn("baolin1")
            let community = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let made = try await me.json(
                .POST, "/api/v1/funds/pots",
                #"{"node": "BS01-C1", "kind": "partner", "name": "共建单位·超市", "custodian": "居委会", "legalOwner": "超市（定向捐赠）", "approvalSteps": [{"name": "主任", "required": 1, "fromYuan": "0"}]}"#
            )
            #expect(made.status == .created)
            let pot = try JSONDecoder().decode(DTO.FundPotOut.self, from: made.body)
            // The same request key twice: one entry; with other content: 409.
            let body = #"{"yuan": "800.00", "party": "partner", "from": "联华超市", "idempotencyKey": "k-1"}"#
            let first = try await me.json(.POST, "/api/v1/funds/pots/\(pot.id)/receipts", body)
            let second = try await me.json(.POST, "/api/v1/funds/pots/\(pot.id)/receipts", body)
            struct Id: Decodable { var id: UUID }
            let ids = try [first, second].map { try JSONDecoder().decode(Id.self, from: $0.body).id }
            #expect(first.status == .created && second.status == .created && ids[0] == ids[1])
            let other = try await me.json(
                .POST, "/api/v1/funds/pots/\(pot.id)/receipts",
                #"{"yuan": "900.00", "party": "partner", "from": "联华超市", "idempotencyKey": "k-1"}"#)
            #expect(other.status == .conflict)
            let bad = try await me.json(
                .POST, "/api/v1/funds/pots/\(pot.id)/receipts", #"{"yuan": "1.001", "party": "partner", "from": "x"}"#)
            #expect(bad.status == .unprocessableEntity)
            let read = try await Browser(t.app).json(.GET, "/api/v1/funds/pots/\(pot.id)")
            #expect(read.status == .ok && read.body.string.contains("\"balanceFen\":80000"))
            // Anyone reads the residents' pot: amounts yes, the households' names and homes no.
            let residents = try #require(
                try await FundPot.query(on: t.db).filter(\.$kind == .residentContribution).first())
            let ledger = try await Browser(t.app).json(.GET, "/api/v1/funds/pots/\(residents.id!)/entries")
            #expect(ledger.status == .ok && ledger.body.string.contains("\"kind\":\"match\""))
            #expect(!ledger.body.string.contains("王阿姨") && !ledger.body.string.contains("source:household:"))
            let staffView = try await me.json(.GET, "/api/v1/funds/pots/\(residents.id!)/entries")
            #expect(staffView.body.string.contains("王阿姨"))
            // The garden's money, the statement and the statistics are public.
            let garden = try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").first())
            let money = try await Browser(t.app).json(.GET, "/api/v1/funds/projects/\(garden.id!)")
            #expect(money.status == .ok && money.body.string.contains("\"spentFen\":4740000"))
            let statement = try #require(try await FundStatementRow.query(on: t.db).first())
            #expect(try await Browser(t.app).json(.GET, "/api/v1/funds/statements/\(statement.id!)").status == .ok)
            let stats = try await Browser(t.app).json(.GET, "/api/v1/funds/statistics/\(community.code)?year=2026")
            #expect(stats.status == .ok && stats.body.string.contains("residentsAndPartnersPerMille"))
            // A resident cannot record money; nobody signed in cannot either.
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.json(.POST, "/api/v1/funds/pots/\(pot.id)/receipts", body).status == .forbidden)
            #expect(
                try await Browser(t.app).json(.POST, "/api/v1/funds/pots/\(pot.id)/receipts", body).status
                    == .unauthorized)
        }
    }
}

extension FundsAPITests {
    /// A rule shared by two matchers through the API: its shares in the answer; a co-matcher the
    /// caller does not keep, or a bad share, refused with nothing stored.
    @Test func aSharedRuleThroughTheAPI() async throws {
        try await withYishi(demo: true) { t in
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let matcher = try #require(try await FundPot.query(on: t.db).filter(\.$kind == .matching).first())
            let foundation = try #require(try await FundPot.query(on: t.db).filter(\.$kind == .foundation).first())
            let residents = try #require(
                try await FundPot.query(on: t.db).filter(\.$kind == .residentContribution).first())
            let street = try await Funds.createPot(
                .init(
                    node: matcher.$node.id, kind: PotKind.matching.rawValue, name: "街道配比金", custodian: "街道财务",
                    legalOwner: "街道办事处"), by: try await FundsTests.staffCaller(t, "youyilu"))
            let path = "/api/v1/funds/pots/\(matcher.id!)/matching-rules"
            let before = try await FundsTests.count(t, "fund_matching_rules")
            let bad = try await sub.json(
                .POST, path,
                #"{"target": "\#(residents.id!)", "numerator": 1, "denominator": 1, "weight": 0, "coMatchers": [{"pot": "\#(street.id!)", "weight": 2}]}"#
            )
            #expect(bad.status == .unprocessableEntity)
            let granted = try await sub.json(
                .POST, path,
                #"{"target": "\#(residents.id!)", "numerator": 1, "denominator": 1, "coMatchers": [{"pot": "\#(foundation.id!)"}]}"#
            )
            #expect(granted.status == .unprocessableEntity, "a foundation's grant is not a matcher's money")
            let community = Browser(t.app)
            try await community.signIn("baolin1")
            let selfGov = try #require(try await FundPot.query(on: t.db).filter(\.$kind == .selfGovernance).first())
            let notTheirs = try await community.json(
                .POST, "/api/v1/funds/pots/\(selfGov.id!)/matching-rules",
                #"{"target": "\#(residents.id!)", "numerator": 1, "denominator": 1, "coMatchers": [{"pot": "\#(foundation.id!)"}]}"#
            )
            #expect(notTheirs.status == .forbidden, "nobody commits another's money")
            #expect(try await FundsTests.count(t, "fund_matching_rules") == before)
            let made = try await sub.json(
                .POST, path,
                #"{"target": "\#(residents.id!)", "numerator": 1, "denominator": 1, "trigger": "projectApproval", "weight": 3, "coMatchers": [{"pot": "\#(street.id!)", "weight": 2}]}"#
            )
            #expect(made.status == .created)
            let rule = try JSONDecoder().decode(DTO.MatchingRuleOut.self, from: made.body)
            #expect(rule.trigger == "projectApproval")
            #expect(rule.shares.map(\.pot) == [matcher.id!, street.id!] && rule.shares.map(\.weight) == [3, 2])
        }
    }
}

/// What a call was refused with, as text a test compares: `field=key,…` (422), `409 key`,
/// `denied reason`, `404`; "accepted" when it was not refused.
func refused(_ expected: String? = nil, _ body: () async throws -> Void) async -> Bool {
    let got: String
    do {
        try await body()
        got = "accepted"
    } catch let e as YishiError {
        switch e {
        case .invalid(let f): got = f.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        case .conflict(let k): got = "409 " + k
        case .denied(let d): got = "denied \(d)"
        case .notFound: got = "404"
        default: got = "\(e)"
        }
    } catch {
        got = "\(error)"
    }
    if let expected, got != expected { Issue.record("refused with \(got), expected \(expected)") }
    return expected.map { got == $0 } ?? (got != "accepted")
}
