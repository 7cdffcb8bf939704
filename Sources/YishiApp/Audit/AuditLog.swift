import Fluent
import SQLKit
import Vapor
import YishiCore

/// What happened, for the audit log. The sequence number, time and chain are added on append.
struct AuditEvent: Sendable {
    var action: AuditAction
    var targetType: String
    var targetID: String
    var nodeID: UUID?
    var details: [String: String] = [:]
    var provenance: Provenance? = nil
    /// False only for changes that alter nothing a page reads (a sign-in adds a session and nothing
    /// else); the others empty the read caches (`ReadCaches`) when they commit.
    var changesReads = true
}

/// Who did it, as the log names them.
struct AuditActor: Sendable {
    var id: UUID?
    var label: String
    static let system = AuditActor(id: nil, label: "system")
}

enum AuditLog {
    /// Runs `body` in a transaction and appends the event it returns in that same transaction:
    /// the change and its record are stored together or not at all.
    ///
    /// Changes from many callers share one transaction and one commit (`AuditGroupCommit`); each
    /// runs in its own savepoint, so one that throws leaves the others alone, and its caller gets
    /// the error. Called inside a transaction already, it appends there.
    static func transaction<T: Sendable>(
        on db: any Database, key: String? = nil, actor: AuditActor, time: any TimeSource, atomic: Bool = false,
        _ body: @escaping @Sendable (any Database) async throws -> (T, AuditEvent)
    ) async throws -> T {
        let box = ValueBox<T>()
        let run: @Sendable (any Database) async throws -> AuditEvent = { tx in
            let (value, event) = try await body(tx)
            box.value = value
            return event
        }
        if db.inTransaction {
            try await appendInline(run, on: db, actor: actor, time: time)
        } else {
            try await AuditGroupCommit.shared.submit(
                key: key ?? AuditGroupCommit.key(db), db: db, actor: actor, time: time, atomic: atomic, body: run)
        }
        return box.value!
    }

    /// Inside a caller's transaction: the head is bumped first (the lock), then the entry.
    private static func appendInline(
        _ run: @Sendable (any Database) async throws -> AuditEvent, on tx: any Database,
        actor: AuditActor, time: any TimeSource
    ) async throws {
        let sql = tx as! any SQLDatabase
        guard
            let head = try await sql.raw("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash").first()
        else {
            throw Abort(.internalServerError, reason: "audit_head row missing")
        }
        let seq = try head.decode(column: "seq", as: Int64.self)
        let event = try await run(tx)
        let hash = try await appendEntry(
            event, seq: seq, prev: try head.decode(column: "hash", as: String.self), actor: actor, time: time, on: tx)
        try await sql.raw("UPDATE audit_head SET hash = \(bind: hash) WHERE id = 1").run()
    }

    /// Stores entry `seq` after `prev`; returns its hash. The caller keeps the head.
    static func appendEntry(
        _ event: AuditEvent, seq: Int64, prev: String, actor: AuditActor, time: any TimeSource,
        on tx: any Database
    ) async throws -> String {
        let (row, hash) = entry(event, seq: seq, prev: prev, actor: actor, time: time)
        try await insert([row], on: tx)
        return hash
    }

    /// Entry `seq` after `prev` as a row to insert, and its hash.
    static func entry(_ event: AuditEvent, seq: Int64, prev: String, actor: AuditActor, time: any TimeSource)
        -> (row: [any Encodable & Sendable], hash: String)
    {
        let record = AuditRecord(
            seq: seq, atMillis: Int64((time.now().timeIntervalSince1970 * 1000).rounded(.down)),
            actorId: actor.id, actorLabel: actor.label, action: event.action.rawValue, targetType: event.targetType,
            targetId: event.targetID, nodeId: event.nodeID,
            onBehalfOf: event.provenance?.isAssisted == true ? event.provenance?.forResident : nil,
            channel: event.provenance?.isAssisted == true ? event.provenance?.channel.rawValue : nil,
            details: event.details, prevHash: prev)
        let hash = sha256Hex(record.canonicalBytes)
        return (AuditEntry.row(record, hash: hash), hash)
    }

    /// Stores entries as plain rows (multi-row INSERTs, `BatchInsert`), without a Fluent model per entry.
    static func insert(_ rows: [[any Encodable & Sendable]], on tx: any Database) async throws {
        try await BatchInsert(table: AuditEntry.schema, columns: AuditEntry.columns, values: rows).insert(on: tx)
    }

    /// A change too long to share a group commit's batch (an import's part), in a transaction of its
    /// own with its entry appended inline; the read caches are emptied once it has committed, as a
    /// group commit does. It takes its turn at the write gate (`WriteGate`) as a batch does.
    static func ownTransaction<T: Sendable>(
        on db: any Database, actor: AuditActor, time: any TimeSource,
        _ body: @escaping @Sendable (any Database) async throws -> (T, AuditEvent)
    ) async throws -> T {
        let value = try await WriteGate.run(db) {
            try await db.transaction { tx in try await transaction(on: tx, actor: actor, time: time, body) }
        }
        ReadCaches.changed()
        return value
    }

    /// Appends one event on its own.
    static func append(_ event: AuditEvent, on db: any Database, actor: AuditActor, time: any TimeSource) async throws {
        try await transaction(on: db, actor: actor, time: time) { _ in ((), event) }
    }

    /// Reads the whole chain in pages and checks it against the head.
    static func verify(on db: any Database) async throws -> AuditVerification {
        var entries: [StoredAuditEntry] = []
        var after: Int64 = 0
        while true {
            let page = try await AuditEntry.query(on: db).filter(\.$seq > after).sort(\.$seq).limit(5000).all()
            entries += page.map { StoredAuditEntry(record: $0.record, hash: $0.hash) }
            guard let last = page.last else { break }
            after = last.seq
        }
        let sql = db as! any SQLDatabase
        let head = try await sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first()
        let headValue = try head.map {
            (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "hash", as: String.self))
        }
        return AuditChain.verify(entries, head: headValue, hash: sha256Hex)
    }
}

/// Carries a change's value out of the closure that made it inside the shared transaction.
final class ValueBox<T>: @unchecked Sendable {
    var value: T?
}
