import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor

@testable import YishiApp

/// Writers take turns in the order they came (`WriteGate`): a change that arrives while an
/// import's part holds the database is stored before the import's next part, not after the
/// import. Before, the waiting writer slept in SQLite's busy handler and the next part, starting
/// a millisecond after the last, took the lock first — every time, until the import ended.
@Suite("Writers take turns")
struct WriteGateTests {
    /// A part of an import as the importer writes it: its own transaction, with an audit entry.
    /// It holds the database until `release` is set (at once when nil).
    static func part(
        _ name: String, _ t: TestContext, started: NIOLockedValueBox<Bool>? = nil,
        release: NIOLockedValueBox<Bool>? = nil,
        seen: NIOLockedValueBox<[String: Int]>? = nil
    ) async throws {
        try await AuditLog.ownTransaction(on: t.app.jobsDB, actor: .system, time: t.app.effects.time) { tx in
            if let seen {
                let row = try await (tx as! any SQLDatabase).raw(
                    "SELECT failed_logins FROM users WHERE username = 'baolin1'"
                ).first()
                let n = try row!.decode(column: "failed_logins", as: Int.self)
                seen.withLockedValue { $0[name] = n }
            }
            // Started once it has read what it reads: on PostgreSQL a write that does not wait for
            // the part could otherwise land before the part's first read.
            started?.withLockedValue { $0 = true }
            if let release { try await Self.waitUntil(release) }
            return ((), AuditEvent(action: .territoryImport, targetType: "test", targetID: name, nodeID: nil))
        }
    }

    static func waitUntil(_ flag: NIOLockedValueBox<Bool>) async throws {
        while !flag.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
    }

    /// Until a writer waits behind the part: at the write gate (SQLite), for the audit head's row
    /// lock (PostgreSQL). No fixed sleep: under a loaded suite a task may start late.
    static func waitForAWaiter(_ t: TestContext) async throws {
        for _ in 0..<2_000 {
            if !TestDatabase.isPostgres {
                if await WriteGate.shared.waiters(AuditGroupCommit.key(t.db)) > 0 { return }
            } else {
                // This test's own database only: the suite's other tests wait for locks in theirs.
                let row = try await (t.db as! any SQLDatabase).raw(
                    """
                    SELECT COUNT(*) AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE NOT l.granted AND a.datname = current_database()
                    """
                ).first()
                if try row!.decode(column: "n", as: Int.self) > 0 { return }
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        Issue.record("no writer came to wait")
    }

    @Test func anAuditedChangeArrivingDuringAPartIsStoredBeforeTheNextPart() async throws {
        try await withYishi(demo: true) { t in
            let started = NIOLockedValueBox(false)
            let release = NIOLockedValueBox(false)
            let importer = Task {
                try await Self.part("part-1", t, started: started, release: release)
                try await Self.part("part-2", t)
            }
            try await Self.waitUntil(started)
            // A sign-in, an edit: anything audited goes through the group commit.
            let change = Task {
                try await AuditLog.append(
                    AuditEvent(action: .territoryUpdate, targetType: "test", targetID: "between", nodeID: nil),
                    on: t.db, actor: .system, time: t.app.effects.time)
            }
            try await Self.waitForAWaiter(t)
            release.withLockedValue { $0 = true }
            try await change.value
            try await importer.value
            let order = try await AuditEntry.query(on: t.db).filter(\.$targetType == "test").sort(\.$seq).all().map(
                \.targetID)
            #expect(order == ["part-1", "between", "part-2"])
            guard case .ok = try await AuditLog.verify(on: t.db) else {
                Issue.record("chain broken")
                return
            }
        }
    }

    @Test func aRequestsPlainWriteArrivingDuringAPartIsStoredBeforeTheNextPart() async throws {
        try await withYishi(demo: true) { t in
            let started = NIOLockedValueBox(false)
            let release = NIOLockedValueBox(false)
            let seen = NIOLockedValueBox<[String: Int]>([:])
            let importer = Task {
                try await Self.part("part-1", t, started: started, release: release, seen: seen)
                try await Self.part("part-2", t, seen: seen)
            }
            try await Self.waitUntil(started)
            // What `req.writeDB` is: the writers' pool behind the gate (a failed sign-in's count).
            let writer = GatedDatabase.wrap(t.app.db(.yishiWriter)) as! any SQLDatabase
            let write = Task {
                try await writer.raw("UPDATE users SET failed_logins = failed_logins + 1 WHERE username = 'baolin1'")
                    .run()
            }
            // PostgreSQL: the row is not the part's, so the write goes through at once.
            if TestDatabase.isPostgres { try await write.value } else { try await Self.waitForAWaiter(t) }
            release.withLockedValue { $0 = true }
            try await write.value
            try await importer.value
            #expect(
                seen.withLockedValue { $0 } == ["part-1": 0, "part-2": 1],
                "the second part sees the write that came before it")
        }
    }

    @Test func theGateIsReEntrantAndOpenWhereNotNeeded() async throws {
        try await withYishi { t in
            // Nested writes of a task that holds the gate do not wait for themselves.
            let n = try await WriteGate.run(t.db) {
                try await WriteGate.run(t.db) {
                    try await (GatedDatabase.wrap(t.db) as! any SQLDatabase).raw("SELECT 1 AS n").first()!.decode(
                        column: "n", as: Int.self)
                }
            }
            #expect(n == 1)
            if TestDatabase.isPostgres {
                #expect(WriteGate.key(t.db) == nil, "PostgreSQL queues row-lock waiters itself")
                #expect(!(GatedDatabase.wrap(t.db) is GatedDatabase))
            } else {
                let key = try #require(WriteGate.key(t.db), "SQLite has a gate")
                #expect(key == WriteGate.key(t.app.jobsDB), "one gate for the pools of one database")
                #expect(await WriteGate.shared.waiters(key) == 0)
            }
        }
    }
}
