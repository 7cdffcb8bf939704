import Fluent
import Vapor
import YishiCore

/// The home page: a welcome for visitors, "my community" for residents, "my scope" for staff.
struct HomeRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    func home(req: Request) async throws -> Response {
        req.render(HomePage.view(try await HomePage.load(req.principal, on: req.db), req.pageContext))
    }
}

/// The home page's model and view.
enum HomePage {
    /// One card per role the staff member holds: where, and what is there.
    struct StaffCard: Sendable {
        var role: Role
        /// The node the role is held at; nil for a platform-wide role.
        var place: (name: String, id: UUID)?
        var counts: (children: Int, units: Int, households: Int, residents: Int)?
    }

    enum Model: Sendable {
        case visitor
        case staff([StaffCard])
        /// A resident: verified or not, their community and household when the register knows them.
        case resident(verified: Bool, community: (name: String, id: UUID)?, household: String?)
    }

    static func load(_ principal: Principal?, on db: any Database) async throws -> Model {
        guard let p = principal else { return .visitor }
        if p.actor.kind == .resident { return try await resident(p, on: db) }
        // The grants came with the principal; every card's counts come in one query.
        let placed = p.held.compactMap { g in g.path.map { (g, $0) } }
        let counts = try await TerritoryQueries.stats(placed.map(\.1), on: db)
        var next = 0
        let cards = p.held.map { g -> StaffCard in
            guard let path = g.path else { return StaffCard(role: g.role, place: nil, counts: nil) }
            let (stats, children, _) = counts[next]
            next += 1
            return StaffCard(
                role: g.role, place: (g.nodeName ?? "", path.nodeId),
                counts: (children, stats.units, stats.households, stats.residents))
        }
        return .staff(cards)
    }

    static func resident(_ p: Principal, on db: any Database) async throws -> Model {
        guard let user = try await User.find(p.userID, on: db), let rid = user.$resident.id,
            let resident = try await Resident.find(rid, on: db),
            let home = try await Residents.home(of: resident, on: db)
        else { return .resident(verified: p.actor.isVerified, community: nil, household: nil) }
        let path = try await TerritoryNode.query(on: db).filter(\.$id ~~ home.building.ids).all()
        let ordered = home.building.ids.compactMap { id in path.first { $0.id == id } }
        let household = try await Household.find(resident.$household.id, on: db)
        let unit = try await Unit.find(household?.$unit.id, on: db)
        let community = ordered.first { $0.level == .community }
        return .resident(
            verified: p.actor.isVerified, community: community.map { ($0.name, $0.id!) },
            household: (ordered.dropFirst(2).map(\.name) + [unit?.number ?? ""]).joined(separator: " "))
    }

    static func view(_ m: Model, _ ctx: PageContext) -> PageView {
        switch m {
        case .visitor:
            PageView(title: ctx.t(HomeText.welcomeTitle)) {
                H.el("p", text: ctx.t(HomeText.welcomeBody))
                H.el("p", [], [C.linkButton(ctx.t(NavigationText.signin), Site.signIn, primary: false)])
            }
        case .staff(let cards):
            PageView(title: ctx.t(HomeText.staffTitle)) {
                if cards.isEmpty {
                    C.empty(ctx.t(HomeText.staffNoRoles))
                } else {
                    H.el("ul", [("class", "cards")]) {
                        for card in cards {
                            H.el("li", [("class", "card")]) {
                                H.el("h2", text: ctx.name(card.role))
                                if let place = card.place {
                                    H.el("a", [("class", "big"), ("href", Site.node(place.id))], text: place.name)
                                } else {
                                    H.el(
                                        "a", [("class", "big"), ("href", Site.territory)],
                                        text: ctx.t(HomeText.staffPlatform))
                                }
                                if let c = card.counts {
                                    H.el(
                                        "p", [("class", "muted")],
                                        text: ctx.t(
                                            HomeText.staffCounts.key, String(c.children), String(c.units),
                                            String(c.households),
                                            String(c.residents)))
                                }
                            }
                        }
                    }
                }
            }
        case .resident(let verified, let community, let household):
            PageView(title: ctx.t(HomeText.residentTitle)) {
                if !verified { C.notice(ctx.t(HomeText.residentUnverified), tone: .warning) }
                if let community {
                    H.el("h2", text: community.name)
                    H.el("p", text: ctx.t(HomeText.residentHousehold, household ?? ""))
                    H.el("p", [], [C.linkButton(community.name, Site.node(community.id), primary: false)])
                } else {
                    H.el("p", text: ctx.t(HomeText.residentNoCommunity))
                }
            }
        }
    }
}
