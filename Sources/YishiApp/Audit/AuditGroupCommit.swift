import Fluent
import FluentSQLiteDriver
import SQLKit
import Vapor
import YishiCore

/// Group commit for audited changes: changes that arrive while a commit is under way wait, then
/// go together in the next transaction — each inside its own savepoint, each with its own audit
/// entry in chain order — and that transaction pays one commit (one disk flush) for all of them.
///
/// A change that fails is rolled back to its savepoint alone and its caller gets its error; the
/// others commit. A caller returns only after the commit that holds its change, so an
/// acknowledged change is on disk. Batches form per database (the key is the database's
/// configuration: SQLite file or memory id, PostgreSQL address and database), so two applications
/// in one process — as in the tests — never share a transaction. Across processes the audit
/// head's row lock still orders the writers.
///
/// An *atomic* change writes with one statement at most (an owners' ballot). On SQLite a failed
/// statement takes back its own effects and leaves the transaction going, so such a change needs
/// no savepoint: two statements fewer for each. If it fails otherwise than by a constraint (the
/// disk, the lock), the batch fails whole, as it would with a savepoint.
actor AuditGroupCommit {
    static let shared = AuditGroupCommit()
    /// Enough to pay one flush for a crowd, small enough that one batch does not hold the lock long.
    static let maxBatch = 128

    final class Item: @unchecked Sendable {
        let db: any Database
        let actor: AuditActor
        let time: any TimeSource
        let atomic: Bool
        /// Runs the change on the transaction and keeps its value; returns the event to log.
        let body: @Sendable (any Database) async throws -> AuditEvent
        let done: CheckedContinuation<Void, any Error>
        init(
            db: any Database, actor: AuditActor, time: any TimeSource, atomic: Bool,
            body: @escaping @Sendable (any Database) async throws -> AuditEvent,
            done: CheckedContinuation<Void, any Error>
        ) {
            self.db = db
            self.actor = actor
            self.time = time
            self.atomic = atomic
            self.body = body
            self.done = done
        }
    }

    private var queues: [String: [Item]] = [:]
    private var draining: Set<String> = []
    /// Per database, the pool batches commit on (`DatabasePools`): a batch never holds a
    /// connection that requests read with, even while it waits for the write lock.
    private var writers: [String: @Sendable () -> (any Database)?] = [:]

    func useWriter(_ app: Application) {
        writers[Self.key(app.db)] = { [weak app] in app?.db(.yishiWriter) }
    }

    static func key(_ db: any Database) -> String {
        String(reflecting: type(of: db.context.configuration)) + "|" + String(reflecting: db.context.configuration)
    }

    func submit(
        key: String, db: any Database, actor: AuditActor, time: any TimeSource, atomic: Bool = false,
        body: @escaping @Sendable (any Database) async throws -> AuditEvent
    ) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            queues[key, default: []].append(
                Item(db: db, actor: actor, time: time, atomic: atomic, body: body, done: done))
            if !draining.contains(key) {
                draining.insert(key)
                // Detached: the drain serves every later caller, so it must not inherit this
                // caller's task-locals (a write gate it may hold).
                Task.detached { await self.drain(key) }
            }
        }
    }

    /// The next batch: what waits, up to `maxBatch`.
    private func take(_ key: String) -> [Item] {
        let queue = queues[key] ?? []
        let batch = Array(queue.prefix(Self.maxBatch))
        queues[key] = Array(queue.dropFirst(batch.count))
        return batch
    }

    /// Commits batches while changes wait. Each batch is taken once the write gate (`WriteGate`)
    /// is ours, so what arrived while an import's part held the database goes in one batch.
    private func drain(_ key: String) async {
        while let first = queues[key]?.first {
            let db = writers[key]?() ?? first.db
            await WriteGate.run(db) {
                let batch = await self.take(key)
                if !batch.isEmpty { await Self.commit(batch, on: db) }
            }
        }
        queues[key] = nil
        draining.remove(key)
    }

    /// One transaction for the batch; every caller is resumed after it ends.
    private static func commit(_ batch: [Item], on db: any Database) async {
        let outcomes = OutcomeList(count: batch.count)
        let changedReads: Bool
        do {
            changedReads = try await db.transaction { tx in
                let sql = tx as! any SQLDatabase
                var changedReads = false
                // Taking the head first takes the write lock (SQLite) or the row lock (PostgreSQL).
                guard
                    let head = try await sql.raw("UPDATE audit_head SET seq = seq WHERE id = 1 RETURNING seq, hash")
                        .first()
                else {
                    throw Abort(.internalServerError, reason: "audit_head row missing")
                }
                var seq = try head.decode(column: "seq", as: Int64.self)
                var prev = try head.decode(column: "hash", as: String.self)
                // The entries of the changes that stood, in chain order, stored together at the end.
                var entries: [[any Encodable & Sendable]] = []
                let sqlite = sql.dialect.name == "sqlite"
                for (i, item) in batch.enumerated() {
                    let savepoint = !(item.atomic && sqlite)
                    if savepoint { try await sql.raw("SAVEPOINT audited").run() }
                    do {
                        let event = try await item.body(tx)
                        changedReads = changedReads || event.changesReads
                        let (row, hash) = AuditLog.entry(
                            event, seq: seq + 1, prev: prev, actor: item.actor, time: item.time)
                        if savepoint { try await sql.raw("RELEASE SAVEPOINT audited").run() }
                        entries.append(row)
                        seq += 1
                        prev = hash
                    } catch {
                        if savepoint {
                            try await sql.raw("ROLLBACK TO SAVEPOINT audited").run()
                            try await sql.raw("RELEASE SAVEPOINT audited").run()
                        } else if !Self.statementOnly(error) {
                            throw error
                        }
                        outcomes.fail(i, error)
                    }
                }
                try await AuditLog.insert(entries, on: tx)
                try await sql.raw("UPDATE audit_head SET seq = \(bind: seq), hash = \(bind: prev) WHERE id = 1").run()
                return changedReads
            }
        } catch {
            // Nothing of the batch was stored: every caller hears why.
            for item in batch { item.done.resume(throwing: error) }
            return
        }
        // A change may have been to someone's grants, password or sessions, or to what pages count:
        // the next request reads afresh.
        if changedReads { ReadCaches.changed() }
        for (i, item) in batch.enumerated() { item.done.resume(with: outcomes.list[i]) }
    }
}

extension AuditGroupCommit {
    /// Whether an atomic change's error left the transaction as it was: an error of the change's
    /// own (refused before writing) or a constraint its one statement broke, which SQLite takes back
    /// alone. Anything else (I/O, a full disk, the lock) may have ended the transaction.
    static func statementOnly(_ error: any Error) -> Bool {
        guard let e = error as? SQLiteError else { return !(error is any DatabaseError) }
        return statementOnly(e.reason)
    }

    static func statementOnly(_ reason: SQLiteError.Reason) -> Bool {
        switch reason {
        case .constraint, .constraintCheckFailed, .constraintForeignKeyFailed, .constraintNotNullFailed,
            .constraintPrimaryKeyFailed, .constraintTriggerFailed, .constraintUniqueFailed:
            return true
        default: return false
        }
    }
}

/// Each change's outcome in a batch, written only by the one task that runs the batch.
private final class OutcomeList: @unchecked Sendable {
    var list: [Result<Void, any Error>]
    init(count: Int) { list = Array(repeating: .success(()), count: count) }
    func fail(_ i: Int, _ error: any Error) { list[i] = .failure(error) }
}
