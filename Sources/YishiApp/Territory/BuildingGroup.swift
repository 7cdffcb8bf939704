import Fluent
import SQLKit
import Vapor
import YishiCore

/// 楼组: the residents of one or a few stairwells of a compound, with a leader.
final class BuildingGroup: Model, @unchecked Sendable {
    static let schema = "building_groups"

    @ID(key: .id) var id: UUID?
    @Parent(key: "compound_id") var compound: TerritoryNode
    @Field(key: "name") var name: String
    @OptionalParent(key: "leader_id") var leader: Resident?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(compoundID: UUID, name: String) {
        self.$compound.id = compoundID
        self.name = name
    }
}
