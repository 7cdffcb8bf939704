import Fluent
import Vapor
import YishiCore

/// The upload page for territory CSV files. An upload is checked first (a job that plans the
/// import and writes nothing); its page shows what would be added, changed and refused, and the
/// person confirms — then the same file is imported by a second job. The page also offers a
/// template per kind, the formats (`ImportHelp`) and the history of imports in the person's scope.
struct ImportRoutes: RouteCollection {
    static let maxBytes = 10 << 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.territoryImport.pathComponents, use: page)
        routes.on(
            .POST, Site.territoryImport.pathComponents, body: .collect(maxSize: ByteCount(value: Self.maxBytes)),
            use: upload
        )
        .allowingBody(upTo: Self.maxBytes)
        routes.post(Site.Pattern.importConfirm.pathComponents, use: confirm)
        routes.get(Site.Pattern.importTemplate.pathComponents, use: template)
        routes.get(Site.importHelp.pathComponents, use: help)
    }

    func mayImport(_ req: Request) throws -> Principal {
        let p = try req.requirePrincipal()
        guard Policy.holdsAnywhere(req.actor, .territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        return p
    }

    func page(req: Request) async throws -> Response {
        let p = try mayImport(req)
        let history = try await ImportHistory.recent(for: p.actor, on: req.db)
        return req.render(ImportPage.view(req.pageContext, choices: choices(req), history: history))
    }

    func upload(req: Request) async throws -> Response {
        let p = try mayImport(req)
        guard let file = req.multipartForm?.file("file"), !(file.filename ?? "").isEmpty || !file.data.isEmpty else {
            // No file chosen: say so, not "line 1: the file is empty".
            let history = try await ImportHistory.recent(for: p.actor, on: req.db)
            return req.render(
                ImportPage.view(
                    req.pageContext, choices: choices(req), history: history,
                    errors: FormErrors(["file": FieldText.chooseFile.key]), status: .unprocessableEntity))
        }
        guard !file.data.isEmpty else {
            let history = try await ImportHistory.recent(for: p.actor, on: req.db)
            return req.render(
                ImportPage.view(
                    req.pageContext, choices: choices(req), history: history,
                    failure: ImportFailure([ImportIssue(line: 1, problem: .emptyFile)]), status: .unprocessableEntity))
        }
        let bound = try await TerritoryImportJob.bound(named: req.multipartForm?.field("node"), p.actor, on: req.db)
        let job = try await TerritoryImportJob.enqueue(
            file.data, name: file.filename ?? "", bound: bound, by: p.userID, preview: true, on: req.db)
        return req.redirect(to: Site.job(try job.requireID()))
    }

    /// Imports the file a check kept: only its uploader, only once (a second confirmation, or one
    /// after the file was let go, is a 409 with a plain sentence).
    func confirm(req: Request) async throws -> Response {
        let p = try mayImport(req)
        guard let id = req.parameters.get("jobID", as: UUID.self), let preview = try await Job.find(id, on: req.db),
            preview.kind == .territoryPreview, preview.createdByID == p.userID
        else { throw YishiError.notFound }
        guard preview.status == .succeeded,
            let job = try await JobRunner.enqueue(.territoryImport, fileOf: id, on: req.db)
        else {
            throw Abort(.conflict, reason: ImportText.previewGone.text(req.pageContext.lang))
        }
        return req.redirect(to: Site.job(try job.requireID()))
    }

    /// A blank file of one kind with Chinese headers and two example rows, as Excel opens it.
    func template(req: Request) async throws -> Response {
        _ = try mayImport(req)
        let name = (req.parameters.get("kind") ?? "").replacingOccurrences(of: ".csv", with: "")
        guard let kind = TerritoryImportKind(rawValue: name) else { throw YishiError.notFound }
        let t = ImportTemplates.rows(kind)
        return CSVExport.response(name: "template-\(kind.rawValue)", header: t.header) { emit in
            for row in t.examples { try await emit(row) }
        }
    }

    func help(req: Request) async throws -> Response {
        _ = try mayImport(req)
        return req.render(ImportHelp.view(req.pageContext))
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

/// The imports a person sees in their history: their own, and those made at places in their scope.
enum ImportHistory {
    struct Row: Sendable {
        var id: UUID
        var at: Date?
        var who: String
        var file: String
        var status: Job.Status
        var result: TerritoryImportResult?
    }

    static func recent(for actor: Actor, limit: Int = 20, on db: any Database) async throws -> [Row] {
        let scopes = Policy.scopes(actor, for: .territoryImport)
        let jobs = try await Job.query(on: db).filter(\.$kind == .territoryImport).with(\.$node)
            .sort(\.$createdAt, .descending).limit(200).all()
            .filter { job in
                job.createdByID == actor.userId
                    || scopes.contains { s in s == nil || job.node.map { s!.contains($0.territoryPath) } == true }
            }.prefix(limit)
        let userIDs = Array(Set(jobs.compactMap(\.createdByID)))
        let users = userIDs.isEmpty ? [] : try await User.query(on: db).filter(\.$id ~~ userIDs).all()
        return jobs.map { j in
            Row(
                id: j.id!, at: j.createdAt, who: users.first { $0.id == j.createdByID }?.displayName ?? "—",
                file: j.fileName ?? "—", status: j.status, result: j.territoryImportResult)
        }
    }
}

/// A template per kind: the Chinese headers and two rows that show how each column is written.
enum ImportTemplates {
    static func rows(_ kind: TerritoryImportKind) -> (header: [String], examples: [[String]]) {
        let columns = kind.requiredColumns + kind.optionalColumns
        let header = columns.map { kind.header($0, chinese: true) }
        let examples: [[String: String]]
        switch kind {
        case .compounds:
            examples = [
                [
                    "code": "BS01-C1-X9", "community": "BS01-C1", "name": "宝林九村", "housing_type": "售后公房",
                    "address": "宝山区友谊路 1 号",
                ],
                ["code": "BS01-C1-X10", "community": "BS01-C1", "name": "宝林苑", "housing_type": "普通商品房", "address": ""],
            ]
        case .buildings:
            examples = [
                ["code": "BS01-C1-X9-B1", "compound": "BS01-C1-X9", "name": "1号楼", "building_group": "第一楼组"],
                ["code": "BS01-C1-X9-B2", "compound": "BS01-C1-X9", "name": "2号楼", "building_group": "第一楼组"],
            ]
        case .units:
            examples = [
                [
                    "code": "BS01-C1-X9-B1-101", "building": "BS01-C1-X9-B1", "number": "101", "kind": "住宅",
                    "status": "已交付", "register_area": "56.20", "survey_area": "", "contract_area": "",
                ],
                [
                    "code": "BS01-C1-X9-B1-P01", "building": "BS01-C1-X9-B1", "number": "车位 1", "kind": "车位",
                    "status": "开发商未售", "register_area": "", "survey_area": "12.50", "contract_area": "",
                ],
            ]
        case .households:
            examples = [
                [
                    "household": "H-BS01-C1-X9-B1-101", "unit": "BS01-C1-X9-B1-101",
                    "resident": "R-BS01-C1-X9-B1-101-1",
                    "name": "王秀英", "birth_year": "1946", "phone": "13800000099", "flags": "老年人；独居",
                ],
                [
                    "household": "H-BS01-C1-X9-B1-101", "unit": "BS01-C1-X9-B1-101",
                    "resident": "R-BS01-C1-X9-B1-101-2",
                    "name": "李建国", "birth_year": "1978", "phone": "", "flags": "",
                ],
            ]
        case .owners:
            examples = [
                ["owner": "O-BS01-C1-X9-B1-101", "name": "王秀英", "phone": "13800000099", "unit": "BS01-C1-X9-B1-101"],
                ["owner": "O-BS01-C1-X9-B1-101", "name": "王秀英", "phone": "13800000099", "unit": "BS01-C1-X9-B1-P01"],
            ]
        }
        return (header, examples.map { e in columns.map { e[$0] ?? "" } })
    }
}

/// The territory import page: what it does, templates, the file field and, with several grants,
/// where to import; then the history.
enum ImportPage {
    static func view(
        _ ctx: PageContext, choices: [(value: String, label: String)], history: [ImportHistory.Row],
        failure: ImportFailure? = nil, errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(ImportText.title), status: status) {
            Forms.summary(ctx, errors, order: ["node", "file"])
            if let failure {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    H.el("p", text: ctx.t(ImportText.failed))
                    C.list(
                        failure.issues.prefix(200).map { i in
                            ctx.t(
                                ImportText.line.key, String(i.line),
                                ctx.t(i.problem.message.key, args: i.problem.message.args))
                        })
                }
            }
            C.text(ctx.t(ImportText.intro))
            C.text(ctx.t(ImportText.encodings))
            H.el("p", [], [C.linkButton(ctx.t(ImportText.formats), Site.importHelp, primary: false)])
            C.text(ctx.t(ImportText.templates))
            H.el("ul", [("class", "link-list")]) {
                for k in TerritoryImportKind.allCases {
                    H.el("li", [], [H.link(ctx.t("import.kind.\(k.rawValue)"), Site.importTemplate(k.rawValue))])
                }
            }
            Forms.form(
                ctx, action: Site.territoryImport, multipart: true,
                (choices.isEmpty
                    ? []
                    : [
                        Forms.select(
                            ctx, "node", label: ctx.t(ImportText.node),
                            options: [("", ctx.t(ImportText.allMine))] + choices, selected: nil, includeBlank: false)
                    ]) + [
                        Forms.field(
                            ctx, "file", label: ctx.t(ImportText.file), type: "file", required: true, errors: errors,
                            attributes: [("accept", ".csv,text/csv")]),
                        Forms.submit(ctx.t(ImportText.submit)),
                    ])
            C.section(ctx.t(ImportText.history)) {
                if history.isEmpty {
                    C.empty(ctx.t(ImportText.historyNone))
                } else {
                    C.table(
                        caption: ctx.t(ImportText.history),
                        headers: [
                            ctx.t(ImportText.historyWhen), ctx.t(ImportText.historyWho), ctx.t(ImportText.historyFile),
                            ctx.t(ImportText.historyResult),
                        ],
                        rows: history.map { r in
                            [
                                H.link(ctx.time(r.at), Site.job(r.id)), .text(r.who), .text(r.file),
                                .text(result(ctx, r)),
                            ]
                        })
                }
            }
        }
    }

    static func result(_ ctx: PageContext, _ r: ImportHistory.Row) -> String {
        if let o = r.result?.outcome {
            return ctx.t(ImportText.resultDone, String(o.added), String(o.updated), String(o.unchanged))
        }
        if let n = r.result?.issueCount { return ctx.t(ImportText.resultFailed, String(n)) }
        switch r.status {
        case .queued, .running: return ctx.t(ImportText.resultRunning)
        case .failed, .succeeded: return ctx.t(ImportText.resultStopped)
        }
    }
}

