import Fluent
import Vapor
import YishiCore

/// The audit log under /api/v1. Described in `Audit+OpenAPI.swift`.
struct AuditAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("audit", use: audit)
        api.get("audit", "verify", use: auditVerify)
    }

    func audit(req: Request) async throws -> [DTO.AuditEntryOut] {
        let p = try req.requirePrincipal()
        let before = try? req.query.get(Int64.self, at: "before")
        let limit = min(max((try? req.query.get(Int.self, at: "limit")) ?? 100, 1), 1000)
        return try await AuditQueries.page(p.actor, before: before, limit: limit, on: req.db).map { e in
            DTO.AuditEntryOut(
                seq: e.seq, at: Date(timeIntervalSince1970: Double(e.atMillis) / 1000), actorId: e.actorID,
                actorLabel: e.actorLabel,
                action: e.action, targetType: e.targetType, targetId: e.targetID, nodeId: e.nodeID,
                onBehalfOf: e.onBehalfOf,
                channel: e.channel, details: AuditEntry.decode(e.details), hash: e.hash)
        }
    }

    func auditVerify(req: Request) async throws -> DTO.AuditVerification {
        try req.authorize(.auditRead, at: nil)
        switch try await AuditLog.verifyAndRecord(on: req.db, time: req.effects.time).outcome {
        case .ok(let n): return DTO.AuditVerification(ok: true, entries: n, brokenAt: nil, reason: nil)
        case .broken(let seq, let reason):
            return DTO.AuditVerification(ok: false, entries: nil, brokenAt: seq, reason: reason.rawValue)
        }
    }
}
