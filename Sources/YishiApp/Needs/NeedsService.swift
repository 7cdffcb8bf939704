import Fluent
import Vapor
import YishiCore

/// Raising, supporting and sorting needs, for pages and the API alike (`Caller`). A resident
/// raises and supports for themselves (online, once verified); staff enter needs and support for a
/// named resident with the channel it came through (assisted entry), and it counts the same.
enum NeedsService {
    /// A resident with where they live, as a need records it.
    struct Home: Sendable {
        var resident: Resident
        var household: UUID
        var building: TerritoryNode
        var community: UUID
    }

    static func home(of residentID: UUID, on db: any Database) async throws -> Home {
        guard
            let r = try await Resident.query(on: db).filter(\.$id == residentID)
                .with(\.$household, { $0.with(\.$unit) { $0.with(\.$building) } }).first(),
            let h = r.household
        else { throw YishiError.invalid(["resident": NeedText.noResident.key]) }
        let path = h.unit.building.territoryPath
        guard path.ids.count > 2 else { throw YishiError.invalid(["resident": NeedText.noResident.key]) }
        return Home(resident: r, household: try h.requireID(), building: h.unit.building, community: path.ids[2])
    }

    /// The resident a person acts as (a resident signed in) or for (staff naming one).
    static func whose(_ named: String?, by caller: Caller) async throws -> (Home, YishiCore.Channel?) {
        let actor = try caller.requireActor()
        if actor.kind == .resident {
            guard let user = try await User.find(actor.userId, on: caller.db), let rid = user.$resident.id else {
                throw YishiError.denied(.notVerified)
            }
            return (try await home(of: rid, on: caller.db), .online)
        }
        let text = (named ?? "").trimmed
        guard !text.isEmpty else { throw YishiError.invalid(["resident": FieldText.requiredText.key]) }
        let scopes = PeopleQueries.scopes(caller, .needManage)
        let q = PeopleQueries.residents(on: caller.db, in: scopes)
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
        return (try await home(of: r.requireID(), on: caller.db), nil)
    }

    struct RaiseInput: Sendable {
        var text: String
        var category: String
        var place: UUID?
        var hideName = false
        var forResident: String?
        var channel: YishiCore.Channel?
    }

    /// "花园里加几张座椅" → the first line, at most 24 characters.
    static func title(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 24 ? String(line.prefix(24)) + "…" : line
    }

    static func raise(_ input: RaiseInput, by caller: Caller) async throws -> Need {
        let (home, selfChannel) = try await whose(input.forResident, by: caller)
        let channel: YishiCore.Channel
        if let selfChannel {
            try caller.authorize(.needRaise, at: home.building.territoryPath)
            channel = selfChannel
        } else {
            try caller.authorize(.needManage, at: home.building.territoryPath)
            guard let c = input.channel, c != .online else {
                throw YishiError.invalid(["channel": FieldText.requiredText.key])
            }
            channel = c
        }
        var fields: [String: String] = [:]
        let text = FieldRules.text(input.text, max: 500)
        if let p = text.problem { fields["text"] = p.fieldKey }
        let category = NeedCategory.find(input.category)
        if category == nil { fields["category"] = FieldText.requiredText.key }
        let placeID = input.place ?? home.community
        let place = try await TerritoryNode.find(placeID, on: caller.db)
        let communityPath = home.building.territoryPath.ancestor(at: 2)
        if place == nil || !(communityPath.map { $0.contains(place!.territoryPath) } ?? false)
            || ![.community, .compound, .building].contains(place!.level)
        {
            fields["place"] = NeedText.placeOutside.key
        }
        guard fields.isEmpty, let body = text.value, let category, let place else { throw YishiError.invalid(fields) }
        let now = caller.now
        let year = Show.year(now)
        let enteredBy = selfChannel == nil ? caller.actor?.userId : nil
        return try await caller.audited { tx in
            let need = Need()
            need.id = UUID()
            need.$community.id = home.community
            need.$place.id = try place.requireID()
            need.category = category.key
            need.title = title(body)
            need.body = body
            need.status = .new
            need.hideName = input.hideName
            need.safety = false
            need.$resident.id = try home.resident.requireID()
            need.channel = channel.rawValue
            need.enteredByID = enteredBy
            need.firstSubmittedAt = now
            need.setScore(
                NeedRanking.score(
                    supports: [], members: [:], safety: false, firstSubmitted: now, now: now, currentYear: year))
            try await need.create(on: tx)
            try await NeedSupport(
                need: need.id!, resident: home.resident.requireID(), household: home.household,
                building: home.building.requireID(), channel: channel, enteredBy: enteredBy
            ).create(on: tx)
            try await rescore(need, on: tx, now: now)
            return (
                need,
                AuditEvent(
                    action: .needRaise, targetType: "need", targetID: need.id!.uuidString, nodeID: place.id,
                    details: ["title": need.title, "category": category.key],
                    provenance: caller.actor.map {
                        Provenance(forResident: home.resident.id, enteredBy: $0.userId, channel: channel)
                    })
            )
        }
    }

