import Fluent
import Vapor
import YishiCore

/// The territory's part of the demo: the district's tree down to units, the household and owner
/// registers, and a life circle and planning area per subdistrict.
enum TerritoryDemo {
    static let part = DemoPart(order: 10) { demo in
        let tx = demo.db
        var nodes: [TerritoryNode] = []
        var groups: [BuildingGroup] = []
        var units: [Unit] = []
        var households: [Household] = []
        var residents: [Resident] = []
        var owners: [Owner] = []
        var ownerships: [Ownership] = []
        var circles: [LifeCircle] = []
        var circleLinks: [LifeCircleCommunity] = []
        var areas: [PlanningArea] = []
        var areaLinks: [PlanningAreaLifeCircle] = []
        let district = try TerritoryNode(
            level: .district, parent: nil, code: DemoDistrict.districtCode, name: DemoDistrict.districtName)
        nodes.append(district)
        for s in demo.district.subdistricts {
            let sub = try TerritoryNode(
                level: .subdistrict, parent: district, code: s.code, name: s.name, kind: s.kind.rawValue)
            nodes.append(sub)
            let circle = LifeCircle(code: "\(s.code)-LC1", name: "\(s.name)15分钟社区生活圈", nodeID: sub.id!)
            circle.id = UUID()
            circles.append(circle)
            let area = PlanningArea(code: "\(s.code)-PA1", name: "\(s.name)片区", nodeID: sub.id!)
            area.id = UUID()
            areas.append(area)
            let al = PlanningAreaLifeCircle()
            al.$planningArea.id = area.id!
            al.$lifeCircle.id = circle.id!
            areaLinks.append(al)
            for c in s.communities {
                let comm = try TerritoryNode(
                    level: .community, parent: sub, code: c.code, name: c.name, kind: c.kind.rawValue)
                // The committee's office, as its staff would enter it.
                comm.officeAddress = c.compounds.first.map { "\($0.address)（\($0.name)旁）" }
                comm.officeHours = "周一至周五 8:30–17:00；周六 9:00–11:30"
                comm.officePhone =
                    "021-5\(String(format: "%03d", nodes.count % 1000)) \(String(format: "%04d", 1000 + nodes.count))"
                nodes.append(comm)
                let cl = LifeCircleCommunity()
                cl.$lifeCircle.id = circle.id!
                cl.$community.id = comm.id!
                circleLinks.append(cl)
                for x in c.compounds {
                    let comp = try TerritoryNode(
                        level: .compound, parent: comm, code: x.code, name: x.name, kind: x.type.rawValue,
                        address: x.address)
                    nodes.append(comp)
                    var groupIDs: [String: UUID] = [:]
                    for b in x.buildings {
                        if groupIDs[b.group] == nil {
                            let g = BuildingGroup(compoundID: comp.id!, name: b.group)
                            g.id = UUID()
                            groups.append(g)
                            groupIDs[b.group] = g.id
                        }
                        let bldg = try TerritoryNode(level: .building, parent: comp, code: b.code, name: b.name)
                        bldg.$buildingGroup.id = groupIDs[b.group]
                        nodes.append(bldg)
                        for u in b.units {
                            let unit = Unit(
                                buildingID: bldg.id!, code: u.code, number: u.number, kind: u.kind,
                                status: u.status, areas: u.areas)
                            unit.id = UUID()
                            units.append(unit)
                            for o in u.owners {
                                let owner = Owner(code: o.code, name: o.name, phone: o.phone)
                                owner.id = UUID()
                                owners.append(owner)
                                ownerships.append(Ownership(ownerID: owner.id!, unitID: unit.id!))
                            }
                            if let h = u.household {
                                let household = Household(code: h.code, unitID: unit.id!)
                                household.id = UUID()
                                households.append(household)
                                for r in h.residents {
                                    let resident = Resident(
                                        code: r.code, householdID: household.id, name: r.name,
                                        birthYear: r.birthYear, phone: r.phone, flags: r.flags)
                                    resident.id = UUID()
                                    residents.append(resident)
                                }
                            }
                        }
                    }
                }
            }
        }
        // Parents before children: nodes are in tree order, groups reference compounds.
        for level in TerritoryLevel.allCases {
            let atLevel = nodes.filter { $0.level == level }
            if level == .building { try await groups.createInChunks(on: tx) }
            try await atLevel.createInChunks(on: tx)
        }
        try await units.createInChunks(on: tx)
        try await households.createInChunks(on: tx)
        try await residents.createInChunks(on: tx)
        try await owners.createInChunks(on: tx)
        try await ownerships.createInChunks(on: tx)
        try await circles.createInChunks(on: tx)
        try await circleLinks.createInChunks(on: tx)
        try await areas.createInChunks(on: tx)
        try await areaLinks.createInChunks(on: tx)
        demo.counts["nodes"] = String(nodes.count)
        demo.counts["units"] = String(units.count)
        demo.counts["households"] = String(households.count)
        demo.counts["residents"] = String(residents.count)
    }
}
