import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// The public life-circle pages of a district, subdistrict or community, its map, its gap list as
/// CSV and the same figures as JSON. Public by design: the figures describe streets and services,
/// never a person, and residents read them without an account.
struct LifeCircleRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.lifeCircles.pathComponents, use: index)
        routes.get(Site.Pattern.lifeCircle.pathComponents, use: page)
        routes.get(Site.Pattern.lifeCircleMap.pathComponents, use: map)
        let api = routes.grouped(Site.API.root.pathComponents)
        api.get(Site.API.lifeCircle.pathComponents, use: json)
        api.get(Site.API.gaps.pathComponents, use: csv)
    }

    /// Districts, subdistricts and communities have a life-circle page; compounds and buildings do not.
    static func node(_ req: Request) async throws -> TerritoryNode {
        guard let code = req.parameters.get("code"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first(),
            [.district, .subdistrict, .community].contains(node.level)
        else { throw YishiError.notFound }
        return node
    }

    func index(req: Request) async throws -> Response {
        let ctx = req.pageContext
        let imports = try await AtlasImport.query(on: req.db).with(\.$district).all()
        let districts = imports.map(\.district).sorted { $0.code < $1.code }
        let may = LifeCirclePages.May(importMaps: Policy.holdsAnywhere(req.actor, .territoryImport))
        return req.render(LifeCirclePages.index(ctx, districts: districts, may: may))
    }

    func page(req: Request) async throws -> Response {
        let node = try await Self.node(req)
        let summary = try await LifeCircleQueries.summary(for: node, on: req.db)
        let ancestors = try await TerritoryQueries.ancestors(of: node, on: req.db)
        let children = node.level == .community ? [] : try await TerritoryQueries.children(of: node.id, on: req.db)
        let may = LifeCirclePages.May(
            importMaps: Policy.allows(req.actor, .territoryImport, at: summary.district.territoryPath),
            linkCompounds: !LinkRules.editableScopes(req.actor, in: summary.district).isEmpty,
            raiseNeeds: [.community, .compound].contains(node.level)
                && req.caller.allows(.needFromGap, at: node.territoryPath),
            mine: try await Self.myCompound(req),
            subdistricts: node.level == .district ? LifeCirclePages.subdistrictLines(summary, children: children) : [])
        return req.render(
            LifeCirclePages.page(req.pageContext, summary, ancestors: ancestors, children: children, may: may))
    }

    /// The compound of the signed-in resident, to mark on the map (nil for anyone else).
    static func myCompound(_ req: Request) async throws -> UUID? {
        guard let p = req.principal, p.actor.kind == .resident,
            let user = try await User.find(p.userID, on: req.db), let rid = user.$resident.id,
            let resident = try await Resident.find(rid, on: req.db),
            let home = try await Residents.home(of: resident, on: req.db), home.building.ids.count > 3
        else { return nil }
        return home.building.ids[3]
    }

    /// The map of a place: its own homes (the table's) and the facilities around them; for a
    /// district with `?roads=1`, the whole district with its walking network as imported. Names
    /// inside come from OpenStreetMap, so the SVG is sent with a policy that runs no script even
    /// when opened on its own.
    func map(req: Request) async throws -> Response {
        let node = try await Self.node(req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "image/svg+xml; charset=utf-8")
        headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'")
        let s = try await LifeCircleQueries.summary(for: node, on: req.db)
        let rows = s.rows.filter { $0.compound != nil && !$0.positions.isEmpty }
        // The whole district as imported: asked for, or a district none of whose homes is matched yet.
        if (try? req.query.get(Int.self, at: "roads")) == 1 || (node.level == .district && rows.isEmpty) {
            guard let imp = try await LifeCircleQueries.latestImport(districtOf: node, withMap: true, on: req.db) else {
                throw YishiError.notFound
            }
            headers.replaceOrAdd(name: .cacheControl, value: "no-cache")
            return Response(status: .ok, headers: headers, body: .init(string: imp.svg))
        }
        guard let imp = s.atlasImport, !rows.isEmpty else { throw YishiError.notFound }
        let mine = try await Self.myCompound(req)
        let lang = req.pageContext.lang
        let homes = rows.map { r in
            PlaceMap.Home(
                x: r.positions.map(\.x).reduce(0, +) / Double(r.positions.count),
                y: r.positions.map(\.y).reduce(0, +) / Double(r.positions.count),
                missing: r.gap.missingAtTier.count, title: r.compound?.name ?? "", mine: r.compound?.id == mine)
        }
        let (minX, maxX) = (homes.map(\.x).min()! - PlaceMap.margin, homes.map(\.x).max()! + PlaceMap.margin)
        let (minY, maxY) = (homes.map(\.y).min()! - PlaceMap.margin, homes.map(\.y).max()! + PlaceMap.margin)
        let facilities = try await AtlasFacility.query(on: req.db).filter(\.$atlasImport.$id == imp.requireID())
            .filter(\.$x >= minX).filter(\.$x <= maxX).filter(\.$y >= minY).filter(\.$y <= maxY).all()
            .compactMap { f in
                FacilityType(rawValue: f.type).map {
                    PlaceMap.Facility(x: f.x, y: f.y, type: $0, title: "\($0.name(lang)) \(f.name)")
                }
            }
        // The map marks the viewer's home: it is theirs alone, never kept by a shared cache.
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        let svg = PlaceMap.svg(
            homes: homes, facilities: facilities, title: LifeCircleText.mapAlt.text(lang, [node.name]),
            mineLabel: LifeCircleText.mine.text(lang))
        return Response(status: .ok, headers: headers, body: .init(string: svg))
    }

    func json(req: Request) async throws -> DTO.LifeCircle {
        let node = try await Self.node(req)
        return DTO.LifeCircle(try await LifeCircleQueries.summary(for: node, on: req.db), lang: req.lang)
    }

    /// The gap list as CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese names.
    func csv(req: Request) async throws -> Response {
        let node = try await Self.node(req)
        let s = try await LifeCircleQueries.summary(for: node, on: req.db)
        let (header, rows) = LifeCircleCSV.gaps(s)
        return CSVExport.response(name: "lifecircle-\(node.code)", header: header) { emit in
            for row in rows { try await emit(row) }
        }
    }
}

/// The gap list as CSV: one line per compound, metres per type, what is missing.
enum LifeCircleCSV {
    /// The header and one row per compound.
    static func gaps(_ s: LifeCircleQueries.Summary) -> (header: [String], rows: [[String]]) {
        var header = [
            "小区编码 compound_code", "小区 compound", "地图名称 map_name", "OSM", "标准内缺少 missing_at_standard",
            "15分钟内缺少 missing_15_minutes",
        ]
        header += s.types.map { "\($0.name(.zhHans)) \($0.rawValue)_m" }
        let rows = s.rows.map { r in
            [
                r.compound?.code ?? "", r.compound?.name ?? "", r.mapNames.joined(separator: "; "),
                r.osmRefs.joined(separator: " "),
                r.gap.missingAtTier.map(\.type.rawValue).joined(separator: ";"),
                r.gap.missing15Minutes.map(\.rawValue).joined(separator: ";"),
            ]
                + r.coverage.metres.map { $0.isFinite ? String(format: "%.1f", $0) : "" }
        }
        return (header, rows)
    }
}

extension FacilityType {
    /// The type's name in `lang` (catalog "enum.FacilityType.…"; the type lives in YishiAtlas).
    func name(_ lang: Lang) -> String { Catalog.text("enum.FacilityType.\(rawValue)", lang) }
}
