import Fluent
import Vapor
import YishiCore

final class LifeCircleCommunity: Model, @unchecked Sendable {
    static let schema = "life_circle_communities"
    @ID(key: .id) var id: UUID?
    @Parent(key: "life_circle_id") var lifeCircle: LifeCircle
    @Parent(key: "community_id") var community: TerritoryNode
    init() {}
}
