import Fluent
import YishiCore

extension QueryBuilder where Model == TerritoryNode {
    /// Nodes at or below `path`, as a range on the path index (`path >= p AND path < upper bound`):
    /// both databases answer it from the index, where `LIKE 'p%'` scans the whole table on SQLite.
    @discardableResult
    func inSubtree(_ path: TerritoryPath) -> Self {
        filter(\.$path >= path.encoded).filter(\.$path < path.subtreeUpperBound)
    }
}

extension QueryBuilder {
    /// Rows whose joined `TerritoryNode` lies at or below `path` (same range as `inSubtree`).
    @discardableResult
    func joinedNodeInSubtree(_ path: TerritoryPath) -> Self {
        filter(TerritoryNode.self, \.$path >= path.encoded).filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
    }

    /// Rows whose joined `TerritoryNode` lies in any of the subtrees (an actor's scopes).
    @discardableResult
    func joinedNodeInAnySubtree(_ paths: [TerritoryPath]) -> Self {
        group(.or) { g in for p in paths { g.group(.and) { $0.joinedNodeInSubtree(p) } } }
    }
}
