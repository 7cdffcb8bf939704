import Fluent
import SQLKit
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
            need.normalised = NeedSimilarity.normalise(body)
            need.bigramCount = NeedSimilarity.bigrams(need.normalised).count
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
            try await indexBigrams(of: need, on: tx)
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
        // A need counts the support of the needs merged into it (households once, by the ranking).
        let merged = try await Need.query(on: db).filter(\.$mergedInto.$id == need.requireID()).all().compactMap(\.id)
        let supports = try await NeedSupport.query(on: db).filter(\.$need.$id ~~ ([try need.requireID()] + merged))
            .with(\.$resident).all()
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

    /// Stores a need's bigrams (`need_bigrams`), the index similar needs are found by.
    static func indexBigrams(of need: Need, on db: any Database) async throws {
        var rows = BatchInsert(table: "need_bigrams", columns: ["need_id", "community_id", "bigram"])
        for g in NeedSimilarity.bigrams(need.normalised).sorted() {
            rows.add([try need.requireID(), need.$community.id, g])
        }
        try await rows.insert(on: db)
    }

    /// Needs of the same community that may say the same as `text` (suggestions only): those that
    /// share enough bigrams (found through `need_bigrams`, Dice ≥ 0.30), and those of the same
    /// category at the same place; then the rule that different buildings are never the same.
    static func similar(
        _ text: String, community: UUID, category: String?, place: UUID?, excluding: UUID? = nil, on db: any Database
    ) async throws -> [(need: Need, verdict: NeedSimilarity.Verdict, dice: Double)] {
        let sql = db as! any SQLDatabase
        let mine = NeedSimilarity.normalise(text)
        let grams = NeedSimilarity.bigrams(mine)
        var candidates: [UUID: (normalised: String, category: String, place: UUID, dice: Double)] = [:]
        if !grams.isEmpty {
            let list = SQLList(grams.sorted().map { SQLBind($0) })
            let rows = try await sql.raw(
                """
                SELECT n.id, n.normalised, n.category, n.place_id, n.bigram_count, COUNT(*) AS shared
                FROM need_bigrams b JOIN needs n ON n.id = b.need_id
                WHERE b.community_id = \(bind: community) AND b.bigram IN (\(list)) AND n.status IN ('new', 'accepted')
                GROUP BY n.id, n.normalised, n.category, n.place_id, n.bigram_count
                """
            ).all()
            for row in rows {
                let shared = try row.decode(column: "shared", as: Int.self)
                let total = grams.count + (try row.decode(column: "bigram_count", as: Int.self))
                let dice = total == 0 ? 0 : 2 * Double(shared) / Double(total)
                guard dice >= NeedSimilarity.threshold else { continue }
                candidates[try row.decode(column: "id", as: UUID.self)] = (
                    try row.decode(column: "normalised", as: String.self),
                    try row.decode(column: "category", as: String.self),
                    try row.decode(column: "place_id", as: UUID.self), dice
                )
            }
        }
        if let category, let place {
            let rows = try await sql.raw(
                """
                SELECT id, normalised, category, place_id FROM needs
                WHERE community_id = \(bind: community) AND category = \(bind: category) AND place_id = \(bind: place)
                AND status IN ('new', 'accepted') LIMIT 50
                """
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                if candidates[id] == nil {
                    let n = try row.decode(column: "normalised", as: String.self)
                    candidates[id] = (n, category, place, NeedSimilarity.dice(grams, NeedSimilarity.bigrams(n)))
                }
            }
        }
        var distinct: Set<UUID> = []
        if let excluding { distinct = try await Self.distinct(from: excluding, on: db) }
        var kept: [(UUID, NeedSimilarity.Verdict, Double)] = []
        for (id, c) in candidates where id != excluding && !distinct.contains(id) {
            let a = NeedSimilarity.assessNormalised(
                mine, c.normalised, sameCategory: category == c.category, samePlace: place == c.place,
                bigramsOfA: grams)
            if a.verdict != .unrelated { kept.append((id, a.verdict, a.dice)) }
        }
        kept.sort { a, b in
            if (a.1 == .differentBuildings) != (b.1 == .differentBuildings) { return b.1 == .differentBuildings }
            return a.2 != b.2 ? a.2 > b.2 : a.0.uuidString < b.0.uuidString
        }
        let top = Array(kept.prefix(8))
        guard !top.isEmpty else { return [] }
        let needs = try await Need.query(on: db).filter(\.$id ~~ top.map(\.0)).all()
        return top.compactMap { t in needs.first { $0.id == t.0 }.map { ($0, t.1, t.2) } }
    }

    /// Joins `source` into `target` (the same community, both open, neither joined already): the
    /// source keeps everything it had and shows where it went; its support counts in the target.
    static func merge(_ sourceID: UUID?, into targetID: UUID?, by caller: Caller) async throws -> Need {
        guard let sourceID, let targetID, sourceID != targetID,
            let source = try await Need.query(on: caller.db).filter(\.$id == sourceID).with(\.$community).first(),
            let target = try await Need.find(targetID, on: caller.db)
        else { throw YishiError.invalid(["merge": NeedText.mergeRefused.key]) }
        try caller.authorize(.needManage, at: source.community.territoryPath)
        guard source.$community.id == target.$community.id, source.status.open, target.status.open,
            source.$mergedInto.id == nil, target.$mergedInto.id == nil
        else { throw YishiError.invalid(["merge": NeedText.mergeRefused.key]) }
        let now = caller.now
        return try await caller.audited { tx in
            source.statusBeforeMerge = source.status
            source.status = .merged
            source.$mergedInto.id = targetID
            try await source.update(on: tx)
            // Needs joined into the source before now count in the target too.
            try await Need.query(on: tx).filter(\.$mergedInto.$id == sourceID).set(\.$mergedInto.$id, to: targetID)
                .update()
            try await rescore(target, on: tx, now: now)
            return (
                target,
                AuditEvent(
                    action: .needMerge, targetType: "need", targetID: targetID.uuidString, nodeID: target.$place.id,
                    details: ["from": source.title, "to": target.title])
            )
        }
    }

    /// Undoes a merge: the source stands where it stood before, both scores recomputed.
    static func unmerge(_ sourceID: UUID?, by caller: Caller) async throws -> Need {
        guard let sourceID,
            let source = try await Need.query(on: caller.db).filter(\.$id == sourceID).with(\.$community).first(),
            let targetID = source.$mergedInto.id, let target = try await Need.find(targetID, on: caller.db)
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: source.community.territoryPath)
        let now = caller.now
        return try await caller.audited { tx in
            source.status = source.statusBeforeMerge ?? .new
            source.statusBeforeMerge = nil
            source.$mergedInto.id = nil
            try await source.update(on: tx)
            try await rescore(source, on: tx, now: now)
            try await rescore(target, on: tx, now: now)
            return (
                source,
                AuditEvent(
                    action: .needUnmerge, targetType: "need", targetID: sourceID.uuidString, nodeID: source.$place.id,
                    details: ["from": source.title, "to": target.title])
            )
        }
    }

    /// Remembers that two needs are not the same: they are never offered as duplicates again.
    static func markDistinct(_ a: UUID?, _ b: UUID?, by caller: Caller) async throws {
        guard let a, let b, a != b,
            let first = try await Need.query(on: caller.db).filter(\.$id == a).with(\.$community).first(),
            let second = try await Need.find(b, on: caller.db), first.$community.id == second.$community.id
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: first.community.territoryPath)
        let (x, y) = a.uuidString < b.uuidString ? (a, b) : (b, a)
        do {
            try await caller.audited { tx in
                try await (tx as! any SQLDatabase).insert(into: "need_distinct_pairs").columns("need_a", "need_b")
                    .values(SQLBind(x), SQLBind(y)).run()
                return (
                    (),
                    AuditEvent(
                        action: .needDistinct, targetType: "need", targetID: a.uuidString, nodeID: first.$place.id,
                        details: ["from": first.title, "to": second.title])
                )
            }
        } catch let error where error.isUniqueViolation {
            return  // marked already: what was asked holds
        }
    }

    /// The needs marked as not the same as `need`.
    static func distinct(from need: UUID, on db: any Database) async throws -> Set<UUID> {
        let rows = try await (db as! any SQLDatabase).raw(
            "SELECT need_a, need_b FROM need_distinct_pairs WHERE need_a = \(bind: need) OR need_b = \(bind: need)"
        ).all()
        var out: Set<UUID> = []
        for r in rows {
            out.insert(try r.decode(column: "need_a", as: UUID.self))
            out.insert(try r.decode(column: "need_b", as: UUID.self))
        }
        return out
    }

    /// Staff mark a need as a safety matter, or take the mark away; the score follows.
    static func setSafety(_ needID: UUID?, _ safety: Bool, by caller: Caller) async throws -> Need {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: need.community.territoryPath)
        let now = caller.now
        return try await caller.audited { tx in
            need.safety = safety
            try await rescore(need, on: tx, now: now)
            return (
                need,
                AuditEvent(
                    action: .needSafety, targetType: "need", targetID: needID.uuidString, nodeID: need.$place.id,
                    details: ["title": need.title, "safety": safety ? "true" : "false"])
            )
        }
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

    /// A need as a list shows it: read by one plain query (a Fluent model per row cost most of a
    /// 200-row list's time).
    struct Row: Sendable {
        var id: UUID
        var title: String
        var body: String
        var category: String
        var status: NeedStatus
        var channel: String
        var firstSubmittedAt: Date
        var placeName: String
        var placeCode: String
        var communityCode: String
        var score: NeedRanking.Score

        func categoryName(_ lang: Lang) -> String { NeedCategory.find(category)?.name(lang) ?? category }
    }

    /// The ranked needs of the communities at or below `node` (a community's from its rank index).
    static func rankedRows(below node: TerritoryNode, limit: Int? = 200, on db: any Database) async throws -> [Row] {
        let sql = db as! any SQLDatabase
        let path = node.territoryPath
        let place: SQLQueryString =
            node.level == .community
            ? "n.community_id = \(bind: try node.requireID())"
            : (node.level == .compound || node.level == .building
                ? "p.path >= \(bind: path.encoded) AND p.path < \(bind: path.subtreeUpperBound)"
                : "c.path >= \(bind: path.encoded) AND c.path < \(bind: path.subtreeUpperBound)")
        let rows = try await sql.raw(
            """
            SELECT n.id, n.title, n.body, n.category, n.status, n.channel, n.first_submitted_at, n.safety, n.households,
            n.buildings, n.age_bands, n.depth, n.common_ground, n.channels, n.vulnerable, n.waiting_months, n.priority,
            p.name AS place_name, p.code AS place_code, c.code AS community_code
            FROM needs n JOIN territory_nodes p ON p.id = n.place_id JOIN territory_nodes c ON c.id = n.community_id
            WHERE \(place) AND n.status <> 'merged'
            ORDER BY n.priority DESC, n.households DESC, n.first_submitted_at
            \(unsafeRaw: limit.map { "LIMIT \($0)" } ?? "")
            """
        ).all()
        return try rows.map { r in
            Row(
                id: try r.decode(column: "id", as: UUID.self), title: try r.decode(column: "title", as: String.self),
                body: try r.decode(column: "body", as: String.self),
                category: try r.decode(column: "category", as: String.self),
                status: NeedStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .new,
                channel: try r.decode(column: "channel", as: String.self),
                firstSubmittedAt: try r.decode(column: "first_submitted_at", as: Date.self),
                placeName: try r.decode(column: "place_name", as: String.self),
                placeCode: try r.decode(column: "place_code", as: String.self),
                communityCode: try r.decode(column: "community_code", as: String.self),
                score: .init(
                    households: try r.decode(column: "households", as: Int.self),
                    buildings: try r.decode(column: "buildings", as: Int.self),
                    ageBands: try r.decode(column: "age_bands", as: Int.self),
                    depth: try r.decode(column: "depth", as: Double.self),
                    commonGround: try r.decode(column: "common_ground", as: Double.self),
                    channels: try r.decode(column: "channels", as: Int.self),
                    vulnerable: try r.decode(column: "vulnerable", as: Int.self),
                    safety: try r.decode(column: "safety", as: Bool.self),
                    waitingMonths: try r.decode(column: "waiting_months", as: Int.self),
                    priority: try r.decode(column: "priority", as: Double.self)))
        }
    }

}
