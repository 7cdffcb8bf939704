import Fluent
import SQLKit

/// Issue 21, money in the open (阳光居务). Yishi records money; it does not hold or move it.
///
/// - `fund_pots`: a pot at a node, its custodian and legal owner, restrictions, approval policy and
///   disclosure schedule, and its balance — moved only by a trigger on `fund_postings`, so the stored
///   balance is always the sum of its postings (and `yishi funds verify` checks that it is).
/// - `fund_entries` and `fund_postings`: a double-entry journal in integer fen. An entry's postings
///   are written first and the entry row last; the database refuses the entry unless its postings
///   sum to zero (SQLite: a trigger before the entry's insert; PostgreSQL: the same, and again at
///   commit by a deferred constraint trigger), and refuses a posting to an entry already written.
///   Neither table accepts an UPDATE or a DELETE, on either database. A correction is a reversing
///   entry (`reverses_id`, unique: at most one reversal of an entry). The idempotency key is unique;
///   `content_hash` tells a repeated request from another one under the same key.
/// - Pledges, budget lines, allocations (each resting on its decision), expenses and their
///   approvals (one per person and step), matching rules and frozen statements.
struct M030CreateFunds: AsyncMigration {
    var name: String { "030_CreateFunds" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        try await db.schema("fund_pots")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("custodian", .string, .required)
            .field("legal_owner", .string, .required)
            .field("building_id", .uuid, .references("territory_nodes", "id"))
            .field("project_id", .uuid, .references("projects", "id"))
            .field("resolution_id", .uuid, .references("meeting_resolutions", "id"))
            .field("authorised_fen", .int64)
            .field("purposes", .string, .required)
            .field("policy", .string, .required)
            .field("schedule", .string, .required)
            .field("fiscal_year_start", .int, .required)
            .field("show_names", .bool, .required)
            .field("show_invoices", .bool, .required)
            .field("status", .string, .required)
            .field("balance", .int64, .required, .sql(.default(0)))
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "node_id", "name")
            .unique(on: "building_id")
            .unique(on: "resolution_id")
            .create()
        try await sql.create(index: "fund_pots_project_idx").on("fund_pots").column("project_id").run()
        try await db.schema("fund_entries")
            .id()
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("kind", .string, .required)
            .field("effective", .string, .required)
            .field("recorded_at", .datetime, .required)
            .field("memo", .string, .required)
            .field("entered_by_id", .uuid)
            .field("party", .string)
            .field("on_behalf", .string)
            .field("receipt_no", .string)
            .field("counted_by", .string)
            .field("idempotency_key", .string)
            .field("content_hash", .string, .required)
            .field("reverses_id", .uuid, .references("fund_entries", "id"))
            .field("pledge_id", .uuid)
            .field("expense_id", .uuid)
            .field("project_id", .uuid)
            .field("household_id", .uuid)
            .field("rule_id", .uuid)
            .field("rule_version", .int)
            .field("source_entry_id", .uuid, .references("fund_entries", "id"))
            .unique(on: "idempotency_key")
            .unique(on: "reverses_id")
            .unique(on: "rule_id", "source_entry_id")
            .create()
        try await sql.create(index: "fund_entries_node_idx").on("fund_entries").column("node_id").column("recorded_at")
            .run()
        try await sql.create(index: "fund_entries_project_idx").on("fund_entries").column("project_id").run()
        try await sql.create(index: "fund_entries_source_idx").on("fund_entries").column("source_entry_id").run()
        try await db.schema("fund_postings")
            .id()
            .field("entry_id", .uuid, .required)
            .field("account", .string, .required)
            .field("pot_id", .uuid)
            .field("fen", .int64, .required)
            .field("effective", .string, .required)
            .create()
        try await sql.create(index: "fund_postings_entry_idx").on("fund_postings").column("entry_id").run()
        try await sql.create(index: "fund_postings_pot_idx").on("fund_postings").column("pot_id").column("effective")
            .run()
        try await db.schema("fund_pledges")
            .id()
            .field("pot_id", .uuid, .required, .references("fund_pots", "id"))
            .field("project_id", .uuid, .references("projects", "id"))
            .field("party_kind", .string, .required)
            .field("party_name", .string, .required)
            .field("household_id", .uuid)
            .field("fen", .int64, .required)
            .field("in_kind", .string)
            .field("threshold_fen", .int64)
            .field("deadline", .string)
            .field("status", .string, .required)
            .field("received_fen", .int64, .required, .sql(.default(0)))
            .field("entered_by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "fund_pledges_pot_idx").on("fund_pledges").column("pot_id").run()
        try await db.schema("fund_budget_lines")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("line", .string, .required)
            .field("title", .string, .required)
            .field("planned_fen", .int64, .required)
            .field("created_at", .datetime)
            .unique(on: "project_id", "line")
            .create()
        try await db.schema("fund_allocations")
            .id()
            .field("pot_id", .uuid, .required, .references("fund_pots", "id"))
            .field("project_id", .uuid, .required, .references("projects", "id"))
            .field("line", .string, .required)
            .field("fen", .int64, .required)
            .field("decision", .string, .required)
            .field("meeting_id", .uuid, .references("meetings", "id"))
            .field("vote_id", .uuid, .references("owner_votes", "id"))
            .field("decision_ref", .string)
            .field("status", .string, .required)
            .unique(on: "vote_id")
            .field("approved_fen", .int64, .required, .sql(.default(0)))
            .field("paid_fen", .int64, .required, .sql(.default(0)))
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "fund_allocations_pot_idx").on("fund_allocations").column("pot_id").column("status")
            .run()
        try await sql.create(index: "fund_allocations_project_idx").on("fund_allocations").column("project_id").run()
        try await db.schema("fund_expenses")
            .id()
            .field("allocation_id", .uuid, .required, .references("fund_allocations", "id"))
            .field("title", .string, .required)
            .field("payee", .string, .required)
            .field("items", .string, .required)
            .field("fen", .int64, .required)
            .field("invoice_no", .string)
            .field("contract", .string)
            .field("files", .string, .required)
            .field("status", .string, .required)
            .field("comment", .string)
            .field("created_by_id", .uuid)
            .field("submitted_by_id", .uuid)
            .field("submitted_at", .datetime)
            .field("paid_entry_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await sql.create(index: "fund_expenses_allocation_idx").on("fund_expenses").column("allocation_id").run()
        try await db.schema("fund_approvals")
            .id()
            .field("expense_id", .uuid, .required, .references("fund_expenses", "id"))
            .field("step", .int, .required)
            .field("user_id", .uuid, .required)
            .field("decision", .string, .required)
            .field("comment", .string)
            .field("at", .datetime, .required)
            .unique(on: "expense_id", "step", "user_id")
            .create()
        try await db.schema("fund_matching_rules")
            .id()
            .field("matcher_pot_id", .uuid, .required, .references("fund_pots", "id"))
            .field("target_pot_id", .uuid, .required, .references("fund_pots", "id"))
            .field("version", .int, .required)
            .field("rule", .string, .required)
            .field("kinds", .string, .required)
            .field("subtree_id", .uuid, .references("territory_nodes", "id"))
            .field("once_per_household", .bool, .required)
            .field("trigger", .string, .required, .sql(.default("receipt")))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .field("status", .string, .required)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "matcher_pot_id", "version")
            .create()
        try await db.schema("fund_statements")
            .id()
            .field("pot_id", .uuid, .required, .references("fund_pots", "id"))
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("figures", .string, .required)
            .field("hash", .string, .required)
            .field("entries", .int, .required)
            .field("open_allocations_fen", .int64, .required, .sql(.default(0)))
            .field("open_pledges_fen", .int64, .required, .sql(.default(0)))
            .field("reported_fen", .int64)
            .field("explanation", .string)
            .field("notice_id", .uuid)
            .field("created_by_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "pot_id", "period_from", "period_to")
            .create()
        try await Self.protect(sql)
    }

