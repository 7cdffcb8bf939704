import Foundation
import YishiCore

/// The territory's part of the API description.
extension OpenAPIDocument {
    static let territoryOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/territory", summary: "The nodes where the caller's reading starts",
            tag: "territory", response: (200, "[Node]")),
        .init(
            method: "post", path: "/api/v1/territory", summary: "Create a district (platform admins)", tag: "territory",
            body: "NodeInput", response: (201, "Node")),
        .init(
            method: "get", path: "/api/v1/territory/{nodeID}",
            summary: "A node with its ancestors, children and counts", tag: "territory", response: (200, "NodeDetail")),
        .init(
            method: "patch", path: "/api/v1/territory/{nodeID}", summary: "Edit a node", tag: "territory",
            body: "NodePatch", response: (200, "Node")),
        .init(
            method: "post", path: "/api/v1/territory/{nodeID}/children", summary: "Create a node below this one",
            tag: "territory", body: "NodeInput", response: (201, "Node")),
        .init(
            method: "get", path: "/api/v1/territory/{nodeID}/units", summary: "The units of a building",
            tag: "territory", response: (200, "[UnitSummary]")),
        .init(
            method: "post", path: "/api/v1/territory/{nodeID}/units", summary: "Add a unit to a building",
            tag: "territory", body: "UnitInput", response: (201, "UnitSummary")),
        .init(
            method: "post", path: "/api/v1/territory/import",
            summary:
                "Queue the import of a territory CSV (the body is the file; all or nothing; ?node= the node it is made at). The job's importResult tells the outcome or the refused lines",
            tag: "territory", body: "CSV", bodyType: "text/csv", response: (202, "Job"), query: ["node", "name"]),
        .init(
            method: "get", path: "/api/v1/units/{unitID}",
            summary: "A unit; owners and households for those allowed personal data", tag: "territory",
            response: (200, "UnitDetail")),
    ]

    static var territorySchemas: [String: Any] {
        let node: [String: Any] = object(
            [
                "id": uuid, "level": enumeration(TerritoryLevel.allCases.map(\.rawValue)), "code": string,
                "name": string, "kind": opt(string), "address": opt(string), "parentId": opt(uuid), "path": string,
            ],
            required: ["id", "level", "code", "name", "path"])
        let person = object(
            [
                "id": uuid, "code": string, "name": string, "phone": opt(string), "birthYear": opt(int),
                "flags": opt(["type": "array", "items": string]),
            ],
            required: ["id", "code", "name"])
        let unitKind = enumeration(["residential", "nonResidential", "parking"])
        let status = enumeration(["delivered", "developerUnsold", "soldUndelivered"])
        return [
            "Node": node,
            "Stats": object(
                ["units": int, "area": area, "households": int, "residents": int],
                required: ["units", "area", "households", "residents"]),
            "NodeDetail": object(
                ["node": ref("Node"), "ancestors": ref("[Node]"), "children": ref("[Node]"), "stats": ref("Stats")],
                required: ["node", "ancestors", "children", "stats"]),
            "NodeInput": object(
                ["code": string, "name": string, "kind": opt(string), "address": opt(string)],
                required: ["code", "name"]),
            "NodePatch": object(["code": string, "name": string, "kind": string, "address": string], required: []),
            "UnitSummary": object(
                [
                    "id": uuid, "code": string, "number": string, "kind": unitKind, "status": status, "area": area,
                    "areaSource": enumeration(["register", "survey", "contract"]), "registerArea": opt(area),
                    "surveyArea": opt(area),
                    "contractArea": opt(area), "buildingId": uuid,
                ], required: ["id", "code", "number", "kind", "status", "area", "areaSource", "buildingId"]),
            "UnitInput": object(
                [
                    "code": string, "number": string, "kind": unitKind, "status": status,
                    "registerArea": opt(areaInput), "surveyArea": opt(areaInput),
                    "contractArea": opt(areaInput),
                ], required: ["code", "number", "kind", "status"]),
            "Person": person,
            "Household": object(
                ["id": uuid, "code": string, "residents": ref("[Person]")], required: ["id", "code", "residents"]),
            "UnitDetail": object(
                ["unit": ref("UnitSummary"), "owners": opt(ref("[Person]")), "households": opt(ref("[Household]"))],
                required: ["unit"]),
            "ImportOutcome": object(
                [
                    "kind": enumeration(["compounds", "buildings", "units", "households", "owners"]), "added": int,
                    "updated": int, "unchanged": int,
                ],
                required: ["kind", "added", "updated", "unchanged"]),
            "CSV": ["type": "string", "description": "A territory CSV file; formats in docs/import-formats.md"],
        ]
    }
}
