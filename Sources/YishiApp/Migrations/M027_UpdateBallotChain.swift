import Fluent
import SQLKit

/// Issue 19, the ballot's write path in one statement. Each ballot entered now stores the hash it
/// follows (`previous`), and a trigger refuses it unless the vote is open (and not past its closing
/// time) and the ballot continues the chain exactly where it stands: its `seq` the next and its
/// `previous` the head. The trigger that counts a ballot moves both the chain's `seq` and head. So
/// the platform need not read the head before each ballot (it keeps it in memory) and still cannot
/// break the chain: a head kept from an older state is refused ("chain moved") and read again.
struct M027UpdateBallotChain: AsyncMigration {
    var name: String { "027_UpdateBallotChain" }

    func prepare(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        func run(_ statement: String) async throws { try await sql.raw("\(unsafeRaw: statement)").run() }
        try await db.schema("owner_ballot_events").field("previous", .string).update()
        let (columns, values, replace) = (
            M026CreateOwnerVotes.columns, M026CreateOwnerVotes.values, M026CreateOwnerVotes.replace
        )
        if sql.dialect.name == "sqlite" {
            try await run(
                """
                CREATE TRIGGER owner_ballot_events_chain BEFORE INSERT ON owner_ballot_events BEGIN
                  SELECT RAISE(ABORT, 'vote not open') WHERE NOT EXISTS (
                    SELECT 1 FROM owner_votes WHERE id = NEW.vote_id AND status = 'open'
                      AND (closes_at IS NULL OR closes_at > NEW.at));
                  SELECT RAISE(ABORT, 'chain moved') WHERE NOT EXISTS (
                    SELECT 1 FROM owner_votes WHERE id = NEW.vote_id AND chain_seq + 1 = NEW.seq
                      AND chain_head IS NEW.previous);
                END
                """)
            try await run("DROP TRIGGER owner_ballot_events_count")
            try await run(
                """
                CREATE TRIGGER owner_ballot_events_count AFTER INSERT ON owner_ballot_events BEGIN
                  UPDATE owner_votes SET chain_seq = NEW.seq, chain_head = NEW.hash WHERE id = NEW.vote_id;
                  INSERT INTO owner_ballots (\(columns)) SELECT \(values) WHERE NEW.version = 1;
                  UPDATE owner_ballots SET \(replace)
                    WHERE NEW.version > 1 AND vote_id = NEW.vote_id AND person = NEW.person AND version = NEW.version - 1;
                  SELECT RAISE(ABORT, 'stale ballot') WHERE NEW.version > 1 AND NOT EXISTS (
                    SELECT 1 FROM owner_ballots WHERE vote_id = NEW.vote_id AND person = NEW.person AND version = NEW.version);
                END
                """)
        } else {
            try await run(
                """
                CREATE FUNCTION yishi_owner_ballot_chain() RETURNS trigger AS $$
                DECLARE v RECORD;
                BEGIN
                  SELECT status, closes_at, chain_seq, chain_head INTO v FROM owner_votes WHERE id = NEW.vote_id FOR UPDATE;
                  IF NOT FOUND OR v.status <> 'open' OR (v.closes_at IS NOT NULL AND v.closes_at <= NEW.at) THEN
                    RAISE EXCEPTION 'vote not open';
                  END IF;
                  IF v.chain_seq + 1 <> NEW.seq OR v.chain_head IS DISTINCT FROM NEW.previous THEN
                    RAISE EXCEPTION 'chain moved';
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql
                """)
            try await run(
                "CREATE TRIGGER owner_ballot_events_chain BEFORE INSERT ON owner_ballot_events FOR EACH ROW EXECUTE FUNCTION yishi_owner_ballot_chain()"
            )
            try await run(
                """
                CREATE OR REPLACE FUNCTION yishi_owner_ballot_counts() RETURNS trigger AS $$
                BEGIN
                  UPDATE owner_votes SET chain_seq = NEW.seq, chain_head = NEW.hash WHERE id = NEW.vote_id;
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
        }
    }

    /// The counting trigger stays as it is: it sets the chain's `seq` to the one the ballot carries,
    /// which is what the earlier write path's own increment had made it.
    func revert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS owner_ballot_events_chain").run()
        } else {
            try await sql.raw("DROP FUNCTION IF EXISTS yishi_owner_ballot_chain() CASCADE").run()
        }
        try await db.schema("owner_ballot_events").deleteField("previous").update()
    }
}