    static let refusal = "ledger entries and postings cannot be changed or deleted"

    /// The database's part of the ledger's rules (see the type's comment). `yishi funds verify`
    /// checks these triggers are in place.
    static func protect(_ sql: any SQLDatabase) async throws {
        func run(_ statement: String) async throws { try await sql.raw("\(unsafeRaw: statement)").run() }
        let message = refusal
        if sql.dialect.name == "sqlite" {
            try await run(
                """
                CREATE TRIGGER fund_entries_balanced BEFORE INSERT ON fund_entries BEGIN
                  SELECT RAISE(ABORT, 'entry does not balance') WHERE
                    (SELECT COUNT(*) FROM fund_postings WHERE entry_id = NEW.id) < 2
                    OR (SELECT SUM(fen) FROM fund_postings WHERE entry_id = NEW.id) <> 0;
                END
                """)
            try await run(
                """
                CREATE TRIGGER fund_postings_open BEFORE INSERT ON fund_postings BEGIN
                  SELECT RAISE(ABORT, 'entry already written') WHERE EXISTS (SELECT 1 FROM fund_entries WHERE id = NEW.entry_id);
                  SELECT RAISE(ABORT, 'pot closed') WHERE NEW.pot_id IS NOT NULL
                    AND NOT EXISTS (SELECT 1 FROM fund_pots WHERE id = NEW.pot_id AND status = 'open');
                END
                """)
            try await run(
                """
                CREATE TRIGGER fund_postings_balance AFTER INSERT ON fund_postings WHEN NEW.pot_id IS NOT NULL BEGIN
                  UPDATE fund_pots SET balance = balance + NEW.fen WHERE id = NEW.pot_id;
                END
                """)
            for t in ["fund_entries", "fund_postings"] {
                for op in ["UPDATE", "DELETE"] {
                    try await run(
                        "CREATE TRIGGER \(t)_no_\(op.lowercased()) BEFORE \(op) ON \(t) BEGIN SELECT RAISE(ABORT, '\(message)'); END"
                    )
                }
            }
        } else {
            try await run(
                """
                CREATE FUNCTION yishi_fund_entry_balanced() RETURNS trigger AS $$
                DECLARE n bigint; s numeric;
                BEGIN
                  SELECT COUNT(*), COALESCE(SUM(fen), 0) INTO n, s FROM fund_postings WHERE entry_id = NEW.id;
                  IF n < 2 OR s <> 0 THEN RAISE EXCEPTION 'entry does not balance'; END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """)
            try await run(
                "CREATE TRIGGER fund_entries_balanced BEFORE INSERT ON fund_entries FOR EACH ROW EXECUTE FUNCTION yishi_fund_entry_balanced()"
            )
            try await run(
                """
                CREATE CONSTRAINT TRIGGER fund_entries_balanced_at_commit AFTER INSERT ON fund_entries
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION yishi_fund_entry_balanced()
                """)
            try await run(
                """
                CREATE FUNCTION yishi_fund_posting_has_entry() RETURNS trigger AS $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM fund_entries WHERE id = NEW.entry_id) THEN
                    RAISE EXCEPTION 'posting without its entry';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """)
            try await run(
                """
                CREATE CONSTRAINT TRIGGER fund_postings_entry_at_commit AFTER INSERT ON fund_postings
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION yishi_fund_posting_has_entry()
                """)
            try await run(
                """
                CREATE FUNCTION yishi_fund_posting() RETURNS trigger AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM fund_entries WHERE id = NEW.entry_id) THEN
                    RAISE EXCEPTION 'entry already written';
                  END IF;
                  IF NEW.pot_id IS NOT NULL THEN
                    UPDATE fund_pots SET balance = balance + NEW.fen WHERE id = NEW.pot_id AND status = 'open';
                    IF NOT FOUND THEN RAISE EXCEPTION 'pot closed'; END IF;
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """)
            try await run(
                "CREATE TRIGGER fund_postings_balance BEFORE INSERT ON fund_postings FOR EACH ROW EXECUTE FUNCTION yishi_fund_posting()"
            )
            try await run(
                """
                CREATE FUNCTION yishi_fund_refuse() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION '\(message)'; END $$ LANGUAGE plpgsql
                """)
            for t in ["fund_entries", "fund_postings"] {
                try await run(
                    "CREATE TRIGGER \(t)_frozen BEFORE UPDATE OR DELETE ON \(t) FOR EACH ROW EXECUTE FUNCTION yishi_fund_refuse()"
                )
            }
        }
    }

    /// The triggers `protect` makes, by database: `yishi funds verify` fails when one is missing.
    static func triggers(sqlite: Bool) -> [String] {
        sqlite
            ? [
                "fund_entries_balanced", "fund_postings_open", "fund_postings_balance", "fund_entries_no_update",
                "fund_entries_no_delete", "fund_postings_no_update", "fund_postings_no_delete",
            ]
            : [
                "fund_entries_balanced", "fund_entries_balanced_at_commit", "fund_postings_balance",
                "fund_postings_entry_at_commit",
                "fund_entries_frozen", "fund_postings_frozen",
            ]
    }

    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            for f in [
                "yishi_fund_refuse", "yishi_fund_posting", "yishi_fund_entry_balanced", "yishi_fund_posting_has_entry",
            ] {
                try await sql.raw("DROP FUNCTION IF EXISTS \(unsafeRaw: f)() CASCADE").run()
            }
        }
        for t in [
            "fund_statements", "fund_matching_rules", "fund_approvals", "fund_expenses", "fund_allocations",
            "fund_budget_lines", "fund_pledges", "fund_postings", "fund_entries", "fund_pots",
        ] {
            try await db.schema(t).delete()
        }
    }
}
