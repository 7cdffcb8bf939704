import Fluent
import Vapor
import YishiCore

/// 房屋 / 专有部分: an owned unit with its areas (0.01 m²), the basis of owners' votes.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Parent(key: "building_id") var building: TerritoryNode
    @Field(key: "code") var code: String
    @Field(key: "number") var number: String
    @Field(key: "kind") var kind: UnitKind
    @Field(key: "status") var status: UnitStatus
    @OptionalField(key: "register_area") var registerArea: Int64?
    @OptionalField(key: "survey_area") var surveyArea: Int64?
    @OptionalField(key: "contract_area") var contractArea: Int64?
    /// The counted area and where it came from (interpretation art. 8), kept with the raw three.
    @Field(key: "area") var area: Int64
    @Field(key: "area_source") var areaSource: AreaSource
    @Children(for: \.$unit) var households: [Household]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(buildingID: UUID, code: String, number: String, kind: UnitKind, status: UnitStatus, areas: UnitAreas) {
        self.$building.id = buildingID
        self.code = code
        self.number = number
        self.kind = kind
        self.status = status
        setAreas(areas)
    }

    var areas: UnitAreas {
        UnitAreas(register: registerArea.map(Area.init(centi:)), survey: surveyArea.map(Area.init(centi:)),
                  contract: contractArea.map(Area.init(centi:)))
    }

    /// Stores the three areas and the one that counts; the caller has checked that one exists.
    func setAreas(_ areas: UnitAreas) {
        registerArea = areas.register?.centi
        surveyArea = areas.survey?.centi
        contractArea = areas.contract?.centi
        let counted = areas.counted ?? (Area.zero, .contract)
        area = counted.area.centi
        areaSource = counted.source
    }
}

/// 户: a household living in a unit.
final class Household: Model, @unchecked Sendable {
    static let schema = "households"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Parent(key: "unit_id") var unit: Unit
    @Children(for: \.$household) var residents: [Resident]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(code: String, unitID: UUID) { self.code = code; self.$unit.id = unitID }
}

/// 居民 / 村民.
final class Resident: Model, @unchecked Sendable {
    static let schema = "residents"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @OptionalParent(key: "household_id") var household: Household?
    @Field(key: "name") var name: String
    @Field(key: "birth_year") var birthYear: Int
    @OptionalField(key: "phone") var phone: String?
    /// `ResidentFlags.encoded`.
    @Field(key: "flags") var flags: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
    init(code: String, householdID: UUID?, name: String, birthYear: Int, phone: String?, flags: ResidentFlags) {
        self.code = code; self.$household.id = householdID; self.name = name; self.birthYear = birthYear
        self.phone = phone; self.flags = flags.encoded
    }

    var residentFlags: ResidentFlags { ResidentFlags(encoded: flags) ?? [] }
}

/// 业主: holds one or more units; may or may not live there.
final class Owner: Model, @unchecked Sendable {
    static let schema = "owners"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "phone") var phone: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(code: String, name: String, phone: String?) { self.code = code; self.name = name; self.phone = phone }
}

/// One owner's holding of one unit; a unit may have several co-owners.
final class Ownership: Model, @unchecked Sendable {
    static let schema = "ownerships"

    @ID(key: .id) var id: UUID?
    @Parent(key: "owner_id") var owner: Owner
    @Parent(key: "unit_id") var unit: Unit

    init() {}
    init(ownerID: UUID, unitID: UUID) { self.$owner.id = ownerID; self.$unit.id = unitID }
}

/// 15分钟社区生活圈: drawn over communities, owned by the node that plans it.
final class LifeCircle: Model, @unchecked Sendable {
    static let schema = "life_circles"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Parent(key: "node_id") var node: TerritoryNode
    @Siblings(through: LifeCircleCommunity.self, from: \.$lifeCircle, to: \.$community) var communities: [TerritoryNode]

    init() {}
    init(code: String, name: String, nodeID: UUID) { self.code = code; self.name = name; self.$node.id = nodeID }
}

final class LifeCircleCommunity: Model, @unchecked Sendable {
    static let schema = "life_circle_communities"
    @ID(key: .id) var id: UUID?
    @Parent(key: "life_circle_id") var lifeCircle: LifeCircle
    @Parent(key: "community_id") var community: TerritoryNode
    init() {}
}

/// 片区: one or more life circles; the scope of an area-level planner.
final class PlanningArea: Model, @unchecked Sendable {
    static let schema = "planning_areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Parent(key: "node_id") var node: TerritoryNode
    @Siblings(through: PlanningAreaLifeCircle.self, from: \.$planningArea, to: \.$lifeCircle) var lifeCircles: [LifeCircle]

    init() {}
    init(code: String, name: String, nodeID: UUID) { self.code = code; self.name = name; self.$node.id = nodeID }
}

final class PlanningAreaLifeCircle: Model, @unchecked Sendable {
    static let schema = "planning_area_life_circles"
    @ID(key: .id) var id: UUID?
    @Parent(key: "planning_area_id") var planningArea: PlanningArea
    @Parent(key: "life_circle_id") var lifeCircle: LifeCircle
    init() {}
}
