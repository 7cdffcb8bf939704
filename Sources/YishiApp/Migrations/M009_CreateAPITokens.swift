import Fluent
import SQLKit

struct M009CreateAPITokens: AsyncMigration {
    var name: String { "009_CreateAPITokens" }
    func prepare(on db: any Database) async throws {
        try await db.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("role", .string, .required)
            .field("node_id", .uuid, .references("territory_nodes", "id"))
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("api_tokens").delete() }
}
