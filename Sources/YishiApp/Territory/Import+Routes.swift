import Fluent
import Vapor
import YishiCore

/// The upload page for territory CSV files. The upload is stored as a job and answered at once
/// with the job's page, which shows the outcome or the refused lines.
struct ImportRoutes: RouteCollection {
    static let maxBytes = 10 << 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.territoryImport.pathComponents, use: page)
        routes.on(
            .POST, Site.territoryImport.pathComponents, body: .collect(maxSize: ByteCount(value: Self.maxBytes)),
            use: upload
        )
        .allowingBody(upTo: Self.maxBytes)
    }

    func page(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        guard Policy.holdsAnywhere(req.actor, .territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        return req.render(ImportPage.view(req.pageContext, choices: choices(req), failure: nil))
    }

    func upload(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard Policy.holdsAnywhere(req.actor, .territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        guard let file = req.multipartForm?.file("file"), !file.data.isEmpty else {
            let failure = ImportFailure([ImportIssue(line: 1, problem: .emptyFile)])
            return req.render(
                ImportPage.view(req.pageContext, choices: choices(req), failure: failure, status: .unprocessableEntity))
        }
        let bound = try await TerritoryImportJob.bound(named: req.multipartForm?.field("node"), p.actor, on: req.db)
        let job = try await TerritoryImportJob.enqueue(
            file.data, name: file.filename ?? "", bound: bound, by: p.userID, on: req.db)
        return req.redirect(to: Site.job(try job.requireID()))
    }

    /// The nodes one may choose to import at, when there is a choice (several grants).
    func choices(_ req: Request) -> [(value: String, label: String)] {
        let held =
            req.principal?.held.filter {
                Policy.actions[$0.role, default: []].contains(.territoryImport) && $0.nodeCode != nil
            } ?? []
        guard held.count > 1 else { return [] }
        return held.map { ($0.nodeCode!, "\($0.nodeName ?? "")（\($0.nodeCode!)）") }
    }

}

/// The territory import page: the formats, the file field and, with several grants, where to import.
enum ImportPage {
    static func view(
        _ ctx: PageContext, choices: [(value: String, label: String)], failure: ImportFailure?, status: HTTPStatus = .ok
    ) -> PageView {
        var content: [HTMLNode] = []
        if let failure {
            content.append(
                H.el(
                    "div", [("class", "error-summary"), ("role", "alert")],
                    [
                        H.el("p", text: ctx.t(ImportText.failed)),
                        H.el(
                            "ul", [],
                            failure.issues.prefix(200).map { i in
                                H.el(
                                    "li",
                                    text: ctx.t(
                                        ImportText.line.key, String(i.line),
                                        ctx.t(i.problem.message.key, args: i.problem.message.args)))
                            }),
                    ]))
        }
        var fields: [HTMLNode] = []
        if !choices.isEmpty {
            fields.append(
                Forms.select(
                    ctx, "node", label: ctx.t(ImportText.node), options: [("", ctx.t(ImportText.allMine))] + choices,
                    selected: nil, includeBlank: false))
        }
        fields += [
            Forms.field(
                ctx, "file", label: ctx.t(ImportText.file), type: "file", required: true,
                attributes: [("accept", ".csv,text/csv")]),
            Forms.submit(ctx.t(ImportText.submit)),
        ]
        content += [
            H.el("p", text: ctx.t(ImportText.intro)),
            H.el(
                "ul", [],
                TerritoryImportKind.allCases.map { k in
                    H.el(
                        "li", [],
                        [
                            H.el("strong", text: ctx.t("import.kind.\(k.rawValue)") + "："),
                            H.el("code", text: (k.requiredColumns + k.optionalColumns).joined(separator: ",")),
                        ])
                }),
            H.el("p", [("class", "muted")], text: ctx.t(ImportText.formats)),
            Forms.form(ctx, action: Site.territoryImport, multipart: true, fields),
        ]
        return PageView(title: ctx.t(ImportText.title), status: status) { content }
    }
}
