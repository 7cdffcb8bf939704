import Foundation

/// Where a node stands in the territory tree: the ids from the district down to the node itself.
///
/// Scope is decided on paths alone: a role held at a node applies to every node whose path starts
/// with that node's path. Stored as text ("/id/id/") so that SQL can select a subtree with a
/// prefix match on either database.
public struct TerritoryPath: Hashable, Sendable, Codable, CustomStringConvertible {
    public let ids: [UUID]

    public init(_ ids: [UUID]) { self.ids = ids }

    /// Parses the stored form "/id/id/"; nil on anything else.
    public init?(encoded: String) {
        guard encoded.hasPrefix("/"), encoded.hasSuffix("/") else { return nil }
        let parts = encoded.split(separator: "/")
        var ids: [UUID] = []
        for p in parts {
            guard let id = UUID(hyphenated: p) else { return nil }
            ids.append(id)
        }
        guard !ids.isEmpty else { return nil }
        self.ids = ids
    }

    /// The stored form: "/ID/ID/", upper-case UUIDs; a descendant's form starts with this one's.
    public var encoded: String { "/" + ids.map(\.uuidString).joined(separator: "/") + "/" }
    public var description: String { encoded }
    public var nodeId: UUID { ids[ids.count - 1] }

    /// The path of a child node.
    public func appending(_ id: UUID) -> TerritoryPath { TerritoryPath(ids + [id]) }

    /// The path of the ancestor at `depth` (0: the district); nil when the path is not that deep.
    public func ancestor(at depth: Int) -> TerritoryPath? {
        ids.count > depth ? TerritoryPath(Array(ids.prefix(depth + 1))) : nil
    }

    /// The subtree as a half-open range of stored paths: every descendant's stored form `p` has
    /// `encoded <= p < subtreeUpperBound`. The bound replaces the final "/" by "0", the next
    /// byte, so both databases answer a subtree from the path index (a `LIKE 'p%'` scans on SQLite).
    /// Byte-wise comparison is assumed: SQLite's default, and the path column's "C" collation on PostgreSQL.
    public var subtreeUpperBound: String { String(encoded.dropLast()) + "0" }

    /// True when `other` is this node or lies below it.
    public func contains(_ other: TerritoryPath) -> Bool {
        other.ids.count >= ids.count && Array(other.ids.prefix(ids.count)) == ids
    }
}

extension UUID {
    /// Parses the 36-character form `XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX`, either case, as
    /// `UUID(uuidString:)` does, without Foundation's `sscanf` (which cost a node page 2 %: every
    /// stored path is parsed on the way to a scope check).
    public init?(hyphenated s: some StringProtocol) {
        var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let utf8 = s.utf8
        guard utf8.count == 36 else { return nil }
        let ok = withUnsafeMutableBytes(of: &value) { out -> Bool in
            var byte = 0
            var high: UInt8? = nil
            var position = 0
            for c in utf8 {
                defer { position += 1 }
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    guard c == UInt8(ascii: "-") else { return false }
                    continue
                }
                let v: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
                default: return false
                }
                if let h = high {
                    out[byte] = h << 4 | v
                    byte += 1
                    high = nil
                } else {
                    high = v
                }
            }
            return byte == 16 && high == nil
        }
        guard ok else { return nil }
        self.init(uuid: value)
    }
}
