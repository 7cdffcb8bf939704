import Fluent

/// Issue 21: several matchers splitting one match. A rule's shares name every pot that pays its
/// match (its own matcher first) and each one's weight; the match is split among them pro rata
/// (`Matching.split`: floors, then the leftover fen one each to the largest remainders, the earlier
/// share on a tie). A rule without shares is paid by its matcher alone.
struct M031CreateMatchingShares: AsyncMigration {
    var name: String { "031_CreateMatchingShares" }

    func prepare(on db: any Database) async throws {
        try await db.schema("fund_matching_shares")
            .id()
            .field("rule_id", .uuid, .required, .references("fund_matching_rules", "id"))
            .field("pot_id", .uuid, .required, .references("fund_pots", "id"))
            .field("position", .int, .required)
            .field("weight", .int64, .required)
            .unique(on: "rule_id", "pot_id")
            .unique(on: "rule_id", "position")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema("fund_matching_shares").delete()
    }
}
