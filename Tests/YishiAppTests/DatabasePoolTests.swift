import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp

/// A long import holds the write lock for seconds; writers queue behind it. Reads must go on: they
/// have their own pool of connections and enough threads (`DatabasePools`).
@Suite("Slow writes do not stall reads")
struct DatabasePoolTests {
    @Test func readsAnswerWhileAJobHoldsTheWriteLockAndWritersWait() async throws {
        try await withYishi(demo: true) { t in
            let app = t.app
            // Every pool's connections opened first, so the test measures waiting, not connecting.
            for _ in 0..<4 { _ = try await app.testing().sendRequest(.GET, "/health") }
            for id in [DatabaseID.yishiWriter, .yishiJobs] {
                for loop in app.eventLoopGroup.makeIterator() {
                    _ = try await (app.databases.database(id, logger: app.logger, on: loop) as! any SQLDatabase).raw(
                        "SELECT 1 AS ok"
                    ).all()
                }
            }
            let held = NIOLockedValueBox(false)
            let release = NIOLockedValueBox(false)
            // The job pool's transaction takes the lock (the audit head: SQLite's write lock, a row
            // lock on PostgreSQL) and keeps it until told.
            let holder = Task {
                try await app.jobsDB.transaction { tx in
                    try await (tx as! any SQLDatabase).raw("UPDATE audit_head SET seq = seq WHERE id = 1").run()
                    held.withLockedValue { $0 = true }
                    while !release.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
                }
            }
            while !held.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
            // Writers that must wait: audited changes (group commit) and a request's plain writes.
            let writers = (0..<4).map { i in
                Task {
                    if i % 2 == 0 {
                        try await AuditLog.append(
                            AuditEvent(action: .territoryUpdate, targetType: "test", targetID: "w\(i)", nodeID: nil),
                            on: app.db, actor: .system, time: app.effects.time)
                    } else {
                        try await (app.db(.yishiWriter) as! any SQLDatabase).raw(
                            "UPDATE audit_head SET seq = seq WHERE id = 1"
                        ).run()
                    }
                }
            }
            try await Task.sleep(for: .milliseconds(200))
            // Reads on pages and the API answer while the lock is still held.
            let answered = try await withThrowingTaskGroup(of: [HTTPStatus]?.self) { group in
                group.addTask {
                    var statuses: [HTTPStatus] = []
                    for path in ["/health", "/api/v1/territory", "/health", "/lifecircle"] {
                        statuses.append(try await app.testing().sendRequest(.GET, path).status)
                    }
                    return statuses
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(8))
                    return nil
                }
                let first = try await group.next()!
                group.cancelAll()
                return first
            }
            #expect(held.withLockedValue { $0 } && !release.withLockedValue { $0 })
            #expect(answered == [.ok, .unauthorized, .ok, .ok], "reads waited for the write lock")
            release.withLockedValue { $0 = true }
            try await holder.value
            for w in writers { try await w.value }
            let entries = try await AuditEntry.query(on: app.db).count()
            #expect(try await AuditLog.verify(on: app.db) == .ok(entries: entries))
        }
    }
}
