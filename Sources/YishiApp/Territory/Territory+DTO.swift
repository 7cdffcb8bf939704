import Vapor
import YishiCore

/// The territory's JSON shapes (`Territory+OpenAPI.swift` describes them); areas are strings with two decimals.
extension DTO {
    struct Node: Content {
        var id: UUID
        var level: TerritoryLevel
        var code: String
        var name: String
        var kind: String?
        var address: String?
        var parentId: UUID?
        var path: String

        init(_ n: TerritoryNode) {
            id = n.id!
            level = n.level
            code = n.code
            name = n.name
            kind = n.kind
            address = n.address
            parentId = n.$parent.id
            path = n.path
        }
    }

    struct NodeDetail: Content {
        var node: Node
        var ancestors: [Node]
        var children: [Node]
        var stats: TerritoryQueries.Stats
    }

    struct UnitSummary: Content {
        var id: UUID
        var code: String
        var number: String
        var kind: UnitKind
        var status: UnitStatus
        var area: String
        var areaSource: AreaSource
        var registerArea: String?
        var surveyArea: String?
        var contractArea: String?
        var buildingId: UUID

        init(_ u: YishiApp.Unit) {
            id = u.id!
            code = u.code
            number = u.number
            kind = u.kind
            status = u.status
            area = Area(centi: u.area).description
            areaSource = u.areaSource
            registerArea = u.registerArea.map { Area(centi: $0).description }
            surveyArea = u.surveyArea.map { Area(centi: $0).description }
            contractArea = u.contractArea.map { Area(centi: $0).description }
            buildingId = u.$building.id
        }
    }

    struct Person: Content {
        var id: UUID
        var code: String
        var name: String
        var phone: String?
        var birthYear: Int?
        var flags: [String]?
    }
    struct HouseholdOut: Content {
        var id: UUID
        var code: String
        var residents: [Person]
    }

    struct UnitDetail: Content {
        var unit: UnitSummary
        /// Present only for those allowed to read personal data; phones masked.
        var owners: [Person]?
        var households: [HouseholdOut]?
    }
}
