import Fluent
import Vapor
import YishiCore

/// `yishi serve [--demo] [--hostname H] [--port P]`: migrates, then loads the demo or prints the
/// first-administrator link when the database is empty, then serves.
struct ServeYishiCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "demo", help: "Load the demo district (宝山区) into an empty database / 载入演示数据")
        var demo: Bool
        @Option(name: "hostname", short: "H", help: "Address to listen on (default YISHI_HOST or 127.0.0.1)")
        var hostname: String?
        @Option(name: "port", short: "p", help: "Port (default YISHI_PORT or 8080)")
        var port: Int?
        init() {}
    }

    var help: String { "Serves the platform (default command) / 启动平台" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if let h = signature.hostname { app.http.server.configuration.hostname = h }
        if let p = signature.port { app.http.server.configuration.port = p }
        let base = "http://\(app.http.server.configuration.hostname):\(app.http.server.configuration.port)"
        // The demo's password is printed and published: never in production.
        if signature.demo && app.settings.production { throw DemoLoader.Refusal.production }
        context.console.print("数据库迁移 / migrating the database…")
        try await Yishi.prepareDatabase(app)
        await SQLiteTuning.optimize(app.db)
        if signature.demo {
            context.console.print("载入演示数据 / loading the demo district 宝山区…")
            let hash = try await app.password.async.hash(DemoLoader.password)
            let signIns = try await DemoLoader.load(app, passwordHash: hash)
            context.console.print("")
            context.console.print(
                "演示账户 / demo sign-ins at \(base)/signin (staff password / 工作人员密码: \(DemoLoader.password))")
            for s in signIns {
                let outbox = app.settings.developmentPages ? " — code at \(base)/dev/outbox" : ""
                let who = s.username.map { "username \($0)" } ?? "phone \(s.phone ?? "")\(outbox)"
                context.console.print(
                    String(
                        format: "  %@ / %@ @ %@: %@", Catalog.name(s.role, .zhHans), Catalog.name(s.role, .en),
                        s.where_, who))
            }
            context.console.print("")
            await SQLiteTuning.optimize(app.db)
        } else if let path = try await FirstAdmin.issueLinkIfNeeded(on: app.db, effects: app.effects) {
            context.console.print("")
            context.console.print("数据库是空的。请在 24 小时内打开此一次性链接创建首位管理员：")
            context.console.print(
                "The database is empty. Open this one-time link within 24 hours to create the first administrator:")
            context.console.print("  \(base)\(path)")
            context.console.print("")
        }
        // Long work (imports) runs beside the server, in this process.
        app.jobWorker.start(app)
        let serve = await app.servers.asyncCommand
        // Host and port are already in the server configuration; Vapor's command is given no flags.
        var none = CommandInput(arguments: ["yishi"])
        try await serve.run(using: context, signature: ServeCommand.Signature(from: &none))
    }
}

/// `yishi migrate`: applies every pending migration, without asking.
struct MigrateYishiCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String { "Applies pending database migrations / 执行数据库迁移" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Yishi.prepareDatabase(app, migrate: false)
        try await app.migrator.setupIfNeeded().get()
        let pending = try await app.migrator.previewPrepareBatch().get()
        if pending.isEmpty {
            context.console.print("没有待执行的迁移 / nothing to migrate")
            return
        }
        for (migration, _) in pending { context.console.print("  \(migration.name)") }
        try await app.autoMigrate()
        context.console.print("已执行 \(pending.count) 个迁移 / \(pending.count) migrations applied")
    }
}

/// How every command refuses bad input: the reason on standard error, in both languages, and exit code 2.
enum CLI {
    static func fail(_ message: String) throws -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        throw ExitCode(2)
    }

    /// The whole file at `path`, or a refusal naming it.
    static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else { try fail("\(path): 无法读取 / cannot read") }
        return data
    }
}
