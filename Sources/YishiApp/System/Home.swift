import Fluent
import Vapor
import YishiAtlas
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

    /// What a resident's home page shows.
    struct ResidentModel: Sendable {
        var verified: Bool
        /// Their community, with its committee office; nil when the register does not know them.
        var community: TerritoryNode?
        /// "宝山区 友谊路街道 宝林一村居民区 宝林一村一区 1号 101".
        var home: String?
        /// Minutes on foot to the nearest of each service type (nil: not within 15 minutes); nil
        /// when there is no life-circle data for their compound.
        var services: [(type: FacilityType, minutes: Int?)]?
        /// The place whose life-circle page to open.
        var lifeCircleCode: String?
    }

    enum Model: Sendable {
        case visitor
        case staff([StaffCard])
        case resident(ResidentModel)
    }

    static func load(_ principal: Principal?, on db: any Database) async throws -> Model {
        guard let p = principal else { return .visitor }
        if p.actor.kind == .resident { return .resident(try await resident(p, on: db)) }
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

    static func resident(_ p: Principal, on db: any Database) async throws -> ResidentModel {
        var m = ResidentModel(verified: p.actor.isVerified)
        guard let user = try await User.find(p.userID, on: db), let rid = user.$resident.id,
            let resident = try await Resident.find(rid, on: db),
            let home = try await Residents.home(of: resident, on: db)
        else { return m }
        let found = try await TerritoryNode.query(on: db).filter(\.$id ~~ home.building.ids).all()
        let ordered = home.building.ids.compactMap { id in found.first { $0.id == id } }
        let household = try await Household.find(resident.$household.id, on: db)
        let unit = try await Unit.find(household?.$unit.id, on: db)
        m.community = ordered.first { $0.level == .community }
        m.home = (ordered.map(\.name) + [unit?.number ?? ""]).filter { !$0.isEmpty }.joined(separator: " ")
        m.lifeCircleCode = m.community?.code
        if let compound = ordered.first(where: { $0.level == .compound }),
            let coverage = try await LifeCircleQueries.coverage(of: compound, on: db)
        {
            let c = coverage.coverage
            m.services = zip(c.types, c.metres).map { ($0, Coverage.walkingMinutes($1)) }
        }
        return m
    }

    static func view(_ m: Model, _ ctx: PageContext) -> PageView {
        switch m {
        case .visitor:
            PageView(title: ctx.t(HomeText.welcomeTitle)) {
                C.text(ctx.t(HomeText.welcomeBody))
                H.el("p", [], [C.linkButton(ctx.t(NavigationText.signin), Site.signIn)])
                C.text(ctx.t(HomeText.howSignIn), muted: true)
                C.section(ctx.t(HomeText.publicTitle)) {
                    C.cards([(ctx.t(NavigationText.lifeCircle), Site.lifeCircles, ctx.t(HomeText.publicLifeCircle))])
                }
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
        case .resident(let m):
            PageView(title: ctx.t(HomeText.residentTitle)) {
                if !m.verified {
                    H.el("div", [("class", "notice warning"), ("role", "status")]) {
                        H.el("h2", text: ctx.t(HomeText.verifyTitle))
                        C.text(ctx.t(HomeText.verifyGives))
                        C.text(ctx.t(HomeText.verifyWhere))
                    }
                }
                if let community = m.community {
                    C.section(ctx.t(HomeText.myHome)) {
                        C.text(m.home ?? community.name)
                        H.el(
                            "p", [],
                            [
                                C.linkButton(
                                    ctx.t(HomeText.aboutCommunity, community.name), Site.node(community.id!),
                                    primary: false)
                            ])
                    }
                    PlacePages.office(ctx, community)
                    C.section(ctx.t(HomeText.myLifeCircle)) {
                        if let services = m.services {
                            C.list(
                                services.map { s in
                                    s.minutes.map { ctx.t(HomeText.walk, ctx.name(s.type), String($0)) }
                                        ?? ctx.t(HomeText.notWithin, ctx.name(s.type))
                                })
                        } else {
                            C.empty(ctx.t(HomeText.lifeCircleNone))
                        }
                        if let code = m.lifeCircleCode {
                            H.el(
                                "p", [],
                                [
                                    C.linkButton(
                                        ctx.t(HomeText.lifeCircleOpen, community.name), Site.lifeCircle(code),
                                        primary: false)
                                ]
                            )
                        }
                    }
                } else {
                    C.empty(ctx.t(HomeText.residentNoCommunity))
                }
                C.section(ctx.t(HomeText.myNeeds)) { C.empty(ctx.t(HomeText.needsEmpty)) }
                C.section(ctx.t(HomeText.notices)) { C.empty(ctx.t(HomeText.noticesEmpty)) }
                C.section(ctx.t(HomeText.meetings)) { C.empty(ctx.t(HomeText.meetingsEmpty)) }
                C.section(ctx.t(HomeText.votes)) { C.empty(ctx.t(HomeText.votesEmpty)) }
            }
        }
    }
}
