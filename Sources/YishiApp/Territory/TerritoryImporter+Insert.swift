import Fluent
import SQLKit
import Vapor
import YishiCore

/// New rows an import adds by the thousand, as plain values written with multi-row INSERTs
/// through SQLKit. No Fluent model is made for them: a model's property wrappers and Fluent's
/// batch create (one middleware task per row) cost most of a large import. The columns are those
/// of the migrations; times are bound as Fluent binds them.
struct BulkRows {
    let table: String
    let columns: [String]
    var values: [[any Encodable & Sendable]] = []

    static func households() -> BulkRows { BulkRows(table: Household.schema, columns: ["id", "code", "unit_id", "created_at"]) }
    static func residents() -> BulkRows {
        BulkRows(table: Resident.schema, columns: ["id", "code", "household_id", "name", "birth_year", "phone", "flags", "created_at", "updated_at"])
    }
    static func owners() -> BulkRows { BulkRows(table: Owner.schema, columns: ["id", "code", "name", "phone", "created_at"]) }
    static func ownerships() -> BulkRows { BulkRows(table: Ownership.schema, columns: ["id", "owner_id", "unit_id"]) }
    static func units() -> BulkRows {
        BulkRows(table: YishiApp.Unit.schema, columns: ["id", "building_id", "code", "number", "kind", "status", "register_area",
                                                       "survey_area", "contract_area", "area", "area_source", "created_at", "updated_at"])
    }

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