/// The formats, served by the app and made from the rules the importer applies (the columns, the
/// Chinese names, the allowed values), so the page cannot drift from what is accepted.
enum ImportHelp {
    static func values(_ ctx: PageContext, _ column: String) -> String {
        func oneOf<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> String where E.RawValue == String {
            ctx.t(ImportText.valueOneOf) + (ctx.lang == .zhHans ? "：" : ": ")
                + E.allCases.map { ctx.paren(Catalog.name($0, .zhHans), $0.rawValue) }.joined(
                    separator: ctx.lang == .zhHans ? "、" : ", ")
        }
        switch column {
        case "code", "owner", "resident", "household": return ctx.t(ImportText.valueCode)
        case "community", "compound", "building", "unit": return ctx.t(ImportText.valueRef)
        case "address": return ctx.t(ImportText.valueAddress)
        case "housing_type": return oneOf(HousingType.self)
        case "kind": return oneOf(UnitKind.self)
        case "status": return oneOf(UnitStatus.self)
        case "register_area", "survey_area", "contract_area": return ctx.t(ImportText.valueArea)
        case "birth_year": return ctx.t(ImportText.valueYear)
        case "phone": return ctx.t(ImportText.valuePhone)
        case "flags":
            return ctx.t(ImportText.valueFlags) + (ctx.lang == .zhHans ? "：" : ": ")
                + ResidentFlags.named.map { ctx.paren(Catalog.text("enum.ResidentFlag.\($0.name)", .zhHans), $0.name) }
                .joined(separator: ctx.lang == .zhHans ? "、" : ", ")
        default: return ctx.t(ImportText.valueText)
        }
    }

