import Foundation
import Testing

@testable import YishiAtlas

/// `../shared/data/lifecircle/NAME` beside the project's root.
func referenceDir(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/lifecircle/\(name)")
}

@Suite("Nearest facility by network distance, against the reference answers")
struct NearestTests {
    @Test(arguments: ["helsinki", "neubrandenburg"])
    func matchesTheReference(_ name: String) throws {
        let dir = referenceDir(name)
        let data = try LifeCircleData.load(directory: dir)
        let table = NearestTable.compute(data, at: data.origins.map(\.node), cutoff: 1200)
        let expected = SimpleCSV.rows(try Data(contentsOf: dir.appendingPathComponent("expected_nearest_1200.csv")))
        #expect(expected[0] == ["origin"] + table.types.map(\.rawValue))
        #expect(expected.count - 1 == data.origins.count)
        var compared = 0
        for (i, row) in expected.dropFirst().enumerated() {
            #expect(Int(row[0]) == data.origins[i].id)
            for (t, cell) in row.dropFirst().enumerated() {
                let got = table.distances[t][i]
                if cell.isEmpty {
                    #expect(
                        !got.isFinite,
                        "\(name) origin \(row[0]) \(table.types[t]): expected none within 1200 m, got \(got)")
                } else {
                    let want = try #require(Double(cell))
                    #expect(abs(got - want) <= 0.01, "\(name) origin \(row[0]) \(table.types[t]): \(got) vs \(want)")
                }
                compared += 1
            }
        }
        #expect(compared == data.origins.count * table.types.count)
        // The command's output format reproduces the file to the character where distances agree to 0.001 m.
        let lines = table.csv(originIDs: data.origins.map(\.id)).split(separator: "\n")
        #expect(lines.count == expected.count)
    }

    @Test func aSmallGraphByHand() {
        // 0 —10— 1 —10— 2 —5— 3, and 0 —30— 3; sources {0}: distances 0, 10, 20, 25 (via 2), cutoff 20 leaves 3 unreached.
        let g = WalkGraph(nodeCount: 5, edges: [(0, 1, 10), (1, 2, 10), (2, 3, 5), (0, 3, 30)])
        var s = NearestSearch(graph: g)
        s.run(sources: [0], cutoff: 1000)
        #expect(s.distance == [0, 10, 20, 25, .infinity])
        s.run(sources: [0], cutoff: 20)
        #expect(s.distance == [0, 10, 20, .infinity, .infinity], "the cutoff is inclusive and the buffers are reset")
        s.run(sources: [3, 0], cutoff: 1000)
        #expect(s.distance == [0, 10, 5, 0, .infinity])
    }

    @Test func quotedFieldsAndBadRows() throws {
        let rows = SimpleCSV.rows(Data("a,b\r\n\"x, \"\"y\"\"\",2\n".utf8))
        #expect(rows == [["a", "b"], ["x, \"y\"", "2"]])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("node,x,y\n0,0,0\n1,1,1\n".utf8).write(to: dir.appendingPathComponent("nodes.csv"))
        try Data("u,v,length_m\n0,1,1.5\n0,7,2\n".utf8).write(to: dir.appendingPathComponent("edges.csv"))
        try Data("origin,node\n0,0\n".utf8).write(to: dir.appendingPathComponent("origins.csv"))
        try Data("facility,type,node\n0,park,1\n".utf8).write(to: dir.appendingPathComponent("facilities.csv"))
        #expect(throws: SimpleCSV.Failure(file: "edges.csv", line: 3, reason: "bad edge / 边无效")) {
            try LifeCircleData.load(directory: dir)
        }
    }
}

@Suite("Tiling")
struct TilingTests {
    @Test func tilesCopyTheGraphAndSeamsOnlyShortenPaths() throws {
        let dir = referenceDir("helsinki")
        let data = try LifeCircleData.load(directory: dir)
        let rows = SimpleCSV.rows(try Data(contentsOf: dir.appendingPathComponent("nodes.csv"))).dropFirst()
        let tiled = Tiling.tile(
            data, xs: rows.map { Double($0[1])! }, ys: rows.map { Double($0[2])! }, n: 2, seamNodes: 10)
        #expect(tiled.data.graph.nodeCount == 4 * data.graph.nodeCount)
        #expect(tiled.data.graph.edgeCount == 4 * data.graph.edgeCount + 4 * 10)
        #expect(
            tiled.data.origins.count == 4 * data.origins.count
                && tiled.data.facilities.count == 4 * data.facilities.count)
        let original = NearestTable.compute(data, at: data.origins.map(\.node), cutoff: 1200)
        let copied = NearestTable.compute(
            tiled.data, at: Array(tiled.data.origins.prefix(data.origins.count).map(\.node)), cutoff: 1200)
        #expect(original.types == copied.types)
        for t in original.types.indices {
            for i in data.origins.indices { #expect(copied.distances[t][i] <= original.distances[t][i] + 1e-9) }
        }
    }
}
