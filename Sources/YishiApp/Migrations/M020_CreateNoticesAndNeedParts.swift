import Fluent
import SQLKit

/// Public notices (公示) with their objections and files; needs' photos, comments, published lists
/// and district settings; a need raised from a life-circle gap (no resident: `resident_id` may be
/// empty, with its origin and evidence) and the meeting a need was heard at (issue 17).
struct M020CreateNoticesAndNeedParts: AsyncMigration {
    var name: String { "020_CreateNoticesAndNeedParts" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("public_notices")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("subject_kind", .string)
            .field("subject_id", .uuid)
            .field("days", .int, .required)
            .field("status", .string, .required)
            .field("starts_at", .datetime)
            .field("ends_at", .datetime)
            .field("created_by_id", .uuid)
            .field("published_by_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await sql.create(index: "public_notices_node_idx").on("public_notices").column("node_id").column("status")
            .run()
        try await db.schema("notice_objections")
            .id()
            .field("notice_id", .uuid, .required, .references("public_notices", "id"))
            .field("text", .string, .required)
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("channel", .string, .required)
            .field("entered_by_id", .uuid)
            .field("answer", .string)
            .field("answered_by_id", .uuid)
            .field("answered_at", .datetime)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "notice_objections_notice_idx").on("notice_objections").column("notice_id").run()
        try await db.schema("notice_files")
            .field("notice_id", .uuid, .required, .references("public_notices", "id"))
            .field("attachment_id", .uuid, .required, .references("attachments", "id"))
            .field("position", .int, .required)
            .unique(on: "attachment_id")
            .create()
        try await sql.create(index: "notice_files_notice_idx").on("notice_files").column("notice_id").run()

        // Who uploaded a file (a photo waiting for its need belongs to the person who sent it).
        try await db.schema("attachments").field("uploaded_by_id", .uuid).update()

        try await db.schema("need_photos")
            .field("need_id", .uuid, .required, .references("needs", "id"))
            .field("attachment_id", .uuid, .required, .references("attachments", "id"))
            .field("position", .int, .required)
            .field("added_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "attachment_id")
            .create()
        try await sql.create(index: "need_photos_need_idx").on("need_photos").column("need_id").run()
        try await db.schema("need_comments")
            .id()
            .field("need_id", .uuid, .required, .references("needs", "id"))
            .field("text", .string, .required)
            .field("user_id", .uuid, .required)
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("staff", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "need_comments_need_idx").on("need_comments").column("need_id").run()
        try await db.schema("needs_list_versions")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("notice_id", .uuid, .required, .references("public_notices", "id"))
            .field("rows", .string, .required)
            .field("published_by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "needs_list_versions_node_idx").on("needs_list_versions").column("node_id").run()
        // A district's own categories, weights and vocabulary (each a JSON document; none: the defaults).
        try await db.schema("need_settings")
            .field("district_id", .uuid, .identifier(auto: false), .references("territory_nodes", "id"))
            .field("categories", .string, .required)
            .field("weights", .string, .required)
            .field("vocabulary", .string, .required)
            .field("updated_by_id", .uuid)
            .field("updated_at", .datetime)
            .create()

        // One column at a time: SQLite adds one per ALTER TABLE.
        for column in ["origin", "evidence", "meeting"] {
            try await db.schema("needs").field(
                .definition(name: .key(.string(column)), dataType: .string, constraints: [])
            )
            .update()
        }
        try await allowNeedsWithoutResident(sql)
    }

    /// A need from a life-circle gap has no resident. PostgreSQL drops the column's NOT NULL;
    /// SQLite cannot, so the table is rebuilt by SQLite's documented procedure (new table, copy,
    /// drop, rename, indexes again) on one connection with foreign-key checks off meanwhile.
    private func allowNeedsWithoutResident(_ sql: any SQLDatabase) async throws {
        if sql.dialect.name != "sqlite" {
            try await sql.raw("ALTER TABLE needs ALTER COLUMN resident_id DROP NOT NULL").run()
            return
        }
        struct Row: Decodable { var sql: String }
        guard
            let create = try await sql.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'needs'")
                .first(decoding: Row.self)?.sql,
            let range = create.range(of: #""resident_id" UUID NOT NULL"#)
        else { throw MigrationProblem(message: "needs: unexpected schema") }
        let rebuilt = create.replacingCharacters(in: range, with: #""resident_id" UUID"#)
            .replacingOccurrences(of: #"CREATE TABLE "needs""#, with: #"CREATE TABLE "needs_rebuilt""#)
        guard rebuilt.hasPrefix(#"CREATE TABLE "needs_rebuilt""#) else {
            throw MigrationProblem(message: "needs: unexpected schema")
        }
        try await sql.withSession { s in
            try await s.raw("PRAGMA foreign_keys = OFF").run()
            try await s.raw("BEGIN IMMEDIATE").run()
            do {
                try await s.raw(SQLQueryString(rebuilt)).run()
                try await s.raw("INSERT INTO needs_rebuilt SELECT * FROM needs").run()
                try await s.raw("DROP TABLE needs").run()
                try await s.raw("ALTER TABLE needs_rebuilt RENAME TO needs").run()
                try await s.raw(
                    "CREATE INDEX needs_rank_idx ON needs (community_id, priority DESC, households DESC, first_submitted_at)"
                ).run()
                try await s.raw("CREATE INDEX needs_resident_idx ON needs (resident_id)").run()
                try await s.raw("COMMIT").run()
            } catch {
                try? await s.raw("ROLLBACK").run()
                try? await s.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await s.raw("PRAGMA foreign_keys = ON").run()
        }
    }

    struct MigrationProblem: Error { var message: String }

    func revert(on db: any Database) async throws {
        for table in [
            "need_settings", "needs_list_versions", "need_comments", "need_photos", "notice_files", "notice_objections",
            "public_notices",
        ] {
            try await db.schema(table).delete()
        }
    }
}
