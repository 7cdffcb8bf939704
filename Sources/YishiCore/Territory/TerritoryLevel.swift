import Foundation

/// The levels of the territory tree, from the district down to the building.
///
/// Units, households and residents hang below buildings in their own tables; life circles and
/// planning areas lie over communities. Raw values are stored in the database and never change.
public enum TerritoryLevel: String, Codable, CaseIterable, Sendable, Comparable {
    case district
    case subdistrict
    case community
    case compound
    case building

    /// Depth from the district (0) down.
    public var depth: Int { Self.allCases.firstIndex(of: self)! }

    /// The level directly below, or nil for buildings (units hang below them).
    public var childLevel: TerritoryLevel? {
        let all = Self.allCases
        return depth + 1 < all.count ? all[depth + 1] : nil
    }

    /// The level directly above, or nil for districts (the top).
    public var parentLevel: TerritoryLevel? { depth > 0 ? Self.allCases[depth - 1] : nil }

    /// The raw values a node's `kind` may take at this level; empty where a level has no kind.
    public var kinds: [String] {
        switch self {
        case .district, .building: return []
        case .subdistrict: return SubdistrictKind.allCases.map(\.rawValue)
        case .community: return CommunityKind.allCases.map(\.rawValue)
        case .compound: return HousingType.allCases.map(\.rawValue)
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.depth < rhs.depth }
}

/// 街道 / 镇 / 乡.
public enum SubdistrictKind: String, Codable, CaseIterable, Sendable {
    case street, town, township
}

/// 居民区 (residents' committee) or 村 (villagers' committee).
public enum CommunityKind: String, Codable, CaseIterable, Sendable {
    case residential, village
}

/// The six housing types of a compound (住宅类型).
public enum HousingType: String, Codable, CaseIterable, Sendable {
    case formerPublicHousing, commodityHousing, foreignCommodityHousing, historicVilla,
        resettlementHousing, villageCluster
}

/// Whether a unit has been delivered to its owner (interpretation art. 9 groups the others).
public enum UnitStatus: String, Codable, CaseIterable, Sendable {
    case delivered, developerUnsold, soldUndelivered
}

public enum UnitKind: String, Codable, CaseIterable, Sendable {
    case residential, nonResidential, parking
}

/// Where a unit's area comes from, in order of precedence (interpretation art. 8).
public enum AreaSource: String, Codable, CaseIterable, Sendable {
    case register, survey, contract
}
