import Foundation

/// One place's walking distance to the nearest facility of each type, and what it lacks: the
/// answer the platform gives for a compound (its diagnosis, and later a need raised from a gap).
public struct PlaceCoverage: Sendable, Equatable {
    /// The types measured, alphabetical (the columns of the nearest table).
    public var types: [FacilityType]
    /// Metres to the nearest facility of each type; `.infinity` when none lies within the cutoff.
    public var metres: [Double]

    public init(types: [FacilityType], metres: [Double]) {
        precondition(types.count == metres.count, "one distance per type")
        self.types = types
        self.metres = metres
    }

    public func metres(to type: FacilityType) -> Double? {
        types.firstIndex(of: type).map { metres[$0] }
    }

    public func gap(rules: CoverageRules = .standard) -> Coverage.Gap {
        Coverage.gap(types: types, metres: metres, rules: rules)
    }

    /// A compound reached through several places (its area and its buildings) is as well served as
    /// its worst-served place: the longest distance per type. Nil for no places or differing types.
    public static func combine(_ places: [PlaceCoverage]) -> PlaceCoverage? {
        guard let first = places.first, places.allSatisfy({ $0.types == first.types }) else { return nil }
        var worst = first.metres
        for p in places.dropFirst() { for i in worst.indices { worst[i] = max(worst[i], p.metres[i]) } }
        return PlaceCoverage(types: first.types, metres: worst)
    }

    // MARK: Storage form

    /// "187.1801,,625.4": the shortest text that reads back to the same Double (so a stored distance
    /// never crosses a radius by rounding), blank beyond the cutoff; the stored form of one row.
    public static func encode(_ metres: [Double]) -> String {
        metres.map { $0.isFinite ? String($0) : "" }.joined(separator: ",")
    }

    /// The stored form read back; nil unless it holds exactly `count` blank or non-negative numbers.
    public static func decode(_ text: String, count: Int) -> [Double]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == count else { return nil }
        var out: [Double] = []
        out.reserveCapacity(count)
        for p in parts {
            if p.isEmpty {
                out.append(.infinity)
                continue
            }
            guard let d = Double(p), d >= 0, d.isFinite else { return nil }
            out.append(d)
        }
        return out
    }
}

/// The share of a set of places covered, type by type.
public struct TypeShare: Sendable, Equatable {
    public var type: FacilityType
    /// The tier radius applied (metres).
    public var radius: Double
    /// Places reached within the tier radius, and within the 15-minute radius.
    public var atTier: Int
    public var within15Minutes: Int
    public var places: Int

    public var shareAtTier: Double { places == 0 ? 0 : Double(atTier) / Double(places) }
    public var share15Minutes: Double { places == 0 ? 0 : Double(within15Minutes) / Double(places) }
}

extension Coverage {
    /// For each type, how many of `places` reach it at its tier radius and within the 15-minute radius.
    public static func typeShares(_ places: [PlaceCoverage], rules: CoverageRules = .standard) -> [TypeShare] {
        guard let types = places.first?.types else { return [] }
        return types.enumerated().map { t, type in
            let r = rules.radius(type)
            var tier = 0
            var fifteen = 0
            for p in places where p.types == types {
                if p.metres[t] <= r { tier += 1 }
                if p.metres[t] <= rules.fifteenMinutes { fifteen += 1 }
            }
            return TypeShare(type: type, radius: r, atTier: tier, within15Minutes: fifteen, places: places.count)
        }
    }
}
