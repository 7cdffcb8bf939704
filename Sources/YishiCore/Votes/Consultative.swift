import Foundation

/// Choosing among options and allocating a fund: the platform's own documented rules
/// (DECISION-RULES.md §4). The rule and the tie-break are fixed before counting and named in the result.
public enum TieBreak: Hashable, Sendable, Codable {
    /// The option listed first wins a tie.
    case listedOrder
    /// A lot drawn with a seed published before voting opens: the same seed always draws the same.
    case lot(seed: UInt64)

    public var name: Bilingual {
        switch self {
        case .listedOrder: return .init("得票相同时，按选项列出的先后决定", "A tie goes to the option listed first")
        case .lot(let seed):
            return .init(
                "得票相同时，用投票开始时公布的号码 \(seed) 抽签决定",
                "A tie is settled by a lot drawn with the number \(seed), published when voting opened")
        }
    }

    /// Orders option indices by score, highest first, ties by this rule.
    func rank(_ scores: [Int]) -> [Int] {
        var tiebreakKey = Array(0..<scores.count)
        if case .lot(let seed) = self {
            var lot = SplitMix64(seed: seed)
            let keys = scores.indices.map { _ in lot.next() }
            let order = scores.indices.sorted { keys[$0] < keys[$1] }
            for (pos, i) in order.enumerated() { tiebreakKey[i] = pos }
        }
        return scores.indices.sorted {
            scores[$0] != scores[$1] ? scores[$0] > scores[$1] : tiebreakKey[$0] < tiebreakKey[$1]
        }
    }
}

public struct ChoiceResult: Hashable, Sendable, Codable {
    public enum Method: String, Sendable, Codable { case plurality, approval, borda }
    public var method: Method
    /// Score of each option, in the listed order.
    public var scores: [Int]
    /// Option indices from first to last.
    public var ranking: [Int]
    public var winner: Int
    /// True when the winner was decided by the tie-break.
    public var decidedByTieBreak: Bool
    public var validBallots: Int
    public var invalidBallots: Int
    public var tieBreak: TieBreak
}

public enum ChoiceError: Error, Hashable, Sendable { case noOptions }

public enum Consultative {
    static func finish(_ method: ChoiceResult.Method, _ scores: [Int], valid: Int, invalid: Int, _ tieBreak: TieBreak)
        -> ChoiceResult
    {
        let ranking = tieBreak.rank(scores)
        let tied = scores.count > 1 && scores[ranking[0]] == scores[ranking[1]]
        return ChoiceResult(
            method: method, scores: scores, ranking: ranking, winner: ranking[0], decidedByTieBreak: tied,
            validBallots: valid, invalidBallots: invalid, tieBreak: tieBreak)
    }

    /// One mark per ballot; a ballot naming no option or one out of range is invalid.
    public static func plurality(options: Int, ballots: [Int?], tieBreak: TieBreak) throws(ChoiceError) -> ChoiceResult
    {
        guard options > 0 else { throw .noOptions }
        var scores = [Int](repeating: 0, count: options)
        var invalid = 0
        for b in ballots { if let b, (0..<options).contains(b) { scores[b] += 1 } else { invalid += 1 } }
        return finish(.plurality, scores, valid: ballots.count - invalid, invalid: invalid, tieBreak)
    }

    /// Any number of marks per ballot (at most `maxPicks` when given); an option marked twice counts once.
    public static func approval(options: Int, ballots: [[Int]], maxPicks: Int? = nil, tieBreak: TieBreak)
        throws(ChoiceError) -> ChoiceResult
    {
        guard options > 0 else { throw .noOptions }
        var scores = [Int](repeating: 0, count: options)
        var invalid = 0
        for b in ballots {
            let picks = Set(b)
            guard !picks.isEmpty, picks.allSatisfy({ (0..<options).contains($0) }),
                maxPicks.map({ picks.count <= $0 }) ?? true
            else {
                invalid += 1
                continue
            }
            for p in picks { scores[p] += 1 }
        }
        return finish(.approval, scores, valid: ballots.count - invalid, invalid: invalid, tieBreak)
    }

