import Foundation
import Testing

@testable import YishiCore

@Suite("Funds: the ledger's rules")
struct FundsLedgerTests {
    let pot = LedgerAccount.pot(UUID())
    let source = LedgerAccount.source("foundation")

    @Test func anEntryBalancesToTheFen() {
        #expect(JournalEntry.check([Posting(pot, 13_000_000), Posting(source, -13_000_000)]) == nil)
        #expect(JournalEntry.check([Posting(pot, 100), Posting(source, -99)]) == .unbalanced)
        #expect(JournalEntry.check([Posting(pot, 100)]) == .tooFew)
        #expect(JournalEntry.check([]) == .tooFew)
        #expect(JournalEntry.check([Posting(pot, 0), Posting(source, 0)]) == .zeroPosting)
        #expect(JournalEntry.check([Posting(pot, 100), Posting(pot, -100)]) == .repeatedAccount)
        #expect(JournalEntry.check([Posting("", 100), Posting(source, -100)]) == .badAccount)
        let huge = JournalEntry.maxFen + 1
        #expect(JournalEntry.check([Posting(pot, huge), Posting(source, -huge)]) == .tooLarge)
        let most = JournalEntry.maxFen
        #expect(JournalEntry.check([Posting(pot, most), Posting(source, -most)]) == nil)
        // Three ways: a receipt split between two pots.
        let other = LedgerAccount.pot(UUID())
        #expect(JournalEntry.check([Posting(pot, 70), Posting(other, 30), Posting(source, -100)]) == nil)
    }

    @Test func aReversalNegatesAndIsNeverReversedItself() {
        let entry = [Posting(pot, 500), Posting(source, -500)]
        let back = JournalEntry.reversal(of: entry)
        #expect(back == [Posting(pot, -500), Posting(source, 500)])
        #expect(JournalEntry.check(back) == nil)
        #expect(JournalEntry.reversal(of: back) == entry)
        #expect(JournalEntry.mayReverse(isReversal: false, alreadyReversed: false) == nil)
        #expect(JournalEntry.mayReverse(isReversal: true, alreadyReversed: false) == .reversalOfReversal)
        #expect(JournalEntry.mayReverse(isReversal: false, alreadyReversed: true) == .alreadyReversed)
    }

    @Test func theSameRequestReadsTheSameWhateverTheOrder() {
        let a = JournalEntry.canonical(
            postings: [Posting(pot, 5), Posting(source, -5)], effective: "2026-11-30", memo: "收款", kind: "receipt")
        let b = JournalEntry.canonical(
            postings: [Posting(source, -5), Posting(pot, 5)], effective: "2026-11-30", memo: "收款", kind: "receipt")
        let c = JournalEntry.canonical(
            postings: [Posting(source, -6), Posting(pot, 6)], effective: "2026-11-30", memo: "收款", kind: "receipt")
        #expect(a == b && a != c)
    }

    @Test func accountsNameTheirPots() {
        let id = UUID()
        #expect(LedgerAccount.potID(LedgerAccount.pot(id)) == id)
        #expect(LedgerAccount.potID(LedgerAccount.project(id)) == nil)
        #expect(LedgerAccount.potID("pot:nonsense") == nil)
    }

    @Test func whatIsReservedIsNotAvailable() {
        #expect(Availability.available(balance: 10_000, openAllocations: 3_000, approvedUnpaid: 2_000) == 5_000)
        #expect(Availability.available(balance: 1_000, openAllocations: 3_000, approvedUnpaid: 0) == -2_000)
        #expect(Availability.available(balance: 1_000, openAllocations: -5, approvedUnpaid: -5) == 1_000)
    }

