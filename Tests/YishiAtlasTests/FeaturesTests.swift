import Foundation
import Testing

@testable import YishiAtlas

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Facilities and compounds from the extract")
struct FeaturesTests {
    @Test func neubrandenburgCountsMatchTheReference() throws {
        let osm = try PBFReader.read(try Data(contentsOf: osmFile("neubrandenburg.osm.pbf")))
        let features = Features.extract(osm, projection: UTM(zone: 33, north: true))
        var byType: [FacilityType: Int] = [:]
        var compounds = 0
        var buildings = 0
        for f in features {
            switch f.kind {
            case .facility(let t): byType[t, default: 0] += 1
            case .compound: compounds += 1
            case .residentialBuilding: buildings += 1
            }
        }
        let reference = SimpleCSV.rows(
            try Data(contentsOf: referenceDir("neubrandenburg").appendingPathComponent("facilities.csv"))
        ).dropFirst()
        var expected: [FacilityType: Int] = [:]
        for r in reference { expected[FacilityType(rawValue: r[1])!, default: 0] += 1 }
        let total = byType.values.reduce(0, +)
        let expectedTotal = expected.values.reduce(0, +)
        #expect(abs(total - expectedTotal) <= expectedTotal / 100, "\(total) facilities vs \(expectedTotal)")
        #expect(abs(compounds - 117) <= 2, "\(compounds) residential areas vs 117")
        #expect(abs(buildings - 1409) <= 14, "\(buildings) residential buildings vs 1409")
    }

    @Test func tagRules() {
        #expect(Features.facilityType(["amenity": "pharmacy"]) == .pharmacy)
        #expect(Features.facilityType(["shop": "bakery"]) == .market)
        #expect(Features.facilityType(["public_transport": "platform"]) == .bus_stop)
        #expect(Features.facilityType(["healthcare": "doctor"]) == .clinic)
        #expect(Features.facilityType(["leisure": "playground"]) == .park)
        #expect(Features.facilityType(["shop": "clothes"]) == nil)
        let c = Features.centroid([(0, 0), (4, 0), (4, 2), (0, 2), (0, 0)], closed: true)!
        #expect(abs(c.x - 2) < 1e-9 && abs(c.y - 1) < 1e-9)
    }
}

@Suite("atlas build: from .osm.pbf to the four files")
struct AtlasBuildTests {
    @Test func neubrandenburgBuildsLikeTheReference() throws {
        let osm = try PBFReader.read(try Data(contentsOf: osmFile("neubrandenburg.osm.pbf")))
        let built = try AtlasBuilder.build(osm)
        #expect(built.projection == UTM(zone: 33, north: true))
        #expect(abs(built.origins.count - 1523) <= 15, "\(built.origins.count) origins vs 1523")
        #expect(abs(built.facilities.count - 641) <= 7, "\(built.facilities.count) facilities vs 641")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-build-\(UUID())")
        defer { try? FileManager.default.removeItem(at: dir) }
        try AtlasBuilder.writeCSVs(built, to: dir)
        let reloaded = try LifeCircleData.load(directory: dir)
        #expect(
            reloaded.graph.nodeCount == built.graph.graph.nodeCount
                && reloaded.graph.edgeCount == built.graph.graph.edgeCount)
        #expect(reloaded.origins.count == built.origins.count && reloaded.facilities.count == built.facilities.count)
        // Coverage from the built files is close to the reference's (edge lengths: great-circle here, UTM there).
        let shares = Coverage.shares(NearestTable.compute(reloaded, at: reloaded.origins.map(\.node), cutoff: 1200))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: referenceDir("neubrandenburg").appendingPathComponent("expected_coverage.json")))
                as? [String: Any])
        let expected = try #require(json["coverage_of_origins"] as? [String: [String: Double]])
        for (type, byRadius) in expected {
            for (radius, share) in byRadius {
                let got = try #require(shares[FacilityType(rawValue: type)!]?[Int(radius)!])
                #expect(abs(got - share) <= 0.01, "\(type) \(radius): \(got) vs \(share)")
            }
        }
    }
}

@Suite("Coverage map")
struct CoverageMapTests {
    @Test func theSVGIsWellFormedAndComplete() throws {
        let built = try AtlasBuilder.build(try PBFReader.read(try Data(contentsOf: osmFile("helsinki.osm.pbf"))))
        let table = NearestTable.compute(built.data, at: built.origins.map(\.node), cutoff: 1200)
        let svg = CoverageMap.svg(built, table: table)
        #expect(svg.contains("© OpenStreetMap contributors"))
        #expect(
            svg.components(separatedBy: "<circle").count - 1 == built.origins.count + built.facilities.count + 6 + 10)
        #expect(svg.contains(" m</text>"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the SVG is well-formed XML")
    }
}
