import Fluent
import SQLKit

/// The indexes the request path needs (found by reading its queries), one grant per
/// (user, role, node), a byte-wise ordering of territory paths on PostgreSQL so a subtree is a
/// range of the path index whatever the cluster's locale, and the table where audit-chain
/// verifications are kept so that the audit page shows the last one instead of redoing it.
struct M013UpdateIndexesAndAuditVerifications: AsyncMigration {
    var name: String { "013_UpdateIndexesAndAuditVerifications" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await sql.create(index: "user_sessions_user_idx").on("user_sessions").column("user_id").run()
        try await sql.create(index: "api_tokens_user_idx").on("api_tokens").column("user_id").run()
        try await sql.create(index: "role_grants_node_idx").on("role_grants").column("node_id").run()
        try await sql.create(index: "atlas_origins_compound_idx").on("atlas_origins").column("compound_id").run()
        try await sql.create(index: "territory_nodes_level_path_idx").on("territory_nodes").column("level").column(
            "path"
        ).run()
        // NULL nodes (platform-wide grants) are distinct in a unique index; a platform-wide
        // grant is unique through its own partial index.
        try await sql.create(index: "role_grants_user_role_node_key").unique().on("role_grants")
            .column("user_id").column("role").column("node_id").run()
        try await sql.raw(
            "CREATE UNIQUE INDEX role_grants_user_role_platform_key ON role_grants (user_id, role) WHERE node_id IS NULL"
        ).run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw(#"ALTER TABLE territory_nodes ALTER COLUMN path TYPE text COLLATE "C""#).run()
        }
        try await db.schema("audit_verifications")
            .id()
            .field("verified_at", .datetime, .required)
            .field("entries", .int64, .required)
            .field("head_seq", .int64, .required)
            .field("ok", .bool, .required)
            .field("broken_seq", .int64)
            .field("reason", .string)
            .field("duration_ms", .int, .required)
            .create()
        try await sql.create(index: "audit_verifications_at_idx").on("audit_verifications").column("verified_at").run()
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("audit_verifications").delete()
        for index in [
            "user_sessions_user_idx", "api_tokens_user_idx", "role_grants_node_idx", "atlas_origins_compound_idx",
            "territory_nodes_level_path_idx", "role_grants_user_role_node_key", "role_grants_user_role_platform_key",
        ] {
            try await sql.drop(index: index).run()
        }
    }
}
