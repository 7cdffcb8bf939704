import Fluent
import Vapor
import YishiCore

/// The committee's lists: residents below a node by mark (elderly, living alone, disability,
/// party member, representative, building-group leader) and by building — on screen, printed
/// (the print style leaves only the list) and as a CSV download. Needs the personal-data right
/// at the node; phone numbers stay masked everywhere, the download included, and each download
/// is an audit entry.
struct ResidentsListRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.residentsList.pathComponents, use: page)
        routes.get(Site.Pattern.residentsCSV.pathComponents, use: csv)
    }

    struct Choice {
        var node: TerritoryNode
        var flag: ResidentFlags?
        var flagName: String?
        var building: UUID?
        var buildings: [TerritoryNode]
        /// "宝林一村小区 1号": a building named with its compound.
        var buildingLabels: [UUID: String] = [:]
    }

    func choice(_ req: Request) async throws -> Choice {
        let node = try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: .personalDataRead)
        let flagName = (try? req.query.get(String.self, at: "flag")).flatMap { n in
            ResidentFlags.named.first { $0.name == n }?.name
        }
        let buildings = try await TerritoryNode.query(on: req.db).inSubtree(node.territoryPath)
            .filter(\.$level == .building).all()
            .sorted { $0.name.compare($1.name, options: .numeric) == .orderedAscending }
        let building = (try? req.query.get(String.self, at: "building")).flatMap(UUID.init(uuidString:))
            .flatMap { id in buildings.contains { $0.id == id } ? id : nil }
        let parentIDs = Array(Set(buildings.compactMap { $0.$parent.id }))
        let parents =
            parentIDs.isEmpty ? [] : try await TerritoryNode.query(on: req.db).filter(\.$id ~~ parentIDs).all()
        var labels: [UUID: String] = [:]
        for b in buildings {
            labels[b.id!] = [parents.first { $0.id == b.$parent.id }?.name, b.name].compactMap { $0 }.joined(
                separator: " ")
        }
        let sorted = buildings.sorted {
            (labels[$0.id!] ?? "").compare(labels[$1.id!] ?? "", options: .numeric) == .orderedAscending
        }
        return Choice(
            node: node, flag: flagName.flatMap { ResidentFlags(encoded: $0) }, flagName: flagName, building: building,
            buildings: sorted, buildingLabels: labels)
    }

    func page(req: Request) async throws -> Response {
        let c = try await choice(req)
        let rows = try await PeopleQueries.list(below: c.node, flag: c.flag, building: c.building, on: req.db)
        return req.render(
            ResidentsListPage.view(
                req.pageContext, choice: c, rows: rows, year: Show.year(req.caller.now),
                printedAt: Show.dateTime(req.caller.now)))
    }

    func csv(req: Request) async throws -> Response {
        let c = try await choice(req)
        let caller = req.caller
        let rows = try await PeopleQueries.list(below: c.node, flag: c.flag, building: c.building, on: req.db)
        try await caller.audited { _ in
            (
                (),
                AuditEvent(
                    action: .residentsExport, targetType: "node", targetID: c.node.code, nodeID: c.node.id,
                    details: [
                        "rows": String(rows.count), "flag": c.flagName ?? "",
                        "building": c.building.flatMap { c.buildingLabels[$0] } ?? "",
                    ], changesReads: false)
            )
        }
        let ctx = req.pageContext
        let year = Show.year(caller.now)
        let header = [
            ctx.t(TerritoryText.residentName), ctx.t(PeopleText.birthYear), ctx.t(PeopleText.age, ""),
            ctx.t(PeopleText.building), ctx.t(PeopleText.door), ctx.t(PeopleText.household), ctx.t(PeopleText.phone),
            ctx.t(PeopleText.flags),
        ].map(\.trimmed)
        let lines = rows.map { r in
            [
                r.name, String(r.birthYear), String(ResidentRules.age(birthYear: r.birthYear, currentYear: year)),
                [r.compound, r.building].filter { !$0.isEmpty }.joined(separator: " "), r.unitNumber, r.household,
                r.phone.map(OneTimeCodeRules.mask) ?? "",
                r.flags.names.map { ctx.t("enum.ResidentFlag.\($0)") }.joined(
                    separator: ctx.lang == .zhHans ? "、" : ", "),
            ]
        }
        return CSVExport.response(name: "residents-\(c.node.code)-\(c.flagName ?? "all")", header: header) { emit in
            for line in lines { try await emit(line) }
        }
    }
}

