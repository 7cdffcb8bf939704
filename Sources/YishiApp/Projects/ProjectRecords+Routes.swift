import Fluent
import Vapor
import YishiCore

/// The works' and review's pages: a record (staff) or a problem (a resident), its files, a
/// problem taken to a meeting, the satisfaction survey started.
struct ProjectRecordRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.on(.POST, Site.Pattern.projectRecords.pathComponents, body: .collect(maxSize: max), use: add)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(Site.Pattern.projectRecordFile.pathComponents, use: file)
        routes.post(Site.Pattern.recordMeeting.pathComponents, use: link)
        routes.post(Site.Pattern.projectSurvey.pathComponents, use: survey)
    }

    func add(req: Request) async throws -> Response {
        let f = req.multipartForm
        let pid = req.parameters.get("projectID", as: UUID.self)
        let kind = f?.field("kind")
        do {
            _ = try await ProjectRecords.add(
                pid,
                .init(
                    kind: kind, text: f?.field("text") ?? "", party: f?.field("party") ?? "",
                    method: f?.field("method") ?? "", amount: f?.field("amount") ?? "",
                    percent: f?.field("percent") ?? "", result: f?.field("result") ?? "", date: f?.field("date") ?? "",
                    meeting: f?.field("meeting").flatMap(UUID.init(uuidString:)), files: Uploads.parts(f, "photos")),
                by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                ProjectPages.project(
                    req.pageContext, try await ProjectRoutes().model(req, errors: FormErrors(fields)),
                    status: .unprocessableEntity))
        }
        let isReview = kind.flatMap(ProjectRecordKind.init(rawValue:))?.isReview ?? false
        let notice = kind == "problem" ? WorksText.problemRaised.key : WorksText.added.key
        return req.redirect(to: Site.project(pid!, notice: notice) + (isReview ? "#review" : "#works"))
    }

    func file(req: Request) async throws -> Response {
        Uploads.response(
            try await ProjectRecords.file(
                req.parameters.get("projectID", as: UUID.self), record: req.parameters.get("recordID", as: UUID.self),
                req.parameters.get("n", as: Int.self), by: req.caller))
    }

    struct LinkForm: Content { var meeting: String? }

    func link(req: Request) async throws -> Response {
        let f = try req.content.decode(LinkForm.self)
        let r = try await ProjectRecords.link(
            req.parameters.get("recordID", as: UUID.self), meeting: f.meeting.flatMap(UUID.init(uuidString:)),
            by: req.caller)
        return req.redirect(to: Site.project(r.$project.id, notice: WorksText.problemLinked.key) + "#works")
    }

    func survey(req: Request) async throws -> Response {
        let q = try await ProjectSurveys.start(
            req.parameters.get("projectID", as: UUID.self), lang: req.pageContext.lang, by: req.caller)
        return req.redirect(to: Site.questionnaire(q.id!, notice: WorksText.surveyStarted.key))
    }
}
