import Foundation
import YishiCore

/// The questionnaires' part of the API description.
extension OpenAPIDocument {
    static let questionnairesOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/questionnaires",
            summary: "Questionnaires concerning a node (at it, above or below it); drafts for its staff",
            tag: "questionnaires", response: (200, "[Questionnaire]"), query: ["node"]),
        .init(
            method: "post", path: "/api/v1/questionnaires", summary: "Draft a questionnaire at a node (staff)",
            tag: "questionnaires", body: "QuestionnaireIn", response: (201, "Questionnaire")),
        .init(
            method: "get", path: "/api/v1/questionnaires/{questionnaireID}",
            summary: "A questionnaire with its questions and how many have answered", tag: "questionnaires",
            response: (200, "Questionnaire")),
        .init(
            method: "post", path: "/api/v1/questionnaires/{questionnaireID}/questions",
            summary: "Add a question to a draft (a published questionnaire never changes: 409)",
            tag: "questionnaires", body: "QuestionIn", response: (201, "Questionnaire"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/questionnaires/{questionnaireID}/publish",
            summary: "Open a draft with at least one question for its days (a second time is 409)",
            tag: "questionnaires", response: (200, "Questionnaire"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/questionnaires/{questionnaireID}/close",
            summary: "Close an open questionnaire early (409 when it is not open)", tag: "questionnaires",
            response: (200, "Questionnaire"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/questionnaires/{questionnaireID}/responses",
            summary:
                "Answer: a verified resident once for themselves (a second time is 409), or staff entering a paper form with its channel, for a named resident or unsigned; 409 when not open",
            tag: "questionnaires", body: "ResponseIn", response: (201, "QuestionnaireAnswered"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/questionnaires/{questionnaireID}/results",
            summary: "Counts, the mean of each scale and responses by channel; written answers for its staff only",
            tag: "questionnaires", response: (200, "QuestionnaireResults")),
    ]

    static var questionnairesSchemas: [String: Any] {
        let kind = enumeration(QuestionKind.allCases.map(\.rawValue))
        let strings: [String: Any] = ["type": "array", "items": string]
        let ints: [String: Any] = ["type": "array", "items": int]
        let question = object(
            [
                "kind": kind, "prompt": string, "options": strings, "required": ["type": "boolean"],
                "needCategory": string,
            ],
            required: ["kind", "prompt", "options", "required"])
        return [
            "Questionnaire": object(
                [
                    "id": uuid, "node": string, "title": string, "intro": string,
                    "status": enumeration(["draft", "open", "closed"]), "days": int, "opensAt": dateTime,
                    "closesAt": dateTime, "questions": ["type": "array", "items": question], "responses": int,
                ], required: ["id", "node", "title", "intro", "status", "days", "questions", "responses"]),
            "QuestionnaireIn": object(
                ["node": string, "title": string, "intro": string, "days": int], required: ["node", "title"]),
            "QuestionIn": object(
                [
                    "kind": kind, "prompt": string, "options": strings, "required": ["type": "boolean"],
                    "needCategory": string,
                ], required: ["kind", "prompt"]),
            "ResponseIn": object(
                [
                    "answers": [
                        "type": "array",
                        "items": object(
                            ["question": int, "choice": int, "choices": ints, "scale": int, "text": string],
                            required: ["question"]),
                    ],
                    "onBehalfOf": object(["resident": string], required: ["resident"]),
                    "channel": enumeration(YishiCore.Channel.allCases.map(\.rawValue)),
                ], required: ["answers"]),
            "QuestionnaireAnswered": object(
                ["id": uuid, "channel": string, "needsRaised": int], required: ["id", "channel", "needsRaised"]),
            "QuestionnaireResults": object(
                [
                    "id": uuid, "title": string, "responses": int,
                    "byChannel": ["type": "object", "additionalProperties": int],
                    "questions": [
                        "type": "array",
                        "items": object(
                            [
                                "prompt": string, "kind": kind, "options": strings, "answered": int, "counts": ints,
                                "mean": number, "texts": strings,
                            ], required: ["prompt", "kind", "options", "answered", "counts"]),
                    ],
                ], required: ["id", "title", "responses", "byChannel", "questions"]),
        ]
    }
}
