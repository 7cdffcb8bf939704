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
            .field("normalised", .string, .required)
            .field("bigram_count", .int, .required)
            .field("status", .string, .required)
            .field("decline_reason", .string)
            .field("merged_into_id", .uuid, .references("needs", "id"))
            .field("status_before_merge", .string)
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
        // The ranked order of a community, read straight from the index (no sort of every need).
        try await sql.raw(
            "CREATE INDEX needs_rank_idx ON needs (community_id, priority DESC, households DESC, first_submitted_at)"
        ).run()
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
        // Each need's character bigrams, to find similar needs by an index (PostgreSQL's pg_trgm
        // drops Chinese under a C locale and SQLite has nothing like it): both databases alike.
        try await db.schema("need_bigrams")
            .field("need_id", .uuid, .required, .references("needs", "id"))
            .field("community_id", .uuid, .required)
            .field("bigram", .string, .required)
            .create()
        try await sql.create(index: "need_bigrams_lookup_idx").on("need_bigrams").column("community_id")
            .column("bigram").run()
        try await sql.create(index: "need_bigrams_need_idx").on("need_bigrams").column("need_id").run()
        // Pairs staff said are not the same need: never offered as duplicates again.
        try await db.schema("need_distinct_pairs")
            .field("need_a", .uuid, .required, .references("needs", "id"))
            .field("need_b", .uuid, .required, .references("needs", "id"))
            .unique(on: "need_a", "need_b")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("need_distinct_pairs").delete()
        try await db.schema("need_bigrams").delete()
        try await db.schema("need_supports").delete()
        try await db.schema("needs").delete()
    }
}
