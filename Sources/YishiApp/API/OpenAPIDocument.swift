import Foundation

/// The OpenAPI 3.1 description of /api/v1, written by hand as the contract; a test fails when it
/// and the registered routes differ in either direction.
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
        var responseType: String = "application/json"
        /// Readable without signing in.
        var isPublic: Bool = false
    }

    static let operations: [Operation] = [
        .init(method: "get", path: "/health", summary: "Liveness and database check", tag: "system", response: (200, "Health")),
        .init(method: "get", path: "/metrics", summary: "Prometheus metrics (requests and latency by route)", tag: "system", response: (200, nil)),
        .init(method: "get", path: "/api/v1/openapi.json", summary: "This document", tag: "system", response: (200, nil)),
        .init(method: "get", path: "/api/v1/me", summary: "The signed-in user and their roles", tag: "accounts", response: (200, "Me")),
        .init(method: "get", path: "/api/v1/territory", summary: "The nodes where the caller's reading starts", tag: "territory", response: (200, "[Node]")),
        .init(method: "post", path: "/api/v1/territory", summary: "Create a district (platform admins)", tag: "territory", body: "NodeInput", response: (201, "Node")),
        .init(method: "get", path: "/api/v1/territory/{nodeID}", summary: "A node with its ancestors, children and counts", tag: "territory", response: (200, "NodeDetail")),
        .init(method: "patch", path: "/api/v1/territory/{nodeID}", summary: "Edit a node", tag: "territory", body: "NodePatch", response: (200, "Node")),
        .init(method: "post", path: "/api/v1/territory/{nodeID}/children", summary: "Create a node below this one", tag: "territory", body: "NodeInput", response: (201, "Node")),
        .init(method: "get", path: "/api/v1/territory/{nodeID}/units", summary: "The units of a building", tag: "territory", response: (200, "[UnitSummary]")),
        .init(method: "post", path: "/api/v1/territory/{nodeID}/units", summary: "Add a unit to a building", tag: "territory", body: "UnitInput", response: (201, "UnitSummary")),
        .init(method: "post", path: "/api/v1/territory/import",
              summary: "Queue the import of a territory CSV (the body is the file; all or nothing; ?node= the node it is made at). The job's importResult tells the outcome or the refused lines",
              tag: "territory", body: "CSV", bodyType: "text/csv", response: (202, "Job"), query: ["node", "name"]),
        .init(method: "get", path: "/api/v1/units/{unitID}", summary: "A unit; owners and households for those allowed personal data", tag: "territory", response: (200, "UnitDetail")),
        .init(method: "get", path: "/api/v1/users", summary: "Users within the caller's scope (administrators)", tag: "users", response: (200, "[User]")),
        .init(method: "post", path: "/api/v1/users", summary: "Create a staff account", tag: "users", body: "NewStaff", response: (201, "User")),
        .init(method: "get", path: "/api/v1/users/{userID}", summary: "One user with their roles", tag: "users", response: (200, "User")),
        .init(method: "post", path: "/api/v1/users/{userID}/grants", summary: "Grant a role at a node", tag: "users", body: "GrantInput", response: (201, "User")),
        .init(method: "delete", path: "/api/v1/users/{userID}/grants/{grantID}", summary: "Revoke a role", tag: "users", response: (204, nil)),
        .init(method: "get", path: "/api/v1/tokens", summary: "The caller's API tokens (signed-in browser session only: 403 with a token)", tag: "accounts", response: (200, "[Token]")),
        .init(method: "post", path: "/api/v1/tokens", summary: "Create an API token with one of the caller's roles (shown once; browser session only, 403 with a token)", tag: "accounts", body: "TokenInput", response: (201, "NewToken")),
        .init(method: "delete", path: "/api/v1/tokens/{tokenID}", summary: "Revoke an API token (browser session only: 403 with a token)", tag: "accounts", response: (204, nil)),
        .init(method: "get", path: "/api/v1/audit", summary: "Audit entries within scope, newest first", tag: "audit", response: (200, "[AuditEntry]"), query: ["before", "limit"]),
        .init(method: "get", path: "/api/v1/audit/verify", summary: "Check the audit chain (platform administrators)", tag: "audit", response: (200, "AuditVerification")),
        .init(method: "get", path: "/api/v1/lifecircle/{code}", summary: "15-minute life circle of a district, subdistrict or community: shares by type and gaps by compound",
              tag: "lifecircle", response: (200, "LifeCircle"), isPublic: true),
        .init(method: "get", path: "/api/v1/lifecircle/{code}/gaps.csv", summary: "The gap list as CSV (UTF-8 with BOM)", tag: "lifecircle",
              response: (200, "GapsCSV"), responseType: "text/csv", isPublic: true),
        .init(method: "post", path: "/api/v1/lifecircle/{code}/import", summary: "Queue the import of a district's OpenStreetMap extract (the body is the .osm.pbf or .osm file; ?name= its file name)",
              tag: "lifecircle", body: "OSMExtract", bodyType: "application/octet-stream", response: (202, "Job"), query: ["name"]),
        .init(method: "put", path: "/api/v1/lifecircle/places/{placeID}/compound", summary: "Link a residential area on the map to a territory compound (null unlinks)",
              tag: "lifecircle", body: "PlaceLink", response: (204, nil)),
        .init(method: "get", path: "/api/v1/jobs/{jobID}", summary: "A background job: status, progress, step, error, result", tag: "lifecircle", response: (200, "Job")),
    ]

    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    static var string: [String: Any] { ["type": "string"] }
    static var int: [String: Any] { ["type": "integer"] }
    static var area: [String: Any] { ["type": "string", "pattern": "^[0-9]+\\.[0-9]{2}$", "description": "square metres, two decimals"] }
    static func opt(_ s: [String: Any]) -> [String: Any] { ["anyOf": [s, ["type": "null"]]] }
    static func ref(_ name: String) -> [String: Any] {
        name.hasPrefix("[") ? ["type": "array", "items": ref(String(name.dropFirst().dropLast()))] : ["$ref": "#/components/schemas/\(name)"]
    }
    static func object(_ props: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "properties": props, "required": required]
    }
    static func enumeration(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    static var number: [String: Any] { ["type": "number"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static var bilingual: [String: Any] { object(["zh-Hans": string, "en": string], required: ["zh-Hans", "en"]) }

    static var lifeCircle: [String: Any] {
        let types = enumeration(["bus_stop", "clinic", "culture", "elderly_care", "kindergarten", "market", "park", "pharmacy", "school", "sports"])
        let share = object(["type": types, "name": string, "radius": number, "atStandard": int, "within15Minutes": int, "places": int,
                            "shareAtStandard": number, "share15Minutes": number],
                           required: ["type", "name", "radius", "atStandard", "within15Minutes", "places", "shareAtStandard", "share15Minutes"])
        let compound = object(["code": opt(string), "name": opt(string), "mapNames": ["type": "array", "items": string], "osm": ["type": "array", "items": string],
                               "metres": ["type": "object", "additionalProperties": opt(number), "description": "metres to the nearest facility of each type; null beyond 1,200 m"],
                               "missingAtStandard": ["type": "array", "items": object(["type": types, "metres": opt(number)], required: ["type"])],
                               "missing15Minutes": ["type": "array", "items": types]],
                              required: ["mapNames", "osm", "metres", "missingAtStandard", "missing15Minutes"])
        let source = object(["file": string, "importedAt": opt(dateTime), "nodes": int, "edges": int, "homes": int, "facilities": int],
                            required: ["file", "nodes", "edges", "homes", "facilities"])
        return object(["node": ref("Node"), "district": string, "source": opt(source), "fifteenMinutesMetres": number, "places": int,
                       "shares": ["type": "array", "items": share], "compounds": ["type": "array", "items": compound], "compoundsNotOnMap": int],
                      required: ["node", "district", "fifteenMinutesMetres", "places", "shares", "compounds", "compoundsNotOnMap"])
    }

    static var schemas: [String: Any] {
        let roles = enumeration(["platformAdmin", "districtAdmin", "subdistrictStaff", "communityStaff", "planner", "ownersCommittee", "propertyManager", "socialOrganization", "resident"])
        let node: [String: Any] = object(["id": uuid, "level": enumeration(["district", "subdistrict", "community", "compound", "building"]), "code": string,
                                          "name": string, "kind": opt(string), "address": opt(string), "parentId": opt(uuid), "path": string],
                                         required: ["id", "level", "code", "name", "path"])
        let grant = object(["id": opt(uuid), "role": roles, "node": opt(string), "nodeName": opt(string)], required: ["role"])
        let person = object(["id": uuid, "code": string, "name": string, "phone": opt(string), "birthYear": opt(int), "flags": opt(["type": "array", "items": string])],
                            required: ["id", "code", "name"])
        let unitKind = enumeration(["residential", "nonResidential", "parking"]), status = enumeration(["delivered", "developerUnsold", "soldUndelivered"])
        return [
            "Error": object(["error": ["type": "boolean"], "reason": string, "fields": ["type": "object", "additionalProperties": string],
                             "lines": ["type": "array", "items": object(["line": int, "reason": string], required: ["line", "reason"])]], required: ["error", "reason"]),
            "Health": object(["status": string, "database": string], required: ["status", "database"]),
            "Me": object(["id": uuid, "displayName": string, "kind": enumeration(["staff", "resident"]), "verified": ["type": "boolean"],
                          "grants": ["type": "array", "items": ref("Grant")], "viaToken": ["type": "boolean"]], required: ["id", "displayName", "kind", "verified", "grants", "viaToken"]),
            "Grant": grant,
            "Node": node,
            "Stats": object(["units": int, "area": area, "households": int, "residents": int], required: ["units", "area", "households", "residents"]),
            "NodeDetail": object(["node": ref("Node"), "ancestors": ref("[Node]"), "children": ref("[Node]"), "stats": ref("Stats")], required: ["node", "ancestors", "children", "stats"]),
            "NodeInput": object(["code": string, "name": string, "kind": opt(string), "address": opt(string)], required: ["code", "name"]),
            "NodePatch": object(["code": string, "name": string, "kind": string, "address": string], required: []),
            "UnitSummary": object(["id": uuid, "code": string, "number": string, "kind": unitKind, "status": status, "area": area,
                                   "areaSource": enumeration(["register", "survey", "contract"]), "registerArea": opt(area), "surveyArea": opt(area),
                                   "contractArea": opt(area), "buildingId": uuid], required: ["id", "code", "number", "kind", "status", "area", "areaSource", "buildingId"]),
            "UnitInput": object(["code": string, "number": string, "kind": unitKind, "status": status, "registerArea": opt(area), "surveyArea": opt(area),
                                 "contractArea": opt(area)], required: ["code", "number", "kind", "status"]),
            "Person": person,
            "Household": object(["id": uuid, "code": string, "residents": ref("[Person]")], required: ["id", "code", "residents"]),
            "UnitDetail": object(["unit": ref("UnitSummary"), "owners": opt(ref("[Person]")), "households": opt(ref("[Household]"))], required: ["unit"]),
            "ImportOutcome": object(["kind": enumeration(["compounds", "buildings", "units", "households", "owners"]), "added": int, "updated": int, "unchanged": int],
                                    required: ["kind", "added", "updated", "unchanged"]),
            "CSV": ["type": "string", "description": "A territory CSV file; formats in docs/import-formats.md"],
            "User": object(["id": uuid, "kind": enumeration(["staff", "resident"]), "username": opt(string), "phone": opt(string), "displayName": string,
                            "verified": ["type": "boolean"], "grants": ref("[Grant]")], required: ["id", "kind", "displayName", "verified", "grants"]),
            "NewStaff": object(["username": string, "displayName": string, "password": ["type": "string", "minLength": 10], "role": opt(roles), "node": opt(string)],
                               required: ["username", "displayName", "password"]),
            "GrantInput": object(["role": roles, "node": opt(string)], required: ["role"]),
            "TokenInput": object(["name": string, "role": roles, "node": opt(string)], required: ["name", "role"]),
            "Token": object(["id": uuid, "name": string, "role": roles, "node": opt(string), "lastUsedAt": opt(["type": "string", "format": "date-time"]),
                             "createdAt": opt(["type": "string", "format": "date-time"])], required: ["id", "name", "role"]),
            "NewToken": object(["token": string, "details": ref("Token")], required: ["token", "details"]),
            "AuditEntry": object(["seq": int, "at": ["type": "string", "format": "date-time"], "actorId": opt(uuid), "actorLabel": string, "action": string,
                                  "targetType": string, "targetId": string, "nodeId": opt(uuid), "onBehalfOf": opt(uuid), "channel": opt(string),
                                  "details": ["type": "object", "additionalProperties": string], "hash": string],
                                 required: ["seq", "at", "actorLabel", "action", "targetType", "targetId", "details", "hash"]),
            "LifeCircle": lifeCircle,
            "GapsCSV": ["type": "string", "description": "One line per compound: code, name, map names, OSM ids, types missing at the standard distance and within 15 minutes, metres to each type"],
            "OSMExtract": ["type": "string", "format": "binary", "description": "An OpenStreetMap extract, .osm.pbf or .osm (XML), at most 64 MB"],
            "PlaceLink": object(["compound": opt(string)], required: []),
            "Job": object(["id": uuid, "kind": enumeration(["atlasImport", "territoryImport"]), "status": enumeration(["queued", "running", "succeeded", "failed"]), "progress": int,
                           "step": bilingual, "error": opt(bilingual), "district": opt(string), "file": opt(string),
                           "result": opt(object(["nodes": int, "edges": int, "origins": int, "facilities": int, "matched": int, "kept": int],
                                                 required: ["nodes", "edges", "origins", "facilities", "matched", "kept"])),
                           "importResult": opt(object(["outcome": opt(ref("ImportOutcome")), "issueCount": opt(int),
                                                       "issues": opt(["type": "array", "items": object(["line": int, "message": bilingual],
                                                                                                       required: ["line", "message"])])],
                                                      required: [])),
                           "createdAt": opt(dateTime), "startedAt": opt(dateTime), "finishedAt": opt(dateTime)],
                          required: ["id", "kind", "status", "progress", "step"]),
            "AuditVerification": object(["ok": ["type": "boolean"], "entries": opt(int), "brokenAt": opt(int), "reason": opt(string)], required: ["ok"]),
        ]
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for op in operations {
            var o: [String: Any] = ["summary": op.summary, "tags": [op.tag], "operationId": op.method + op.path.replacingOccurrences(of: "/", with: "_")]
            let params = op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            // Codes are text; every other path parameter is an id.
            let parameters = params.map { ["name": $0, "in": "path", "required": true, "schema": $0 == "code" ? string : uuid] as [String: Any] }
                + op.query.map { ["name": $0, "in": "query", "required": false, "schema": $0 == "name" ? string : int] as [String: Any] }
            if !parameters.isEmpty { o["parameters"] = parameters }
            if let body = op.body { o["requestBody"] = ["required": true, "content": [op.bodyType: ["schema": ref(body)]]] }
            var responses: [String: Any] = [:]
            if let schema = op.response.schema {
                responses[String(op.response.status)] = ["description": "OK", "content": [op.responseType: ["schema": ref(schema)]]]
            } else {
                responses[String(op.response.status)] = ["description": "OK"]
            }
            // Every answer a route can give: a body of the wrong type is 415, too large 413.
            let errors = ["400", "401", "403", "404", "422"] + (op.body == nil ? [] : ["413", "415"])
            for code in errors where op.path.hasPrefix("/api/v1/") && op.path != "/api/v1/openapi.json" {
                responses[code] = ["description": "Error", "content": ["application/json": ["schema": ref("Error")]]]
            }
            o["responses"] = responses
            if op.isPublic { o["security"] = [] as [Any] }
            paths[op.path, default: [:]][op.method] = o
        }
        return [
            "openapi": "3.1.0",
            "info": ["title": "Yishi 议事 API", "version": "1.0.0",
                     "description": "Participatory community planning. Errors are {\"error\": true, \"reason\": …} in the caller's language (Accept-Language). State-changing calls with a session cookie need the X-CSRF-Token header; calls with a bearer token do not."],
            "servers": [["url": "/"]],
            "security": [["bearerAuth": []], ["cookieAuth": []]],
            "components": [
                "securitySchemes": [
                    "bearerAuth": ["type": "http", "scheme": "bearer", "description": "An API token from My account"],
                    "cookieAuth": ["type": "apiKey", "in": "cookie", "name": "yishi_session"],
                ],
                "schemas": schemas,
            ],
            "paths": paths,
        ]
    }

    static func json() throws -> Data {
        try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
