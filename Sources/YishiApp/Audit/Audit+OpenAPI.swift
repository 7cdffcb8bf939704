import Foundation
import YishiCore

/// The audit log's part of the API description.
extension OpenAPIDocument {
    static let auditOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/audit", summary: "Audit entries within scope, newest first", tag: "audit",
            response: (200, "[AuditEntry]"), query: ["before", "limit"]),
        .init(
            method: "get", path: "/api/v1/audit/verify", summary: "Check the audit chain (platform administrators)",
            tag: "audit", response: (200, "AuditVerification")),
    ]

    static var auditSchemas: [String: Any] {
        return [
            "AuditEntry": object(
                [
                    "seq": int, "at": ["type": "string", "format": "date-time"], "actorId": opt(uuid),
                    "actorLabel": string, "action": string,
                    "targetType": string, "targetId": string, "nodeId": opt(uuid), "onBehalfOf": opt(uuid),
                    "channel": opt(string),
                    "details": ["type": "object", "additionalProperties": string], "hash": string,
                ],
                required: ["seq", "at", "actorLabel", "action", "targetType", "targetId", "details", "hash"]),
            "AuditVerification": object(
                ["ok": ["type": "boolean"], "entries": opt(int), "brokenAt": opt(int), "reason": opt(string)],
                required: ["ok"]),
        ]
    }
}
