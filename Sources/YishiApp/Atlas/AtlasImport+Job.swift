import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// The map import as a background job: reads the district's extract, builds the walking graph and
/// stores the life circle; its page shows what was built and where to look next.
enum AtlasImportJob {
    static let handler = JobKindHandler(
        kind: .atlasImport, placeLabel: AtlasText.importDistrict.key, perform: perform, resultView: view)

    @Sendable static func perform(_ job: Job, file: Attachment, app: Application) async throws -> String {
        guard let node = job.node, let id = job.id else { throw YishiError.notFound }
        let actor = try await JobRunner.auditActor(for: job, on: app.jobsDB)
        let summary = try await LifeCircleImporter.run(
            file.data, sourceName: file.name, district: node, actor: actor,
            on: app.jobsDB, time: app.effects.time, pool: app.threadPool
        ) { pct, zh, en in
            // The map reader's steps come in both languages from YishiAtlas, which has no catalog.
            try? await Job.query(on: app.jobsDB).filter(\.$id == id)
                .set(\.$progress, to: pct).set(\.$messageKey, to: nil).set(\.$messageArgs, to: nil)
                .set(\.$messageZh, to: zh).set(\.$messageEn, to: en).update()
        }
        return String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
    }

    @Sendable static func view(_ job: Job, _ ctx: PageContext) -> [HTMLNode] {
        guard job.status == .succeeded, let s = job.atlasSummary else { return [] }
        var out = [
            C.notice(
                ctx.t(
                    JobText.result, String(s.nodes), String(s.edges), String(s.origins), String(s.facilities),
                    String(s.matched), String(s.kept)), tone: .ok)
        ]
        if let code = job.node?.code {
            out.append(H.el("p", [], [C.linkButton(ctx.t(JobText.view), Site.lifeCircle(code))]))
            out.append(H.el("p", [], [H.link(ctx.t(LifeCircleText.linksLink), Site.lifeCircleLinks(code))]))
        }
        return out
    }
}
