import Fluent
import SQLKit
import Vapor

/// New rows by the thousand, as plain values written with multi-row INSERTs through SQLKit — for
/// imports and anything else that adds many rows at once (the audit log's group commit). No Fluent
/// model is made for them: a model's property wrappers and Fluent's batch create (one middleware
/// task per row) cost most of a large import. The columns are those of the migrations; times are
/// bound as Fluent binds them. Each capability keeps the column lists of its tables beside its
/// models (e.g. `TerritoryImporter+Insert.swift`).
struct BatchInsert {
    let table: String
    let columns: [String]
    var values: [[any Encodable & Sendable]] = []

    mutating func add(_ row: [any Encodable & Sendable]) { values.append(row) }

    /// Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
    var rowsPerInsert: Int { max(1, 8_000 / columns.count) }

    func insert(on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for part in values.chunked(rowsPerInsert) {
            var insert = sql.insert(into: table).columns(columns)
            for row in part { insert = insert.values(row) }
            try await insert.run()
            await Task.yield()
        }
    }
}

extension Array where Element: Model {
    /// Fluent's batch create, in chunks that stay under both databases' limits on bound values —
    /// for a few thousand models at most (the demo, a map's facilities); larger loads use `BatchInsert`.
    func createInChunks(on db: any Database) async throws {
        for chunk in chunked(200) where !chunk.isEmpty { try await chunk.create(on: db) }
    }
}
