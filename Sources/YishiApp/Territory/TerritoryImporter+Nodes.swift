import Fluent
import Vapor
import YishiCore

extension TerritoryImporter.Run {
    /// Compounds and buildings. An existing code must lie in scope, at the same level and under the
    /// same parent: an import never moves a node.
    mutating func applyNodes(_ records: [TerritoryRecord]) async throws {
        var parentCodes: [String] = []
        var codes: [String] = []
        for r in records {
            switch r {
            case .compound(_, let code, let community, _, _, _):
                codes.append(code)
                parentCodes.append(community)
            case .building(_, let code, let compound, _, _):
                codes.append(code)
                parentCodes.append(compound)
            default: break
            }
        }
        let parents = try await nodes(parentCodes)
        let existing = try await nodes(codes)
        for (key, id) in try await buildingGroups(in: parents.values.filter { $0.level == .compound })
        where groups[key] == nil { groups[key] = id }
        var newGroups: [BuildingGroup] = []
        var newNodes: [TerritoryNode] = []
        for r in records {
            let line: Int
            let code: String
            let parentCode: String
            let name: String
            let kind: String?
            let address: String?
            let group: String
            let level: TerritoryLevel
            switch r {
            case .compound(let l, let c, let p, let n, let type, let a):
                (line, code, parentCode, name, kind, address, group, level) = (
                    l, c, p, n, type.rawValue, a.isEmpty ? nil : a, "", .compound
                )
            case .building(let l, let c, let p, let n, let g):
                (line, code, parentCode, name, kind, address, group, level) = (l, c, p, n, nil, nil, g, .building)
            default: continue
            }
            if let node = existing[code], !allows(path(of: node)) {
                refuse(line, .outsideScope(code))
                continue
            }
            guard let parent = parent(parentCode, level.parentLevel!, parents, line: line) else { continue }
            var groupID: UUID? = nil
            if !group.isEmpty {
                let key = GroupKey(compound: try parent.requireID(), name: group)
                if let id = groups[key] {
                    groupID = id
                } else {
                    let g = BuildingGroup(compoundID: key.compound, name: group)
                    g.id = UUID()
                    newGroups.append(g)
                    groups[key] = g.id
                    groupID = g.id
                }
            }
            if let node = existing[code] {
                guard node.level == level, node.$parent.id == parent.id else {
                    refuse(line, .codeElsewhere(code))
                    continue
                }
                var changed = false
                if node.name != name {
                    node.name = name
                    changed = true
                }
                if node.kind != kind {
                    node.kind = kind
                    changed = true
                }
                if level == .compound, node.address != address {
                    node.address = address
                    changed = true
                }
                if level == .building, node.$buildingGroup.id != groupID {
                    node.$buildingGroup.id = groupID
                    changed = true
                }
                if changed { saves.append(node) }
                count(changed ? .updated : .unchanged, code, at: path(of: node))
            } else {
                let node = try TerritoryNode(
                    level: level, parent: parent, code: code, name: name, kind: kind, address: address)
                node.$buildingGroup.id = groupID
                newNodes.append(node)
                count(.added, code, at: path(of: parent))
            }
        }
        nodeInserts += [newGroups, newNodes]
    }

    struct GroupKey: Hashable {
        var compound: UUID
        var name: String
    }

    /// The building groups of these compounds, by compound and name.
    func buildingGroups(in compounds: [TerritoryNode]) async throws -> [GroupKey: UUID] {
        var out: [GroupKey: UUID] = [:]
        for part in compounds.compactMap(\.id).chunked(Self.chunk) {
            for g in try await BuildingGroup.query(on: db).filter(\.$compound.$id ~~ part).all() {
                out[GroupKey(compound: g.$compound.id, name: g.name)] = try g.requireID()
            }
        }
        return out
    }

    /// Units. An existing code must lie in the same building (which is in scope).
    mutating func applyUnits(_ records: [TerritoryRecord]) async throws {
        let buildings = try await nodes(
            records.compactMap { if case .unit(_, _, let b, _, _, _, _) = $0 { return b } else { return nil } })
        let existing = try await units(
            records.compactMap { if case .unit(_, let c, _, _, _, _, _) = $0 { return c } else { return nil } })
        var newUnits = BatchInsert.units()
        for case .unit(let line, let code, let buildingCode, let number, let kind, let status, let areas) in records {
            if line % 2_000 == 0 { await Task.yield() }
            if let unit = existing[code], !allows(path(of: unit.building)) {
                refuse(line, .outsideScope(code))
                continue
            }
            guard let building = parent(buildingCode, .building, buildings, line: line) else { continue }
            if let unit = existing[code] {
                guard unit.$building.id == building.id else {
                    refuse(line, .codeElsewhere(code))
                    continue
                }
                let before = (unit.number, unit.kind, unit.status, unit.areas)
                unit.number = number
                unit.kind = kind
                unit.status = status
                unit.setAreas(areas)
                let changed = before != (number, kind, status, areas)
                if changed { saves.append(unit) }
                count(changed ? .updated : .unchanged, code, at: path(of: building))
            } else {
                // The counted area as `Unit.setAreas` stores it.
                let u = YishiApp.Unit(
                    buildingID: try building.requireID(), code: code, number: number, kind: kind, status: status,
                    areas: areas)
                newUnits.add([
                    UUID(), u.$building.id, code, number, kind.rawValue, status.rawValue, u.registerArea, u.surveyArea,
                    u.contractArea, u.area, u.areaSource.rawValue, now, now,
                ])
                count(.added, code, at: path(of: building))
            }
        }
        inserts.append(newUnits)
    }
}
