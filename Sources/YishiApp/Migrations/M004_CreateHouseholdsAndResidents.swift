import Fluent
import SQLKit

struct M004CreateHouseholdsAndResidents: AsyncMigration {
    var name: String { "004_CreateHouseholdsAndResidents" }
    func prepare(on db: any Database) async throws {
        try await db.schema("households")
            .id()
            .field("code", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema("residents")
            .id()
            .field("code", .string, .required)
            .field("household_id", .uuid, .references("households", "id"))
            .field("name", .string, .required)
            .field("birth_year", .int, .required)
            .field("phone", .string)
            .field("flags", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "households_unit_idx").on("households").column("unit_id").run()
        try await sql.create(index: "residents_household_idx").on("residents").column("household_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("residents").delete()
        try await db.schema("households").delete()
    }
}
