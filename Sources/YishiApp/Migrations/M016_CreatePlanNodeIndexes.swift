import Fluent
import SQLKit

/// Every node page counts the life circles and planning areas planned at its node: an index each
/// on `node_id`, so the count does not read the whole table once the atlas holds many.
struct M016CreatePlanNodeIndexes: AsyncMigration {
    var name: String { "016_CreatePlanNodeIndexes" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.create(index: "life_circles_node_idx").on("life_circles").column("node_id").run()
        try await sql.create(index: "planning_areas_node_idx").on("planning_areas").column("node_id").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.drop(index: "life_circles_node_idx").run()
        try await sql.drop(index: "planning_areas_node_idx").run()
    }
}
