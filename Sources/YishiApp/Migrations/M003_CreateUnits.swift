import Fluent
import SQLKit

struct M003CreateUnits: AsyncMigration {
    var name: String { "003_CreateUnits" }
    func prepare(on db: any Database) async throws {
        try await db.schema("units")
            .id()
            .field("building_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("code", .string, .required)
            .field("number", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("register_area", .int64)
            .field("survey_area", .int64)
            .field("contract_area", .int64)
            .field("area", .int64, .required)
            .field("area_source", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await (db as! any SQLDatabase).create(index: "units_building_idx").on("units").column("building_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("units").delete() }
}
