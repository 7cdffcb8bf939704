import Fluent

/// A community's residents' committee office — where it is, when it is open, its phone — shown on
/// residents' home pages and edited by the community's staff.
struct M018UpdateNodesCommitteeOffice: AsyncMigration {
    var name: String { "018_UpdateNodesCommitteeOffice" }

    func prepare(on db: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        for column in ["office_address", "office_hours", "office_phone"] {
            try await db.schema("territory_nodes").field(.string(column), .string).update()
        }
    }

    func revert(on db: any Database) async throws {
        for column in ["office_address", "office_hours", "office_phone"] {
            try await db.schema("territory_nodes").deleteField(.string(column)).update()
        }
    }
}
