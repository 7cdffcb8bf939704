import Foundation

/// Shares of origins covered and the gaps of each origin, from a nearest table.
public enum Coverage {
    /// For each type, the share of the table's origins whose nearest facility lies within each radius
    /// (inclusive), rounded to four decimals as the reference prints it.
    public static func shares(_ table: NearestTable, radii: [Double] = [300, 500, 1000, 1200]) -> [FacilityType: [Int: Double]] {
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
                && a.missingAtTier.map(\.type) == b.missingAtTier.map(\.type) && a.missingAtTier.map(\.metres) == b.missingAtTier.map(\.metres)
        }

        /// "culture(nonem>500);pharmacy(625m>300)": the reference's compact form (whole metres, truncated).
        public var missingAtTierText: String {
            missingAtTier.map { "\($0.type.rawValue)(\($0.metres.map { String(Int($0)) } ?? "none")m>\(Int($0.type.tierMetres)))" }.joined(separator: ";")
        }
    }

    /// The gaps of origin `i` of the table, with `fifteenMinutes` metres (default 1000) as the 15-minute radius.
    public static func gap(_ table: NearestTable, origin i: Int, fifteenMinutes: Double = 1000) -> Gap {
        var g = Gap(okAtTier: 0, ok15Minutes: 0, missingAtTier: [], missing15Minutes: [])
        for (t, type) in table.types.enumerated() {
            let d = table.distances[t][i]
            if d <= type.tierMetres { g.okAtTier += 1 } else { g.missingAtTier.append((type, d <= fifteenMinutes ? d : nil)) }
            if d <= fifteenMinutes { g.ok15Minutes += 1 } else { g.missing15Minutes.append(type) }
        }
        return g
    }
}
