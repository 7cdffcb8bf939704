import Fluent
import SQLKit
import Vapor
import YishiCore

/// Reading the territory tree. Functions of the database only, so tests can call them.
enum TerritoryQueries {
    struct Stats: Content, Equatable {
        var units: Int
        /// Counted area, "1234.50" m².
        var area: String
        var households: Int
        var residents: Int
    }

    static func node(_ id: UUID?, on db: any Database) async throws -> TerritoryNode {
        guard let id, let node = try await TerritoryNode.find(id, on: db) else { throw YishiError.notFound }
        return node
    }

    /// Children sorted by code; nil gives the districts.
    static func children(of id: UUID?, on db: any Database) async throws -> [TerritoryNode] {
        try await TerritoryNode.query(on: db).filter(\.$parent.$id == id).sort(\.$code).all()
    }

    /// The nodes above `node`, from the district down, not including it.
    static func ancestors(of node: TerritoryNode, on db: any Database) async throws -> [TerritoryNode] {
        let ids = Array(node.territoryPath.ids.dropLast())
        guard !ids.isEmpty else { return [] }
        let found = try await TerritoryNode.query(on: db).filter(\.$id ~~ ids).all()
        return ids.compactMap { id in found.first { $0.id == id } }
    }

    /// Units, counted area, households and residents in the subtree at `path`.
    static func stats(_ path: TerritoryPath, on db: any Database) async throws -> Stats {
        let sql = db as! any SQLDatabase
        let prefix = path.encoded + "%"
        let u = try await sql.raw("""
            SELECT COUNT(u.id) AS n, CAST(COALESCE(SUM(u.area), 0) AS BIGINT) AS area
            FROM units u JOIN territory_nodes b ON b.id = u.building_id WHERE b.path LIKE \(bind: prefix)
            """).first()
        let h = try await sql.raw("""
            SELECT COUNT(h.id) AS n FROM households h JOIN units u ON u.id = h.unit_id
            JOIN territory_nodes b ON b.id = u.building_id WHERE b.path LIKE \(bind: prefix)
            """).first()
        let r = try await sql.raw("""
            SELECT COUNT(r.id) AS n FROM residents r JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.unit_id
            JOIN territory_nodes b ON b.id = u.building_id WHERE b.path LIKE \(bind: prefix)
            """).first()
        return Stats(units: try u?.decode(column: "n", as: Int.self) ?? 0,
                     area: Area(centi: try u?.decode(column: "area", as: Int64.self) ?? 0).description,
                     households: try h?.decode(column: "n", as: Int.self) ?? 0,
                     residents: try r?.decode(column: "n", as: Int.self) ?? 0)
    }

    /// Where the actor's reading starts: the nodes of their grants (every district for a
    /// platform-wide grant), leaving out any that lie inside another.
    static func visibleRoots(_ actor: Actor, on db: any Database) async throws -> [TerritoryNode] {
        let readable = Policy.scopes(actor, for: .territoryRead)
        if readable.contains(where: { $0 == nil }) { return try await children(of: nil, on: db) }
        let paths = readable.compactMap { $0 }
        let outer = paths.filter { p in !paths.contains { $0 != p && $0.contains(p) } }
        let ids = Array(Set(outer.map(\.nodeId)))
        guard !ids.isEmpty else { return [] }
        return try await TerritoryNode.query(on: db).filter(\.$id ~~ ids).sort(\.$path).all()
    }

    static func units(inBuilding id: UUID, on db: any Database) async throws -> [Unit] {
        try await Unit.query(on: db).filter(\.$building.$id == id).sort(\.$number).all()
    }

    struct UnitDetail {
        var unit: Unit
        var building: TerritoryNode
        var owners: [Owner]
        var households: [Household]
        /// Residents with an account, by resident id.
        var accounts: Set<UUID>
    }

    static func unitDetail(_ id: UUID?, on db: any Database) async throws -> UnitDetail {
        guard let id, let unit = try await Unit.query(on: db).filter(\.$id == id).with(\.$building).first() else { throw YishiError.notFound }
        let owners = try await Ownership.query(on: db).filter(\.$unit.$id == id).with(\.$owner).all().map(\.owner).sorted { $0.code < $1.code }
        let households = try await Household.query(on: db).filter(\.$unit.$id == id).with(\.$residents).sort(\.$code).all()
        let residentIDs = households.flatMap { $0.residents.compactMap(\.id) }
        let accounts = residentIDs.isEmpty ? [] : try await User.query(on: db).filter(\.$resident.$id ~~ residentIDs).all().compactMap { $0.$resident.id }
        return UnitDetail(unit: unit, building: unit.building, owners: owners, households: households, accounts: Set(accounts))
    }
}
