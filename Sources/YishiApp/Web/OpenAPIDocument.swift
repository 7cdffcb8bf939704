import Foundation
import YishiCore

/// The OpenAPI 3.1 description of /api/v1, written by hand as the contract and assembled from each
/// capability's part (`<Capability>+OpenAPI.swift`); a test fails when it and the registered routes
/// differ in either direction.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        /// OpenAPI form, `{name}` for parameters.
        var path: String
        var summary: String
        var tag: String
        var body: String? = nil
        var bodyType: String = "application/json"
        var response: (status: Int, schema: String?)
        var query: [String] = []
        /// The values a query parameter takes, where it takes only some (`sort`).
        var queryValues: [String: [String]] = [:]
        var responseType: String = "application/json"
        /// Readable without signing in.
        var isPublic: Bool = false
        /// Error statuses beyond the common ones (a second "me too" is a 409).
        var alsoErrors: [String] = []
    }

    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    static var string: [String: Any] { ["type": "string"] }
    static var int: [String: Any] { ["type": "integer"] }
    static var area: [String: Any] {
        ["type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$", "description": "square metres, two decimals"]
    }
    /// An area as a caller may send it: square metres with up to two decimals.
    static var areaInput: [String: Any] {
        ["type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$", "description": "square metres, up to two decimals"]
    }
    static func opt(_ s: [String: Any]) -> [String: Any] { ["anyOf": [s, ["type": "null"]]] }
    static func ref(_ name: String) -> [String: Any] {
        name.hasPrefix("[")
            ? ["type": "array", "items": ref(String(name.dropFirst().dropLast()))]
            : ["$ref": "#/components/schemas/\(name)"]
    }
    /// An object with exactly these properties: one the schema does not name is drift, and the
    /// suite's check of every API answer (`SchemaCheck`) reports it.
    static func object(_ props: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "properties": props, "required": required, "additionalProperties": false]
    }
    static func enumeration(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    static var number: [String: Any] { ["type": "number"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static var bilingual: [String: Any] { object(["zh-Hans": string, "en": string], required: ["zh-Hans", "en"]) }

    /// Every role, from the type itself: a new role cannot be missing here.
    static var roles: [String: Any] { enumeration(Role.allCases.map(\.rawValue)) }

    /// The document of the registered capabilities' operations and schemas.
    static func document(_ features: Features) -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for op in features.operations {
            var o: [String: Any] = [
                "summary": op.summary, "tags": [op.tag],
                "operationId": op.method + op.path.replacingOccurrences(of: "/", with: "_"),
            ]
            let params = op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
                String($0.dropFirst().dropLast())
            }
            // Codes and a budget line's key are text; every other path parameter is an id.
            let parameters =
                params.map {
                    [
                        "name": $0, "in": "path", "required": true,
                        "schema": ["code", "line"].contains($0) ? string : uuid,
                    ]
                        as [String: Any]
                }
                + op.query.map {
                    [
                        "name": $0, "in": "query", "required": false,
                        "schema": op.queryValues[$0].map(enumeration)
                            ?? (["before", "limit"].contains($0) ? int : string),
                    ]
                        as [String: Any]
                }
            if !parameters.isEmpty { o["parameters"] = parameters }
            if let body = op.body {
                o["requestBody"] = ["required": true, "content": [op.bodyType: ["schema": ref(body)]]]
            }
            var responses: [String: Any] = [:]
            if let schema = op.response.schema {
                responses[String(op.response.status)] = [
                    "description": "OK", "content": [op.responseType: ["schema": ref(schema)]],
                ]
            } else {
                responses[String(op.response.status)] = ["description": "OK"]
            }
            // Every answer a route can give: a body of the wrong type is 415, too large 413.
            let errors = ["400", "401", "403", "404", "422"] + (op.body == nil ? [] : ["413", "415"]) + op.alsoErrors
            for code in errors where op.path.hasPrefix("/api/v1/") && op.path != "/api/v1/openapi.json" {
                responses[code] = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]]
            }
            o["responses"] = responses
            if op.isPublic { o["security"] = [] as [Any] }
            paths[op.path, default: [:]][op.method] = o
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Yishi 议事 API", "version": "1.0.0",
                "description":
                    "Participatory community planning. Errors are {\"error\": true, \"reason\": …} in the caller's language (Accept-Language). State-changing calls with a session cookie need the X-CSRF-Token header; calls with a bearer token do not.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": []], ["cookieAuth": []]],
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer", "description": "An API token from My account"],
                    "cookieAuth": ["type": "apiKey", "in": "cookie", "name": "yishi_session"],
                ],
                "schemas": features.schemas(),
            ],
            "paths": paths,
        ]
    }

    static func json(_ features: Features) throws -> Data {
        try JSONSerialization.data(
            withJSONObject: document(features), options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
