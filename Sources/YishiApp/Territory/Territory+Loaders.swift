import Fluent
import Vapor
import YishiCore

/// Territory records as a caller may have them: each loader reads the record, asks the policy at
/// the record's place, and refuses (401, 403, 404) before anything more is read. Pages, the API
/// and jobs load through these, so the check is the same whichever door asks.
extension Caller {
    /// A node, for `action` where it is.
    func node(_ id: UUID?, for action: Action) async throws -> TerritoryNode {
        let node = try await TerritoryQueries.node(id, on: db)
        try authorize(action, at: node.territoryPath)
        return node
    }

    /// A node with its ancestors and children, for `action` where it is.
    func nodeWithFamily(_ id: UUID?, for action: Action) async throws
        -> (node: TerritoryNode, ancestors: [TerritoryNode], children: [TerritoryNode])
    {
        let family = try await TerritoryQueries.nodeWithFamily(id, on: db)
        try authorize(action, at: family.node.territoryPath)
        return family
    }

    /// A unit with its owners and households, for `action` at its building; the people are read
    /// only once the unit is allowed. Whether they are shown is the page's and the API's to decide
    /// (`personalDataRead`, `ownersRegisterRead`).
    func unitDetail(_ id: UUID?, for action: Action = .territoryRead) async throws -> TerritoryQueries.UnitDetail {
        let unit = try await TerritoryQueries.unit(id, on: db)
        try authorize(action, at: unit.building.territoryPath)
        return try await TerritoryQueries.unitDetail(of: unit, on: db)
    }
}
