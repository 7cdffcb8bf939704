import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// Who may link places on the map to territory compounds: staff who may edit the compound.
enum LinkRules {
    /// The nodes within (or above) `district` where the actor may edit the territory.
    static func editableScopes(_ actor: Actor?, in district: TerritoryNode) -> [TerritoryPath] {
        let d = district.territoryPath
        return Policy.scopes(actor, for: .territoryEdit).map { $0 ?? d }.filter { d.contains($0) || $0.contains(d) }
    }
}

/// The page where staff correct or add the links between residential areas on the map and the
/// territory's compounds, and the same as an API call. Every change is audited.
struct AtlasLinkRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.lifeCircleLinks.pathComponents, use: page)
        routes.post(Site.Pattern.lifeCircleLinks.pathComponents, use: save)
        routes.grouped(Site.API.root.pathComponents).put(Site.API.placeCompound.pathComponents, use: apiLink)
    }

    /// One form for many rows: `link[<place id>]` = a compound id ("" unlinks); `back` is the
    /// filter to come back to.
    struct LinksForm: Content {
        var link: [String: String]?
        var back: String?
    }
    struct LinkInput: Content { var compound: String? }

    /// The list's filter: a part of a name, and whether only unmatched places show.
    struct Filter: Sendable {
        var q: String = ""
        var onlyUnlinked = false
        var query: String {
            [q.isEmpty ? nil : "q=\(H.query(q))", onlyUnlinked ? "show=unlinked" : nil].compactMap { $0 }
                .joined(separator: "&")
        }
    }

    func district(_ req: Request) async throws -> (TerritoryNode, [TerritoryPath]) {
        let p = try req.requirePrincipal()
        let node = try await LifeCircleRoutes.node(req)
        guard node.level == .district else { throw YishiError.notFound }
        let scopes = LinkRules.editableScopes(p.actor, in: node)
        guard !scopes.isEmpty else {
            throw YishiError.denied(Policy.holdsAnywhere(p.actor, .territoryEdit) ? .outsideScope : .roleLacksAction)
        }
        return (node, scopes)
    }

    func page(req: Request) async throws -> Response {
        let (district, scopes) = try await district(req)
        var filter = Filter()
        filter.onlyUnlinked = (try? req.query.get(String.self, at: "show")) == "unlinked"
        filter.q = ((try? req.query.get(String.self, at: "q")) ?? "").trimmed
        if FieldRules.hasControlCharacter(filter.q) || filter.q.count > 64 { filter.q = "" }
        guard let imp = try await LifeCircleQueries.latestImport(districtOf: district, on: req.db) else {
            return req.render(LinksPage.view(LinksPage(district: district, filter: filter), req.pageContext))
        }
        let all = try await AtlasOrigin.query(on: req.db).filter(\.$atlasImport.$id == imp.requireID())
            .filter(\.$kind == "compound").with(\.$compound).sort(\.$name).sort(\.$osmRef).all()
        // Landmarks: the places already matched, to name the nearest to each row.
        let matched = all.filter { $0.compound != nil }
        // Named places first (staff recognise them), the unnamed after.
        let shown = all.filter { o in
            (!filter.onlyUnlinked || o.compound == nil) && (filter.q.isEmpty || o.name.contains(filter.q))
        }.sorted { ($0.name.isEmpty ? 1 : 0) < ($1.name.isEmpty ? 1 : 0) }
        let compounds = try await TerritoryNode.query(on: req.db).filter(\.$level == .compound).inSubtree(
            district.territoryPath
        ).sort(\.$code).all()
        let editable = compounds.filter { c in scopes.contains { $0.contains(c.territoryPath) } }
        // What this viewer may change: a place not yet linked, or linked to a compound they may edit.
        let rows = shown.prefix(LinksPage.pageSize).map { o in
            LinksPage.Row(
                origin: o, mayChange: o.compound.map { c in scopes.contains { $0.contains(c.territoryPath) } } ?? true,
                near: LinksPage.nearest(o, among: matched))
        }
        let model = LinksPage(
            district: district, hasImport: true, filter: filter, places: rows, more: max(0, shown.count - rows.count),
            options: editable.map { (value: $0.code, label: $0.name) })
        return req.render(LinksPage.view(model, req.pageContext))
    }

    /// Saves every row of the form whose choice changed, then comes back to the same list at the
    /// first row saved.
    func save(req: Request) async throws -> Response {
        let (district, _) = try await district(req)
        let form = try req.content.decode(LinksForm.self)
        // Every row is checked before any is written: one refused row changes nothing.
        var changes: [Change] = []
        for (key, value) in (form.link ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let placeID = UUID(uuidString: key) else { throw YishiError.notFound }
            if let change = try await resolve(req, district: district, placeID: placeID, compound: value) {
                changes.append(change)
            }
        }
        for change in changes { try await apply(req, change, district: district) }
        let first = changes.first?.placeID
        let back = (form.back ?? "").filter { $0.isLetter || $0.isNumber || "=&%._-".contains($0) }
        let query = ["notice=\(LifeCircleText.linksSaved.key)", back.isEmpty ? nil : back].compactMap { $0 }
            .joined(separator: "&")
        return req.redirect(
            to: Site.lifeCircleLinks(district.code) + "?" + query + (first.map { "#place-\($0.uuidString)" } ?? ""))
    }

    func apiLink(req: Request) async throws -> HTTPStatus {
        _ = try req.requirePrincipal()
        guard let placeID = req.parameters.get("placeID", as: UUID.self),
            let place = try await AtlasOrigin.query(on: req.db).filter(\.$id == placeID).with(\.$atlasImport).first()
        else { throw YishiError.notFound }
        let district = try await TerritoryQueries.node(place.atlasImport.$district.id, on: req.db)
        let input = try req.content.decode(LinkInput.self)
        _ = try await link(req, district: district, placeID: placeID, compound: input.compound)
        return .noContent
    }

    /// A link to make: the place, the compound it leaves and the one it joins (nil: none).
    struct Change: Sendable {
        var placeID: UUID
        var placeRef: String
        var placeName: String
        var from: String
        var to: String
        var targetID: UUID?
    }

    /// Links a place to a compound (by id or code; empty unlinks). True when something changed.
    @discardableResult
    func link(_ req: Request, district: TerritoryNode, placeID: UUID, compound: String?) async throws -> Bool {
        guard let change = try await resolve(req, district: district, placeID: placeID, compound: compound) else {
            return false
        }
        try await apply(req, change, district: district)
        return true
    }

    /// Checks a link without writing: the place is the district's, the compound exists there, and
    /// the actor may edit both the compound it leaves and the one it joins. Nil: nothing changes.
    func resolve(_ req: Request, district: TerritoryNode, placeID: UUID, compound: String?) async throws -> Change? {
        _ = try req.requirePrincipal()
        guard let imp = try await LifeCircleQueries.latestImport(districtOf: district, on: req.db),
            let place = try await AtlasOrigin.query(on: req.db).filter(\.$id == placeID).filter(
                \.$atlasImport.$id == imp.requireID()
            ).with(\.$compound).first()
        else { throw YishiError.notFound }
        var target: TerritoryNode?
        if let given = compound?.trimmed, !given.isEmpty {
            var q = TerritoryNode.query(on: req.db).filter(\.$level == .compound).inSubtree(district.territoryPath)
            q = UUID(uuidString: given).map { q.filter(\.$id == $0) } ?? q.filter(\.$code == given)
            guard let found = try await q.first() else {
                throw YishiError.invalid(["compound": FieldText.unknownNode.key])
            }
            try req.authorize(.territoryEdit, at: found.territoryPath)
            target = found
        }
        if let old = place.compound { try req.authorize(.territoryEdit, at: old.territoryPath) }
        guard place.$compound.id != target?.id else { return nil }
        return Change(
            placeID: placeID, placeRef: place.osmRef, placeName: place.name, from: place.compound?.code ?? "",
            to: target?.code ?? "", targetID: target?.id)
    }

    func apply(_ req: Request, _ c: Change, district: TerritoryNode) async throws {
        let p = try req.requirePrincipal()
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) {
            tx -> (Void, AuditEvent) in
            try await AtlasOrigin.query(on: tx).filter(\.$id == c.placeID).set(\.$compound.$id, to: c.targetID).update()
            return (
                (),
                AuditEvent(
                    action: .atlasLink, targetType: "atlas_place", targetID: c.placeRef,
                    nodeID: c.targetID ?? district.id,
                    details: ["name": c.placeName, "from": c.from, "to": c.to])
            )
        }
    }
}

