import Vapor
import YishiCore

/// Accounts' JSON shapes (`Accounts+OpenAPI.swift` describes them).
extension DTO {
    struct Grant: Content {
        var id: UUID?
        var role: Role
        var node: String?
        var nodeName: String?
    }

    struct Me: Content {
        var id: UUID
        var displayName: String
        var kind: Actor.Kind
        var verified: Bool
        var grants: [Grant]
        var viaToken: Bool
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
            id = u.id!
            kind = u.kind
            username = u.username
            phone = u.phone.map(OneTimeCodeRules.mask)
            displayName = u.displayName
            verified = u.isVerified
            grants =
                u.$grants.value?.map { Grant(id: $0.id, role: $0.role, node: $0.node?.code, nodeName: $0.node?.name) }
                ?? []
        }
    }

    struct GrantInput: Content {
        var role: Role
        var node: String?
    }
    struct TokenInput: Content {
        var name: String
        var role: Role
        var node: String?
    }
    struct Token: Content {
        var id: UUID
        var name: String
        var role: Role
        var node: String?
        var lastUsedAt: Date?
        var createdAt: Date?
    }
    struct NewToken: Content {
        var token: String
        var details: Token
    }
}
