import Fluent
import YishiCore

/// The tables an import adds rows to by the thousand, with their columns (`BatchInsert`).
extension BatchInsert {
    static func households() -> BatchInsert {
        BatchInsert(table: Household.schema, columns: ["id", "code", "unit_id", "created_at"])
    }
    static func residents() -> BatchInsert {
        BatchInsert(
            table: Resident.schema,
            columns: ["id", "code", "household_id", "name", "birth_year", "phone", "flags", "created_at", "updated_at"])
    }
    static func owners() -> BatchInsert {
        BatchInsert(table: Owner.schema, columns: ["id", "code", "name", "phone", "created_at"])
    }
    static func ownerships() -> BatchInsert {
        BatchInsert(table: Ownership.schema, columns: ["id", "owner_id", "unit_id"])
    }
    static func units() -> BatchInsert {
        BatchInsert(
            table: YishiApp.Unit.schema,
            columns: [
                "id", "building_id", "code", "number", "kind", "status", "register_area",
                "survey_area", "contract_area", "area", "area_source", "created_at", "updated_at",
            ])
    }
}
