import Fluent
import Vapor
import YishiCore

/// Following a project, and "My messages": the notifications a follower gets.
struct ProjectFollowingRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post(Site.Pattern.projectFollow.pathComponents, use: follow)
        routes.get(Site.notifications.pathComponents, use: notifications)
        routes.post(Site.notificationsRead.pathComponents, use: markRead)
        routes.get(Site.Pattern.projectStory.pathComponents, use: story)
    }

    func story(req: Request) async throws -> Response {
        req.render(
            ProjectStory.page(
                req.pageContext,
                try await ProjectStory.model(req.parameters.get("projectID", as: UUID.self), by: req.caller)))
    }

    struct FollowForm: Content {
        var sms: String?
        var stop: String?
    }

    func follow(req: Request) async throws -> Response {
        let f = try req.content.decode(FollowForm.self)
        let id = req.parameters.get("projectID", as: UUID.self)
        if f.stop == "1" {
            _ = try await ProjectFollowing.unfollow(id, by: req.caller)
            return req.redirect(to: Site.project(id!, notice: WorksText.unfollowed.key))
        }
        _ = try await ProjectFollowing.follow(id, sms: f.sms == "on", by: req.caller)
        return req.redirect(to: Site.project(id!, notice: WorksText.followed.key))
    }

    func notifications(req: Request) async throws -> Response {
        let actor = try req.caller.requireActor()
        let list = try await ProjectFollowing.of(user: actor.userId, on: req.db)
        return req.render(Self.page(req.pageContext, list))
    }

    func markRead(req: Request) async throws -> Response {
        try await ProjectFollowing.markRead(by: req.caller, on: req.writeDB)
        return req.redirect(to: Site.notifications)
    }

    static func text(_ ctx: PageContext, _ n: Notification) -> String {
        guard let t = WorksText.allCases.first(where: { $0.key == n.textKey }) else { return n.textKey }
        return t.text(ctx.lang, n.args(ctx.lang))
    }

    static func page(_ ctx: PageContext, _ list: [Notification]) -> PageView {
        PageView(title: ctx.t(WorksText.notificationsTitle)) {
            if list.isEmpty {
                C.empty(ctx.t(WorksText.notificationsEmpty), action: (ctx.t(ProjectText.title), Site.projects))
            } else {
                if list.contains(where: { $0.readAt == nil }) {
                    H.el("p", [], [Forms.button(ctx, action: Site.notificationsRead, label: ctx.t(WorksText.markRead))])
                }
                H.el(
                    "ul", [("class", "notes")],
                    list.map { n in
                        H.el(
                            "li", [],
                            (n.readAt == nil ? [C.tag(ctx.t(WorksText.unread), tone: .warning)] : []) + [
                                H.link(text(ctx, n), n.link),
                                H.el("span", [("class", "muted")], text: Show.dateTime(n.createdAt)),
                            ])
                    })
            }
        }
    }
}
