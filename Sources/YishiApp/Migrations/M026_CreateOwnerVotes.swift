import Fluent
import SQLKit

/// Issue 19: owners' votes on the platform. The vote; each freeze of its register (a version, its
/// hash and reason) with the persons and the owner index of that version; the ballot that counts
/// for each person (one row per person: a unique index, so two at once cannot both count) and every
/// ballot as entered, cast or corrected, with its receipt and its link in the hash chain; a
/// district's setting for the register's correction period. The record cannot be deleted or
/// changed through the platform: triggers refuse it on both databases.
struct M026CreateOwnerVotes: AsyncMigration {
    var name: String { "026_CreateOwnerVotes" }

    /// Tables whose rows are written once: no UPDATE, no DELETE.
    static let appendOnly = ["owner_vote_registers", "owner_vote_persons", "owner_vote_owners", "owner_ballot_events"]
    /// Tables whose rows change (a vote's state, a person's current ballot) but are never deleted.
    static let neverDeleted = ["owner_votes", "owner_ballots"]

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("owner_votes")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("project_id", .uuid, .references("projects", "id"))
            .field("scope", .string, .required)
            .field("scope_label", .string)
            .field("part_buildings", .string, .required)
            .field("matter", .int, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("count_parking", .bool, .required)
            .field("silence", .bool, .required)
            .field("silence_rule", .string)
            .field("notice_days", .int, .required)
            .field("opens_at", .datetime)
            .field("closes_at", .datetime)
            .field("status", .string, .required)
            .field("register_version", .int, .required)
            .field("register_hash", .string)
            .field("register_notice_id", .uuid)
            .field("register_published_at", .datetime)
            .field("chain_seq", .int, .required)
            .field("chain_head", .string)
            .field("opened_at", .datetime)
            .field("closed_at", .datetime)
            .field("result", .string)
            .field("result_status", .string)
            .field("result_hash", .string)
            .field("result_notice_id", .uuid)
            .field("files", .string, .required)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await sql.create(index: "owner_votes_node_idx").on("owner_votes").column("node_id").run()
        try await sql.create(index: "owner_votes_project_idx").on("owner_votes").column("project_id").run()
        try await db.schema("owner_vote_registers")
            .id()
            .field("vote_id", .uuid, .required, .references("owner_votes", "id"))
            .field("version", .int, .required)
            .field("hash", .string, .required)
            .field("persons", .int, .required)
            .field("area", .int64, .required)
            .field("notes", .string, .required)
            .field("reason", .string)
            .field("by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "vote_id", "version")
            .create()
        try await db.schema("owner_vote_persons")
            .field("vote_id", .uuid, .required, .references("owner_votes", "id"))
            .field("version", .int, .required)
            .field("number", .int, .required)
            .field("owners", .string, .required)
            .field("names", .string, .required)
            .field("units", .string, .required)
            .field("area", .int64, .required)
            .field("developer", .bool, .required)
            .field("designated", .string)
            .unique(on: "vote_id", "version", "number")
            .create()
        try await db.schema("owner_vote_owners")
            .field("vote_id", .uuid, .required, .references("owner_votes", "id"))
            .field("version", .int, .required)
            .field("owner_code", .string, .required)
            .field("person", .int, .required)
            .field("phone", .string)
            .unique(on: "vote_id", "version", "owner_code")
            .create()
        try await sql.create(index: "owner_vote_owners_phone_idx").on("owner_vote_owners").column("phone").run()
        try await db.schema("owner_ballots")
            .id()
            .field("vote_id", .uuid, .required, .references("owner_votes", "id"))
            .field("person", .int, .required)
            .field("owner_code", .string, .required)
            .field("choice", .string, .required)
            .field("invalid_reason", .string)
            .field("channel", .string, .required)
            .field("version", .int, .required)
            .field("seq", .int, .required)
            .field("receipt", .string, .required)
            .field("entered_by_id", .uuid)
            .field("updated_at", .datetime)
            .unique(on: "vote_id", "person")
            .create()
        try await db.schema("owner_ballot_events")
            .id()
            .field("vote_id", .uuid, .required, .references("owner_votes", "id"))
            .field("seq", .int, .required)
            .field("person", .int, .required)
            .field("owner_code", .string, .required)
            .field("choice", .string, .required)
            .field("invalid_reason", .string)
            .field("channel", .string, .required)
            .field("serial", .string)
            .field("proxy_name", .string)
            .field("instruction", .string)
            .field("scan_id", .uuid)
            .field("authority_id", .uuid)
            .field("version", .int, .required)
            .field("receipt", .string, .required)
            .field("entered_by", .string, .required)
            .field("entered_by_id", .uuid)
            .field("at", .datetime, .required)
            .field("hash", .string, .required)
            .unique(on: "vote_id", "seq")
            .unique(on: "receipt")
            .create()
        try await sql.create(index: "owner_ballot_events_person_idx").on("owner_ballot_events").column("vote_id")
            .column("person").run()
        try await db.schema("owner_vote_settings")
            .field("district_id", .uuid, .identifier(auto: false), .references("territory_nodes", "id"))
            .field("notice_days", .int, .required)
            .field("updated_at", .datetime)
            .create()
        try await Self.protect(sql)
    }

    // A ballot entered moves the chain's head and becomes the person's ballot that counts, in the
    // statement that stores it: the first of a person is an INSERT (a second one at the same time
    // breaks the unique index), a correction replaces exactly the version it corrects.
    static let columns =
        "id, vote_id, person, owner_code, choice, invalid_reason, channel, version, seq, receipt, entered_by_id, updated_at"
    static let values =
        "NEW.id, NEW.vote_id, NEW.person, NEW.owner_code, NEW.choice, NEW.invalid_reason, NEW.channel, NEW.version, NEW.seq, NEW.receipt, NEW.entered_by_id, NEW.at"
    static let replace = """
        owner_code = NEW.owner_code, choice = NEW.choice, invalid_reason = NEW.invalid_reason, channel = NEW.channel,
        version = NEW.version, seq = NEW.seq, receipt = NEW.receipt, entered_by_id = NEW.entered_by_id, updated_at = NEW.at
        """

    static func protect(_ sql: any SQLDatabase) async throws {
        let message = "the records of owners votes cannot be changed or deleted"
        func run(_ statement: String) async throws { try await sql.raw("\(unsafeRaw: statement)").run() }
        let (columns, values, replace) = (Self.columns, Self.values, Self.replace)
        if sql.dialect.name == "sqlite" {
            try await run(
                """
                CREATE TRIGGER owner_ballot_events_count AFTER INSERT ON owner_ballot_events BEGIN
                  UPDATE owner_votes SET chain_head = NEW.hash WHERE id = NEW.vote_id;
                  INSERT INTO owner_ballots (\(columns)) SELECT \(values) WHERE NEW.version = 1;
                  UPDATE owner_ballots SET \(replace)
                    WHERE NEW.version > 1 AND vote_id = NEW.vote_id AND person = NEW.person AND version = NEW.version - 1;
                  SELECT RAISE(ABORT, 'stale ballot') WHERE NEW.version > 1 AND NOT EXISTS (
                    SELECT 1 FROM owner_ballots WHERE vote_id = NEW.vote_id AND person = NEW.person AND version = NEW.version);
                END
                """)
            for t in appendOnly {
                for op in ["UPDATE", "DELETE"] {
                    try await run(
                        "CREATE TRIGGER \(t)_no_\(op.lowercased()) BEFORE \(op) ON \(t) BEGIN SELECT RAISE(ABORT, '\(message)'); END"
                    )
                }
            }
            for t in neverDeleted {
                try await run(
                    "CREATE TRIGGER \(t)_no_delete BEFORE DELETE ON \(t) BEGIN SELECT RAISE(ABORT, '\(message)'); END")
            }
        } else {
            try await run(
                """
                CREATE FUNCTION yishi_owner_ballot_counts() RETURNS trigger AS $$
                BEGIN
                  UPDATE owner_votes SET chain_head = NEW.hash WHERE id = NEW.vote_id;
                  IF NEW.version = 1 THEN
                    INSERT INTO owner_ballots (\(columns)) VALUES (\(values));
                  ELSE
                    UPDATE owner_ballots SET \(replace)
                      WHERE vote_id = NEW.vote_id AND person = NEW.person AND version = NEW.version - 1;
                    IF NOT FOUND THEN RAISE EXCEPTION 'stale ballot'; END IF;
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """)
            try await run(
                "CREATE TRIGGER owner_ballot_events_count AFTER INSERT ON owner_ballot_events FOR EACH ROW EXECUTE FUNCTION yishi_owner_ballot_counts()"
            )
            try await run(
                """
                CREATE FUNCTION yishi_owner_votes_refuse() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '\(message.replacingOccurrences(of: "'", with: "''"))'; END $$ LANGUAGE plpgsql
                """)
            for t in appendOnly {
                try await run(
                    "CREATE TRIGGER \(t)_frozen BEFORE UPDATE OR DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION yishi_owner_votes_refuse()"
                )
            }
            for t in neverDeleted {
                try await run(
                    "CREATE TRIGGER \(t)_kept BEFORE DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION yishi_owner_votes_refuse()"
                )
            }
        }
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS yishi_owner_votes_refuse() CASCADE").run()
            try await sql.raw("DROP FUNCTION IF EXISTS yishi_owner_ballot_counts() CASCADE").run()
        }
        for t in [
            "owner_vote_settings", "owner_ballot_events", "owner_ballots", "owner_vote_owners",
            "owner_vote_persons", "owner_vote_registers", "owner_votes",
        ] {
            try await db.schema(t).delete()
        }
    }
}
