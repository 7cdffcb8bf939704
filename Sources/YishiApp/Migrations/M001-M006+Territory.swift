import Fluent
import SQLKit

struct M001CreateTerritoryNodes: AsyncMigration {
    var name: String { "001_CreateTerritoryNodes" }
    func prepare(on db: any Database) async throws {
        try await db.schema("territory_nodes")
            .id()
            .field("level", .string, .required)
            .field("parent_id", .uuid, .references("territory_nodes", "id"))
            .field("path", .string, .required)
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string)
            .field("address", .string)
            .field("building_group_id", .uuid)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "path")
            .unique(on: "code")
            .create()
        try await (db as! any SQLDatabase).create(index: "territory_nodes_parent_idx").on("territory_nodes").column("parent_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("territory_nodes").delete() }
}

struct M002CreateBuildingGroups: AsyncMigration {
    var name: String { "002_CreateBuildingGroups" }
    func prepare(on db: any Database) async throws {
        try await db.schema("building_groups")
            .id()
            .field("compound_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("name", .string, .required)
            .field("leader_id", .uuid)
            .field("created_at", .datetime)
            .unique(on: "compound_id", "name")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema("building_groups").delete() }
}

struct M003CreateUnits: AsyncMigration {
    var name: String { "003_CreateUnits" }
    func prepare(on db: any Database) async throws {
        try await db.schema("units")
            .id()
            .field("building_id", .uuid, .required, .references("territory_nodes", "id"))
            .field("code", .string, .required)
            .field("number", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("register_area", .int64)
            .field("survey_area", .int64)
            .field("contract_area", .int64)
            .field("area", .int64, .required)
            .field("area_source", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        try await (db as! any SQLDatabase).create(index: "units_building_idx").on("units").column("building_id").run()
    }
    func revert(on db: any Database) async throws { try await db.schema("units").delete() }
}

struct M004CreateHouseholdsAndResidents: AsyncMigration {
    var name: String { "004_CreateHouseholdsAndResidents" }
    func prepare(on db: any Database) async throws {
        try await db.schema("households")
            .id()
            .field("code", .string, .required)
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema("residents")
            .id()
            .field("code", .string, .required)
            .field("household_id", .uuid, .references("households", "id"))
            .field("name", .string, .required)
            .field("birth_year", .int, .required)
            .field("phone", .string)
            .field("flags", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "code")
            .create()
        let sql = db as! any SQLDatabase
        try await sql.create(index: "households_unit_idx").on("households").column("unit_id").run()
        try await sql.create(index: "residents_household_idx").on("residents").column("household_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("residents").delete()
        try await db.schema("households").delete()
    }
}

struct M005CreateOwners: AsyncMigration {
    var name: String { "005_CreateOwners" }
    func prepare(on db: any Database) async throws {
        try await db.schema("owners")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("phone", .string)
            .field("created_at", .datetime)
            .unique(on: "code")
            .create()
        try await db.schema("ownerships")
            .id()
            .field("owner_id", .uuid, .required, .references("owners", "id"))
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .unique(on: "owner_id", "unit_id")
            .create()
        try await (db as! any SQLDatabase).create(index: "ownerships_unit_idx").on("ownerships").column("unit_id").run()
    }
    func revert(on db: any Database) async throws {
        try await db.schema("ownerships").delete()
        try await db.schema("owners").delete()
    }
}

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
