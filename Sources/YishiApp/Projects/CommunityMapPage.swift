import Fluent
import SQLKit
import Vapor
import YishiCore

/// 一图 on screen: the community planning map of a community (a compound or building opens its
/// community's, its own place marked), its needs and projects pinned and numbered, the life
/// circle's gaps as the compounds' shade; the list under it says what each number is. The SVG is
/// served on its own with a strict policy, like the life-circle map.
struct CommunityMapRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.planningMap.pathComponents, use: page)
        routes.get(Site.Pattern.planningMapSVG.pathComponents, use: svg)
    }

    struct Entry: Sendable {
        var kind: CommunityMap.PinKind
        var stage: CommunityMap.Stage
        var number: Int
        var title: String
        var status: String
        var link: String
    }

    struct Data: Sendable {
        var community: TerritoryNode
        var compounds: [CommunityMap.Compound]
        var pins: [CommunityMap.Pin]
        var entries: [Entry]
        var lifeCircle: Bool
    }

    /// Needs shown: the open ones of the community, the most supported first.
    static let needsShown = 30
    static let projectsShown = 30

    static func data(_ req: Request) async throws -> Data {
        let node = try await TerritoryQueries.node(req.parameters.get("nodeID", as: UUID.self), on: req.db)
        let ids = node.territoryPath.ids
        guard ids.count >= 3, let community = try await TerritoryNode.find(ids[2], on: req.db) else {
            throw YishiError.notFound
        }
        if !req.caller.allows(.projectManage, at: community.territoryPath) {
            try req.caller.authorize(.needRead, at: community.territoryPath)
        }
        let lang = req.pageContext.lang
        let highlight = try? req.query.get(UUID.self, at: "project")
        let children = try await TerritoryNode.query(on: req.db).filter(\.$parent.$id == community.requireID())
            .filter(\.$level == .compound).sort(\.$path).all()
        let buildings = try await TerritoryNode.query(on: req.db)
            .filter(\.$parent.$id ~~ children.compactMap(\.id)).filter(\.$level == .building).sort(\.$path).all()
        // Where the life-circle map has them, and what they miss.
        let summary = try? await LifeCircleQueries.summary(for: community, on: req.db)
        var found: [UUID: (x: Double, y: Double, missing: Int)] = [:]
        for r in summary?.rows ?? [] where !r.positions.isEmpty {
            guard let id = r.compound?.id else { continue }
            found[id] = (
                r.positions.map(\.x).reduce(0, +) / Double(r.positions.count),
                r.positions.map(\.y).reduce(0, +) / Double(r.positions.count), r.gap.missingAtTier.count
            )
        }
        let compounds = children.map { c in
            CommunityMap.Compound(
                id: c.id!, name: c.name, position: found[c.id!].map { ($0.x, $0.y) }, missing: found[c.id!]?.missing,
                buildings: buildings.filter { $0.$parent.id == c.id }
                    .sorted { $0.name.compare($1.name, options: .numeric) == .orderedAscending }
                    .map { .init(id: $0.id!, name: $0.name) })
        }
        var pins: [CommunityMap.Pin] = []
        var entries: [Entry] = []
        let places = Dictionary(uniqueKeysWithValues: (children + buildings + [community]).map { ($0.id!, $0.name) })
        let needs = try await Need.query(on: req.db).filter(\.$community.$id == community.requireID())
            .filter(\.$status ~~ [.new, .accepted, .takenUp, .done]).sort(\.$priority, .descending)
            .limit(needsShown).all()
        for n in needs {
            let stage: CommunityMap.Stage =
                switch n.status {
                case .takenUp: .underway
                case .done: .done
                default: .waiting
                }
            let number = pins.count + 1
            pins.append(.init(kind: .need, number: number, stage: stage, place: n.$place.id))
            entries.append(
                .init(
                    kind: .need, stage: stage, number: number, title: n.title + "，" + (places[n.$place.id] ?? ""),
                    status: n.status.text.text(lang), link: Site.need(n.id!)))
        }
        let path = community.territoryPath
        let projects = try await Project.query(on: req.db)
            .join(TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id)
            .filter(TerritoryNode.self, \.$path >= path.encoded).filter(
                TerritoryNode.self, \.$path < path.subtreeUpperBound
            )
            .sort(\.$updatedAt, .descending).limit(projectsShown).all()
        let templates = try await Workflows.available(for: community, on: req.db)
        for p in projects {
            let t = templates.first { $0.key == p.templateKey }
            let done = t.map { p.stage >= $0.stages.count } ?? false
            let number = pins.count + 1
            let stage: CommunityMap.Stage = done ? .done : (p.stage == 0 ? .waiting : .underway)
            pins.append(
                .init(kind: .project, number: number, stage: stage, place: p.$node.id, highlighted: p.id == highlight))
            entries.append(
                .init(
                    kind: .project, stage: stage, number: number, title: p.title,
                    status: ProjectPages.stageLine(lang, p, t),
                    link: Site.project(p.id!)))
        }
        return Data(
            community: community, compounds: compounds, pins: pins, entries: entries, lifeCircle: !found.isEmpty)
    }

    func svg(req: Request) async throws -> Response {
        let d = try await Self.data(req)
        let ctx = req.pageContext
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "image/svg+xml; charset=utf-8")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        // One column for a phone (the page asks for it), three for a wider screen.
        let columns = min(4, max(1, (try? req.query.get(Int.self, at: "columns")) ?? 3))
        let body = CommunityMap.svg(
            compounds: d.compounds, pins: d.pins, title: ctx.t(MapText.alt, d.community.name),
            whole: ctx.t(MapText.whole), columns: columns)
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }

    /// A small legend symbol (shape and colour as on the map).
    static func swatch(_ kind: CommunityMap.PinKind, _ stage: CommunityMap.Stage) -> HTMLNode {
        let colour = CommunityMap.stageColours[stage] ?? "#000"
        let shape: HTMLNode =
            kind == .need
            ? H.void("circle", [("cx", "12"), ("cy", "12"), ("r", "10"), ("fill", colour)])
            : H.void(
                "rect", [("x", "2"), ("y", "2"), ("width", "20"), ("height", "20"), ("rx", "3"), ("fill", colour)])
        return H.el(
            "svg", [("width", "24"), ("height", "24"), ("viewBox", "0 0 24 24"), ("aria-hidden", "true")], [shape])
    }

    func page(req: Request) async throws -> Response {
        let d = try await Self.data(req)
        let ctx = req.pageContext
        let id = try req.parameters.get("nodeID", as: UUID.self) ?? d.community.requireID()
        let project = (try? req.query.get(UUID.self, at: "project")).map { "&project=\($0.uuidString)" } ?? ""
        let src = Site.planningMapSVG(id) + "?columns=3" + project
        let phone = Site.planningMapSVG(id) + "?columns=1" + project
        let view = PageView(title: ctx.t(MapText.title, d.community.name)) {
            C.text(ctx.t(MapText.intro))
            if d.compounds.isEmpty {
                C.empty(ctx.t(MapText.empty))
            } else {
                H.el("figure", [("class", "lc-map plan-map")]) {
                    H.el("picture") {
                        H.void("source", [("media", "(max-width: 40rem)"), ("srcset", phone)])
                        H.void("img", [("src", src), ("alt", ctx.t(MapText.alt, d.community.name))])
                    }
                    H.el("figcaption") {
                        H.el("ul", [("class", "legend-items legend")]) {
                            H.el("li", [], [Self.swatch(.need, .waiting), .text(" " + ctx.t(MapText.legendNeed))])
                            H.el(
                                "li", [], [Self.swatch(.project, .waiting), .text(" " + ctx.t(MapText.legendProject))])
                            H.el("li", [], [Self.swatch(.need, .waiting), .text(" " + ctx.t(MapText.legendWaiting))])
                            H.el("li", [], [Self.swatch(.need, .underway), .text(" " + ctx.t(MapText.legendUnderway))])
                            H.el("li", [], [Self.swatch(.need, .done), .text(" " + ctx.t(MapText.legendDone))])
                        }
                        C.text(ctx.t(d.lifeCircle ? MapText.legendGap : MapText.legendGapNone), muted: true)
                    }
                }
            }
            C.section(ctx.t(MapText.listTitle)) {
                H.el("ul", [("class", "legend-items pins")]) {
                    for e in d.entries {
                        H.el("li") {
                            Self.swatch(e.kind, e.stage)
                            HTMLNode.text(" ")
                            H.link(
                                ctx.t(
                                    e.kind == .need ? MapText.needLine : MapText.projectLine, String(e.number), e.title,
                                    e.status),
                                e.link)
                        }
                    }
                }
            }
        }
        return req.render(view)
    }
}
