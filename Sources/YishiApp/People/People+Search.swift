import Fluent
import Vapor
import YishiCore

/// Search within the searcher's scope: a resident by name or phone, a home by its door ("1-101"),
/// a household by its number, an owner by name or phone. Results link to the record.
struct SearchRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.search.pathComponents, use: page)
    }

    func page(req: Request) async throws -> Response {
        let caller = req.caller
        let actor = try caller.requireActor()
        guard Policy.holdsAnywhere(actor, .territoryRead), actor.kind == .staff else {
            throw YishiError.denied(.roleLacksAction)
        }
        let q = ((try? req.query.get(String.self, at: "q")) ?? "")
        let results = q.trimmed.isEmpty ? nil : try await PeopleQueries.search(q, by: caller)
        return req.render(SearchPage.view(req.pageContext, q: q, results: results, year: Show.year(caller.now)))
    }
}

enum SearchPage {
    static func form(_ ctx: PageContext, q: String) -> HTMLNode {
        H.el("form", [("method", "get"), ("action", Site.search), ("class", "search-bar"), ("role", "search")]) {
            Forms.field(
                ctx, "q", label: ctx.t(PeopleText.searchLabel), value: q, type: "search",
                hint: ctx.t(PeopleText.searchHint), attributes: [("autocomplete", "off")])
            Forms.submit(ctx.t(PeopleText.searchButton))
        }
    }

    static func view(_ ctx: PageContext, q: String, results: PeopleQueries.Results?, year: Int) -> PageView {
        PageView(title: ctx.t(PeopleText.searchTitle)) {
            form(ctx, q: q)
            if let r = results {
                if r.isEmpty {
                    C.empty(ctx.t(PeopleText.searchNone, q.trimmed))
                }
                if r.truncated { C.notice(ctx.t(PeopleText.searchMore, String(PeopleQueries.limit)), tone: .warning) }
                if !r.residents.isEmpty {
                    C.section(ctx.t(PeopleText.residents)) { residents(ctx, r.residents, year: year) }
                }
                if !r.units.isEmpty {
                    C.section(ctx.t(PeopleText.units)) {
                        C.list(r.units.map { u in [H.link("\(u.building) \(u.number)", Site.unit(u.id))] })
                    }
                }
                if !r.households.isEmpty {
                    C.section(ctx.t(PeopleText.households)) { residents(ctx, r.households, year: year) }
                }
                if !r.owners.isEmpty {
                    C.section(ctx.t(PeopleText.owners)) {
                        C.list(
                            r.owners.map { o in
                                [
                                    .text(o.name + (o.phone.map { " · " + OneTimeCodeRules.mask($0) } ?? "") + " · "),
                                    H.link("\(o.building) \(o.unitNumber)", Site.unit(o.unitID)),
                                ]
                            })
                    }
                }
            }
        }
    }

    static func residents(_ ctx: PageContext, _ rows: [PeopleQueries.ResidentRow], year: Int) -> HTMLNode {
        C.table(
            caption: ctx.t(PeopleText.residents),
            headers: [
                ctx.t(TerritoryText.residentName), ctx.t(PeopleText.birthYear), ctx.t(PeopleText.door),
                ctx.t(PeopleText.household), ctx.t(PeopleText.phone),
            ],
            rows: rows.map { r in
                [
                    H.link(r.name, Site.resident(r.id)),
                    .text(
                        ResidentPage.birthYear(ctx, r.birthYear, currentYear: year)),
                    H.link("\(r.building) \(r.unitNumber)", Site.unit(r.unitID)), .text(r.household),
                    .text(r.phone.map(OneTimeCodeRules.mask) ?? "—"),
                ]
            })
    }
}
