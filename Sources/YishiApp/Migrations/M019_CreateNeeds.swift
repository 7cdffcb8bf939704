import Fluent
import SQLKit

/// Needs and their support (issue 17).
struct M019CreateNeeds: AsyncMigration {
    var name: String { "019_CreateNeeds" }

    func prepare(on db: any Database) async throws {
        try await db.schema("needs")
            .id()
            .field("community_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("place_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("category", .string, .required)
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("decline_reason", .string)
            .field("hide_name", .bool, .required)
            .field("safety", .bool, .required)
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("channel", .string, .required)
            .field("entered_by_id", .uuid)
            .field("first_submitted_at", .datetime, .required)
            .field("households", .int, .required)
            .field("buildings", .int, .required)
            .field("age_bands", .int, .required)
            .field("depth", .double, .required)
            .field("common_ground", .double, .required)
            .field("channels", .int, .required)
            .field("vulnerable", .int, .required)
            .field("waiting_months", .int, .required)
            .field("priority", .double, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "needs_community_priority_idx").on("needs").column("community_id")
            .column("priority").run()
        try await sql.create(index: "needs_resident_idx").on("needs").column("resident_id").run()
        try await db.schema("need_supports")
            .id()
            .field("need_id", .uuid, .required, .references("needs", "id"))
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .field("household_id", .uuid, .required)
            .field("building_id", .uuid, .required)
            .field("channel", .string, .required)
            .field("entered_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "need_id", "resident_id")
            .create()
        try await sql.create(index: "need_supports_resident_idx").on("need_supports").column("resident_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("need_supports").delete()
        try await db.schema("needs").delete()
    }
}
