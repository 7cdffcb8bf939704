import Fluent
import SQLKit
import Vapor
import YishiCore

/// The one way an entry is written: its postings checked by `JournalEntry.check`, then written
/// (postings first, the entry last, so the database can refuse an entry that does not balance),
/// inside the caller's audited transaction. Entries are never changed; a correction is `reverse`.
enum FundLedger {
    struct NewEntry: Sendable {
        var node: UUID
        var kind: EntryKind
        var effective: String
        var memo: String
        var postings: [Posting]
        var enteredBy: UUID?
        var party: FundParty? = nil
        var onBehalf: String? = nil
        var receiptNo: String? = nil
        var countedBy: String? = nil
        var idempotencyKey: String? = nil
        var reverses: UUID? = nil
        var pledge: UUID? = nil
        var expense: UUID? = nil
        var project: UUID? = nil
        var household: UUID? = nil
        var rule: UUID? = nil
        var ruleVersion: Int? = nil
        var sourceEntry: UUID? = nil

        /// What the idempotency key is compared by: the same request gives the same hash.
        var contentHash: String {
            sha256Hex(
                JournalEntry.canonical(postings: postings, effective: effective, memo: memo, kind: kind.rawValue)
                    + "\n"
                    + [party?.rawValue, onBehalf, receiptNo, countedBy, pledge?.uuidString, project?.uuidString]
                    .map { $0 ?? "" }.joined(separator: "|"))
        }
    }

    /// Writes an entry in `tx` (the caller's audited transaction). The postings must have passed
    /// `JournalEntry.check`; the database checks the sum again.
    static func write(_ e: NewEntry, id: UUID, at now: Date, on tx: any Database) async throws {
        let sql = tx as! any SQLDatabase
        let rows: [SQLQueryString] = e.postings.map { p in
            "(\(bind: UUID()), \(bind: id), \(bind: p.account), \(bind: LedgerAccount.potID(p.account)), \(bind: p.fen), \(bind: e.effective))"
        }
        try await sql.raw(
            "INSERT INTO fund_postings (id, entry_id, account, pot_id, fen, effective) VALUES \(rows.joined(separator: ", "))"
        ).run()
        try await sql.raw(
            """
            INSERT INTO fund_entries (id, node_id, kind, effective, recorded_at, memo, entered_by_id, party, on_behalf,
              receipt_no, counted_by, idempotency_key, content_hash, reverses_id, pledge_id, expense_id, project_id,
              household_id, rule_id, rule_version, source_entry_id)
            VALUES (\(bind: id), \(bind: e.node), \(bind: e.kind.rawValue), \(bind: e.effective), \(bind: now),
              \(bind: e.memo), \(bind: e.enteredBy), \(bind: e.party?.rawValue), \(bind: e.onBehalf), \(bind: e.receiptNo),
              \(bind: e.countedBy), \(bind: e.idempotencyKey), \(bind: e.contentHash), \(bind: e.reverses),
              \(bind: e.pledge), \(bind: e.expense), \(bind: e.project), \(bind: e.household), \(bind: e.rule),
              \(bind: e.ruleVersion), \(bind: e.sourceEntry))
            """
        ).run()
    }

    /// The database refused a posting to a closed pot (its trigger), as when a pot is closed while
    /// money is being entered into it.
    static func isPotClosed(_ e: any Error) -> Bool { String(reflecting: e).contains("pot closed") }

    /// The entry already written under `key`: nil when there is none; its id when it is the same
    /// request; 409 when the key was used for other content.
    static func replay(_ key: String?, hash: String, on db: any Database) async throws -> UUID? {
        guard let key else { return nil }
        guard let row = try await FundEntry.query(on: db).filter(\.$idempotencyKey == key).first() else { return nil }
        guard row.contentHash == hash else { throw YishiError.conflict(key: FundText.keyReused.key) }
        return row.id
    }

    /// The audit event of an entry: its content hash links it into the chain.
    static func event(_ action: AuditAction, _ e: NewEntry, id: UUID) -> AuditEvent {
        let moved = e.postings.filter { $0.fen > 0 }.reduce(Int64(0)) { $0 + $1.fen }
        return AuditEvent(
            action: action, targetType: "fundEntry", targetID: id.uuidString, nodeID: e.node,
            details: [
                "kind": e.kind.rawValue, "yuan": Yuan.text(moved), "effective": e.effective, "hash": e.contentHash,
            ])
    }

    /// Which of `entries` have been reversed. One equality lookup each (in one statement): the
    /// column is almost all NULL, and SQLite's statistics then make it scan for an IN list.
    static func reversed(among entries: [UUID], on db: any Database) async throws -> Set<UUID> {
        var out = Set<UUID>()
        for part in entries.chunked(100) where !part.isEmpty {
            let union = part.map {
                "SELECT reverses_id FROM fund_entries WHERE reverses_id = \(bind: $0)" as SQLQueryString
            }
            .joined(separator: " UNION ALL ")
            for r in try await (db as! any SQLDatabase).raw(union).all() {
                if let id = try r.decode(column: "reverses_id", as: UUID?.self) { out.insert(id) }
            }
        }
        return out
    }

    /// The postings of entries, by entry.
    static func postings(of entries: [UUID], on db: any Database) async throws -> [UUID: [Posting]] {
        guard !entries.isEmpty else { return [:] }
        var out: [UUID: [Posting]] = [:]
        for p in try await FundPosting.query(on: db).filter(\.$entryID ~~ entries).all() {
            out[p.entryID, default: []].append(Posting(p.account, p.fen))
        }
        // Money in first, then by account: the same entry always reads the same.
        return out.mapValues { $0.sorted { ($1.fen, $0.account) < ($0.fen, $1.account) } }
    }

    /// The key's length and characters: printable ASCII, at most 100.
    static func checkKey(_ key: String?) throws -> String? {
        guard let k = key?.trimmed, !k.isEmpty else { return nil }
        guard k.count <= 100, k.allSatisfy({ $0.isASCII && !$0.isWhitespace && !$0.isNewline }) else {
            throw Funds.invalid("idempotencyKey", FundText.keyInvalid)
        }
        return k
    }
}
