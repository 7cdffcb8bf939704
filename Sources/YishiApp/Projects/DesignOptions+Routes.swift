import Fluent
import Vapor
import YishiCore

/// Design options' pages: adding an option or a new version, comments, choosing by a resolution,
/// two side by side, the drawing.
struct DesignOptionRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.on(.POST, Site.Pattern.projectOptions.pathComponents, body: .collect(maxSize: max), use: add)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.projectCompare.pathComponents, use: compare)
        routes.post(Site.Pattern.optionComments.pathComponents, use: comment)
        routes.post(Site.Pattern.optionChoose.pathComponents, use: choose)
        routes.post(Site.Pattern.projectChoose.pathComponents, use: chooseForProject)
        routes.get(Site.Pattern.optionDrawing.pathComponents, use: drawing)
    }

    func add(req: Request) async throws -> Response {
        let f = req.multipartForm
        let pid = req.parameters.get("projectID", as: UUID.self)
        do {
            _ = try await DesignOptions.add(
                pid, label: f?.field("label") ?? "", description: f?.field("description") ?? "", cost: f?.field("cost"),
                file: Uploads.parts(f, "file"), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                ProjectPages.project(
                    req.pageContext, try await ProjectRoutes().model(req, errors: FormErrors(fields)),
                    status: .unprocessableEntity))
        }
        return req.redirect(to: Site.project(pid!, notice: ProjectText.optionAdded.key) + "#options")
    }

    func compare(req: Request) async throws -> Response {
        let p = try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        let ids = [try? req.query.get(UUID.self, at: "a"), try? req.query.get(UUID.self, at: "b")].compactMap { $0 }
        let options = try await DesignOptions.of(p, on: req.db).filter { ids.contains($0.id!) }
        guard options.count == 2 else { throw YishiError.notFound }
        return req.render(ProjectPages.compare(req.pageContext, p, options))
    }

    struct CommentForm: Content { var comment: String? }

    func comment(req: Request) async throws -> Response {
        let f = try req.content.decode(CommentForm.self)
        let o = try await DesignOptions.comment(
            req.parameters.get("optionID", as: UUID.self), text: f.comment ?? "", by: req.caller)
        return req.redirect(to: Site.project(o.$project.id, notice: ProjectText.optionCommented.key) + "#options")
    }

    struct ChooseForm: Content { var resolution: String? }

    func choose(req: Request) async throws -> Response {
        let f = try req.content.decode(ChooseForm.self)
        let o = try await DesignOptions.choose(
            req.parameters.get("optionID", as: UUID.self), resolution: f.resolution.flatMap(UUID.init(uuidString:)),
            by: req.caller)
        return req.redirect(to: Site.project(o.$project.id, notice: ProjectText.chosen.key) + "#options")
    }

    struct ProjectChooseForm: Content {
        var option: String?
        var resolution: String?
    }

    /// The project page's one choosing form: the option and the resolution it rests on.
    func chooseForProject(req: Request) async throws -> Response {
        let f = try req.content.decode(ProjectChooseForm.self)
        let pid = req.parameters.get("projectID", as: UUID.self)
        guard let oid = f.option.flatMap(UUID.init(uuidString:)),
            let o = try await DesignOption.find(oid, on: req.db), o.$project.id == pid
        else { throw YishiError.notFound }
        _ = try await DesignOptions.choose(
            oid, resolution: f.resolution.flatMap(UUID.init(uuidString:)), by: req.caller)
        return req.redirect(to: Site.project(o.$project.id, notice: ProjectText.chosen.key) + "#options")
    }

    func drawing(req: Request) async throws -> Response {
        guard let id = req.parameters.get("optionID", as: UUID.self),
            let o = try await DesignOption.query(on: req.db).filter(\.$id == id).with(\.$attachment).first(),
            let a = o.attachment
        else { throw YishiError.notFound }
        _ = try await ProjectsService.readable(o.$project.id, by: req.caller)
        return Uploads.response(a)
    }
}
