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
        routes.get("audit", use: page)
    }

    func page(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let before = try? req.query.get(Int64.self, at: "before")
        let entries = try await AuditQueries.page(p.actor, before: before, limit: 50, on: req.db)
        let platformWide = Policy.scopes(p.actor, for: .auditRead).contains { $0 == nil }
        // The last stored check (the command line, the API or the nightly job make one); never
        // the whole chain re-read for a page view.
        let last = platformWide ? try await AuditLog.lastVerification(on: req.db) : nil
        let ctx = req.pageContext
        var content: [HTMLNode] = [H.el("p", text: ctx.t("audit.intro"))]
        if platformWide {
            switch last?.outcome {
            case .ok(let n):
                content.append(
                    H.el(
                        "p", [("class", "notice"), ("role", "status")],
                        text: ctx.t("audit.verify.ok", String(n)) + " "
                            + ctx.t("audit.verify.when", ctx.time(last?.verifiedAt))))
            case .broken(let seq, let reason):
                content.append(
                    H.el(
                        "p", [("class", "error-summary"), ("role", "alert")],
                        text: ctx.t("audit.verify.broken", String(seq), reason.rawValue) + " "
                            + ctx.t("audit.verify.when", ctx.time(last?.verifiedAt))))
            case nil:
                content.append(H.el("p", [("class", "notice")], text: ctx.t("audit.verify.never")))
            }
        }
        content.append(
            entries.isEmpty
                ? H.el("p", text: ctx.t("audit.none"))
                : Forms.table(
                    caption: ctx.t("audit.title"),
                    headers: [
                        ctx.t("audit.seq"), ctx.t("audit.at"), ctx.t("audit.actor"), ctx.t("audit.action"),
                        ctx.t("audit.target"), ctx.t("audit.details"),
                    ],
                    rows: entries.map { e in
                        let details = AuditEntry.decode(e.details).sorted { $0.key < $1.key }.map {
                            "\($0.key)=\($0.value)"
                        }.joined(separator: "; ")
                        let assisted =
                            e.channel.map { c in
                                " · "
                                    + ctx.t(
                                        "audit.onBehalf", e.onBehalfOf?.uuidString.prefix(8).description ?? "",
                                        YishiCore.Channel(rawValue: c).map(ctx.name) ?? c)
                            } ?? ""
                        return [
                            .text(String(e.seq)),
                            .text(ctx.time(Date(timeIntervalSince1970: Double(e.atMillis) / 1000))),
                            .text(e.actorLabel + assisted),
                            .text(AuditAction(rawValue: e.action).map(ctx.name) ?? e.action),
                            .text("\(e.targetType) \(e.targetID)"), .text(details),
                        ]
                    }))
        if let last = entries.last, entries.count == 50 {
            content.append(H.el("p", [], [H.link(ctx.t("audit.older"), "/audit?before=\(last.seq)")]))
        }
        return Layout.page(ctx, title: ctx.t("audit.title"), content)
    }
}
