import Fluent
import SQLKit
import Vapor
import YishiCore

extension Site.Pattern {
    static let plannerPool = "/planners/pool"
    static let plannerJoin = "/planners/join"
    static let plannerQueue = "/planners/applications"
    static let plannerDecision = "/planners/applications/:applicationID/decision"
    static let plannerAppointments = "/planners/:plannerID/appointments"
    static let plannerAppointmentEnd = "/planners/appointments/:appointmentID/end"
    static let plannerPairings = "/planners/:plannerID/pairings"
    static let plannerPairingEnd = "/planners/pairings/:pairingID/end"
    static let plannerConfirm = "/planners/service/:entryID/confirm"
    static let plannerReview = "/planners/:plannerID/review"
    static let plannerRate = "/planners/rate/:projectID"
}

extension Site {
    static func plannerDecision(_ id: UUID) -> String { fill(Pattern.plannerDecision, id.uuidString) }
    static func plannerAppointments(_ id: UUID) -> String { fill(Pattern.plannerAppointments, id.uuidString) }
    static func plannerAppointmentEnd(_ id: UUID) -> String { fill(Pattern.plannerAppointmentEnd, id.uuidString) }
    static func plannerPairings(_ id: UUID) -> String { fill(Pattern.plannerPairings, id.uuidString) }
    static func plannerPairingEnd(_ id: UUID) -> String { fill(Pattern.plannerPairingEnd, id.uuidString) }
    static func plannerConfirm(_ id: UUID) -> String { fill(Pattern.plannerConfirm, id.uuidString) }
    static func plannerReview(_ id: UUID, year: Int?) -> String {
        fill(Pattern.plannerReview, id.uuidString) + (year.map { "?year=\($0)" } ?? "")
    }
    static func plannerRate(_ project: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.plannerRate, project.uuidString), notice)
    }
    static func plannerPool(district: UUID, place: UUID) -> String {
        "\(Pattern.plannerPool)?district=\(district.uuidString)&status=appointed&place=\(place.uuidString)"
    }
}

