import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

extension Error {
    /// The database refused a row because a unique constraint already holds its value (two
    /// requests creating the same code or username at once): SQLite's `SQLITE_CONSTRAINT_UNIQUE`
    /// (or the plain constraint code with its "UNIQUE constraint failed" message) and PostgreSQL's
    /// SQLSTATE 23505. The caller answers with the field's "already in use", never a 500.
    var isUniqueViolation: Bool {
        if let e = self as? SQLiteError {
            switch e.reason {
            case .constraintUniqueFailed, .constraintPrimaryKeyFailed: return true
            case .constraint: return e.message.contains("UNIQUE constraint failed")
            default: return false
            }
        }
        if let e = self as? PSQLError { return e.serverInfo?[.sqlState] == "23505" }
        return false
    }
}
