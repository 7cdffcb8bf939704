import Vapor
import YishiCore

/// The audit log's JSON shapes (`Audit+OpenAPI.swift` describes them).
extension DTO {
    struct AuditEntryOut: Content {
        var seq: Int64
        var at: Date
        var actorId: UUID?
        var actorLabel: String
        var action: String
        var targetType: String
        var targetId: String
        var nodeId: UUID?
        var onBehalfOf: UUID?
        var channel: String?
        var details: [String: String]
        var hash: String
    }

    struct AuditVerification: Content {
        var ok: Bool
        var entries: Int?
        var brokenAt: Int64?
        var reason: String?
    }
}
