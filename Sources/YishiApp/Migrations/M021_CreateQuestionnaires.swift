import Fluent
import SQLKit

/// Questionnaires (问卷) and their responses, one per resident (a unique index decides a race);
/// unsigned paper forms have no resident (issue 17 §8). The bigram index made covering.
struct M021CreateQuestionnaires: AsyncMigration {
    var name: String { "021_CreateQuestionnaires" }

    func prepare(on db: any Database) async throws {
        try await db.schema("questionnaires")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("title", .string, .required)
            .field("intro", .string, .required)
            .field("questions", .string, .required)
            .field("status", .string, .required)
            .field("days", .int, .required)
            .field("opens_at", .datetime)
            .field("closes_at", .datetime)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "questionnaires_node_idx").on("questionnaires").column("node_id").run()
        try await db.schema("questionnaire_responses")
            .id()
            .field("questionnaire_id", .uuid, .required, .references("questionnaires", "id"))
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("channel", .string, .required)
            .field("entered_by_id", .uuid)
            .field("answers", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "questionnaire_id", "resident_id")
            .create()
        try await sql.create(index: "questionnaire_responses_q_idx").on("questionnaire_responses")
            .column("questionnaire_id").run()
        // Similar needs are counted from the bigram index alone: it carries the need too.
        try await sql.drop(index: "need_bigrams_lookup_idx").run()
        // The needs joined into a need, found by an index when it is scored.
        try await sql.create(index: "needs_merged_into_idx").on("needs").column("merged_into_id").run()
        // A need's photos take places 0–4 once each: two uploads at once cannot both take the fifth.
        try await sql.create(index: "need_photos_place_idx").on("need_photos").column("need_id").column("position")
            .unique().run()
        try await sql.create(index: "need_bigrams_cover_idx").on("need_bigrams").column("community_id")
            .column("bigram").column("need_id").run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("questionnaire_responses").delete()
        try await db.schema("questionnaires").delete()
    }
}
