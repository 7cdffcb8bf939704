import Foundation

/// Network distance from every node to the nearest of a set of sources, up to a cutoff:
/// one multi-source Dijkstra (all sources start at 0) over the CSR arrays with a binary heap.
/// The buffers are kept between searches (one per facility type), so repeated searches allocate nothing.
public struct NearestSearch {
    public let graph: WalkGraph
    /// Distances of the last search; `.infinity` beyond the cutoff.
    public private(set) var distance: [Double]
    private var heap = MinHeap()
    private var touched: [Int32] = []

    public init(graph: WalkGraph) {
        self.graph = graph
        distance = [Double](repeating: .infinity, count: graph.nodeCount)
        touched.reserveCapacity(graph.nodeCount)
    }

    /// Runs the search; afterwards `distance[n]` is the distance from `n` to the nearest source,
    /// or `.infinity` when none lies within `cutoff` (inclusive).
    public mutating func run(sources: [Int32], cutoff: Double) {
        var dist = distance
        var heap = self.heap
        var touched = self.touched
        distance = []  // keep the buffer uniquely referenced while we work on it
        for n in touched { dist[Int(n)] = .infinity }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        for s in sources where dist[Int(s)] != 0 {
            dist[Int(s)] = 0
            touched.append(s)
            heap.push(0, s)
        }
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                graph.lengths.withUnsafeBufferPointer { lengths in
                    dist.withUnsafeMutableBufferPointer { dist in
                        while let (d, n) = heap.pop() {
                            let ni = Int(n)
                            if d > dist[ni] { continue }
                            var e = Int(offsets[ni])
                            let end = Int(offsets[ni + 1])
                            while e < end {
                                let t = Int(targets[e])
                                let nd = d + lengths[e]
                                if nd < dist[t] && nd <= cutoff {
                                    if dist[t] == .infinity { touched.append(Int32(t)) }
                                    dist[t] = nd
                                    heap.push(nd, Int32(t))
                                }
                                e += 1
                            }
                        }
                    }
                }
            }
        }
        distance = dist
        self.heap = heap
        self.touched = touched
    }
}

/// A binary min-heap of (distance, node) in two parallel arrays; stale entries are skipped by the caller.
struct MinHeap {
    private var keys: [Double] = []
    private var nodes: [Int32] = []

    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var i = keys.count - 1
        while i > 0 {
            let p = (i - 1) >> 1
            if keys[p] <= key { break }
            keys[i] = keys[p]
            nodes[i] = nodes[p]
            i = p
        }
        keys[i] = key
        nodes[i] = node
    }

    @inline(__always)
    mutating func pop() -> (Double, Int32)? {
        guard let topKey = keys.first else { return nil }
        let topNode = nodes[0]
        let lastKey = keys.removeLast()
        let lastNode = nodes.removeLast()
        let n = keys.count
        if n > 0 {
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let c = (r < n && keys[r] < keys[l]) ? r : l
                if keys[c] >= lastKey { break }
                keys[i] = keys[c]
                nodes[i] = nodes[c]
                i = c
            }
            keys[i] = lastKey
            nodes[i] = lastNode
        }
        return (topKey, topNode)
    }
}
