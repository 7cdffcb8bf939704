import Fluent
import SQLKit
import Vapor
import YishiCore

/// Meetings for pages and the API alike (`Caller`): staff call one (for a project, at its current
/// stage), residents sign in with its code on their phone, staff tick residents off the roster or
/// enter a paper count, record the minutes and the resolutions (decided by the engine's rule).
enum MeetingsService {
    struct NewMeeting: Sendable {
        var node: UUID?
        var project: UUID?
        var kind: String?
        var title: String
        var agenda: String
        var venue: String
        /// "2026-12-03 14:00" in Shanghai time.
        var startsAt: String
        var venueLevel: String? = nil
        /// The departments and units invited (a case conference).
        var invited: String? = nil
    }

    /// "2026-12-03 14:00" (or with a T) in Shanghai time → the instant.
    static func shanghaiTime(_ text: String) -> Date? {
        let t = text.trimmed.replacingOccurrences(of: "T", with: " ")
        let parts = t.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let d = parts[0].split(separator: "-").compactMap { Int($0) }
        let h = parts[1].split(separator: ":").compactMap { Int($0) }
        guard d.count == 3, h.count == 2, (2000...2100).contains(d[0]), (1...12).contains(d[1]),
            (1...31).contains(d[2]),
            (0...23).contains(h[0]), (0...59).contains(h[1])
        else { return nil }
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute) = (d[0], d[1], d[2], h[0], h[1])
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 8 * 3_600)!
        guard let date = cal.date(from: c), cal.component(.day, from: date) == d[2] else { return nil }
        return date
    }

    static func create(_ m: NewMeeting, by caller: Caller) async throws -> Meeting {
        let node: TerritoryNode
        var project: Project? = nil
        if let pid = m.project {
            let p = try await ProjectsService.readable(pid, by: caller)
            try caller.authorize(.projectManage, at: p.node.territoryPath)
            project = p
            node = p.node
        } else {
            node = try await caller.node(m.node, for: .projectManage)
        }
        var fields: [String: String] = [:]
        let kind = m.kind.flatMap(MeetingKind.init)
        if kind == nil { fields["kind"] = FieldText.requiredText.key }
        let title = FieldRules.text(m.title, max: 100)
        if let p = title.problem { fields["title"] = p.fieldKey }
        let agenda = FieldRules.paragraphs(m.agenda, max: 2_000)
        if let p = agenda.problem { fields["agenda"] = p.fieldKey }
        let venue = FieldRules.text(m.venue, max: 100)
        if let p = venue.problem { fields["venue"] = p.fieldKey }
        let starts = shanghaiTime(m.startsAt)
        if starts == nil { fields["startsAt"] = MeetingText.timeInvalid.key }
        let level = (m.venueLevel ?? "").isEmpty ? nil : m.venueLevel.flatMap(VenueLevel.init(rawValue:))
        if level == nil && !(m.venueLevel ?? "").isEmpty { fields["venueLevel"] = FieldText.invalid.key }
        let invitedText = (m.invited ?? "").trimmed
        let invited = invitedText.isEmpty ? nil : FieldRules.text(invitedText, max: 300).value
        if !invitedText.isEmpty && invited == nil { fields["invited"] = FieldText.invalid.key }
        guard fields.isEmpty, let kind, let t = title.value, let a = agenda.value, let v = venue.value, let starts
        else {
            throw YishiError.invalid(fields)
        }
        let bytes = caller.effects.random.bytes(8)
        let code = MeetingRules.code(bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        let (user, place, proj, now) = (caller.actor?.userId, node, project, caller.now)
        let made: Meeting = try await caller.audited { tx in
            let meeting = Meeting()
            meeting.$node.id = try place.requireID()
            meeting.$project.id = proj?.id
            meeting.projectStage = proj?.stage
            meeting.kind = kind
            meeting.title = t
            meeting.agenda = a
            meeting.venue = v
            meeting.startsAt = starts
            meeting.code = code
            meeting.venueLevel = level?.rawValue
            meeting.invited = invited
            meeting.createdByID = user
            try await meeting.create(on: tx)
            // The project's followers hear of a meeting called (never of the party members' own).
            if let proj, !kind.isInternal {
                try await ProjectFollowing.notify(
                    try proj.requireID(), WorksText.notifyMeeting, [proj.title, t, Show.dateTime(starts)],
                    link: Site.meeting(meeting.id!), now: now, on: tx)
            }
            return (
                meeting,
                AuditEvent(
                    action: .meetingCreate, targetType: "meeting", targetID: meeting.id!.uuidString, nodeID: place.id,
                    details: ["title": t, "kind": kind.rawValue, "starts": Show.dateTime(starts)])
            )
        }
        if let proj, let pid = proj.id, !kind.isInternal {
            await ProjectFollowing.textFollowers(
                pid, WorksText.notifyMeeting, [proj.title, t, Show.dateTime(starts)], by: caller)
        }
        return made
    }

    static func readable(_ id: UUID?, by caller: Caller) async throws -> Meeting {
        guard let id, let m = try await Meeting.query(on: caller.db).filter(\.$id == id).with(\.$node).first() else {
            throw YishiError.notFound
        }
        let path = m.node.territoryPath
        if caller.allows(.projectManage, at: path) { return m }
        // The party members' meeting is internal: its record is for staff.
        guard !m.kind.isInternal else { throw YishiError.notFound }
        if caller.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: caller, managing: .projectManage),
            path.contains(home.path)
        {
            return m
        }
        try caller.authorize(.needRead, at: path)
        return m
    }

    /// A resident signs in with the code; staff tick a resident (roster) or enter a paper count.
    /// A person is counted once (a unique index decides two at once).
    static func signIn(
        _ id: UUID?, code: String?, resident: String?, paperCount: String?, by caller: Caller
    ) async throws -> Meeting {
        let m = try await readable(id, by: caller)
        let actor = try caller.requireActor()
        var rid: UUID? = nil
        var way = MeetingAttendance.Way.code
        var count = 1
        if actor.kind == .resident {
            guard (code ?? "").trimmed == m.code, MeetingRules.codeValid(at: caller.now, starts: m.startsAt) else {
                throw YishiError.invalid(["code": MeetingText.codeWrong.key])
            }
            let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .projectManage)
            guard m.node.territoryPath.contains(home.path) else { throw YishiError.denied(.outsideScope) }
            rid = try home.resident.requireID()
        } else {
            try caller.authorize(.projectManage, at: m.node.territoryPath)
            if let n = paperCount.flatMap({ Int($0.trimmed) }) {
                guard (1...5_000).contains(n) else { throw YishiError.invalid(["count": FieldText.invalid.key]) }
                way = .paper
                count = n
            } else {
                let (home, _) = try await ResidentHome.whose(resident, by: caller, managing: .projectManage)
                guard m.node.territoryPath.contains(home.path) else { throw YishiError.denied(.outsideScope) }
                rid = try home.resident.requireID()
                way = .roster
            }
        }
        let (person, w, n, user) = (rid, way, count, actor.userId)
        do {
            return try await caller.audited { tx in
                let a = MeetingAttendance()
                a.$meeting.id = try m.requireID()
                a.$resident.id = person
                a.channel = w
                a.count = n
                a.enteredByID = actor.kind == .resident ? nil : user
                try await a.create(on: tx)
                return (
                    m,
                    AuditEvent(
                        action: .meetingSignIn, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                        details: ["title": m.title, "way": w.rawValue, "count": String(n)],
                        provenance: Provenance(
                            forResident: person, enteredBy: user, channel: actor.kind == .resident ? .online : .meeting)
                    )
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.conflict(key: MeetingText.alreadySignedIn.key)
        }
    }

    /// Person-times present: every signed-in person and every paper count.
    static func attendance(of m: Meeting, on db: any Database) async throws -> (
        total: Int, byWay: [MeetingAttendance.Way: Int]
    ) {
        var by: [MeetingAttendance.Way: Int] = [:]
        for a in try await MeetingAttendance.query(on: db).filter(\.$meeting.$id == m.requireID()).all() {
            by[a.channel, default: 0] += a.count
        }
        return (by.values.reduce(0, +), by)
    }

    static func recordMinutes(_ id: UUID?, text: String, by caller: Caller) async throws -> Meeting {
        let m = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        let body = FieldRules.paragraphs(text, max: 10_000)
        if let p = body.problem { throw YishiError.invalid(["minutes": p.fieldKey]) }
        let words = body.value ?? ""
        return try await caller.audited { tx in
            m.minutes = words
            try await m.update(on: tx)
            return (
                m,
                AuditEvent(
                    action: .meetingMinutes, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: ["title": m.title])
            )
        }
    }

    /// Whether the meeting's community is a village (its meetings follow the villagers' rules).
    static func atVillage(_ m: Meeting, on db: any Database) async throws -> Bool {
        let ids = m.node.territoryPath.ids
        guard ids.count >= 3 else { return false }
        return try await TerritoryNode.find(ids[2], on: db)?.kind == CommunityKind.village.rawValue
    }

    /// The register's count at the meeting's place: its adults (18 or over this year) and its households.
    static func register(_ m: Meeting, now: Date, on db: any Database) async throws -> (adults: Int, households: Int) {
        let path = m.node.territoryPath
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 8 * 3_600)!
        let born = cal.component(.year, from: now) - 18
        let row = try await (db as! any SQLDatabase).raw(
            """
            SELECT COUNT(DISTINCT h.id) AS households,
            COUNT(DISTINCT CASE WHEN r.birth_year <= \(bind: born) THEN r.id END) AS adults
            FROM households h JOIN units u ON u.id = h.unit_id JOIN territory_nodes b ON b.id = u.building_id
            LEFT JOIN residents r ON r.household_id = h.id
            WHERE b.path >= \(bind: path.encoded) AND b.path < \(bind: path.subtreeUpperBound)
            """
        ).first()
        return (
            try row?.decode(column: "adults", as: Int.self) ?? 0,
            try row?.decode(column: "households", as: Int.self) ?? 0
        )
    }

    /// The electorates a residents' meeting is convened with (DECISION-RULES.md §2).
    enum Basis: String, CaseIterable, Sendable { case adults, households, groupRepresentatives }

    /// A resolution with its counts, decided by the meeting's rule (`MeetingRules.decide`); present
    /// defaults to the person-times signed in. A residents' meeting's electorate is chosen: all
    /// adults or one per household (counted from the register unless given), or the groups'
    /// representatives (given); a village's meetings also count households.
    static func resolve(
        _ id: UUID?, text: String, electorate: String?, present: String?, yes: String?, basis: String? = nil,
        households: String? = nil, householdsPresent: String? = nil, hands: [UUID] = [], by caller: Caller
    ) async throws -> MeetingResolution {
        let m = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        var fields: [String: String] = [:]
        let body = FieldRules.text(text, max: 500)
        if let p = body.problem { fields["resolution"] = p.fieldKey }
        func number(_ s: String?) -> Int? { s.flatMap { Int($0.trimmed) } }
        let signed = try await attendance(of: m, on: caller.db).total
        let presentN = number(present) ?? signed
        // Hands counted person by person: each ticked resident signed in at this meeting, once;
        // the number typed adds those on paper or not on the list.
        let ticked = Array(Set(hands))
        if !ticked.isEmpty {
            let attendees = Set(try await attendees(of: m, on: caller.db).map(\.id))
            guard ticked.allSatisfy(attendees.contains) else {
                fields["hands"] = MeetingText.handsNotPresent.key
                throw YishiError.invalid(fields)
            }
        }
        let typed = number(yes)
        guard typed != nil || !ticked.isEmpty, (typed ?? 0) >= 0 else {
            fields["yes"] = FieldText.requiredText.key
            throw YishiError.invalid(fields)
        }
        let yesN = (typed ?? 0) + ticked.count
        let village = try await atVillage(m, on: caller.db)
        let chosen = basis.flatMap(Basis.init(rawValue:))
        var electorateN = number(electorate)
        var householdsN = number(households)
        let need = MeetingRules.needs(m.kind, village: village)
        if need.electorate || need.households, electorateN == nil || householdsN == nil {
            let counted = try await register(m, now: caller.now, on: caller.db)
            if need.households && householdsN == nil { householdsN = counted.households }
            if electorateN == nil && need.electorate {
                switch (chosen, m.kind, village) {
                case (.households, .residentsAssembly, false): electorateN = counted.households
                case (.adults, .residentsAssembly, _), (nil, .residentsAssembly, true), (_, .villagersAssembly, _),
                    (_, .villagerGroup, _):
                    electorateN = counted.adults
                default: break
                }
                if electorateN == 0 { electorateN = nil }
            }
        }
        let decision: MeetingDecision
        switch MeetingRules.decide(
            m.kind, village: village,
            .init(
                electorate: electorateN, present: presentN, yes: yesN, households: householdsN,
                householdsPresent: number(householdsPresent)))
        {
        case .success(let d): decision = d
        case .failure(.electorateRequired):
            fields["electorate"] = FieldText.requiredText.key
            throw YishiError.invalid(fields)
        case .failure(.householdsRequired):
            fields["householdsPresent"] = FieldText.requiredText.key
            throw YishiError.invalid(fields)
        case .failure(.ownersDecideByVote): throw YishiError.conflict(key: MeetingText.ownersByVote.key)
        case .failure(.impossibleCounts):
            fields["yes"] = MeetingText.countsImpossible.key
            throw YishiError.invalid(fields)
        }
        guard fields.isEmpty, let words = body.value else { throw YishiError.invalid(fields) }
        let conditions = String(decoding: try JSONEncoder().encode(decision.conditions), as: UTF8.self)
        let user = caller.actor?.userId
        let (electorateKept, householdsKept, representedKept) = (electorateN, householdsN, number(householdsPresent))
        let basisKept = m.kind == .residentsAssembly && !village ? chosen?.rawValue : nil
        return try await caller.audited { tx in
            let r = MeetingResolution()
            r.$meeting.id = try m.requireID()
            r.text = words
            r.electorate = electorateKept
            r.basis = basisKept
            r.households = householdsKept
            r.householdsPresent = representedKept
            r.present = presentN
            r.yes = yesN
            r.status = decision.status.rawValue
            r.conditionsJSON = conditions
            r.enteredByID = user
            try await r.create(on: tx)
            for resident in ticked {
                try await (tx as! any SQLDatabase).insert(into: "resolution_hands").columns(
                    "id", "resolution_id", "resident_id"
                )
                .values(SQLBind(UUID()), SQLBind(r.id!), SQLBind(resident)).run()
            }
            return (
                r,
                AuditEvent(
                    action: .meetingResolution, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: [
                        "title": m.title, "resolution": words, "status": decision.status.rawValue,
                        "present": String(presentN), "yes": String(yesN),
                    ])
            )
        }
    }

    static func resolutions(of m: Meeting, on db: any Database) async throws -> [MeetingResolution] {
        try await MeetingResolution.query(on: db).filter(\.$meeting.$id == m.requireID()).sort(\.$createdAt).all()
    }
}
