import Fluent
import SQLKit
import Vapor
import YishiCore

/// The register, frozen from the territory data: units with their areas and sources, statuses,
/// owners and co-owners, grouped into persons by `FrozenRegister`. Each freeze is a version with
/// its hash and reason; it is published as a notice for the correction period; nothing changes it
/// once voting opens.
extension OwnersVotes {
    /// The scope's units as the engine reads them, in code order, with who owns each and where to fix it.
    struct TerritoryRegister {
        var units: [RegisterUnit]
        var unitIDs: [UUID]
        var owners: [String: (name: String, phone: String?)]
    }

    static func territoryRegister(of v: OwnersVote, on db: any Database) async throws -> TerritoryRegister {
        let sql = db as! any SQLDatabase
        let node = v.$node.id
        let whereClause: SQLQueryString =
            switch v.scope {
            case "buildingGroup": "b.id = \(bind: node)"
            case "sharedPart": "b.parent_id = \(bind: node) AND b.id IN (\(binds: v.partBuildings))"
            default: "b.parent_id = \(bind: node)"
            }
        let rows = try await sql.raw(
            """
            SELECT u.id, u.code, u.kind, u.status, u.register_area, u.survey_area, u.contract_area,
                   o.code AS owner, o.name AS owner_name, o.phone AS owner_phone
            FROM units u JOIN territory_nodes b ON b.id = u.building_id
            LEFT JOIN ownerships s ON s.unit_id = u.id LEFT JOIN owners o ON o.id = s.owner_id
            WHERE \(whereClause) ORDER BY u.code, o.code
            """
        ).all()
        var out = TerritoryRegister(units: [], unitIDs: [], owners: [:])
        for r in rows {
            let id = try r.decode(column: "id", as: UUID.self)
            let owner = try r.decode(column: "owner", as: String?.self)
            if out.unitIDs.last != id {
                let areas = UnitAreas(
                    register: try r.decode(column: "register_area", as: Int64?.self).map(Area.init(centi:)),
                    survey: try r.decode(column: "survey_area", as: Int64?.self).map(Area.init(centi:)),
                    contract: try r.decode(column: "contract_area", as: Int64?.self).map(Area.init(centi:)))
                out.unitIDs.append(id)
                out.units.append(
                    RegisterUnit(
                        unit: try r.decode(column: "code", as: String.self), owners: [],
                        status: UnitStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .delivered,
                        kind: UnitKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .residential,
                        areas: areas, line: out.units.count))
            }
            if let owner {
                out.units[out.units.count - 1].owners.append(owner)
                out.owners[owner] = (
                    try r.decode(column: "owner_name", as: String.self),
                    try r.decode(column: "owner_phone", as: String?.self).flatMap(OneTimeCodeRules.normalizePhone)
                )
            }
        }
        return out
    }

    /// One problem that stops the freeze, in words, with the unit page where it is fixed.
    struct RegisterIssue: Sendable {
        var message: Bilingual
        var link: String?
    }

    /// Freezes the register from the territory data now (again, with `reason`, while it is
    /// published), publishes it for the correction period and returns the new version.
    @discardableResult
    static func freeze(_ id: UUID?, reason: String?, by caller: Caller) async throws -> Int {
        let v = try await managed(id, by: caller)
        let why = (reason ?? "").trimmed
        try allow(.freeze(hasReason: !why.isEmpty), v, now: caller.now)
        if !why.isEmpty, case .failure(let p) = FieldRules.paragraphs(why, max: 500) {
            throw YishiError.invalid(["reason": p.fieldKey])
        }
        let data = try await territoryRegister(of: v, on: caller.db)
        let frozen: FrozenRegister
        switch FrozenRegister.freeze(data.units, countParking: v.countParking) {
        case .success(let f): frozen = f
        case .failure(let problems):
            throw YishiError.registerProblems(
                problems.list.map { p in
                    RegisterIssue(
                        message: p.message,
                        link: data.unitIDs.indices.contains(p.line) ? Site.unit(data.unitIDs[p.line]) : nil)
                })
        }
        guard !frozen.persons.isEmpty, frozen.areaTotal > 0 else {
            throw YishiError.registerProblems([RegisterIssue(message: TallyError.emptyRegister.message, link: nil)])
        }
        // Designations carry over to a person whose owners are the same.
        let previous = v.registerVersion > 0 ? try await register(of: v, on: caller.db).persons : []
        let designated = Dictionary(
            previous.compactMap { p in p.designated.map { (p.owners, $0) } }, uniquingKeysWith: { a, _ in a })
        let persons = frozen.persons.enumerated().map { i, p in
            RegisterPerson(
                number: i + 1, owners: p.owners, names: p.owners.map { data.owners[$0]?.name ?? $0 }, units: p.units,
                area: p.area, developer: p.isDeveloper, designated: designated[p.owners])
        }
        let phones = data.owners.compactMapValues(\.phone)
        try await writeVersion(
            v, persons: persons, notes: frozen.notes, phones: phones, reason: why.isEmpty ? nil : why, publish: true,
            by: caller)
        try await publishRegister(v, by: caller)
        return v.registerVersion
    }