/// The planners' forms as pages: each handler reads the form, calls the service the API calls
/// too, and answers with a redirect, or the same form again with its errors.
struct PlannerFormRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.plannerPool.pathComponents, use: pool)
        routes.get(Site.Pattern.plannerJoin.pathComponents, use: joinForm)
        routes.post(Site.Pattern.plannerJoin.pathComponents, use: join)
        routes.get(Site.Pattern.plannerQueue.pathComponents, use: queue)
        routes.post(Site.Pattern.plannerDecision.pathComponents, use: decide)
        routes.post(Site.Pattern.plannerAppointments.pathComponents, use: appoint)
        routes.post(Site.Pattern.plannerAppointmentEnd.pathComponents, use: endAppointment)
        routes.post(Site.Pattern.plannerPairings.pathComponents, use: pair)
        routes.post(Site.Pattern.plannerPairingEnd.pathComponents, use: unpair)
        routes.post(Site.Pattern.plannerConfirm.pathComponents, use: confirm)
        routes.get(Site.Pattern.plannerReview.pathComponents, use: reviewForm)
        routes.post(Site.Pattern.plannerReview.pathComponents, use: review)
        routes.get(Site.Pattern.plannerRate.pathComponents, use: rateForm)
        routes.post(Site.Pattern.plannerRate.pathComponents, use: rate)
    }

    // MARK: The pool

    /// The district a page is about: `?district=`, else the caller's own place's district, else the
    /// first district.
    static func district(_ req: Request) async throws -> TerritoryNode {
        var id = try? req.query.get(UUID.self, at: "district")
        if id == nil, let own = await req.ownPlace() {
            id = try await TerritoryNode.find(own, on: req.db)?.territoryPath.ids.first
        }
        if let id, let node = try await TerritoryNode.find(id, on: req.db), node.level == .district { return node }
        guard id == nil,
            let first = try await TerritoryNode.query(on: req.db).filter(\.$level == .district).sort(\.$code).first()
        else { throw YishiError.notFound }
        return first
    }

    /// Whether the caller keeps planners anywhere in the district (its staff, or a subdistrict's).
    static func keeps(_ caller: Caller, _ district: TerritoryNode, _ action: Action = .plannerManage) -> Bool {
        Policy.scopes(caller.actor, for: action).contains { $0 == nil || $0!.ids.first == district.id }
    }

    func pool(req: Request) async throws -> Response {
        let caller = req.caller
        let district = try await Self.district(req)
        guard Self.keeps(caller, district) else {
            throw YishiError.denied(caller.actor == nil ? .notSignedIn : .outsideScope)
        }
        let status = (try? req.query.get(String.self, at: "status")).flatMap(PlannerStatus.init(rawValue:))
        let page = max(1, (try? req.query.get(Int.self, at: "page")) ?? 1)
        var q = Planner.query(on: req.db).filter(\.$district.$id == district.id!)
        if let status { q = q.filter(\.$status == status) }
        let size = 50
        let rows = try await q.sort(\.$name).sort(\.$id).range(((page - 1) * size)..<(page * size + 1)).all()
        let shown = Array(rows.prefix(size))
        let ids = shown.compactMap(\.id)
        var tiers: [UUID: PlannerTier] = [:]
        if !ids.isEmpty {
            for a in try await PlannerApplication.query(on: req.db).filter(\.$planner.$id ~~ ids).all() {
                tiers[a.$planner.id] = a.tier
            }
            for a in try await PlannerAppointmentRow.query(on: req.db).filter(\.$planner.$id ~~ ids)
                .filter(\.$status == .active).all()
            {
                tiers[a.$planner.id] = a.tier
            }
        }
        var place: TerritoryNode? = nil
        if let pid = try? req.query.get(UUID.self, at: "place"),
            let node = try await TerritoryNode.find(pid, on: req.db),
            node.level == .subdistrict || node.level == .community,
            node.territoryPath.ids.first == district.id, caller.allows(.plannerManage, at: node.territoryPath)
        {
            place = node
        }
        return req.render(
            PlannerPages.pool(
                req.pageContext,
                .init(
                    district: district, planners: shown.map { ($0, tiers[$0.id!]) }, status: status, page: page,
                    more: rows.count > size, pairPlace: place,
                    districtStaff: caller.allows(.plannerManage, at: district.territoryPath))))
    }

    // MARK: Joining

    struct JoinIn: Content {
        var source: String?
        var name: String?
        var organisation: String?
        var background: String?
        var qualifications: String?
        var socialWork: [String]?
        var phone: String?
        var email: String?
        var tier: String?
        var scope: String?
        var area: String?
        var livesOrWorks: String?
        var statement: String?
    }

    /// The places one may apply to in a district: the district (experts), its subdistricts, and
    /// the planning areas of those.
    static func choices(_ district: TerritoryNode, on db: any Database) async throws
        -> (scopes: [PlannerPages.Option], areas: [PlannerPages.Option])
    {
        let subs = try await TerritoryNode.query(on: db).filter(\.$parent.$id == district.id!).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: subs.map { ($0.id!, $0.name) })
        let areas =
            subs.isEmpty
            ? [] : try await PlanningArea.query(on: db).filter(\.$node.$id ~~ subs.compactMap(\.id)).sort(\.$code).all()
        return (
            [(district.id!.uuidString, district.name)] + subs.map { ($0.id!.uuidString, $0.name) },
            areas.map { a in
                let sub = names[a.$node.id] ?? ""
                return (a.id!.uuidString, a.name.hasPrefix(sub) ? a.name : sub + " · " + a.name)
            }
        )
    }

    func joinForm(req: Request) async throws -> Response {
        guard req.caller.actor != nil else { throw YishiError.denied(.notSignedIn) }
        let district = try await Self.district(req)
        let (scopes, areas) = try await Self.choices(district, on: req.db)
        return req.render(
            PlannerPages.join(
                req.pageContext, form: .init(), scopes: scopes, areas: areas,
                staff: Self.keeps(req.caller, district), errors: FormErrors()))
    }

    func join(req: Request) async throws -> Response {
        let i = try req.content.decode(JoinIn.self)
        let caller = req.caller
        guard caller.actor != nil else { throw YishiError.denied(.notSignedIn) }
        let scope = (i.scope?.trimmed).flatMap(UUID.init(uuidString:))
        let staff = Policy.holdsAnywhere(caller.actor, .plannerManage)
        let n = Planners.NewPlanner(
            name: i.name, organisation: i.organisation, background: i.background, qualifications: i.qualifications,
            socialWorkCertificate: i.socialWork?.contains("yes") ?? false, phone: i.phone, email: i.email,
            livesOrWorks: i.livesOrWorks, tier: i.tier, scope: scope,
            area: (i.area?.trimmed).flatMap(UUID.init(uuidString:)), statement: i.statement,
            source: staff ? (i.source ?? PlannerSource.recommended.rawValue) : nil)
        do {
            let (p, _) = try await Planners.apply(n, by: caller)
            return req.redirect(
                to: Site.planner(p.id!, notice: (staff ? PlannerFormText.joinedStaff : PlannerFormText.joined).key))
        } catch YishiError.invalid(let fields) {
            var district = try await Self.district(req)
            if let scope, let node = try await TerritoryNode.find(scope, on: req.db),
                let root = try await TerritoryNode.find(node.territoryPath.ids.first, on: req.db)
            {
                district = root
            }
            let (scopes, areas) = try await Self.choices(district, on: req.db)
            let f = PlannerPages.JoinForm(
                name: i.name ?? "", organisation: i.organisation ?? "", background: i.background,
                qualifications: i.qualifications ?? "", socialWork: i.socialWork?.contains("yes") ?? false,
                phone: i.phone ?? "", email: i.email ?? "", livesOrWorks: i.livesOrWorks ?? "", tier: i.tier,
                scope: i.scope, area: i.area, statement: i.statement ?? "", source: i.source)
            return req.render(
                PlannerPages.join(
                    req.pageContext, form: f, scopes: scopes, areas: areas, staff: staff, errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
    }

    // MARK: Deciding and appointing

    /// The applications waiting in the caller's scope: pending ones, and approved ones not yet
    /// appointed.
    static func queueItems(_ caller: Caller) async throws -> [PlannerPages.QueueItem] {
        let scopes = Policy.scopes(caller.actor, for: .plannerManage)
        guard !scopes.isEmpty else { throw YishiError.denied(caller.actor == nil ? .notSignedIn : .roleLacksAction) }
        let q = PlannerApplication.query(on: caller.db).filter(\.$status ~~ [.pending, .approved])
            .join(TerritoryNode.self, on: \PlannerApplication.$scope.$id == \TerritoryNode.$id)
            .join(Planner.self, on: \PlannerApplication.$planner.$id == \Planner.$id)
        if !scopes.contains(where: { $0 == nil }) { q.joinedNodeInAnySubtree(scopes.compactMap { $0 }) }
        let apps = try await q.sort(\.$createdAt).limit(200).all()
        let ids = apps.compactMap(\.id)
        let done = Set(
            ids.isEmpty
                ? []
                : try await PlannerAppointmentRow.query(on: caller.db).filter(\.$applicationID ~~ ids).all()
                    .compactMap(\.applicationID))
        var areas: [UUID: String] = [:]
        let areaIDs = apps.compactMap(\.areaID)
        if !areaIDs.isEmpty {
            for a in try await PlanningArea.query(on: caller.db).filter(\.$id ~~ areaIDs).all() {
                areas[a.id!] = a.name
            }
        }
        return try apps.filter { !done.contains($0.id!) }.map { a in
            let scope = try a.joined(TerritoryNode.self)
            let path = scope.territoryPath
            return .init(
                application: a, planner: try a.joined(Planner.self), scope: scope.name,
                area: a.areaID.flatMap { areas[$0] },
                mayAppoint: caller.allows(.plannerAppoint, at: path)
                    && PlannerAppointment.authorized(caller.actor, tier: a.tier, authority: path))
        }
    }

    func queue(req: Request) async throws -> Response {
        req.render(
            PlannerPages.queue(
                req.pageContext, items: try await Self.queueItems(req.caller),
                today: CalendarDay(req.caller.now).description, errors: FormErrors()))
    }

    func refused(_ req: Request, _ fields: [String: String]) async throws -> Response {
        req.render(
            PlannerPages.queue(
                req.pageContext, items: try await Self.queueItems(req.caller),
                today: CalendarDay(req.caller.now).description, errors: FormErrors(fields),
                status: .unprocessableEntity))
    }

    struct DecisionIn: Content {
        var decision: String?
        var reason: String?
    }

    func decide(req: Request) async throws -> Response {
        let i = try req.content.decode(DecisionIn.self)
        let approve: Bool? =
            switch i.decision {
            case "approve": true
            case "decline": false
            default: nil
            }
        do {
            _ = try await Planners.decide(
                req.parameters.get("applicationID", as: UUID.self), approve: approve, reason: i.reason, by: req.caller)
            return req.redirect(to: Site.with(Site.Pattern.plannerQueue, PlannerFormText.decidedNotice.key))
        } catch YishiError.invalid(let fields) {
            return try await refused(req, fields)
        }
    }

    struct AppointIn: Content {
        var application: String?
        var startsOn: String?
    }

    /// Appoints from an approved application: its tier, its place and area, from the day given.
    func appoint(req: Request) async throws -> Response {
        let i = try req.content.decode(AppointIn.self)
        guard let aid = (i.application?.trimmed).flatMap(UUID.init(uuidString:)),
            let a = try await PlannerApplication.find(aid, on: req.db),
            a.$planner.id == req.parameters.get("plannerID", as: UUID.self), a.status == .approved
        else { throw YishiError.notFound }
        do {
            let made = try await Planners.appoint(
                a.$planner.id,
                .init(
                    tier: a.tier.rawValue, scope: a.$scope.id, area: a.areaID, startsOn: i.startsOn, application: aid),
                by: req.caller)
            return req.redirect(to: Site.planner(made.$planner.id, notice: PlannerFormText.appointed.key))
        } catch YishiError.invalid(let fields) {
            return try await refused(req, fields)
        }
    }

    // MARK: On a planner's page

    struct ReasonIn: Content {
        var reason: String?
    }

    /// The planner's page again with the form's problem (a reason left out).
    func plannerAgain(_ req: Request, _ plannerID: UUID, _ fields: [String: String]) async throws -> Response {
        let m = try await PlannerRoutes.model(plannerID, by: req.caller)
        return req.render(
            PlannerPages.planner(req.pageContext, m, errors: FormErrors(fields), status: .unprocessableEntity))
    }

    func endAppointment(req: Request) async throws -> Response {
        let i = try req.content.decode(ReasonIn.self)
        guard let id = req.parameters.get("appointmentID", as: UUID.self),
            let a = try await PlannerAppointmentRow.find(id, on: req.db)
        else { throw YishiError.notFound }
        do {
            try await Planners.endAppointment(id, reason: i.reason, by: req.caller)
            return req.redirect(to: Site.planner(a.$planner.id, notice: PlannerFormText.appointmentEndedNotice.key))
        } catch YishiError.invalid(let fields) {
            return try await plannerAgain(req, a.$planner.id, fields)
        }
    }

    struct PairIn: Content {
        var node: String?
        var back: String?
    }

    func pair(req: Request) async throws -> Response {
        let i = try req.content.decode(PairIn.self)
        let plannerID = req.parameters.get("plannerID", as: UUID.self)
        do {
            let row = try await Planners.pair(
                plannerID, node: (i.node?.trimmed).flatMap(UUID.init(uuidString:)), by: req.caller)
            if i.back == "board" {
                return req.redirect(to: Site.with(Site.Pattern.planners, PlannerFormText.pairedNotice.key))
            }
            return req.redirect(to: Site.planner(row.$planner.id, notice: PlannerFormText.pairedNotice.key))
        } catch YishiError.invalid(let fields) {
            guard let plannerID else { throw YishiError.notFound }
            return try await plannerAgain(req, plannerID, fields)
        }
    }

    func unpair(req: Request) async throws -> Response {
        let i = try req.content.decode(ReasonIn.self)
        guard let id = req.parameters.get("pairingID", as: UUID.self),
            let row = try await PlannerPairingRow.find(id, on: req.db)
        else { throw YishiError.notFound }
        do {
            try await Planners.unpair(id, reason: i.reason, by: req.caller)
            return req.redirect(to: Site.planner(row.$planner.id, notice: PlannerFormText.pairingEndedNotice.key))
        } catch YishiError.invalid(let fields) {
            return try await plannerAgain(req, row.$planner.id, fields)
        }
    }

    func confirm(req: Request) async throws -> Response {
        guard let id = req.parameters.get("entryID", as: UUID.self),
            let e = try await PlannerServiceEntry.find(id, on: req.db)
        else { throw YishiError.notFound }
        try await Planners.confirm(id, by: req.caller)
        return req.redirect(to: Site.planner(e.$planner.id, notice: PlannerFormText.confirmedNotice.key) + "#service")
    }
}
