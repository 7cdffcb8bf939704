import Fluent
import Vapor
import YishiCore

/// A background job's page (it reloads itself until the job ends) and its JSON.
struct JobRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("jobs", ":jobID", use: jobPage)
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
        req.render(JobPage.view(try await loadJob(req), req.pageContext))
    }
}

/// A job's page: a view of the job (its status, step, file, times, error and result), reloading
/// itself every two seconds until the job ends.
enum JobPage {
    static func view(_ job: Job, _ ctx: PageContext) -> PageView {
        var facts: [(String, String)] = [
            (ctx.t(JobText.status), ctx.t(job.status.catalogKey)),
            (ctx.t(JobText.step), job.message(ctx.lang)),
            (
                ctx.t(job.kind == .territoryImport ? ImportText.at.key : AtlasText.importDistrict.key),
                job.node?.name ?? "—"
            ),
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
            if let error = job.error(ctx.lang) {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    H.el("p", text: ctx.t(JobText.error))
                    H.el("p", text: error)
                }
            }
            TerritoryImportJob.view(job, ctx)
            if job.status == .succeeded, let s = job.atlasSummary {
                C.notice(
                    ctx.t(
                        JobText.result.key, String(s.nodes), String(s.edges), String(s.origins), String(s.facilities),
                        String(s.matched), String(s.kept)), tone: .ok)
                if let code = job.node?.code {
                    H.el("p", [], [C.linkButton(ctx.t(JobText.view), Site.lifeCircle(code))])
                    H.el("p", [], [H.link(ctx.t(LifeCircleText.linksLink), Site.lifeCircleLinks(code))])
                }
            }
            if !job.isFinished { H.el("p", [("class", "muted")], text: ctx.t(JobText.refresh)) }
        }
    }
}

struct JobAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("jobs", ":jobID", use: apiJob)
    }

    func apiJob(req: Request) async throws -> DTO.Job {
        DTO.Job(try await JobRoutes().loadJob(req))
    }
}