    static func view(_ ctx: PageContext) -> PageView {
        PageView(title: ctx.t(ImportText.helpTitle)) {
            C.text(ctx.t(ImportText.helpIntro))
            C.text(ctx.t(ImportText.encodings))
            for kind in TerritoryImportKind.allCases {
                C.section(ctx.t("import.kind.\(kind.rawValue)")) {
                    C.table(
                        caption: ctx.t("import.kind.\(kind.rawValue)"),
                        headers: [
                            ctx.t(ImportText.helpColumn), ctx.t(ImportText.helpEnglish), ctx.t(ImportText.helpRequired),
                            ctx.t(ImportText.helpValues),
                        ],
                        rows: (kind.requiredColumns + kind.optionalColumns).map { c in
                            let optional =
                                kind.optionalColumns.contains(c)
                                || ["phone", "flags", "survey_area", "contract_area", "register_area"].contains(c)
                            return [
                                .text(kind.header(c, chinese: true)), H.el("code", text: c),
                                .text(optional ? ctx.t(CommonText.no) : ctx.t(CommonText.yes)), .text(values(ctx, c)),
                            ]
                        })
                    H.el(
                        "p", [],
                        [
                            C.linkButton(
                                ctx.t(ImportText.templates) + " " + ctx.t("import.kind.\(kind.rawValue)"),
                                Site.importTemplate(kind.rawValue), primary: false)
                        ])
                }
            }
        }
    }
}
