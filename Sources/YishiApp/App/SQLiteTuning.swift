import Fluent
import SQLKit
import Vapor

/// SQLite's per-connection settings, set by us: the driver sets only `foreign_keys`.
///
/// - `synchronous=FULL`: a commit is on disk before it is acknowledged (survives power loss, not
///   only a killed process); in WAL mode `NORMAL` would lose the last commits on power loss.
/// - `foreign_keys=ON`: references are enforced (the driver already does; we check it).
/// - `busy_timeout`: a writer blocked by another process (a command-line import while the server
///   runs) sleeps and retries for up to this long, instead of the driver's busy-spin.
/// - `cache_size=-32768` (32 MB a connection, the default is 2 MB): a large import's pages stay
///   in memory until its commit instead of spilling into the log half-way; `temp_store=MEMORY`.
///
/// Each pool (`DatabasePools`) keeps one connection per event loop for the life of the process
/// (SQLite connections do not drop), so the settings are applied once to each of them at start.
enum SQLiteTuning {
    static let busyTimeoutMillis = 10_000
    static let pragmas = [
        "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=\(busyTimeoutMillis)",
        "PRAGMA cache_size=-32768", "PRAGMA temp_store=MEMORY",
    ]

    static func apply(_ app: Application) async throws {
        guard app.db is any SQLDatabase, (app.db as! any SQLDatabase).dialect.name == "sqlite" else { return }
        for id in [DatabaseID.sqlite, .yishiWriter, .yishiJobs] {
            for loop in app.eventLoopGroup.makeIterator() {
                guard let db = app.databases.database(id, logger: app.logger, on: loop) as? any SQLDatabase else {
                    continue
                }
                for pragma in pragmas { _ = try await db.raw(SQLQueryString(pragma)).all() }
            }
        }
    }

    /// Lets SQLite's planner know the tables' sizes (`sqlite_stat1`), so that a query through the
    /// territory tree starts from the subtree's index rather than scanning residents: without
    /// statistics the planner guesses, and a search or a committee's list scanned every resident.
    /// Run at start (after migrations and the demo) and after each import; cheap when nothing changed.
    /// On PostgreSQL the same moments run `ANALYZE`: autovacuum would get there within a minute or so,
    /// but until it does a community's ranked list was planned as 37 rows and sorted 10,000.
    static func optimize(_ db: any Database) async {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            _ = try? await sql.raw("PRAGMA optimize=0x10002").all()
        } else {
            _ = try? await sql.raw("ANALYZE").run()
        }
    }

    /// The same for a few tables just filled (a register frozen): SQLite's `optimize` analyses only
    /// what changed much; PostgreSQL analyses the tables named.
    static func analyze(_ db: any Database, tables: [String]) async {
        guard let sql = db as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            _ = try? await sql.raw("PRAGMA optimize=0x10002").all()
        } else {
            _ = try? await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
        }
    }

    /// What each loop's connection reports, for tests and `yishi bench`: name → values seen.
    static func read(_ app: Application) async throws -> [String: [Int]] {
        var out: [String: [Int]] = [:]
        for id in [DatabaseID.sqlite, .yishiWriter, .yishiJobs] {
            for loop in app.eventLoopGroup.makeIterator() {
                guard let db = app.databases.database(id, logger: app.logger, on: loop) as? any SQLDatabase else {
                    continue
                }
                for name in ["synchronous", "foreign_keys", "busy_timeout"] {
                    let row = try await db.raw(SQLQueryString("PRAGMA \(name)")).first()
                    let value = try row.map { try $0.decode(column: row!.allColumns[0], as: Int.self) } ?? -1
                    out[name, default: []].append(value)
                }
            }
        }
        return out
    }
}
