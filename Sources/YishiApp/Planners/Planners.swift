import Fluent
import SQLKit
import Vapor
import YishiCore

/// Community planners (issue 20, seed 001): the district's rules as dated versions, the pool,
/// applications and recommendations, appointments by the tier's authority, pairings. Every write
/// checks the record against the caller's scope where it is and where it goes, and is audited.
enum Planners {
    static func invalid(_ field: String, _ text: PlannerText) -> YishiError { .invalid([field: text.key]) }

    // MARK: The rules

    /// A district's versions of the rules, oldest first.
    static func rules(of district: UUID, on db: any Database) async throws -> [PlannerRules] {
        try await PlannerRulesRow.query(on: db).filter(\.$district.$id == district).sort(\.$version).all()
            .compactMap(\.rules)
    }

    struct NewRules: Sendable {
        var title: String?
        var validFrom: String?
        var validUntil: String?
        var termYears: Int?
        var tiers: [String]?
        var weights: [String: Int]?
        var passMark: Int?
    }

    /// A new version of the district's rules (renewing or replacing the measures); its number is the
    /// next one. Two at once: one wins, the other is 409.
    static func addRules(_ district: UUID?, _ n: NewRules, by caller: Caller) async throws -> PlannerRules {
        let node = try await caller.node(district, for: .plannerManage)
        guard node.level == .district else { throw YishiError.notFound }
        guard let from = CalendarDay(n.validFrom ?? "") else { throw invalid("validFrom", PlannerText.startInvalid) }
        var until: CalendarDay? = nil
        if let u = n.validUntil?.trimmed, !u.isEmpty {
            guard let d = CalendarDay(u) else { throw invalid("validUntil", PlannerText.startInvalid) }
            until = d
        }
        var tiers: [PlannerTier] = PlannerTier.allCases
        if let t = n.tiers {
            let parsed = t.compactMap(PlannerTier.init(rawValue:))
            guard parsed.count == t.count else { throw invalid("tiers", PlannerText.tierInvalid) }
            tiers = PlannerTier.allCases.filter(parsed.contains)
        }
        var weights = PlannerRules.baoshan2024.weights
        if let w = n.weights {
            weights = Dictionary(
                w.compactMap { k, v in ReviewGround(rawValue: k).map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
            if weights.count != w.count { throw invalid("weights", PlannerText.rulesWeights) }
        }
        let existing = try await rules(of: node.id!, on: caller.db)
        var rules = PlannerRules(
            version: (existing.map(\.version).max() ?? 0) + 1, title: (n.title ?? "").trimmed, validFrom: from,
            validUntil: until, termYears: n.termYears ?? 2, tiers: tiers, weights: weights, passMark: n.passMark ?? 60)
        if let p = rules.problem {
            let field =
                switch p {
                case .title: "title"
                case .termYears: "termYears"
                case .noTier: "tiers"
                case .weights: "weights"
                case .passMark: "passMark"
                case .until: "validUntil"
                }
            throw invalid(field, PlannerText.rules(p))
        }
        guard PlannerRulesRef.canAdd(rules, to: existing) else { throw invalid("validFrom", PlannerText.rulesOrder) }
        rules.version = (existing.map(\.version).max() ?? 0) + 1
        let made = rules
        do {
            try await caller.audited { tx in
                try await Self.store(made, district: node.id!, by: caller.actor?.userId, on: tx)
                return (
                    (),
                    AuditEvent(
                        action: .plannerRules, targetType: "district", targetID: node.id!.uuidString, nodeID: node.id,
                        details: [
                            "version": String(made.version), "title": made.title, "from": made.validFrom.description,
                        ])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: PlannerText.rulesOrder.key)
        }
        return made
    }

    static func store(_ r: PlannerRules, district: UUID, by user: UUID?, on db: any Database) async throws {
        let row = PlannerRulesRow()
        row.$district.id = district
        row.version = r.version
        row.title = r.title
        row.validFrom = r.validFrom.description
        row.validUntil = r.validUntil?.description
        row.termYears = r.termYears
        row.tiers = String(decoding: try JSONEncoder().encode(r.tiers), as: UTF8.self)
        row.weights = String(
            decoding: try JSONEncoder().encode(Dictionary(uniqueKeysWithValues: r.weights.map { ($0.rawValue, $1) })),
            as: UTF8.self)
        row.passMark = r.passMark
        row.createdByID = user
        try await row.create(on: db)
    }

    // MARK: The pool and applications

    struct NewPlanner: Sendable {
        var name: String?
        var organisation: String?
        var background: String?
        var qualifications: String?
        var socialWorkCertificate = false
        var phone: String?
        var email: String?
        var livesOrWorks: String?
        var tier: String?
        /// The subdistrict (or the district, for an expert) the application is for.
        var scope: UUID?
        var area: UUID?
        var statement: String?
        /// Staff: recommended or recruited. Absent for a self-nomination.
        var source: String?
    }

    struct Checked: Sendable {
        var name: String
        var organisation: String
        var background: PlannerBackground
        var qualifications: String
        var phone: String?
        var email: String?
        var livesOrWorks: String?
        var tier: PlannerTier
        var statement: String
    }

    /// The fields as entered: one rule for pages, the API and imports.
    static func check(_ n: NewPlanner) -> Result<Checked, YishiError> {
        var fields: [String: String] = [:]
        let name = FieldRules.text(n.name ?? "", max: 50)
        if name.problem != nil { fields["name"] = PlannerText.nameNeeded.key }
        let org = FieldRules.text(n.organisation ?? "", max: 100)
        if org.problem != nil { fields["organisation"] = PlannerText.organisationNeeded.key }
        let bg = n.background.flatMap { PlannerBackground(rawValue: $0.trimmed) }
        if bg == nil { fields["background"] = PlannerText.backgroundInvalid.key }
        let tier = n.tier.flatMap { PlannerTier(rawValue: $0.trimmed) }
        if tier == nil { fields["tier"] = PlannerText.tierInvalid.key }
        let statement = FieldRules.paragraphs(n.statement ?? "", max: 1_000)
        if statement.problem != nil { fields["statement"] = PlannerText.statementNeeded.key }
        var phone: String? = nil
        if let p = n.phone?.trimmed, !p.isEmpty {
            phone = OneTimeCodeRules.normalizePhone(p)
            if phone == nil { fields["phone"] = PlannerText.contactInvalid.key }
        }
        var email: String? = nil
        if let e = n.email?.trimmed, !e.isEmpty {
            if e.count > 100 || !e.contains("@") || e.contains(" ") { fields["email"] = PlannerText.contactInvalid.key }
            email = e
        }
        let quals = (n.qualifications ?? "").trimmed
        let lives = (n.livesOrWorks ?? "").trimmed
        guard fields.isEmpty, let bg, let tier, case .success(let nm) = name, case .success(let og) = org,
            case .success(let st) = statement
        else { return .failure(.invalid(fields)) }
        return .success(
            Checked(
                name: nm, organisation: og, background: bg, qualifications: String(quals.prefix(500)), phone: phone,
                email: email, livesOrWorks: lives.isEmpty ? nil : String(lives.prefix(200)), tier: tier,
                statement: st))
    }

    /// Where an application or an appointment of `tier` may be: its scope node (the district for
    /// experts, a subdistrict otherwise) and, for an area planner, a planning area of that
    /// subdistrict's district. Returns the scope node and the authority's node.
    static func scope(
        tier: PlannerTier, scope: UUID?, area: UUID?, on db: any Database
    ) async throws -> (scope: TerritoryNode, authority: TerritoryNode, appointmentScope: PlannerAppointment.Scope) {
        guard let scope, let node = try await TerritoryNode.find(scope, on: db) else {
            throw invalid("scope", PlannerText.scopeInvalid)
        }
        switch (tier, node.level) {
        case (.districtExpert, .district):
            return (node, node, .district)
        case (.subdistrict, .subdistrict):
            return (node, node, .subdistrict)
        case (.area, .subdistrict):
            guard let area,
                let a = try await PlanningArea.find(area, on: db), a.$node.id == node.id
            else { throw invalid("area", PlannerText.scopeInvalid) }
            return (node, node, .planningArea)
        default:
            throw invalid("scope", PlannerText.scopeNotForTier)
        }
    }

    /// A profile in the pool and its application: staff recommend or recruit within their scope; a
    /// signed-in person nominates themself (once: an account has one profile).
    static func apply(_ n: NewPlanner, by caller: Caller) async throws -> (Planner, PlannerApplication) {
        let c: Checked
        switch check(n) {
        case .success(let ok): c = ok
        case .failure(let e): throw e
        }
        let (scope, _, _) = try await scope(tier: c.tier, scope: n.scope, area: n.area, on: caller.db)
        let source: PlannerSource
        if let s = n.source?.trimmed, !s.isEmpty {
            guard let parsed = PlannerSource(rawValue: s), parsed != .selfNominated else {
                throw invalid("source", PlannerText.sourceInvalid)
            }
            try caller.authorize(.plannerManage, at: scope.territoryPath)
            source = parsed
        } else {
            guard caller.actor != nil else { throw YishiError.denied(.notSignedIn) }
            source = .selfNominated
        }
        let user = source == .selfNominated ? caller.actor?.userId : nil
        let district = scope.territoryPath.ids.first!
        let areaID = c.tier == .area ? n.area : nil
        do {
            return try await caller.audited { tx in
                let p = Planner()
                p.$district.id = district
                p.$user.id = user
                p.name = c.name
                p.organisation = c.organisation
                p.background = c.background
                p.qualifications = c.qualifications
                p.socialWorkCertificate = n.socialWorkCertificate
                p.phone = c.phone
                p.email = c.email
                p.source = source
                p.status = .candidate
                p.livesOrWorks = c.livesOrWorks
                p.createdByID = caller.actor?.userId
                try await p.create(on: tx)
                let a = PlannerApplication()
                a.$planner.id = p.id!
                a.tier = c.tier
                a.$scope.id = scope.id!
                a.areaID = areaID
                a.source = source
                a.statement = c.statement
                a.status = .pending
                a.createdByID = caller.actor?.userId
                a.createdAt = caller.now
                try await a.create(on: tx)
                return (
                    (p, a),
                    AuditEvent(
                        action: .plannerAdd, targetType: "planner", targetID: p.id!.uuidString, nodeID: scope.id,
                        details: ["name": c.name, "tier": c.tier.rawValue, "source": source.rawValue])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: PlannerText.alreadyInPool.key)
        }
    }

    /// A planner as the caller may see them: within the scope of their `plannerManage`, or themself.
    static func planner(_ id: UUID?, by caller: Caller, for action: Action = .plannerManage) async throws -> Planner {
        try await plannerAndPlaces(id, by: caller, for: action).planner
    }

    /// The same, with the planner's places (read once: the page needs them too).
    static func plannerAndPlaces(_ id: UUID?, by caller: Caller, for action: Action = .plannerManage) async throws
        -> (planner: Planner, places: [TerritoryPath])
    {
        guard let id, let p = try await Planner.query(on: caller.db).filter(\.$id == id).with(\.$district).first()
        else { throw YishiError.notFound }
        let places = try await places(of: p, on: caller.db)
        if let me = caller.actor?.userId, p.$user.id == me { return (p, places) }
        // Staff of the district, or of a subdistrict the planner applied to or serves.
        guard places.contains(where: { caller.allows(action, at: $0) }) else {
            throw YishiError.denied(caller.actor == nil ? .notSignedIn : .outsideScope)
        }
        return (p, places)
    }

    /// The nodes a planner belongs to: the district, and each scope they applied to, were appointed
    /// at or are paired with.
    static func places(of p: Planner, on db: any Database) async throws -> [TerritoryPath] {
        let sql = db as! any SQLDatabase
        let rows = try await sql.raw(
            """
            SELECT n.path FROM territory_nodes n WHERE n.id = \(bind: p.$district.id)
               OR n.id IN (SELECT scope_id FROM planner_applications WHERE planner_id = \(bind: p.id!))
               OR n.id IN (SELECT scope_id FROM planner_appointments WHERE planner_id = \(bind: p.id!))
               OR n.id IN (SELECT node_id FROM planner_pairings WHERE planner_id = \(bind: p.id!))
            """
        ).all()
        return try rows.compactMap { TerritoryPath(encoded: try $0.decode(column: "path", as: String.self)) }
    }

    /// Approves or declines an application, with the reason (shown to the applicant).
    static func decide(_ id: UUID?, approve: Bool?, reason: String?, by caller: Caller) async throws
        -> PlannerApplication
    {
        guard let id,
            let a = try await PlannerApplication.query(on: caller.db).filter(\.$id == id).with(\.$scope).first()
        else { throw YishiError.notFound }
        try caller.authorize(.plannerManage, at: a.scope.territoryPath)
        guard let approve else { throw invalid("decision", PlannerText.decisionInvalid) }
        let why = (reason ?? "").trimmed
        if !approve && why.isEmpty { throw invalid("reason", PlannerText.reasonNeeded) }
        let now = caller.now
        let user = caller.actor?.userId
        let done: Bool = try await caller.audited { tx in
            // Decided once: the status moves from pending in the statement that checks it.
            let moved = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE planner_applications SET status = \(bind: approve ? "approved" : "declined"),
                  reason = \(bind: why.isEmpty ? nil : String(why.prefix(500))), decided_by_id = \(bind: user),
                  decided_at = \(bind: now)
                WHERE id = \(bind: id) AND status = 'pending' RETURNING id
                """
            ).first()
            guard moved != nil else { throw YishiError.conflict(key: PlannerText.alreadyDecided.key) }
            return (
                true,
                AuditEvent(
                    action: .plannerDecide, targetType: "planner", targetID: a.$planner.id.uuidString,
                    nodeID: a.$scope.id, details: ["decision": approve ? "approved" : "declined", "reason": why])
            )
        }
        _ = done
        a.status = approve ? .approved : .declined
        a.reason = why.isEmpty ? nil : why
        return a
    }
}
