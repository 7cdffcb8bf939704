import Foundation

/// A larger test graph: `n × n` copies of a prepared graph side by side, joined at the seams, with
/// the origins and facilities copied too. For measuring how the query scales (issue 10: 3 × 3 ≈ 300k nodes).
public enum Tiling {
    public static func tile(_ data: LifeCircleData, xs: [Double], ys: [Double], n: Int, seamNodes: Int = 50)
        -> (data: LifeCircleData, xs: [Double], ys: [Double])
    {
        let count = data.graph.nodeCount
        let width = (xs.max()! - xs.min()!) + 100
        let height = (ys.max()! - ys.min()!) + 100
        var edges: [(u: Int32, v: Int32, length: Double)] = []
        var txs: [Double] = []
        var tys: [Double] = []
        var origins: [LifeCircleData.Origin] = []
        var facilities: [LifeCircleData.Facility] = []
        let g = data.graph
        for ty in 0..<n {
            for tx in 0..<n {
                let base = Int32((ty * n + tx) * count)
                for i in 0..<count {
                    txs.append(xs[i] + Double(tx) * width)
                    tys.append(ys[i] + Double(ty) * height)
                }
                for u in 0..<count {
                    for e in Int(g.offsets[u])..<Int(g.offsets[u + 1]) where Int(g.targets[e]) > u {
                        edges.append((base + Int32(u), base + g.targets[e], g.lengths[e]))
                    }
                }
                for o in data.origins {
                    origins.append(.init(id: origins.count, kind: o.kind, name: o.name, node: base + o.node))
                }
                for f in data.facilities {
                    facilities.append(.init(id: facilities.count, type: f.type, name: f.name, node: base + f.node))
                }
            }
        }
        // Seams: the easternmost nodes of a tile join the westernmost of the tile to its east, and
        // the northernmost join the southernmost of the tile above, at their straight-line distance.
        let east = (0..<count).sorted { xs[$0] > xs[$1] }.prefix(seamNodes)
        let west = (0..<count).sorted { xs[$0] < xs[$1] }.prefix(seamNodes)
        let north = (0..<count).sorted { ys[$0] > ys[$1] }.prefix(seamNodes)
        let south = (0..<count).sorted { ys[$0] < ys[$1] }.prefix(seamNodes)
        func join(_ a: Int, _ b: Int) {
            edges.append(
                (
                    Int32(a), Int32(b),
                    ((txs[a] - txs[b]) * (txs[a] - txs[b]) + (tys[a] - tys[b]) * (tys[a] - tys[b])).squareRoot()
                ))
        }
        for ty in 0..<n {
            for tx in 0..<n {
                let base = (ty * n + tx) * count
                if tx + 1 < n { for (a, b) in zip(east, west) { join(base + a, base + count + b) } }
                if ty + 1 < n { for (a, b) in zip(north, south) { join(base + a, base + n * count + b) } }
            }
        }
        return (
            LifeCircleData(
                graph: WalkGraph(nodeCount: count * n * n, edges: edges), origins: origins, facilities: facilities),
            txs, tys
        )
    }

    /// Writes the four CSVs (x/y only; lon/lat are left as 0) so that peers can read the same graph.
    public static func write(_ data: LifeCircleData, xs: [Double], ys: [Double], to dir: URL) throws {
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var nodes = "node,x,y,lon,lat\n"
        for i in xs.indices { nodes += "\(i),\(String(format: "%.3f", xs[i])),\(String(format: "%.3f", ys[i])),0,0\n" }
        var edges = "u,v,length_m\n"
        let g = data.graph
        for u in 0..<g.nodeCount {
            for e in Int(g.offsets[u])..<Int(g.offsets[u + 1]) where Int(g.targets[e]) > u {
                edges += "\(u),\(g.targets[e]),\(String(format: "%.3f", g.lengths[e]))\n"
            }
        }
        var origins = "origin,kind,osm_id,name,x,y,node,snap_m\n"
        for o in data.origins { origins += "\(o.id),\(o.kind),0,,0,0,\(o.node),0\n" }
        var facilities = "facility,type,osm_type,osm_id,name,x,y,node,snap_m\n"
        for f in data.facilities { facilities += "\(f.id),\(f.type.rawValue),n,0,,0,0,\(f.node),0\n" }
        for (name, text) in [
            ("nodes.csv", nodes), ("edges.csv", edges), ("origins.csv", origins), ("facilities.csv", facilities),
        ] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
    }
}
