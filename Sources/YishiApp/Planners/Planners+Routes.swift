import Fluent
import SQLKit
import Vapor
import YishiCore

extension Site.Pattern {
    static let planners = "/planners"
    static let planner = "/planners/:plannerID"
    static let plannerLog = "/planners/service"
    static let plannerCertificate = "/planners/certificates/:appointmentID"
}

extension Site {
    static func planner(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.planner, id.uuidString), notice)
    }
    static func planners(district: UUID) -> String { "\(Pattern.planners)?district=\(district.uuidString)" }
    static func plannerCertificate(_ id: UUID) -> String { fill(Pattern.plannerCertificate, id.uuidString) }
}

/// The planners' pages. A planner signed in lands on their own page; the district's and the
/// subdistricts' staff on the board.
struct PlannerRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.planners.pathComponents, use: board)
        routes.get(Site.Pattern.plannerLog.pathComponents, use: logForm)
        routes.post(Site.Pattern.plannerLog.pathComponents, use: log)
        routes.get(Site.Pattern.planner.pathComponents, use: show)
        routes.get(Site.Pattern.plannerCertificate.pathComponents, use: certificate)
    }

    func board(req: Request) async throws -> Response {
        let caller = req.caller
        if !Policy.holdsAnywhere(caller.actor, .plannerManage),
            let me = try? await Planners.mine(caller)
        {
            return req.redirect(to: Site.planner(me.id!))
        }
        let asked = try? req.query.get(UUID.self, at: "district")
        var district = asked
        if district == nil { district = await req.ownPlace() }
        return req.render(try await Self.boardView(district, by: caller, ctx: req.pageContext))
    }

    /// The board of the district a place belongs to (the page, and `yishi bench planners`).
    static func boardView(_ place: UUID?, by caller: Caller, ctx: PageContext) async throws -> PageView {
        let node = try await TerritoryQueries.node(place, on: caller.db)
        let root = try await TerritoryQueries.node(node.territoryPath.ids.first, on: caller.db)
        let b = try await Planners.pairing(root.id, by: caller, first: 5)
        return PlannerPages.board(ctx, district: root, board: b, tiers: b.tiers)
    }

    func show(req: Request) async throws -> Response {
        let m = try await Self.model(req.parameters.get("plannerID", as: UUID.self), by: req.caller)
        return req.render(PlannerPages.planner(req.pageContext, m, errors: FormErrors()))
    }

    /// How many of a planner's latest service entries their page lists.
    static let serviceShown = 20

    /// A planner's page as the caller may see it, with this year's figures (the page, and the bench).
    static func model(_ id: UUID?, by caller: Caller) async throws -> PlannerPages.PlannerModel {
        let db = caller.db
        let (p, places) = try await Planners.plannerAndPlaces(id, by: caller)
        let mine = caller.actor.map { p.$user.id == $0.userId } ?? false
        let keeper = places.contains { caller.allows(.plannerManage, at: $0) }
        let pid = p.id!
        let year = CalendarDay(caller.now).year
        // One after the other: read at once they took a connection each from the pool (on
        // PostgreSQL, up to seven per page), for no gain measured on two cores.
        let appointments = try await PlannerAppointmentRow.query(on: db).filter(\.$planner.$id == pid)
            .with(\.$scope).with(\.$authority).sort(\.$startsOn, .descending).all()
        let pairings = try await PlannerPairingRow.query(on: db).filter(\.$planner.$id == pid).with(\.$node)
            .sort(\.$startedOn, .descending).all()
        let service = try await PlannerServiceEntry.query(on: db).filter(\.$planner.$id == pid)
            .sort(\.$day, .descending).limit(serviceShown).all()
        let facts = try await Planners.facts(pid, year: year, on: db)
        let reviews = try await PlannerReviewRow.query(on: db).filter(\.$planner.$id == pid)
            .sort(\.$year, .descending).all()
        let applications = try await PlannerApplication.query(on: db).filter(\.$planner.$id == pid)
            .with(\.$scope).sort(\.$createdAt, .descending).all()
        let honours = try await PlannerHonour.query(on: db).filter(\.$planner.$id == pid).sort(\.$year, .descending)
            .all()

        let endable = Set(
            appointments.filter { a in
                a.status == .active && caller.allows(.plannerAppoint, at: a.authority.territoryPath)
                    && PlannerAppointment.authorized(caller.actor, tier: a.tier, authority: a.authority.territoryPath)
            }.compactMap(\.id))
        return .init(
            planner: p, reveal: mine || keeper, appointments: appointments.map { ($0, $0.scope.name) },
            pairings: pairings.map { ($0, $0.node.name) }, service: service, facts: facts, year: year,
            reviews: reviews, mine: mine, keeper: keeper,
            reviewer: !mine && places.contains { caller.allows(.plannerReview, at: $0) },
            pairPlaces: p.status == .appointed
                ? try await Self.places(where: .plannerManage, in: p.$district.id, by: caller) : [],
            endable: endable, applications: applications, honours: honours,
            projects: keeper ? try await projects(of: p.id!, on: db) : [], today: CalendarDay(caller.now),
            needsRole: keeper && p.status == .appointed ? try await lacksRole(p, on: db) : false,
            renewals: keeper ? try await renewals(appointments, today: CalendarDay(caller.now), on: db) : [:])
    }

    /// Whether each active appointment near its end may be renewed (only those: the others need not
    /// be read).
    static func renewals(_ appointments: [PlannerAppointmentRow], today: CalendarDay, on db: any Database) async throws
        -> [UUID: PlannerReview.NotRenewable?]
    {
        var out: [UUID: PlannerReview.NotRenewable?] = [:]
        for a in appointments where a.status == .active {
            guard let term = a.term, term.reminderDue(on: today, before: PlannerReminders.before) else { continue }
            out[a.id!] = .some(try await Planners.renewal(of: a, on: db))
        }
        return out
    }

    /// Whether an appointed planner's account lacks the planner role. Roles are granted in one
    /// place only (a user manager, audited); the page tells the keepers to ask for it.
    static func lacksRole(_ p: Planner, on db: any Database) async throws -> Bool {
        guard let user = p.$user.id else { return false }
        return try await RoleGrant.query(on: db).filter(\.$user.$id == user).filter(\.$role == .planner).first() == nil
    }

    /// The projects a planner logged work on (an exemplary case names one).
    static func projects(of planner: UUID, on db: any Database) async throws -> [PlannerPages.Option] {
        let ids = try await PlannerServiceEntry.query(on: db).filter(\.$planner.$id == planner)
            .filter(\.$projectID != nil).unique().all(\.$projectID).compactMap { $0 }
        guard !ids.isEmpty else { return [] }
        return try await Project.query(on: db).filter(\.$id ~~ Array(Set(ids))).sort(\.$title).all().map {
            ($0.id!.uuidString, $0.title)
        }
    }

    /// The subdistricts and communities where the caller holds `action` (within `district` when
    /// given): a district's subdistricts for its staff, a subdistrict and its communities for its
    /// own, a community for its own. Where a planner is paired, where a conference is called.
    static func places(where action: Action, in district: UUID?, by caller: Caller) async throws
        -> [PlannerPages.Option]
    {
        var out: [PlannerPages.Option] = []
        var seen = Set<UUID>()
        for scope in Policy.scopes(caller.actor, for: action) {
            if let district, let scope, scope.ids.first != district { continue }
            let nodes: [TerritoryNode]
            if let scope, scope.ids.count >= 2 {
                let top = try await TerritoryNode.find(scope.nodeId, on: caller.db)
                let below =
                    scope.ids.count == 2
                    ? try await TerritoryNode.query(on: caller.db).filter(\.$parent.$id == scope.nodeId).sort(\.$code)
                        .all() : []
                nodes = (top.map { [$0] } ?? []) + below
            } else if let parent = scope?.nodeId ?? district {
                nodes = try await TerritoryNode.query(on: caller.db).filter(\.$parent.$id == parent).sort(\.$code).all()
            } else {
                nodes = try await TerritoryNode.query(on: caller.db).filter(\.$level == .subdistrict).sort(\.$code)
                    .limit(100).all()
            }
            for n in nodes where n.level == .subdistrict || n.level == .community {
                if seen.insert(n.id!).inserted { out.append((n.id!.uuidString, n.name)) }
            }
        }
        return out
    }

    /// The certificate, for whoever may read the planner (the planner prints their own).
    func certificate(req: Request) async throws -> Response {
        guard let id = req.parameters.get("appointmentID", as: UUID.self),
            let a = try await PlannerAppointmentRow.query(on: req.db).filter(\.$id == id).with(\.$scope)
                .with(\.$authority).first()
        else { throw YishiError.notFound }
        let p = try await Planners.planner(a.$planner.id, by: req.caller)
        let rules = try await Planners.rules(of: p.$district.id, on: req.db).first { $0.version == a.rulesVersion }
        // Issued the day it was made, or on its first day if that came earlier (a term entered late).
        let made = a.createdAt.map { CalendarDay($0).description } ?? a.startsOn
        let issued = min(made, a.startsOn)
        return req.render(
            PlannerPages.certificate(
                req.pageContext, a, planner: p, scope: a.scope, authority: a.authority, rules: rules, issued: issued))
    }

    struct LogIn: Content {
        var kind: String?
        var day: String?
        var hours: String?
        var node: String?
        var project: String?
        var meeting: String?
        var note: String?
    }

    /// The projects and meetings of the places a planner serves (the latest first), to log work on.
    static func work(of p: Planner, on db: any Database) async throws
        -> (projects: [PlannerPages.Option], meetings: [PlannerPages.Option])
    {
        let paths = try await Planners.places(of: p, on: db).filter { $0.ids.count >= 2 }
        guard !paths.isEmpty else { return ([], []) }
        let projects = try await Project.query(on: db)
            .join(TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id).joinedNodeInAnySubtree(paths)
            .sort(\.$updatedAt, .descending).limit(30).all()
        let meetings = try await Meeting.query(on: db)
            .join(TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id).joinedNodeInAnySubtree(paths)
            .sort(\.$startsAt, .descending).limit(30).all()
        return (
            projects.map { ($0.id!.uuidString, $0.title) },
            meetings.map { ($0.id!.uuidString, Show.dateTime($0.startsAt).prefix(10) + " " + $0.title) }
        )
    }

    /// The places a planner serves: the subdistricts of their appointments and pairings, each with
    /// its communities.
    static func places(of p: Planner, on db: any Database) async throws -> [(value: String, label: String)] {
        let paths = try await Planners.places(of: p, on: db).filter { $0.ids.count >= 2 }
        var out: [(value: String, label: String)] = []
        for sub in Set(paths.map { $0.ids[1] }).sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let node = try await TerritoryNode.find(sub, on: db) else { continue }
            out.append((sub.uuidString, node.name))
            for c in try await TerritoryNode.query(on: db).filter(\.$parent.$id == sub).sort(\.$code).all() {
                out.append((c.id!.uuidString, node.name + " · " + c.name))
            }
        }
        return out
    }

    func logForm(req: Request) async throws -> Response {
        let me = try await Planners.mine(req.caller)
        let today = CalendarDay(req.caller.now).description
        return req.render(
            PlannerPages.log(
                req.pageContext, form: .init(day: today), places: try await Self.places(of: me, on: req.db),
                work: try await Self.work(of: me, on: req.db), errors: FormErrors()))
    }

    func log(req: Request) async throws -> Response {
        let i = try req.content.decode(LogIn.self)
        let form = PlannerPages.LogForm(
            kind: i.kind, day: i.day, hours: i.hours, place: i.node, project: i.project, meeting: i.meeting,
            note: i.note)
        let me = try await Planners.mine(req.caller)
        do {
            let node = (i.node?.trimmed).flatMap(UUID.init(uuidString:))
            let hours = i.hours.flatMap { Double($0.trimmed) }
            _ = try await Planners.log(
                me.id,
                .init(
                    kind: i.kind, day: i.day, hours: hours ?? .nan, node: node,
                    project: (i.project?.trimmed).flatMap(UUID.init(uuidString:)),
                    meeting: (i.meeting?.trimmed).flatMap(UUID.init(uuidString:)), note: i.note), by: req.caller)
            return req.redirect(to: Site.planner(me.id!, notice: PlannerPageText.logged.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                PlannerPages.log(
                    req.pageContext, form: form, places: try await Self.places(of: me, on: req.db),
                    work: try await Self.work(of: me, on: req.db), errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
    }
}
