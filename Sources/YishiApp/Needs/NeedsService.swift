import Fluent
import SQLKit
import Vapor
import YishiCore

/// Raising, supporting and sorting needs, for pages and the API alike (`Caller`). A resident
/// raises and supports for themselves (online, once verified); staff enter needs and support for a
/// named resident with the channel it came through (assisted entry), and it counts the same.
enum NeedsService {
    struct RaiseInput: Sendable {
        var text: String
        var category: String
        var place: UUID?
        var hideName = false
        var forResident: String?
        var channel: YishiCore.Channel?
        /// The meeting it was heard at (required for the channel `meeting`).
        var meeting: String? = nil
        /// New photos, checked and cleaned before anything is stored.
        var photos: [(name: String, data: Data)] = []
        /// Photos the same person sent a moment ago, kept while similar needs were shown.
        var heldPhotos: [UUID] = []
    }

    /// "花园里加几张座椅" → the first line, at most 24 characters.
    static func title(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 24 ? String(line.prefix(24)) + "…" : line
    }

    static func raise(_ input: RaiseInput, by caller: Caller) async throws -> Need {
        let (home, selfChannel) = try await ResidentHome.whose(input.forResident, by: caller, managing: .needManage)
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
        let text = FieldRules.paragraphs(input.text, max: 500)
        if let p = text.problem { fields["text"] = p.fieldKey }
        let settings = try await NeedSettingsStore.of(district: home.path.ids.first, on: caller.db)
        let category = NeedCategory.find(input.category, in: settings.categories)
        if category == nil { fields["category"] = FieldText.requiredText.key }
        let placeID = input.place ?? home.community
        let place = try await TerritoryNode.find(placeID, on: caller.db)
        let communityPath = home.building.territoryPath.ancestor(at: 2)
        if place == nil || !(communityPath.map { $0.contains(place!.territoryPath) } ?? false)
            || ![.community, .compound, .building].contains(place!.level)
        {
            fields["place"] = NeedText.placeOutside.key
        }
        var meeting: String? = nil
        if channel == .meeting {
            switch FieldRules.text(input.meeting ?? "", max: 100) {
            case .success(let m): meeting = m
            case .failure(let p): fields["meeting"] = p.fieldKey
            }
        }
        var photos: [Uploads.File] = []
        switch Uploads.check(input.photos, accept: .photos, max: Uploads.maxFiles - input.heldPhotos.count) {
        case .success(let p): photos = p
        case .failure: fields["photos"] = NeedText.photosRefused.key
        }
        guard fields.isEmpty, let body = text.value, let category, let place else { throw YishiError.invalid(fields) }
        let now = caller.now
        let enteredBy = selfChannel == nil ? caller.actor?.userId : nil
        let (meetingName, newPhotos, held, uploader) = (meeting, photos, input.heldPhotos, caller.actor?.userId)
        let hide = input.hideName
        return try await caller.audited { tx in
            let need = try await insert(
                .init(
                    community: home.community, place: try place.requireID(), category: category.key, body: body,
                    channel: channel, enteredBy: enteredBy, hideName: hide, meeting: meetingName,
                    resident: (try home.resident.requireID(), home.householdID, try home.building.requireID()),
                    settings: settings),
                now: now, on: tx)
            try await NeedPhotos.attach(newPhotos, held: held, to: need.id!, by: uploader, now: now, on: tx)
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

    /// A checked need as it is stored, inside the caller's transaction.
    struct NewNeed: Sendable {
        var community: UUID
        var place: UUID
        var category: String
        var body: String
        var channel: YishiCore.Channel
        var enteredBy: UUID?
        var hideName = false
        var meeting: String? = nil
        /// Who raised it, with their household and building (their support is the first); none
        /// for a need raised from data (`origin`).
        var resident: (id: UUID, household: UUID, building: UUID)?
        var origin: String? = nil
        var evidence: String? = nil
        /// The district's settings: its vocabulary normalises the text, its weights score it.
        var settings: NeedSettings
    }

    /// Stores a checked need with its bigrams, its raiser's support and its score: for a resident,
    /// for staff entering one, for a questionnaire's written answer and for a life-circle gap.
    static func insert(_ n: NewNeed, now: Date, on tx: any Database) async throws -> Need {
        let need = Need()
        need.id = UUID()
        need.$community.id = n.community
        need.$place.id = n.place
        need.category = n.category
        need.title = title(n.body)
        need.body = n.body
        need.normalised = NeedSimilarity.normalise(n.body, vocabulary: n.settings.vocabulary)
        need.bigramCount = NeedSimilarity.bigrams(need.normalised).count
        need.status = .new
        need.hideName = n.hideName
        need.safety = false
        need.$resident.id = n.resident?.id
        // A need from data keeps its origin as its channel: it is no resident's participation.
        need.channel = n.origin ?? n.channel.rawValue
        need.enteredByID = n.enteredBy
        need.firstSubmittedAt = now
        need.meeting = n.meeting
        need.origin = n.origin
        need.evidence = n.evidence
        need.setScore(
            NeedRanking.score(
                supports: [], members: [:], safety: false, firstSubmitted: now, now: now, currentYear: Show.year(now)))
        try await need.create(on: tx)
        try await indexBigrams(of: need, on: tx)
        if let r = n.resident {
            try await NeedSupport(
                need: need.id!, resident: r.id, household: r.household, building: r.building, channel: n.channel,
                enteredBy: n.enteredBy
            ).create(on: tx)
        }
        try await rescore(need, on: tx, now: now, weights: n.settings.weights)
        return need
    }

    /// "我也是": a resident supports a need of their community (a second time is a 409).
    static func support(_ needID: UUID?, forResident: String?, channel: YishiCore.Channel?, by caller: Caller)
        async throws -> Need
    {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        let (home, selfChannel) = try await ResidentHome.whose(forResident, by: caller, managing: .needManage)
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
        let weights = try await NeedSettingsStore.of(district: home.path.ids.first, on: caller.db).weights
        do {
            return try await caller.audited { tx in
                try await NeedSupport(
                    need: needID, resident: rid, household: home.householdID, building: home.building.requireID(),
                    channel: c, enteredBy: enteredBy
                ).create(on: tx)
                try await rescore(need, on: tx, now: now, weights: weights)
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

    /// A resident takes their support back from a need and the needs joined into it (after a join
    /// they did not agree with, or any time while it is open); the score follows.
    static func withdraw(_ needID: UUID?, by caller: Caller) async throws -> Need {
        guard let needID, let need = try await Need.find(needID, on: caller.db) else { throw YishiError.notFound }
        let actor = try caller.requireActor()
        guard actor.kind == .resident else { throw YishiError.denied(.roleLacksAction) }
        let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .needManage)
        try caller.authorize(.needRaise, at: home.path)
        let targetID = need.$mergedInto.id ?? needID
        guard let target = try await Need.find(targetID, on: caller.db), target.status.open else {
            throw YishiError.conflict(key: NeedText.notSupporting.key)
        }
        let family =
            [targetID]
            + (try await Need.query(on: caller.db).filter(\.$mergedInto.$id == targetID).all().compactMap(\.id))
        let rid = try home.resident.requireID()
        let mine = try await NeedSupport.query(on: caller.db).filter(\.$need.$id ~~ family).filter(
            \.$resident.$id == rid
        )
        .all()
        guard !mine.isEmpty else { throw YishiError.conflict(key: NeedText.notSupporting.key) }
        let now = caller.now
        let weights = try await NeedSettingsStore.of(district: home.path.ids.first, on: caller.db).weights
        return try await caller.audited { tx in
            for s in mine { try await s.delete(on: tx) }
            try await rescore(target, on: tx, now: now, weights: weights)
            return (
                target,
                AuditEvent(
                    action: .needWithdraw, targetType: "need", targetID: targetID.uuidString, nodeID: target.$place.id,
                    details: ["title": target.title])
            )
        }
    }

    /// A second "me too" of the same person (409).
    struct AlreadySupported: Error {}

    /// Recomputes a need's score from its support (inside the change's transaction), with the
    /// district's weights (the caller has read them before the transaction).
    static func rescore(_ need: Need, on db: any Database, now: Date, weights w: NeedRanking.Weights) async throws {
        // A need counts the support of the needs merged into it (households once, by the ranking):
        // two plain queries, the supports with their residents' birth years, then the households' members.
        let sql = db as! any SQLDatabase
        let id = try need.requireID()
        // (An OR with a subquery here read every support on PostgreSQL: 14 ms instead of 2.)
        let joined = try await sql.raw("SELECT id, first_submitted_at FROM needs WHERE merged_into_id = \(bind: id)")
            .all().map {
                (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "first_submitted_at", as: Date.self))
            }
        let merged = joined.map(\.0)
        // Joined needs wait since the earliest of them was raised: a join never loses months of waiting.
        let first = ([need.firstSubmittedAt] + joined.map(\.1)).min()!
        let supports = try await sql.raw(
            """
            SELECT s.household_id, s.building_id, s.channel, r.birth_year FROM need_supports s
            JOIN residents r ON r.id = s.resident_id WHERE s.need_id IN (\(binds: [id] + merged))
            """
        ).all().map { row in
            NeedRanking.Support(
                household: try row.decode(column: "household_id", as: UUID.self),
                building: try row.decode(column: "building_id", as: UUID.self),
                birthYear: try row.decode(column: "birth_year", as: Int?.self),
                channel: YishiCore.Channel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .online)
        }
        let households = Array(Set(supports.map(\.household)))
        var members: [UUID: [NeedRanking.Member]] = [:]
        if !households.isEmpty {
            let rows = try await sql.raw(
                "SELECT household_id, birth_year, flags FROM residents WHERE household_id IN (\(binds: households))"
            ).all()
            for row in rows {
                let flags = ResidentFlags(encoded: try row.decode(column: "flags", as: String.self)) ?? []
                members[try row.decode(column: "household_id", as: UUID.self), default: []].append(
                    .init(
                        birthYear: try row.decode(column: "birth_year", as: Int.self),
                        disability: flags.contains(.disability)))
            }
        }
        let score = NeedRanking.score(
            supports: supports, members: members, safety: need.safety, firstSubmitted: first,
            now: now, currentYear: Show.year(now), weights: w)
        need.setScore(score)
        try await need.update(on: db)
    }

    /// Staff mark a need as a safety matter, or take the mark away; the score follows.
    static func setSafety(_ needID: UUID?, _ safety: Bool, by caller: Caller) async throws -> Need {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: need.community.territoryPath)
        let now = caller.now
        let weights = try await NeedSettingsStore.of(district: need.community.territoryPath.ids.first, on: caller.db)
            .weights
        return try await caller.audited { tx in
            need.safety = safety
            try await rescore(need, on: tx, now: now, weights: weights)
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

        func categoryName(_ lang: Lang, in categories: [NeedCategory] = NeedCategory.seeded) -> String {
            NeedCategory.find(category, in: categories)?.name(lang) ?? category
        }
    }
}
