import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import Vapor
import YishiCore

/// Builds the whole platform on `app`: storage, side effects, middleware, routes, commands.
public enum Yishi {
    /// Threads for blocking work: every SQLite connection (3 pools × one per event loop), several
    /// password checks at once, an import's parsing.
    /// `YISHI_BLOCKING_THREADS` overrides it.
    static let blockingThreads =
        ProcessInfo.processInfo.environment["YISHI_BLOCKING_THREADS"].flatMap(Int.init).map { max(2, $0) }
        ?? max(16, 4 * System.coreCount)

    public static func configure(_ app: Application, settings: Settings, effects: SideEffects? = nil) async throws {
        try await configure(app, settings: settings, effects: effects, adding: [])
    }

    /// The same, with capabilities beyond the platform's own (the tests' example capability).
    static func configure(_ app: Application, settings: Settings, effects: SideEffects?, adding extra: [any Feature])
        async throws
    {
        app.settings = settings
        app.effects =
            effects
            ?? SideEffects(
                sms: settings.smsWebhookURL.map { WebhookSMSSender(url: URI(string: $0), client: app.client) }
                    ?? OutboxSMSSender(time: SystemTime()))
        // SQLite's queries, password hashing and file parsing run on the blocking thread pool. NIO's
        // shared pool has one thread per core (two here): a writer sleeping in SQLite's busy
        // timeout and one long import statement then left no thread for `SELECT 1`, and
        // `/health` waited 4.7 s during an import. Set before the databases are first touched.
        app.threadPool = NIOThreadPool(numberOfThreads: Self.blockingThreads)
        // Three pools on the one database (see `DatabasePools`): requests, audited writes, jobs.
        let main: DatabaseID
        switch settings.database {
        case .sqliteFile(let path):
            main = .sqlite
            for id in [main, .yishiWriter, .yishiJobs] {
                app.databases.use(
                    .sqlite(.file(path), connectionPoolTimeout: .seconds(30)), as: id, isDefault: id == main)
            }
        case .sqliteMemory:
            // One identifier for the three pools, so that they open the same in-memory database.
            let storage = SQLiteConfiguration(storage: .memory(identifier: UUID().uuidString))
            main = .sqlite
            for id in [main, .yishiWriter, .yishiJobs] {
                app.databases.use(.sqlite(storage, connectionPoolTimeout: .seconds(30)), as: id, isDefault: id == main)
            }
        case .postgres(let url):
            main = .psql
            for id in [main, .yishiWriter, .yishiJobs] {
                // The same 30 s as SQLite: a writer may queue behind a long lock (driver default: 10 s).
                // Reads get four connections per event loop, so PostgreSQL works on several queries
                // while Swift decodes others (one per loop left two cores idle half the time); the
                // writer and the jobs keep one, as their work is serial anyway.
                app.databases.use(
                    .postgres(
                        configuration: try SQLPostgresConfiguration(url: url),
                        maxConnectionsPerEventLoop: id == main ? 4 : 1, connectionPoolTimeout: .seconds(30)),
                    as: id, isDefault: id == main)
            }
        }
        await AuditGroupCommit.shared.useWriter(app)
        app.migrations.add(Migrations.all)
        app.passwords.use(.bcrypt(cost: settings.passwordCost))
        app.routes.defaultMaxBodySize = ByteCount(value: settings.maxBodyBytes)
        app.http.server.configuration.hostname = settings.host
        app.http.server.configuration.port = settings.port

        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorMiddleware())
        app.middleware.use(PrincipalMiddleware())
        app.middleware.use(CSRFMiddleware())
        MetricsSetup.bootstrap()

        app.features = Features(features(settings) + extra)
        app.readNamespace = UUID().uuidString
        app.auditKey = AuditGroupCommit.key(app.db)
        try app.features.register(on: app)
    }

    /// The capabilities of the platform, one line each (`Feature`).
    static func features(_ settings: Settings) -> [any Feature] {
        [
            SystemFeature(),
            AccountsFeature(),
            TerritoryFeature(),
            PeopleFeature(),
            NeedsFeature(),
            NoticesFeature(),
            QuestionnairesFeature(),
            ProjectsFeature(),
            AtlasFeature(),
            AuditFeature(),
            JobsFeature(),
            VotesFeature(),
            PlannersFeature(),
            FundsFeature(),
            BenchFeature(),
        ]
            + (settings.developmentPages ? [OutboxFeature()] : [])
    }

    /// Opens the database for commands that use it (not for `votes tally`, which reads files only):
    /// makes the SQLite folder, sets SQLite's durability and locking, then applies pending migrations.
    public static func prepareDatabase(_ app: Application, migrate: Bool = true) async throws {
        if case .sqliteFile(let path) = app.settings.database {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            // WAL lets readers go on while one writer writes; it is a property of the file, kept across restarts.
            _ = try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode=WAL").all()
        }
        try await SQLiteTuning.apply(app)
        if migrate { try await app.autoMigrate() }
    }

    /// The executable's whole life: read settings, configure, run the command, shut down.
    public static func main() async -> Int32 {
        do {
            var env = try Environment.detect()
            if let name = ProcessInfo.processInfo.environment["YISHI_ENV"], !CommandLine.arguments.contains("--env") {
                env = try Environment.detect(arguments: CommandLine.arguments + ["--env", name])
            }
            try LoggingSystem.bootstrap(from: &env)
            let app = try await Application.make(env)
            var code: Int32 = 0
            do {
                let settings = try Settings.read(ProcessInfo.processInfo.environment, environment: env)
                try await configure(app, settings: settings)
                try await app.execute()
            } catch let exit as ExitCode {
                code = exit.code
            } catch let problems as Settings.Problems {
                FileHandle.standardError.write(Data((problems.description + "\n").utf8))
                code = 2
            } catch let refusal as DemoLoader.Refusal {
                FileHandle.standardError.write(Data((refusal.description + "\n").utf8))
                code = 2
            } catch {
                FileHandle.standardError.write(Data("错误 / error: \(error)\n".utf8))
                code = 1
            }
            try await app.asyncShutdown()
            return code
        } catch {
            FileHandle.standardError.write(Data("启动失败 / could not start: \(error)\n".utf8))
            return 1
        }
    }
}