    @Test func spendingStaysWithinAllocationBalanceAndPlan() {
        #expect(Spending.allocate(100, available: 100) == nil)
        #expect(Spending.allocate(101, available: 100) == .overBalance)
        #expect(Spending.allocate(0, available: 100) == .amount)
        #expect(Spending.withinPlan(400, planned: 1_000, allocated: 600) == nil)
        #expect(Spending.withinPlan(401, planned: 1_000, allocated: 600) == .overPlan)
        #expect(Spending.withinPlan(-1, planned: 1_000, allocated: 0) == .amount)
        #expect(Spending.replan(600, allocated: 600) == nil)
        #expect(Spending.replan(599, allocated: 600) == .overPlan)
        #expect(Spending.replan(-1, allocated: 0) == .amount)
        #expect(Spending.approve(50, allocation: 100, alreadyApproved: 50) == nil)
        #expect(Spending.approve(51, allocation: 100, alreadyApproved: 50) == .overAllocation)
        #expect(Spending.pay(100, balance: 99) == .overBalance && Spending.pay(99, balance: 99) == nil)
        for r in Spending.Refusal.allCases { #expect(!FundText.spending(r).key.isEmpty) }
    }

    @Test func yuanAsWrittenBecomeFenAndBack() {
        #expect(Yuan.fen("1,234.5") == 123_450)
        #expect(Yuan.fen("¥12") == 1_200)
        #expect(Yuan.fen("0.05") == 5)
        #expect(Yuan.fen(".5") == nil && Yuan.fen("1.") == nil)
        #expect(Yuan.fen("1,0") == nil && Yuan.fen("12,34") == nil && Yuan.fen("1,234,567") == 123_456_700)
        #expect(Yuan.fen("130000元") == 13_000_000)
        #expect(Yuan.fen("1.234") == nil)
        #expect(Yuan.fen("-5") == nil)
        #expect(Yuan.fen("1e5") == nil)
        #expect(Yuan.fen("") == nil)
        #expect(Yuan.fen("１２") == nil)  // full-width digits are not taken as amounts
        #expect(Yuan.fen("100000000001") == nil)
        #expect(Yuan.text(123_450) == "1,234.50")
        #expect(Yuan.text(5) == "0.05")
        #expect(Yuan.text(-100_000) == "-1,000.00")
        #expect(Yuan.text(0) == "0.00")
        for fen: Int64 in [0, 1, 99, 100, 12_345_678, 999_999_999_999] {
            #expect(Yuan.fen(Yuan.text(fen)) == fen)
        }
    }
}

@Suite("Funds: matching, splitting and approvals")
struct FundsMatchingTests {
    @Test func aMatchFloorsToTheFenAndKeepsEveryCap() {
        let oneToOne = MatchingRule(numerator: 1, denominator: 1)
        #expect(Matching.match(30_000, rule: oneToOne, soFar: .init()) == 30_000)
        let half = MatchingRule(numerator: 1, denominator: 2)
        #expect(Matching.match(301, rule: half, soFar: .init()) == 150)  // floored: ½ fen stays unmatched
        let twoThirds = MatchingRule(numerator: 2, denominator: 3)
        #expect(Matching.match(100, rule: twoThirds, soFar: .init()) == 66)
        #expect(Matching.match(0, rule: oneToOne, soFar: .init()) == 0)
        #expect(Matching.match(-5, rule: oneToOne, soFar: .init()) == 0)
        var capped = oneToOne
        capped.perContribution = 10_000
        #expect(Matching.match(30_000, rule: capped, soFar: .init()) == 10_000)
        capped.perHousehold = 15_000
        #expect(Matching.match(30_000, rule: capped, soFar: .init(household: 10_000)) == 5_000)
        #expect(Matching.match(30_000, rule: capped, soFar: .init(household: 20_000)) == 0)
        capped.perProject = 100_000
        #expect(Matching.match(30_000, rule: capped, soFar: .init(project: 95_000)) == 5_000)
        capped.total = 1_000_000
        #expect(Matching.match(30_000, rule: capped, soFar: .init(total: 999_999)) == 1)
        // The largest amount the ledger keeps does not overflow at the highest ratio.
        let most = MatchingRule(numerator: 100, denominator: 1)
        #expect(Matching.match(JournalEntry.maxFen / 100, rule: most, soFar: .init()) == JournalEntry.maxFen)
        #expect(MatchingRule(numerator: 0, denominator: 1).problem == .ratio)
        #expect(MatchingRule(numerator: 1, denominator: 0).problem == .ratio)
        #expect(MatchingRule(numerator: 101, denominator: 1).problem == .ratio)
        #expect(MatchingRule(numerator: 1, denominator: 1, total: -1).problem == .negative)
        #expect(Matching.match(100, rule: MatchingRule(numerator: 1, denominator: 0), soFar: .init()) == 0)
    }

