import Foundation
import Testing

@testable import YishiCore

/// A vote between design options (issue 18 §6): ballots checked by the vote's rule, paper entries
/// standing for many, spoilt ballots counted as invalid, the count `Consultative`'s, and a result
/// that names its rule, tie-break, ballots, scores and winner.
@Suite("Projects: a vote between design options")
struct OptionVoteTests {
    @Test func openingNeedsTwoOptionsAndASensibleLimit() {
        #expect(OptionVote.checkOpening(method: .plurality, options: 1, maxPicks: nil) == .tooFewOptions)
        #expect(OptionVote.checkOpening(method: .plurality, options: 2, maxPicks: nil) == nil)
        #expect(OptionVote.checkOpening(method: .approval, options: 3, maxPicks: 4) == .maxPicks)
        #expect(OptionVote.checkOpening(method: .approval, options: 3, maxPicks: 0) == .maxPicks)
        #expect(OptionVote.checkOpening(method: .approval, options: 3, maxPicks: 2) == nil)
        #expect(
            OptionVote.checkOpening(method: .borda, options: 3, maxPicks: 9) == nil, "a limit means nothing to Borda")
    }

    @Test(arguments: [
        (ChoiceResult.Method.plurality, [0], 1, nil as OptionVote.BallotProblem?),
        (.plurality, [0, 1], 1, .tooMany),
        (.plurality, [], 1, .empty),
        (.plurality, [3], 1, .unknownOption),
        (.plurality, [-1], 1, .unknownOption),
        (.plurality, [0], 0, .count),
        (.plurality, [0], 5_001, .count),
        (.plurality, [0], 5_000, nil),
        (.approval, [0, 2], 1, nil),
        (.approval, [0, 1, 2], 1, .tooMany),
        (.approval, [1, 1], 1, .unknownOption),
        (.borda, [2, 0, 1], 1, nil),
        (.borda, [2], 1, nil),
        (.borda, [2, 2], 1, .unknownOption),
    ])
    func aBallotIsCheckedByTheVotesRule(
        method: ChoiceResult.Method, picks: [Int], count: Int, problem: OptionVote.BallotProblem?
    ) {
        #expect(
            OptionVote.check(.init(picks: picks, count: count), method: method, options: 3, maxPicks: 2) == problem)
    }

    @Test func paperEntriesCountManyAndSpoiltOnesAreInvalid() throws {
        let r = try OptionVote.tally(
            method: .plurality, options: 2, ballots: [.init(picks: [1]), .init(picks: [0], count: 12)], spoilt: 3,
            maxPicks: nil, tieBreak: .listedOrder)
        #expect(r.scores == [12, 1] && r.winner == 0 && r.validBallots == 13 && r.invalidBallots == 3)
        let lines = OptionVote.explain(r, labels: ["方案A v2", "方案B v1"], lang: .zhHans)
        #expect(
            lines == [
                "计票规则：每人选一个，得票最多的胜出", "得票相同时，按选项列出的先后决定", "有效票 13 张，无效票 3 张", "方案A v2：12", "方案B v1：1",
                "结果：方案A v2 胜出",
            ])
    }

    @Test func aTieIsSettledByTheRuleFixedBeforehandAndSaysSo() throws {
        let listed = try OptionVote.tally(
            method: .approval, options: 2, ballots: [.init(picks: [0, 1], count: 4)], spoilt: 0, maxPicks: nil,
            tieBreak: .listedOrder)
        #expect(listed.winner == 0 && listed.decidedByTieBreak)
        #expect(
            OptionVote.explain(listed, labels: ["A", "B"], lang: .en).last
                == "Result: a tie, settled as fixed beforehand: A wins")
        // The same seed always draws the same.
        let a = try OptionVote.tally(
            method: .plurality, options: 3, ballots: [.init(picks: [0], count: 2), .init(picks: [2], count: 2)],
            spoilt: 0, maxPicks: nil, tieBreak: .lot(seed: 424_242))
        let b = try OptionVote.tally(
            method: .plurality, options: 3, ballots: [.init(picks: [2], count: 2), .init(picks: [0], count: 2)],
            spoilt: 0, maxPicks: nil, tieBreak: .lot(seed: 424_242))
        #expect(a.winner == b.winner && [0, 2].contains(a.winner) && a.decidedByTieBreak)
        #expect(OptionVote.explain(a, labels: ["A", "B", "C"], lang: .en)[1].contains("424242"))
    }

    @Test func bordaScoresPlacesAndNoValidBallotChoosesNothing() throws {
        let r = try OptionVote.tally(
            method: .borda, options: 3, ballots: [.init(picks: [2, 0, 1], count: 2), .init(picks: [0], count: 3)],
            spoilt: 0, maxPicks: nil, tieBreak: .listedOrder)
        // 2 × (C 2, A 1, B 0) + 3 × (A 2): A 8, B 0, C 4.
        #expect(r.scores == [8, 0, 4] && r.ranking == [0, 2, 1])
        let none = try OptionVote.tally(
            method: .borda, options: 2, ballots: [], spoilt: 2, maxPicks: nil, tieBreak: .listedOrder)
        #expect(none.validBallots == 0 && none.invalidBallots == 2)
        #expect(OptionVote.explain(none, labels: ["A", "B"], lang: .zhHans).last == "没有有效票，没有选出方案。")
    }
}
