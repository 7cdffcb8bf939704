import Foundation
import YishiCore

/// The diagnosis reports' and the planners' statistics' part of the API description.
extension OpenAPIDocument {
    static let diagnosisOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/diagnosis/{nodeID}",
            summary: "A community's diagnosis reports (社区把脉): every version, and the latest in full",
            tag: "planners", response: (200, "DiagnosisVersions")),
        .init(
            method: "get", path: "/api/v1/diagnosis/{nodeID}/{version}",
            summary: "One version of a community's diagnosis, with the figures computed when it was saved",
            tag: "planners", response: (200, "Diagnosis")),
        .init(
            method: "post", path: "/api/v1/diagnosis/{nodeID}",
            summary:
                "Write a new version: history and culture, resources, recommendations (each may name needs on the list to propose a project); the platform computes the figures",
            tag: "planners", body: "DiagnosisIn", response: (201, "Diagnosis"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/planner-statistics/{districtID}",
            summary:
                "Planners per tier, pairing coverage, and per subdistrict the planners, service hours and projects in a year (`?year=`)",
            tag: "planners", response: (200, "PlannerStatistics")),
        .init(
            method: "post", path: "/api/v1/planners/{plannerID}/honours",
            summary:
                "Nominate a planner for the year's honour (excellent planner; exemplary case, naming a project they worked on); once per kind and year",
            tag: "planners", body: "HonourIn", response: (201, "Honour"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/planner-honours/{honourID}/decision",
            summary: "The district awards or declines a nomination (once)", tag: "planners",
            body: "HonourDecisionIn", response: (200, "Honour"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/planner-honours/{districtID}",
            summary: "The district's public honour roll (the awarded ones)", tag: "planners",
            response: (200, "[Honour]")),
    ]

    static var diagnosisSchemas: [String: Any] {
        let bool: [String: Any] = ["type": "boolean"]
        let counts: [String: Any] = ["type": "object", "additionalProperties": int]
        let uuids: [String: Any] = ["type": "array", "items": uuid]
        let strings: [String: Any] = ["type": "array", "items": string]
        func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
        return [
            "DiagnosisIn": object(
                [
                    "history": string, "resources": string,
                    "recommendations": array(
                        object(["title": string, "text": string, "needs": uuids], required: ["title"])),
                ], required: []),
            "Diagnosis": object(
                [
                    "id": uuid, "community": string, "version": int, "createdAt": dateTime, "planner": uuid,
                    "history": string, "resources": string,
                    "recommendations": array(
                        object(
                            ["title": string, "text": string, "needs": uuids, "project": uuid],
                            required: ["title", "text", "needs"])),
                    "figures": object(
                        [
                            "computedAt": dateTime, "residents": int, "households": int, "unknownAge": int,
                            "ageBands": counts, "elderlyShare": number, "children": int, "householdSizes": counts,
                            "meanHouseholdSize": number,
                            "compounds": array(
                                object(
                                    [
                                        "name": string, "kind": string, "buildings": int, "units": int,
                                        "households": int,
                                    ], required: ["name", "buildings", "units", "households"])),
                            "lifeCircle": array(
                                object(
                                    [
                                        "compound": string, "okAtTier": int, "types": int, "missing": strings,
                                        "missing15": strings, "park": number, "culture": number, "sports": number,
                                    ], required: ["compound", "okAtTier", "types", "missing", "missing15"])),
                            "needsTotal": int,
                            "categories": array(
                                object(
                                    ["category": string, "needs": int, "households": int],
                                    required: ["category", "needs", "households"])),
                            "topNeeds": array(
                                object(
                                    [
                                        "id": uuid, "title": string, "category": string, "households": int,
                                        "priority": number, "status": string,
                                    ], required: ["id", "title", "category", "households", "priority", "status"])),
                        ],
                        required: [
                            "computedAt", "residents", "households", "unknownAge", "ageBands", "children",
                            "householdSizes", "compounds", "needsTotal", "categories", "topNeeds",
                        ]),
                ], required: ["id", "community", "version", "history", "resources", "recommendations"]),
            "DiagnosisVersions": object(
                [
                    "community": string,
                    "versions": array(
                        object(["version": int, "createdAt": dateTime, "planner": uuid], required: ["version"])),
                    "latest": ref("Diagnosis"),
                ], required: ["community", "versions"]),
            "HonourIn": object(
                [
                    "kind": enumeration(HonourKind.allCases.map(\.rawValue)), "year": int, "citation": string,
                    "project": uuid,
                ], required: ["kind", "citation"]),
            "HonourDecisionIn": object(["award": bool], required: ["award"]),
            "Honour": object(
                [
                    "id": uuid, "year": int, "kind": string, "planner": uuid, "name": string, "project": uuid,
                    "citation": string, "status": enumeration(HonourStatus.allCases.map(\.rawValue)),
                ], required: ["id", "year", "kind", "planner", "name", "citation", "status"]),
            "PlannerStatistics": object(
                [
                    "district": string, "year": int, "tiers": counts, "subdistricts": int, "paired": int,
                    "unpaired": strings,
                    "rows": array(
                        object(
                            [
                                "code": string, "name": string, "paired": bool, "planners": int, "hours": number,
                                "confirmedHours": number, "projects": int,
                            ],
                            required: ["code", "name", "paired", "planners", "hours", "confirmedHours", "projects"])),
                ], required: ["district", "year", "tiers", "subdistricts", "paired", "unpaired", "rows"]),
        ]
    }
}
