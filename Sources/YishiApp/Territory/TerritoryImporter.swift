import Fluent
import Vapor
import YishiCore

/// Imports one territory CSV: every row is checked first, then all rows are written in one
/// transaction with one audit entry, or nothing is. Rows are keyed by their external codes, so
/// importing the same file again changes nothing.
enum TerritoryImporter {
    struct Outcome: Content, Equatable {
        var kind: String
        var added: Int
        var updated: Int
        var unchanged: Int
    }

    /// Reads and validates the file without touching storage.
    static func parse(_ data: Data, currentYear: Int) throws -> (TerritoryImportKind, [TerritoryRecord]) {
        let table: CSVTable
        do { table = try CSVTable.read(data) } catch {
            switch error {
            case .notText: throw ImportFailure([ImportIssue(line: 1, problem: .notUTF8)])
            case .empty: throw ImportFailure([ImportIssue(line: 1, problem: .emptyFile)])
            case .malformed(let line): throw ImportFailure([ImportIssue(line: line, problem: .malformedCSV)])
            }
        }
        let (header, rows) = (table.header, table.rows)
        switch TerritoryImportValidator.validate(header: header ?? [], rows: rows, currentYear: currentYear) {
        case .success(let result): return result
        case .failure(let failure): throw failure
        }
    }

    /// Parses, applies and audits. `actor` nil means the command line, which may import anywhere.
    static func run(_ data: Data, actor: Actor?, auditActor: AuditActor, on db: any Database, time: any TimeSource) async throws -> Outcome {
        let year = Calendar(identifier: .gregorian).component(.year, from: time.now())
        let (kind, records) = try parse(data, currentYear: year)
        let digest = sha256Hex(data)
        return try await AuditLog.transaction(on: db, actor: auditActor, time: time) { tx in
            var run = Run(actor: actor, db: tx)
            try await run.apply(kind, records)
            if !run.issues.isEmpty { throw ImportFailure(run.issues.sorted { $0.line < $1.line }) }
            let outcome = Outcome(kind: kind.rawValue, added: run.added, updated: run.updated, unchanged: run.unchanged)
            return (outcome, AuditEvent(action: .territoryImport, targetType: kind.rawValue, targetID: String(digest.prefix(16)), nodeID: nil,
                                        details: ["sha256": digest, "rows": String(records.count), "added": String(run.added),
                                                  "updated": String(run.updated), "unchanged": String(run.unchanged)]))
        }
    }

    /// One import in progress inside its transaction.
    struct Run {
        var actor: Actor?
        var db: any Database
        var issues: [ImportIssue] = []
        var added = 0, updated = 0, unchanged = 0

        init(actor: Actor?, db: any Database) { self.actor = actor; self.db = db }

        mutating func count(_ outcome: Change) {
            switch outcome { case .added: added += 1; case .updated: updated += 1; case .unchanged: unchanged += 1 }
        }

        enum Change { case added, updated, unchanged }

        func allowed(_ path: TerritoryPath) -> Bool { actor == nil || Policy.allows(actor, .territoryImport, at: path) }

        func nodes(_ codes: [String]) async throws -> [String: TerritoryNode] {
            var out: [String: TerritoryNode] = [:]
            for chunk in Array(Set(codes)).chunked(500) {
                for n in try await TerritoryNode.query(on: db).filter(\.$code ~~ chunk).all() { out[n.code] = n }
            }
            return out
        }

        func units(_ codes: [String]) async throws -> [String: Unit] {
            var out: [String: Unit] = [:]
            for chunk in Array(Set(codes)).chunked(500) {
                for u in try await Unit.query(on: db).filter(\.$code ~~ chunk).with(\.$building).all() { out[u.code] = u }
            }
            return out
        }

        /// The parent named by `code` at `level`, within the importer's scope; records a problem otherwise.
        mutating func parent(_ code: String, _ level: TerritoryLevel, _ found: [String: TerritoryNode], line: Int) -> TerritoryNode? {
            guard let node = found[code] else { issues.append(.init(line: line, problem: .unknownReference(code))); return nil }
            guard node.level == level else { issues.append(.init(line: line, problem: .wrongLevel(code, expected: level))); return nil }
            guard allowed(node.territoryPath) else { issues.append(.init(line: line, problem: .outsideScope(code))); return nil }
            return node
        }

