import Fluent
import SQLKit
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
    /// A community's residents' committee office: where, when open, its phone.
    @OptionalField(key: "office_address") var officeAddress: String?
    @OptionalField(key: "office_hours") var officeHours: String?
    @OptionalField(key: "office_phone") var officePhone: String?
    @OptionalParent(key: "building_group_id") var buildingGroup: BuildingGroup?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// A new node below `parent` (nil for a district); its id is fixed now so that its path can be.
    init(
        level: TerritoryLevel, parent: TerritoryNode?, code: String, name: String, kind: String? = nil,
        address: String? = nil
    ) throws {
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

    /// The columns `init(row:)` reads, for a query on `territory_nodes` aliased `n`.
    static let rowColumns =
        "n.id, n.level, n.parent_id, n.path, n.code, n.name, n.kind, n.address, n.building_group_id, n.created_at, n.updated_at, "
        + "n.office_address, n.office_hours, n.office_phone"

    /// A stored node from a row of `rowColumns`, without Fluent's per-model reflection.
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        $id.exists = true
        level = try row.decode(column: "level", as: TerritoryLevel.self)
        $parent.id = try row.decode(column: "parent_id", as: UUID?.self)
        path = try row.decode(column: "path", as: String.self)
        code = try row.decode(column: "code", as: String.self)
        name = try row.decode(column: "name", as: String.self)
        kind = try row.decode(column: "kind", as: String?.self)
        address = try row.decode(column: "address", as: String?.self)
        officeAddress = try row.decode(column: "office_address", as: String?.self)
        officeHours = try row.decode(column: "office_hours", as: String?.self)
        officePhone = try row.decode(column: "office_phone", as: String?.self)
        $buildingGroup.id = try row.decode(column: "building_group_id", as: UUID?.self)
        createdAt = try row.decode(column: "created_at", as: Date?.self)
        updatedAt = try row.decode(column: "updated_at", as: Date?.self)
    }
}
