import Fluent
import Vapor
import YishiCore

/// Finding people and homes inside the searcher's scope. Every query is limited, in the database,
/// to the subtrees where the searcher holds the right the kind of record needs: the household
/// register (`personalDataRead`) for residents and households, the owners' register
/// (`ownersRegisterRead`) for owners, the territory (`territoryRead`) for homes.
enum PeopleQueries {
    static let limit = 20

    /// A row of a list or a search: a resident with where they live.
    struct ResidentRow: Sendable {
        var id: UUID
        var name: String
        var birthYear: Int
        var phone: String?
        var flags: ResidentFlags
        var building: String
        var buildingID: UUID
        var unitNumber: String
        var unitID: UUID
        var household: String
        /// The compound the building is in (lists name it: two compounds may both have a "1号").
        var compound: String = ""
        var compoundID: UUID? = nil
    }

    struct UnitRow: Sendable {
        var id: UUID
        var number: String
        var building: String
    }

    struct OwnerRow: Sendable {
        var name: String
        var phone: String?
        var unitID: UUID
        var unitNumber: String
        var building: String
    }

    struct Results: Sendable {
        var residents: [ResidentRow] = []
        var units: [UnitRow] = []
        var households: [ResidentRow] = []
        var owners: [OwnerRow] = []
        var truncated = false
        var isEmpty: Bool { residents.isEmpty && units.isEmpty && households.isEmpty && owners.isEmpty }
    }

    /// The subtrees where `caller` may `action`: nil for everywhere (the platform), [] for nowhere.
    static func scopes(_ caller: Caller, _ action: Action) -> [TerritoryPath]? {
        switch caller.acting {
        case .nobody: return []
        case .platform: return nil
        case .person(let actor):
            let s = Policy.scopes(actor, for: action)
            return s.contains(where: { $0 == nil }) ? nil : s.compactMap { $0 }
        }
    }

    /// The names a building numbered `n` goes by ("3", "3号", "3号楼", "3幢").
    static func buildingNames(_ n: String) -> [String] { [n, "\(n)号", "\(n)号楼", "\(n)幢"] }

    /// A door written "1-101" (also with a full-width dash or "1号-101"): building and room.
    static func door(_ q: String) -> (building: String, room: String)? {
        let parts = q.split(whereSeparator: { "-－—–/".contains($0) }).map { String($0).trimmed }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        var b = parts[0]
        for suffix in ["号楼", "号", "幢", "栋"] where b.hasSuffix(suffix) { b = String(b.dropLast(suffix.count)) }
        return (b, parts[1])
    }

    static func residents(on db: any Database, in scopes: [TerritoryPath]?) -> QueryBuilder<Resident> {
        let q = Resident.query(on: db)
            .join(Household.self, on: \Resident.$household.$id == \Household.$id)
            .join(Unit.self, on: \Household.$unit.$id == \Unit.$id)
            .join(TerritoryNode.self, on: \Unit.$building.$id == \TerritoryNode.$id)
        if let scopes { q.joinedNodeInAnySubtree(scopes) }
        return q
    }

    static func row(_ r: Resident) throws -> ResidentRow {
        let h = try r.joined(Household.self)
        let u = try r.joined(Unit.self)
        let b = try r.joined(TerritoryNode.self)
        return ResidentRow(
            id: try r.requireID(), name: r.name, birthYear: r.birthYear, phone: r.phone, flags: r.residentFlags,
            building: b.name, buildingID: try b.requireID(), unitNumber: u.number, unitID: try u.requireID(),
            household: h.code, compoundID: b.$parent.id)
    }

