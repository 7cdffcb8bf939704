import Foundation

/// The radius each facility type must lie within, and the 15-minute check radius.
public struct CoverageRules: Sendable, Equatable {
    public var tier: [FacilityType: Double]
    public var fifteenMinutes: Double

    public init(tier: [FacilityType: Double], fifteenMinutes: Double) {
        self.tier = tier
        self.fifteenMinutes = fifteenMinutes
    }

    /// GB 50180-2018 tiers: 300 m or 500 m by type, 1000 m for the 15-minute check.
    public static let standard = CoverageRules(
        tier: Dictionary(uniqueKeysWithValues: FacilityType.allCases.map { ($0, $0.tierMetres) }), fifteenMinutes: 1000)

    /// The speed-based mode: each radius is minutes × 60 × a walking speed (default 1.0 m/s, a
    /// cautious pace for elderly residents), with the standard tiers' minutes unless given.
    public static func walking(
        metresPerSecond speed: Double = 1.0, minutes: [FacilityType: Double] = [:], fifteenMinutes: Double = 15
    ) -> CoverageRules {
        let defaults = Dictionary(
            uniqueKeysWithValues: FacilityType.allCases.map { ($0, $0.tierMetres == 300 ? 5.0 : 10.0) })
        let m = defaults.merging(minutes) { _, given in given }
        return CoverageRules(tier: m.mapValues { $0 * 60 * speed }, fifteenMinutes: fifteenMinutes * 60 * speed)
    }

    public func radius(_ type: FacilityType) -> Double { tier[type] ?? type.tierMetres }
}

/// Shares of origins covered and the gaps of each origin, from a nearest table.
public enum Coverage {
    /// For each type, the share of the table's origins whose nearest facility lies within each radius
    /// (inclusive), rounded to four decimals as the reference prints it.
    public static func shares(_ table: NearestTable, radii: [Double] = [300, 500, 1000, 1200]) -> [FacilityType: [Int:
        Double]]
    {
        var out: [FacilityType: [Int: Double]] = [:]
        for (t, type) in table.types.enumerated() {
            let d = table.distances[t]
            guard !d.isEmpty else { continue }
            var byRadius: [Int: Double] = [:]
            for r in radii {
                let covered = d.reduce(0) { $0 + ($1 <= r ? 1 : 0) }
                byRadius[Int(r)] = (Double(covered) / Double(d.count) * 10_000).rounded() / 10_000
            }
            out[type] = byRadius
        }
        return out
    }

    /// One origin's gaps: the types not reached at their tier radius (with the distance when it is
    /// within the 15-minute radius, as the reference prints it) and those not reached within that radius.
    public struct Gap: Sendable, Equatable {
        public var okAtTier: Int
        public var ok15Minutes: Int
        public var missingAtTier: [(type: FacilityType, metres: Double?)]
        public var missing15Minutes: [FacilityType]

        public static func == (a: Gap, b: Gap) -> Bool {
            a.okAtTier == b.okAtTier && a.ok15Minutes == b.ok15Minutes && a.missing15Minutes == b.missing15Minutes
                && a.missingAtTier.map(\.type) == b.missingAtTier.map(\.type)
                && a.missingAtTier.map(\.metres) == b.missingAtTier.map(\.metres)
        }

        /// "culture(nonem>500);pharmacy(625m>300)": the reference's compact form (whole metres, truncated).
        public var rules: CoverageRules = .standard

        public var missingAtTierText: String {
            missingAtTier.map {
                "\($0.type.rawValue)(\($0.metres.map { String(Int($0)) } ?? "none")m>\(Int(rules.radius($0.type))))"
            }.joined(separator: ";")
        }
    }

    /// The gaps of origin `i` of the table under `rules` (standard tiers unless given).
    public static func gap(_ table: NearestTable, origin i: Int, rules: CoverageRules = .standard) -> Gap {
        gap(types: table.types, metres: table.types.indices.map { table.distances[$0][i] }, rules: rules)
    }

    /// The gaps of one place given its distance to each type (`.infinity` when none lies within the cutoff).
    public static func gap(types: [FacilityType], metres: [Double], rules: CoverageRules = .standard) -> Gap {
        precondition(types.count == metres.count, "one distance per type")
        var g = Gap(okAtTier: 0, ok15Minutes: 0, missingAtTier: [], missing15Minutes: [], rules: rules)
        for (t, type) in types.enumerated() {
            let d = metres[t]
            if d <= rules.radius(type) {
                g.okAtTier += 1
            } else {
                g.missingAtTier.append((type, d <= rules.fifteenMinutes ? d : nil))
            }
            if d <= rules.fifteenMinutes { g.ok15Minutes += 1 } else { g.missing15Minutes.append(type) }
        }
        return g
    }
}

extension Coverage {
    /// Minutes on foot to cover `metres` at `metresPerSecond` (1.0 m/s: the cautious pace the
    /// speed-based rules use for elderly residents), rounded up, at least 1; nil when it is farther
    /// than `limitMinutes` or not reached at all (infinite, negative or not a number).
    public static func walkingMinutes(_ metres: Double, metresPerSecond: Double = 1.0, limitMinutes: Int = 15) -> Int? {
        guard metres.isFinite, metres >= 0, metresPerSecond > 0 else { return nil }
        let minutes = max(1, Int((metres / metresPerSecond / 60).rounded(.up)))
        return minutes <= limitMinutes ? minutes : nil
    }
}
