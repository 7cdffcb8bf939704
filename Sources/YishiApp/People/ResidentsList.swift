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
        return Choice(
            node: node, flag: flagName.flatMap { ResidentFlags(encoded: $0) }, flagName: flagName, building: building,
            buildings: buildings)
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
                        "building": c.buildings.first { $0.id == c.building }?.name ?? "",
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
                r.building, r.unitNumber, r.household, r.phone.map(OneTimeCodeRules.mask) ?? "",
                r.flags.names.map { ctx.t("enum.ResidentFlag.\($0)") }.joined(separator: "、"),
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
        let buildingLabel = c.buildings.first { $0.id == c.building }?.name
        let heading = [c.node.name, buildingLabel, flagLabel].compactMap { $0 }.joined(separator: " · ")
        return PageView(title: ctx.t(PeopleText.listTitle)) {
            C.text(ctx.t(PeopleText.listIntro), muted: true)
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
                        + c.buildings.map { ($0.id!.uuidString, $0.name) }, selected: c.building?.uuidString ?? "",
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
                C.text(ctx.t(PeopleText.listPrint), muted: true)
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
                                ctx.paren(
                                    String(r.birthYear),
                                    ctx.t(
                                        PeopleText.age,
                                        String(ResidentRules.age(birthYear: r.birthYear, currentYear: year))))
                            ),
                            .text(r.building), H.link(r.unitNumber, Site.unit(r.unitID)),
                            .text(r.phone.map(OneTimeCodeRules.mask) ?? "—"),
                            .text(r.flags.names.map { ctx.t("enum.ResidentFlag.\($0)") }.joined(separator: "、")),
                        ]
                    })
                H.el("p", [("class", "print-only muted")], text: ctx.t(PeopleText.printedAt, printedAt))
            }
        }
    }
}
