import Fluent
import SQLKit

/// Issue 18's second part: votes between design options at a meeting and their ballots (one
/// online ballot per resident: a unique index); a project's records of its works and review;
/// followers of a project and the notifications they get (texts by key), with each user's daily
/// count of text messages; a questionnaire run for a project (its satisfaction survey).
struct M025CreateVotesWorksAndFollowing: AsyncMigration {
    var name: String { "025_CreateVotesWorksAndFollowing" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("option_votes")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("method", .string, .required)
            .field("max_picks", .int)
            .field("tie_break", .string, .required)
            .field("option_ids", .string, .required)
            .field("status", .string, .required)
            .field("spoilt", .int, .required)
            .field("result", .string)
            .field("opened_by_id", .uuid)
            .field("created_at", .datetime)
            .field("closed_at", .datetime)
            .create()
        try await sql.create(index: "option_votes_meeting_idx").on("option_votes").column("meeting_id").run()
        try await db.schema("option_ballots")
            .id()
            .field("vote_id", .uuid, .required, .references("option_votes", "id"))
            .field("resident_id", .uuid, .references("residents", "id"))
            .field("picks", .string, .required)
            .field("count", .int, .required)
            .field("entered_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "vote_id", "resident_id")
            .create()
        try await db.schema("design_options").field("chosen_by_vote_id", .uuid).update()
        try await db.schema("project_records")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("kind", .string, .required)
            .field("stage", .int, .required)
            .field("text", .string, .required)
            .field("party", .string)
            .field("method", .string)
            .field("amount_fen", .int64)
            .field("percent", .int)
            .field("result", .string)
            .field("happened_on", .string)
            .field("meeting_id", .uuid, .references("meetings", "id"))
            .field("attachments", .string, .required)
            .field("by_id", .uuid)
            .field("by_resident", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "project_records_project_idx").on("project_records").column("project_id")
            .column("created_at").run()
        try await db.schema("project_followers")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("sms", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "project_id", "user_id")
            .create()
        try await db.schema("notifications")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("text_key", .string, .required)
            .field("args", .string, .required)
            .field("link", .string, .required)
            .field("created_at", .datetime, .required)
            .field("read_at", .datetime)
            .create()
        try await sql.create(index: "notifications_user_idx").on("notifications").column("user_id")
            .column("created_at").run()
        try await db.schema("sms_daily_counts")
            .field("user_id", .uuid, .required)
            .field("day", .string, .required)
            .field("sent", .int64, .required)
            .unique(on: "user_id", "day")
            .create()
        try await db.schema("questionnaires").field("project_id", .uuid).update()
        // A resolution's electorate as chosen, and a village's household counts.
        // SQLite adds one column at a time.
        try await db.schema("meeting_resolutions").field("basis", .string).update()
        try await db.schema("meeting_resolutions").field("households", .int).update()
        try await db.schema("meeting_resolutions").field("households_present", .int).update()
        // Who raised a hand for a resolution, ticked on the list of those signed in (one each).
        try await db.schema("resolution_hands")
            .id()
            .field("resolution_id", .uuid, .required, .references("meeting_resolutions", "id"))
            .field("resident_id", .uuid, .required, .references("residents", "id"))
            .unique(on: "resolution_id", "resident_id")
            .create()
        // Where a meeting sits among the four levels of deliberation venues.
        try await db.schema("meetings").field("venue_level", .string).update()
        // Views expressed at a meeting, and follow-up actions with an owner and a due date.
        try await db.schema("meeting_items")
            .id()
            .field("meeting_id", .uuid, .required, .references("meetings", "id"))
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("owner", .string)
            .field("due_on", .string)
            .field("done_at", .datetime)
            .field("attachment_id", .uuid, .references("attachments", "id"))
            .field("by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "meeting_items_meeting_idx").on("meeting_items").column("meeting_id").run()
        // A project's working group: staff accounts, residents of the register, or a contractor's name.
        try await db.schema("project_members")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("role", .string, .required)
            .field("user_id", .uuid)
            .field("resident_id", .uuid)
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "project_id", "role", "name")
            .create()
        // Photos held for a need still to be sent are marked: only they are ever purged (before,
        // every file of the sender's that no need, notice or job used was — a project's drawings too).
        try await db.schema("attachments").field("held", .bool).update()
        // A project's point, when it has one.
        try await db.schema("projects").field("lat", .double).update()
        try await db.schema("projects").field("lon", .double).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("resolution_hands").delete()
        try await db.schema("attachments").deleteField("held").update()
        try await db.schema("projects").deleteField("lon").update()
        try await db.schema("projects").deleteField("lat").update()
        try await db.schema("project_members").delete()
        try await db.schema("meeting_items").delete()
        try await db.schema("meetings").deleteField("venue_level").update()
        for f in ["basis", "households", "households_present"] {
            try await db.schema("meeting_resolutions").deleteField(FieldKey(stringLiteral: f)).update()
        }
        try await db.schema("questionnaires").deleteField("project_id").update()
        try await db.schema("sms_daily_counts").delete()
        for t in ["notifications", "project_followers", "project_records"] { try await db.schema(t).delete() }
        try await db.schema("design_options").deleteField("chosen_by_vote_id").update()
        for t in ["option_ballots", "option_votes"] { try await db.schema(t).delete() }
    }
}
