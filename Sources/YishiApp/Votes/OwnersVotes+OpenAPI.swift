import Foundation
import YishiCore

/// The owners' votes' part of the API description.
extension OpenAPIDocument {
    static let ownersVotesOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/votes", summary: "Owners' votes at or below a node (drafts for organisers)",
            tag: "votes", response: (200, "[OwnersVote]"), query: ["node"]),
        .init(
            method: "post", path: "/api/v1/votes",
            summary:
                "Create an owners' vote at a compound (or a shared part of it, or one building): the owners' committee, or the residents' committee where the compound has none",
            tag: "votes", body: "OwnersVoteIn", response: (201, "OwnersVote"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/votes/{voteID}", summary: "A vote and its state", tag: "votes",
            response: (200, "OwnersVote")),
        .init(
            method: "post", path: "/api/v1/votes/{voteID}/register",
            summary:
                "Freeze the register from the territory data and publish it for the correction period (again: with a reason, before opening). 422 lists each problem with a link to fix it",
            tag: "votes", body: "RegisterIn", response: (200, "OwnersVote"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/votes/{voteID}/register",
            summary: "The frozen register: persons as the engine grouped them, areas, notes (owners' register readers)",
            tag: "votes", response: (200, "OwnersRegister")),
        .init(
            method: "post", path: "/api/v1/votes/{voteID}/register/designations",
            summary:
                "Record the co-owner who votes for a co-owned home (a new version of the register, before opening)",
            tag: "votes", body: "DesignationIn", response: (200, "OwnersVote"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/votes/{voteID}/open",
            summary: "Open voting: after the correction period, with every objection answered; the register is fixed",
            tag: "votes", response: (200, "OwnersVote"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/votes/{voteID}/ballots",
            summary:
                "A ballot: online from the owner's own session (the register's phone); paper (serial) and proxy (authority, instruction) by staff. A second ballot of the same person is 409 unless it is a correction",
            tag: "votes", body: "OwnerBallotIn", response: (201, "OwnerBallot"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/votes/{voteID}/ballots",
            summary:
                "The signed ballots that count, after the close: organisers and owners on the register; each view audited",
            tag: "votes", response: (200, "[SignedBallot]"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/votes/{voteID}/turnout",
            summary: "Persons and area taking part against what the quorum needs (never the choices)", tag: "votes",
            response: (200, "Turnout")),
        .init(
            method: "post", path: "/api/v1/votes/{voteID}/close", summary: "Close and count (a second close is 409)",
            tag: "votes", response: (200, "OwnersVote"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/votes/{voteID}/publish", summary: "Publish the result as a notice",
            tag: "votes", response: (200, "OwnersVote"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/votes/{voteID}/result",
            summary: "The result, with the same keys as `yishi votes tally`'s JSON (409 before the close)",
            tag: "votes",
            response: (200, "OwnersVoteResult"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/receipts/{code}",
            summary: "Check a ballot by its receipt code: counted, as cast (no account needed)", tag: "votes",
            response: (200, "Receipt"), isPublic: true),
        .init(
            method: "put", path: "/api/v1/vote-settings/{districtID}",
            summary: "A district's correction period for owners' registers, in days (0–90; default 7)", tag: "votes",
            body: "VoteSettings", response: (200, "VoteSettings")),
    ]

    static var ownersVotesSchemas: [String: Any] {
        let condition = object(
            ["name": string, "check": string, "passed": ["type": "boolean"]], required: ["name", "check", "passed"])
        let status = enumeration(["passed", "failed", "no_quorum", "needs_review"])
        let variant = object(
            [
                "status": status, "persons_participating": int, "area_participating": area,
                "quorum_met": ["type": "boolean"], "threshold_met": ["type": "boolean"],
                "conditions": ["type": "array", "items": condition],
            ],
            required: [
                "status", "persons_participating", "area_participating", "quorum_met", "threshold_met", "conditions",
            ])
        let strings: [String: Any] = ["type": "array", "items": string]
        return [
            "OwnersVote": object(
                [
                    "id": uuid, "node": string, "nodeName": string, "project": uuid,
                    "scope": enumeration(["wholeEstate", "sharedPart", "buildingGroup"]), "scopeLabel": string,
                    "matter": int, "matterName": string, "title": string, "text": string,
                    "countParking": ["type": "boolean"], "silenceFollowsMajority": ["type": "boolean"],
                    "silenceRule": string, "registerNoticeDays": int, "opensAt": dateTime, "closesAt": dateTime,
                    "status": enumeration(OwnerVote.Status.allCases.map(\.rawValue)), "registerVersion": int,
                    "registerHash": string, "registerPublishedAt": dateTime, "correctionEndsAt": dateTime,
                    "registerNotice": uuid, "openedAt": dateTime, "closedAt": dateTime, "resultStatus": status,
                    "resultHash": string, "resultNotice": uuid, "documents": strings,
                ],
                required: [
                    "id", "node", "nodeName", "scope", "matter", "matterName", "title", "text", "countParking",
                    "silenceFollowsMajority", "registerNoticeDays", "status", "registerVersion", "documents",
                ]),
            "OwnersVoteIn": object(
                [
                    "node": string, "matter": int, "title": string, "text": string, "countParking": ["type": "boolean"],
                    "silenceFollowsMajority": ["type": "boolean"], "silenceRule": string, "registerNoticeDays": int,
                    "opensAt": string, "closesAt": string, "sharedPart": string, "partBuildings": strings,
                    "project": uuid, "documents": strings,
                ], required: ["node", "title", "text"]),
            "RegisterIn": object(["reason": string], required: []),
            "DesignationIn": object(["person": int, "owner": string], required: ["person", "owner"]),
            "OwnersRegister": object(
                [
                    "version": int, "hash": string, "personsTotal": int, "areaTotal": area, "notes": strings,
                    "persons": [
                        "type": "array",
                        "items": object(
                            [
                                "number": int, "owners": strings, "names": strings, "units": strings, "area": area,
                                "developer": ["type": "boolean"], "designated": string,
                            ], required: ["number", "owners", "names", "units", "area", "developer"]),
                    ],
                ], required: ["version", "hash", "personsTotal", "areaTotal", "persons", "notes"]),
            "OwnerBallotIn": object(
                [
                    "owner": string, "choice": enumeration(BallotChoice.allCases.map(\.rawValue)),
                    "channel": enumeration(OwnerVote.Channel.allCases.map(\.rawValue)), "serial": string,
                    "invalidReason": enumeration(OwnerVote.InvalidReason.allCases.map(\.rawValue)),
                    "proxyName": string, "instruction": enumeration(BallotChoice.allCases.map(\.rawValue)),
                    "correction": ["type": "boolean"], "scan": string, "authority": string,
                ], required: ["owner", "choice", "channel"]),
            "OwnerBallot": object(
                ["receipt": string, "person": int, "version": int, "channel": string, "at": dateTime],
                required: ["receipt", "person", "version", "channel", "at"]),
            "SignedBallot": object(
                [
                    "person": int, "owner": string, "choice": string, "invalidReason": string, "channel": string,
                    "serial": string, "proxyName": string, "version": int, "at": dateTime,
                ], required: ["person", "owner", "choice", "channel", "version", "at"]),
            "Turnout": object(
                [
                    "personsTotal": int, "personsParticipating": int, "personsNeeded": int, "areaTotal": area,
                    "areaParticipating": area, "areaNeeded": area, "quorumMet": ["type": "boolean"],
                ],
                required: [
                    "personsTotal", "personsParticipating", "personsNeeded", "areaTotal", "areaParticipating",
                    "areaNeeded", "quorumMet",
                ]),
            "Receipt": object(
                [
                    "receipt": string, "vote": uuid, "title": string, "choice": string, "channel": string,
                    "at": dateTime, "counts": ["type": "boolean"], "voteStatus": string, "counted": ["type": "boolean"],
                ], required: ["receipt", "vote", "title", "choice", "channel", "at", "counts", "voteStatus", "counted"]),
            "VoteSettings": object(["registerNoticeDays": int], required: ["registerNoticeDays"]),
            "OwnersVoteResult": object(
                [
                    "status": status, "matter": int, "threshold": enumeration(["half", "three_quarters"]),
                    "persons_total": int, "persons_participating": int, "persons_agree": int, "persons_against": int,
                    "persons_abstain": int, "persons_invalid": int, "persons_not_returned": int, "area_total": area,
                    "area_participating": area, "area_agree": area, "area_against": area, "area_abstain": area,
                    "area_invalid": area, "quorum_met": ["type": "boolean"],
                    "conditions": ["type": "array", "items": condition], "invalid_as_participating": variant,
                    "invalid_as_not_participating": variant, "silence_follows_majority": variant,
                    "notes": [
                        "type": "array", "items": object(["zh": string, "en": string], required: ["zh", "en"]),
                    ],
                ],
                required: [
                    "status", "matter", "threshold", "persons_total", "persons_participating", "persons_agree",
                    "persons_against", "persons_abstain", "persons_invalid", "persons_not_returned", "area_total",
                    "area_participating", "area_agree", "area_against", "area_abstain", "area_invalid", "quorum_met",
                    "conditions", "invalid_as_participating", "invalid_as_not_participating", "notes",
                ]),
        ]
    }
}
