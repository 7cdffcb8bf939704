import FluentPostgresDriver
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// A clock that tests move by hand.
final class TestClock: TimeSource, @unchecked Sendable {
    private let lock = NIOLock()
    private var current = Date(timeIntervalSince1970: 1_795_000_000)
    func now() -> Date { lock.withLock { current } }
    func advance(_ seconds: TimeInterval) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

/// Each test gets its own database: SQLite in memory, or (with DATABASE_URL=postgres://…) a
/// PostgreSQL database copied from a template that was migrated once for the whole run.
enum TestDatabase {
    static var postgresURL: String? {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else {
            return nil
        }
        return url
    }

    static var isPostgres: Bool { postgresURL != nil }

    /// The URL with its database name replaced.
    static func url(_ base: String, database: String) -> String {
        var c = URLComponents(string: base)!
        c.path = "/" + database
        return c.string!
    }
}

/// Migrated databases made once per test run — one empty, one with the demo district loaded — and
/// copied for each test: an SQLite file copied, a PostgreSQL database created from a template.
/// Migrations and the demo load run twice per run, not once per test, so the suite stays fast as
/// both grow.
actor TestTemplates {
    static let shared = TestTemplates()
    private let logger = Logger(label: "yishi.tests.templates")
    /// Made by the first caller; callers that arrive meanwhile wait for the same task (an actor may
    /// be re-entered at every await).
    private var made: [Bool: Task<String, any Error>] = [:]

    private func admin(_ sql: String) async throws {
        let config = try SQLPostgresConfiguration(url: TestDatabase.postgresURL!).coreConfiguration
        let conn = try await PostgresConnection.connect(configuration: config, id: 1, logger: logger)
        do {
            _ = try await conn.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await conn.close()
            throw AdminError(sql: sql, detail: String(reflecting: error))
        }
        try await conn.close()
    }

    private func template(demo: Bool) async throws -> String {
        if let task = made[demo] { return try await task.value }
        let task = Task { try await self.make(demo: demo) }
        made[demo] = task
        return try await task.value
    }

    private func make(demo: Bool) async throws -> String {
        let name = "yishi_template_\(ProcessInfo.processInfo.processIdentifier)_\(demo ? "demo" : "empty")"
        let choice: Settings.DatabaseChoice
        if let base = TestDatabase.postgresURL {
            try await admin("DROP DATABASE IF EXISTS \(name)")
            try await admin("CREATE DATABASE \(name)")
            choice = .postgres(TestDatabase.url(base, database: name))
        } else {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".sqlite").path
            try? FileManager.default.removeItem(atPath: path)
            choice = .sqliteFile(path)
        }
        let app = try await Application.make(.testing)
        do {
            let clock = TestClock()
            try await Yishi.configure(
                app, settings: Settings(database: choice),
                effects: SideEffects(time: clock, random: SystemRandom(), sms: OutboxSMSSender(time: clock)))
            try await app.autoMigrate()
            if demo { _ = try await DemoLoader.load(app, passwordHash: DemoPassword.hash) }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        if case .sqliteFile(let path) = choice { return path }
        return name
    }

    /// A fresh database for one test, and what removes it.
    func copy(demo: Bool) async throws -> (Settings.DatabaseChoice, drop: @Sendable () async -> Void) {
        let template = try await template(demo: demo)
        let id = UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: "")
        if let base = TestDatabase.postgresURL {
            let db = "yishi_test_\(id)"
            try await admin("CREATE DATABASE \(db) TEMPLATE \(template)")
            return (
                .postgres(TestDatabase.url(base, database: db)),
                { try? await TestTemplates.shared.admin("DROP DATABASE IF EXISTS \(db) WITH (FORCE)") }
            )
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-test-\(id).sqlite").path
        try FileManager.default.copyItem(atPath: template, toPath: path)
        return (
            .sqliteFile(path),
            {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    try? FileManager.default.removeItem(atPath: path + suffix)
                }
            }
        )
    }
}

struct AdminError: Error, CustomStringConvertible {
    var sql: String
    var detail: String
    var description: String { "\(sql): \(detail)" }
}

/// What a test works with.
struct TestContext: Sendable {
    var app: Application
    var clock: TestClock
    var db: any Database { app.db }
    /// The platform acting (as the command line does), recorded as "system".
    var platform: Caller { app.caller(.platform, auditActor: .system) }
}

/// Runs `body` against a fresh, migrated application and tears it down afterwards.
func withYishi(
    demo: Bool = false, production: Bool = false, adding features: [any Feature] = [],
    _ body: (TestContext) async throws -> Void
) async throws {
    // On PostgreSQL each application holds a dozen connections (its pools on each event loop):
    // tests beyond `AppSlots.postgres` at once wait for a slot, so the cluster's connection limit is
    // never what fails a test however many suites there are.
    let slots = TestDatabase.isPostgres ? AppSlots.postgres : nil
    await slots?.acquire()
    defer { if let slots { Task { await slots.release() } } }
    let clock = TestClock()
    let app = try await Application.make(.testing)
    // A copy of the migrated template (with the demo district when asked).
    let (choice, drop) = try await TestTemplates.shared.copy(demo: demo)
    do {
        var settings = Settings(database: choice, developmentPages: !production, showInternalErrors: !production)
        settings.passwordCost = DemoPassword.cost  // the demo hash's: no hash is remade, tests stay fast
        try await Yishi.configure(
            app, settings: settings,
            effects: SideEffects(time: clock, random: SystemRandom(), sms: OutboxSMSSender(time: clock)),
            adding: features)
        try await SQLiteTuning.apply(app)
        try await body(TestContext(app: app, clock: clock))
    } catch {
        try? await app.asyncShutdown()
        await drop()
        throw error
    }
    try await app.asyncShutdown()
    await drop()
}

/// A counting semaphore for applications under test (no test makes one inside another).
actor AppSlots {
    static let postgres = AppSlots(24)
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []
    init(_ n: Int) { free = n }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// The demo password hashed once at the lowest bcrypt cost, so tests stay fast; verification
/// works the same whatever the cost.
enum DemoPassword {
    static let cost = 4
    static let hash = try! Bcrypt.hash(DemoLoader.password, cost: cost)
}
