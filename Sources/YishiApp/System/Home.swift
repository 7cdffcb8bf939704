import Fluent
import Vapor
import YishiCore

/// The home page: a welcome for visitors, "my community" for residents, "my scope" for staff.
struct HomeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    func home(req: Request) async throws -> Response {
        let ctx = req.pageContext
        guard let p = req.principal else {
            return Layout.page(
                ctx, title: ctx.t("home.welcome.title"),
                [
                    H.el("p", text: ctx.t("home.welcome.body")),
                    H.el("p", [], [H.link(ctx.t("nav.signin"), "/signin", [("class", "button secondary")])]),
                ])
        }
        if p.actor.kind == .resident { return try await resident(req, ctx, p) }
        // The grants came with the principal; every card's counts come in one query.
        let placed = p.held.compactMap { g in g.path.map { (g, $0) } }
        let counts = try await TerritoryQueries.stats(placed.map(\.1), on: req.db)
        var cards: [HTMLNode] = []
        var next = 0
        for g in p.held {
            if let path = g.path {
                let (stats, children, _) = counts[next]
                next += 1
                cards.append(
                    H.el(
                        "li", [("class", "card")],
                        [
                            H.el("h2", text: ctx.name(g.role)),
                            H.el(
                                "a", [("class", "big"), ("href", Site.node(path.nodeId))],
                                text: g.nodeName ?? ""),
                            H.el(
                                "p", [("class", "muted")],
                                text: ctx.t(
                                    "home.staff.counts", String(children), String(stats.units),
                                    String(stats.households), String(stats.residents))),
                        ]))
            } else {
                cards.append(
                    H.el(
                        "li", [("class", "card")],
                        [
                            H.el("h2", text: ctx.name(g.role)),
                            H.el("a", [("class", "big"), ("href", "/territory")], text: ctx.t("home.staff.platform")),
                        ]))
            }
        }
        return Layout.page(
            ctx, title: ctx.t("home.staff.title"),
            [
                cards.isEmpty ? H.el("p", text: ctx.t("home.staff.noRoles")) : H.el("ul", [("class", "cards")], cards)
            ])
    }

    func resident(_ req: Request, _ ctx: PageContext, _ p: Principal) async throws -> Response {
        var content: [HTMLNode] = []
        let user = try await User.find(p.userID, on: req.db)
        if !p.actor.isVerified {
            content.append(H.el("p", [("class", "notice")], text: ctx.t("home.resident.unverified")))
        }
        if let rid = user?.$resident.id, let resident = try await Resident.find(rid, on: req.db),
            let home = try await Residents.home(of: resident, on: req.db)
        {
            let path = try await TerritoryNode.query(on: req.db).filter(\.$id ~~ home.building.ids).all()
            let ordered = home.building.ids.compactMap { id in path.first { $0.id == id } }
            let household = try await Household.find(resident.$household.id, on: req.db)
            let unit = try await Unit.find(household?.$unit.id, on: req.db)
            let community = ordered.first { $0.level == .community }
            content += [
                H.el("h2", text: community?.name ?? ""),
                H.el(
                    "p",
                    text: ctx.t(
                        "home.resident.household",
                        (ordered.dropFirst(2).map(\.name) + [unit?.number ?? ""]).joined(separator: " "))),
                community.map { c in
                    H.el("p", [], [H.link(c.name, Site.node(c.id!), [("class", "button secondary")])])
                } ?? .group([]),
            ]
        } else {
            content.append(H.el("p", text: ctx.t("home.resident.noCommunity")))
        }
        return Layout.page(ctx, title: ctx.t("home.resident.title"), content)
    }
}
