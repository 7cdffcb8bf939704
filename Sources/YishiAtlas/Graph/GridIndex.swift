import Foundation

/// A uniform grid over points in metres (UTM x/y), for "nearest node" without scanning every node.
/// Cells are searched in growing square rings until no closer point can exist.
public struct GridIndex: Sendable {
    let xs: [Double], ys: [Double]
    let minX: Double, minY: Double, cell: Double
    let columns: Int, rows: Int
    /// Points of cell c are `order[start[c] ..< start[c + 1]]`.
    let start: [Int32], order: [Int32]

    public init(xs: [Double], ys: [Double], cellMetres: Double = 100) {
        precondition(xs.count == ys.count && !xs.isEmpty)
        self.xs = xs
        self.ys = ys
        cell = cellMetres
        minX = xs.min()!
        minY = ys.min()!
        columns = Int(((xs.max()! - minX) / cellMetres).rounded(.down)) + 1
        rows = Int(((ys.max()! - minY) / cellMetres).rounded(.down)) + 1
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int32](repeating: 0, count: xs.count)
        for i in xs.indices {
            let c = Int((xs[i] - minX) / cellMetres) + Int((ys[i] - minY) / cellMetres) * columns
            cellOf[i] = Int32(c)
            counts[c + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var fill = counts
        var order = [Int32](repeating: 0, count: xs.count)
        for i in xs.indices {
            let c = Int(cellOf[i])
            order[Int(fill[c])] = Int32(i)
            fill[c] += 1
        }
        start = counts
        self.order = order
    }

    /// The nearest point to (x, y) and its distance; ties go to the lower index.
    public func nearest(x: Double, y: Double) -> (index: Int32, distance: Double) {
        let cx = min(max(Int((x - minX) / cell), 0), columns - 1)
        let cy = min(max(Int((y - minY) / cell), 0), rows - 1)
        var best: Int32 = -1
        var bestD2 = Double.infinity
        var ring = 0
        while true {
            for gy in (cy - ring)...(cy + ring) where gy >= 0 && gy < rows {
                for gx in (cx - ring)...(cx + ring) where gx >= 0 && gx < columns {
                    // Only the ring's border cells are new.
                    if ring > 0 && gy != cy - ring && gy != cy + ring && gx != cx - ring && gx != cx + ring { continue }
                    let c = gx + gy * columns
                    for k in Int(start[c])..<Int(start[c + 1]) {
                        let i = order[k]
                        let dx = xs[Int(i)] - x
                        let dy = ys[Int(i)] - y
                        let d2 = dx * dx + dy * dy
                        if d2 < bestD2 || (d2 == bestD2 && i < best) {
                            bestD2 = d2
                            best = i
                        }
                    }
                }
            }
            // Any point outside the searched square is at least `ring * cell` away from (x, y)'s cell edge.
            let reach = Double(ring) * cell
            if best >= 0 && bestD2 <= reach * reach { break }
            if ring > columns + rows { break }
            ring += 1
        }
        return (best, bestD2.squareRoot())
    }
}
