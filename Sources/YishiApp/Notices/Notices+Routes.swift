import Fluent
import Vapor
import YishiCore

/// The public notices' pages: a place's notices, drafting and publishing (staff), a notice with
/// its objections and answers (anyone), objecting (a resident, or staff for a paper one), its A4
/// poster and its files.
struct NoticeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.notices.pathComponents, use: mine)
        routes.get(Site.Pattern.nodeNotices.pathComponents, use: list)
        routes.get(Site.newNotice.pathComponents, use: newForm)
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.on(.POST, Site.notices.pathComponents, body: .collect(maxSize: max), use: create)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.notice.pathComponents, use: show)
        routes.get(Site.Pattern.noticePoster.pathComponents, use: poster)
        routes.get(Site.Pattern.noticeFile.pathComponents, use: file)
        routes.post(Site.Pattern.noticePublish.pathComponents, use: publish)
        routes.post(Site.Pattern.noticeObjections.pathComponents, use: object)
        routes.post(Site.Pattern.noticeAnswer.pathComponents, use: answer)
    }

    /// A resident's community's notices; staff's first place; anyone else the newest of all.
    func mine(req: Request) async throws -> Response {
        if let place = await req.ownPlace() { return req.redirect(to: Site.nodeNotices(place)) }
        let notices = try await PublicNotice.query(on: req.db).filter(\.$status == .published).with(\.$node)
            .sort(\.$endsAt, .descending).limit(50).all()
        return req.render(
            NoticePages.list(req.pageContext, node: nil, notices: notices, now: req.caller.now, manage: false))
    }

    func list(req: Request) async throws -> Response {
        let node = try await TerritoryQueries.node(req.parameters.get("nodeID", as: UUID.self), on: req.db)
        let manage = req.caller.allows(.noticeManage, at: node.territoryPath)
        let notices = try await NoticesService.concerning(node, drafts: manage, on: req.db)
        return req.render(
            NoticePages.list(req.pageContext, node: node, notices: notices, now: req.caller.now, manage: manage))
    }

    struct DraftForm: Sendable {
        var node: String?
        var title: String?
        var body: String?
        var days: String?
    }

    func newForm(req: Request) async throws -> Response {
        let node = try await req.caller.node(try? req.query.get(UUID.self, at: "node"), for: .noticeManage)
        return req.render(NoticePages.draft(req.pageContext, node: node, form: DraftForm(node: node.id?.uuidString)))
    }

    func create(req: Request) async throws -> Response {
        let form = req.multipartForm
        let f = DraftForm(
            node: form?.field("node"), title: form?.field("title"), body: form?.field("body"), days: form?.field("days")
        )
        let node = try await req.caller.node(f.node.flatMap(UUID.init(uuidString:)), for: .noticeManage)
        do {
            let n = try await NoticesService.create(
                .init(
                    node: node.requireID(), title: f.title ?? "", body: f.body ?? "", days: f.days,
                    files: Uploads.parts(form, "files")), by: req.caller)
            return req.redirect(to: Site.notice(n.id!, notice: NoticeText.created.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                NoticePages.draft(
                    req.pageContext, node: node, form: f, errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    /// Everything a notice's page and poster show.
    func model(_ req: Request) async throws -> NoticePages.Model {
        let caller = req.caller
        let n = try await NoticesService.readable(req.parameters.get("noticeID", as: UUID.self), by: caller)
        let objections = try await NoticesService.objections(of: n, on: req.db)
        let manage = caller.allows(.noticeManage, at: n.node.territoryPath)
        var subject: [HTMLNode] = []
        var posterSubject: [HTMLNode] = []
        if let kind = n.subjectKind, let id = n.subjectID, let s = req.application.features.noticeSubjects[kind] {
            subject = try await s.view(id, req.db, req.pageContext, false)
            posterSubject = try await s.view(id, req.db, req.pageContext, true)
        }
        let now = caller.now
        let open = n.status == .published && n.period?.takesObjections(at: now) == true
        var mayObject = false
        if open, req.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: caller, managing: .noticeManage)
        {
            mayObject =
                caller.allows(.noticeObject, at: home.building.territoryPath)
                && n.node.territoryPath.contains(home.building.territoryPath)
        }
        return NoticePages.Model(
            notice: n, objections: objections, files: try await NoticesService.files(of: n.requireID(), on: req.db),
            outcome: NoticesService.outcome(n, objections, now: now), subject: subject, posterSubject: posterSubject,
            open: open, mayObject: mayObject, manage: manage, signedIn: req.actor != nil,
            link: Self.base(req) + Site.notice(n.id!), office: try await office(of: n.node, req))
    }

    /// The platform's address as residents reach it: the configured public address, else this request's host.
    static func base(_ req: Request) -> String {
        if let url = req.settings.publicURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        let host = (req.headers.first(name: .host) ?? "").filter { $0.isLetter || $0.isNumber || ".:-[]".contains($0) }
        return host.isEmpty ? "" : "http://\(host)"
    }

    /// The committee office of the community the notice is at or in, when it has one on record.
    func office(of node: TerritoryNode, _ req: Request) async throws -> (name: String, address: String, phone: String)?
    {
        let ids = node.territoryPath.ids
        guard ids.count > 2, let community = try await TerritoryNode.find(ids[2], on: req.db),
            let address = community.officeAddress, !address.isEmpty
        else { return nil }
        let hours = community.officeHours.map { " · " + $0 } ?? ""
        return (community.name, address + hours, community.officePhone ?? "—")
    }

    func show(req: Request) async throws -> Response {
        req.render(NoticePages.notice(req.pageContext, try await model(req)))
    }

    func poster(req: Request) async throws -> Response {
        req.render(NoticePages.poster(req.pageContext, try await model(req)))
    }

    /// A file of a notice, to whoever may read the notice.
    func file(req: Request) async throws -> Response {
        let n = try await NoticesService.readable(req.parameters.get("noticeID", as: UUID.self), by: req.caller)
        guard let fid = req.parameters.get("fileID", as: UUID.self),
            try await NoticesService.files(of: n.requireID(), on: req.db).contains(where: { $0.id == fid }),
            let a = try await Attachment.find(fid, on: req.db)
        else { throw YishiError.notFound }
        return Uploads.response(a)
    }

    func publish(req: Request) async throws -> Response {
        let n = try await req.noticePublished(
            try await NoticesService.publish(req.parameters.get("noticeID", as: UUID.self), by: req.caller))
        return req.redirect(to: Site.notice(n.id!, notice: NoticeText.published.key))
    }

    struct ObjectionForm: Content {
        var text: String?
        var resident: String?
        var channel: String?
    }

    func object(req: Request) async throws -> Response {
        let id = req.parameters.get("noticeID", as: UUID.self)
        let f = try req.content.decode(ObjectionForm.self)
        do {
            _ = try await NoticesService.object(
                id, text: f.text ?? "", forResident: f.resident, channel: f.channel.flatMap(YishiCore.Channel.init),
                by: req.caller)
        } catch YishiError.invalid(let fields) {
            var m = try await model(req)
            m.form = f
            m.errors = FormErrors(fields)
            return req.render(NoticePages.notice(req.pageContext, m, status: .unprocessableEntity))
        }
        return req.redirect(to: Site.notice(id!, notice: NoticeText.objected.key))
    }

    struct AnswerForm: Content { var answer: String? }

    func answer(req: Request) async throws -> Response {
        let id = req.parameters.get("noticeID", as: UUID.self)
        let f = try req.content.decode(AnswerForm.self)
        do {
            _ = try await NoticesService.answer(
                id, objection: req.parameters.get("objectionID", as: UUID.self), text: f.answer ?? "", by: req.caller)
        } catch YishiError.invalid(let fields) {
            var m = try await model(req)
            m.errors = FormErrors(fields)
            return req.render(NoticePages.notice(req.pageContext, m, status: .unprocessableEntity))
        }
        return req.redirect(to: Site.notice(id!, notice: NoticeText.answered.key))
    }
}
