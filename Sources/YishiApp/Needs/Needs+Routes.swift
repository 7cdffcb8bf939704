import Fluent
import Vapor
import YishiCore

/// The needs pages: a community's ranked list, a need with why it ranks where it does, raising one
/// (with similar needs offered first), "me too", staff entry for residents and sorting.
struct NeedRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.needs.pathComponents, use: mine)
        routes.get(Site.newNeed.pathComponents, use: newForm)
        routes.post(Site.needs.pathComponents, use: raise)
        routes.get(Site.enterNeed.pathComponents, use: enterForm)
        routes.post(Site.enterNeed.pathComponents, use: enter)
        routes.get(Site.Pattern.need.pathComponents, use: show)
        routes.post(Site.Pattern.needSupports.pathComponents, use: support)
        routes.post(Site.Pattern.needTriage.pathComponents, use: triage)
        routes.post(Site.Pattern.needMerge.pathComponents, use: merge)
        routes.post(Site.Pattern.needSafety.pathComponents, use: safety)
        routes.post(Site.Pattern.needUnmerge.pathComponents, use: unmerge)
        routes.post(Site.Pattern.needDistinct.pathComponents, use: distinct)
        routes.get(Site.Pattern.nodeNeeds.pathComponents, use: list)
        routes.get(Site.Pattern.nodeNeedsCSV.pathComponents, use: csv)
    }

    struct RaiseForm: Content {
        var text: String?
        var category: String?
        var place: String?
        var hideName: String?
        var resident: String?
        var channel: String?
        /// Set when the person saw the similar needs and still sends theirs.
        var confirmed: String?
    }

    /// The list of the viewer's community (a resident's, or the first place a staff member works).
    func mine(req: Request) async throws -> Response {
        let caller = req.caller
        let actor = try caller.requireActor()
        if actor.kind == .resident {
            let (home, _) = try await NeedsService.whose(nil, by: caller)
            return req.redirect(to: Site.nodeNeeds(home.community))
        }
        guard let place = req.principal?.held.compactMap(\.path).first else {
            throw YishiError.denied(.roleLacksAction)
        }
        return req.redirect(to: Site.nodeNeeds(place.nodeId))
    }

    func list(req: Request) async throws -> Response {
        let node = try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: .needRead)
        let needs = try await NeedsService.rankedRows(below: node, on: req.db)
        let may = NeedPages.May(
            raise: req.actor?.kind == .resident && node.level == .community
                && req.caller.allows(.needRaise, at: node.territoryPath),
            manage: req.caller.allows(.needManage, at: node.territoryPath), names: req.actor?.kind == .staff)
        return req.render(NeedPages.list(req.pageContext, node: node, needs: needs, may: may))
    }

    /// The ranked list as a spreadsheet, with every part of each score (no personal data).
    func csv(req: Request) async throws -> Response {
        let node = try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: .needRead)
        let needs = try await NeedsService.rankedRows(below: node, limit: nil, on: req.db)
        let (header, rows) = NeedsCSV.table(needs, lang: req.pageContext.lang)
        return CSVExport.response(name: "needs-\(node.code)", header: header) { emit in
            for row in rows { try await emit(row) }
        }
    }

    func places(_ req: Request, community: UUID) async throws -> [TerritoryNode] {
        guard let c = try await TerritoryNode.find(community, on: req.db) else { return [] }
        return try await TerritoryNode.query(on: req.db).inSubtree(c.territoryPath).filter(\.$level != .building)
            .sort(\.$path).limit(500).all()
    }

    func newForm(req: Request) async throws -> Response {
        let (home, _) = try await NeedsService.whose(nil, by: req.caller)
        try req.caller.authorize(.needRaise, at: home.building.territoryPath)
        return req.render(
            NeedPages.raise(
                req.pageContext, form: RaiseForm(), places: try await places(req, community: home.community)))
    }

    func input(_ f: RaiseForm) -> NeedsService.RaiseInput {
        .init(
            text: f.text ?? "", category: f.category ?? "", place: f.place.flatMap(UUID.init(uuidString:)),
            hideName: f.hideName == "on", forResident: f.resident, channel: f.channel.flatMap(YishiCore.Channel.init))
    }

    func raise(req: Request) async throws -> Response {
        let form = try req.content.decode(RaiseForm.self)
        let caller = req.caller
        let (home, _) = try await NeedsService.whose(nil, by: caller)
        // Similar needs first: support gathers on one need instead of duplicates.
        if form.confirmed == nil, let text = form.text, !text.trimmed.isEmpty {
            let similar = try await NeedsService.similar(
                text, community: home.community, category: form.category,
                place: form.place.flatMap { UUID(uuidString: $0) },
                on: req.db)
            if !similar.isEmpty {
                return req.render(NeedPages.similar(req.pageContext, form: form, similar: similar))
            }
        }
        do {
            let need = try await NeedsService.raise(input(form), by: caller)
            return req.redirect(to: Site.need(need.id!, notice: NeedText.submitted.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                NeedPages.raise(
                    req.pageContext, form: form, places: try await places(req, community: home.community),
                    errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    func enterForm(req: Request) async throws -> Response {
        let actor = try req.caller.requireActor()
        guard actor.kind == .staff, Policy.holdsAnywhere(actor, .needManage) else {
            throw YishiError.denied(.roleLacksAction)
        }
        return req.render(NeedPages.enter(req.pageContext, form: RaiseForm()))
    }

    func enter(req: Request) async throws -> Response {
        let form = try req.content.decode(RaiseForm.self)
        do {
            _ = try await NeedsService.raise(input(form), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                NeedPages.enter(req.pageContext, form: form, errors: FormErrors(fields), status: .unprocessableEntity))
        }
        // The form stays open for the next one, with the same channel.
        var next = RaiseForm()
        next.channel = form.channel
        var ctx = req.pageContext
        ctx.notice = ctx.t(NeedText.entered)
        return req.render(NeedPages.enter(ctx, form: next), context: ctx)
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("needID", as: UUID.self),
            let need = try await Need.query(on: req.db).filter(\.$id == id).with(\.$community).with(\.$place)
                .with(\.$resident).first()
        else { throw YishiError.notFound }
        try req.caller.authorize(.needRead, at: need.place.territoryPath)
        var supported = false
        if req.actor?.kind == .resident, let (home, _) = try? await NeedsService.whose(nil, by: req.caller) {
            supported =
                try await NeedSupport.query(on: req.db).filter(\.$need.$id == id)
                .filter(\.$resident.$id == home.resident.requireID()).first() != nil
        }
        let may = NeedPages.May(
            raise: req.actor?.kind == .resident && !supported && need.status.open
                && req.caller.allows(.needRaise, at: need.community.territoryPath),
            manage: req.caller.allows(.needManage, at: need.community.territoryPath),
            names: req.actor?.kind == .staff)
        let similar =
            may.manage && need.status.open
            ? try await NeedsService.similar(
                need.body, community: need.$community.id, category: need.category, place: need.$place.id, excluding: id,
                on: req.db) : []
        let mergedInto = try await need.$mergedInto.get(on: req.db)
        return req.render(
            NeedPages.need(
                req.pageContext, need, may: may, supported: supported, similar: similar, mergedInto: mergedInto))
    }

    struct SupportForm: Content {
        var resident: String?
        var channel: String?
    }

    func support(req: Request) async throws -> Response {
        let id = req.parameters.get("needID", as: UUID.self)
        let form = try req.content.decode(SupportForm.self)
        do {
            let need = try await NeedsService.support(
                id, forResident: form.resident, channel: form.channel.flatMap(YishiCore.Channel.init), by: req.caller)
            return req.redirect(to: Site.need(need.id!, notice: NeedText.supported.key))
        } catch is NeedsService.AlreadySupported {
            throw Abort(.conflict, reason: NeedText.alreadySupported.text(req.pageContext.lang))
        }
    }

    struct PairForm: Content { var other: String? }
    struct SafetyForm: Content { var safety: String? }

    func safety(req: Request) async throws -> Response {
        let form = try req.content.decode(SafetyForm.self)
        let need = try await NeedsService.setSafety(
            req.parameters.get("needID", as: UUID.self), form.safety == "on", by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.safetySaved.key))
    }

    /// Joins the need named in the form into this one.
    func merge(req: Request) async throws -> Response {
        let form = try req.content.decode(PairForm.self)
        let target = try await NeedsService.merge(
            form.other.flatMap { UUID(uuidString: $0) }, into: req.parameters.get("needID", as: UUID.self),
            by: req.caller)
        return req.redirect(to: Site.need(target.id!, notice: NeedText.merged.key))
    }

    func unmerge(req: Request) async throws -> Response {
        let need = try await NeedsService.unmerge(req.parameters.get("needID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.unmerged.key))
    }

    func distinct(req: Request) async throws -> Response {
        let form = try req.content.decode(PairForm.self)
        let id = req.parameters.get("needID", as: UUID.self)
        try await NeedsService.markDistinct(id, form.other.flatMap { UUID(uuidString: $0) }, by: req.caller)
        return req.redirect(to: Site.need(id!, notice: NeedText.distinct.key))
    }

    struct TriageForm: Content {
        var decision: String?
        var reason: String?
    }

    func triage(req: Request) async throws -> Response {
        let form = try req.content.decode(TriageForm.self)
        let accept = form.decision == "accept"
        let need = try await NeedsService.triage(
            req.parameters.get("needID", as: UUID.self), accept: accept, reason: form.reason, by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: accept ? NeedText.accepted.key : NeedText.declined.key))
    }
}
