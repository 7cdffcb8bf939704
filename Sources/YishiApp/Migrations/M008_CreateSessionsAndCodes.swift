import Fluent
import SQLKit

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
