import Fluent
import Vapor

/// The one database, reached through three pools of connections, so that slow work never holds a
/// connection that a request needs to read with (the drivers keep one connection per event loop
/// and pool):
///
/// - the default pool: requests (reads, and the few unaudited writes such as a code's attempts);
/// - `yishiWriter`: the audit group commit's transactions (`AuditGroupCommit`), which may wait for
///   SQLite's write lock or PostgreSQL's row lock on the audit head;
/// - `yishiJobs`: the job worker, whose imports run for seconds in one transaction.
///
/// Before, a 60,000-row import held the connection of one event loop for its whole run and every
/// request on that loop, `GET /health` included, waited for it (p99 4.5 s).
extension DatabaseID {
    static let yishiWriter = DatabaseID(string: "yishi-writer")
    static let yishiJobs = DatabaseID(string: "yishi-jobs")
}

extension Application {
    /// The pool jobs use.
    var jobsDB: any Database { db(.yishiJobs) }
}

extension Request {
    /// Where a request writes outside the audit group commit (failure counters, a code's attempts,
    /// rate-limit events, sign-out): on the writers' pool, so that a write waiting for SQLite's
    /// lock never holds the connection other requests read with, and behind the write gate
    /// (`WriteGate`), so it takes its turn between an import's parts instead of sleeping through them.
    var writeDB: any Database { GatedDatabase.wrap(db(.yishiWriter)) }
}
