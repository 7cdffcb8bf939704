import Fluent
import SQLKit

/// Meetings: their sign-ins (one per resident; a paper count has none) and resolutions (issue 18 §5–6).
struct M023CreateMeetings: AsyncMigration {
    var name: String { "023_CreateMeetings" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("meetings")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("project_id", .uuid, .references("projects", "id"))
            .field("project_stage", .int)
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("agenda", .string, .required)
            .field("venue", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("code", .string, .required)
            .field("minutes", .string)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await sql.create(index: "meetings_node_idx").on("meetings").column("node_id").run()
        try await sql.create(index: "meetings_project_idx").on("meetings").column("project_id").run()
        try await db.schema("meeting_attendance")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("channel", .string, .required)
            .field("count", .int, .required)
            .field("entered_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "meeting_id", "resident_id")
            .create()
        try await sql.create(index: "meeting_attendance_meeting_idx").on("meeting_attendance").column("meeting_id")
            .run()
        try await db.schema("meeting_resolutions")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("text", .string, .required)
            .field("electorate", .int)
            .field("present", .int, .required)
            .field("yes", .int, .required)
            .field("status", .string, .required)
            .field("conditions", .string, .required)
            .field("entered_by_id", .uuid)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["meeting_resolutions", "meeting_attendance", "meetings"] { try await db.schema(t).delete() }
    }
}

/// Design options (方案) with their versions, residents' comments on each, and the one chosen.
struct M024CreateDesignOptions: AsyncMigration {
    var name: String { "024_CreateDesignOptions" }

    func prepare(on db: any Database) async throws {
        try await db.schema("design_options")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("label", .string, .required)
            .field("version", .int, .required)
            .field("description", .string, .required)
            .field("cost_fen", .int64)
            .field("attachment_id", .uuid, .references("attachments", "id"))
            .field("chosen", .bool, .required)
            .field("chosen_by_resolution_id", .uuid, .references("meeting_resolutions", "id"))
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "project_id", "label", "version")
            .create()
        try await db.schema("design_option_comments")
            .id()
            .field("option_id", .uuid, .required, .references("design_options", "id"))
            .field("text", .string, .required)
            .field("user_id", .uuid, .required)
            .field("staff", .bool, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("design_option_comments").delete()
        try await db.schema("design_options").delete()
    }
}
