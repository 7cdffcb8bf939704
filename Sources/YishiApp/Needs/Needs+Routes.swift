import Fluent
import Vapor
import YishiCore

/// The needs pages: a community's ranked list, a need with why it ranks where it does, raising one
/// (with similar needs offered first), "me too", staff entry for residents and sorting.
struct NeedRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.needs.pathComponents, use: mine)
        routes.get(Site.newNeed.pathComponents, use: newForm)
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.on(.POST, Site.needs.pathComponents, body: .collect(maxSize: max), use: raise)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.enterNeed.pathComponents, use: enterForm)
        routes.on(.POST, Site.enterNeed.pathComponents, body: .collect(maxSize: max), use: enter)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.need.pathComponents, use: show)
        routes.on(.POST, Site.Pattern.needPhotos.pathComponents, body: .collect(maxSize: max), use: addPhotos)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.needPhoto.pathComponents, use: photo)
        routes.post(Site.Pattern.needComments.pathComponents, use: comment)
        routes.post(Site.Pattern.nodeNeedsPublish.pathComponents, use: publish)
        routes.post(Site.needsFromGap.pathComponents, use: fromGap)
        routes.post(Site.Pattern.needSupports.pathComponents, use: support)
        routes.post(Site.Pattern.needWithdraw.pathComponents, use: withdraw)
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
        var meeting: String?
        /// Set when the person saw the similar needs and still sends theirs.
        var confirmed: String?
        /// Photos held while similar needs were shown (ids, comma-separated).
        var held: String?

        /// The form from a multipart body (with photos) or a plain one.
        static func from(_ req: Request) throws -> RaiseForm {
            guard let m = req.multipartForm else { return try req.content.decode(RaiseForm.self) }
            return RaiseForm(
                text: m.field("text"), category: m.field("category"), place: m.field("place"),
                hideName: m.field("hideName"), resident: m.field("resident"), channel: m.field("channel"),
                meeting: m.field("meeting"), confirmed: m.field("confirmed"), held: m.field("held"))
        }

        var heldPhotos: [UUID] { (held ?? "").split(separator: ",").compactMap { UUID(uuidString: String($0)) } }
    }

    /// The list of the viewer's community (a resident's, or the first place a staff member works).
    func mine(req: Request) async throws -> Response {
        _ = try req.caller.requireActor()
        guard let place = await req.ownPlace() else {
            throw YishiError.denied(req.actor?.kind == .resident ? .notVerified : .roleLacksAction)
        }
        return req.redirect(to: Site.nodeNeeds(place))
    }

    func list(req: Request) async throws -> Response {
        let node = try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: .needRead)
        let needs = try await NeedsService.rankedRows(below: node, on: req.db)
        let may = NeedPages.May(
            raise: req.actor?.kind == .resident && node.level == .community
                && req.caller.allows(.needRaise, at: node.territoryPath),
            manage: req.caller.allows(.needManage, at: node.territoryPath), names: req.actor?.kind == .staff,
            publish: req.caller.allows(.needManage, at: node.territoryPath)
                && req.caller.allows(.noticeManage, at: node.territoryPath),
            settingsDistrict: node.territoryPath.ancestor(at: 0).flatMap { d in
                req.caller.allows(.territoryEdit, at: d) && req.caller.allows(.needManage, at: d) ? d.nodeId : nil
            })
        let counts = try await NeedsList.counts(below: node, on: req.db)
        let versions = try await NeedsList.versions(of: node, on: req.db)
        return req.render(
            NeedPages.list(
                req.pageContext, node: node, needs: needs, may: may, counts: counts, versions: versions,
                categories: try await settings(of: node, req).categories))
    }

    /// The ranked list as a spreadsheet, with every part of each score (no personal data).
    func csv(req: Request) async throws -> Response {
        let node = try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: .needRead)
        let needs = try await NeedsService.rankedRows(below: node, limit: nil, on: req.db)
        let (header, rows) = NeedsCSV.table(
            needs, lang: req.pageContext.lang, categories: try await settings(of: node, req).categories)
        return CSVExport.response(name: "needs-\(node.code)", header: header) { emit in
            for row in rows { try await emit(row) }
        }
    }

    /// The needs settings of the district a node is in.
    func settings(of node: TerritoryNode, _ req: Request) async throws -> NeedSettings {
        try await NeedSettingsStore.of(district: node.territoryPath.ids.first, on: req.db)
    }

    /// The kinds of need of the district where the person raises (a resident) or works (staff).
    func categories(_ req: Request) async throws -> [NeedCategory] {
        if req.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: req.caller, managing: .needManage)
        {
            return try await NeedSettingsStore.of(district: home.path.ids.first, on: req.db).categories
        }
        let district = req.principal?.held.compactMap(\.path).first?.ids.first
        return try await NeedSettingsStore.of(district: district, on: req.db).categories
    }

    func places(_ req: Request, community: UUID) async throws -> [TerritoryNode] {
        guard let c = try await TerritoryNode.find(community, on: req.db) else { return [] }
        return try await TerritoryNode.query(on: req.db).inSubtree(c.territoryPath).filter(\.$level != .building)
            .sort(\.$path).limit(500).all()
    }

    func newForm(req: Request) async throws -> Response {
        let (home, _) = try await ResidentHome.whose(nil, by: req.caller, managing: .needManage)
        try req.caller.authorize(.needRaise, at: home.building.territoryPath)
        return req.render(
            NeedPages.raise(
                req.pageContext, form: RaiseForm(), places: try await places(req, community: home.community),
                categories: try await categories(req)))
    }

    func input(_ f: RaiseForm, _ req: Request) -> NeedsService.RaiseInput {
        .init(
            text: f.text ?? "", category: f.category ?? "", place: f.place.flatMap(UUID.init(uuidString:)),
            hideName: f.hideName == "on", forResident: f.resident, channel: f.channel.flatMap(YishiCore.Channel.init),
            meeting: f.meeting, photos: Uploads.parts(req.multipartForm, "photos"), heldPhotos: f.heldPhotos)
    }

    func raise(req: Request) async throws -> Response {
        var form = try RaiseForm.from(req)
        let caller = req.caller
        let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .needManage)
        // Similar needs first: support gathers on one need instead of duplicates.
        if form.confirmed == nil, let text = form.text, !text.trimmed.isEmpty {
            let similar = try await NeedsService.similar(
                text, community: home.community, category: form.category,
                place: form.place.flatMap { UUID(uuidString: $0) },
                on: req.db)
            if !similar.isEmpty {
                // The photos wait for the person while they look (a bad one is refused now).
                let photos = Uploads.parts(req.multipartForm, "photos")
                if !photos.isEmpty, let user = req.actor?.userId {
                    do {
                        let ids = try await NeedPhotos.hold(photos, by: user, on: req.db)
                        form.held = (form.heldPhotos + ids).map(\.uuidString).joined(separator: ",")
                    } catch YishiError.invalid(let fields) {
                        return req.render(
                            NeedPages.raise(
                                req.pageContext, form: form, places: try await places(req, community: home.community),
                                errors: FormErrors(fields), status: .unprocessableEntity,
                                categories: try await categories(req)))
                    }
                }
                return req.render(NeedPages.similar(req.pageContext, form: form, similar: similar))
            }
        }
        do {
            let need = try await NeedsService.raise(input(form, req), by: caller)
            return req.redirect(to: Site.need(need.id!, notice: NeedText.submitted.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                NeedPages.raise(
                    req.pageContext, form: form, places: try await places(req, community: home.community),
                    errors: FormErrors(fields), status: .unprocessableEntity, categories: try await categories(req)))
        }
    }

    func enterForm(req: Request) async throws -> Response {
        let actor = try req.caller.requireActor()
        guard actor.kind == .staff, Policy.holdsAnywhere(actor, .needManage) else {
            throw YishiError.denied(.roleLacksAction)
        }
        return req.render(NeedPages.enter(req.pageContext, form: RaiseForm(), categories: try await categories(req)))
    }

    func enter(req: Request) async throws -> Response {
        let form = try RaiseForm.from(req)
        let need: Need
        do {
            need = try await NeedsService.raise(input(form, req), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                NeedPages.enter(
                    req.pageContext, form: form, errors: FormErrors(fields), status: .unprocessableEntity,
                    categories: try await categories(req)))
        }
        // The form stays open for the next one, with the same channel.
        var next = RaiseForm()
        next.channel = form.channel
        next.meeting = form.meeting
        var ctx = req.pageContext
        ctx.notice = ctx.t(NeedText.entered)
        let who = try await need.$resident.get(on: req.db)?.name ?? ""
        return req.render(
            NeedPages.enter(
                ctx, form: next, categories: try await categories(req), last: (need.id!, need.title, who)),
            context: ctx)
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("needID", as: UUID.self),
            let need = try await Need.query(on: req.db).filter(\.$id == id).with(\.$community).with(\.$place)
                .with(\.$resident).first()
        else { throw YishiError.notFound }
        try req.caller.authorize(.needRead, at: need.place.territoryPath)
        // What joined this need counts and shows here too: support, photos, comments.
        let joinedNeeds = try await Need.query(on: req.db).filter(\.$mergedInto.$id == id).all()
        let family = [id] + joinedNeeds.compactMap(\.id)
        var supported = false
        var joined = false
        if req.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: req.caller, managing: .needManage)
        {
            let mine = try await NeedSupport.query(on: req.db).filter(\.$need.$id ~~ family)
                .filter(\.$resident.$id == home.resident.requireID()).all()
            supported = !mine.isEmpty
            joined = supported && !mine.contains { $0.$need.id == id }
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
        var photos: [(need: UUID, photo: UUID)] = []
        for n in family { photos += try await NeedPhotos.list(of: n, on: req.db).map { (n, $0) } }
        let mine = try await raisedByViewer(need, req)
        let extra = NeedPages.Extra(
            photos: photos, comments: try await NeedComments.of(family, on: req.db),
            mayComment: need.status != .merged
                && (may.manage
                    || (req.actor?.kind == .resident && req.caller.allows(.comment, at: need.community.territoryPath))),
            mayAddPhotos: need.status != .merged && (may.manage || mine) && photos.count < Uploads.maxFiles,
            joined: joined, joinedNeeds: joinedNeeds.map { ($0.id!, $0.title) })
        return req.render(
            NeedPages.need(
                req.pageContext, need, may: may, supported: supported, similar: similar, mergedInto: mergedInto,
                extra: extra, settings: try await settings(of: need.community, req)))
    }

    /// Whether the signed-in resident raised this need.
    func raisedByViewer(_ need: Need, _ req: Request) async throws -> Bool {
        guard req.actor?.kind == .resident, let uid = req.actor?.userId, let rid = need.$resident.id,
            let user = try await User.find(uid, on: req.db)
        else { return false }
        return user.$resident.id == rid
    }

    func addPhotos(req: Request) async throws -> Response {
        let need = try await NeedPhotos.add(
            Uploads.parts(req.multipartForm, "photos"), to: req.parameters.get("needID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.photosAdded.key))
    }

    func photo(req: Request) async throws -> Response {
        Uploads.response(
            try await NeedPhotos.photo(
                req.parameters.get("needID", as: UUID.self), req.parameters.get("photoID", as: UUID.self),
                by: req.caller))
    }

    struct CommentForm: Content { var comment: String? }

    func comment(req: Request) async throws -> Response {
        let id = req.parameters.get("needID", as: UUID.self)
        let form = try req.content.decode(CommentForm.self)
        _ = try await NeedComments.add(form.comment ?? "", to: id, by: req.caller)
        return req.redirect(to: Site.need(id!, notice: NeedText.commented.key) + "#comments")
    }

    struct GapForm: Content {
        var compound: String?
        var type: String?
    }

    /// A life-circle gap of a compound, raised as a need with its distances.
    func fromGap(req: Request) async throws -> Response {
        let f = try req.content.decode(GapForm.self)
        let need = try await NeedsFromGap.raise(
            compound: f.compound.flatMap(UUID.init(uuidString:)), type: f.type, lang: req.pageContext.lang,
            by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.fromGapRaised.key))
    }

    struct PublishForm: Content { var days: String? }

    /// Freezes the list and publishes it as a notice.
    func publish(req: Request) async throws -> Response {
        let form = try req.content.decode(PublishForm.self)
        let notice = try await NeedsList.publish(
            req.parameters.get("nodeID", as: UUID.self), days: form.days, lang: req.pageContext.lang, by: req.caller)
        return req.redirect(to: Site.notice(notice.id!, notice: NeedText.listPublished.key))
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
            let staff = req.actor?.kind == .staff
            return req.redirect(
                to: Site.need(need.id!, notice: (staff ? NeedText.supportedFor : NeedText.supported).key))
        } catch is NeedsService.AlreadySupported {
            throw Abort(.conflict, reason: NeedText.alreadySupported.text(req.pageContext.lang))
        }
    }

    func withdraw(req: Request) async throws -> Response {
        let need = try await NeedsService.withdraw(req.parameters.get("needID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.need(need.id!, notice: NeedText.withdrawn.key))
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
