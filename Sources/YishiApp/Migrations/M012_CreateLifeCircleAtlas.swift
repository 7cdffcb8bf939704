import Fluent
import SQLKit

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