/// The links page's model: the district, its places on the map with whether this viewer may
/// change each and the nearest place already matched (a landmark), and the compounds they may link to.
struct LinksPage: @unchecked Sendable {
    struct Row {
        var origin: AtlasOrigin
        var mayChange: Bool
        /// The nearest place already matched to a compound, and how far it is.
        var near: (name: String, metres: Int)?
    }

    static let pageSize = 200
    var district: TerritoryNode
    var hasImport = false
    var filter = AtlasLinkRoutes.Filter()
    var places: [Row] = []
    /// Rows past the page's size (narrow the filter to see them).
    var more = 0
    var options: [(value: String, label: String)] = []

    /// "w123" → the way on openstreetmap.org, where the place shows on the map.
    static func osmURL(_ ref: String) -> String {
        let kinds: [Character: String] = ["n": "node", "w": "way", "r": "relation"]
        guard let k = ref.first.flatMap({ kinds[$0] }) else { return "https://www.openstreetmap.org/" }
        return "https://www.openstreetmap.org/\(k)/\(ref.dropFirst())"
    }

    static func nearest(_ o: AtlasOrigin, among matched: [AtlasOrigin]) -> (name: String, metres: Int)? {
        matched.filter { $0.id != o.id }.map { m in
            (m, ((m.x - o.x) * (m.x - o.x) + (m.y - o.y) * (m.y - o.y)).squareRoot())
        }
        .min { $0.1 < $1.1 }.flatMap { m, d in d <= 2000 ? m.compound.map { ($0.name, Int(d.rounded())) } : nil }
    }

