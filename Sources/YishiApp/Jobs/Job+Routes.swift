import Fluent
import Vapor
import YishiCore

/// A background job's page (it reloads itself until the job ends) and its JSON.
struct JobRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.job.pathComponents, use: jobPage)
    }

    func loadJob(_ req: Request) async throws -> Job {
        let p = try req.requirePrincipal()
        guard let id = req.parameters.get("jobID", as: UUID.self),
            let job = try await Job.query(on: req.db).filter(\.$id == id).with(\.$node).first()
        else { throw YishiError.notFound }
        // The person who queued it may always follow it (a territory import made across several grants has no single node).
        if job.createdByID != p.userID { try req.authorize(.territoryImport, at: job.node?.territoryPath) }
        return job
    }

    func jobPage(req: Request) async throws -> Response {
        let job = try await loadJob(req)
        let ctx = req.pageContext
        let kind = req.application.features.jobKinds[job.kind]
        return req.render(
            JobPage.view(job, ctx, placeLabel: kind?.placeLabel, result: kind?.resultView(job, ctx) ?? []))
    }
}

/// A job's page: a view of the job (its status, step, file, times, error and result), reloading
/// itself every two seconds until the job ends.
enum JobPage {
    /// `result`: the job kind's own part (`JobKindHandler.resultView`): an import's outcome, a map's summary.
    static func view(_ job: Job, _ ctx: PageContext, placeLabel: String? = nil, result: [HTMLNode] = []) -> PageView {
        var facts: [(String, String)] = [
            (ctx.t(JobText.status), ctx.t(job.status.catalogKey)),
            (ctx.t(JobText.step), job.message(ctx.lang)),
            (placeLabel.map { ctx.t($0) } ?? "", job.node?.name ?? "—"),
        ]
        if let name = job.fileName {
            let size = job.fileSize.map {
                " (\(ByteCountFormatter.string(fromByteCount: Int64($0), countStyle: .file)))"
            }
            facts.append((ctx.t(JobText.file), name + (size ?? "")))
        }
        facts += [
            (ctx.t(JobText.started), ctx.time(job.startedAt ?? job.createdAt)),
            (ctx.t(JobText.finished), ctx.time(job.finishedAt)),
        ]
        return PageView(title: ctx.t("job.kind.\(job.kind.rawValue)"), refreshSeconds: job.isFinished ? nil : 2) {
            C.progress(
                job.progress, text: "\(ctx.t(job.status.catalogKey)) · \(job.progress)%", label: ctx.t(JobText.progress)
            )
            C.facts(facts)
            if let error = job.error(ctx.lang) { C.alert(ctx.t(JobText.error), detail: error) }
            result
            if !job.isFinished { C.text(ctx.t(JobText.refresh), muted: true) }
        }
    }
}

struct JobAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get(Site.API.job.pathComponents, use: apiJob)
    }

    func apiJob(req: Request) async throws -> DTO.Job {
        DTO.Job(try await JobRoutes().loadJob(req))
    }
}
