import Foundation
import Testing

@testable import YishiAtlas

@Suite("Coverage shares and gaps, against the reference")
struct CoverageTests {
    @Test(arguments: ["helsinki", "neubrandenburg"])
    func sharesMatch(_ name: String) throws {
        let dir = referenceDir(name)
        let data = try LifeCircleData.load(directory: dir)
        let table = NearestTable.compute(data, at: data.origins.map(\.node), cutoff: 1200)
        let shares = Coverage.shares(table)
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: dir.appendingPathComponent("expected_coverage.json"))) as? [String: Any])
        let expected = try #require(json["coverage_of_origins"] as? [String: [String: Double]])
        #expect(Set(expected.keys) == Set(shares.keys.map(\.rawValue)))
        for (type, byRadius) in expected {
            for (radius, share) in byRadius {
                #expect(shares[FacilityType(rawValue: type)!]?[Int(radius)!] == share, "\(name) \(type) \(radius)")
            }
        }
    }

    @Test(arguments: ["helsinki", "neubrandenburg"])
    func gapsMatch(_ name: String) throws {
        let dir = referenceDir(name)
        let data = try LifeCircleData.load(directory: dir)
        let table = NearestTable.compute(data, at: data.origins.map(\.node), cutoff: 1200)
        let rows = SimpleCSV.rows(try Data(contentsOf: dir.appendingPathComponent("gaps.csv"))).dropFirst()
        #expect(!rows.isEmpty)
        for row in rows where row.count == 6 {
            let id = try #require(Int(row[0]))
            let i = try #require(data.origins.firstIndex { $0.id == id })
            let g = Coverage.gap(table, origin: i)
            #expect(String(g.okAtTier) == row[2] && String(g.ok15Minutes) == row[3], "\(name) origin \(id)")
            #expect(g.missingAtTierText == row[4], "\(name) origin \(id)")
            #expect(g.missing15Minutes.map(\.rawValue).joined(separator: ";") == row[5], "\(name) origin \(id)")
        }
    }
}

@Suite("Coverage rules")
struct CoverageRulesTests {
    @Test func speedModeTurnsMinutesIntoMetres() {
        let r = CoverageRules.walking(metresPerSecond: 1.0)
        #expect(r.radius(.park) == 300 && r.radius(.school) == 600 && r.fifteenMinutes == 900)
        let fast = CoverageRules.walking(metresPerSecond: 1.4, minutes: [.market: 5])
        #expect(abs(fast.radius(.market) - 420) < 1e-9 && abs(fast.fifteenMinutes - 1260) < 1e-9)
        #expect(CoverageRules.standard.radius(.bus_stop) == 500)
    }

    @Test func customTiersChangeTheGaps() {
        let table = NearestTable(types: [.park, .school], distances: [[350], [450]], cutoff: 1200)
        #expect(Coverage.gap(table, origin: 0).missingAtTier.map(\.type) == [.park])
        let loose = CoverageRules(tier: [.park: 400, .school: 400], fifteenMinutes: 1000)
        let g = Coverage.gap(table, origin: 0, rules: loose)
        #expect(g.missingAtTier.map(\.type) == [.school] && g.missingAtTierText == "school(450m>400)")
    }
}