    @Test func aThresholdHoldsTheMatchUntilReached() {
        let rule = MatchingRule(numerator: 1, denominator: 1, threshold: 50_000)
        #expect(!Matching.thresholdMet(rule, raised: 49_999))
        #expect(Matching.thresholdMet(rule, raised: 50_000))
        #expect(Matching.thresholdMet(MatchingRule(numerator: 1, denominator: 1), raised: 0))
    }

    @Test func aSplitAlwaysAddsUpAndGivesLeftoverFenToTheLargestRemainders() {
        #expect(Matching.split(100, weights: [1, 1, 1]) == [34, 33, 33])
        #expect(Matching.split(100, weights: [1, 2]) == [33, 67])
        #expect(Matching.split(5, weights: [0, 3, 0]) == [0, 5, 0])
        #expect(Matching.split(100, weights: [0, 0]) == [0, 0])
        #expect(Matching.split(0, weights: [1, 2]) == [0, 0])
        #expect(Matching.split(10, weights: [-4, 1]) == [0, 10])
        // Random amounts and weights: the parts always add up, and none is off its share by a fen.
        var g = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let amount = Int64.random(in: 1...10_000_000, using: &g)
            let weights = (0..<Int.random(in: 1...12, using: &g)).map { _ in Int64.random(in: 0...200_000, using: &g) }
            let parts = Matching.split(amount, weights: weights)
            let total = weights.reduce(0, +)
            if total == 0 {
                #expect(parts.allSatisfy { $0 == 0 })
                continue
            }
            #expect(parts.reduce(0, +) == amount)
            for (p, w) in zip(parts, weights) {
                let exact = Double(amount) * Double(w) / Double(total)
                #expect(Double(p) >= exact.rounded(.down) - 0.5 && Double(p) <= exact.rounded(.up) + 0.5)
            }
        }
        // Amounts times weights beyond Int64 still split exactly.
        #expect(
            Matching.split(JournalEntry.maxFen, weights: [Int64(1) << 40, Int64(1) << 40]).reduce(0, +)
                == JournalEntry.maxFen)
    }

    @Test func maintenanceCostsAreSharedByArea() {
        // Three homes of 60.50, 89.00 and 120.25 m² share ¥10,000.00.
        let shares = CostSharing.byArea(1_000_000, areas: [6_050, 8_900, 12_025])
        #expect(shares.reduce(0, +) == 1_000_000)
        // Floors 224,281 + 329,935 + 445,783 leave 1 fen: the largest remainder is the first home's.
        #expect(shares == [224_282, 329_935, 445_783])
    }

    @Test func expensesPassTheirStepsInOrderNeverByTheirSubmitter() {
        let policy = ApprovalPolicy(steps: [
            .init(name: "居委会主任", required: 1), .init(name: "街道审核", required: 2, fromFen: 500_000),
        ])
        #expect(policy.problem == nil)
        #expect(ApprovalPolicy(steps: []).problem == .noStep)
        #expect(ApprovalPolicy(steps: [.init(name: "x", required: 0)]).problem == .required)
        #expect(ApprovalPolicy(steps: [.init(name: "x", required: 1, fromFen: 100)]).problem == .threshold)
        let (me, a, b, c) = (UUID(), UUID(), UUID(), UUID())
        // A small expense: one step.
        #expect(policy.steps(for: 100_000).count == 1)
        #expect(
            ExpenseApproval.check(policy, fen: 100_000, given: [], submitter: me, approver: me) == .failure(.ownExpense)
        )
        #expect(ExpenseApproval.check(policy, fen: 100_000, given: [], submitter: me, approver: a) == .success(0))
        #expect(ExpenseApproval.current(policy, fen: 100_000, given: [.init(step: 0, by: a)]) == nil)
        #expect(
            ExpenseApproval.check(policy, fen: 100_000, given: [.init(step: 0, by: a)], submitter: me, approver: b)
                == .failure(.complete))
        // A large one: then two different people at the second step.
        var given: [ExpenseApproval.Given] = [.init(step: 0, by: a)]
        #expect(ExpenseApproval.current(policy, fen: 600_000, given: given) == 1)
        #expect(ExpenseApproval.check(policy, fen: 600_000, given: given, submitter: me, approver: b) == .success(1))
        // One who approved the first step does not give the second too.
        #expect(
            ExpenseApproval.check(policy, fen: 600_000, given: given, submitter: me, approver: a)
                == .failure(.alreadyApproved))
        #expect(
            ExpenseApproval.check(policy, fen: 600_000, given: given, submitter: me, approver: b, alsoSubmittedBy: b)
                == .failure(.ownExpense))
        given.append(.init(step: 1, by: b))
        #expect(
            ExpenseApproval.check(policy, fen: 600_000, given: given, submitter: me, approver: b)
                == .failure(.alreadyApproved))
        #expect(ExpenseApproval.check(policy, fen: 600_000, given: given, submitter: me, approver: c) == .success(1))
        given.append(.init(step: 1, by: c))
        #expect(ExpenseApproval.current(policy, fen: 600_000, given: given) == nil)
    }
}

