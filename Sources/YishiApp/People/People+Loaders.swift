import Fluent
import Vapor
import YishiCore

/// A resident with where they live: household, unit, building.
struct ResidentHome: Sendable {
    var resident: Resident
    var household: Household
    var unit: Unit
    var building: TerritoryNode

    var path: TerritoryPath { building.territoryPath }
    var details: ResidentRules.Details {
        .init(
            name: resident.name, birthYear: resident.birthYear, phone: resident.phone, flags: resident.residentFlags)
    }
}

extension Caller {
    /// A resident, for `action` at their building: refused (401/403/404) before anything more is
    /// read. A resident on no household belongs to no place and is found by no one but the platform.
    func resident(_ id: UUID?, for action: Action) async throws -> ResidentHome {
        guard let id,
            let r = try await Resident.query(on: db).filter(\.$id == id)
                .with(\.$household, { $0.with(\.$unit) { $0.with(\.$building) } }).first(),
            let h = r.household
        else { throw YishiError.notFound }
        let home = ResidentHome(resident: r, household: h, unit: h.unit, building: h.unit.building)
        try authorize(action, at: home.path)
        return home
    }

    /// A household by its code, for `action` at its building; nil when there is none or it is
    /// outside the caller's scope (the caller is not told which).
    func household(code: String, for action: Action) async throws -> (Household, TerritoryNode)? {
        guard
            let h = try await Household.query(on: db).filter(\.$code == code)
                .with(\.$unit, { $0.with(\.$building) }).first()
        else { return nil }
        return allows(action, at: h.unit.building.territoryPath) ? (h, h.unit.building) : nil
    }

    /// A household by id, for `action` at its building.
    func household(_ id: UUID?, for action: Action) async throws -> (Household, TerritoryNode) {
        guard let id,
            let h = try await Household.query(on: db).filter(\.$id == id)
                .with(\.$unit, { $0.with(\.$building) }).first()
        else { throw YishiError.notFound }
        try authorize(action, at: h.unit.building.territoryPath)
        return (h, h.unit.building)
    }
}
