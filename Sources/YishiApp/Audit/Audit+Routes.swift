import Fluent
import Vapor
import YishiCore

/// The audit log, for those who may read it: platform-wide, or the entries of nodes in scope.
enum AuditQueries {
    /// What a reader narrows the log to. All fields optional; `node` includes its subtree.
    struct Filter: Sendable {
        var action: AuditAction?
        var actor: String?
        var node: TerritoryNode?
        /// Shanghai days, inclusive.
        var from: ShanghaiDay?
        var to: ShanghaiDay?

        var isEmpty: Bool { action == nil && actor == nil && node == nil && from == nil && to == nil }
    }

    /// Up to `limit` entries before sequence `before`, newest first, within the actor's scope.
    static func page(
        _ actor: Actor, before: Int64?, limit: Int, filter: Filter = Filter(), on db: any Database
    ) async throws -> [AuditEntry] {
        let scopes = Policy.scopes(actor, for: .auditRead)
        guard !scopes.isEmpty else { throw YishiError.denied(.roleLacksAction) }
        let q = AuditEntry.query(on: db).sort(\.$seq, .descending).limit(limit)
        if let before { q.filter(\.$seq < before) }
        var paths = scopes.contains(where: { $0 == nil }) ? nil : scopes.compactMap { $0 }
        if let node = filter.node {
            // A node chosen by the reader narrows their scope; it never widens it.
            let p = node.territoryPath
            guard paths == nil || paths!.contains(where: { $0.contains(p) }) else {
                throw YishiError.denied(.outsideScope)
            }
            paths = [p]
        }
        if let paths {
            q.join(TerritoryNode.self, on: \AuditEntry.$nodeID == \TerritoryNode.$id).joinedNodeInAnySubtree(paths)
        }
        if let action = filter.action { q.filter(\.$action == action.rawValue) }
        if let name = filter.actor { q.filter(\.$actorLabel ~~ name) }
        if let from = filter.from { q.filter(\.$atMillis >= from.startMillis) }
        if let to = filter.to { q.filter(\.$atMillis < to.startMillis + 86_400_000) }
        return try await q.all()
    }
}

/// A calendar day in Shanghai (UTC+8), as a filter reads "2026-12-01".
struct ShanghaiDay: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int

    init?(_ text: String?) {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1970...2200).contains(parts[0]), (1...12).contains(parts[1]),
            (1...31).contains(parts[2])
        else { return nil }
        (year, month, day) = (parts[0], parts[1], parts[2])
    }

    /// Midnight in Shanghai, as milliseconds since 1970 (days from the civil date, H. Hinnant).
    var startMillis: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return (days * 86_400 - 8 * 3600) * 1000
    }

    var text: String { String(format: "%04d-%02d-%02d", year, month, day) }
}

