import Fluent
import Vapor
import YishiCore

/// 片区: one or more life circles; the scope of an area-level planner.
final class PlanningArea: Model, @unchecked Sendable {
    static let schema = "planning_areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Parent(key: "node_id") var node: TerritoryNode
    @Siblings(through: PlanningAreaLifeCircle.self, from: \.$planningArea, to: \.$lifeCircle) var lifeCircles:
        [LifeCircle]

    init() {}
    init(code: String, name: String, nodeID: UUID) {
        self.code = code
        self.name = name
        self.$node.id = nodeID
    }
}
