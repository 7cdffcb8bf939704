import Fluent
import SQLKit
import Vapor
import YishiCore

extension Site.Pattern {
    static let plannerHonourRoll = "/planners/honours"
    static let plannerHonours = "/planners/:plannerID/honours"
    static let honourDecision = "/planners/honours/:honourID/decision"
    static let plannerRules = "/planners/rules"
    static let plannerConferences = "/planners/conferences"
}

extension Site {
    static func plannerHonours(_ id: UUID) -> String { fill(Pattern.plannerHonours, id.uuidString) }
    static func honourDecision(_ id: UUID) -> String { fill(Pattern.honourDecision, id.uuidString) }
}

/// The honour roll (public) with the district's decisions, nominations from a planner's page, the
/// rules' versions, and case conferences.
struct PlannerMoreRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.plannerHonourRoll.pathComponents, use: honours)
        routes.post(Site.Pattern.plannerHonours.pathComponents, use: nominate)
        routes.post(Site.Pattern.honourDecision.pathComponents, use: decide)
        routes.get(Site.Pattern.plannerRules.pathComponents, use: rules)
        routes.post(Site.Pattern.plannerRules.pathComponents, use: addRules)
        routes.get(Site.Pattern.plannerConferences.pathComponents, use: conferences)
        routes.post(Site.Pattern.plannerConferences.pathComponents, use: call)
    }

    // MARK: Honours

    func honours(req: Request) async throws -> Response {
        let district = try await PlannerFormRoutes.district(req)
        let caller = req.caller
        let path = district.territoryPath
        let decides =
            caller.allows(.plannerAppoint, at: path)
            && PlannerAppointment.authorized(caller.actor, tier: .districtExpert, authority: path)
        let awarded = try await Planners.honours(district.id!, awardedOnly: true, on: req.db)
        let waiting =
            decides
            ? try await Planners.honours(district.id!, awardedOnly: false, on: req.db).filter { $0.status != .awarded }
            : nil
        return req.render(PlannerPages.honours(req.pageContext, district: district, awarded: awarded, waiting: waiting))
    }

    struct NominateIn: Content {
        var kind: String?
        var year: String?
        var citation: String?
        var project: String?
    }

    func nominate(req: Request) async throws -> Response {
        let i = try req.content.decode(NominateIn.self)
        let id = req.parameters.get("plannerID", as: UUID.self)
        do {
            _ = try await Planners.nominate(
                id,
                .init(
                    kind: i.kind, year: (i.year?.trimmed).flatMap { Int($0) }, citation: i.citation,
                    project: (i.project?.trimmed).flatMap(UUID.init(uuidString:))), by: req.caller)
            return req.redirect(to: Site.planner(id!, notice: HonourText.nominatedNotice.key))
        } catch YishiError.invalid(let fields) {
            guard let id else { throw YishiError.notFound }
            let m = try await PlannerRoutes.model(id, by: req.caller)
            return req.render(
                PlannerPages.planner(req.pageContext, m, errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    struct DecisionIn: Content {
        var decision: String?
    }

    func decide(req: Request) async throws -> Response {
        let i = try req.content.decode(DecisionIn.self)
        let award: Bool? =
            switch i.decision {
            case "award": true
            case "decline": false
            default: nil
            }
        let h = try await Planners.decideHonour(
            req.parameters.get("honourID", as: UUID.self), award: award, by: req.caller)
        return req.redirect(
            to: "\(Site.Pattern.plannerHonourRoll)?district=\(h.$district.id.uuidString)&notice="
                + H.query(HonourText.decidedNotice.key))
    }

    // MARK: The rules' versions

    func rulesPage(_ req: Request, errors: FormErrors = FormErrors(), status: HTTPStatus = .ok) async throws
        -> Response
    {
        let district = try await PlannerFormRoutes.district(req)
        guard PlannerFormRoutes.keeps(req.caller, district) else {
            throw YishiError.denied(req.caller.actor == nil ? .notSignedIn : .outsideScope)
        }
        return req.render(
            PlannerPages.rules(
                req.pageContext, district: district, versions: try await Planners.rules(of: district.id!, on: req.db),
                today: CalendarDay(req.caller.now),
                mayAdd: req.caller.allows(.plannerManage, at: district.territoryPath), errors: errors, status: status))
    }

    func rules(req: Request) async throws -> Response { try await rulesPage(req) }

    func addRules(req: Request) async throws -> Response {
        let (_, f) = QuestionnaireRoutes.parse(req)
        let tiers = req.formValues("tiers")
        let district = try await PlannerFormRoutes.district(req)
        var weights: [String: Int] = [:]
        var fields: [String: String] = [:]
        for g in ReviewGround.allCases {
            guard let w = f["weight_\(g.rawValue)"].flatMap({ Int($0.trimmed) }) else {
                fields["weights"] = PlannerText.rulesWeights.key
                continue
            }
            weights[g.rawValue] = w
        }
        let term = f["termYears"].flatMap { Int($0.trimmed) }
        if term == nil { fields["termYears"] = PlannerText.rulesTermYears.key }
        let pass = f["passMark"].flatMap { Int($0.trimmed) }
        if pass == nil { fields["passMark"] = PlannerText.rulesPassMark.key }
        do {
            guard fields.isEmpty else { throw YishiError.invalid(fields) }
            _ = try await Planners.addRules(
                district.id,
                .init(
                    title: f["title"], validFrom: f["validFrom"], validUntil: f["validUntil"], termYears: term,
                    tiers: tiers, weights: weights, passMark: pass), by: req.caller)
            return req.redirect(
                to: "\(Site.Pattern.plannerRules)?district=\(district.id!.uuidString)&notice="
                    + H.query(HonourText.rulesAdded.key))
        } catch YishiError.invalid(let fields) {
            return try await rulesPage(req, errors: FormErrors(fields), status: .unprocessableEntity)
        }
    }

    // MARK: Case conferences

    static func conferenceList(_ caller: Caller) async throws -> [(meeting: Meeting, place: String)] {
        let scopes =
            Policy.scopes(caller.actor, for: .plannerManage) + Policy.scopes(caller.actor, for: .plannerLog)
            + Policy.scopes(caller.actor, for: .projectManage)
        guard !scopes.isEmpty else { throw YishiError.denied(caller.actor == nil ? .notSignedIn : .roleLacksAction) }
        let q = Meeting.query(on: caller.db).filter(\.$kind == .caseConference)
            .join(TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id)
        if !scopes.contains(where: { $0 == nil }) { q.joinedNodeInAnySubtree(scopes.compactMap { $0 }) }
        return try await q.sort(\.$startsAt, .descending).limit(100).all().map {
            ($0, try $0.joined(TerritoryNode.self).name)
        }
    }

    func conferencePage(
        _ req: Request, form: PlannerPages.ConferenceForm = .init(), errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) async throws -> Response {
        req.render(
            PlannerPages.conferences(
                req.pageContext, meetings: try await Self.conferenceList(req.caller),
                places: try await PlannerRoutes.places(where: .projectManage, in: nil, by: req.caller), form: form,
                now: req.caller.now, errors: errors,
                status: status))
    }

    func conferences(req: Request) async throws -> Response { try await conferencePage(req) }

    struct CallIn: Content {
        var node: String?
        var title: String?
        var agenda: String?
        var venue: String?
        var startsAt: String?
        var invited: String?
    }

    func call(req: Request) async throws -> Response {
        let i = try req.content.decode(CallIn.self)
        do {
            let m = try await MeetingsService.create(
                .init(
                    node: (i.node?.trimmed).flatMap(UUID.init(uuidString:)), project: nil,
                    kind: MeetingKind.caseConference.rawValue, title: i.title ?? "", agenda: i.agenda ?? "",
                    venue: i.venue ?? "", startsAt: i.startsAt ?? "", invited: i.invited), by: req.caller)
            return req.redirect(to: Site.meeting(m.id!))
        } catch YishiError.invalid(let fields) {
            return try await conferencePage(
                req,
                form: .init(
                    node: i.node, title: i.title ?? "", agenda: i.agenda ?? "", venue: i.venue ?? "",
                    startsAt: i.startsAt ?? "", invited: i.invited ?? ""), errors: FormErrors(fields),
                status: .unprocessableEntity)
        }
    }
}
