import Fluent
import Vapor
import YishiCore

/// Community planners under /api/v1 (described in `Planners+OpenAPI.swift`). Places are named by
/// their codes, as elsewhere in the API.
struct PlannersAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("planner-rules", ":districtID", use: rules)
        api.post("planner-rules", ":districtID", use: addRules)
        api.post("planners", use: apply)
        api.get("planners", ":plannerID", use: read)
        api.post("planner-applications", ":applicationID", "decision", use: decide)
        api.post("planners", ":plannerID", "appointments", use: appoint)
        api.post("planner-appointments", ":appointmentID", "end", use: end)
        api.post("planners", ":plannerID", "pairings", use: pair)
        api.post("planner-pairings", ":pairingID", "end", use: unpair)
        api.get("planner-pairing", ":districtID", use: board)
        api.post("planner-service", use: log)
        api.post("planner-service", ":entryID", "confirm", use: confirm)
        api.post("planners", ":plannerID", "ratings", use: rate)
        api.get("planners", ":plannerID", "reviews", ":year", "facts", use: facts)
        api.post("planners", ":plannerID", "reviews", use: review)
    }

    func uuid(_ req: Request, _ name: String) -> UUID? { req.parameters.get(name, as: UUID.self) }

    static func node(_ code: String?, _ field: String, _ req: Request) async throws -> UUID? {
        guard let code = code?.trimmed, !code.isEmpty else { return nil }
        guard let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first() else {
            throw YishiError.invalid([field: FieldText.unknownNode.key])
        }
        return node.id
    }

    static func area(_ code: String?, _ req: Request) async throws -> UUID? {
        guard let code = code?.trimmed, !code.isEmpty else { return nil }
        guard let a = try await PlanningArea.query(on: req.db).filter(\.$code == code).first() else {
            throw YishiError.invalid(["area": PlannerText.scopeInvalid.key])
        }
        return a.id
    }

    static func created<T: Content>(_ value: T) throws -> Response {
        let res = Response(status: .created)
        try res.content.encode(value)
        return res
    }

    func rules(req: Request) async throws -> [DTO.PlannerRulesOut] {
        let node = try await req.caller.node(uuid(req, "districtID"), for: .territoryRead)
        guard node.level == .district else { throw YishiError.notFound }
        return try await Planners.rules(of: node.id!, on: req.db).map(DTO.PlannerRulesOut.init)
    }

    func addRules(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.PlannerRulesIn.self)
        let r = try await Planners.addRules(
            uuid(req, "districtID"),
            .init(
                title: i.title, validFrom: i.validFrom, validUntil: i.validUntil, termYears: i.termYears,
                tiers: i.tiers, weights: i.weights, passMark: i.passMark), by: req.caller)
        return try Self.created(DTO.PlannerRulesOut(r))
    }

    static func out(_ p: Planner, application: UUID?, reveal: Bool) -> DTO.PlannerOut {
        DTO.PlannerOut(
            id: p.id!, name: p.name, organisation: p.organisation, background: p.background.rawValue,
            qualifications: p.qualifications, socialWorkCertificate: p.socialWorkCertificate,
            phone: p.phone.map { reveal ? $0 : OneTimeCodeRules.mask($0) },
            email: p.email.map { reveal ? $0 : Self.mask($0) },
            source: p.source.rawValue, status: p.status.rawValue, livesOrWorks: p.livesOrWorks,
            application: application)
    }

    /// "a***@example.org".
    static func mask(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return "***" }
        return String(email.prefix(1)) + "***" + String(email[at...])
    }

    func apply(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.PlannerIn.self)
        let (p, a) = try await Planners.apply(
            .init(
                name: i.name, organisation: i.organisation, background: i.background, qualifications: i.qualifications,
                socialWorkCertificate: i.socialWorkCertificate ?? false, phone: i.phone, email: i.email,
                livesOrWorks: i.livesOrWorks, tier: i.tier, scope: try await Self.node(i.scope, "scope", req),
                area: try await Self.area(i.area, req), statement: i.statement, source: i.source), by: req.caller)
        return try Self.created(Self.out(p, application: a.id, reveal: true))
    }

    /// A planner: whole contact details for the pool's keepers and the planner; masked for others
    /// who may see the profile.
    func read(req: Request) async throws -> DTO.PlannerOut {
        let caller = req.caller
        let (p, places) = try await Planners.plannerAndPlaces(uuid(req, "plannerID"), by: caller)
        let mine = caller.actor.map { p.$user.id == $0.userId } ?? false
        let keeper = places.contains { caller.allows(.plannerManage, at: $0) }
        return Self.out(p, application: nil, reveal: mine || keeper)
    }

    func decide(req: Request) async throws -> DTO.PlannerApplicationOut {
        let i = try req.content.decode(DTO.PlannerDecisionIn.self)
        let a = try await Planners.decide(
            uuid(req, "applicationID"), approve: i.approve, reason: i.reason, by: req.caller)
        return .init(
            id: a.id!, planner: a.$planner.id, tier: a.tier.rawValue, status: a.status.rawValue, reason: a.reason)
    }

    static func out(_ a: PlannerAppointmentRow, scope: String) -> DTO.PlannerAppointmentOut {
        .init(
            id: a.id!, planner: a.$planner.id, tier: a.tier.rawValue, scope: scope, startsOn: a.startsOn,
            endsOn: a.endsOn,
            certificate: a.certificate, rulesVersion: a.rulesVersion, status: a.status.rawValue)
    }

    func appoint(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.PlannerAppointmentIn.self)
        let a = try await Planners.appoint(
            uuid(req, "plannerID"),
            .init(
                tier: i.tier, scope: try await Self.node(i.scope, "scope", req), area: try await Self.area(i.area, req),
                startsOn: i.startsOn, application: i.application), by: req.caller)
        return try Self.created(Self.out(a, scope: i.scope ?? ""))
    }

    func end(req: Request) async throws -> HTTPStatus {
        let i = try req.content.decode(DTO.ReasonIn.self)
        try await Planners.endAppointment(uuid(req, "appointmentID"), reason: i.reason, by: req.caller)
        return .noContent
    }

    func pair(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.PlannerPairingIn.self)
        let node = try await Self.node(i.node, "node", req)
        let row = try await Planners.pair(uuid(req, "plannerID"), node: node, by: req.caller)
        return try Self.created(
            DTO.PlannerPairingOut(
                id: row.id!, planner: row.$planner.id, node: i.node ?? "", startedOn: row.startedOn, endedOn: nil))
    }

    func unpair(req: Request) async throws -> HTTPStatus {
        let i = try req.content.decode(DTO.ReasonIn.self)
        try await Planners.unpair(uuid(req, "pairingID"), reason: i.reason, by: req.caller)
        return .noContent
    }

    func board(req: Request) async throws -> DTO.PairingBoardOut {
        let b = try await Planners.pairing(uuid(req, "districtID"), by: req.caller)
        let unpaired = Set(b.coverage.unpaired)
        return .init(
            subdistricts: b.coverage.subdistricts, paired: b.coverage.paired,
            unpaired: b.rows.filter { unpaired.contains($0.subdistrict.id!) }.map(\.subdistrict.code),
            rows: b.rows.map { r in
                .init(
                    subdistrict: r.subdistrict.code, name: r.subdistrict.name,
                    paired: !unpaired.contains(r.subdistrict.id!),
                    planners: r.planners.map {
                        .init(pairing: $0.pairing, planner: $0.planner, name: $0.name, tier: $0.tier?.rawValue)
                    })
            })
    }

    func log(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.ServiceIn.self)
        let e = try await Planners.log(
            nil,
            .init(
                kind: i.kind, day: i.day, hours: i.hours, node: try await Self.node(i.node, "node", req),
                project: i.project,
                meeting: i.meeting, note: i.note), by: req.caller)
        return try Self.created(
            DTO.ServiceOut(id: e.id!, kind: e.kind.rawValue, day: e.day, hours: e.hours, confirmed: false))
    }

    func confirm(req: Request) async throws -> HTTPStatus {
        try await Planners.confirm(uuid(req, "entryID"), by: req.caller)
        return .noContent
    }

    func rate(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.RatingIn.self)
        let r = try await Planners.rate(
            uuid(req, "plannerID"), project: i.project, stars: i.stars, comment: i.comment, by: req.caller)
        return try Self.created(DTO.RatingOut(id: r.id!, stars: r.stars))
    }

    func facts(req: Request) async throws -> DTO.ReviewFactsOut {
        let p = try await Planners.planner(uuid(req, "plannerID"), by: req.caller, for: .plannerReview)
        guard let year = req.parameters.get("year", as: Int.self), (2000...9999).contains(year) else {
            throw YishiError.invalid(["year": PlannerText.yearInvalid.key])
        }
        let f = try await Planners.facts(p.id!, year: year, on: req.db)
        return .init(
            year: year, hours: f.hours, confirmedHours: f.confirmedHours, entries: f.entries, projects: f.projects,
            ratings: f.ratings, ratingMean: f.ratingMean, suggestedFeedback: PlannerReview.suggestedFeedback(f))
    }

    func review(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.ReviewIn.self)
        let r = try await Planners.review(
            uuid(req, "plannerID"), .init(year: i.year, scores: i.scores, reasons: i.reasons, reviewers: i.reviewers),
            by: req.caller)
        return try Self.created(
            DTO.ReviewOut(id: r.id!, year: r.year, total: r.total, passed: r.passed, rulesVersion: r.rulesVersion))
    }
}
