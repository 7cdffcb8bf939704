import Foundation

/// Matching (资金配比): a matcher pot adds money to what residents or partners raise, by a rule
/// frozen when its round opens. Pure arithmetic in fen, rounding stated.
public struct MatchingRule: Hashable, Sendable, Codable {
    /// The ratio as a fraction: `numerator` fen of match for each `denominator` fen contributed.
    public var numerator: Int64
    public var denominator: Int64
    /// Caps in fen (nil: none): per contribution, per household, per project, for the rule in all.
    public var perContribution: Int64?
    public var perHousehold: Int64?
    public var perProject: Int64?
    public var total: Int64?
    /// A threshold: nothing is matched until the eligible contributions reach it ("a building group
    /// that raises ¥500 gets the street's grant"); then everything so far is matched.
    public var threshold: Int64?

    public init(
        numerator: Int64, denominator: Int64, perContribution: Int64? = nil, perHousehold: Int64? = nil,
        perProject: Int64? = nil, total: Int64? = nil, threshold: Int64? = nil
    ) {
        (self.numerator, self.denominator) = (numerator, denominator)
        (self.perContribution, self.perHousehold, self.perProject) = (perContribution, perHousehold, perProject)
        (self.total, self.threshold) = (total, threshold)
    }

    public enum Problem: String, Error, Sendable, CaseIterable, Equatable {
        /// The ratio is not a positive fraction with a denominator of at least 1 (at most 100:1).
        case ratio
        /// A cap or the threshold is negative.
        case negative
    }

    public var problem: Problem? {
        if numerator <= 0 || denominator <= 0 || numerator > 100 * denominator { return .ratio }
        if [perContribution, perHousehold, perProject, total, threshold].contains(where: { ($0 ?? 0) < 0 }) {
            return .negative
        }
        return nil
    }
}

public enum Matching {
    /// What has been matched under a rule so far (the caps apply to these running totals).
    public struct SoFar: Hashable, Sendable, Codable {
        public var household: Int64
        public var project: Int64
        public var total: Int64
        public init(household: Int64 = 0, project: Int64 = 0, total: Int64 = 0) {
            (self.household, self.project, self.total) = (household, project, total)
        }
    }

    /// The match for one contribution: the ratio applied and floored to the fen (the remainder
    /// stays unmatched: never rounded up), then each cap in turn. Zero for a non-positive amount.
    public static func match(_ contribution: Int64, rule: MatchingRule, soFar: SoFar) -> Int64 {
        guard contribution > 0, rule.problem == nil else { return 0 }
        // contribution ≤ 10¹³ and numerator ≤ 100·denominator: multiply after dividing to stay in range.
        let whole = contribution / rule.denominator
        let rest = contribution % rule.denominator
        var m = whole * rule.numerator + (rest * rule.numerator) / rule.denominator
        if let c = rule.perContribution { m = min(m, c) }
        if let c = rule.perHousehold { m = min(m, max(0, c - soFar.household)) }
        if let c = rule.perProject { m = min(m, max(0, c - soFar.project)) }
        if let c = rule.total { m = min(m, max(0, c - soFar.total)) }
        return max(0, m)
    }

    /// Whether the threshold is met by the eligible contributions so far.
    public static func thresholdMet(_ rule: MatchingRule, raised: Int64) -> Bool {
        raised >= (rule.threshold ?? 0)
    }

    /// Splits `amount` fen among parts by their weights, pro rata: each gets the floor of its share,
    /// and the fen left over go one each to the largest remainders (ties: the earlier part). The parts
    /// always add up to `amount`. Zero weights get nothing; no positive weight: nothing is split.
    public static func split(_ amount: Int64, weights: [Int64]) -> [Int64] {
        let total = weights.reduce(Int64(0)) { $0 + max(0, $1) }
        guard amount > 0, total > 0 else { return weights.map { _ in 0 } }
        var shares: [Int64] = []
        var remainders: [(index: Int, rest: Int64)] = []
        for (i, w) in weights.enumerated() {
            let weight = max(0, w)
            // amount·weight may exceed Int64: use the full-width product.
            let (high, low) = amount.multipliedFullWidth(by: weight)
            let (q, r) = total.dividingFullWidth((high, low))
            shares.append(q)
            remainders.append((i, r))
        }
        var left = amount - shares.reduce(0, +)
        for r in remainders.sorted(by: { ($0.rest, -$0.index) > ($1.rest, -$1.index) }) where left > 0 {
            guard weights[r.index] > 0 else { continue }
            shares[r.index] += 1
            left -= 1
        }
        return shares
    }
}

/// Maintenance-fund costs shared among the owners concerned by area (Civil Code art. 283): the same
/// pro-rata split, by each home's area in 0.01 m².
public enum CostSharing {
    public static func byArea(_ fen: Int64, areas: [Int64]) -> [Int64] { Matching.split(fen, weights: areas) }
}
