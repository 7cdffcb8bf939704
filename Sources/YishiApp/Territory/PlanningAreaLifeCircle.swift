import Fluent
import Vapor
import YishiCore

final class PlanningAreaLifeCircle: Model, @unchecked Sendable {
    static let schema = "planning_area_life_circles"
    @ID(key: .id) var id: UUID?
    @Parent(key: "planning_area_id") var planningArea: PlanningArea
    @Parent(key: "life_circle_id") var lifeCircle: LifeCircle
    init() {}
}
