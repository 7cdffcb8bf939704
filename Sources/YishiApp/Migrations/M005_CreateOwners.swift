import Fluent
import SQLKit

struct M005CreateOwners: AsyncMigration {
    var name: String { "005_CreateOwners" }
    func prepare(on db: any Database) async throws {
        try await db.schema("owners")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("phone", .string)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema("ownerships")
            .id()
            .field("owner_id", .uuid, .required, .references("owners", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .unique(on: "owner_id", "unit_id")
            .create()
        try await (db as! any SQLDatabase).create(index: "ownerships_unit_idx").on("ownerships").column("unit_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("ownerships").delete()
        try await db.schema("owners").delete()
    }
}
