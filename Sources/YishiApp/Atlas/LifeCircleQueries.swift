import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// Reading a district's stored life-circle data: for one compound (what later capabilities call),
/// and for a district, subdistrict or community (what the pages and the API show).
enum LifeCircleQueries {
    /// A territory compound's walking distances and gaps.
    struct CompoundCoverage: Sendable {
        var coverage: PlaceCoverage
        var gap: Coverage.Gap
        /// How many places on the map stand for it (its residential area, buildings).
        var places: Int
        var importedAt: Date?
    }

    /// The distances from `compound` to each facility type and what it lacks under `rules`; nil
    /// when its district has no map data or no place on the map is linked to it.
    static func coverage(of compound: TerritoryNode, rules: CoverageRules = .standard, on db: any Database) async throws
        -> CompoundCoverage?
    {
        guard let imp = try await latestImport(districtOf: compound, on: db) else { return nil }
        let origins = try await AtlasOrigin.query(on: db).filter(\.$atlasImport.$id == imp.requireID())
            .filter(\.$compound.$id == compound.requireID()).all()
        let types = imp.facilityTypes
        guard let combined = PlaceCoverage.combine(origins.compactMap { $0.coverage(types) }) else { return nil }
        return CompoundCoverage(
            coverage: combined, gap: combined.gap(rules: rules), places: origins.count, importedAt: imp.createdAt)
    }

    /// The district's import. The map (about a megabyte of SVG) is read only when `withMap`: pages
    /// that do not draw it never load it.
    static func latestImport(districtOf node: TerritoryNode, withMap: Bool = false, on db: any Database) async throws
        -> AtlasImport?
    {
        guard let districtID = node.territoryPath.ids.first else { return nil }
        let q = AtlasImport.query(on: db).filter(\.$district.$id == districtID)
        if !withMap {
            q.field(\.$id).field(\.$district.$id).field(\.$sourceName).field(\.$nodes).field(\.$edges)
                .field(\.$origins).field(\.$facilities).field(\.$types).field(\.$createdAt)
        }
        return try await q.first()
    }

    /// One line of the gap list: a territory compound (with every place linked to it), or a
    /// residential area on the map that no compound is linked to yet (district level only).
    struct Row: Sendable {
        var compound: TerritoryNode?
        var mapNames: [String]
        var osmRefs: [String]
        var coverage: PlaceCoverage
        var gap: Coverage.Gap
        /// Where its places are (metres, the extract's projection): the map draws it at their middle.
        var positions: [(x: Double, y: Double)] = []
    }

    /// Everything a life-circle page shows for `node`.
    struct Summary: Sendable {
        var node: TerritoryNode
        var district: TerritoryNode
        var atlasImport: AtlasImport?
        var types: [FacilityType]
        var rules: CoverageRules
        /// Counted over every home found in the extract (district), or over the places linked to
        /// compounds within the node (subdistrict, community).
        var places: Int
        var shares: [TypeShare]
        var rows: [Row]
        /// Territory compounds within the node that no place on the map is linked to.
        var compoundsNotOnMap: Int
    }

    static func summary(for node: TerritoryNode, rules: CoverageRules = .standard, on db: any Database) async throws
        -> Summary
    {
        guard let districtID = node.territoryPath.ids.first,
            let district = try await TerritoryNode.find(districtID, on: db)
        else { throw YishiError.notFound }
        // Counted, not loaded: a district may hold a hundred thousand compounds. The subtree is a
        // range on the path index (a `LIKE 'p%'` scanned the whole tree on SQLite: 8 s at 120,000 compounds).
        let path = node.territoryPath
        let compoundCount = try await TerritoryNode.query(on: db).filter(\.$level == .compound).inSubtree(path).count()
        var summary = Summary(
            node: node, district: district, atlasImport: nil, types: [], rules: rules, places: 0, shares: [], rows: [],
            compoundsNotOnMap: compoundCount)
        guard let imp = try await latestImport(districtOf: node, on: db) else { return summary }
        let types = imp.facilityTypes
        var query = try AtlasOrigin.query(on: db).filter(\.$atlasImport.$id == imp.requireID())
        if node.level != .district {
            // The places linked to compounds in the subtree, by a join rather than a list of every compound id.
            query = query.join(TerritoryNode.self, on: \AtlasOrigin.$compound.$id == \TerritoryNode.$id)
                .joinedNodeInSubtree(path)
        }
        let origins = try await query.sort(\.$osmRef).all()
        // Only the compounds some place is linked to are loaded.
        var byID: [UUID: TerritoryNode] = [:]
        for part in Array(Set(origins.compactMap { $0.$compound.id })).chunked(500) {
            for c in try await TerritoryNode.query(on: db).filter(\.$id ~~ part).filter(\.$level == .compound)
                .inSubtree(path).all()
            { byID[c.id!] = c }
        }
        let places = origins.compactMap { o in o.coverage(types).map { (o, $0) } }

        var linked: [UUID: [(AtlasOrigin, PlaceCoverage)]] = [:]
        var rows: [Row] = []
        for (o, c) in places {
            if let cid = o.$compound.id, byID[cid] != nil {
                linked[cid, default: []].append((o, c))
            } else if o.kind == "compound" {
                rows.append(
                    Row(
                        compound: nil, mapNames: o.name.isEmpty ? [] : [o.name], osmRefs: [o.osmRef], coverage: c,
                        gap: c.gap(rules: rules), positions: [(o.x, o.y)]))
            }
        }
        for (cid, group) in linked {
            guard let combined = PlaceCoverage.combine(group.map(\.1)) else { continue }
            rows.append(
                Row(
                    compound: byID[cid], mapNames: group.map(\.0.name).filter { !$0.isEmpty },
                    osmRefs: group.map(\.0.osmRef),
                    coverage: combined, gap: combined.gap(rules: rules), positions: group.map { ($0.0.x, $0.0.y) }))
        }
        rows.sort { a, b in
            if a.gap.missingAtTier.count != b.gap.missingAtTier.count {
                return a.gap.missingAtTier.count > b.gap.missingAtTier.count
            }
            if a.gap.missing15Minutes.count != b.gap.missing15Minutes.count {
                return a.gap.missing15Minutes.count > b.gap.missing15Minutes.count
            }
            if (a.compound == nil) != (b.compound == nil) { return a.compound != nil }
            return (a.compound?.code ?? a.osmRefs.first ?? "") < (b.compound?.code ?? b.osmRefs.first ?? "")
        }
        summary.atlasImport = imp
        summary.types = types
        summary.places = places.count
        summary.shares = Coverage.typeShares(places.map(\.1), rules: rules)
        summary.rows = rows
        summary.compoundsNotOnMap = compoundCount - linked.count
        return summary
    }
}

extension AtlasImport {
    /// The distance columns, in stored order (written by this build, so every name is known; a row
    /// that does not fit them is left out by `AtlasOrigin.coverage`).
    var facilityTypes: [FacilityType] { types.split(separator: ",").compactMap { FacilityType(rawValue: String($0)) } }
}

extension AtlasOrigin {
    /// The stored distances read back; nil when the row does not fit the import's columns.
    func coverage(_ types: [FacilityType]) -> PlaceCoverage? {
        PlaceCoverage.decode(distances, count: types.count).map { PlaceCoverage(types: types, metres: $0) }
    }
}
