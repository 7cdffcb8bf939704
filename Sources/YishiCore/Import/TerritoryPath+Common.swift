import Foundation

extension TerritoryPath {
    /// The deepest node that contains every path given (nil when there are none or they lie in
    /// different districts): where a bulk change is recorded, so that the auditors of every node
    /// above it see it.
    public static func commonAncestor(_ paths: some Sequence<TerritoryPath>) -> TerritoryPath? {
        var common: [UUID]? = nil
        for p in paths {
            guard let c = common else {
                common = p.ids
                continue
            }
            var n = 0
            while n < c.count, n < p.ids.count, c[n] == p.ids[n] { n += 1 }
            common = Array(c.prefix(n))
            if n == 0 { return nil }
        }
        guard let common, !common.isEmpty else { return nil }
        return TerritoryPath(common)
    }
}
