import Fluent
import SQLKit

/// Issue 20, second part: the community diagnosis reports (versioned: each save is a new version,
/// one number per community and version), honours as nominations the district awards, the invited
/// departments of a case conference, and the service log read by project (residents rate the
/// planners who worked on a project).
struct M029CreateDiagnoses: AsyncMigration {
    var name: String { "029_CreateDiagnoses" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("diagnosis_reports")
            .id()
            .field("community_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("version", .int, .required)
            .field("author_id", .uuid)
            .field("planner_id", .uuid, .references("planners", "id"))
            .field("history", .string, .required)
            .field("resources", .string, .required)
            .field("recommendations", .string, .required)
            .field("snapshot", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "community_id", "version")
            .create()
        // One column per statement: SQLite adds one at a time.
        try await db.schema("planner_honours").field("status", .string, .required, .sql(.default("nominated")))
            .update()
        try await db.schema("planner_honours").field("decided_by_id", .uuid).update()
        try await db.schema("planner_honours").field("decided_at", .datetime).update()
        try await db.schema("meetings").field("invited", .string).update()
        try await sql.create(index: "planner_service_project_idx").on("planner_service").column("project_id").run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "planner_service_project_idx").run()
        try await db.schema("meetings").deleteField("invited").update()
        for f in ["status", "decided_by_id", "decided_at"] {
            try await db.schema("planner_honours").deleteField(.key(.init(stringLiteral: f))).update()
        }
        try await db.schema("diagnosis_reports").delete()
    }
}
