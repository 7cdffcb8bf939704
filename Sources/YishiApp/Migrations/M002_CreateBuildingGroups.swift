import Fluent
import SQLKit

struct M002CreateBuildingGroups: AsyncMigration {
    var name: String { "002_CreateBuildingGroups" }
    func prepare(on db: any Database) async throws {
        try await db.schema("building_groups")
            .id()
            .field("compound_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("name", .string, .required)
            .field("leader_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "compound_id", "name")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("building_groups").delete() }
}
