import Fluent
import Vapor
import YishiCore

/// The projects' pages: a place's projects, starting one from listed needs, a project with its
/// workflow (what the stage needs, moving on or back), its needs, documents and history; a
/// district's own workflow templates.
struct ProjectRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.projects.pathComponents, use: mine)
        routes.get(Site.Pattern.nodeProjects.pathComponents, use: list)
        routes.get(Site.newProject.pathComponents, use: newForm)
        routes.post(Site.projects.pathComponents, use: create)
        routes.get(Site.projectWorkflows.pathComponents, use: workflows)
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.on(.POST, Site.projectWorkflows.pathComponents, body: .collect(maxSize: max), use: addWorkflow)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.project.pathComponents, use: show)
        routes.post(Site.Pattern.projectMove.pathComponents, use: move)
        routes.on(.POST, Site.Pattern.projectDocuments.pathComponents, body: .collect(maxSize: max), use: addDocument)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.projectDocument.pathComponents, use: document)
        routes.post(Site.Pattern.projectNotices.pathComponents, use: notice)
        routes.post(Site.Pattern.projectMembers.pathComponents, use: addMember)
        routes.post(Site.Pattern.memberRemove.pathComponents, use: removeMember)
    }

    struct MemberForm: Content {
        var role: String?
        var who: String?
    }

    func addMember(req: Request) async throws -> Response {
        let f = try req.content.decode(MemberForm.self)
        let id = req.parameters.get("projectID", as: UUID.self)
        do {
            _ = try await ProjectsService.addMember(id, role: f.role, who: f.who ?? "", by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                ProjectPages.project(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.project(id!, notice: ProjectText.memberAdded.key))
    }

    func removeMember(req: Request) async throws -> Response {
        let m = try await ProjectsService.removeMember(req.parameters.get("memberID", as: UUID.self), by: req.caller)
        return req.redirect(to: Site.project(m.$project.id, notice: ProjectText.memberRemoved.key))
    }

    func mine(req: Request) async throws -> Response {
        if let place = await req.ownPlace() { return req.redirect(to: Site.nodeProjects(place)) }
        _ = try req.caller.requireActor()
        let ctx = req.pageContext
        return req.render(PageView(title: ctx.t(ProjectText.title)) { C.empty(ctx.t(ProjectText.listEmpty)) })
    }

    /// Projects a list page shows.
    static let perPage = 30

    func list(req: Request) async throws -> Response {
        let page = max(0, (try? req.query.get(Int.self, at: "page")) ?? 0)
        let node = try await TerritoryQueries.node(req.parameters.get("nodeID", as: UUID.self), on: req.db)
        return req.render(try await Self.listView(node, page: page, by: req.caller, ctx: req.pageContext))
    }

    /// A place's projects, a page of them (newest changes first), with its figures on the first
    /// page (the page and `bench projects`).
    static func listView(_ node: TerritoryNode, page: Int, by caller: Caller, ctx: PageContext) async throws
        -> PageView
    {
        let manage = caller.allows(.projectManage, at: node.territoryPath)
        if !manage { try caller.authorize(.needRead, at: node.territoryPath) }
        let path = node.territoryPath
        let projects = try await Project.query(on: caller.db)
            .join(TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id)
            .filter(TerritoryNode.self, \.$path >= path.encoded).filter(
                TerritoryNode.self, \.$path < path.subtreeUpperBound
            )
            .sort(\.$updatedAt, .descending).sort(\.$id).range((page * perPage)..<((page + 1) * perPage + 1)).all()
        let templates = try await Workflows.available(for: node, on: caller.db)
        return ProjectPages.list(
            ctx, node: node, projects: Array(projects.prefix(perPage)), templates: templates, manage: manage,
            page: page, more: projects.count > perPage,
            figures: page == 0 ? try await ProjectStatistics.figures(below: node, lang: ctx.lang, on: caller.db) : nil)
    }

    func listedNeeds(_ node: TerritoryNode, _ req: Request) async throws -> [NeedsService.Row] {
        try await NeedsService.rankedRows(below: node, limit: nil, on: req.db).filter { $0.status == .accepted }
    }

    func newForm(req: Request) async throws -> Response {
        let node = try await req.caller.node(try? req.query.get(UUID.self, at: "node"), for: .projectManage)
        // Filled in from where it was opened (a diagnosis report's recommendation).
        let items: [(name: String, value: String?)] = (req.url.query ?? "").split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            return (parts.first ?? "", parts.count > 1 ? parts[1] : nil)
        }
        func one(_ name: String) -> String? { items.first { $0.name == name }?.value }
        return req.render(
            ProjectPages.new(
                req.pageContext, node: node, needs: try await listedNeeds(node, req),
                templates: try await Workflows.available(for: node, on: req.db),
                form: .init(
                    title: one("title"), description: one("description"),
                    needs: items.filter { $0.name == "needs[]" }.compactMap(\.value))))
    }

    struct NewForm: Sendable {
        var node: String?
        var title: String?
        var description: String?
        var kind: String?
        var initiator: String?
        var budget: String?
        var template: String?
        var needs: [String] = []
        var point: String?
    }

    func create(req: Request) async throws -> Response {
        let (_, f) = QuestionnaireRoutes.parse(req)
        var form = NewForm(
            node: f["node"], title: f["title"], description: f["description"], kind: f["kind"],
            initiator: f["initiator"], budget: f["budget"], template: f["template"], point: f["point"])
        form.needs = req.formValues("needs")
        let node = try await req.caller.node(form.node.flatMap(UUID.init(uuidString:)), for: .projectManage)
        do {
            let p = try await ProjectsService.create(
                .init(
                    node: node.id, title: form.title ?? "", description: form.description ?? "", kind: form.kind,
                    initiator: form.initiator, budget: form.budget, template: form.template,
                    needs: form.needs.compactMap(UUID.init(uuidString:)), point: form.point), by: req.caller)
            return req.redirect(to: Site.project(p.id!, notice: ProjectText.created.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                ProjectPages.new(
                    req.pageContext, node: node, needs: try await listedNeeds(node, req),
                    templates: try await Workflows.available(for: node, on: req.db), form: form,
                    errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    func model(_ req: Request, errors: FormErrors = FormErrors()) async throws -> ProjectPages.Model {
        let p = try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        return try await Self.model(of: p, by: req.caller, errors: errors)
    }

    /// Everything a project's page shows, as the caller may see it (the page and `bench projects`).
    static func model(of p: Project, by caller: Caller, errors: FormErrors = FormErrors()) async throws
        -> ProjectPages.Model
    {
        let db = caller.db
        let t = try await Workflows.template(p.templateKey, for: p.node, on: db)
        let record = try await ProjectsService.record(
            p, now: caller.now, user: caller.actor?.userId,
            stage: ProjectsService.stage(of: p, t) ?? WorkflowStage(key: "done", name: .init(zh: "", en: "")),
            forStaff: caller.allows(.projectManage, at: p.node.territoryPath), on: db)
        let manage = caller.allows(.projectManage, at: p.node.territoryPath)
        let finished = t.map { p.stage >= $0.stages.count } ?? false
        // Comments and problem reports are for a project still under way.
        var mayComment = manage && !finished
        if !manage, !finished, caller.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: caller, managing: .projectManage)
        {
            mayComment = p.node.territoryPath.contains(home.path)
        }
        return .init(
            project: p, template: t, facts: ProjectsService.facts(p, record), needs: record.needs,
            documents: record.documents, history: record.history, manage: manage, errors: errors,
            meetings: record.meetings.filter { !$0.kind.isInternal || manage }, options: record.options,
            optionComments: try await DesignOptions.comments(of: record.options, on: db),
            passedResolutions: record.passed, mayComment: mayComment, records: record.records, survey: record.survey,
            signedIn: caller.actor != nil, following: record.flags.following, followers: record.flags.followers,
            members: try await ProjectsService.members(of: p, on: db),
            plannersWorked: try await PlannerServiceEntry.query(on: db).filter(\.$projectID == p.id!).first() != nil)
    }

    func show(req: Request) async throws -> Response {
        req.render(ProjectPages.project(req.pageContext, try await model(req)))
    }

    struct MoveForm: Content {
        var direction: String?
        var reason: String?
    }

    func move(req: Request) async throws -> Response {
        let f = try req.content.decode(MoveForm.self)
        let forward = f.direction != "back"
        do {
            let p = try await ProjectsService.move(
                req.parameters.get("projectID", as: UUID.self), forward: forward, reason: f.reason, by: req.caller)
            return req.redirect(
                to: Site.project(p.id!, notice: (forward ? ProjectText.moved : ProjectText.movedBack).key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                ProjectPages.project(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
    }

    func addDocument(req: Request) async throws -> Response {
        let form = req.multipartForm
        do {
            let p = try await ProjectsService.addDocument(
                req.parameters.get("projectID", as: UUID.self), name: form?.field("name") ?? "",
                file: Uploads.parts(form, "file"), by: req.caller)
            return req.redirect(to: Site.project(p.id!, notice: ProjectText.documentAdded.key))
        } catch YishiError.invalid(let fields) {
            var m = try await model(req, errors: FormErrors(fields))
            m.errors = FormErrors(fields)
            return req.render(ProjectPages.project(req.pageContext, m, status: .unprocessableEntity))
        }
    }

    struct NoticeForm: Content {
        var title: String?
        var body: String?
        var days: String?
    }

    /// A notice of the project (its decision, its design) drafted at its place; published from the notice's page.
    func notice(req: Request) async throws -> Response {
        let p = try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        try req.caller.authorize(.projectManage, at: p.node.territoryPath)
        let f = try req.content.decode(NoticeForm.self)
        do {
            let n = try await NoticesService.create(
                .init(
                    node: p.$node.id, title: f.title ?? "", body: f.body ?? "", days: f.days,
                    subject: (ProjectNotices.kind, try p.requireID())), by: req.caller)
            return req.redirect(to: Site.notice(n.id!, notice: NoticeText.created.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                ProjectPages.project(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
    }

    func document(req: Request) async throws -> Response {
        let p = try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        guard let did = req.parameters.get("documentID", as: UUID.self),
            let d = try await ProjectDocument.query(on: req.db).filter(\.$id == did).filter(
                \.$project.$id == p.requireID()
            )
            .with(\.$attachment).first()
        else { throw YishiError.notFound }
        return Uploads.response(d.attachment)
    }

    func district(_ req: Request) async throws -> TerritoryNode {
        try await req.administeredDistrict(for: .projectManage)
    }

    func workflows(req: Request) async throws -> Response {
        let d = try await district(req)
        return req.render(
            ProjectPages.workflows(
                req.pageContext, district: d, templates: try await Workflows.available(for: d, on: req.db)))
    }

    func addWorkflow(req: Request) async throws -> Response {
        let d = try await district(req)
        let data = req.multipartForm?.file("file")?.data ?? Data()
        do {
            _ = try await ProjectsService.addTemplate(data, district: d.id, by: req.caller)
        } catch let refused as ProjectsService.TemplateRefused {
            return req.render(
                ProjectPages.workflows(
                    req.pageContext, district: d, templates: try await Workflows.available(for: d, on: req.db),
                    refused: refused.problems), context: nil)
        }
        return req.redirect(to: Site.projectWorkflows(d.id!) + "&notice=" + ProjectText.templateAdded.key)
    }
}
