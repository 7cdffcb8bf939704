import Foundation
import Testing

@testable import YishiAtlas

@Suite("UTM projection")
struct UTMTests {
    /// nodes.csv carries both lon/lat and the reference's UTM x/y (printed to millimetres).
    @Test(arguments: ["helsinki", "neubrandenburg"])
    func matchesTheReferenceCoordinates(_ name: String) throws {
        let rows = SimpleCSV.rows(try Data(contentsOf: referenceDir(name).appendingPathComponent("nodes.csv")))
            .dropFirst()
        var worst = 0.0
        for r in rows.prefix(2000) {
            let x = Double(r[1])!
            let y = Double(r[2])!
            let lon = Double(r[3])!
            let lat = Double(r[4])!
            let p = UTM.zone(lon: lon, lat: lat).project(lat: lat, lon: lon)
            worst = max(worst, abs(p.x - x), abs(p.y - y))
        }
        // lon/lat are printed to 1e-7 degrees (about 1 cm), so that bounds the comparison.
        #expect(worst < 0.02, "\(name): worst difference \(worst) m")
    }
}
