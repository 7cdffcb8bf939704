import Fluent
import SQLKit
import Vapor
import YishiCore

/// Appointments (聘任) by the tier's authority, their end (resignation, replacement), and pairings
/// (定向结对) with subdistricts and communities.
extension Planners {
    struct NewAppointment: Sendable {
        var tier: String?
        var scope: UUID?
        var area: UUID?
        var startsOn: String?
        var application: UUID?
    }

    /// Appoints a planner for a term under the rules in force on its first day. Only the tier's
    /// authority may (the district for experts, the subdistrict otherwise); a term overlapping
    /// another of the same tier is refused. Checked again inside the writer's transaction, so two at
    /// once cannot both pass.
    static func appoint(_ plannerID: UUID?, _ n: NewAppointment, by caller: Caller) async throws
        -> PlannerAppointmentRow
    {
        guard let plannerID, let p = try await Planner.find(plannerID, on: caller.db) else {
            throw YishiError.notFound
        }
        guard let tier = n.tier.flatMap({ PlannerTier(rawValue: $0.trimmed) }) else {
            throw invalid("tier", PlannerText.tierInvalid)
        }
        let (scope, authority, kind) = try await Self.scope(tier: tier, scope: n.scope, area: n.area, on: caller.db)
        guard scope.territoryPath.ids.first == p.$district.id else { throw invalid("scope", PlannerText.scopeInvalid) }
        if case .platform = caller.acting {
        } else {
            try caller.authorize(.plannerAppoint, at: authority.territoryPath)
            guard PlannerAppointment.authorized(caller.actor, tier: tier, authority: authority.territoryPath) else {
                throw YishiError.denied(.outsideScope)
            }
        }
        guard p.status != .exited else { throw YishiError.conflict(key: PlannerText.notCandidate.key) }
        guard let start = CalendarDay((n.startsOn ?? "").trimmed) else {
            throw invalid("startsOn", PlannerText.startInvalid)
        }
        let today = CalendarDay(caller.now)
        // A later term in the same tier is a renewal (续聘): it needs a passed review and a project in
        // the term before (第八条).
        if let previous = try await PlannerAppointmentRow.query(on: caller.db).filter(\.$planner.$id == plannerID)
            .filter(\.$tier == tier).filter(\.$endsOn < start.description).sort(\.$endsOn, .descending).first(),
            let why = try await renewal(of: previous, on: caller.db)
        {
            throw invalid("startsOn", PlannerText.notRenewable(why))
        }
        let district = p.$district.id
        let user = caller.actor?.userId
        let areaID = tier == .area ? n.area : nil
        do {
            return try await caller.audited { tx in
                let rules = try await Self.rules(of: district, on: tx)
                let held = try await PlannerAppointmentRow.query(on: tx).filter(\.$planner.$id == plannerID)
                    .all().compactMap { a in a.term.map { (tier: a.tier, term: $0) } }
                let (term, inForce): (PlannerTerm, PlannerRules)
                switch PlannerAppointment.check(
                    tier: tier, scope: kind, start: start, today: today, rules: rules, existing: held)
                {
                case .success(let ok): (term, inForce) = ok
                case .failure(.overlappingTerm):
                    throw YishiError.conflict(key: PlannerText.overlappingTerm.key)
                case .failure(let r):
                    throw YishiError.invalid(["startsOn": PlannerText.refusal(r).key])
                }
                // The certificate's number: the district's code, the year, the tier and the next number
                // of the district's appointments that year (the writer is one at a time; the unique
                // index is the backstop).
                let code = try await TerritoryNode.find(district, on: tx)?.code ?? "D"
                let prefix = "\(code)-\(start.year)-\(tier.symbol)-"
                let count = try await PlannerAppointmentRow.query(on: tx).filter(\.$certificate =~ prefix).count()
                let a = PlannerAppointmentRow()
                a.$planner.id = plannerID
                a.applicationID = n.application
                a.tier = tier
                a.$scope.id = scope.id!
                a.areaID = areaID
                a.$authority.id = authority.id!
                a.rulesVersion = inForce.version
                a.startsOn = term.start.description
                a.endsOn = term.end.description
                a.certificate = prefix + String(format: "%04d", count + 1)
                a.status = .active
                a.createdByID = user
                try await a.create(on: tx)
                try await (tx as! any SQLDatabase).raw(
                    "UPDATE planners SET status = 'appointed', updated_at = \(bind: caller.now) WHERE id = \(bind: plannerID)"
                ).run()
                return (
                    a,
                    AuditEvent(
                        action: .plannerAppoint, targetType: "planner", targetID: plannerID.uuidString,
                        nodeID: scope.id,
                        details: [
                            "tier": tier.rawValue, "term": "\(term.start)–\(term.end)", "certificate": a.certificate,
                            "rules": String(inForce.version),
                        ])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: PlannerText.overlappingTerm.key)
        }
    }

    /// Ends an appointment early: the planner resigned (申请不再任职) or could not serve and is
    /// replaced from the pool. By the same authority that appointed. Pairings end with it.
    static func endAppointment(_ id: UUID?, reason: String?, by caller: Caller) async throws {
        guard let id,
            let a = try await PlannerAppointmentRow.query(on: caller.db).filter(\.$id == id).with(\.$authority).first()
        else { throw YishiError.notFound }
        if case .platform = caller.acting {
        } else {
            try caller.authorize(.plannerAppoint, at: a.authority.territoryPath)
            guard PlannerAppointment.authorized(caller.actor, tier: a.tier, authority: a.authority.territoryPath) else {
                throw YishiError.denied(.outsideScope)
            }
        }
        let why = (reason ?? "").trimmed
        guard !why.isEmpty else { throw invalid("reason", PlannerText.reasonNeeded) }
        let today = CalendarDay(caller.now).description
        let plannerID = a.$planner.id
        try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            guard
                try await sql.raw(
                    """
                    UPDATE planner_appointments SET status = 'ended', ended_on = \(bind: today),
                      end_reason = \(bind: String(why.prefix(500)))
                    WHERE id = \(bind: id) AND status = 'active' RETURNING id
                    """
                ).first() != nil
            else { throw YishiError.conflict(key: PlannerText.appointmentEnded.key) }
            let still = try await PlannerAppointmentRow.query(on: tx).filter(\.$planner.$id == plannerID)
                .filter(\.$status == .active).count()
            if still == 0 {
                try await sql.raw(
                    """
                    UPDATE planners SET status = 'exited', exited_on = \(bind: today), exit_reason = \(bind: String(why.prefix(500)))
                    WHERE id = \(bind: plannerID)
                    """
                ).run()
                try await sql.raw(
                    """
                    UPDATE planner_pairings SET ended_on = \(bind: today), end_reason = \(bind: String(why.prefix(500)))
                    WHERE planner_id = \(bind: plannerID) AND ended_on IS NULL
                    """
                ).run()
            }
            return (
                (),
                AuditEvent(
                    action: .plannerEnd, targetType: "planner", targetID: plannerID.uuidString, nodeID: a.$scope.id,
                    details: ["certificate": a.certificate, "reason": why])
            )
        }
    }

