import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import YishiApp
@testable import YishiCore

/// An application on a SQLite file of its own (backup and restore need real files).
private func withSQLiteFile(_ path: String, migrate: Bool, _ body: (Application) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    do {
        try await Yishi.configure(app, settings: Settings(database: .sqliteFile(path)))
        if migrate { try await Yishi.prepareDatabase(app) }
        try await body(app)
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}

/// Runs a command as `yishi <name> args…` would, and gives its exit status (0 when it returns).
private func exitStatus(_ app: Application, _ command: some AsyncCommand, _ args: [String]) async throws -> Int32 {
    var context = CommandContext(console: app.console, input: CommandInput(arguments: ["yishi"] + args))
    context.application = app
    do {
        try await command.run(using: &context)
        return 0
    } catch let exit as ExitCode {
        return exit.code
    }
}

/// Every row of every table, each row as SQLite's own literal text, sorted: equal dumps mean equal contents.
/// The migrations table is left out (restore migrates the target itself; its own rows differ by time).
private func dump(_ db: any Database) async throws -> [String: [String]] {
    let sql = db as! any SQLDatabase
    var out: [String: [String]] = [:]
    for table in try await Backup.tableNames(sql, schema: "main") where table != "_fluent_migrations" {
        let columns = try await sql.raw("PRAGMA table_info(\(ident: table))").all()
            .map { try $0.decode(column: "name", as: String.self) }
        let row = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
        out[table] = try await sql.raw("SELECT \(unsafeRaw: row) AS r FROM \(ident: table) ORDER BY r").all()
            .map { try $0.decode(column: "r", as: String.self) }
    }
    return out
}

private func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "yishi-backup-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// A few audited changes after the demo: new buildings below the first compound.
private func auditedChanges(_ app: Application, count: Int) async throws {
    let compounds = TerritoryNode.query(on: app.db).filter(\.$level == .compound).sort(\.$code)
    let compound = try #require(try await compounds.first())
    for i in 0..<count {
        let node = try TerritoryNode(level: .building, parent: compound, code: "BK-\(i)", name: "备份测试楼 \(i)")
        try await AuditLog.transaction(on: app.db, actor: .system, time: app.effects.time) { tx in
            try await node.create(on: tx)
            return (
                (), AuditEvent(action: .territoryCreate, targetType: "building", targetID: node.code, nodeID: node.id)
            )
        }
    }
}

@Suite("yishi backup and restore")
struct BackupTests {
    @Test(
        .disabled(if: TestDatabase.isPostgres, "VACUUM INTO and ATTACH are SQLite's; PostgreSQL uses pg_dump (below)"))
    func aRoundTripGivesIdenticalRowsAndAnIntactChain() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let backup = dir + "/backup.sqlite"
        var before: [String: [String]] = [:]
        try await withSQLiteFile(dir + "/source.sqlite", migrate: true) { app in
            _ = try await DemoLoader.load(app, passwordHash: DemoPassword.hash)
            try await auditedChanges(app, count: 3)
            #expect(try await exitStatus(app, BackupCommand(), [backup]) == 0)
            before = try await dump(app.db)
            // A second backup to the same name is refused and leaves the first untouched.
            let size = try FileManager.default.attributesOfItem(atPath: backup)[.size] as? Int
            #expect(try await exitStatus(app, BackupCommand(), [backup]) == 2)
            #expect(try FileManager.default.attributesOfItem(atPath: backup)[.size] as? Int == size)
        }
        #expect((before["territory_nodes"]?.count ?? 0) > 10)
        // The demo's load, its stories' changes (an owners' vote told through the services) and three more.
        let entries = before["audit_entries"]?.count ?? 0
        #expect(entries > 4)
        #expect(before["territory_nodes"]?.contains { $0.contains("'BK-2'") } == true)

        try await withSQLiteFile(dir + "/target.sqlite", migrate: false) { app in
            #expect(try await exitStatus(app, RestoreCommand(), [backup]) == 0)
            let after = try await dump(app.db)
            #expect(after.keys.sorted() == before.keys.sorted())
            for (table, rows) in before { #expect(after[table] == rows, "table \(table) differs") }
            #expect(try await AuditLog.verify(on: app.db) == .ok(entries: entries))
            // The database is no longer empty: a second restore is refused and changes nothing.
            #expect(try await exitStatus(app, RestoreCommand(), [backup]) == 2)
            #expect(try await dump(app.db) == after)
        }
    }

    @Test(.disabled(if: TestDatabase.isPostgres, "the SQLite copy path"))
    func restoreRefusesANonEmptyDatabaseAndForeignFiles() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let backup = dir + "/backup.sqlite"
        try await withSQLiteFile(dir + "/source.sqlite", migrate: true) { app in
            _ = try await DemoLoader.load(app, passwordHash: DemoPassword.hash)
            #expect(try await exitStatus(app, BackupCommand(), [backup]) == 0)
        }
        try await withSQLiteFile(dir + "/other.sqlite", migrate: true) { app in
            // Only an audited change: the chain alone makes the database not empty.
            try await AuditLog.append(
                AuditEvent(action: .setupFirstAdmin, targetType: "user", targetID: "x", nodeID: nil),
                on: app.db, actor: .system, time: app.effects.time)
            let before = try await dump(app.db)
            #expect(try await exitStatus(app, RestoreCommand(), [backup]) == 2)
            #expect(try await dump(app.db) == before)
            #expect(try await TerritoryNode.query(on: app.db).count() == 0)
        }
        try await withSQLiteFile(dir + "/empty.sqlite", migrate: false) { app in
            let junk = dir + "/junk.sqlite"
            try Data("not a database".utf8).write(to: URL(fileURLWithPath: junk))
            #expect(try await exitStatus(app, RestoreCommand(), [junk]) == 2)
            #expect(try await exitStatus(app, RestoreCommand(), [dir + "/missing.sqlite"]) == 2)
            #expect(try await TerritoryNode.query(on: app.db).count() == 0)
        }
    }

    @Test func pgDumpAdviceChecksTheMajorVersion() {
        #expect(Backup.majorVersion("16.4 (Debian 16.4-1.pgdg120+1)") == 16)
        #expect(Backup.majorVersion("pg_dump (PostgreSQL) 17.2") == 17)
        #expect(Backup.majorVersion("no digits") == nil)
        let same = Backup.pgDumpAdvice(file: "b.dump", serverVersion: "16.4", pgDump: "pg_dump (PostgreSQL) 16.2")
        #expect(same.ok)
        #expect(same.lines.contains { $0.contains("pg_dump --format=custom --file 'b.dump' \"$DATABASE_URL\"") })
        #expect(same.lines.contains { $0.contains("pg_restore") })
        #expect(Backup.pgDumpAdvice(file: "b", serverVersion: "16.4", pgDump: "pg_dump (PostgreSQL) 17.0").ok)
        let old = Backup.pgDumpAdvice(file: "b", serverVersion: "16.4", pgDump: "pg_dump (PostgreSQL) 15.8")
        #expect(!old.ok && old.lines.last?.contains("≥ 16") == true)
        let none = Backup.pgDumpAdvice(file: "b", serverVersion: "16.4", pgDump: nil)
        #expect(!none.ok && none.lines.last?.contains("PostgreSQL 16") == true)
        #expect(Backup.shellQuoted("it's") == "'it'\\''s'")
    }

    @Test(.enabled(if: TestDatabase.isPostgres, "the PostgreSQL advice path needs a PostgreSQL server"))
    func onPostgresBackupAndRestoreSayHowAndCheckVersions() async throws {
        try await withYishi { t in
            let server = try await Backup.postgresServerVersion(t.db)
            #expect(Backup.majorVersion(server) != nil)
            let file = NSTemporaryDirectory() + "yishi-pg-" + UUID().uuidString + ".dump"
            let local = Backup.localToolVersion("pg_dump")
            let expected = Backup.pgDumpAdvice(file: file, serverVersion: server, pgDump: local).ok
            #expect(try await exitStatus(t.app, BackupCommand(), [file]) == (expected ? 0 : 2))
            #expect(!FileManager.default.fileExists(atPath: file))
            // The test database is migrated: pg_restore needs one without tables, so restore refuses.
            FileManager.default.createFile(atPath: file, contents: Data())
            defer { try? FileManager.default.removeItem(atPath: file) }
            #expect(try await Backup.postgresHasTables(t.db))
            #expect(try await exitStatus(t.app, RestoreCommand(), [file]) == 2)
        }
    }
}
