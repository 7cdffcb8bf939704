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

    struct LinkForm: Content {
        var place: UUID?
        var compound: String?
    }
    struct LinkInput: Content { var compound: String? }

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
        let onlyUnlinked = (try? req.query.get(String.self, at: "show")) == "unlinked"
        guard let imp = try await LifeCircleQueries.latestImport(districtOf: district, on: req.db) else {
            return req.render(
                LinksPage.view(LinksPage(district: district, onlyUnlinked: onlyUnlinked), req.pageContext))
        }
        var q = try AtlasOrigin.query(on: req.db).filter(\.$atlasImport.$id == imp.requireID()).filter(
            \.$kind == "compound")
        if onlyUnlinked { q = q.filter(\.$compound.$id == nil) }
        let places = try await q.with(\.$compound).sort(\.$name).sort(\.$osmRef).all()
        let compounds = try await TerritoryNode.query(on: req.db).filter(\.$level == .compound).inSubtree(
            district.territoryPath
        ).sort(\.$code).all()
        let editable = compounds.filter { c in scopes.contains { $0.contains(c.territoryPath) } }
        // What this viewer may change: a place not yet linked, or linked to a compound they may edit.
        let rows = places.map { o in
            (o, o.compound.map { c in scopes.contains { $0.contains(c.territoryPath) } } ?? true)
        }
        let model = LinksPage(
            district: district, hasImport: true, onlyUnlinked: onlyUnlinked, places: rows,
            options: editable.map { (value: $0.id!.uuidString, label: "\($0.name)（\($0.code)）") })
        return req.render(LinksPage.view(model, req.pageContext))
    }

    func save(req: Request) async throws -> Response {
        let (district, _) = try await district(req)
        let form = try req.content.decode(LinkForm.self)
        guard let place = form.place else { throw YishiError.invalid(["place": FieldText.requiredText.key]) }
        try await link(req, district: district, placeID: place, compound: form.compound)
        return req.redirect(to: Site.lifeCircleLinks(district.code, notice: LifeCircleText.linksSaved.key))
    }

    func apiLink(req: Request) async throws -> HTTPStatus {
        _ = try req.requirePrincipal()
        guard let placeID = req.parameters.get("placeID", as: UUID.self),
            let place = try await AtlasOrigin.query(on: req.db).filter(\.$id == placeID).with(\.$atlasImport).first()
        else { throw YishiError.notFound }
        let district = try await TerritoryQueries.node(place.atlasImport.$district.id, on: req.db)
        let input = try req.content.decode(LinkInput.self)
        try await link(req, district: district, placeID: placeID, compound: input.compound)
        return .noContent
    }

    /// Links a place to a compound (by id or code; empty unlinks). The actor must be allowed to edit
    /// both the compound it leaves and the one it joins.
    func link(_ req: Request, district: TerritoryNode, placeID: UUID, compound: String?) async throws {
        let p = try req.requirePrincipal()
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
        guard place.$compound.id != target?.id else { return }
        let from = place.compound?.code ?? ""
        let to = target?.code ?? ""
        let placeRef = place.osmRef
        let placeName = place.name
        let targetID = target?.id
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) {
            tx -> (Void, AuditEvent) in
            try await AtlasOrigin.query(on: tx).filter(\.$id == placeID).set(\.$compound.$id, to: targetID).update()
            return (
                (),
                AuditEvent(
                    action: .atlasLink, targetType: "atlas_place", targetID: placeRef, nodeID: targetID ?? district.id,
                    details: ["name": placeName, "from": from, "to": to])
            )
        }
    }
}

/// The links page's model: the district, its places on the map with whether this viewer may
/// change each, and the compounds they may link to.
struct LinksPage: @unchecked Sendable {
    var district: TerritoryNode
    var hasImport = false
    var onlyUnlinked = false
    var places: [(origin: AtlasOrigin, mayChange: Bool)] = []
    var options: [(value: String, label: String)] = []

    /// "w123" → the way on openstreetmap.org.
    static func osmURL(_ ref: String) -> String {
        let kinds: [Character: String] = ["n": "node", "w": "way", "r": "relation"]
        guard let k = ref.first.flatMap({ kinds[$0] }) else { return "https://www.openstreetmap.org/" }
        return "https://www.openstreetmap.org/\(k)/\(ref.dropFirst())"
    }

    static func view(_ m: LinksPage, _ ctx: PageContext) -> PageView {
        let district = m.district
        let onlyUnlinked = m.onlyUnlinked
        let options = m.options
        let title = ctx.t(LifeCircleText.linksTitle, district.name)
        var content: [HTMLNode] = [
            LifeCirclePages.crumbs(ctx, [district]), H.el("p", text: ctx.t(LifeCircleText.linksIntro)),
        ]
        guard m.hasImport else {
            content.append(C.notice(ctx.t(LifeCircleText.noneText, district.name)))
            return PageView(title: title) { content }
        }
        content.append(
            H.el(
                "p", [("class", "no-print")],
                [
                    onlyUnlinked
                        ? H.link(ctx.t(LifeCircleText.linksAll), Site.lifeCircleLinks(district.code))
                        : H.link(
                            ctx.t(LifeCircleText.linksFilter), Site.lifeCircleLinks(district.code) + "?show=unlinked")
                ]))
        content.append(
            Forms.table(
                caption: title, stackOnPhone: true,
                headers: [ctx.t(LifeCircleText.colMapName), "OSM", ctx.t(LifeCircleText.colLink)],
                rows: m.places.map { o, mayChange in
                    let current = o.compound
                    let cell: HTMLNode =
                        mayChange
                        ? Forms.form(
                            ctx, action: Site.lifeCircleLinks(district.code), class: "link-form",
                            [
                                H.void("input", [("type", "hidden"), ("name", "place"), ("value", o.id!.uuidString)]),
                                H.el(
                                    "label", [("class", "visually-hidden"), ("for", "link-\(o.id!.uuidString)")],
                                    text: ctx.t(LifeCircleText.linksChoose) + " " + (o.name.isEmpty ? o.osmRef : o.name)
                                ),
                                H.el(
                                    "select", [("id", "link-\(o.id!.uuidString)"), ("name", "compound")],
                                    [
                                        H.el(
                                            "option", [("value", "")] + (current == nil ? [("selected", nil)] : []),
                                            text: ctx.t(LifeCircleText.linksNone))
                                    ]
                                        + options.map { opt in
                                            H.el(
                                                "option",
                                                [("value", opt.value)]
                                                    + (opt.value == current?.id?.uuidString ? [("selected", nil)] : []),
                                                text: opt.label)
                                        }),
                                H.el(
                                    "button", [("type", "submit"), ("class", "secondary")],
                                    text: ctx.t(LifeCircleText.linksSave)),
                            ])
                        : .text(current.map { "\($0.name)（\($0.code)）" } ?? "")
                    return [
                        o.name.isEmpty
                            ? H.el("span", [("class", "muted")], text: ctx.t(LifeCircleText.unnamed))
                            : H.el("strong", text: o.name),
                        H.link(o.osmRef, Self.osmURL(o.osmRef)),
                        cell,
                    ]
                }))
        content.append(
            H.el("p", [], [H.link(ctx.t(LifeCircleText.titleOf, district.name), Site.lifeCircle(district.code))]))
        return PageView(title: title) { content }
    }
}
