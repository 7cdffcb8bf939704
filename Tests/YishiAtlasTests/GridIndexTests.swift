import Foundation
import Testing

@testable import YishiAtlas

@Suite("Snapping through the grid index")
struct GridIndexTests {
    @Test(arguments: ["helsinki", "neubrandenburg"])
    func snapsLikeTheReference(_ name: String) throws {
        let dir = referenceDir(name)
        let nodes = SimpleCSV.rows(try Data(contentsOf: dir.appendingPathComponent("nodes.csv"))).dropFirst()
        let xs = nodes.map { Double($0[1])! }
        let ys = nodes.map { Double($0[2])! }
        let grid = GridIndex(xs: xs, ys: ys)
        for file in ["origins.csv", "facilities.csv"] {
            let t = try SimpleCSV.table(dir.appendingPathComponent(file), required: ["x", "y", "node", "snap_m"])
            var checked = 0
            for r in t.rows {
                let x = Double(r[t.index["x"]!])!
                let y = Double(r[t.index["y"]!])!
                let want = Int32(r[t.index["node"]!])!
                let wantM = Double(r[t.index["snap_m"]!])!
                let (got, m) = grid.nearest(x: x, y: y)
                // The reference prints x/y to centimetres (±0.005 m on each axis, up to 0.0071 m apart) and
                // snap_m to centimetres (±0.005 m): the same snap can differ by up to 0.0121 m.
                #expect(abs(m - wantM) <= 0.0125, "\(name) \(file) \(r[0]): \(m) vs \(wantM)")
                if got != want {
                    let dx = xs[Int(want)] - x
                    let dy = ys[Int(want)] - y
                    #expect(
                        abs((dx * dx + dy * dy).squareRoot() - m) <= 0.0125,
                        "\(name) \(file) \(r[0]): node \(got) vs \(want)")
                }
                checked += 1
            }
            #expect(checked == t.rows.count && checked > 0)
        }
    }

    @Test func searchesBeyondEmptyCells() {
        let g = GridIndex(xs: [0, 1000, 5000], ys: [0, 0, 5000], cellMetres: 10)
        #expect(g.nearest(x: 600, y: 10).index == 1)
        #expect(g.nearest(x: 4000, y: 4000).index == 2)
        #expect(g.nearest(x: -300, y: -300).index == 0)
        #expect(abs(g.nearest(x: 3, y: 4).distance - 5) < 1e-9)
    }
}
