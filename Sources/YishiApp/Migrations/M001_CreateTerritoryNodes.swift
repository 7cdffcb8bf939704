import Fluent
import SQLKit

struct M001CreateTerritoryNodes: AsyncMigration {
    var name: String { "001_CreateTerritoryNodes" }
    func prepare(on db: any Database) async throws {
        try await db.schema("territory_nodes")
            .id()
            .field("level", .string, .required)
            .field("parent_id", .uuid, .references("territory_nodes", "id"))
            .field("path", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string)
            .field("address", .string)
            .field("building_group_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "path")
            .unique(on: "code")
            .create()
        try await (db as! any SQLDatabase).create(index: "territory_nodes_parent_idx").on("territory_nodes").column(
            "parent_id"
        ).run()
    }
    func revert(on db: any Database) async throws { try await db.schema("territory_nodes").delete() }
}
