import Fluent
import Vapor
import YishiCore

/// The resident a person acts as (a resident signed in) or for (staff naming one: assisted
/// entry), with where they live, as a need, an objection or an answer records it.
extension ResidentHome {
    /// The community the home is in (a building's path: district, subdistrict, community, …).
    var community: UUID { path.ids[2] }
    var householdID: UUID { household.id! }

    static func of(_ residentID: UUID, on db: any Database) async throws -> ResidentHome {
        guard
            let r = try await Resident.query(on: db).filter(\.$id == residentID)
                .with(\.$household, { $0.with(\.$unit) { $0.with(\.$building) } }).first(),
            let h = r.household
        else { throw YishiError.invalid(["resident": NeedText.noResident.key]) }
        let path = h.unit.building.territoryPath
        guard path.ids.count > 2 else { throw YishiError.invalid(["resident": NeedText.noResident.key]) }
        return ResidentHome(resident: r, household: h, unit: h.unit, building: h.unit.building)
    }

    /// A signed-in resident's own home (channel `online`), or the resident staff name — by mobile
    /// number, resident number or a name unique among the residents where they hold `managing` —
    /// with a nil channel (the caller asks for an offline one).
    static func whose(_ named: String?, by caller: Caller, managing: Action) async throws -> (
        ResidentHome, YishiCore.Channel?
    ) {
        let actor = try caller.requireActor()
        if actor.kind == .resident {
            guard let user = try await User.find(actor.userId, on: caller.db), let rid = user.$resident.id else {
                throw YishiError.denied(.notVerified)
            }
            return (try await of(rid, on: caller.db), .online)
        }
        let text = (named ?? "").trimmed
        guard !text.isEmpty else { throw YishiError.invalid(["resident": FieldText.requiredText.key]) }
        let q = PeopleQueries.residents(on: caller.db, in: PeopleQueries.scopes(caller, managing))
        if let phone = OneTimeCodeRules.normalizePhone(text) {
            q.filter(\Resident.$phone == phone)
        } else {
            q.group(.or) { g in
                g.filter(\Resident.$code == text)
                g.filter(\Resident.$name == text)
            }
        }
        let found = try await q.limit(2).all()
        guard found.count == 1, let r = found.first else {
            throw YishiError.invalid(["resident": NeedText.noResident.key])
        }
        return (try await of(r.requireID(), on: caller.db), nil)
    }
}

extension Request {
    /// The place a capability's own page opens at for this viewer: a resident's community, or the
    /// first place a staff member works; nil for anyone else.
    func ownPlace() async -> UUID? {
        if actor?.kind == .resident {
            return try? await ResidentHome.whose(nil, by: caller, managing: .needManage).0.community
        }
        return principal?.held.compactMap(\.path).first?.nodeId
    }

    /// The district a district administrator's settings page is about (`?district=`, else the first
    /// they hold), for `action` there as well as editing it.
    func administeredDistrict(for action: Action) async throws -> TerritoryNode {
        let asked = try? query.get(UUID.self, at: "district")
        return try await caller.district(asked ?? principal?.held.compactMap(\.path).first?.ids.first, for: action)
    }
}

extension Caller {
    /// A district the caller administers (may edit), for `action` there too; a node of another level is 404.
    func district(_ id: UUID?, for action: Action) async throws -> TerritoryNode {
        let node = try await self.node(id, for: .territoryEdit)
        guard node.level == .district else { throw YishiError.notFound }
        try authorize(action, at: node.territoryPath)
        return node
    }
}

/// A resident a staff member may have meant, when what they typed names none or several.
struct ResidentCandidate: Sendable {
    var code: String
    var name: String
    var birthYear: Int
    /// Compound, building and door.
    var place: String
}

extension ResidentHome {
    static let maxCandidates = 8

    /// The residents `text` may mean, in the caller's scope for `managing`: a name containing it,
    /// a phone number containing its digits, or everyone living at a door ("3-202"); at most
    /// eight, by name. Shown so that staff pick one instead of typing again.
    static func candidates(_ text: String?, by caller: Caller, managing: Action) async throws -> [ResidentCandidate] {
        let q = (text ?? "").trimmed
        guard !q.isEmpty, q.count <= 64, !FieldRules.hasControlCharacter(q) else { return [] }
        let scopes = PeopleQueries.scopes(caller, managing)
        guard scopes != [] else { return [] }
        let digits = q.filter(\.isNumber)
        let isPhone = digits.count >= 4 && digits.count == q.filter { $0 != " " && $0 != "-" }.count
        let door = PeopleQueries.door(q)
        let found = try await PeopleQueries.residents(on: caller.db, in: scopes)
            .group(.or) { g in
                g.filter(\Resident.$name ~~ q)
                if isPhone { g.filter(\Resident.$phone ~~ digits) }
                if let door {
                    g.group(.and) {
                        $0.filter(TerritoryNode.self, \.$name ~~ PeopleQueries.buildingNames(door.building))
                        $0.filter(Unit.self, \.$number == door.room)
                    }
                }
            }
            .sort(\Resident.$name).limit(maxCandidates).all()
        let buildings = try found.map { try $0.joined(TerritoryNode.self) }
        let compoundIDs = Set(buildings.compactMap { $0.territoryPath.ids.dropLast().last })
        let compounds = Dictionary(
            try await TerritoryNode.query(on: caller.db).filter(\.$id ~~ Array(compoundIDs)).all().map {
                ($0.id!, $0.name)
            }, uniquingKeysWith: { a, _ in a })
        return try zip(found, buildings).map { r, b in
            let compound = b.territoryPath.ids.dropLast().last.flatMap { compounds[$0] } ?? ""
            return ResidentCandidate(
                code: r.code, name: r.name, birthYear: r.birthYear,
                place: [compound, b.name, try r.joined(Unit.self).number].filter { !$0.isEmpty }.joined(separator: " "))
        }
    }
}
