import Fluent
import Vapor
import YishiCore

/// 15分钟社区生活圈: drawn over communities, owned by the node that plans it.
final class LifeCircle: Model, @unchecked Sendable {
    static let schema = "life_circles"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Parent(key: "node_id") var node: TerritoryNode
    @Siblings(through: LifeCircleCommunity.self, from: \.$lifeCircle, to: \.$community) var communities: [TerritoryNode]

    init() {}
    init(code: String, name: String, nodeID: UUID) {
        self.code = code
        self.name = name
        self.$node.id = nodeID
    }
}