    /// Rankings, best first: with n options the first gets n−1 points, the next n−2 …; options left
    /// unranked get none. A ranking that repeats an option or names one out of range is invalid.
    public static func borda(options: Int, ballots: [[Int]], tieBreak: TieBreak) throws(ChoiceError) -> ChoiceResult {
        guard options > 0 else { throw .noOptions }
        var scores = [Int](repeating: 0, count: options)
        var invalid = 0
        for b in ballots {
            guard !b.isEmpty, Set(b).count == b.count, b.allSatisfy({ (0..<options).contains($0) }) else {
                invalid += 1
                continue
            }
            for (pos, o) in b.enumerated() { scores[o] += options - 1 - pos }
        }
        return finish(.borda, scores, valid: ballots.count - invalid, invalid: invalid, tieBreak)
    }

    /// A project competing for a self-governance fund; `cost` in fen.
    public struct Project: Hashable, Sendable, Codable {
        public var id: String
        public var cost: Int64
        public var support: Int
        public init(id: String, cost: Int64, support: Int) {
            self.id = id
            self.cost = cost
            self.support = support
        }
    }

    public struct Allocation: Hashable, Sendable, Codable {
        public var funded: [String]
        /// Skipped because they no longer fitted when their turn came.
        public var skipped: [String]
        public var spent: Int64
        public var remaining: Int64
        public var tieBreak: TieBreak
    }

    /// 按支持度依次资助: fund projects in order of support while money remains, skipping any that no
    /// longer fit; at most `maxProjects` when given.
    public static func allocate(budget: Int64, projects: [Project], maxProjects: Int? = nil, tieBreak: TieBreak)
        -> Allocation
    {
        let order = tieBreak.rank(projects.map(\.support))
        var remaining = budget
        var funded: [String] = []
        var skipped: [String] = []
        for i in order {
            let p = projects[i]
            if let maxProjects, funded.count >= maxProjects {
                skipped.append(p.id)
                continue
            }
            if p.cost <= remaining {
                funded.append(p.id)
                remaining -= p.cost
            } else {
                skipped.append(p.id)
            }
        }
        return Allocation(
            funded: funded, skipped: skipped, spent: budget - remaining, remaining: remaining, tieBreak: tieBreak)
    }

    /// Approval ballots over projects (each voter marks at most `maxPicks`), then allocation by approvals.
    public static func allocateByApproval(
        budget: Int64, projects: [(id: String, cost: Int64)], ballots: [[Int]], maxPicks: Int,
        tieBreak: TieBreak
    ) throws(ChoiceError) -> (ChoiceResult, Allocation) {
        let choice = try approval(options: projects.count, ballots: ballots, maxPicks: maxPicks, tieBreak: tieBreak)
        let ps = projects.enumerated().map {
            Project(id: $0.element.id, cost: $0.element.cost, support: choice.scores[$0.offset])
        }
        return (choice, allocate(budget: budget, projects: ps, tieBreak: tieBreak))
    }

    public struct Satisfaction: Hashable, Sendable, Codable {
        /// Responses giving 1, 2, 3, 4, 5.
        public var distribution: [Int]
        public var count: Int
        public var invalid: Int
        /// The mean as an exact fraction and as text with two decimals (half up).
        public var sum: Int
        public var mean: String
    }

    /// 满意度 on a 1–5 scale; anything else is invalid and left out.
    public static func satisfaction(_ scores: [Int]) -> Satisfaction {
        var dist = [Int](repeating: 0, count: 5)
        var invalid = 0
        var sum = 0
        for s in scores {
            if (1...5).contains(s) {
                dist[s - 1] += 1
                sum += s
            } else {
                invalid += 1
            }
        }
        let count = scores.count - invalid
        var mean = "—"
        if count > 0 {
            let hundredths = (sum * 200 + count) / (2 * count)
            mean = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
        }
        return Satisfaction(distribution: dist, count: count, invalid: invalid, sum: sum, mean: mean)
    }
}
