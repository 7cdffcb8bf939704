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
        routes.get(Site.Pattern.needsListCSV.pathComponents, use: frozenCSV)
    }

    /// A published list as CSV, for anyone (as its notice is): the list as it was frozen, every
    /// part of each score, no names.
    func frozenCSV(req: Request) async throws -> Response {
        guard let id = req.parameters.get("versionID", as: UUID.self),
            let v = try await NeedsListVersion.query(on: req.db).filter(\.$id == id).with(\.$notice).first(),
            v.notice.status == .published
        else { throw YishiError.notFound }
        let rows = try JSONDecoder().decode([NeedsList.Frozen].self, from: Data(v.rows.utf8))
        let (header, cells) = NeedsList.table(rows, lang: req.pageContext.lang)
        let day = String(Show.dateTime(v.notice.startsAt ?? v.createdAt).prefix(10))
        return CSVExport.response(name: "needs-list-\(day)", header: header) { emit in
            for line in cells { try await emit(line) }
        }
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
                hideName: m.field("hideName"),
                // A resident picked from those found wins over what was typed.
                resident: (m.field("pick") ?? "").isEmpty ? m.field("resident") : m.field("pick"),
                channel: m.field("channel"),
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
        // Staff enter needs for residents on their own form.
        if req.actor?.kind == .staff { return req.redirect(to: Site.enterNeed) }
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
                // Needs the person already supports (their own among them) are shown without "me too".
                let mine = Set(
                    try await NeedSupport.query(on: req.db).filter(\.$resident.$id == home.resident.requireID())
                        .filter(\.$need.$id ~~ similar.compactMap(\.need.id)).all().map(\.$need.id))
                return req.render(NeedPages.similar(req.pageContext, form: form, similar: similar, supported: mine))
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
        let actor = try req.caller.requireActor()
        guard actor.kind == .staff else { throw YishiError.denied(.roleLacksAction) }
        let form = try RaiseForm.from(req)
        let need: Need
        do {
            need = try await NeedsService.raise(input(form, req), by: req.caller)
        } catch YishiError.invalid(let fields) {
            let candidates =
                fields["resident"] == nil
                ? [] : try await ResidentHome.candidates(form.resident, by: req.caller, managing: .needManage)
            return req.render(
                NeedPages.enter(
                    req.pageContext, form: form, errors: Self.pickErrors(fields, candidates),
                    status: .unprocessableEntity,
                    categories: try await categories(req), candidates: candidates, year: Show.year(req.caller.now)))
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

    func show(req: Request) async throws -> Response { try await page(req) }

    /// A resident not found as typed: when some were found to pick from, it says to pick one.
    static func pickErrors(_ fields: [String: String], _ candidates: [ResidentCandidate]) -> FormErrors {
        var f = fields
        if !candidates.isEmpty, f["resident"] == NeedText.noResident.key { f["resident"] = NeedText.pickOne.key }
        return FormErrors(f)
    }

    /// A need's page; after a "me too" for a resident that did not go through, with its form open,
    /// what was wrong and the residents that may have been meant.
    func page(
        _ req: Request, support: NeedPages.SupportAttempt? = nil, notice: NeedText? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
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
            joined: joined, joinedNeeds: joinedNeeds.map { ($0.id!, $0.title) }, support: support,
            year: Show.year(req.caller.now))
        var ctx = req.pageContext
        if let notice { ctx.notice = ctx.t(notice) }
        return req.render(
            NeedPages.need(
                ctx, need, may: may, supported: supported, similar: similar, mergedInto: mergedInto,
                extra: extra, settings: try await settings(of: need.community, req), status: status), context: ctx)
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
}
