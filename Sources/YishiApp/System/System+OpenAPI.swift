import Foundation
import YishiCore

/// The system's part of the API description: health, metrics, this document, the error shape.
extension OpenAPIDocument {
    static let systemOperations: [Operation] = [
        .init(
            method: "get", path: "/health", summary: "Liveness and database check", tag: "system",
            response: (200, "Health")),
        .init(
            method: "get", path: "/metrics", summary: "Prometheus metrics (requests and latency by route)",
            tag: "system", response: (200, nil)),
        .init(
            method: "get", path: "/api/v1/openapi.json", summary: "This document", tag: "system", response: (200, nil)),
    ]

    static var systemSchemas: [String: Any] {
        return [
            "Error": object(
                [
                    "error": ["type": "boolean"], "reason": string,
                    "fields": ["type": "object", "additionalProperties": string],
                    "lines": [
                        "type": "array",
                        "items": object(["line": int, "reason": string], required: ["line", "reason"]),
                    ],
                    // What stops an owners' register from being frozen, each with the page where it is fixed.
                    "problems": [
                        "type": "array",
                        "items": object(["reason": string, "link": string], required: ["reason"]),
                    ],
                ], required: ["error", "reason"]),
            "Health": object(["status": string, "database": string], required: ["status", "database"]),
        ]
    }
}
