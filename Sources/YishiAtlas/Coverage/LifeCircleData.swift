import Foundation

/// The ten facility types of the 15-minute life circle, in alphabetical order (the column order
/// of `expected_nearest_1200.csv`).
public enum FacilityType: String, CaseIterable, Sendable, Codable, Comparable {
    case bus_stop, clinic, culture, elderly_care, kindergarten, market, park, pharmacy, school, sports

    /// The tier radius of GB 50180-2018 used by the reference: 300 m or 500 m.
    public var tierMetres: Double {
        switch self {
        case .elderly_care, .kindergarten, .clinic, .pharmacy, .sports, .park: return 300
        case .market, .school, .culture, .bus_stop: return 500
        }
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A prepared walking graph with origins (residential compounds) and facilities, each snapped to a node:
/// the four CSV files of `shared/data/lifecircle/*/`.
public struct LifeCircleData: Sendable {
    public struct Origin: Sendable {
        public var id: Int
        public var kind: String
        public var name: String
        public var node: Int32
    }
    public struct Facility: Sendable {
        public var id: Int
        public var type: FacilityType
        public var name: String
        public var node: Int32
    }

    public var graph: WalkGraph
    public var origins: [Origin]
    public var facilities: [Facility]

    /// Reads nodes.csv, edges.csv, origins.csv and facilities.csv.
    public static func load(nodes: URL, edges: URL, origins: URL, facilities: URL) throws -> LifeCircleData {
        let n = try SimpleCSV.table(nodes, required: ["node"])
        let nodeCount = n.rows.count
        let e = try SimpleCSV.table(edges, required: ["u", "v", "length_m"])
        let (iu, iv, il) = (e.index["u"]!, e.index["v"]!, e.index["length_m"]!)
        var list: [(u: Int32, v: Int32, length: Double)] = []
        list.reserveCapacity(e.rows.count)
        for (k, r) in e.rows.enumerated() {
            guard r.count > max(iu, iv, il), let u = Int32(r[iu]), let v = Int32(r[iv]), let l = Double(r[il]),
                u >= 0, v >= 0, Int(u) < nodeCount, Int(v) < nodeCount, l >= 0
            else {
                throw SimpleCSV.Failure(file: edges.lastPathComponent, line: k + 2, reason: "bad edge / 边无效")
            }
            list.append((u, v, l))
        }
        let o = try SimpleCSV.table(origins, required: ["origin", "node"])
        let origins = try o.rows.enumerated().map { k, r -> Origin in
            guard let id = Int(r[o.index["origin"]!]), let node = Int32(r[o.index["node"]!]), Int(node) < nodeCount,
                node >= 0
            else {
                throw SimpleCSV.Failure(file: origins.lastPathComponent, line: k + 2, reason: "bad origin / 起点无效")
            }
            return Origin(
                id: id, kind: o.index["kind"].map { r.count > $0 ? r[$0] : "" } ?? "",
                name: o.index["name"].map { r.count > $0 ? r[$0] : "" } ?? "", node: node)
        }
        let f = try SimpleCSV.table(facilities, required: ["facility", "type", "node"])
        let facilities = try f.rows.enumerated().map { k, r -> Facility in
            guard let id = Int(r[f.index["facility"]!]), let type = FacilityType(rawValue: r[f.index["type"]!]),
                let node = Int32(r[f.index["node"]!]), Int(node) < nodeCount, node >= 0
            else {
                throw SimpleCSV.Failure(file: facilities.lastPathComponent, line: k + 2, reason: "bad facility / 设施无效")
            }
            return Facility(
                id: id, type: type, name: f.index["name"].map { r.count > $0 ? r[$0] : "" } ?? "", node: node)
        }
        return LifeCircleData(
            graph: WalkGraph(nodeCount: nodeCount, edges: list), origins: origins, facilities: facilities)
    }

    /// Reads the four files from one folder.
    public static func load(directory: URL) throws -> LifeCircleData {
        try load(
            nodes: directory.appendingPathComponent("nodes.csv"), edges: directory.appendingPathComponent("edges.csv"),
            origins: directory.appendingPathComponent("origins.csv"),
            facilities: directory.appendingPathComponent("facilities.csv"))
    }
}

/// The distance from each of the given nodes to the nearest facility of each type, up to a cutoff.
public struct NearestTable: Sendable {
    public var types: [FacilityType]
    /// `distances[t][i]`: for type `types[t]` and the i-th asked node; `.infinity` beyond the cutoff.
    public var distances: [[Double]]
    public var cutoff: Double

    /// One multi-source search per type present in the data (alphabetical) over the whole graph.
    public static func compute(_ data: LifeCircleData, at nodes: [Int32], cutoff: Double) -> NearestTable {
        var search = NearestSearch(graph: data.graph)
        let types = Set(data.facilities.map(\.type)).sorted()
        var out: [[Double]] = []
        for type in types {
            let sources = data.facilities.filter { $0.type == type }.map(\.node)
            search.run(sources: sources, cutoff: cutoff)
            let d = search.distance
            out.append(nodes.map { d[Int($0)] })
        }
        return NearestTable(types: types, distances: out, cutoff: cutoff)
    }

    /// The format of `expected_nearest_1200.csv`: `origin` then the types; metres with three decimals; blank beyond the cutoff.
    public func csv(originIDs: [Int]) -> String {
        var s = "origin," + types.map(\.rawValue).joined(separator: ",") + "\n"
        for (i, id) in originIDs.enumerated() {
            s += String(id)
            for t in types.indices {
                let d = distances[t][i]
                s += d.isFinite ? "," + String(format: "%.3f", d) : ","
            }
            s += "\n"
        }
        return s
    }
}
