import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// From an OpenStreetMap extract to a district's stored life-circle data. Everything is computed
/// first; the district's previous data is replaced in one audited transaction, so a bad file
/// changes nothing.
enum LifeCircleImporter {
    static let cutoff = 1200.0

    /// `kept`: links carried over from the previous import (the same OpenStreetMap object); `matched`: new links by name.
    struct Summary: Codable, Sendable {
        var nodes: Int
        var edges: Int
        var origins: Int
        var facilities: Int
        var matched: Int
        var kept: Int
    }

    /// `pool` takes the CPU-heavy steps off Swift's cooperative threads (2 on this machine), so that
    /// requests keep being answered while a large extract is worked on.
    static func run(
        _ data: Data, sourceName: String, district: TerritoryNode, actor: AuditActor, on db: any Database,
        time: any TimeSource,
        pool: NIOThreadPool? = nil, progress: @Sendable (Int, String, String) async -> Void = { _, _, _ in }
    ) async throws -> Summary {
        guard district.level == .district else {
            throw YishiError.badRequest(key: AtlasText.importNotDistrict.key, args: [])
        }
        await progress(5, "读取地图", "Reading the extract")
        let osm = try await work(pool) { try OSMFile.read(data) }
        await progress(30, "建立步行路网", "Building the walking graph")
        let built = try await work(pool) { try AtlasBuilder.build(osm) }
        await progress(55, "计算距离", "Computing distances")
        let table = try await work(pool) {
            NearestTable.compute(built.data, at: built.origins.map(\.node), cutoff: cutoff)
        }
        await progress(70, "绘制地图", "Drawing the map")
        let title = "\(district.name) 15分钟生活圈 / 15-minute life circle"
        let typeNames = Dictionary(
            uniqueKeysWithValues: FacilityType.allCases.map { ($0, "\($0.name(.zhHans)) \($0.name(.en))") })
        let svg = try await work(pool) { CoverageMap.svg(built, table: table, title: title, typeNames: typeNames) }
        await progress(80, "匹配小区", "Matching compounds")
        let compounds = try await TerritoryNode.query(on: db).filter(\.$level == .compound).inSubtree(
            district.territoryPath
        ).all()
        var byName: [String: UUID?] = [:]
        // Ambiguous names match nothing.
        for c in compounds { byName[normalize(c.name)] = byName[normalize(c.name)] == nil ? c.id : .some(nil) }
        let names = byName
        await progress(85, "保存", "Saving")
        let districtID = try district.requireID()
        let summary = try await AuditLog.transaction(on: db, actor: actor, time: time) { tx -> (Summary, AuditEvent) in
            // Links staff made (or corrected) stay with the same OpenStreetMap object across imports.
            var previous: [String: UUID] = [:]
            if let old = try await AtlasImport.query(on: tx).filter(\.$district.$id == districtID).first() {
                for o in try await AtlasOrigin.query(on: tx).filter(\.$atlasImport.$id == old.requireID()).filter(
                    \.$compound.$id != nil
                ).all() {
                    previous[o.osmRef] = o.$compound.id
                }
            }
            try await AtlasImport.query(on: tx).filter(\.$district.$id == districtID).delete()
            let imp = AtlasImport()
            imp.id = UUID()
            imp.$district.id = districtID
            imp.sourceName = sourceName
            imp.nodes = built.graph.graph.nodeCount
            imp.edges = built.graph.graph.edgeCount
            imp.origins = built.origins.count
            imp.facilities = built.facilities.count
            imp.types = table.types.map(\.rawValue).joined(separator: ",")
            imp.svg = svg
            try await imp.create(on: tx)
            let facilities = built.facilities.map { f -> AtlasFacility in
                let m = AtlasFacility()
                m.$atlasImport.id = imp.id!
                m.type = f.type!.rawValue
                m.name = f.name
                m.osmRef = "\(f.osmType)\(f.osmID)"
                m.x = f.x
                m.y = f.y
                return m
            }
            var matched = 0
            var kept = 0
            let origins = built.origins.enumerated().map { i, o -> AtlasOrigin in
                let m = AtlasOrigin()
                m.$atlasImport.id = imp.id!
                m.kind = o.kind
                m.name = o.name
                m.osmRef = "\(o.osmType)\(o.osmID)"
                m.x = o.x
                m.y = o.y
                m.snapMetres = o.snap
                m.distances = PlaceCoverage.encode(table.types.indices.map { table.distances[$0][i] })
                if let id = previous[m.osmRef] {
                    m.$compound.id = id
                    kept += 1
                } else if o.kind == "compound", !o.name.isEmpty, let id = names[normalize(o.name)] ?? nil {
                    m.$compound.id = id
                    matched += 1
                }
                return m
            }
            try await facilities.createInChunks(on: tx)
            try await origins.createInChunks(on: tx)
            let s = Summary(
                nodes: imp.nodes, edges: imp.edges, origins: imp.origins, facilities: imp.facilities, matched: matched,
                kept: kept)
            return (
                s,
                AuditEvent(
                    action: .atlasImport, targetType: "district", targetID: district.code, nodeID: districtID,
                    details: [
                        "source": sourceName, "nodes": String(s.nodes), "origins": String(s.origins),
                        "facilities": String(s.facilities), "matched": String(matched), "kept": String(kept),
                    ])
            )
        }
        await progress(100, "完成", "Done")
        return summary
    }

    private static func work<T: Sendable>(_ pool: NIOThreadPool?, _ body: @escaping @Sendable () throws -> T)
        async throws -> T
    {
        guard let pool else { return try body() }
        return try await pool.runIfActive(body)
    }

    /// Names compare without spaces and case.
    static func normalize(_ s: String) -> String { s.lowercased().filter { !$0.isWhitespace } }
}
