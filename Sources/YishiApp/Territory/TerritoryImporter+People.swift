import Fluent
import Vapor
import YishiCore

extension TerritoryImporter.Run {
    static let residentPlaces = """
        residents x LEFT JOIN households h ON h.id = x.household_id LEFT JOIN units u ON u.id = h.unit_id
        LEFT JOIN territory_nodes b ON b.id = u.building_id
        """
    static let ownerPlaces = """
        owners x LEFT JOIN ownerships s ON s.owner_id = x.id LEFT JOIN units u ON u.id = s.unit_id
        LEFT JOIN territory_nodes b ON b.id = u.building_id
        """

    /// Households and residents. A household stays in its unit; a resident may move between
    /// households only when both lie in scope, where it lives now and where it goes.
    mutating func applyResidents(_ records: [TerritoryRecord]) async throws {
        var unitCodes: [String] = []
        var householdCodes: [String] = []
        var residentCodes: [String] = []
        for case .resident(_, let h, let u, let c, _, _, _, _) in records {
            unitCodes.append(u)
            householdCodes.append(h)
            residentCodes.append(c)
        }
        let units = try await units(unitCodes)
        let households = try await find(Household.self, \.$code, householdCodes)
        let residents = try await find(Resident.self, \.$code, residentCodes)
        let livesIn = try await places(Array(residents.keys), from: Self.residentPlaces)
        var newHouseholds = BatchInsert.households()
        var newResidents = BatchInsert.residents()
        for (code, h) in households where householdIDs[code] == nil {
            householdIDs[code] = (try h.requireID(), h.$unit.id)
        }
        for case .resident(
            let line, let householdCode, let unitCode, let code, let name, let year, let phone, let flags) in records
        {
            if line % 2_000 == 0 { await Task.yield() }  // long loops leave room for requests (2 cooperative threads)
            let current = livesIn[code]?.first ?? nil
            if residents[code] != nil, !allows(current) {
                refuse(line, .outsideScope(code))
                continue
            }
            guard let unit = unit(unitCode, units, line: line) else { continue }
            let place = path(of: unit.building)
            let household: UUID
            if let h = householdIDs[householdCode] {
                guard h.unit == unit.id else {
                    refuse(line, .codeElsewhere(householdCode))
                    continue
                }
                household = h.id
            } else {
                household = UUID()
                let unitID = try unit.requireID()
                newHouseholds.add([household, householdCode, unitID, now])
                householdIDs[householdCode] = (household, unitID)
                addedHousehold(householdCode)
            }
            if let r = residents[code] {
                let changed =
                    (r.$household.id, r.name, r.birthYear, r.phone, r.flags) != (
                        household, name, year, phone, flags.encoded
                    )
                if changed {
                    // Written only if the resident still lives where the plan found it (and checked the scope).
                    residentUpdates.append(
                        """
                        UPDATE residents SET household_id = \(bind: household), name = \(bind: name), birth_year = \(bind: year),
                            phone = \(bind: phone), flags = \(bind: flags.encoded), updated_at = \(bind: now)
                        WHERE id = \(bind: try r.requireID()) AND household_id = \(bind: r.$household.id) RETURNING id
                        """)
                }
                count(changed ? .updated : .unchanged, code, at: current, place)
            } else {
                newResidents.add([UUID(), code, household, name, year, phone, flags.encoded, now, now])
                count(.added, code, at: place)
            }
        }
        inserts += [newHouseholds, newResidents]
    }

    /// A new household is named in the audit entry, not counted: the counts are per row (resident).
    mutating func addedHousehold(_ code: String) {
        if addedCodes.count < TerritoryImporter.auditedCodes { addedCodes.append(code) }
    }

    /// Owners and their holdings. An owner who already holds a unit outside scope is refused: renaming,
    /// re-phoning or giving them a holding would change a record that lives elsewhere.
    mutating func applyOwners(_ records: [TerritoryRecord]) async throws {
        var unitCodes: [String] = []
        var ownerCodes: [String] = []
        for case .ownership(_, let o, _, _, let u) in records {
            unitCodes.append(u)
            ownerCodes.append(o)
        }
        let units = try await units(unitCodes)
        let owners = try await find(Owner.self, \.$code, ownerCodes)
        let holdingsNow = try await places(Array(owners.keys), from: Self.ownerPlaces)
        for part in owners.values.compactMap(\.id).chunked(Self.chunk) {
            for s in try await Ownership.query(on: db).filter(\.$owner.$id ~~ part).all() {
                held.insert([s.$owner.id, s.$unit.id])
            }
        }
        var newOwners = BatchInsert.owners()
        var newHoldings = BatchInsert.ownerships()
        for (code, o) in owners where ownerIDs[code] == nil { ownerIDs[code] = try o.requireID() }
        // A row is one holding: added when the holding is new, updated when only the owner's
        // name or phone changed, unchanged otherwise.
        for case .ownership(let line, let code, let name, let phone, let unitCode) in records {
            if line % 2_000 == 0 { await Task.yield() }
            let places = holdingsNow[code] ?? []
            if owners[code] != nil, !places.allSatisfy({ allows($0) }) {
                refuse(line, .outsideScope(code))
                continue
            }
            guard let unit = unit(unitCode, units, line: line) else { continue }
            var ownerChanged = false
            let owner: UUID
            if let o = owners[code] {
                owner = try o.requireID()
                if !touchedOwners.contains(code), o.name != name || o.phone != phone {
                    // Written only if the owner still holds what the plan found (and checked the scope).
                    let holdings = places.filter { $0 != nil }.count
                    ownerUpdates.append(
                        """
                        UPDATE owners SET name = \(bind: name), phone = \(bind: phone)
                        WHERE id = \(bind: owner) AND (SELECT COUNT(*) FROM ownerships s WHERE s.owner_id = owners.id) = \(bind: holdings)
                        RETURNING id
                        """)
                    ownerChanged = true
                    for case let p? in places { touched.insert(p) }
                }
            } else if let id = ownerIDs[code] {
                owner = id  // added by an earlier line of this file
            } else {
                owner = UUID()
                newOwners.add([owner, code, name, phone, now])
                ownerIDs[code] = owner
            }
            touchedOwners.insert(code)
            let key = [owner, try unit.requireID()]
            let place = path(of: unit.building)
            if !held.contains(key) {
                held.insert(key)
                newHoldings.add([UUID(), key[0], key[1]])
                count(.added, "\(code)@\(unitCode)", at: place)
            } else {
                count(ownerChanged ? .updated : .unchanged, code, at: place)
            }
        }
        inserts += [newOwners, newHoldings]
    }
}