        mutating func apply(_ kind: TerritoryImportKind, _ records: [TerritoryRecord]) async throws {
            switch kind {
            case .compounds, .buildings: try await applyNodes(records)
            case .units: try await applyUnits(records)
            case .households: try await applyResidents(records)
            case .owners: try await applyOwners(records)
            }
        }

        mutating func applyNodes(_ records: [TerritoryRecord]) async throws {
            var parentCodes: [String] = [], codes: [String] = []
            for r in records {
                switch r {
                case .compound(_, let code, let community, _, _, _): codes.append(code); parentCodes.append(community)
                case .building(_, let code, let compound, _, _): codes.append(code); parentCodes.append(compound)
                default: break
                }
            }
            let parents = try await nodes(parentCodes), existing = try await nodes(codes)
            for r in records {
                let line: Int, code: String, parentCode: String, name: String, kind: String?, address: String?, group: String
                let level: TerritoryLevel
                switch r {
                case .compound(let l, let c, let p, let n, let type, let a):
                    (line, code, parentCode, name, kind, address, group, level) = (l, c, p, n, type.rawValue, a.isEmpty ? nil : a, "", .compound)
                case .building(let l, let c, let p, let n, let g):
                    (line, code, parentCode, name, kind, address, group, level) = (l, c, p, n, nil, nil, g, .building)
                default: continue
                }
                guard let parent = parent(parentCode, level.parentLevel!, parents, line: line) else { continue }
                var groupID: UUID? = nil
                if !group.isEmpty { groupID = try await buildingGroup(named: group, in: parent) }
                if let node = existing[code] {
                    guard node.level == level, node.$parent.id == parent.id else { issues.append(.init(line: line, problem: .codeElsewhere(code))); continue }
                    var changed = false
                    if node.name != name { node.name = name; changed = true }
                    if node.kind != kind { node.kind = kind; changed = true }
                    if level == .compound, node.address != address { node.address = address; changed = true }
                    if level == .building, node.$buildingGroup.id != groupID { node.$buildingGroup.id = groupID; changed = true }
                    if changed { try await node.save(on: db) }
                    count(changed ? .updated : .unchanged)
                } else {
                    let node = try TerritoryNode(level: level, parent: parent, code: code, name: name, kind: kind, address: address)
                    node.$buildingGroup.id = groupID
                    try await node.create(on: db)
                    count(.added)
                }
            }
        }

        func buildingGroup(named name: String, in compound: TerritoryNode) async throws -> UUID {
            let cid = try compound.requireID()
            if let g = try await BuildingGroup.query(on: db).filter(\.$compound.$id == cid).filter(\.$name == name).first() { return try g.requireID() }
            let g = BuildingGroup(compoundID: cid, name: name)
            try await g.create(on: db)
            return try g.requireID()
        }

        mutating func applyUnits(_ records: [TerritoryRecord]) async throws {
            let buildings = try await nodes(records.compactMap { if case .unit(_, _, let b, _, _, _, _) = $0 { return b } else { return nil } })
            let existing = try await units(records.compactMap { if case .unit(_, let c, _, _, _, _, _) = $0 { return c } else { return nil } })
            for case .unit(let line, let code, let buildingCode, let number, let kind, let status, let areas) in records {
                guard let building = parent(buildingCode, .building, buildings, line: line) else { continue }
                if let unit = existing[code] {
                    guard unit.$building.id == building.id else { issues.append(.init(line: line, problem: .codeElsewhere(code))); continue }
                    let before = (unit.number, unit.kind, unit.status, unit.areas)
                    unit.number = number; unit.kind = kind; unit.status = status; unit.setAreas(areas)
                    if before != (number, kind, status, areas) { try await unit.save(on: db); count(.updated) } else { count(.unchanged) }
                } else {
                    try await Unit(buildingID: try building.requireID(), code: code, number: number, kind: kind, status: status, areas: areas).create(on: db)
                    count(.added)
                }
            }
        }

