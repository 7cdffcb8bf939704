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
        try await (db as! any SQLDatabase).create(index: "role_grants_user_idx").on("role_grants").column("user_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("role_grants").delete()
        try await db.schema("users").delete()
    }
}

struct M008CreateSessionsAndCodes: AsyncMigration {
    var name: String { "008_CreateSessionsAndCodes" }
    func prepare(on db: any Database) async throws {
        try await db.schema("user_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await db.schema("one_time_codes")
            .id()
            .field("phone", .string, .required)
            .field("code_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("extended", .bool, .required)
            .field("attempts", .int, .required)
            .field("consumed_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await db.schema("rate_events")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await db.schema("sms_outbox")
            .id()
            .field("phone", .string, .required)
            .field("body", .string, .required)
            .field("sent_at", .datetime, .required)
            .create()
        try await db.schema("setup_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "one_time_codes_phone_idx").on("one_time_codes").column("phone").run()
        try await sql.create(index: "rate_events_key_idx").on("rate_events").column("key").column("at").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["setup_tokens", "sms_outbox", "rate_events", "one_time_codes", "user_sessions"] {
            try await db.schema(t).delete()
        }
    }
}

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

/// The audit log and its head. The head row is updated first in every audited transaction: that
/// takes the write lock on both databases, so entries are appended one at a time, in order.
struct M010CreateAuditLog: AsyncMigration {
    var name: String { "010_CreateAuditLog" }
    func prepare(on db: any Database) async throws {
        try await db.schema("audit_entries")
            .id()
            .field("seq", .int64, .required)
            .field("at_ms", .int64, .required)
            .field("actor_id", .uuid)
            .field("actor_label", .string, .required)
            .field("action", .string, .required)
            .field("target_type", .string, .required)
            .field("target_id", .string, .required)
            .field("node_id", .uuid)
            .field("on_behalf_of", .uuid)
            .field("channel", .string)
            .field("details", .string, .required)
            .field("prev_hash", .string, .required)
            .field("hash", .string, .required)
            .unique(on: "seq")
            .create()
        try await db.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("seq", .int64, .required)
            .field("hash", .string, .required)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.insert(into: "audit_head").columns("id", "seq", "hash").values(SQLLiteral.numeric("1"), SQLLiteral.numeric("0"), SQLBind(String(repeating: "0", count: 64))).run()
        try await sql.create(index: "audit_entries_node_idx").on("audit_entries").column("node_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("audit_head").delete()
        try await db.schema("audit_entries").delete()
    }
}
