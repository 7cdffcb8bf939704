import Fluent
import Foundation
import SQLKit

/// Backup and restore, behind `yishi backup` and `yishi restore`.
///
/// SQLite: `VACUUM INTO` writes a consistent snapshot while others keep writing (WAL), and restore
/// attaches the backup and copies every table in one transaction. PostgreSQL: its own tools
/// (`pg_dump`, `pg_restore`) do it better than we could; we check versions and say how.
enum Backup {
    /// A reason to do nothing, in both languages.
    struct Refusal: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    struct Copied: Sendable, Equatable {
        var tables: Int
        var auditEntries: Int
    }

    /// Tables whose rows do not make a database "not empty": housekeeping that migrations or a first
    /// start write by themselves (the audit head's genesis row, a first-administrator link).
    static let housekeeping: Set<String> = [
        "_fluent_migrations", "audit_head", "setup_tokens", "rate_events", "sms_outbox",
    ]

    /// The tables that must hold no rows before a restore: they hold the records that matter.
    static let mustBeEmpty = ["territory_nodes", "users", "audit_entries"]

    // MARK: SQLite

    /// Writes a snapshot of the live database to `file` (which must not exist) and checks the copy.
    static func sqlite(_ db: any Database, to file: String) async throws -> Copied {
        guard !FileManager.default.fileExists(atPath: file) else {
            throw Refusal(message: "\(file): 文件已存在，不会覆盖 / already exists, will not overwrite it")
        }
        let sql = db as! any SQLDatabase
        do {
            try await sql.raw("VACUUM INTO \(bind: file)").run()
            // SQLite does not fsync the file VACUUM INTO writes; a backup must survive a power cut too.
            guard let handle = FileHandle(forUpdatingAtPath: file) else {
                throw Refusal(message: "\(file): 无法写入 / cannot write")
            }
            try handle.synchronize()
            try handle.close()
            return try await db.withConnection { conn in
                try await attached(file, on: conn as! any SQLDatabase) { c in
                    let check = try await c.raw("PRAGMA backup.quick_check").first()?
                        .decode(column: "quick_check", as: String.self)
                    guard check == "ok" else {
                        throw Refusal(message: "\(file): 备份校验失败 / the copy fails its check: \(check ?? "")")
                    }
                    let tables = try await tableNames(c, schema: "backup").count
                    let n = try await c.raw("SELECT count(*) AS n FROM backup.audit_entries").first()?
                        .decode(column: "n", as: Int.self)
                    return Copied(tables: tables, auditEntries: n ?? 0)
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            throw error
        }
    }

    /// Copies every table of the backup at `file` into `db`, which must be migrated and empty.
    /// Foreign keys are off during the copy (so order does not matter, and the tree's own
    /// parent references load in any order) and checked as a whole before commit.
    static func restoreSQLite(from file: String, into db: any Database) async throws -> Copied {
        try await db.withConnection { conn in
            let c = conn as! any SQLDatabase
            return try await attached(file, on: c) { c in
                let mainTables = try await tableNames(c, schema: "main")
                let backupTables = try await tableNames(c, schema: "backup")
                guard backupTables.contains("_fluent_migrations"), backupTables.contains("audit_entries") else {
                    throw Refusal(message: "\(file): 不是议事平台的备份 / is not a Yishi backup")
                }
                let newer = try await migrations(c, schema: "backup").subtracting(
                    try await migrations(c, schema: "main"))
                guard newer.isEmpty else {
                    throw Refusal(
                        message: "\(file): 备份来自更新的版本，请先升级 yishi / the backup comes from a newer version; "
                            + "upgrade yishi first (\(newer.sorted().joined(separator: ", ")))")
                }
                for t in mustBeEmpty where mainTables.contains(t) {
                    if try await c.raw("SELECT 1 AS x FROM main.\(ident: t) LIMIT 1").first() != nil {
                        throw Refusal(
                            message: "数据库不是空的（\(t) 中已有数据），恢复只能写入空数据库。\n"
                                + "The database is not empty (\(t) has rows); a restore goes only into an empty database."
                        )
                    }
                }
                let fkWasOn =
                    try await c.raw("PRAGMA foreign_keys").first()?
                    .decode(column: "foreign_keys", as: Int.self) == 1
                try await c.raw("PRAGMA foreign_keys = OFF").run()
                do {
                    let tables = mainTables.filter { backupTables.contains($0) && $0 != "_fluent_migrations" }
                    let copied = try await copyAll(c, tables: tables)
                    if fkWasOn { try await c.raw("PRAGMA foreign_keys = ON").run() }
                    return copied
                } catch {
                    if fkWasOn { try? await c.raw("PRAGMA foreign_keys = ON").run() }
                    throw error
                }
            }
        }
    }

    /// One transaction: empty each table (migrations may have seeded it) and fill it from the backup,
    /// column by column by name, then refuse the lot if any foreign key points nowhere. The triggers
    /// are set aside meanwhile and put back as they were: rows come back as they were stored, not as a
    /// trigger would derive or refuse them (an owners' ballot entered, which makes the ballot that
    /// counts; a record that may not be deleted).
    private static func copyAll(_ c: any SQLDatabase, tables: [String]) async throws -> Copied {
        try await c.raw("BEGIN IMMEDIATE").run()
        do {
            let triggers = try await c.raw(
                "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL ORDER BY name"
            ).all().map {
                (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self))
            }
            for (name, _) in triggers { try await c.raw("DROP TRIGGER main.\(ident: name)").run() }
            for t in tables {
                let target = try await columns(c, schema: "main", table: t)
                let source = Set(try await columns(c, schema: "backup", table: t))
                let shared = target.filter { source.contains($0) }
                try await c.raw("DELETE FROM main.\(ident: t)").run()
                try await c.raw(
                    """
                    INSERT INTO main.\(ident: t) (\(idents: shared, joinedBy: ", "))
                    SELECT \(idents: shared, joinedBy: ", ") FROM backup.\(ident: t)
                    """
                ).run()
            }
            if let bad = try await c.raw("PRAGMA main.foreign_key_check").first() {
                let table = (try? bad.decode(column: "table", as: String.self)) ?? "?"
                throw Refusal(
                    message: "备份中的引用不完整（\(table)），未做任何改动 / the backup has broken references (\(table)); "
                        + "nothing was changed")
            }
            for (_, definition) in triggers { try await c.raw("\(unsafeRaw: definition)").run() }
            let n = try await c.raw("SELECT count(*) AS n FROM main.audit_entries").first()?
                .decode(column: "n", as: Int.self)
            try await c.raw("COMMIT").run()
            return Copied(tables: tables.count, auditEntries: n ?? 0)
        } catch {
            try? await c.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Runs `body` with the file attached as schema `backup` on this one connection, and detaches it.
    private static func attached<T: Sendable>(
        _ file: String, on c: any SQLDatabase,
        _ body: (any SQLDatabase) async throws -> T
    ) async throws -> T {
        do {
            try await c.raw("ATTACH DATABASE \(bind: file) AS backup").run()
            let value = try await body(c)
            try await c.raw("DETACH DATABASE backup").run()
            return value
        } catch let refusal as Refusal {
            try? await c.raw("DETACH DATABASE backup").run()
            throw refusal
        } catch {
            try? await c.raw("DETACH DATABASE backup").run()
            throw Refusal(
                message: "\(file): 读取备份或写入失败，未做任何改动 / could not read the backup or write the copy; "
                    + "nothing was changed: \(String(describing: error))")
        }
    }

    /// The schema's tables in creation order (SQLite's own tables left out).
    static func tableNames(_ c: any SQLDatabase, schema: String) async throws -> [String] {
        try await c.raw(
            """
            SELECT name FROM \(ident: schema).sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'
            ORDER BY rowid
            """
        ).all().map { try $0.decode(column: "name", as: String.self) }
    }

    private static func columns(_ c: any SQLDatabase, schema: String, table: String) async throws -> [String] {
        try await c.raw("PRAGMA \(ident: schema).table_info(\(ident: table))").all()
            .map { try $0.decode(column: "name", as: String.self) }
    }

    private static func migrations(_ c: any SQLDatabase, schema: String) async throws -> Set<String> {
        Set(
            try await c.raw("SELECT name FROM \(ident: schema).\(ident: "_fluent_migrations")").all()
                .map { try $0.decode(column: "name", as: String.self) })
    }

    // MARK: PostgreSQL

    static func postgresServerVersion(_ db: any Database) async throws -> String {
        try await (db as! any SQLDatabase).raw("SHOW server_version").first()?
            .decode(column: "server_version", as: String.self) ?? ""
    }

    /// Whether the current schema has any table (pg_restore must create them itself).
    static func postgresHasTables(_ db: any Database) async throws -> Bool {
        let n = try await (db as! any SQLDatabase).raw(
            """
            SELECT count(*) AS n FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
            """
        ).first()?.decode(column: "n", as: Int.self)
        return (n ?? 0) > 0
    }

    /// The major version in a version text: "16.4 (Debian 16.4-1)" and "pg_dump (PostgreSQL) 16.4" give 16.
    static func majorVersion(_ text: String) -> Int? {
        let token = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.first?.isNumber == true }
        return token.flatMap { Int($0.prefix { $0.isNumber }) }
    }

    /// What `yishi backup` says on PostgreSQL, and whether the local pg_dump can dump this server
    /// (pg_dump refuses servers of a newer major version).
    static func pgDumpAdvice(file: String, serverVersion: String, pgDump: String?) -> (lines: [String], ok: Bool) {
        var lines = [
            "PostgreSQL 数据库请用 pg_dump 备份（服务器可继续运行）/ On PostgreSQL, back up with pg_dump (the server may keep running):",
            "  pg_dump --format=custom --file \(shellQuoted(file)) \"$DATABASE_URL\"",
            "恢复到新建的空数据库 / restore into a new, empty database:",
            "  pg_restore --no-owner --dbname \"$DATABASE_URL\" \(shellQuoted(file))",
            "  yishi audit verify",
            "服务器版本 / server version: \(serverVersion)",
        ]
        let server = majorVersion(serverVersion)
        guard let pgDump else {
            lines.append(
                "本机没有 pg_dump：请安装 PostgreSQL \(server.map(String.init) ?? "") 或更新版本的客户端 / "
                    + "pg_dump was not found here: install the PostgreSQL \(server.map(String.init) ?? "") client or newer"
            )
            return (lines, false)
        }
        let local = majorVersion(pgDump)
        if let server, let local, local >= server {
            lines.append("本机 pg_dump 可用 / local pg_dump can dump this server: \(pgDump)")
            return (lines, true)
        }
        lines.append(
            "本机 pg_dump 版本过旧（需要 ≥ \(server.map(String.init) ?? "?")）/ local pg_dump is too old "
                + "(needs major ≥ \(server.map(String.init) ?? "?")): \(pgDump)")
        return (lines, false)
    }

    static func pgRestoreAdvice(file: String) -> [String] {
        [
            "PostgreSQL 数据库请用 pg_restore 恢复 / On PostgreSQL, restore with pg_restore:",
            "  pg_restore --no-owner --dbname \"$DATABASE_URL\" \(shellQuoted(file))",
            "然后核验审计链 / then check the audit chain:",
            "  yishi audit verify",
        ]
    }

    /// `name --version` of a program on PATH, or nil when there is none.
    static func localToolVersion(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
        guard let path = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--version"]
        process.standardOutput = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
