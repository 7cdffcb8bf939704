import Fluent
import Vapor
import YishiCore

/// A token for `/api/v1`, scoped like a role; only its hash is kept.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "node_id") var node: TerritoryNode?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: UUID, name: String, tokenHash: String, role: Role, nodeID: UUID?) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
        self.role = role
        self.$node.id = nodeID
    }
}
