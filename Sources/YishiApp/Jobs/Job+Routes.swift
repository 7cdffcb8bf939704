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
        let job = try await loadJob(req)
        let ctx = req.pageContext
        var facts: [(String, String)] = [
            (ctx.t("job.status"), ctx.t(job.status.catalogKey)),
            (ctx.t("job.step"), job.message(ctx.lang)),
            (ctx.t(job.kind == .territoryImport ? "import.at" : "atlas.import.district"), job.node?.name ?? "—"),
        ]
        if let name = job.fileName {
            facts.append(
                (
                    ctx.t("job.file"),
                    name
                        + (job.fileSize.map {
                            " (\(ByteCountFormatter.string(fromByteCount: Int64($0), countStyle: .file)))"
                        } ?? "")
                ))
        }
        facts += [
            (ctx.t("job.started"), ctx.time(job.startedAt ?? job.createdAt)),
            (ctx.t("job.finished"), ctx.time(job.finishedAt)),
        ]
        var content: [HTMLNode] = [
            H.el(
                "p", [("class", "progress-text"), ("role", "status")],
                text: "\(ctx.t(job.status.catalogKey)) · \(job.progress)%"),
            H.el(
                "progress", [("max", "100"), ("value", String(job.progress)), ("aria-label", ctx.t("job.progress"))],
                text: "\(job.progress)%"),
            H.el("dl", [("class", "facts")], facts.flatMap { [H.el("dt", text: $0.0), H.el("dd", text: $0.1)] }),
        ]
        if let error = job.error(ctx.lang) {
            content.append(
                H.el(
                    "div", [("class", "error-summary"), ("role", "alert")],
                    [H.el("p", text: ctx.t("job.error")), H.el("p", text: error)]))
        }
        content += TerritoryImportJob.view(job, ctx)
        if job.status == .succeeded, let s = job.atlasSummary {
            content.append(
                H.el(
                    "p", [("class", "notice")],
                    text: ctx.t(
                        "job.result", String(s.nodes), String(s.edges), String(s.origins), String(s.facilities),
                        String(s.matched), String(s.kept))))
            if let code = job.node?.code {
                content.append(
                    H.el(
                        "p", [],
                        [
                            H.el(
                                "a", [("class", "button primary"), ("href", "/lifecircle/\(code)")],
                                text: ctx.t("job.view"))
                        ]))
                content.append(H.el("p", [], [H.link(ctx.t("lifeCircle.linksLink"), "/lifecircle/\(code)/links")]))
            }
        }
        if !job.isFinished { content.append(H.el("p", [("class", "muted")], text: ctx.t("job.refresh"))) }
        return Layout.page(
            ctx, title: ctx.t("job.kind.\(job.kind.rawValue)"), refreshSeconds: job.isFinished ? nil : 2, content)
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
