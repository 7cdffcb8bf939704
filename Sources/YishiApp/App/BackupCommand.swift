import Fluent
import SQLKit
import Vapor

/// `yishi backup FILE`: on SQLite a consistent copy of the live database (the server may keep
/// running); on PostgreSQL how to use `pg_dump`, after checking that the local one can dump the server.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "The new backup file (must not exist yet) / 备份文件（不能已存在）")
        var file: String
        init() {}
    }

    var help: String { "Backs up the database to FILE / 备份数据库到文件" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let file = signature.file
        if FileManager.default.fileExists(atPath: file) {
            try CLI.fail("\(file): 文件已存在，不会覆盖 / already exists, will not overwrite it")
        }
        if case .postgres = app.settings.database {
            let server = try await Backup.postgresServerVersion(app.db)
            let advice = Backup.pgDumpAdvice(
                file: file, serverVersion: server, pgDump: Backup.localToolVersion("pg_dump"))
            advice.lines.forEach { context.console.print($0) }
            if !advice.ok { throw ExitCode(2) }
            return
        }
        // Opening a missing file would create an empty database there and back that up.
        if case .sqliteFile(let path) = app.settings.database, !FileManager.default.fileExists(atPath: path) {
            try CLI.fail("\(path): 没有这个数据库 / no database there")
        }
        try await Yishi.prepareDatabase(app, migrate: false)
        do {
            let copied = try await Backup.sqlite(app.db, to: file)
            context.console.print(
                "已备份到 \(file)，审计记录 \(copied.auditEntries) 条 / backed up to \(file), "
                    + "\(copied.auditEntries) audit entries, \(copied.tables) tables")
        } catch let refusal as Backup.Refusal {
            try CLI.fail(refusal.message)
        }
    }
}

/// `yishi restore FILE`: fills an empty database from a backup, then proves the audit chain intact.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "A file made by `yishi backup` / 由 yishi backup 生成的文件")
        var file: String
        init() {}
    }

    var help: String { "Restores a backup into an empty database / 将备份恢复到空数据库" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let file = signature.file
        guard FileManager.default.fileExists(atPath: file) else { try CLI.fail("\(file): 找不到文件 / no such file") }
        if case .postgres = app.settings.database {
            // pg_restore creates the tables itself, so the database must not be migrated: no migrate here.
            if try await Backup.postgresHasTables(app.db) {
                try CLI.fail(
                    "数据库里已经有表。请新建一个空数据库（createdb）再恢复，恢复前不要在上面启动 yishi。\n"
                        + "The database already has tables. Create a new, empty database (createdb) and restore into it; "
                        + "do not start yishi on it before restoring.")
            }
            Backup.pgRestoreAdvice(file: file).forEach { context.console.print($0) }
            return
        }
        try await Yishi.prepareDatabase(app)
        do {
            let copied = try await Backup.restoreSQLite(from: file, into: app.db)
            context.console.print("已恢复 \(copied.tables) 个表 / restored \(copied.tables) tables")
        } catch let refusal as Backup.Refusal {
            try CLI.fail(refusal.message)
        }
        switch try await AuditLog.verify(on: app.db) {
        case .ok(let n):
            context.console.print("审计链完整，已核对 \(n) 条 / audit chain intact, \(n) entries checked")
        case .broken(let seq, let reason):
            context.console.error(
                "恢复后第 \(seq) 条审计记录不一致：\(reason.rawValue) / after restore, audit entry \(seq) "
                    + "is broken: \(reason.rawValue)")
            throw ExitCode(1)
        }
    }
}
