import Foundation

/// A vote between design options at a meeting (issue 18 §6), pure: the rule and the tie-break are
/// fixed when the vote opens; ballots come online from those signed in and on paper entered by
/// staff (a paper entry stands for `count` identical ballots); the count is `Consultative`'s.
public enum OptionVote {
    /// One ballot (or `count` identical paper ballots): the options marked, by their place in the
    /// vote's list — one for plurality, any for approval, a ranking best first for Borda.
    public struct Ballot: Hashable, Sendable, Codable {
        public var picks: [Int]
        public var count: Int
        public init(picks: [Int], count: Int = 1) {
            self.picks = picks
            self.count = count
        }
    }

    public enum BallotProblem: Error, Hashable, Sendable {
        /// Nothing marked.
        case empty
        /// An option not in the vote, or one marked twice.
        case unknownOption
        /// More than one mark on a plurality ballot, or more than the vote allows on an approval ballot.
        case tooMany
        /// A paper entry must stand for 1 to 5,000 ballots.
        case count
    }

    public enum OpenProblem: Error, Hashable, Sendable {
        /// A choice needs two options at least.
        case tooFewOptions
        /// An approval vote's limit must lie between 1 and the number of options.
        case maxPicks
    }

    /// Opening a vote: at least two options; an approval limit (if any) between 1 and their number.
    public static func checkOpening(method: ChoiceResult.Method, options: Int, maxPicks: Int?) -> OpenProblem? {
        guard options >= 2 else { return .tooFewOptions }
        if method == .approval, let m = maxPicks, !(1...options).contains(m) { return .maxPicks }
        return nil
    }

    /// A ballot as it must be to be accepted (online, or a paper entry). Paper ballots spoilt by the
    /// voter are entered as spoilt (`spoilt: true`), never as marks.
    public static func check(
        _ b: Ballot, method: ChoiceResult.Method, options: Int, maxPicks: Int?
    ) -> BallotProblem? {
        guard (1...5_000).contains(b.count) else { return .count }
        guard !b.picks.isEmpty else { return .empty }
        guard Set(b.picks).count == b.picks.count, b.picks.allSatisfy({ (0..<options).contains($0) }) else {
            return .unknownOption
        }
        switch method {
        case .plurality: if b.picks.count > 1 { return .tooMany }
        case .approval: if let m = maxPicks, b.picks.count > m { return .tooMany }
        case .borda: break
        }
        return nil
    }

    /// The count: accepted ballots (each `count` times) and `spoilt` ballots, by the vote's rule.
    public static func tally(
        method: ChoiceResult.Method, options: Int, ballots: [Ballot], spoilt: Int, maxPicks: Int?, tieBreak: TieBreak
    ) throws(ChoiceError) -> ChoiceResult {
        var expanded: [[Int]] = []
        for b in ballots { expanded += Array(repeating: b.picks, count: max(0, b.count)) }
        // A spoilt ballot is one the rules refuse: no marks.
        expanded += Array(repeating: [], count: max(0, spoilt))
        switch method {
        case .plurality:
            return try Consultative.plurality(
                options: options, ballots: expanded.map { $0.count == 1 ? $0[0] : nil }, tieBreak: tieBreak)
        case .approval:
            return try Consultative.approval(
                options: options, ballots: expanded, maxPicks: maxPicks, tieBreak: tieBreak)
        case .borda:
            return try Consultative.borda(options: options, ballots: expanded, tieBreak: tieBreak)
        }
    }

    /// The result in plain words, in order: the rule, the tie-break, the ballots, each option's
    /// score, the winner (and whether the tie-break decided it). `labels` name the options.
    public static func explain(_ r: ChoiceResult, labels: [String], lang: Lang) -> [String] {
        let method: VoteText =
            switch r.method {
            case .plurality: .plurality
            case .approval: .approval
            case .borda: .borda
            }
        var lines = [
            VoteText.ruleLine.text(lang, [method.text(lang)]),
            r.tieBreak.name.in(lang),
            VoteText.ballotsLine.text(lang, [String(r.validBallots), String(r.invalidBallots)]),
        ]
        for i in r.ranking where labels.indices.contains(i) {
            lines.append(VoteText.scoreLine.text(lang, [labels[i], String(r.scores[i])]))
        }
        if labels.indices.contains(r.winner) {
            if r.validBallots == 0 {
                lines.append(VoteText.noBallots.text(lang))
            } else {
                lines.append(
                    (r.decidedByTieBreak ? VoteText.winnerByTie : VoteText.winner).text(
                        lang, [labels[r.winner]]))
            }
        }
        return lines
    }
}
