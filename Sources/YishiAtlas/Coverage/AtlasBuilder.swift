import Foundation

/// From an extract to the prepared life-circle data: walking graph, facilities and residential
/// compounds snapped to their nearest node (at most `maxSnap` metres away).
public struct BuiltAtlas: Sendable {
    public struct Point: Sendable {
        public var id: Int
        public var kind: String
        public var type: FacilityType?
        public var osmType: Character
        public var osmID: Int64
        public var name: String
        public var x: Double, y: Double
        public var node: Int32
        public var snap: Double
    }

    public var graph: WalkingGraphBuilder.Result
    public var projection: UTM
    public var xs: [Double], ys: [Double]
    public var origins: [Point]
    public var facilities: [Point]

    public var data: LifeCircleData {
        LifeCircleData(
            graph: graph.graph,
            origins: origins.map { .init(id: $0.id, kind: $0.kind, name: $0.name, node: $0.node) },
            facilities: facilities.map { .init(id: $0.id, type: $0.type!, name: $0.name, node: $0.node) })
    }
}

public enum AtlasBuilder {
    public static func build(_ osm: OSMExtract, maxSnap: Double = 250, progress: (String) -> Void = { _ in }) throws
        -> BuiltAtlas
    {
        progress("walking graph / 步行路网")
        let graph = WalkingGraphBuilder.build(osm)
        guard graph.graph.nodeCount > 0 else {
            throw OSMExtract.ReadError(zh: "地图中没有可步行的道路", en: "the extract has no walkable ways")
        }
        let mid = graph.lats.count / 2
        let projection = UTM.zone(lon: graph.lons[mid], lat: graph.lats[mid])
        var xs = [Double]()
        var ys = [Double]()
        xs.reserveCapacity(graph.lats.count)
        ys.reserveCapacity(graph.lats.count)
        for i in graph.lats.indices {
            let p = projection.project(lat: graph.lats[i], lon: graph.lons[i])
            xs.append(p.x)
            ys.append(p.y)
        }
        progress("facilities and compounds / 设施与小区")
        let grid = GridIndex(xs: xs, ys: ys)
        var origins: [BuiltAtlas.Point] = []
        var facilities: [BuiltAtlas.Point] = []
        let features = Features.extract(osm, projection: projection)
        // Compounds first, then residential buildings, as the reference lists them.
        for pass in [Feature.Kind.compound, .residentialBuilding] {
            for f in features where f.kind == pass {
                let (node, d) = grid.nearest(x: f.x, y: f.y)
                guard d <= maxSnap else { continue }
                origins.append(
                    .init(
                        id: origins.count, kind: pass == .compound ? "compound" : "res_building", type: nil,
                        osmType: f.osmType,
                        osmID: f.osmID, name: f.name, x: f.x, y: f.y, node: node, snap: d))
            }
        }
        for f in features {
            guard case .facility(let type) = f.kind else { continue }
            let (node, d) = grid.nearest(x: f.x, y: f.y)
            guard d <= maxSnap else { continue }
            facilities.append(
                .init(
                    id: facilities.count, kind: "facility", type: type, osmType: f.osmType, osmID: f.osmID,
                    name: f.name,
                    x: f.x, y: f.y, node: node, snap: d))
        }
        return BuiltAtlas(
            graph: graph, projection: projection, xs: xs, ys: ys, origins: origins, facilities: facilities)
    }

    static func quoted(_ s: String) -> String {
        s.contains(",") || s.contains("\"") || s.contains("\n")
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// Writes nodes.csv, edges.csv, origins.csv and facilities.csv in the formats of `shared/data/lifecircle/*/`.
    public static func writeCSVs(_ a: BuiltAtlas, to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var nodes = "node,x,y,lon,lat\n"
        for i in a.xs.indices {
            nodes +=
                "\(i),\(String(format: "%.3f", a.xs[i])),\(String(format: "%.3f", a.ys[i])),\(String(format: "%.7f", a.graph.lons[i])),\(String(format: "%.7f", a.graph.lats[i]))\n"
        }
        var edges = "u,v,length_m\n"
        let g = a.graph.graph
        for u in 0..<g.nodeCount {
            for e in Int(g.offsets[u])..<Int(g.offsets[u + 1]) where Int(g.targets[e]) > u {
                edges += "\(u),\(g.targets[e]),\(String(format: "%.3f", g.lengths[e]))\n"
            }
        }
        var origins = "origin,kind,osm_id,name,x,y,node,snap_m\n"
        for o in a.origins {
            origins +=
                "\(o.id),\(o.kind),\(o.osmID),\(quoted(o.name)),\(String(format: "%.2f", o.x)),\(String(format: "%.2f", o.y)),\(o.node),\(String(format: "%.2f", o.snap))\n"
        }
        var facilities = "facility,type,osm_type,osm_id,name,x,y,node,snap_m\n"
        for f in a.facilities {
            facilities +=
                "\(f.id),\(f.type!.rawValue),\(f.osmType),\(f.osmID),\(quoted(f.name)),\(String(format: "%.2f", f.x)),\(String(format: "%.2f", f.y)),\(f.node),\(String(format: "%.2f", f.snap))\n"
        }
        for (name, text) in [
            ("nodes.csv", nodes), ("edges.csv", edges), ("origins.csv", origins), ("facilities.csv", facilities),
        ] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
    }
}
