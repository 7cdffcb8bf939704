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
            guard let id = UUID(uuidString: String(p)) else { return nil }
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
