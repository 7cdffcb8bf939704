import Fluent
import Vapor
import YishiCore

/// The upload page for territory CSV files.
struct ImportRoutes: RouteCollection {
    static let maxBytes = 10 << 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get("territory", "import", use: page)
        routes.on(.POST, "territory", "import", body: .collect(maxSize: ByteCount(value: Self.maxBytes)), use: upload)
            .allowingBody(upTo: Self.maxBytes)
    }

    func page(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        guard req.pageContext.can(.territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        return view(req.pageContext, outcome: nil, failure: nil)
    }

    func upload(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard req.pageContext.can(.territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        guard let file = req.multipartForm?.file("file"), !file.data.isEmpty else {
            return view(req.pageContext, outcome: nil, failure: ImportFailure([ImportIssue(line: 1, problem: .emptyFile)]), status: .unprocessableEntity)
        }
        do {
            let outcome = try await TerritoryImporter.run(file.data, actor: p.actor, auditActor: p.auditActor, on: req.db, time: req.effects.time)
            return view(req.pageContext, outcome: outcome, failure: nil)
        } catch let failure as ImportFailure {
            return view(req.pageContext, outcome: nil, failure: failure, status: .unprocessableEntity)
        }
    }

    func view(_ ctx: PageContext, outcome: TerritoryImporter.Outcome?, failure: ImportFailure?, status: HTTPStatus = .ok) -> Response {
        var content: [HTMLNode] = []
        if let o = outcome {
            let kind = TerritoryImportKind(rawValue: o.kind).map { ctx.t("import.kind.\($0.rawValue)") } ?? o.kind
            content.append(H.el("p", [("class", "notice"), ("role", "status")], text: ctx.t("import.done", kind, String(o.added), String(o.updated), String(o.unchanged))))
        }
        if let failure {
            content.append(H.el("div", [("class", "error-summary"), ("role", "alert")], [
                H.el("p", text: ctx.t("import.failed")),
                H.el("ul", [], failure.issues.prefix(200).map { i in
                    H.el("li", text: ctx.t("import.line", String(i.line), ctx.t(i.problem.message.key, args: i.problem.message.args)))
                }),
            ]))
        }
        content += [
            H.el("p", text: ctx.t("import.intro")),
            H.el("ul", [], TerritoryImportKind.allCases.map { k in
                H.el("li", [], [H.el("strong", text: ctx.t("import.kind.\(k.rawValue)") + "："),
                                H.el("code", text: (k.requiredColumns + k.optionalColumns).joined(separator: ","))])
            }),
            H.el("p", [("class", "muted")], text: ctx.t("import.formats")),
            Forms.form(ctx, action: "/territory/import", multipart: true, [
                Forms.field(ctx, "file", label: ctx.t("import.file"), type: "file", required: true, attributes: [("accept", ".csv,text/csv")]),
                Forms.submit(ctx.t("import.submit")),
            ]),
        ]
        return Layout.page(ctx, title: ctx.t("import.title"), status: status, content)
    }
}
