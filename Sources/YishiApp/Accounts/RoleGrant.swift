import Fluent
import Vapor
import YishiCore

/// A role held by a user at a node (none: platform-wide).
final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: Role
    @OptionalParent(key: "node_id") var node: TerritoryNode?
    @OptionalField(key: "granted_by_id") var grantedByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: UUID, role: Role, nodeID: UUID?, grantedBy: UUID?) {
        self.$user.id = userID
        self.role = role
        self.$node.id = nodeID
        self.grantedByID = grantedBy
    }
}
