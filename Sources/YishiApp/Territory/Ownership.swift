import Fluent
import Vapor
import YishiCore

/// One owner's holding of one unit; a unit may have several co-owners.
final class Ownership: Model, @unchecked Sendable {
    static let schema = "ownerships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "owner_id") var owner: Owner
    @Parent(key: "unit_id") var unit: Unit

    init() {}
    init(ownerID: UUID, unitID: UUID) {
        self.$owner.id = ownerID
        self.$unit.id = unitID
    }
}