enum ResidentsListPage {
    static func view(
        _ ctx: PageContext, choice c: ResidentsListRoutes.Choice, rows: [PeopleQueries.ResidentRow], year: Int,
        printedAt: String
    ) -> PageView {
        let id = c.node.id!
        let flagLabel = c.flagName.map { ctx.t("enum.ResidentFlag.\($0)") } ?? ctx.t(PeopleText.listAll)
        let buildingLabel = c.building.flatMap { c.buildingLabels[$0] }
        let heading = [c.node.name, buildingLabel, flagLabel].compactMap { $0 }.joined(separator: " · ")
        return PageView(title: ctx.t(PeopleText.listTitle)) {
            H.el("p", [("class", "muted no-print")], text: ctx.t(PeopleText.listIntro))
            H.el("p", [("class", "list-heading")], text: heading)
            H.el("form", [("method", "get"), ("action", Site.residentsList(id)), ("class", "search-bar no-print")]) {
                Forms.select(
                    ctx, "flag", label: ctx.t(PeopleText.listFlag),
                    options: [("", ctx.t(PeopleText.listAll))] + ResidentPage.flagOptions(ctx),
                    selected: c.flagName ?? "",
                    includeBlank: false)
                Forms.select(
                    ctx, "building", label: ctx.t(PeopleText.listBuilding),
                    options: [("", ctx.t(PeopleText.listAllBuildings))]
                        + c.buildings.map { ($0.id!.uuidString, c.buildingLabels[$0.id!] ?? $0.name) },
                    selected: c.building?.uuidString ?? "",
                    includeBlank: false)
                Forms.submit(ctx.t(PeopleText.listShow))
            }
            if rows.isEmpty {
                C.empty(ctx.t(PeopleText.listNone))
            } else {
                H.el("p", [("class", "no-print")]) {
                    C.linkButton(
                        ctx.t(PeopleText.listCSV), Site.residentsCSV(id, flag: c.flagName, building: c.building),
                        primary: false)
                }
                H.el("p", [("class", "muted no-print")], text: ctx.t(PeopleText.listPrint))
                H.el("p", [("class", "print-only muted")], text: ctx.t(PeopleText.printedAt, printedAt))
                C.text(ctx.t(PeopleText.listCount, String(rows.count)))
                C.table(
                    caption: heading,
                    headers: [
                        ctx.t(TerritoryText.residentName), ctx.t(PeopleText.birthYear), ctx.t(PeopleText.building),
                        ctx.t(PeopleText.door), ctx.t(PeopleText.phone), ctx.t(PeopleText.flags),
                    ],
                    rows: rows.map { r in
                        [
                            H.link(r.name, Site.resident(r.id)),
                            .text(
                                ResidentPage.birthYear(ctx, r.birthYear, currentYear: year)),
                            .text([r.compound, r.building].filter { !$0.isEmpty }.joined(separator: " ")),
                            H.link(r.unitNumber, Site.unit(r.unitID)),
                            .text(r.phone.map(OneTimeCodeRules.mask) ?? "—"),
                            .text(
                                r.flags.names.map { ctx.t("enum.ResidentFlag.\($0)") }.joined(
                                    separator: ctx.lang == .zhHans ? "、" : ", ")),
                        ]
                    })
            }
        }
    }
}
