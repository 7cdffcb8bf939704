import Fluent
import Vapor
import YishiCore

/// A node of the territory tree: a district, subdistrict, community, compound or building.
///
/// One table for every level, so that every record of the platform can belong to "a node" by one
/// foreign key, and one rule of scope (a prefix of `path`) serves every level.
final class TerritoryNode: Model, @unchecked Sendable {
    static let schema = "territory_nodes"

    @ID(key: .id) var id: UUID?
    @Field(key: "level") var level: TerritoryLevel
    @OptionalParent(key: "parent_id") var parent: TerritoryNode?
    /// "/districtId/…/thisId/": see `TerritoryPath`.
    @Field(key: "path") var path: String
    /// The external code used by imports and the API; unique across the tree.
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    /// Subdistrict kind, community kind or housing type, by level.
    @OptionalField(key: "kind") var kind: String?
    @OptionalField(key: "address") var address: String?
    @OptionalParent(key: "building_group_id") var buildingGroup: BuildingGroup?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// A new node below `parent` (nil for a district); its id is fixed now so that its path can be.
    init(level: TerritoryLevel, parent: TerritoryNode?, code: String, name: String, kind: String? = nil, address: String? = nil) throws {
        let id = UUID()
        self.id = id
        self.level = level
        self.$parent.id = try parent?.requireID()
        self.path = (parent.flatMap { TerritoryPath(encoded: $0.path) }?.appending(id) ?? TerritoryPath([id])).encoded
        self.code = code
        self.name = name
        self.kind = kind
        self.address = address
    }

    var territoryPath: TerritoryPath { TerritoryPath(encoded: path)! }
}

/// 楼组: the residents of one or a few stairwells of a compound, with a leader.
final class BuildingGroup: Model, @unchecked Sendable {
    static let schema = "building_groups"

    @ID(key: .id) var id: UUID?
    @Parent(key: "compound_id") var compound: TerritoryNode
    @Field(key: "name") var name: String
    @OptionalParent(key: "leader_id") var leader: Resident?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(compoundID: UUID, name: String) { self.$compound.id = compoundID; self.name = name }
}
