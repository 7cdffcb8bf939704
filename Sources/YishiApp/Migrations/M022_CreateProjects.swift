import Fluent
import SQLKit

/// Projects: their needs (a need is taken up by one project), their moves through a workflow,
/// their documents by stage, and the workflow templates a district adds (issue 18).
struct M022CreateProjects: AsyncMigration {
    var name: String { "022_CreateProjects" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("projects")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("kind", .string, .required)
            .field("initiator", .string, .required)
            .field("budget_fen", .int64)
            .field("template_key", .string, .required)
            .field("stage", .int, .required)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await sql.create(index: "projects_node_idx").on("projects").column("node_id").run()
        try await db.schema("project_needs")
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("need_id", .uuid, .required, .references("needs", "id"))
            .unique(on: "need_id")
            .create()
        try await sql.create(index: "project_needs_project_idx").on("project_needs").column("project_id").run()
        try await db.schema("project_moves")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("from_stage", .int, .required)
            .field("to_stage", .int, .required)
            .field("reason", .string)
            .field("by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "project_moves_project_idx").on("project_moves").column("project_id").run()
        try await db.schema("project_documents")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("stage", .int, .required)
            .field("name", .string, .required)
            .field("attachment_id", .uuid, .required, .references("attachments", "id"))
            .field("by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "project_documents_project_idx").on("project_documents").column("project_id").run()
        try await db.schema("workflow_templates")
            .id()
            .field("district_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("key", .string, .required)
            .field("body", .string, .required)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "district_id", "key")
            .create()
    }

    func revert(on db: any Database) async throws {
        for t in ["workflow_templates", "project_documents", "project_moves", "project_needs", "projects"] {
            try await db.schema(t).delete()
        }
    }
}
