import Foundation
import YishiCore

/// The needs' part of the API description.
extension OpenAPIDocument {
    static let needsOperations: [Operation] = [
        .init(
            method: "post", path: "/api/v1/needs",
            summary:
                "Raise a need: a verified resident for themselves, or staff for a resident (onBehalfOf, with an offline channel)",
            tag: "needs", body: "NeedIn", response: (201, "Need")),
        .init(
            method: "get", path: "/api/v1/needs", summary: "The ranked needs of a node's communities", tag: "needs",
            response: (200, "[Need]"), query: ["node", "sort"],
            queryValues: ["sort": NeedsAPI.sorts]),
        .init(
            method: "post", path: "/api/v1/needs/{needID}/supports",
            summary: "Me too: support a need (once per person; a second time is 409)", tag: "needs",
            body: "SupportIn", response: (201, "Need"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/needs/{needID}/similar",
            summary: "Needs of the same community that may say the same (suggestions only)", tag: "needs",
            response: (200, "[SimilarNeed]")),
    ]

    static var needsSchemas: [String: Any] {
        let channel = enumeration(YishiCore.Channel.allCases.map(\.rawValue))
        let onBehalf = object(["resident": string], required: ["resident"])
        return [
            "Need": object(
                [
                    "id": uuid, "title": string, "text": string, "category": string, "categoryName": string,
                    "node": string, "community": string,
                    "status": enumeration(NeedStatus.allCases.map(\.rawValue)),
                    "channel": enumeration(YishiCore.Channel.allCases.map(\.rawValue) + [NeedsFromGap.origin]),
                    "raisedAt": ["type": "string", "format": "date-time"],
                    "score": object(
                        [
                            "households": int, "buildings": int, "ageBands": int, "depth": number,
                            "commonGround": number,
                            "channels": int, "vulnerable": int, "safety": ["type": "boolean"], "waitingMonths": int,
                            "priority": number,
                        ],
                        required: [
                            "households", "buildings", "ageBands", "depth", "commonGround", "channels", "vulnerable",
                            "safety",
                            "waitingMonths", "priority",
                        ]),
                ],
                required: [
                    "id", "title", "text", "category", "categoryName", "node", "community", "status", "channel",
                    "raisedAt", "score",
                ]),
            "NeedIn": object(
                [
                    "text": string, "category": string, "node": string, "hideName": ["type": "boolean"],
                    "onBehalfOf": onBehalf, "channel": channel, "meeting": string,
                    "photos": ["type": "array", "items": string, "maxItems": 5],
                ], required: ["text", "category"]),
            "SupportIn": object(["onBehalfOf": onBehalf, "channel": channel], required: []),
            "SimilarNeed": object(
                [
                    "id": uuid, "title": string, "households": int, "dice": number,
                    "reason": enumeration(["similarText", "samePlaceAndCategory", "differentBuildings"]),
                ], required: ["id", "title", "households", "dice", "reason"]),
        ]
    }
}
