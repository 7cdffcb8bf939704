import Fluent
import Vapor
import YishiCore

/// Loads `DemoDistrict` into an empty database, with one staff account per role and a verified resident.
enum DemoLoader {
    static let password = "yishi-demo-2026"

    struct SignIn: Sendable {
        var role: Role
        var username: String?
        var phone: String?
        var where_: String
    }

    enum Refusal: Error, CustomStringConvertible {
        case notEmpty
        case production
        var description: String {
            switch self {
            case .notEmpty:
                return "数据库不是空的，演示数据只能载入空数据库。/ The database is not empty: the demo loads only into an empty database."
            case .production:
                return "生产环境不能载入演示数据（它带有公开的密码）。/ The demo cannot be loaded in production: its password is public."
            }
        }
    }

    static func isEmpty(_ db: any Database) async throws -> Bool {
        let users = try await User.query(on: db).count()
        let nodes = try await TerritoryNode.query(on: db).count()
        return users == 0 && nodes == 0
    }

    static func load(on db: any Database, effects: SideEffects, passwordHash: String) async throws -> [SignIn] {
        guard try await isEmpty(db) else { throw Refusal.notEmpty }
        let demo = DemoDistrict.make()
        return try await AuditLog.transaction(on: db, actor: AuditActor(id: nil, label: "demo"), time: effects.time) {
            tx in
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
            var byCode: [String: TerritoryNode] = [:]
            var residentByPhone: [String: Resident] = [:]
            let district = try TerritoryNode(
                level: .district, parent: nil, code: DemoDistrict.districtCode, name: DemoDistrict.districtName)
            nodes.append(district)
            for s in demo.subdistricts {
                let sub = try TerritoryNode(
                    level: .subdistrict, parent: district, code: s.code, name: s.name, kind: s.kind.rawValue)
                nodes.append(sub)
                byCode[s.code] = sub
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
                    nodes.append(comm)
                    byCode[c.code] = comm
                    let cl = LifeCircleCommunity()
                    cl.$lifeCircle.id = circle.id!
                    cl.$community.id = comm.id!
                    circleLinks.append(cl)
                    for x in c.compounds {
                        let comp = try TerritoryNode(
                            level: .compound, parent: comm, code: x.code, name: x.name, kind: x.type.rawValue,
                            address: x.address)
                        nodes.append(comp)
                        byCode[x.code] = comp
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
                                        if let p = r.phone { residentByPhone[p] = resident }
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
                if level == .building { try await create(groups, on: tx) }
                try await create(atLevel, on: tx)
            }
            try await create(units, on: tx)
            try await create(households, on: tx)
            try await create(residents, on: tx)
            try await create(owners, on: tx)
            try await create(ownerships, on: tx)
            try await create(circles, on: tx)
            try await create(circleLinks, on: tx)
            try await create(areas, on: tx)
            try await create(areaLinks, on: tx)

            let firstSub = demo.subdistricts[0]
            let firstComm = firstSub.communities[0]
            let firstComp = firstComm.compounds[0]
            let staff: [(Role, String, String, String?)] = [
                (.platformAdmin, "admin", "平台管理员", nil),
                (.districtAdmin, "baoshan", "宝山区管理员", DemoDistrict.districtCode),
                (.subdistrictStaff, "youyilu", "友谊路街道 李敏", firstSub.code),
                (.communityStaff, "baolin1", "宝林一村居委会 王芳", firstComm.code),
                (.communityStaff, "youyixin", "友谊新村居委会 陈静", firstSub.communities[1].code),
                (.planner, "planner", "社区规划师 周文杰", firstSub.code),
                (.ownersCommittee, "yeweihui", "\(firstComp.name)业委会 张建国", firstComp.code),
                (.propertyManager, "wuye", "\(firstComp.name)物业 刘军", firstComp.code),
                (.socialOrganization, "shehui", "友谊路社工站 徐婷", firstSub.code),
            ]
            var signIns: [SignIn] = []
            for (role, username, name, code) in staff {
                let user = User.staff(username: username, passwordHash: passwordHash, displayName: name, enteredBy: nil)
                try await user.create(on: tx)
                try await RoleGrant(
                    userID: user.id!, role: role,
                    nodeID: code.flatMap { byCode[$0]?.id ?? (code == DemoDistrict.districtCode ? district.id : nil) },
                    grantedBy: nil
                ).create(on: tx)
                signIns.append(
                    SignIn(
                        role: role, username: username, phone: nil,
                        where_: code.flatMap { byCode[$0]?.name } ?? (code == nil ? "全平台 / platform" : district.name)))
            }
            if let resident = residentByPhone[DemoDistrict.residentPhone] {
                let user = User.resident(phone: DemoDistrict.residentPhone, displayName: resident.name, provenance: nil)
                user.$resident.id = resident.id
                user.verifiedAt = effects.time.now()
                try await user.create(on: tx)
                try await RoleGrant(
                    userID: user.id!, role: .resident, nodeID: byCode[firstComm.code]!.id, grantedBy: nil
                ).create(on: tx)
                signIns.append(
                    SignIn(role: .resident, username: nil, phone: DemoDistrict.residentPhone, where_: firstComm.name))
            }
            return (
                signIns,
                AuditEvent(
                    action: .demoLoad, targetType: "district", targetID: DemoDistrict.districtCode, nodeID: district.id,
                    details: [
                        "nodes": String(nodes.count), "units": String(units.count),
                        "households": String(households.count),
                        "residents": String(residents.count),
                    ])
            )
        }
    }

    /// Batch inserts, in chunks that stay under both databases' limits on bound values.
    static func create<M: Model>(_ models: [M], on db: any Database) async throws {
        for chunk in models.chunked(200) where !chunk.isEmpty { try await chunk.create(on: db) }
    }
}
