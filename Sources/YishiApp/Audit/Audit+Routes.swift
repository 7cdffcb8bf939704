import Fluent
import Vapor
import YishiCore

/// The audit log, for those who may read it: platform-wide, or the entries of nodes in scope.
enum AuditQueries {
    /// Up to `limit` entries before sequence `before`, newest first, within the actor's scope.
    static func page(_ actor: Actor, before: Int64?, limit: Int, on db: any Database) async throws -> [AuditEntry] {
        let scopes = Policy.scopes(actor, for: .auditRead)
        guard !scopes.isEmpty else { throw YishiError.denied(.roleLacksAction) }
        var q = AuditEntry.query(on: db).sort(\.$seq, .descending).limit(limit)
        if let before { q = q.filter(\.$seq < before) }
        if !scopes.contains(where: { $0 == nil }) {
            let paths = scopes.compactMap { $0 }
            q = q.join(TerritoryNode.self, on: \AuditEntry.$nodeID == \TerritoryNode.$id)
                .joinedNodeInAnySubtree(paths)
        }
        return try await q.all()
    }
}

struct AuditRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.audit.pathComponents, use: page)
    }

    func page(req: Request) async throws -> Response {
        let model = try await AuditPage.load(by: req.caller, before: try? req.query.get(Int64.self, at: "before"))
        return req.render(AuditPage.view(model, req.pageContext))
    }
}

/// The audit page's model: plain values, read within the caller's scope.
struct AuditPage: Sendable {
    struct Row: Sendable {
        var seq: Int64
        var at: Date
        var actor: String
        /// For whom, when entered on a resident's behalf (代录): the resident's id prefix and the channel.
        var onBehalf: (resident: String, channel: String)?
        var action: String
        var target: String
        var details: String
    }

    enum Verification: Sendable {
        case ok(entries: Int, at: Date?)
        case broken(seq: Int64, reason: String, at: Date?)
        case never
    }

    static let pageSize = 50
    var rows: [Row]
    /// The last stored check of the whole chain; only for platform-wide readers.
    var verification: Verification?
    var olderThan: Int64?

    static func load(by caller: Caller, before: Int64?) async throws -> AuditPage {
        let actor = try caller.requireActor()
        let entries = try await AuditQueries.page(actor, before: before, limit: pageSize, on: caller.db)
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
        let rows = entries.map { e in
            Row(
                seq: e.seq, at: Date(timeIntervalSince1970: Double(e.atMillis) / 1000), actor: e.actorLabel,
                onBehalf: e.channel.map { (e.onBehalfOf?.uuidString.prefix(8).description ?? "", $0) },
                action: e.action, target: "\(e.targetType) \(e.targetID)",
                details: AuditEntry.decode(e.details).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                    .joined(separator: "; "))
        }
        return AuditPage(
            rows: rows, verification: verification, olderThan: entries.count == pageSize ? entries.last?.seq : nil)
    }

    static func view(_ m: AuditPage, _ ctx: PageContext) -> PageView {
        PageView(title: ctx.t(AuditText.title)) {
            H.el("p", text: ctx.t(AuditText.intro))
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
            if m.rows.isEmpty {
                C.empty(ctx.t(AuditText.none))
            } else {
                C.table(
                    caption: ctx.t(AuditText.title),
                    headers: [
                        // The time first: on a phone the first cell heads the row's block, without a label.
                        ctx.t(AuditText.at), ctx.t(AuditText.seq), ctx.t(AuditText.actor), ctx.t(AuditText.action),
                        ctx.t(AuditText.target), ctx.t(AuditText.details),
                    ],
                    rows: m.rows.map { r in
                        let assisted =
                            r.onBehalf.map { o in
                                " · "
                                    + ctx.t(
                                        AuditText.onBehalf, o.resident,
                                        YishiCore.Channel(rawValue: o.channel).map(ctx.name) ?? o.channel)
                            } ?? ""
                        return [
                            .text(ctx.time(r.at)), .text(String(r.seq)), .text(r.actor + assisted),
                            .text(AuditAction(rawValue: r.action).map(ctx.name) ?? r.action), .text(r.target),
                            .text(r.details),
                        ]
                    })
            }
            if let older = m.olderThan {
                C.pager(
                    ctx.t(AuditText.title), newer: nil, older: (ctx.t(AuditText.older), "\(Site.audit)?before=\(older)")
                )
            }
        }
    }
}