    /// "我也是": a resident supports a need of their community (a second time is a 409).
    static func support(_ needID: UUID?, forResident: String?, channel: YishiCore.Channel?, by caller: Caller)
        async throws -> Need
    {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        let (home, selfChannel) = try await whose(forResident, by: caller)
        let c: YishiCore.Channel
        if let selfChannel {
            try caller.authorize(.needRaise, at: home.building.territoryPath)
            c = selfChannel
        } else {
            try caller.authorize(.needManage, at: need.community.territoryPath)
            try caller.authorize(.needManage, at: home.building.territoryPath)
            guard let given = channel, given != .online else {
                throw YishiError.invalid(["channel": FieldText.requiredText.key])
            }
            c = given
        }
        // Only a need of one's own community, and only while it is open.
        guard home.community == need.$community.id else { throw YishiError.denied(.outsideScope) }
        guard need.status.open else { throw Abort(.conflict, reason: "closed") }
        let rid = try home.resident.requireID()
        if try await NeedSupport.query(on: caller.db).filter(\.$need.$id == needID).filter(\.$resident.$id == rid)
            .first() != nil
        {
            throw NeedsService.AlreadySupported()
        }
        let now = caller.now
        let enteredBy = selfChannel == nil ? caller.actor?.userId : nil
        do {
            return try await caller.audited { tx in
                try await NeedSupport(
                    need: needID, resident: rid, household: home.household, building: home.building.requireID(),
                    channel: c, enteredBy: enteredBy
                ).create(on: tx)
                try await rescore(need, on: tx, now: now)
                return (
                    need,
                    AuditEvent(
                        action: .needSupport, targetType: "need", targetID: needID.uuidString, nodeID: need.$place.id,
                        details: ["title": need.title],
                        provenance: caller.actor.map { Provenance(forResident: rid, enteredBy: $0.userId, channel: c) })
                )
            }
        } catch let error where error.isUniqueViolation {
            throw NeedsService.AlreadySupported()
        }
    }

    /// A second "me too" of the same person (409).
    struct AlreadySupported: Error {}

    /// Recomputes a need's score from its support (inside the change's transaction).
    static func rescore(_ need: Need, on db: any Database, now: Date) async throws {
        let supports = try await NeedSupport.query(on: db).filter(\.$need.$id == need.requireID()).with(\.$resident)
            .all()
        let households = Array(Set(supports.map(\.householdID)))
        var members: [UUID: [NeedRanking.Member]] = [:]
        if !households.isEmpty {
            for r in try await Resident.query(on: db).filter(\.$household.$id ~~ households).all() {
                guard let h = r.$household.id else { continue }
                members[h, default: []].append(
                    .init(birthYear: r.birthYear, disability: r.residentFlags.contains(.disability)))
            }
        }
        let score = NeedRanking.score(
            supports: supports.map {
                .init(
                    household: $0.householdID, building: $0.buildingID, birthYear: $0.resident.birthYear,
                    channel: YishiCore.Channel(rawValue: $0.channel) ?? .online)
            }, members: members, safety: need.safety, firstSubmitted: need.firstSubmittedAt, now: now,
            currentYear: Show.year(now))
        need.setScore(score)
        try await need.update(on: db)
    }

    /// Needs of the same community that may say the same as `text` (suggestions only).
    static func similar(
        _ text: String, community: UUID, category: String?, place: UUID?, excluding: UUID? = nil, on db: any Database
    ) async throws -> [(need: Need, verdict: NeedSimilarity.Verdict, dice: Double)] {
        let open = try await Need.query(on: db).filter(\.$community.$id == community)
            .filter(\.$status ~~ [.new, .accepted]).all()
        return open.compactMap { n in
            guard n.id != excluding else { return nil }
            let a = NeedSimilarity.assess(
                text, n.body, sameCategory: category == n.category, samePlace: place == n.$place.id)
            return a.verdict == .unrelated ? nil : (n, a.verdict, a.dice)
        }.sorted { a, b in
            if (a.verdict == .differentBuildings) != (b.verdict == .differentBuildings) {
                return b.verdict == .differentBuildings
            }
            return a.dice > b.dice
        }.prefix(8).map { $0 }
    }

    /// Staff sort a need: onto the needs list, or not taken up with a reason the resident sees.
    static func triage(_ needID: UUID?, accept: Bool, reason: String?, by caller: Caller) async throws -> Need {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: need.community.territoryPath)
        var why: String? = nil
        if !accept {
            switch FieldRules.text(reason ?? "", max: 200) {
            case .failure(let p): throw YishiError.invalid(["reason": p.fieldKey])
            case .success(let r): why = r
            }
        }
        let reasonText = why
        return try await caller.audited { tx in
            need.status = accept ? .accepted : .declined
            need.declineReason = reasonText
            try await need.update(on: tx)
            return (
                need,
                AuditEvent(
                    action: accept ? .needAccept : .needDecline, targetType: "need", targetID: needID.uuidString,
                    nodeID: need.$place.id, details: ["title": need.title, "reason": reasonText ?? ""])
            )
        }
    }

    /// The ranked needs of the communities at or below `node`.
    static func ranked(below node: TerritoryNode, limit: Int = 200, on db: any Database) async throws -> [Need] {
        try await Need.query(on: db).join(TerritoryNode.self, on: \Need.$community.$id == \TerritoryNode.$id)
            .joinedNodeInSubtree(node.territoryPath).filter(\Need.$status != .merged)
            .sort(\.$priority, .descending).sort(\.$households, .descending).sort(\.$firstSubmittedAt)
            .with(\.$place).with(\.$resident).limit(limit).all()
    }
}
