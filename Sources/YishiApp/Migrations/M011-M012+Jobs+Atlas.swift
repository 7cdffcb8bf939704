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

/// A district's life-circle data: one import, its facilities and its origins with their distances and gaps.
struct M012CreateLifeCircleAtlas: AsyncMigration {
    var name: String { "012_CreateLifeCircleAtlas" }
    func prepare(on db: any Database) async throws {
        try await db.schema("atlas_imports")
            .id()
            .field("district_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("source_name", .string, .required)
            .field("nodes", .int, .required)
            .field("edges", .int, .required)
            .field("origins", .int, .required)
            .field("facilities", .int, .required)
            .field("types", .string, .required)
            .field("svg", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "district_id")
            .create()
        try await db.schema("atlas_facilities")
            .id()
            .field("import_id", .uuid, .required, .references("atlas_imports", "id", onDelete: .cascade))
            .field("type", .string, .required)
            .field("name", .string, .required)
            .field("osm_ref", .string, .required)
            .field("x", .double, .required)
            .field("y", .double, .required)
            .create()
        try await db.schema("atlas_origins")
            .id()
            .field("import_id", .uuid, .required, .references("atlas_imports", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("osm_ref", .string, .required)
            .field("x", .double, .required)
            .field("y", .double, .required)
            .field("snap_m", .double, .required)
            .field("distances", .string, .required)
            .field("compound_id", .uuid, .references("territory_nodes", "id"))
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "atlas_facilities_import_idx").on("atlas_facilities").column("import_id").run()
        try await sql.create(index: "atlas_origins_import_idx").on("atlas_origins").column("import_id").run()
    }
    func revert(on db: any Database) async throws {
        for t in ["atlas_origins", "atlas_facilities", "atlas_imports"] { try await db.schema(t).delete() }
    }
}
