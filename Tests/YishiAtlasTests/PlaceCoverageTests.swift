import Foundation
import Testing

@testable import YishiAtlas

@Suite("One place's coverage: storage form, worst of several places, shares")
struct PlaceCoverageTests {
    @Test func storedFormReadsBackExactly() throws {
        let metres = [299.99999999999994, .infinity, 0, 1200, 187.18012345678901]
        let text = PlaceCoverage.encode(metres)
        #expect(text.split(separator: ",", omittingEmptySubsequences: false).count == 5)
        let back = try #require(PlaceCoverage.decode(text, count: 5))
        #expect(back == metres)
        // A distance just under a radius stays under it after storage.
        #expect(back[0] < 300)
    }

    @Test(arguments: ["1,2", "1,2,3,4", "1,-2,3", "1,x,3", "1,nan,3", "1,inf,3"])
    func malformedStoredFormsAreRefused(_ text: String) {
        #expect(PlaceCoverage.decode(text, count: 3) == nil)
    }

    @Test func aCompoundIsAsWellServedAsItsWorstPlace() throws {
        let a = PlaceCoverage(types: [.clinic, .park], metres: [100, 900])
        let b = PlaceCoverage(types: [.clinic, .park], metres: [400, .infinity])
        let both = try #require(PlaceCoverage.combine([a, b]))
        #expect(both.metres == [400, .infinity])
        #expect(both.gap().missingAtTier.map(\.type) == [.clinic, .park])
        #expect(both.gap().missing15Minutes == [.park])
        #expect(PlaceCoverage.combine([]) == nil)
        #expect(PlaceCoverage.combine([a, PlaceCoverage(types: [.park], metres: [1])]) == nil)
        #expect(a.metres(to: .park) == 900 && a.metres(to: .school) == nil)
    }

    @Test func typeSharesAgreeWithTheReferenceShares() throws {
        let dir = referenceDir("neubrandenburg")
        let data = try LifeCircleData.load(directory: dir)
        let table = NearestTable.compute(data, at: data.origins.map(\.node), cutoff: 1200)
        // Through the stored form, as the platform keeps it.
        let places = data.origins.indices.map { i in
            PlaceCoverage(
                types: table.types,
                metres: PlaceCoverage.decode(
                    PlaceCoverage.encode(table.types.indices.map { table.distances[$0][i] }), count: table.types.count)!
            )
        }
        let shares = Coverage.typeShares(places)
        let reference = Coverage.shares(table, radii: [300, 500, 1000])
        #expect(shares.map(\.type) == table.types)
        for s in shares {
            #expect(s.places == 1_523)
            #expect((s.shareAtTier * 10_000).rounded() / 10_000 == reference[s.type]?[Int(s.radius)], "\(s.type)")
            #expect((s.share15Minutes * 10_000).rounded() / 10_000 == reference[s.type]?[1000], "\(s.type)")
        }
        #expect(Coverage.typeShares([]).isEmpty)
    }
}
