import Fluent
import SQLKit

struct M006CreateLifeCirclesAndPlanningAreas: AsyncMigration {
    var name: String { "006_CreateLifeCirclesAndPlanningAreas" }
    func prepare(on db: any Database) async throws {
        try await db.schema("life_circles")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .unique(on: "code")
            .create()
        try await db.schema("life_circle_communities")
            .id()
            .field("life_circle_id", .uuid, .required, .references("life_circles", "id", onDelete: .cascade))
            .field("community_id", .uuid, .required, .references("territory_nodes", "id"))
            .unique(on: "life_circle_id", "community_id")
            .create()
        try await db.schema("planning_areas")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("node_id", .uuid, .required, .references("territory_nodes", "id"))
            .unique(on: "code")
            .create()
        try await db.schema("planning_area_life_circles")
            .id()
            .field("planning_area_id", .uuid, .required, .references("planning_areas", "id", onDelete: .cascade))
            .field("life_circle_id", .uuid, .required, .references("life_circles", "id"))
            .unique(on: "planning_area_id", "life_circle_id")
            .create()
    }
    func revert(on db: any Database) async throws {
        for t in ["planning_area_life_circles", "planning_areas", "life_circle_communities", "life_circles"] {
            try await db.schema(t).delete()
        }
    }
}
