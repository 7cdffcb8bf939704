import Vapor
import YishiCore

/// The project page's people: its working group, following it, and where to see lists in full.
extension ProjectPages {
    static func roleName(_ ctx: PageContext, _ r: WorkingGroupRole) -> String {
        switch r {
        case .resident: ctx.t(ProjectText.roleResident)
        case .planner: ctx.t(ProjectText.rolePlanner)
        case .committee: ctx.t(ProjectText.roleCommittee)
        case .ownersCommittee: ctx.t(ProjectText.roleOwnersCommittee)
        case .contractor: ctx.t(ProjectText.roleContractor)
        }
    }

    /// The working group by role; staff add and remove members.
    static func workingGroup(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        C.section(ctx.t(ProjectText.workingGroup)) {
            if m.members.isEmpty { C.text(ctx.t(ProjectText.workingGroupEmpty), muted: true) }
            H.el(
                "ul", [("class", "spaced")],
                m.members.map { member in
                    H.el(
                        "li", [],
                        [.text(roleName(ctx, member.role) + (ctx.lang == .zhHans ? "：" : ": ") + member.name + " ")]
                            + (m.manage
                                ? [
                                    Forms.button(
                                        ctx, action: Site.memberRemove(member.id!),
                                        label: ctx.t(ProjectText.memberRemove))
                                ] : []))
                })
            if m.manage {
                H.el("details", [("class", "more no-print")]) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(ProjectText.memberAdd))
                    Forms.form(
                        ctx, action: Site.projectMembers(m.project.id!),
                        [
                            Forms.select(
                                ctx, "role", label: ctx.t(ProjectText.memberRole),
                                options: WorkingGroupRole.allCases.map { ($0.rawValue, roleName(ctx, $0)) },
                                selected: nil, required: true, errors: m.errors, includeBlank: false),
                            Forms.field(
                                ctx, "who", label: ctx.t(ProjectText.memberWho), required: true, errors: m.errors,
                                hint: ctx.t(ProjectText.memberWhoHint)),
                            Forms.submit(ctx.t(ProjectText.memberAdd)),
                        ])
                }
            }
        }
    }

    /// Under a list cut to the latest few: where to see them all.
    static func latestOnly(_ ctx: PageContext, _ p: Project, count: Int) -> HTMLNode {
        guard count >= ProjectsService.recent else { return .group([]) }
        return H.el(
            "p", [("class", "muted")],
            [H.link(ctx.t(WorksText.latestOnly, String(ProjectsService.recent)), Site.projectStory(p.id!))])
    }

    /// Follow (with text messages if wanted) or stop; the story page.
    static func follow(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        let p = m.project
        return H.el("div", [("class", "no-print")]) {
            H.el(
                "p", [],
                [
                    C.linkButton(ctx.t(WorksText.story), Site.projectStory(p.id!), primary: false),
                    .text(" "),
                    p.node.level >= .community
                        ? C.linkButton(
                            ctx.t(MapText.onMap), Site.planningMap(p.$node.id, project: p.id!), primary: false)
                        : .group([]),
                ])
            if m.signedIn {
                if m.following != nil {
                    Forms.button(
                        ctx, action: Site.projectFollow(p.id!), label: ctx.t(WorksText.unfollow),
                        hidden: [("stop", "1")])
                } else {
                    Forms.form(
                        ctx, action: Site.projectFollow(p.id!),
                        [
                            Forms.checkboxes(
                                ctx, "sms", legend: ctx.t(WorksText.follow),
                                options: [("on", ctx.t(WorksText.followSMS))],
                                checked: [], hint: ctx.t(WorksText.followHint)),
                            Forms.submit(ctx.t(WorksText.follow)),
                        ])
                }
                C.text(ctx.t(WorksText.followers, String(m.followers)), muted: true)
            }
        }
    }
}
