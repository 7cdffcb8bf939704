import Foundation
import YishiCore

/// The public notices' part of the API description.
extension OpenAPIDocument {
    static let noticesOperations: [Operation] = [
        .init(
            method: "post", path: "/api/v1/notices",
            summary: "Draft a public notice at a node (staff); files as base64", tag: "notices", body: "NoticeIn",
            response: (201, "Notice")),
        .init(
            method: "get", path: "/api/v1/notices",
            summary: "Published notices concerning a node (at it, above or below it); drafts for its staff",
            tag: "notices", response: (200, "[Notice]"), query: ["node"], isPublic: true),
        .init(
            method: "get", path: "/api/v1/notices/{noticeID}",
            summary: "A notice with its period, outcome, objections (no names) and files", tag: "notices",
            response: (200, "Notice"), isPublic: true),
        .init(
            method: "post", path: "/api/v1/notices/{noticeID}/publish",
            summary: "Publish a draft: its period starts now (a second time is 409)", tag: "notices",
            response: (200, "Notice"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/notices/{noticeID}/objections",
            summary:
                "Object during the period: a verified resident for themselves, or staff for an objection received offline (409 outside the period)",
            tag: "notices", body: "ObjectionIn", response: (201, "Objection"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/notices/{noticeID}/objections/{objectionID}/answer",
            summary: "Answer an objection (staff); answering again corrects it", tag: "notices", body: "AnswerIn",
            response: (200, "Objection")),
    ]

    static var noticesSchemas: [String: Any] {
        let channel = enumeration(YishiCore.Channel.allCases.map(\.rawValue))
        return [
            "Notice": object(
                [
                    "id": uuid, "node": string, "title": string, "body": string,
                    "status": enumeration(["draft", "published"]), "days": int, "startsAt": dateTime,
                    "endsAt": dateTime,
                    "outcome": object(
                        [
                            "state": enumeration(["draft", "running", "noObjection", "answered", "waiting"]),
                            "objections": int, "unanswered": int, "settled": ["type": "boolean"],
                        ], required: ["state", "objections", "unanswered", "settled"]),
                    "objections": ["type": "array", "items": ref("Objection")],
                    "files": [
                        "type": "array",
                        "items": object(
                            ["id": uuid, "name": string, "type": string, "url": string],
                            required: ["id", "name", "type", "url"]),
                    ],
                ], required: ["id", "node", "title", "body", "status", "days", "outcome", "objections", "files"]),
            "Objection": object(
                [
                    "id": uuid, "text": string, "channel": channel, "receivedAt": dateTime, "answer": string,
                    "answeredAt": dateTime,
                ], required: ["id", "text", "channel"]),
            "NoticeIn": object(
                [
                    "node": string, "title": string, "body": string, "days": int,
                    "files": ["type": "array", "items": string],
                ], required: ["node", "title", "body"]),
            "ObjectionIn": object(
                [
                    "text": string, "onBehalfOf": object(["resident": string], required: ["resident"]),
                    "channel": channel,
                ],
                required: ["text"]),
            "AnswerIn": object(["answer": string], required: ["answer"]),
        ]
    }
}
