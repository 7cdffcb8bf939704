import Fluent
import SQLKit

/// Long work (DESIGN.md): a job row that any instance's worker can pick up; attachments in the database.
struct M011CreateJobsAndAttachments: AsyncMigration {
    var name: String { "011_CreateJobsAndAttachments" }
    func prepare(on db: any Database) async throws {
        try await db.schema("attachments")
            .id()
            .field("name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("created_at", .datetime)
            .create()
        try await db.schema("jobs")
            .id()
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("progress", .int, .required)
            .field("message_zh", .string, .required)
            .field("message_en", .string, .required)
            .field("error_zh", .string)
            .field("error_en", .string)
            .field("attempts", .int, .required)
            .field("node_id", .uuid, .references("territory_nodes", "id"))
            .field("attachment_id", .uuid, .references("attachments", "id", onDelete: .setNull))
            .field("file_name", .string)
            .field("file_size", .int)
            .field("created_by_id", .uuid)
            .field("result", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .create()
        try await (db as! any SQLDatabase).create(index: "jobs_status_idx").on("jobs").column("status").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("jobs").delete()
        try await db.schema("attachments").delete()
    }
}
