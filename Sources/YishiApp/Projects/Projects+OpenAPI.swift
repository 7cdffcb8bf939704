import Foundation
import YishiCore

/// The projects' and meetings' part of the API description.
extension OpenAPIDocument {
    static let projectsOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/projects", summary: "The projects at or below a node", tag: "projects",
            response: (200, "[Project]"), query: ["node"]),
        .init(
            method: "post", path: "/api/v1/projects",
            summary: "Start a project from listed needs of a node (staff); the needs are taken up", tag: "projects",
            body: "ProjectIn", response: (201, "Project")),
        .init(
            method: "get", path: "/api/v1/projects/{projectID}",
            summary: "A project with its stage and what the stage still needs", tag: "projects",
            response: (200, "Project")),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/move",
            summary: "Move on (when the stage has what it needs; else 409) or back (with a reason)", tag: "projects",
            body: "MoveIn", response: (200, "Project"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/meetings", summary: "Call a meeting for the project",
            tag: "projects", body: "MeetingIn", response: (201, "Meeting")),
        .init(
            method: "get", path: "/api/v1/meetings", summary: "The meetings at or below a node, newest first",
            tag: "projects", response: (200, "[Meeting]"), query: ["node"]),
        .init(
            method: "post", path: "/api/v1/meetings", summary: "Call a meeting of a place that belongs to no project",
            tag: "projects", body: "PlaceMeetingIn", response: (201, "Meeting")),
        .init(
            method: "get", path: "/api/v1/meetings/{meetingID}",
            summary: "A meeting: attendance in person-times, minutes, resolutions (its code for staff only)",
            tag: "projects", response: (200, "Meeting")),
        .init(
            method: "post", path: "/api/v1/meetings/{meetingID}/signin",
            summary:
                "Sign in: a resident with the code; staff for a resident (onBehalfOf) or a paper count (a second sign-in of a person is 409)",
            tag: "projects", body: "SignInIn", response: (201, "Meeting"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/meetings/{meetingID}/minutes",
            summary: "Record the minutes (the meeting is held)",
            tag: "projects", body: "MinutesIn", response: (200, "Meeting")),
        .init(
            method: "post", path: "/api/v1/meetings/{meetingID}/resolutions",
            summary: "Record a resolution; the result follows the meeting's rule, every condition with its numbers",
            tag: "projects", body: "ResolutionIn", response: (201, "Meeting"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/meetings/{meetingID}/items",
            summary: "Record a view expressed, or a follow-up action with its owner and due date", tag: "projects",
            body: "MeetingItemIn", response: (201, "Meeting")),
        .init(
            method: "post", path: "/api/v1/meeting-items/{itemID}/done",
            summary: "Mark a follow-up action done (a second time is 409)", tag: "projects", response: (200, "Meeting"),
            alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/projects/{projectID}/options",
            summary: "The project's design options, every version with its comments", tag: "projects",
            response: (200, "[Option]")),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/options",
            summary: "Add an option or a new version of one (the same label); its drawing as base64 (staff)",
            tag: "projects", body: "OptionIn", response: (201, "Option"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/options/{optionID}/comments",
            summary: "Comment on a version (a resident of the place, or staff)", tag: "projects",
            body: "OptionCommentIn", response: (201, "Option")),
        .init(
            method: "post", path: "/api/v1/options/{optionID}/choose",
            summary: "Choose the option by a resolution passed at one of the project's meetings (staff)",
            tag: "projects", body: "ChooseIn", response: (200, "Option")),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/documents",
            summary: "Attach a named document at the project's stage (a picture or PDF as base64; staff)",
            tag: "projects", body: "DocumentIn", response: (201, nil)),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/members",
            summary:
                "Add to the working group: a resident (phone, number or name), a staff account (username) or a contractor's name (the same twice is 409)",
            tag: "projects", body: "MemberIn", response: (201, "Member"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/projects/{projectID}/records",
            summary: "The project's works and review records, oldest first", tag: "projects",
            response: (200, "[Record]")),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/records",
            summary:
                "Record procurement, progress, acceptance, upkeep, rules adopted, assessment, audit, before/after photos, a reminder or a nomination (staff); a resident of the place reports a problem",
            tag: "projects", body: "RecordIn", response: (201, "Record")),
        .init(
            method: "post", path: "/api/v1/records/{recordID}/meeting",
            summary: "Take a resident's problem to one of the project's meetings", tag: "projects", body: "LinkIn",
            response: (200, "Record")),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/survey",
            summary:
                "Make the project's satisfaction survey (a draft questionnaire: publish and close it as any other)",
            tag: "projects", response: (201, "SurveyMade")),
        .init(
            method: "post", path: "/api/v1/projects/{projectID}/follow",
            summary: "Follow the project (sms: also by text message, three a day at most)", tag: "projects",
            body: "FollowIn", response: (204, nil)),
        .init(
            method: "delete", path: "/api/v1/projects/{projectID}/follow", summary: "Stop following the project",
            tag: "projects", response: (204, nil)),
        .init(
            method: "get", path: "/api/v1/notifications",
            summary: "The caller's notifications, newest first, in their language", tag: "projects",
            response: (200, "[Notification]")),
        .init(
            method: "get", path: "/api/v1/statistics/projects",
            summary:
                "A place's figures: projects by stage, meetings held, attendance in person-times (offline apart), decisions, needs taken up",
            tag: "projects", response: (200, "ProjectStatistics"), query: ["node"]),
        .init(
            method: "post", path: "/api/v1/meetings/{meetingID}/option-votes",
            summary: "Open a vote between the project's design options; the rule and tie-break are fixed now",
            tag: "projects", body: "OptionVoteIn", response: (201, "OptionVote")),
        .init(
            method: "get", path: "/api/v1/option-votes/{voteID}",
            summary: "A vote: its rule, options, ballots so far, and once closed its result explained",
            tag: "projects", response: (200, "OptionVote")),
        .init(
            method: "post", path: "/api/v1/option-votes/{voteID}/ballots",
            summary:
                "A resident signed in at the meeting casts their ballot (once; again is 409); staff enter paper ballots (count alike, or spoilt). A closed vote is 409",
            tag: "projects", body: "OptionBallotIn", response: (201, "OptionVote"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/option-votes/{voteID}/close",
            summary: "End the vote and count it; the winner becomes the chosen option (a second close is 409)",
            tag: "projects", response: (200, "OptionVote"), alsoErrors: ["409"]),
    ]

    static var projectsSchemas: [String: Any] {
        let condition = object(
            ["name": string, "check": string, "passed": ["type": "boolean"]], required: ["name", "check", "passed"])
        return [
            "Project": object(
                [
                    "id": uuid, "node": string, "title": string, "description": string,
                    "kind": enumeration(ProjectKind.allCases.map(\.rawValue)),
                    "initiator": enumeration(ProjectInitiator.allCases.map(\.rawValue)), "budgetFen": int,
                    "template": string, "stage": int, "stages": ["type": "array", "items": string], "stageKey": string,
                    "done": ["type": "boolean"], "missing": ["type": "array", "items": string],
                    "needs": ["type": "array", "items": uuid], "lat": number, "lon": number,
                    "members": [
                        "type": "array",
                        "items": object(
                            ["id": uuid, "role": string, "name": string], required: ["id", "role", "name"]),
                    ],
                ],
                required: [
                    "id", "node", "title", "description", "kind", "initiator", "template", "stage", "stages", "done",
                    "missing", "needs", "members",
                ]),
            "ProjectIn": object(
                [
                    "node": string, "title": string, "description": string,
                    "kind": enumeration(ProjectKind.allCases.map(\.rawValue)),
                    "initiator": enumeration(ProjectInitiator.allCases.map(\.rawValue)), "budgetFen": int,
                    "template": string, "needs": ["type": "array", "items": uuid], "lat": number, "lon": number,
                ], required: ["node", "title", "kind", "initiator", "template", "needs"]),
            "MoveIn": object(
                ["direction": enumeration(["forward", "back"]), "reason": string], required: ["direction"]),
            "Meeting": object(
                [
                    "id": uuid, "node": string, "project": uuid,
                    "kind": enumeration(MeetingKind.allCases.map(\.rawValue)),
                    "title": string, "agenda": string, "venue": string,
                    "venueLevel": enumeration(VenueLevel.allCases.map(\.rawValue)), "startsAt": dateTime,
                    "code": string, "held": ["type": "boolean"], "minutes": string, "attendance": int,
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "id": uuid, "kind": enumeration(["view", "action", "file"]), "text": string,
                                "owner": string,
                                "due": string, "done": ["type": "boolean"],
                            ], required: ["id", "kind", "text", "done"]),
                    ],
                    "resolutions": [
                        "type": "array",
                        "items": object(
                            [
                                "id": uuid, "text": string, "electorate": int, "present": int, "yes": int,
                                "status": enumeration(TallyStatus.allCasesRaw),
                                "conditions": ["type": "array", "items": condition],
                            ], required: ["id", "text", "present", "yes", "status", "conditions"]),
                    ],
                ],
                required: [
                    "id", "node", "kind", "title", "agenda", "venue", "startsAt", "held", "attendance", "items",
                    "resolutions",
                ]),
            "PlaceMeetingIn": object(
                [
                    "node": string, "kind": enumeration(MeetingKind.allCases.map(\.rawValue)), "title": string,
                    "agenda": string, "venue": string, "startsAt": string,
                    "venueLevel": enumeration(VenueLevel.allCases.map(\.rawValue)),
                ], required: ["node", "kind", "title", "agenda", "venue", "startsAt"]),
            "MeetingIn": object(
                [
                    "kind": enumeration(MeetingKind.allCases.map(\.rawValue)), "title": string, "agenda": string,
                    "venue": string, "startsAt": string, "venueLevel": enumeration(VenueLevel.allCases.map(\.rawValue)),
                ], required: ["kind", "title", "agenda", "venue", "startsAt"]),
            "SignInIn": object(
                [
                    "code": string, "onBehalfOf": object(["resident": string], required: ["resident"]),
                    "paperCount": int,
                ], required: []),
            "MinutesIn": object(["minutes": string], required: ["minutes"]),
            "ResolutionIn": object(
                [
                    "text": string, "electorate": int, "present": int, "yes": int,
                    "basis": enumeration(["adults", "households", "groupRepresentatives"]), "households": int,
                    "householdsPresent": int, "hands": ["type": "array", "items": string],
                ], required: ["text"]),
            "MeetingItemIn": object(
                ["kind": enumeration(["view", "action"]), "text": string, "owner": string, "due": string],
                required: ["kind", "text"]),
            "OptionVote": object(
                [
                    "id": uuid, "meeting": uuid, "method": enumeration(["plurality", "approval", "borda"]),
                    "maxPicks": int, "tieBreak": string, "lotSeed": int,
                    "options": [
                        "type": "array",
                        "items": object(
                            ["id": uuid, "label": string, "version": int], required: ["id", "label", "version"]),
                    ],
                    "status": enumeration(["open", "closed"]), "ballots": int,
                    "result": object(
                        [
                            "scores": ["type": "array", "items": int], "winner": uuid,
                            "decidedByTieBreak": ["type": "boolean"], "validBallots": int, "invalidBallots": int,
                            "explanation": ["type": "array", "items": string],
                        ],
                        required: ["scores", "decidedByTieBreak", "validBallots", "invalidBallots", "explanation"]),
                ], required: ["id", "meeting", "method", "tieBreak", "options", "status", "ballots"]),
            "Member": object(["id": uuid, "role": string, "name": string], required: ["id", "role", "name"]),
            "Option": object(
                [
                    "id": uuid, "label": string, "version": int, "description": string, "costFen": int,
                    "drawing": string, "chosen": ["type": "boolean"], "chosenByVote": uuid,
                    "chosenByResolution": uuid,
                    "comments": [
                        "type": "array",
                        "items": object(
                            ["text": string, "staff": ["type": "boolean"], "createdAt": dateTime],
                            required: ["text", "staff"]),
                    ],
                ], required: ["id", "label", "version", "description", "chosen", "comments"]),
            "OptionIn": object(
                ["label": string, "description": string, "costFen": int, "drawing": string],
                required: ["label", "description"]),
            "OptionCommentIn": object(["text": string], required: ["text"]),
            "ChooseIn": object(["resolution": uuid], required: ["resolution"]),
            "DocumentIn": object(["name": string, "file": string], required: ["name", "file"]),
            "MemberIn": object(
                ["role": enumeration(WorkingGroupRole.allCases.map(\.rawValue)), "who": string],
                required: ["role", "who"]),
            "Record": object(
                [
                    "id": uuid, "kind": enumeration(ProjectRecordKind.allCases.map(\.rawValue)), "stage": int,
                    "text": string, "party": string, "method": enumeration(ProcurementMethod.allCases.map(\.rawValue)),
                    "amountFen": int, "percent": int, "result": enumeration(AcceptanceResult.allCases.map(\.rawValue)),
                    "date": string, "meeting": uuid, "files": ["type": "array", "items": string],
                    "byResident": ["type": "boolean"], "createdAt": dateTime,
                ], required: ["id", "kind", "stage", "text", "files", "byResident"]),
            "RecordIn": object(
                [
                    "kind": enumeration(ProjectRecordKind.allCases.map(\.rawValue)), "text": string, "party": string,
                    "method": enumeration(ProcurementMethod.allCases.map(\.rawValue)), "amountFen": int, "percent": int,
                    "result": enumeration(AcceptanceResult.allCases.map(\.rawValue)), "date": string, "meeting": uuid,
                    "photos": ["type": "array", "items": string],
                ], required: ["kind"]),
            "LinkIn": object(["meeting": uuid], required: ["meeting"]),
            "SurveyMade": object(["questionnaire": uuid], required: ["questionnaire"]),
            "FollowIn": object(["sms": ["type": "boolean"]], required: []),
            "Notification": object(
                [
                    "id": uuid, "text": string, "link": string, "createdAt": dateTime, "read": ["type": "boolean"],
                ], required: ["id", "text", "link", "createdAt", "read"]),
            "ProjectStatistics": object(
                [
                    "projects": int,
                    "byStage": [
                        "type": "array",
                        "items": object(["stage": string, "projects": int], required: ["stage", "projects"]),
                    ],
                    "meetingsHeld": int, "attendance": int, "attendanceOffline": int, "decisions": int,
                    "votesCounted": int, "needsTakenUp": int,
                ],
                required: [
                    "projects", "byStage", "meetingsHeld", "attendance", "attendanceOffline", "decisions",
                    "votesCounted", "needsTakenUp",
                ]),
            "OptionVoteIn": object(
                [
                    "method": enumeration(["plurality", "approval", "borda"]),
                    "options": ["type": "array", "items": uuid], "maxPicks": int,
                    "tieBreak": enumeration(["listed", "lot"]),
                ], required: ["method", "options"]),
            "OptionBallotIn": object(
                ["picks": ["type": "array", "items": int], "count": int, "spoilt": int], required: []),
        ]
    }
}

extension TallyStatus {
    /// Every status as stored and sent.
    static let allCasesRaw = [TallyStatus.passed, .failed, .noQuorum, .needsReview].map(\.rawValue)
}