@Suite("Funds: statements and verification")
struct FundsStatementTests {
    @Test func aStatementIsDueOnceItsPeriodHasEnded() {
        let today = CalendarDay("2026-12-02")!
        // The maintenance fund (half-yearly): January–June ended; July–December has not.
        #expect(
            FundStatement.due(.halfYearly, publishedUntil: nil, openedOn: "2025-03-01", today: today)! == (
                "2026-01-01", "2026-06-30"
            ))
        #expect(
            FundStatement.due(.halfYearly, publishedUntil: "2026-06-30", openedOn: "2025-03-01", today: today) == nil)
        // Quarterly public funds: the third quarter is due; a pot opened after it ended owes nothing.
        #expect(
            FundStatement.due(.quarterly, publishedUntil: "2026-06-30", openedOn: "2026-01-01", today: today)?.to
                == "2026-09-30")
        #expect(FundStatement.due(.quarterly, publishedUntil: nil, openedOn: "2026-10-15", today: today) == nil)
        // Yearly: last year's, in January.
        #expect(
            FundStatement.due(.yearly, publishedUntil: nil, openedOn: "2025-01-01", today: CalendarDay("2027-01-05")!)?
                .to == "2026-12-31")
        #expect(FundStatement.due(.yearly, publishedUntil: nil, openedOn: "2026-05-01", today: today) == nil)
    }

    typealias Line = FundStatement.Line

    @Test func aStatementOpensWhereTheLastClosedAndShowsCorrectionsWhenDated() {
        let lines = [
            Line(effective: "2026-03-01", fen: 500_000, counterpart: "source:owners", kind: "receipt"),
            Line(effective: "2026-06-30", fen: -120_000, counterpart: "project:a", kind: "payment"),
            Line(effective: "2026-07-01", fen: 300_000, counterpart: "source:owners", kind: "receipt"),
            Line(effective: "2026-08-15", fen: 50_000, counterpart: "source:interest", kind: "receipt"),
            Line(effective: "2026-09-01", fen: -80_000, counterpart: "project:b", kind: "payment"),
            // A correction of the June payment, dated in the current period: shown here, not there.
            Line(effective: "2026-10-10", fen: 120_000, counterpart: "project:a", kind: "reversal"),
            Line(effective: "2027-01-02", fen: 1, counterpart: "source:owners", kind: "receipt"),
        ]
        let first = FundStatement.figures(lines, from: "2026-01-01", to: "2026-06-30", reported: 380_000)
        #expect(first.opening == 0 && first.income == 500_000 && first.spending == 120_000)
        #expect(first.closing == 380_000 && first.difference == 0 && first.entries == 2)
        let second = FundStatement.figures(lines, from: "2026-07-01", to: "2026-12-31", reported: 650_000)
        #expect(second.opening == first.closing)
        #expect(second.income == 470_000 && second.spending == 80_000 && second.closing == 770_000)
        #expect(second.difference == 120_000)  // the custodian's figure misses the correction: shown, not hidden
        #expect(second.bySource.map(\.key) == ["source:owners", "project:a", "source:interest"])
        #expect(second.byUse == [.init(key: "project:b", fen: 80_000)])
        #expect(FundStatement.figures(lines, from: "2026-01-01", to: "2026-12-31").difference == nil)
        #expect(FundStatement.figures([], from: "2026-01-01", to: "2026-12-31").closing == 0)
    }

    @Test func schedulesCutTheYearIntoPeriods() {
        #expect(FundStatement.periods(.halfYearly, year: 2026).map(\.to) == ["2026-06-30", "2026-12-31"])
        #expect(FundStatement.periods(.quarterly, year: 2026).count == 4)
        #expect(FundStatement.periods(.quarterly, year: 2026)[1].from == "2026-04-01")
        #expect(FundStatement.periods(.yearly, year: 2026).map(\.from) == ["2026-01-01"])
    }

    @Test func verificationFindsEveryKindOfBreak() {
        let (pot, src) = (LedgerAccount.pot(UUID()), LedgerAccount.source("owners"))
        let a = FundsVerify.Entry(id: UUID(), postings: [Posting(pot, 1_000), Posting(src, -1_000)])
        let b = FundsVerify.Entry(id: UUID(), postings: JournalEntry.reversal(of: a.postings), reverses: a.id)
        let good = FundsVerify.check([a, b], storedBalances: [pot: 0, src: 0])
        #expect(good.isEmpty)
        // Edited in the database: one side changed.
        var edited = a
        edited.postings[0].fen = 999
        #expect(FundsVerify.check([edited], storedBalances: [:]) == [.unbalanced(a.id, .unbalanced)])
        // A reversal of the reversal, a second reversal, a reversal of nothing, a wrong negation.
        let c = FundsVerify.Entry(id: UUID(), postings: a.postings, reverses: b.id)
        let d = FundsVerify.Entry(id: UUID(), postings: JournalEntry.reversal(of: a.postings), reverses: a.id)
        let e = FundsVerify.Entry(id: UUID(), postings: a.postings, reverses: UUID())
        let f = FundsVerify.Entry(id: UUID(), postings: [Posting(pot, -5), Posting(src, 5)], reverses: a.id)
        let found = FundsVerify.check([a, b, c, d, e, f], storedBalances: [pot: 1_000])
        #expect(found.contains(.reversalOfReversal(c.id)))
        #expect(found.contains(.reversedTwice(a.id)))
        #expect(found.contains(.reversesNothing(e.id)))
        #expect(found.contains(.notTheNegation(f.id)))
        // 1,000 − 1,000 + 1,000 − 1,000 + 1,000 − 5 on the pot.
        #expect(found.contains(.balance(account: pot, stored: 1_000, summed: 995)))
    }
}
