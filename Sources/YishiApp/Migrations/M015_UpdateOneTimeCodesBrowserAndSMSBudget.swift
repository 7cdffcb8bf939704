import Fluent
import SQLKit

/// A one-time code belongs to the browser that asked for it (the hash of a nonce kept in that
/// browser's cookie), and the platform counts the SMS it sends each hour against a budget, in one
/// row per hour that a single upsert increments (the same SQL on SQLite ≥ 3.35 and PostgreSQL).
struct M015UpdateOneTimeCodesBrowserAndSMSBudget: AsyncMigration {
    var name: String { "015_UpdateOneTimeCodesBrowserAndSMSBudget" }

    func prepare(on db: any Database) async throws {
        try await db.schema("one_time_codes").field("browser_hash", .string).update()
        try await (db as! any SQLDatabase).raw(
            """
            CREATE TABLE sms_hourly_counts (hour BIGINT PRIMARY KEY, sent BIGINT NOT NULL)
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("DROP TABLE sms_hourly_counts").run()
        try await db.schema("one_time_codes").deleteField("browser_hash").update()
    }
}