        /// The unit named by `code`, within scope.
        mutating func unit(_ code: String, _ found: [String: Unit], line: Int) -> Unit? {
            guard let unit = found[code] else { issues.append(.init(line: line, problem: .unknownReference(code))); return nil }
            guard allowed(unit.building.territoryPath) else { issues.append(.init(line: line, problem: .outsideScope(code))); return nil }
            return unit
        }

        mutating func applyResidents(_ records: [TerritoryRecord]) async throws {
            var unitCodes: [String] = [], householdCodes: [String] = [], residentCodes: [String] = []
            for case .resident(_, let h, let u, let c, _, _, _, _) in records { unitCodes.append(u); householdCodes.append(h); residentCodes.append(c) }
            let units = try await units(unitCodes)
            var households: [String: Household] = [:]
            var residents: [String: Resident] = [:]
            for chunk in Array(Set(householdCodes)).chunked(500) {
                for h in try await Household.query(on: db).filter(\.$code ~~ chunk).all() { households[h.code] = h }
            }
            for chunk in Array(Set(residentCodes)).chunked(500) {
                for r in try await Resident.query(on: db).filter(\.$code ~~ chunk).all() { residents[r.code] = r }
            }
            for case .resident(let line, let householdCode, let unitCode, let code, let name, let year, let phone, let flags) in records {
                guard let unit = unit(unitCode, units, line: line) else { continue }
                let household: Household
                if let h = households[householdCode] {
                    guard h.$unit.id == unit.id else { issues.append(.init(line: line, problem: .codeElsewhere(householdCode))); continue }
                    household = h
                } else {
                    household = Household(code: householdCode, unitID: try unit.requireID())
                    try await household.create(on: db)
                    households[householdCode] = household
                }
                if let r = residents[code] {
                    let before = (r.$household.id, r.name, r.birthYear, r.phone, r.flags)
                    r.$household.id = household.id; r.name = name; r.birthYear = year; r.phone = phone; r.flags = flags.encoded
                    if before != (household.id, name, year, phone, flags.encoded) { try await r.save(on: db); count(.updated) } else { count(.unchanged) }
                } else {
                    try await Resident(code: code, householdID: household.id, name: name, birthYear: year, phone: phone, flags: flags).create(on: db)
                    count(.added)
                }
            }
        }

        mutating func applyOwners(_ records: [TerritoryRecord]) async throws {
            var unitCodes: [String] = [], ownerCodes: [String] = []
            for case .ownership(_, let o, _, _, let u) in records { unitCodes.append(u); ownerCodes.append(o) }
            let units = try await units(unitCodes)
            var owners: [String: Owner] = [:]
            for chunk in Array(Set(ownerCodes)).chunked(500) {
                for o in try await Owner.query(on: db).filter(\.$code ~~ chunk).all() { owners[o.code] = o }
            }
            // A row is one holding: added when the holding is new, updated when only the owner's
            // name or phone changed, unchanged otherwise.
            var touched: Set<String> = []
            for case .ownership(let line, let code, let name, let phone, let unitCode) in records {
                guard let unit = unit(unitCode, units, line: line) else { continue }
                var ownerChanged = false
                let owner: Owner
                if let o = owners[code] {
                    owner = o
                    if !touched.contains(code), o.name != name || o.phone != phone {
                        o.name = name; o.phone = phone
                        try await o.save(on: db)
                        ownerChanged = true
                    }
                } else {
                    owner = Owner(code: code, name: name, phone: phone)
                    try await owner.create(on: db)
                    owners[code] = owner
                }
                touched.insert(code)
                let oid = try owner.requireID(), uid = try unit.requireID()
                if try await Ownership.query(on: db).filter(\.$owner.$id == oid).filter(\.$unit.$id == uid).first() == nil {
                    try await Ownership(ownerID: oid, unitID: uid).create(on: db)
                    count(.added)
                } else {
                    count(ownerChanged ? .updated : .unchanged)
                }
            }
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
