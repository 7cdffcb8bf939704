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
        let ctx = req.pageContext
        return req.render(
            HomePage.view(
                try await HomePage.load(
                    req.principal, caller: req.caller, lang: ctx.lang, toDo: req.application.features.toDo), ctx))
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
        /// The needs they raised or support, newest first, with where each stands.
        var needs: [(id: UUID, title: String, status: NeedStatus, households: Int, answer: String?)] = []
        /// Notices running now that concern their home (their community, above or below it).
        var notices: [(id: UUID, title: String, ends: Date?)] = []
        /// Meetings of their community from today on (not the party members' own).
        var meetings: [(id: UUID, title: String, starts: Date)] = []
        /// Their community's projects with where each stands.
        var projects: [(id: UUID, title: String, stage: String)] = []
        /// Owners' votes open now whose register has their phone.
        var votes: [OwnersVotes.Waiting] = []
    }

    /// Something waiting for the staff member: what, where to deal with it, how urgent.
    struct ToDo: Sendable {
        var text: String
        var href: String
        var tone: C.Tone = .info
    }

    /// What a staff member's home page shows.
    struct StaffModel: Sendable {
        var cards: [StaffCard]
        var todo: [ToDo] = []
        /// The latest changes where they may edit (nil: they edit nowhere).
        var recent: [AuditPage.Row]? = nil
    }

    enum Model: Sendable {
        case visitor
        case staff(StaffModel)
        case resident(ResidentModel)
    }

    static func load(_ principal: Principal?, caller: Caller, lang: Lang, toDo: [ToDoSource] = []) async throws
        -> Model
    {
        guard let p = principal else { return .visitor }
        let db = caller.db
        if p.actor.kind == .resident { return .resident(try await resident(p, on: db, now: caller.now, lang: lang)) }
        // The grants came with the principal; every card's counts come in one query.
        let placed = p.held.compactMap { g in g.path.map { (g, $0) } }
        let counts = try await TerritoryQueries.stats(placed.map(\.1), on: db, namespace: caller.readNamespace)
        var next = 0
        let cards = p.held.map { g -> StaffCard in
            guard let path = g.path else { return StaffCard(role: g.role, place: nil, counts: nil) }
            let (stats, children, _) = counts[next]
            next += 1
            return StaffCard(
                role: g.role, place: (g.nodeName ?? "", path.nodeId),
                counts: (children, stats.units, stats.households, stats.residents))
        }
        // The to-do and the recent changes are kept for five seconds (emptied by any audited change,
        // so one's own change shows at once; a job that ends shows within five seconds).
        // Per database as well as per person: two databases (tests, a second server in one process)
        // may hold the same person.
        let key = "\(caller.readNamespace)|\(p.userID.uuidString)|\(lang.rawValue)"
        if let kept = work.value(key) { return .staff(StaffModel(cards: cards, todo: kept.todo, recent: kept.recent)) }
        let generation = work.generation
        let box = WorkBox(
            todo: try await todo(p.actor, caller: caller, lang: lang, sources: toDo),
            recent: try await recent(p.actor, caller: caller, lang: lang))
        work.keep(box, key, generation: generation)
        return .staff(StaffModel(cards: cards, todo: box.todo, recent: box.recent))
    }

    struct WorkBox: Sendable {
        var todo: [ToDo]
        var recent: [AuditPage.Row]?
    }
    static let work = ReadCache<WorkBox>(lifetime: .seconds(5), capacity: 5_000)

    static func resident(_ p: Principal, on db: any Database, now: Date, lang: Lang) async throws -> ResidentModel {
        var m = ResidentModel(verified: p.actor.isVerified)
        guard let user = try await User.find(p.userID, on: db) else { return m }
        m.votes = try await OwnersVotes.waiting(phone: user.phone, on: db)
        guard let rid = user.$resident.id,
            let resident = try await Resident.find(rid, on: db),
            let home = try await Residents.home(of: resident, on: db)
        else { return m }
        let found = try await TerritoryNode.query(on: db).filter(\.$id ~~ home.building.ids).all()
        let ordered = home.building.ids.compactMap { id in found.first { $0.id == id } }
        let household = try await Household.find(resident.$household.id, on: db)
        let unit = try await Unit.find(household?.$unit.id, on: db)
        m.community = ordered.first { $0.level == .community }
        let supported = try await NeedSupport.query(on: db).filter(\.$resident.$id == rid).all().map { $0.$need.id }
        if !supported.isEmpty {
            let needs = try await Need.query(on: db).filter(\.$id ~~ supported).sort(\.$firstSubmittedAt, .descending)
                .limit(20).all()
            // The committee's latest answer to each (or why it was not taken up).
            var answers: [UUID: String] = [:]
            for c in try await NeedComments.of(needs.compactMap(\.id), on: db) where c.staff {
                answers[c.$need.id] = c.text
            }
            // A need joined into another: the resident is told where their support went (and may withdraw it there).
            let targets = try await Need.query(on: db).filter(\.$id ~~ needs.compactMap { $0.$mergedInto.id }).all()
            m.needs = needs.map { n in
                let into = targets.first { $0.id == n.$mergedInto.id }
                return (
                    into?.id ?? n.id!, into.map { "\(n.title) → \($0.title)" } ?? n.title, n.status,
                    into?.households ?? n.households, answers[n.id!] ?? n.declineReason
                )
            }
        }
        if let community = m.community {
            m.notices = try await NoticesService.concerning(community, drafts: false, limit: 20, on: db)
                .filter { $0.period?.hasEnded(at: now) == false }.prefix(5).map { ($0.id!, $0.title, $0.endsAt) }
            let path = community.territoryPath
            m.meetings = try await Meeting.query(on: db).join(
                TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id
            )
            .filter(TerritoryNode.self, \.$path >= path.encoded)
            .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
            .filter(\.$startsAt >= now.addingTimeInterval(-12 * 3_600)).filter(\.$kind != .partyMembers)
            .sort(\.$startsAt).limit(5).all().map { ($0.id!, $0.title, $0.startsAt) }
            for p in try await Project.query(on: db).join(
                TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id
            )
            .filter(TerritoryNode.self, \.$path >= path.encoded)
            .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound).with(\.$node)
            .sort(\.$updatedAt, .descending).limit(5).all() {
                let t = try await Workflows.template(p.templateKey, for: p.node, on: db)
                m.projects.append((p.id!, p.title, ProjectPages.stageLine(lang, p, t)))
            }
        }
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
        case .staff(let m):
            PageView(title: ctx.t(HomeText.staffTitle)) {
                C.section(ctx.t(HomeText.todo)) {
                    if m.todo.isEmpty {
                        C.empty(ctx.t(HomeText.todoNone))
                    } else {
                        C.list(
                            m.todo.map { item in
                                [
                                    item.tone == .error
                                        ? C.tag(ctx.t(HomeText.todoFailedTag), tone: .error) : .group([]),
                                    H.link(item.text, item.href),
                                ]
                            })
                    }
                }
                C.section(ctx.t(HomeText.scope)) {
                    if m.cards.isEmpty {
                        C.empty(ctx.t(HomeText.staffNoRoles))
                    } else {
                        H.el("ul", [("class", "cards")]) {
                            for card in m.cards {
                                H.el("li", [("class", "card")]) {
                                    H.el("h3", text: ctx.name(card.role))
                                    if let place = card.place {
                                        H.el("a", [("class", "big"), ("href", Site.node(place.id))], text: place.name)
                                    } else {
                                        H.el(
                                            "a", [("class", "big"), ("href", Site.territory)],
                                            text: ctx.t(HomeText.staffPlatform))
                                    }
                                    if let c = card.counts {
                                        C.text(
                                            ctx.t(
                                                HomeText.staffCounts, String(c.children), String(c.units),
                                                String(c.households), String(c.residents)),
                                            muted: true)
                                    }
                                }
                            }
                        }
                    }
                }
                if let recent = m.recent {
                    C.section(ctx.t(HomeText.recent)) {
                        if recent.isEmpty {
                            C.empty(ctx.t(HomeText.recentNone))
                        } else {
                            C.timeline(
                                ctx.t(HomeText.recent),
                                recent.map { r in
                                    (
                                        at: ctx.time(r.at),
                                        nodes: [HTMLNode.text("\(r.actor) · \(r.action) · ")]
                                            + [
                                                r.target.href.map { H.link(r.target.label, $0) }
                                                    ?? .text(r.target.label)
                                            ]
                                    )
                                })
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
                OwnersVotePages.home(ctx, m.votes)
                C.section(ctx.t(HomeText.myNeeds)) {
                    if m.needs.isEmpty {
                        C.empty(ctx.t(HomeText.needsEmpty))
                    } else {
                        C.list(
                            m.needs.map { n in
                                [
                                    H.link(n.title, Site.need(n.id)), .text(" "), NeedPages.statusTag(ctx, n.status),
                                    .text(" " + ctx.t(NeedText.households, String(n.households))),
                                    n.answer.map {
                                        H.el(
                                            "p", [("class", "answer")], text: ctx.t(NeedText.replyLine, $0))
                                    }
                                        ?? .group([]),
                                ]
                            })
                    }
                    if m.verified && m.community != nil {
                        H.el("p", [], [C.linkButton(ctx.t(NeedText.raise), Site.newNeed)])
                    }
                }
                C.section(ctx.t(HomeText.notices)) {
                    if m.notices.isEmpty {
                        C.empty(ctx.t(HomeText.noticesEmpty))
                    } else {
                        C.list(
                            m.notices.map {
                                [
                                    H.link($0.title, Site.notice($0.id)), .text(" "),
                                    C.tag(ctx.t(NoticeText.running), tone: .ok),
                                ]
                            })
                    }
                }
                if !m.projects.isEmpty {
                    C.section(ctx.t(ProjectText.title)) {
                        C.list(m.projects.map { [H.link($0.title, Site.project($0.id)), .text(" · " + $0.stage)] })
                    }
                }
                C.section(ctx.t(HomeText.meetings)) {
                    if m.meetings.isEmpty {
                        C.empty(ctx.t(HomeText.meetingsEmpty))
                    } else {
                        C.list(
                            m.meetings.map {
                                [H.link($0.title, Site.meeting($0.id)), .text(" · " + Show.dateTime($0.starts))]
                            })
                    }
                }

            }
        }
    }
}
