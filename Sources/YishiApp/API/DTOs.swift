import Vapor
import YishiCore

/// JSON shapes of /api/v1. Names follow GLOSSARY.md; areas are strings with two decimals.
enum DTO {
    struct Grant: Content { var id: UUID?; var role: Role; var node: String?; var nodeName: String? }

    struct Me: Content {
        var id: UUID
        var displayName: String
        var kind: Actor.Kind
        var verified: Bool
        var grants: [Grant]
        var viaToken: Bool
    }

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
            id = n.id!; level = n.level; code = n.code; name = n.name; kind = n.kind; address = n.address
            parentId = n.$parent.id; path = n.path
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
            id = u.id!; code = u.code; number = u.number; kind = u.kind; status = u.status
            area = Area(centi: u.area).description; areaSource = u.areaSource
            registerArea = u.registerArea.map { Area(centi: $0).description }
            surveyArea = u.surveyArea.map { Area(centi: $0).description }
            contractArea = u.contractArea.map { Area(centi: $0).description }
            buildingId = u.$building.id
        }
    }

    struct Person: Content { var id: UUID; var code: String; var name: String; var phone: String?; var birthYear: Int?; var flags: [String]? }
    struct HouseholdOut: Content { var id: UUID; var code: String; var residents: [Person] }

    struct UnitDetail: Content {
        var unit: UnitSummary
        /// Present only for those allowed to read personal data; phones masked.
        var owners: [Person]?
        var households: [HouseholdOut]?
    }

    struct User: Content {
        var id: UUID
        var kind: Actor.Kind
        var username: String?
        var phone: String?
        var displayName: String
        var verified: Bool
        var grants: [Grant]

        init(_ u: YishiApp.User) {
            id = u.id!; kind = u.kind; username = u.username; phone = u.phone.map(OneTimeCodeRules.mask)
            displayName = u.displayName; verified = u.isVerified
            grants = u.$grants.value?.map { Grant(id: $0.id, role: $0.role, node: $0.node?.code, nodeName: $0.node?.name) } ?? []
        }
    }

    struct GrantInput: Content { var role: Role; var node: String? }
    struct TokenInput: Content { var name: String; var role: Role; var node: String? }
    struct Token: Content { var id: UUID; var name: String; var role: Role; var node: String?; var lastUsedAt: Date?; var createdAt: Date? }
    struct NewToken: Content { var token: String; var details: Token }

    struct AuditEntryOut: Content {
        var seq: Int64
        var at: Date
        var actorId: UUID?
        var actorLabel: String
        var action: String
        var targetType: String
        var targetId: String
        var nodeId: UUID?
        var onBehalfOf: UUID?
        var channel: String?
        var details: [String: String]
        var hash: String
    }

    struct AuditVerification: Content { var ok: Bool; var entries: Int?; var brokenAt: Int64?; var reason: String? }
}
