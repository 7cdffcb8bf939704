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
