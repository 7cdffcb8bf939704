import Foundation
import Testing

@testable import YishiAtlas

func osmFile(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data/osm/\(name)")
}

@Suite("Reading .osm.pbf and building the walking graph")
struct PBFTests {
    @Test(arguments: ["helsinki", "neubrandenburg"])
    func graphSizesMatchTheReference(_ name: String) throws {
        let osm = try PBFReader.read(try Data(contentsOf: osmFile("\(name).osm.pbf")))
        #expect(osm.nodeIDs.count > 1000 && !osm.ways.isEmpty)
        let built = WalkingGraphBuilder.build(osm)
        let meta = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: referenceDir(name).appendingPathComponent("meta.json"))) as? [String: Any])
        let nodes = try #require(meta["nodes"] as? Int)
        let edges = try #require(meta["edges"] as? Int)
        #expect(
            abs(Double(built.graph.nodeCount - nodes)) <= 0.01 * Double(nodes),
            "\(name): \(built.graph.nodeCount) nodes vs \(nodes)")
        #expect(
            abs(Double(built.graph.edgeCount - edges)) <= 0.01 * Double(edges),
            "\(name): \(built.graph.edgeCount) edges vs \(edges)")
    }

    @Test func truncatedAndForeignFilesAreNamed() throws {
        let data = try Data(contentsOf: osmFile("helsinki.osm.pbf"))
        #expect(throws: OSMExtract.ReadError.self) { try PBFReader.read(data.prefix(data.count / 2)) }
        do {
            _ = try PBFReader.read(data.prefix(data.count / 2))
            Issue.record("accepted")
        } catch let e as OSMExtract.ReadError {
            #expect(e.en.contains("truncated"))
        }
        do {
            _ = try PBFReader.read(Data("<?xml version=\"1.0\"?><osm></osm>".utf8))
            Issue.record("accepted")
        } catch let e as OSMExtract.ReadError {
            #expect(e.en.contains("not an OpenStreetMap .osm.pbf"))
        }
    }

    @Test func walkabilityRules() {
        #expect(WalkingGraphBuilder.isWalkable(["highway": "footway"]))
        #expect(WalkingGraphBuilder.isWalkable(["highway": "residential"]))
        #expect(!WalkingGraphBuilder.isWalkable(["highway": "motorway"]))
        #expect(!WalkingGraphBuilder.isWalkable(["highway": "cycleway"]))
        #expect(!WalkingGraphBuilder.isWalkable(["highway": "pedestrian", "area": "yes"]))
        #expect(!WalkingGraphBuilder.isWalkable(["highway": "service", "service": "private"]))
        #expect(!WalkingGraphBuilder.isWalkable(["highway": "path", "foot": "no"]))
        #expect(!WalkingGraphBuilder.isWalkable(["building": "yes"]))
        #expect(abs(WalkingGraphBuilder.haversine(0, 0, 0, 1) - 111_195.08) < 1)
    }
}

@Suite("Reading OSM XML")
struct XMLTests {
    @Test func harrogateBuildsAWalkingGraph() throws {
        let osm = try OSMFile.read(try Data(contentsOf: osmFile("harrogate.osm")))
        #expect(osm.nodeIDs.count > 4000 && !osm.ways.isEmpty && !osm.nodeTags.isEmpty)
        let built = WalkingGraphBuilder.build(osm)
        // shared/data/README.md: "≈4k walkable nodes".
        #expect((3000...6000).contains(built.graph.nodeCount), "\(built.graph.nodeCount) nodes")
    }

    @Test func truncatedAndForeignXMLAreNamed() throws {
        let data = try Data(contentsOf: osmFile("harrogate.osm"))
        do {
            _ = try OSMFile.read(data.prefix(data.count / 2))
            Issue.record("accepted")
        } catch let e as OSMExtract.ReadError {
            #expect(e.en.contains("malformed or truncated"))
        }
        do {
            _ = try OSMFile.read(Data("<html><body>hi</body></html>".utf8))
            Issue.record("accepted")
        } catch let e as OSMExtract.ReadError {
            #expect(e.en.contains("not an OpenStreetMap .osm"))
        }
    }
}
