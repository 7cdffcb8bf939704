import Fluent
import SQLKit

struct M007CreateUsers: AsyncMigration {
    var name: String { "007_CreateUsers" }
    func prepare(on db: any Database) async throws {
        try await db.schema("users")
            .id()
            .field("kind", .string, .required)
            .field("username", .string)
            .field("password_hash", .string)
            .field("phone", .string)
            .field("display_name", .string, .required)
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("verified_at", .datetime)
            .field("verified_by_id", .uuid)
            .field("failed_logins", .int, .required)
            .field("locked_until", .datetime)
            .field("entered_by_id", .uuid)
            .field("channel", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "username")
            .unique(on: "phone")
            .unique(on: "resident_id")
            .create()
        try await db.schema("role_grants")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("node_id", .uuid, .references("territory_nodes", "id"))
            .field("granted_by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await (db as! any SQLDatabase).create(index: "role_grants_user_idx").on("role_grants").column("user_id")
            .run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("role_grants").delete()
        try await db.schema("users").delete()
    }
}