    static func view(_ m: LinksPage, _ ctx: PageContext) -> PageView {
        let district = m.district
        let title = ctx.t(LifeCircleText.linksTitle, district.name)
        return PageView(title: title) {
            LifeCirclePages.crumbs(ctx, [district])
            C.text(ctx.t(LifeCircleText.linksIntro))
            if !m.hasImport {
                C.notice(ctx.t(LifeCircleText.noneText, district.name))
            } else {
                H.el(
                    "form",
                    [("method", "get"), ("action", Site.lifeCircleLinks(district.code)), ("class", "filters no-print")]
                ) {
                    Forms.field(ctx, "q", label: ctx.t(LifeCircleText.linksSearch), value: m.filter.q, type: "search")
                    H.el("label", [("class", "check"), ("for", "field-show")]) {
                        H.void(
                            "input",
                            [("id", "field-show"), ("type", "checkbox"), ("name", "show"), ("value", "unlinked")]
                                + (m.filter.onlyUnlinked ? [("checked", nil)] : []))
                        HTMLNode.text(" " + ctx.t(LifeCircleText.linksFilter))
                    }
                    Forms.submit(ctx.t(AuditText.filter))
                }
                if m.places.isEmpty {
                    C.empty(ctx.t(LifeCircleText.linksNoneFound))
                } else {
                    H.el("form", [("method", "post"), ("action", Site.lifeCircleLinks(district.code))]) {
                        H.void("input", [("type", "hidden"), ("name", CSRF.field), ("value", ctx.csrf)])
                        H.void("input", [("type", "hidden"), ("name", "back"), ("value", m.filter.query)])
                        H.el(
                            "datalist", [("id", "compounds")],
                            m.options.map { H.el("option", [("value", $0.value)], text: $0.label) })
                        H.el("p", [], [Forms.submit(ctx.t(LifeCircleText.linksSave))])
                        C.table(
                            caption: title,
                            headers: [
                                ctx.t(LifeCircleText.colMapName), ctx.t(LifeCircleText.linksNear),
                                ctx.t(LifeCircleText.colLink),
                            ],
                            rows: m.places.map { row in
                                let o = row.origin
                                let id = o.id!.uuidString
                                let current = o.compound
                                // A field with the browser's own list of the compounds (one list for the page,
                                // not a dropdown per row): type part of a name, pick, or clear to unlink.
                                let cell: HTMLNode =
                                    row.mayChange
                                    ? .group([
                                        H.el(
                                            "label", [("class", "visually-hidden"), ("for", "link-\(id)")],
                                            text: ctx.t(LifeCircleText.linksChoose) + " "
                                                + (o.name.isEmpty ? o.osmRef : o.name)),
                                        H.void(
                                            "input",
                                            [
                                                ("id", "link-\(id)"), ("name", "link[\(id)]"), ("list", "compounds"),
                                                ("value", current?.code ?? ""), ("autocomplete", "off"),
                                                ("placeholder", ctx.t(LifeCircleText.linksNone)),
                                            ]),
                                        current.map { H.el("span", [("class", "muted")], text: $0.name) } ?? .group([]),
                                    ])
                                    : .text(current.map { ctx.paren($0.name, $0.code) } ?? "")
                                return [
                                    H.el("span", [("id", "place-\(id)")]) {
                                        if o.name.isEmpty {
                                            H.el("span", [("class", "muted")], text: ctx.t(LifeCircleText.unnamed))
                                        } else {
                                            H.el("strong", text: o.name)
                                        }
                                        H.el("br")
                                        H.link(ctx.t(LifeCircleText.linksOnMap), Self.osmURL(o.osmRef))
                                    },
                                    .text(
                                        row.near.map { ctx.t(LifeCircleText.linksNearText, $0.name, String($0.metres)) }
                                            ?? "—"),
                                    cell,
                                ]
                            })
                        if m.more > 0 { C.text(ctx.t(LifeCircleText.linksMore, String(m.more)), muted: true) }
                        H.el("p", [], [Forms.submit(ctx.t(LifeCircleText.linksSave))])
                    }
                }
            }
            H.el(
                "p", [],
                [
                    C.linkButton(
                        ctx.t(LifeCircleText.titleOf, district.name), Site.lifeCircle(district.code), primary: false)
                ])
        }
    }
}