    /// Writes a new version of the register (persons, owner index, hash) and, when `publish`, starts
    /// its correction period. One version at a time: the UPDATE that claims the number decides
    /// between two at once, and only before voting opens.
    static func writeVersion(
        _ v: OwnersVote, persons: [RegisterPerson], notes: [Bilingual], phones: [String: String], reason: String?,
        publish: Bool, by caller: Caller
    ) async throws {
        let old = v.registerVersion
        let version = old + 1
        let area = persons.reduce(Int64(0)) { $0 + $1.area }
        let hash = RecordHash.register(
            vote: v.id!, version: version, matter: v.matterNumber, countParking: v.countParking, silence: v.silence,
            persons: persons, area: area)
        let now = caller.now
        let user = caller.actor?.userId
        let notesJSON = DesignVotes.json(notes.map { [$0.zh, $0.en] })
        let voteID = v.id!
        let publishedAt: SQLQueryString
        if publish { publishedAt = "\(bind: now)" } else { publishedAt = "register_published_at" }
        try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            let claimed = try await sql.raw(
                """
                UPDATE owner_votes SET register_version = \(bind: version), register_hash = \(bind: hash),
                  status = \(bind: OwnerVote.Status.registerPublished.rawValue),
                  register_published_at = \(publishedAt),
                  updated_at = \(bind: now)
                WHERE id = \(bind: voteID) AND register_version = \(bind: old) AND status IN ('draft', 'registerPublished')
                RETURNING id
                """
            ).first()
            guard claimed != nil else { throw YishiError.conflict(key: OwnerVoteText.registerLocked.key) }
            try await sql.raw(
                """
                INSERT INTO owner_vote_registers (id, vote_id, version, hash, persons, area, notes, reason, by_id, created_at)
                VALUES (\(bind: UUID()), \(bind: voteID), \(bind: version), \(bind: hash), \(bind: persons.count),
                  \(bind: area), \(bind: notesJSON), \(bind: reason), \(bind: user), \(bind: now))
                """
            ).run()
            var personRows = BatchInsert(
                table: "owner_vote_persons",
                columns: [
                    "vote_id", "version", "number", "owners", "names", "units", "area", "developer", "designated",
                ])
            var ownerRows = BatchInsert(
                table: "owner_vote_owners", columns: ["vote_id", "version", "owner_code", "person", "phone"])
            for p in persons {
                personRows.add([
                    voteID, version, p.number, DesignVotes.json(p.owners), DesignVotes.json(p.names),
                    DesignVotes.json(p.units), p.area, p.developer, p.designated,
                ])
                for o in p.owners { ownerRows.add([voteID, version, o, p.number, phones[o]]) }
            }
            try await personRows.insert(on: tx)
            try await ownerRows.insert(on: tx)
            var details = [
                "title": v.title, "version": String(version), "persons": String(persons.count),
                "area": Area(centi: area).description, "hash": hash,
            ]
            if let reason { details["reason"] = reason }
            return (
                (),
                AuditEvent(
                    action: .ownersVoteRegister, targetType: "ownersVote", targetID: voteID.uuidString,
                    nodeID: v.$node.id, details: details)
            )
        }
        v.registerVersion = version
        v.registerHash = hash
        v.status = .registerPublished
        if publish { v.registerPublishedAt = now }
        // Thousands of rows just written: the planner learns of them now, not at autovacuum's next
        // round (on PostgreSQL the first ballots' read of a 12,000-owner register took 5 s before).
        await SQLiteTuning.analyze(caller.db, tables: ["owner_vote_persons", "owner_vote_owners"])
    }

    /// The register's notice: its persons and areas for the correction period; owners object on it.
    static func publishRegister(_ v: OwnersVote, by caller: Caller) async throws {
        let n = try await NoticesService.create(
            .init(
                node: v.$node.id, title: Catalog.text(OwnerVoteText.registerNoticeTitle, .zhHans, [v.title]),
                body: bilingual(
                    OwnerVoteText.registerNoticeBody, { _ in [String(v.registerVersion), String(v.noticeDays)] }),
                days: String(v.noticeDays), subject: (kind: "ownersRegister", id: v.id!)),
            by: caller)
        _ = try await NoticesService.publish(n.id, by: caller)
        try await (caller.db as! any SQLDatabase).raw(
            "UPDATE owner_votes SET register_notice_id = \(bind: n.id!) WHERE id = \(bind: v.id!)"
        ).run()
        v.registerNoticeID = n.id
    }

    /// The current version of a vote's register: every person, or (`only`) just those numbered —
    /// a page about one owner reads their entry and the register's totals, not thousands of persons.
    static func register(of v: OwnersVote, only: [Int]? = nil, on db: any Database) async throws -> VoteRegister {
        try await register(vote: v.id!, version: v.registerVersion, only: only, on: db)
    }

    static func register(vote: UUID, version: Int, only: [Int]? = nil, on db: any Database) async throws
        -> VoteRegister
    {
        let sql = db as! any SQLDatabase
        let head = try await sql.raw(
            """
            SELECT hash, persons, area, notes FROM owner_vote_registers
            WHERE vote_id = \(bind: vote) AND version = \(bind: version)
            """
        ).first()
        let some: SQLQueryString = only.map { "AND number IN (\(binds: $0.isEmpty ? [-1] : $0))" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT number, owners, names, units, area, developer, designated FROM owner_vote_persons
            WHERE vote_id = \(bind: vote) AND version = \(bind: version) \(some) ORDER BY number
            """
        ).all()
        let d = JSONDecoder()
        func list(_ r: any SQLRow, _ c: String) throws -> [String] {
            (try? d.decode([String].self, from: Data(try r.decode(column: c, as: String.self).utf8))) ?? []
        }
        var persons: [RegisterPerson] = []
        persons.reserveCapacity(rows.count)
        for r in rows {
            let p = RegisterPerson(
                number: try r.decode(column: "number", as: Int.self), owners: try list(r, "owners"),
                names: try list(r, "names"), units: try list(r, "units"),
                area: try r.decode(column: "area", as: Int64.self),
                developer: try r.decode(column: "developer", as: Bool.self),
                designated: try r.decode(column: "designated", as: String?.self))
            persons.append(p)
        }
        let notes =
            (try? d.decode(
                [[String]].self, from: Data(((try head?.decode(column: "notes", as: String.self)) ?? "[]").utf8)))
            ?? []
        return VoteRegister(
            version: version, persons: persons, personsTotal: try head?.decode(column: "persons", as: Int.self) ?? 0,
            hash: try head?.decode(column: "hash", as: String.self) ?? "",
            areaTotal: try head?.decode(column: "area", as: Int64.self) ?? 0,
            notes: notes.compactMap { $0.count == 2 ? Bilingual($0[0], $0[1]) : nil })
    }

    /// Records which co-owner votes for a co-owned home (their written designation, kept by staff):
    /// a new version of the register, before voting opens.
    static func designate(_ id: UUID?, person: Int, owner: String, by caller: Caller) async throws {
        let v = try await managed(id, by: caller)
        try allow(.designate, v, now: caller.now)
        var reg = try await register(of: v, on: caller.db)
        guard let i = reg.persons.firstIndex(where: { $0.number == person }) else { throw YishiError.notFound }
        guard reg.persons[i].owners.count > 1, reg.persons[i].owners.contains(owner) else {
            throw YishiError.invalid(["owner": OwnerVoteText.notCoOwner.key])
        }
        reg.persons[i].designated = owner
        let phones = try await (caller.db as! any SQLDatabase).raw(
            "SELECT owner_code, phone FROM owner_vote_owners WHERE vote_id = \(bind: v.id!) AND version = \(bind: v.registerVersion) AND phone IS NOT NULL"
        ).all().reduce(into: [String: String]()) {
            $0[try $1.decode(column: "owner_code", as: String.self)] = try $1.decode(column: "phone", as: String.self)
        }
        try await writeVersion(
            v, persons: reg.persons, notes: reg.notes, phones: phones,
            reason: Catalog.text(OwnerVoteText.designationReason, .zhHans, [owner, String(person)]), publish: false,
            by: caller)
    }

    /// The persons a signed-in owner may vote for: the register's entries with their phone.
    static func entries(of v: OwnersVote, phone: String?, on db: any Database) async throws -> [(
        owner: String, person: Int
    )] {
        guard let phone = phone.flatMap(OneTimeCodeRules.normalizePhone), v.registerVersion > 0 else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT owner_code, person FROM owner_vote_owners
            WHERE vote_id = \(bind: v.id!) AND version = \(bind: v.registerVersion) AND phone = \(bind: phone)
            ORDER BY person
            """
        ).all().map {
            (try $0.decode(column: "owner_code", as: String.self), try $0.decode(column: "person", as: Int.self))
        }
    }

    /// The signed-in account's phone (the one its one-time codes went to).
    static func phone(of caller: Caller) async throws -> String? {
        if let phone = caller.phone { return phone }
        guard let user = caller.actor?.userId else { return nil }
        return try await (caller.db as! any SQLDatabase).raw("SELECT phone FROM users WHERE id = \(bind: user)")
            .first()?
            .decode(column: "phone", as: String?.self)
    }

    /// An owner's objection to the register, on its notice (staff answer it there; an unanswered
    /// objection keeps the vote from opening).
    static func object(_ id: UUID?, text: String, by caller: Caller) async throws {
        let v = try await readable(id, by: caller)
        let mine = try await entries(of: v, phone: try await phone(of: caller), on: caller.db)
        guard let first = mine.first else { throw YishiError.denied(.outsideScope) }
        guard v.status == .registerPublished, let notice = v.registerNoticeID else {
            throw YishiError.conflict(key: OwnerVoteText.registerLocked.key)
        }
        _ = try await NoticesService.objectAsOwner(
            notice, text: text, owner: first.owner, by: caller)
    }
}
