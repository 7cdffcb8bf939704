import Fluent
import SQLKit

/// A job's step and failure are stored as a text key with its arguments (read in the reader's
/// language when shown), no longer as two sentences. The sentence columns stay for rows written
/// before, and for messages made outside the catalog (the map reader's own).
struct M017UpdateJobsMessageKeys: AsyncMigration {
    var name: String { "017_UpdateJobsMessageKeys" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for column in ["message_key", "message_args", "error_key", "error_args"] {
            try await db.schema("jobs").field(.string(column), .string).update()
        }
    }

    func revert(on db: any Database) async throws {
        for column in ["message_key", "message_args", "error_key", "error_args"] {
            try await db.schema("jobs").deleteField(.string(column)).update()
        }
    }
}