    /// The appointments a planner holds on a day (the active ones whose term contains it).
    static func current(_ plannerID: UUID, on day: CalendarDay, db: any Database) async throws
        -> [PlannerAppointmentRow]
    {
        try await PlannerAppointmentRow.query(on: db).filter(\.$planner.$id == plannerID).filter(\.$status == .active)
            .all().filter { $0.term?.contains(day) ?? false }
    }

    // MARK: Pairing

    /// Pairs an appointed planner with a subdistrict or a community (by that subdistrict's staff or
    /// the district's). One open pairing per planner and place (a partial unique index: two at
    /// once, one 409).
    static func pair(_ plannerID: UUID?, node: UUID?, by caller: Caller) async throws -> PlannerPairingRow {
        let place = try await caller.node(node, for: .plannerManage)
        guard place.level == .subdistrict || place.level == .community else {
            throw invalid("node", PlannerText.pairScope)
        }
        guard let plannerID, let p = try await Planner.find(plannerID, on: caller.db) else { throw YishiError.notFound }
        guard p.$district.id == place.territoryPath.ids.first else { throw invalid("node", PlannerText.pairScope) }
        let today = CalendarDay(caller.now)
        guard try await !current(plannerID, on: today, db: caller.db).isEmpty else {
            throw YishiError.conflict(key: PlannerText.notAppointed.key)
        }
        let user = caller.actor?.userId
        do {
            return try await caller.audited(atomic: true) { tx in
                let row = PlannerPairingRow()
                row.$planner.id = plannerID
                row.$node.id = place.id!
                row.startedOn = today.description
                row.createdByID = user
                try await row.create(on: tx)
                return (
                    row,
                    AuditEvent(
                        action: .plannerPair, targetType: "planner", targetID: plannerID.uuidString, nodeID: place.id,
                        details: ["place": place.name, "name": p.name])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: PlannerText.alreadyPaired.key)
        }
    }

    static func unpair(_ id: UUID?, reason: String?, by caller: Caller) async throws {
        guard let id,
            let row = try await PlannerPairingRow.query(on: caller.db).filter(\.$id == id).with(\.$node).first()
        else { throw YishiError.notFound }
        try caller.authorize(.plannerManage, at: row.node.territoryPath)
        let why = (reason ?? "").trimmed
        guard !why.isEmpty else { throw invalid("reason", PlannerText.reasonNeeded) }
        let today = CalendarDay(caller.now).description
        try await caller.audited(atomic: true) { tx in
            guard
                try await (tx as! any SQLDatabase).raw(
                    """
                    UPDATE planner_pairings SET ended_on = \(bind: today), end_reason = \(bind: String(why.prefix(500)))
                    WHERE id = \(bind: id) AND ended_on IS NULL RETURNING id
                    """
                ).first() != nil
            else { throw YishiError.conflict(key: PlannerText.pairingEnded.key) }
            return (
                (),
                AuditEvent(
                    action: .plannerUnpair, targetType: "planner", targetID: row.$planner.id.uuidString,
                    nodeID: row.$node.id, details: ["place": row.node.name, "reason": why])
            )
        }
    }

    /// The district's pairing: each subdistrict with its open pairings with planners appointed today,
    /// and the coverage (unpaired subdistricts first on the page).
    struct PairingBoard: Sendable {
        struct Row: Sendable {
            var subdistrict: TerritoryNode
            var planners: [(pairing: UUID, planner: UUID, name: String, tier: PlannerTier?)]
            /// Open pairings in all (`planners` may list only the first few).
            var total: Int
        }
        var rows: [Row]
        var coverage: PlannerPairing.Coverage
        /// Planners appointed today, per tier, in the whole district.
        var tiers: [PlannerTier: Int] = [:]
    }

    /// The district's staff see every subdistrict; a subdistrict's staff see their own. `first`: how
    /// many planners to name per subdistrict (the appointed first, then by name); nil names all. The
    /// counting and the choosing happen in the database, so a district of 2,000 planners reads a
    /// few rows.
    static func pairing(_ district: UUID?, by caller: Caller, first: Int? = nil) async throws -> PairingBoard {
        let node = try await TerritoryQueries.node(district, on: caller.db)
        guard node.level == .district else { throw YishiError.notFound }
        let today = CalendarDay(caller.now).description
        // The district's whole board, read once and kept a few seconds (emptied by any audited
        // change); each caller then sees the subdistricts they may manage.
        let key = "\(caller.readNamespace)|\(node.id!)|\(first ?? 0)|\(today)"
        let data: BoardData
        if let kept = boardCache.value(key) {
            data = kept
        } else {
            // Read once however many ask at the same moment (the others wait for that read).
            let db = caller.db
            data = try await boardReads.read(key) {
                let generation = boardCache.generation
                let d = try await boardData(node, first: first, today: today, on: db)
                boardCache.keep(d, key, generation: generation)
                return d
            }
        }
        let subs = data.subdistricts.filter { caller.allows(.plannerManage, at: $0.territoryPath) }
        if subs.isEmpty { try caller.authorize(.plannerManage, at: node.territoryPath) }
        let coverage = PlannerPairing.coverage(subdistricts: subs.map { $0.id! }, pairedWithAppointed: data.paired)
        return PairingBoard(
            rows: subs.map {
                PairingBoard.Row(subdistrict: $0, planners: data.named[$0.id!] ?? [], total: data.totals[$0.id!] ?? 0)
            }, coverage: coverage, tiers: data.tiers)
    }

    struct BoardData: Sendable {
        var subdistricts: [TerritoryNode]
        var named: [UUID: [(pairing: UUID, planner: UUID, name: String, tier: PlannerTier?)]]
        var totals: [UUID: Int]
        var paired: Set<UUID>
        var tiers: [PlannerTier: Int]
    }

    static let boardCache = ReadCache<BoardData>(lifetime: .seconds(5), capacity: 200)

    /// The reads of boards under way, so that a board missing from the cache is read once.
    static let boardReads = SingleFlight<BoardData>()

    static func boardData(_ node: TerritoryNode, first: Int?, today: String, on db: any Database) async throws
        -> BoardData
    {
        let subs = try await TerritoryNode.query(on: db).filter(\.$parent.$id == node.id!)
            .filter(\.$level == .subdistrict).sort(\.$code).all()
        let counted = try await (db as! any SQLDatabase).raw(
            """
            SELECT a.tier, COUNT(DISTINCT a.planner_id) AS n FROM planner_appointments a
            JOIN planners p ON p.id = a.planner_id
            WHERE p.district_id = \(bind: node.id!) AND a.status = 'active' AND a.starts_on <= \(bind: today)
              AND a.ends_on >= \(bind: today)
            GROUP BY a.tier
            """
        ).all()
        var tiers: [PlannerTier: Int] = [:]
        for r in counted {
            if let t = PlannerTier(rawValue: try r.decode(column: "tier", as: String.self)) {
                tiers[t] = try r.decode(column: "n", as: Int.self)
            }
        }
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT node_id, pid, planner, name, tier, n, appointed FROM (
              SELECT pp.node_id, pp.id AS pid, p.id AS planner, p.name, a.tier,
                ROW_NUMBER() OVER (PARTITION BY pp.node_id ORDER BY CASE WHEN a.tier IS NULL THEN 1 ELSE 0 END, p.name) AS k,
                COUNT(*) OVER (PARTITION BY pp.node_id) AS n,
                SUM(CASE WHEN a.tier IS NULL THEN 0 ELSE 1 END) OVER (PARTITION BY pp.node_id) AS appointed
              FROM planner_pairings pp JOIN planners p ON p.id = pp.planner_id
              LEFT JOIN (
                SELECT planner_id, MIN(tier) AS tier FROM planner_appointments
                WHERE status = 'active' AND starts_on <= \(bind: today) AND ends_on >= \(bind: today) GROUP BY planner_id
              ) a ON a.planner_id = p.id
              WHERE pp.ended_on IS NULL AND p.district_id = \(bind: node.id!)
            ) x WHERE k <= \(bind: first ?? Int(Int32.max)) ORDER BY k
            """
        ).all()
        var by: [UUID: [(pairing: UUID, planner: UUID, name: String, tier: PlannerTier?)]] = [:]
        var totals: [UUID: Int] = [:]
        var paired: Set<UUID> = []
        for r in rows {
            let place = try r.decode(column: "node_id", as: UUID.self)
            let tier = try r.decode(column: "tier", as: String?.self).flatMap(PlannerTier.init(rawValue:))
            by[place, default: []].append(
                (
                    try r.decode(column: "pid", as: UUID.self), try r.decode(column: "planner", as: UUID.self),
                    try r.decode(column: "name", as: String.self), tier
                ))
            totals[place] = try r.decode(column: "n", as: Int.self)
            if try r.decode(column: "appointed", as: Int.self) > 0 { paired.insert(place) }
        }
        return BoardData(subdistricts: subs, named: by, totals: totals, paired: paired, tiers: tiers)
    }
}
