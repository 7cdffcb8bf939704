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
        UnitAreas(
            register: registerArea.map(Area.init(centi:)), survey: surveyArea.map(Area.init(centi:)),
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
