import Fluent
import SQLKit

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
        try await sql.insert(into: "audit_head").columns("id", "seq", "hash").values(
            SQLLiteral.numeric("1"), SQLLiteral.numeric("0"), SQLBind(String(repeating: "0", count: 64))
        ).run()
        try await sql.create(index: "audit_entries_node_idx").on("audit_entries").column("node_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("audit_head").delete()
        try await db.schema("audit_entries").delete()
    }
}
