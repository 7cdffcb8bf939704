import Foundation

/// Builds the walking graph from an extract by the rules of `shared/data/README.md`: walkable
/// ways, one undirected edge per pair of consecutive nodes with its great-circle length, then the
/// largest connected component.
public enum WalkingGraphBuilder {
    static let excluded = [
        "abandoned", "bus_guideway", "construction", "cycleway", "motor", "no", "planned", "platform",
        "proposed", "raceway", "razed",
    ]

    public static func isWalkable(_ tags: [String: String]) -> Bool {
        guard let highway = tags["highway"] else { return false }
        if tags["area"] == "yes" { return false }
        if excluded.contains(where: { highway.contains($0) }) { return false }
        if tags["foot"] == "no" || tags["service"] == "private" || tags["access"] == "private" { return false }
        return true
    }

    /// Great-circle distance in metres (mean Earth radius 6,371,008.8 m).
    public static func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6_371_008.8
        let rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad
        let dLon = (lon2 - lon1) * rad
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    public struct Result: Sendable {
        public var graph: WalkGraph
        public var osmIDs: [Int64]
        public var lats: [Double]
        public var lons: [Double]
    }

    public static func build(_ osm: OSMExtract) -> Result {
        var indexOf: [Int64: Int32] = [:]
        indexOf.reserveCapacity(osm.nodeIDs.count)
        for (i, id) in osm.nodeIDs.enumerated() { indexOf[id] = Int32(i) }
        // Edges between extract node indices, each unordered pair once.
        var seen = Set<UInt64>()
        var pairs: [(Int32, Int32)] = []
        for way in osm.ways where isWalkable(way.tags) {
            var previous: Int32? = nil
            for ref in way.refs {
                guard let n = indexOf[ref] else {
                    previous = nil
                    continue
                }
                if let p = previous, p != n {
                    let key = UInt64(UInt32(min(p, n))) << 32 | UInt64(UInt32(max(p, n)))
                    if seen.insert(key).inserted { pairs.append((p, n)) }
                }
                previous = n
            }
        }
        // Largest connected component by union-find over the extract's node indices.
        var parent = [Int32](repeating: -1, count: osm.nodeIDs.count)
        func find(_ x: Int32) -> Int32 {
            var r = x
            while parent[Int(r)] >= 0 { r = parent[Int(r)] }
            var y = x
            while parent[Int(y)] >= 0 {
                let next = parent[Int(y)]
                parent[Int(y)] = r
                y = next
            }
            return r
        }
        for (a, b) in pairs {
            let ra = find(a)
            let rb = find(b)
            if ra != rb {
                // Union by size: roots hold minus their size.
                if parent[Int(ra)] <= parent[Int(rb)] {
                    parent[Int(ra)] += parent[Int(rb)]
                    parent[Int(rb)] = ra
                } else {
                    parent[Int(rb)] += parent[Int(ra)]
                    parent[Int(ra)] = rb
                }
            }
        }
        var largest: Int32 = -1
        var largestSize: Int32 = 0
        for (a, _) in pairs {
            let r = find(a)
            if -parent[Int(r)] > largestSize {
                largestSize = -parent[Int(r)]
                largest = r
            }
        }
        var compact = [Int32](repeating: -1, count: osm.nodeIDs.count)
        var osmIDs: [Int64] = []
        var lats: [Double] = []
        var lons: [Double] = []
        var edges: [(u: Int32, v: Int32, length: Double)] = []
        edges.reserveCapacity(pairs.count)
        func id(_ n: Int32) -> Int32 {
            if compact[Int(n)] < 0 {
                compact[Int(n)] = Int32(osmIDs.count)
                osmIDs.append(osm.nodeIDs[Int(n)])
                lats.append(osm.lats[Int(n)])
                lons.append(osm.lons[Int(n)])
            }
            return compact[Int(n)]
        }
        for (a, b) in pairs where find(a) == largest {
            let length = haversine(osm.lats[Int(a)], osm.lons[Int(a)], osm.lats[Int(b)], osm.lons[Int(b)])
            edges.append((id(a), id(b), length))
        }
        return Result(graph: WalkGraph(nodeCount: osmIDs.count, edges: edges), osmIDs: osmIDs, lats: lats, lons: lons)
    }
}