struct AuditRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.audit.pathComponents, use: page)
        routes.get(Site.auditCSV.pathComponents, use: csv)
    }

    /// The filter as the form sends it; a node is named by its code and must be in the reader's scope.
    static func filter(_ req: Request) async throws -> (AuditQueries.Filter, AuditPage.FilterForm) {
        let form = (try? req.query.decode(AuditPage.FilterForm.self)) ?? .init()
        var f = AuditQueries.Filter()
        f.action = form.action.flatMap(AuditAction.init(rawValue:))
        f.actor = form.actor.map(\.trimmed).flatMap { $0.isEmpty || FieldRules.hasControlCharacter($0) ? nil : $0 }
        if let code = form.node?.trimmed, !code.isEmpty {
            guard let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first() else {
                throw YishiError.invalid(["node": FieldText.unknownNode.key])
            }
            f.node = node
        }
        f.from = ShanghaiDay(form.from)
        f.to = ShanghaiDay(form.to)
        return (f, form)
    }

    func page(req: Request) async throws -> Response {
        let ctx = req.pageContext
        do {
            let (filter, form) = try await Self.filter(req)
            let model = try await AuditPage.load(
                by: req.caller, before: try? req.query.get(Int64.self, at: "before"), filter: filter, form: form,
                lang: ctx.lang)
            return req.render(AuditPage.view(model, ctx))
        } catch YishiError.invalid(let fields) {
            let form = (try? req.query.decode(AuditPage.FilterForm.self)) ?? .init()
            let model = AuditPage(rows: [], verification: nil, olderThan: nil, form: form)
            return req.render(AuditPage.view(model, ctx, errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    /// Every entry the filter selects (at most 100,000), as a spreadsheet in the reader's language.
    func csv(req: Request) async throws -> Response {
        let actor = try req.caller.requireActor()
        let (filter, _) = try await Self.filter(req)
        let lang = req.pageContext.lang
        let db = req.db
        let caller = req.caller
        // Checked before the answer starts, so a refusal is a 403, not a broken download.
        _ = try await AuditQueries.page(actor, before: nil, limit: 1, filter: filter, on: db)
        let header = [
            AuditText.seq, AuditText.at, AuditText.actor, AuditText.action, AuditText.target, AuditText.details,
            AuditText.forWhom,
        ].map { $0.text(lang) }
        return CSVExport.response(name: "audit", header: header) { emit in
            var before: Int64? = nil
            var sent = 0
            while sent < 100_000 {
                let entries = try await AuditQueries.page(actor, before: before, limit: 1000, filter: filter, on: db)
                if entries.isEmpty { break }
                let rows = try await AuditPage.rows(entries, by: caller, lang: lang)
                for r in rows {
                    try await emit([
                        String(r.seq), Show.dateTime(r.at), r.actor, r.action, r.target.label,
                        r.details.joined(separator: "；"), r.onBehalf ?? "",
                    ])
                }
                sent += entries.count
                before = entries.last?.seq
            }
        }
    }
}

/// The audit page's model: plain values, read within the caller's scope, in the reader's words.
struct AuditPage: Sendable {
    struct Row: Sendable {
        var seq: Int64
        var at: Date
        /// The one label of who acted: their name as the log recorded it.
        var actor: String
        var action: String
        /// What was acted on, by name, with a link when there is a page for it.
        var target: (label: String, href: String?)
        /// The details as sentences.
        var details: [String]
        /// For whom, by name, and through which channel, when entered on a resident's behalf.
        var onBehalf: String?
    }

    enum Verification: Sendable {
        case ok(entries: Int, at: Date?)
        case broken(seq: Int64, reason: String, at: Date?)
        case never
    }

    /// The filter form's values, as typed (the query string).
    struct FilterForm: Content, Sendable {
        var action: String?
        var actor: String?
        var node: String?
        var from: String?
        var to: String?

        /// The query string that repeats this filter (for the pager and the download).
        var query: String {
            [("action", action), ("actor", actor), ("node", node), ("from", from), ("to", to)]
                .compactMap { k, v in v.flatMap { $0.isEmpty ? nil : "\(k)=\(H.query($0))" } }
                .joined(separator: "&")
        }
    }

    static let pageSize = 50
    var rows: [Row]
    /// The last stored check of the whole chain; only for platform-wide readers.
    var verification: Verification?
    var olderThan: Int64?
    var form = FilterForm()

    static func load(
        by caller: Caller, before: Int64?, filter: AuditQueries.Filter = .init(), form: FilterForm = .init(),
        lang: Lang = .zhHans
    ) async throws -> AuditPage {
        let actor = try caller.requireActor()
        let entries = try await AuditQueries.page(actor, before: before, limit: pageSize, filter: filter, on: caller.db)
        var verification: Verification? = nil
        if Policy.scopes(actor, for: .auditRead).contains(where: { $0 == nil }) {
            // The last stored check (the command line, the API or the nightly job make one); never
            // the whole chain re-read for a page view.
            let last = try await AuditLog.lastVerification(on: caller.db)
            switch last?.outcome {
            case .ok(let n): verification = .ok(entries: n, at: last?.verifiedAt)
            case .broken(let seq, let reason):
                verification = .broken(seq: seq, reason: reason.rawValue, at: last?.verifiedAt)
            case nil: verification = .never
            }
        }
        return AuditPage(
            rows: try await rows(entries, by: caller, lang: lang), verification: verification,
            olderThan: entries.count == pageSize ? entries.last?.seq : nil, form: form)
    }

    static func view(_ m: AuditPage, _ ctx: PageContext, errors: FormErrors = FormErrors(), status: HTTPStatus = .ok)
        -> PageView
    {
        PageView(title: ctx.t(AuditText.title), status: status) {
            C.text(ctx.t(AuditText.intro))
            switch m.verification {
            case .ok(let n, let at)?:
                C.notice(
                    ctx.t(AuditText.verifyOK, String(n)) + " " + ctx.t(AuditText.verifyWhen, ctx.time(at)), tone: .ok)
            case .broken(let seq, let reason, let at)?:
                C.notice(
                    ctx.t(AuditText.verifyBroken, String(seq), reason) + " "
                        + ctx.t(AuditText.verifyWhen, ctx.time(at)),
                    tone: .error)
            case .never?:
                C.notice(ctx.t(AuditText.verifyNever), tone: .warning)
            case nil:
                []
            }
            Forms.summary(ctx, errors, order: ["action", "actor", "node", "from", "to"])
            filterForm(ctx, m.form, errors: errors)
            if m.rows.isEmpty {
                C.empty(ctx.t(m.form.query.isEmpty ? AuditText.none : AuditText.noneFiltered))
            } else {
                H.el("p", [("class", "no-print")]) {
                    C.linkButton(
                        ctx.t(AuditText.download), Site.auditCSV + (m.form.query.isEmpty ? "" : "?" + m.form.query),
                        primary: false)
                }
                C.table(
                    caption: ctx.t(AuditText.title),
                    headers: [
                        // The time first: on a phone the first cell heads the row's block, without a label.
                        ctx.t(AuditText.at), ctx.t(AuditText.actor), ctx.t(AuditText.action), ctx.t(AuditText.target),
                        ctx.t(AuditText.details),
                    ],
                    rows: m.rows.map { r in
                        [
                            .text("\(ctx.time(r.at)) · \(ctx.t(AuditText.seq)) \(r.seq)"),
                            H.el("span", [], [.text(r.actor)] + (r.onBehalf.map { [H.el("br"), .text($0)] } ?? [])),
                            .text(r.action),
                            r.target.href.map { H.link(r.target.label, $0) } ?? .text(r.target.label),
                            r.details.isEmpty ? .text("—") : C.list(r.details),
                        ]
                    })
            }
            if let older = m.olderThan {
                C.pager(
                    ctx.t(AuditText.title), newer: nil,
                    older: (
                        ctx.t(AuditText.older),
                        "\(Site.audit)?before=\(older)" + (m.form.query.isEmpty ? "" : "&" + m.form.query)
                    ))
            }
        }
    }

    static func filterForm(_ ctx: PageContext, _ f: FilterForm, errors: FormErrors) -> HTMLNode {
        H.el("form", [("method", "get"), ("action", Site.audit), ("class", "filters no-print")]) {
            Forms.select(
                ctx, "action", label: ctx.t(AuditText.action),
                options: [("", ctx.t(AuditText.allActions))]
                    + AuditAction.allCases.map { ($0.rawValue, ctx.name($0)) }, selected: f.action ?? "",
                includeBlank: false)
            Forms.field(ctx, "actor", label: ctx.t(AuditText.actor), value: f.actor ?? "", errors: errors)
            Forms.field(
                ctx, "node", label: ctx.t(AuditText.place), value: f.node ?? "", errors: errors,
                hint: ctx.t(AuditText.placeHint))
            Forms.field(ctx, "from", label: ctx.t(AuditText.from), value: f.from ?? "", type: "date", errors: errors)
            Forms.field(ctx, "to", label: ctx.t(AuditText.to), value: f.to ?? "", type: "date", errors: errors)
            Forms.submit(ctx.t(AuditText.filter))
        }
    }
}
