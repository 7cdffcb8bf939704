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
        guard let id,
            let row = try await (db as! any SQLDatabase).raw(
                """
                SELECT \(unsafeRaw: TerritoryNode.rowColumns) FROM territory_nodes n WHERE n.id = \(bind: id)
                """
            ).first()
        else { throw YishiError.notFound }
        return try TerritoryNode(row: row)
    }

    /// Children sorted by code; nil gives the districts.
    static func children(of id: UUID?, on db: any Database) async throws -> [TerritoryNode] {
        try await TerritoryNode.query(on: db).filter(\.$parent.$id == id).sort(\.$code).all()
    }

    /// A node, its ancestors (from the district down) and its children (by code), in one query
    /// (walking up by `parent_id`), decoded without Fluent's per-model reflection, which cost a
    /// node page more than its query.
    static func nodeWithFamily(_ id: UUID?, on db: any Database) async throws
        -> (node: TerritoryNode, ancestors: [TerritoryNode], children: [TerritoryNode])
    {
        guard let id else { throw YishiError.notFound }
        let columns = TerritoryNode.rowColumns
        let rows = try await (db as! any SQLDatabase).raw(
            """
            WITH RECURSIVE up(id, parent_id) AS (
                SELECT id, parent_id FROM territory_nodes WHERE id = \(bind: id)
                UNION ALL SELECT t.id, t.parent_id FROM territory_nodes t JOIN up ON t.id = up.parent_id)
            SELECT 0 AS rel, \(unsafeRaw: columns) FROM territory_nodes n JOIN up ON n.id = up.id
            UNION ALL
            SELECT 1 AS rel, \(unsafeRaw: columns) FROM territory_nodes n WHERE n.parent_id = \(bind: id)
            ORDER BY rel, code
            """
        ).all()
        var line: [UUID: TerritoryNode] = [:]
        var children: [TerritoryNode] = []
        for row in rows {
            let node = try TerritoryNode(row: row)
            if try row.decode(column: "rel", as: Int.self) == 0 { line[node.id!] = node } else { children.append(node) }
        }
        guard let node = line[id] else { throw YishiError.notFound }
        return (node, node.territoryPath.ids.dropLast().compactMap { line[$0] }, children)
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
        try await stats([path], on: db)[0].stats
    }

    /// The same for several subtrees (a staff member's grants) in one query, with each node's
    /// number of children and of life circles and planning areas planned at it (so that a page
    /// asks for those only where there are some): one round trip for the whole staff home.
    typealias Counts = (stats: Stats, children: Int, plans: Int)

    /// Counts kept for five seconds (`ReadCache`): exact on this server, as every audited change
    /// empties them when it commits.
    static let counts = ReadCache<CountsBox>(lifetime: .seconds(5), capacity: 5_000)
    struct CountsBox: Sendable { var counts: Counts }

    /// `namespace`: the application's (`Application.readNamespace`), so two applications in one
    /// process (the tests) never share an answer for the same path.
    static func stats(_ paths: [TerritoryPath], on db: any Database, namespace: String = "") async throws -> [Counts] {
        let generation = counts.generation
        let base = namespace + "|"
        var out = paths.map { counts.value(base + $0.encoded)?.counts }
        let missing = paths.indices.filter { out[$0] == nil }
        guard !missing.isEmpty else { return out.map { $0! } }
        let found = try await countQuery(missing.map { paths[$0] }, on: db)
        for (i, c) in zip(missing, found) {
            out[i] = c
            counts.keep(CountsBox(counts: c), base + paths[i].encoded, generation: generation)
        }
        return out.map { $0! }
    }

    private static func countQuery(_ paths: [TerritoryPath], on db: any Database) async throws -> [Counts] {
        guard !paths.isEmpty else { return [] }
        let sql = db as! any SQLDatabase
        var query: SQLQueryString = ""
        for (i, path) in paths.enumerated() {
            if i > 0 { query.appendInterpolation(unsafeRaw: " UNION ALL ") }
            let inTree = path.sqlContains("b.path")
            // Each count starts from the subtree's buildings (the path range on its index) and
            // walks down. `CROSS JOIN` with the join in WHERE keeps that order on SQLite, whose
            // planner, without statistics, would otherwise scan every resident of the platform
            // and look up each one's building (27× slower on the demo district); PostgreSQL reads
            // it as an inner join and plans it with its own statistics.
            query += """
                SELECT \(literal: i) AS k,
                  (SELECT COUNT(u.id) FROM territory_nodes b CROSS JOIN units u WHERE u.building_id = b.id AND \(inTree)) AS units,
                  (SELECT CAST(COALESCE(SUM(u.area), 0) AS BIGINT) FROM territory_nodes b CROSS JOIN units u
                     WHERE u.building_id = b.id AND \(inTree)) AS area,
                  (SELECT COUNT(h.id) FROM territory_nodes b CROSS JOIN units u CROSS JOIN households h
                     WHERE u.building_id = b.id AND h.unit_id = u.id AND \(inTree)) AS households,
                  (SELECT COUNT(r.id) FROM territory_nodes b CROSS JOIN units u CROSS JOIN households h CROSS JOIN residents r
                     WHERE u.building_id = b.id AND h.unit_id = u.id AND r.household_id = h.id AND \(inTree)) AS residents,
                  (SELECT COUNT(c.id) FROM territory_nodes c WHERE c.parent_id = \(bind: path.nodeId)) AS children,
                  (SELECT COUNT(l.id) FROM life_circles l WHERE l.node_id = \(bind: path.nodeId))
                    + (SELECT COUNT(a.id) FROM planning_areas a WHERE a.node_id = \(bind: path.nodeId)) AS plans
                """ as SQLQueryString
        }
        var out = [(stats: Stats, children: Int, plans: Int)?](repeating: nil, count: paths.count)
        for row in try await sql.raw(query).all() {
            let k = try row.decode(column: "k", as: Int.self)
            out[k] = (
                Stats(
                    units: try row.decode(column: "units", as: Int.self),
                    area: Area(centi: try row.decode(column: "area", as: Int64.self)).description,
                    households: try row.decode(column: "households", as: Int.self),
                    residents: try row.decode(column: "residents", as: Int.self)),
                try row.decode(column: "children", as: Int.self), try row.decode(column: "plans", as: Int.self)
            )
        }
        return out.map { $0! }
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

    /// A unit with its building, nothing else (what a loader checks before reading people).
    static func unit(_ id: UUID?, on db: any Database) async throws -> Unit {
        guard let id, let unit = try await Unit.query(on: db).filter(\.$id == id).with(\.$building).first() else {
            throw YishiError.notFound
        }
        return unit
    }

    /// The unit's owners, households and residents (the unit loaded with its building).
    static func unitDetail(of unit: Unit, on db: any Database) async throws -> UnitDetail {
        let id = try unit.requireID()
        let owners = try await Ownership.query(on: db).filter(\.$unit.$id == id).with(\.$owner).all().map(\.owner)
            .sorted { $0.code < $1.code }
        let households = try await Household.query(on: db).filter(\.$unit.$id == id).with(\.$residents).sort(\.$code)
            .all()
        let residentIDs = households.flatMap { $0.residents.compactMap(\.id) }
        let accounts =
            residentIDs.isEmpty
            ? []
            : try await User.query(on: db).filter(\.$resident.$id ~~ residentIDs).all().compactMap { $0.$resident.id }
        return UnitDetail(
            unit: unit, building: unit.building, owners: owners, households: households, accounts: Set(accounts))
    }
}
