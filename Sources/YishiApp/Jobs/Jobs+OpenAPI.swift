import Foundation
import YishiCore

/// Background jobs' part of the API description.
extension OpenAPIDocument {
    static let jobsOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/jobs/{jobID}",
            summary: "A background job: status, progress, step, error, result", tag: "jobs", response: (200, "Job"))
    ]

    static var jobsSchemas: [String: Any] {
        return [
            "Job": object(
                [
                    "id": uuid,
                    "kind": [
                        "type": "string",
                        "description": "the job kind a capability registered: atlasImport, territoryImport …",
                    ],
                    "status": enumeration(["queued", "running", "succeeded", "failed"]), "progress": int,
                    "step": bilingual, "error": opt(bilingual), "district": opt(string), "file": opt(string),
                    "result": opt(
                        object(
                            [
                                "nodes": int, "edges": int, "origins": int, "facilities": int, "matched": int,
                                "kept": int,
                            ],
                            required: ["nodes", "edges", "origins", "facilities", "matched", "kept"])),
                    "importResult": opt(
                        object(
                            [
                                "outcome": opt(ref("ImportOutcome")), "issueCount": opt(int),
                                "issues": opt([
                                    "type": "array",
                                    "items": object(
                                        ["line": int, "message": bilingual],
                                        required: ["line", "message"]),
                                ]),
                            ],
                            required: [])),
                    "createdAt": opt(dateTime), "startedAt": opt(dateTime), "finishedAt": opt(dateTime),
                ],
                required: ["id", "kind", "status", "progress", "step"])
        ]
    }
}
