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

/// Makes the template once and copies it for each test, one copy at a time (PostgreSQL refuses
/// to copy a template while another session is connected to it).
actor PostgresTemplate {
    static let shared = PostgresTemplate()
    private let logger = Logger(label: "yishi.tests.postgres")

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

    /// The template, made by the first caller; callers that arrive meanwhile wait for the same task
    /// (an actor may be re-entered at every await).
    private var templateTask: Task<String, any Error>?

    private func templateName() async throws -> String {
        if let templateTask { return try await templateTask.value }
        let task = Task { try await self.createTemplate() }
        templateTask = task
        return try await task.value
    }

    private func createTemplate() async throws -> String {
        let name = "yishi_template_\(ProcessInfo.processInfo.processIdentifier)"
        try await admin("DROP DATABASE IF EXISTS \(name)")
        try await admin("CREATE DATABASE \(name)")
        let app = try await Application.make(.testing)
        do {
            try await Yishi.configure(
                app,
                settings: Settings(database: .postgres(TestDatabase.url(TestDatabase.postgresURL!, database: name))))
            try await app.autoMigrate()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        return name
    }

    func makeDatabase() async throws -> String {
        let template = try await templateName()
        let db = "yishi_test_\(UUID().uuidString.prefix(13).lowercased().replacingOccurrences(of: "-", with: ""))"
        try await admin("CREATE DATABASE \(db) TEMPLATE \(template)")
        return db
    }

    func drop(_ db: String) async throws {
        try await admin("DROP DATABASE IF EXISTS \(db) WITH (FORCE)")
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
    let clock = TestClock()
    let app = try await Application.make(.testing)
    var pgDatabase: String?
    do {
        let choice: Settings.DatabaseChoice
        if let base = TestDatabase.postgresURL {
            let name = try await PostgresTemplate.shared.makeDatabase()
            pgDatabase = name
            choice = .postgres(TestDatabase.url(base, database: name))
        } else {
            choice = .sqliteMemory
        }
        var settings = Settings(database: choice, developmentPages: !production, showInternalErrors: !production)
        settings.passwordCost = DemoPassword.cost  // the demo hash's: no hash is remade, tests stay fast
        try await Yishi.configure(
            app, settings: settings,
            effects: SideEffects(time: clock, random: SystemRandom(), sms: OutboxSMSSender(time: clock)),
            adding: features)
        if pgDatabase == nil { try await app.autoMigrate() }
        try await SQLiteTuning.apply(app)
        if demo { _ = try await DemoLoader.load(on: app.db, effects: app.effects, passwordHash: DemoPassword.hash) }
        try await body(TestContext(app: app, clock: clock))
    } catch {
        try? await app.asyncShutdown()
        if let pgDatabase { try? await PostgresTemplate.shared.drop(pgDatabase) }
        throw error
    }
    try await app.asyncShutdown()
    if let pgDatabase { try await PostgresTemplate.shared.drop(pgDatabase) }
}

/// The demo password hashed once at the lowest bcrypt cost, so tests stay fast; verification
/// works the same whatever the cost.
enum DemoPassword {
    static let cost = 4
    static let hash = try! Bcrypt.hash(DemoLoader.password, cost: cost)
}
