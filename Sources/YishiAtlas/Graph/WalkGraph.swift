import Foundation

/// An undirected walking graph in compressed sparse row form: the edges leaving node `n` are
/// `targets[offsets[n] ..< offsets[n + 1]]` with their lengths in metres in `lengths`.
public struct WalkGraph: Sendable {
    public let nodeCount: Int
    public let offsets: [Int32]
    public let targets: [Int32]
    public let lengths: [Double]

    /// The number of undirected edges.
    public var edgeCount: Int { targets.count / 2 }

    /// Builds the CSR arrays from undirected edges (each stored in both directions).
    public init(nodeCount: Int, edges: [(u: Int32, v: Int32, length: Double)]) {
        var degree = [Int32](repeating: 0, count: nodeCount + 1)
        for e in edges {
            degree[Int(e.u) + 1] += 1
            degree[Int(e.v) + 1] += 1
        }
        for i in 0..<nodeCount { degree[i + 1] += degree[i] }
        var fill = degree
        var targets = [Int32](repeating: 0, count: edges.count * 2)
        var lengths = [Double](repeating: 0, count: edges.count * 2)
        for e in edges {
            let a = Int(fill[Int(e.u)])
            targets[a] = e.v
            lengths[a] = e.length
            fill[Int(e.u)] += 1
            let b = Int(fill[Int(e.v)])
            targets[b] = e.u
            lengths[b] = e.length
            fill[Int(e.v)] += 1
        }
        self.nodeCount = nodeCount
        self.offsets = degree
        self.targets = targets
        self.lengths = lengths
    }
}