    static func search(_ text: String, by caller: Caller) async throws -> Results {
        let q = text.trimmed
        var out = Results()
        guard !q.isEmpty, !FieldRules.hasControlCharacter(q), q.count <= 64 else { return out }
        let digits = q.filter(\.isNumber)
        let isPhone = digits.count >= 4 && digits.count == q.filter { $0 != " " && $0 != "-" }.count
        let people = scopes(caller, .personalDataRead)
        if people != [] {
            let found = try await residents(on: caller.db, in: people)
                .group(.or) { g in
                    g.filter(\Resident.$name ~~ q)
                    if isPhone { g.filter(\Resident.$phone ~~ digits) }
                }
                .sort(\Resident.$name).limit(limit + 1).all()
            out.truncated = out.truncated || found.count > limit
            out.residents = try found.prefix(limit).map(row)
            let households = try await residents(on: caller.db, in: people)
                .filter(Household.self, \.$code =~ q).sort(Household.self, \.$code).sort(\Resident.$code)
                .limit(limit + 1).all()
            out.truncated = out.truncated || households.count > limit
            out.households = try households.prefix(limit).map(row)
        }
        if let door = door(q), scopes(caller, .territoryRead) != [] {
            let names = buildingNames(door.building)
            let qb = Unit.query(on: caller.db).join(TerritoryNode.self, on: \Unit.$building.$id == \TerritoryNode.$id)
                .filter(TerritoryNode.self, \.$name ~~ names).filter(\Unit.$number == door.room)
            if let s = scopes(caller, .territoryRead) { qb.joinedNodeInAnySubtree(s) }
            let units = try await qb.limit(limit + 1).all()
            out.truncated = out.truncated || units.count > limit
            out.units = try units.prefix(limit).map {
                UnitRow(id: try $0.requireID(), number: $0.number, building: try $0.joined(TerritoryNode.self).name)
            }
        }
        let register = scopes(caller, .ownersRegisterRead)
        if register != [] {
            let qb = Ownership.query(on: caller.db)
                .join(Owner.self, on: \Ownership.$owner.$id == \Owner.$id)
                .join(Unit.self, on: \Ownership.$unit.$id == \Unit.$id)
                .join(TerritoryNode.self, on: \Unit.$building.$id == \TerritoryNode.$id)
                .group(.or) { g in
                    g.filter(Owner.self, \.$name ~~ q)
                    if isPhone { g.filter(Owner.self, \.$phone ~~ digits) }
                }
            if let register { qb.joinedNodeInAnySubtree(register) }
            let found = try await qb.sort(Owner.self, \.$name).limit(limit + 1).all()
            out.truncated = out.truncated || found.count > limit
            out.owners = try found.prefix(limit).map { o in
                let owner = try o.joined(Owner.self)
                let unit = try o.joined(Unit.self)
                return OwnerRow(
                    name: owner.name, phone: owner.phone, unitID: try unit.requireID(), unitNumber: unit.number,
                    building: try o.joined(TerritoryNode.self).name)
            }
        }
        return out
    }

    /// The residents at or below `node` with `flag` (all when nil), in `building` when given: the
    /// committee's list, in building, door and name order.
    static func list(below node: TerritoryNode, flag: ResidentFlags?, building: UUID?, on db: any Database)
        async throws -> [ResidentRow]
    {
        let q = residents(on: db, in: [node.territoryPath])
        if let building { q.filter(TerritoryNode.self, \.$id == building) }
        if let name = flag.flatMap({ $0.names.first }) { q.filter(\Resident.$flags ~~ name) }
        var rows = try await q.all().map(row).filter { flag == nil || $0.flags.isSuperset(of: flag!) }
        let compoundIDs = Array(Set(rows.compactMap(\.compoundID)))
        let compounds =
            compoundIDs.isEmpty ? [] : try await TerritoryNode.query(on: db).filter(\.$id ~~ compoundIDs).all()
        for i in rows.indices { rows[i].compound = compounds.first { $0.id == rows[i].compoundID }?.name ?? "" }
        return rows.sorted { a, b in
            if a.compound != b.compound {
                return a.compound.compare(b.compound, options: .numeric) == .orderedAscending
            }
            let byBuilding = a.building.compare(b.building, options: .numeric)
            if byBuilding != .orderedSame { return byBuilding == .orderedAscending }
            let byDoor = a.unitNumber.compare(b.unitNumber, options: .numeric)
            if byDoor != .orderedSame { return byDoor == .orderedAscending }
            return a.name < b.name
        }
    }
}
