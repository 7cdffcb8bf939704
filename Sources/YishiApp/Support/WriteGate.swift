import Fluent
import SQLKit
import Vapor

/// The writers of this process take turns at an SQLite database, in the order they came.
///
/// SQLite lets one writer in at a time and makes the others wait in its busy handler, which
/// sleeps between tries (1, 2, 5 … up to 100 ms). Such waiting is not fair: an import that writes
/// part after part takes the lock again within a millisecond of its commit, and a sign-in asleep in
/// the handler misses every gap until the import ends. (The importer used to pause 120 ms after
/// each part so sleepers could wake; 29 pauses were 3.5 of a 60,000-row import's 5 s.) Here each
/// write of the process — a group commit's batch, an import's part, a request's unaudited write —
/// queues for its database's gate first and holds it until its commit, so it meets SQLite's lock
/// free, and an import's next part queues behind a sign-in that came while the part was written.
///
/// PostgreSQL has no such lock (its row locks queue waiters in order): there the gate is open.
/// Another process writing the same SQLite file (a command-line import) still meets the busy
/// handler. A task that holds a gate runs nested writes at once (the gate is re-entrant per task).
actor WriteGate {
    static let shared = WriteGate()
    @TaskLocal static var held: Set<String> = []

    private var busy: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// Waiting for the gate at this moment, for tests.
    func waiters(_ key: String) -> Int { waiting[key]?.count ?? 0 }

    private func enter(_ key: String) async {
        if busy.insert(key).inserted { return }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    private func leave(_ key: String) {
        guard var queue = waiting[key], !queue.isEmpty else {
            busy.remove(key)
            return
        }
        let next = queue.removeFirst()
        waiting[key] = queue.isEmpty ? nil : queue
        next.resume()  // the gate passes to the next writer: it stays busy
    }

    /// The gate of `db`'s database: nil when it needs none (not SQLite).
    static func key(_ db: any Database) -> String? {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return nil }
        return AuditGroupCommit.key(db)
    }

    /// Runs `body` holding the gate of `db`'s database.
    static func run<T>(
        _ db: any Database, isolation: isolated (any Actor)? = #isolation,
        _ body: () async throws -> T
    ) async rethrows -> T {
        guard let key = key(db), !held.contains(key) else { return try await body() }
        await shared.enter(key)
        do {
            let value = try await $held.withValue(held.union([key])) { try await body() }
            await shared.leave(key)
            return value
        } catch {
            await shared.leave(key)
            throw error
        }
    }
}

/// A database whose every statement and transaction first takes the write gate (`WriteGate`):
/// what requests write outside the audit group commit goes through it (`Request.writeDB`).
struct GatedDatabase: Database, SQLDatabase {
    let base: any Database

    /// `db` behind its gate, or `db` itself where there is none.
    static func wrap(_ db: any Database) -> any Database {
        WriteGate.key(db) == nil ? db : GatedDatabase(base: db)
    }

    private var sql: any SQLDatabase { base as! any SQLDatabase }

    private func gated<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) -> EventLoopFuture<T> {
        let base = self.base
        return base.eventLoop.makeFutureWithTask { try await WriteGate.run(base) { try await work() } }
    }

    // Database
    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<
        Void
    > {
        let base = self.base
        return gated { try await base.execute(query: query, onOutput: onOutput).get() }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        let base = self.base
        return gated { try await base.execute(schema: schema).get() }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        let base = self.base
        return gated { try await base.execute(enum: `enum`).get() }
    }

    /// The whole transaction holds the gate; its statements run on the plain connection.
    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let base = self.base
        return gated { UncheckedBox(try await base.transaction(closure).get()) }.map(\.value)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection { conn in closure(GatedDatabase(base: conn)) }
    }

    // SQLDatabase
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<
        Void
    > {
        let sql = self.sql
        return gated { try await sql.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (base, sql) = (self.base, self.sql)
        try await WriteGate.run(base) { try await sql.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let base = self.base
        return try await WriteGate.run(base) { try await (base as! any SQLDatabase).withSession(closure) }
    }
}

/// Carries a value Fluent's transaction API does not mark `Sendable` across the gate's task.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
