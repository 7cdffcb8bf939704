import Fluent
import Logging
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import YishiApp

/// Counts the SQL statements the application runs, from the drivers' "Executing query" debug lines
/// (both drivers log every statement at the query log level; in-process test requests log to the
/// application's logger).
final class QueryCounter: LogHandler, @unchecked Sendable {
    private let lock = NIOLock()
    private var seen: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        guard event.message.description == "Executing query", case .string(let sql)? = event.metadata?["sql"] else {
            return
        }
        lock.withLock { seen.append(sql) }
    }

    /// The statements run by `work`.
    func statements(_ work: () async throws -> Void) async rethrows -> [String] {
        lock.withLock { seen = [] }
        try await work()
        return lock.withLock { seen }
    }

    static func install(on app: Application) -> QueryCounter {
        let counter = QueryCounter()
        var logger = Logger(label: "yishi.tests.queries") { _ in counter }
        logger.logLevel = .debug
        app.logger = logger
        return counter
    }
}

/// The hot pages' statements per request, cold (nothing kept in the read caches):
/// a change that adds a query per grant, per child or per row shows here as a failing budget.
@Suite("Query budget of hot pages")
struct QueryBudgetTests {
    @Test func hotPagesStayWithinTheirStatementBudgets() async throws {
        try await withYishi(demo: true) { t in
            let counter = QueryCounter.install(on: t.app)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let unit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1-101").first())
            // As measured. The unit page reads the principal, the unit, its building, owners,
            // households, residents, their accounts and the ancestors: a fixed number whatever the rows.
            // A community's page adds its participation in needs (three grouped counts).
            // The staff home: the principal, the cards' counts, the to-do (waiting accounts, jobs)
            // and the recent changes (plus at most four name lookups when there are some), and the
            // projects' reminders that have come and follow-up actions overdue (two), and the
            // planners' terms ending soon and applications waiting (two), and the pots whose statement is
            // due (one).
            let budgets: [(String, Int)] = [
                ("/", 8), ("/api/v1/me", 1), ("/territory/\(community.id!.uuidString)", 6),
                ("/units/\(unit.id!.uuidString)", 9), ("/health", 1), ("/lifecircle/BS01-C1", 6),
            ]
            for (path, budget) in budgets {
                ReadCaches.changed()  // cold: no principal or counts kept, the most a request reads
                var status = HTTPStatus.ok
                let sql = try await counter.statements { status = try await b.get(path).status }
                #expect(status == .ok, "\(path)")
                #expect(
                    sql.count <= budget,
                    "\(path): \(sql.count) statements, budget \(budget):\n\(sql.joined(separator: "\n"))")
            }
        }
    }
}
