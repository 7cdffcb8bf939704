import Fluent
import Vapor
import YishiCore

/// A project's notices (its decision, its design, its accounts later): published through the notice
/// mechanism with the project as their subject; one whose period ended with every objection answered
/// meets a stage's `notice` requirement when it was published at that stage.
enum ProjectNotices {
    static let kind = "project"

    static let subject = NoticeSubject(
        kind: kind,
        view: { id, db, ctx, poster in
            guard let p = try await Project.find(id, on: db),
                let node = try await p.$node.get(on: db) as TerritoryNode?
            else { return [] }
            let t = try await Workflows.template(p.templateKey, for: node, on: db)
            let line = ctx.t(ProjectText.noticeOf, p.title, ProjectPages.stageLine(ctx, p, t))
            return [poster ? C.text(line) : H.el("p", [], [H.link(line, Site.project(id))])]
        },
        // The project's followers hear that a notice of it is open for objections.
        published: { id, notice, caller in
            guard let p = try await Project.find(id, on: caller.db) else { return }
            let (args, now) = ([p.title, notice.title], caller.now)
            let (db, link) = (caller.db, Site.notice(try notice.requireID()))
            try await WriteGate.run(db) {
                try await db.transaction { tx in
                    try await ProjectFollowing.notify(id, WorksText.notifyNotice, args, link: link, now: now, on: tx)
                }
            }
            await ProjectFollowing.textFollowers(id, WorksText.notifyNotice, args, by: caller)
        })
}
