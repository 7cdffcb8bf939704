import Foundation
import YishiCore

/// The community planners' part of the API description.
extension OpenAPIDocument {
    static let plannersOperations: [Operation] =
        diagnosisOperations + [
            .init(
                method: "get", path: "/api/v1/planner-rules/{districtID}",
                summary: "A district's planners' rules, each a dated version (seed 001 runs to 2026-09-09)",
                tag: "planners",
                response: (200, "[PlannerRules]")),
            .init(
                method: "post", path: "/api/v1/planner-rules/{districtID}",
                summary: "Renew or replace the rules with a new dated version (tiers, term length, review weights)",
                tag: "planners", body: "PlannerRulesIn", response: (201, "PlannerRules"), alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planners",
                summary:
                    "Join the pool: self-nomination by a signed-in person, or a recommendation / recruitment by the subdistrict (`source`); opens an application",
                tag: "planners", body: "PlannerIn", response: (201, "Planner"), alsoErrors: ["409"]),
            .init(
                method: "get", path: "/api/v1/planners/{plannerID}",
                summary: "A planner's profile (contact details masked outside the pool's keepers)", tag: "planners",
                response: (200, "Planner")),
            .init(
                method: "post", path: "/api/v1/planner-applications/{applicationID}/decision",
                summary: "Approve or decline an application, with the reason (once)", tag: "planners",
                body: "PlannerDecisionIn", response: (200, "PlannerApplication"), alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planners/{plannerID}/appointments",
                summary:
                    "Appoint for a term under the rules in force on its first day: by the district for experts, by the subdistrict otherwise; an overlapping term in the same tier is 409",
                tag: "planners", body: "PlannerAppointmentIn", response: (201, "PlannerAppointment"),
                alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planner-appointments/{appointmentID}/end",
                summary: "End an appointment early (resignation, replacement), with the reason", tag: "planners",
                body: "ReasonIn", response: (204, nil), alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planners/{plannerID}/pairings",
                summary: "Pair an appointed planner with a subdistrict or a community (定向结对)", tag: "planners",
                body: "PlannerPairingIn", response: (201, "PlannerPairing"), alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planner-pairings/{pairingID}/end",
                summary: "End a pairing, with the reason (it stays in the history)", tag: "planners", body: "ReasonIn",
                response: (204, nil), alsoErrors: ["409"]),
            .init(
                method: "get", path: "/api/v1/planner-pairing/{districtID}",
                summary: "Every subdistrict of the district with its planners; the unpaired listed", tag: "planners",
                response: (200, "PairingBoard")),
            .init(
                method: "post", path: "/api/v1/planner-service",
                summary: "Log one's own service as an appointed planner (kind, day, hours in quarters)",
                tag: "planners",
                body: "ServiceIn", response: (201, "ServiceEntry"), alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planner-service/{entryID}/confirm",
                summary: "Confirm a service entry (staff, once)", tag: "planners", response: (204, nil),
                alsoErrors: ["409"]),
            .init(
                method: "post", path: "/api/v1/planners/{plannerID}/ratings",
                summary: "Rate a planner's help on a project, 1–5 (a verified resident, once per project)",
                tag: "planners", body: "RatingIn", response: (201, "Rating"), alsoErrors: ["409"]),
            .init(
                method: "get", path: "/api/v1/planners/{plannerID}/reviews/{year}/facts",
                summary: "What the platform knows of a planner's year, for the reviewers", tag: "planners",
                response: (200, "ReviewFacts")),
            .init(
                method: "post", path: "/api/v1/planners/{plannerID}/reviews",
                summary: "The annual review on the four grounds (one per planner and year)", tag: "planners",
                body: "ReviewIn", response: (201, "Review"), alsoErrors: ["409"]),
        ]

    static var plannersSchemas: [String: Any] {
        let strings: [String: Any] = ["type": "array", "items": string]
        let bool: [String: Any] = ["type": "boolean"]
        let number: [String: Any] = ["type": "number"]
        let weights: [String: Any] = ["type": "object", "additionalProperties": int]
        let tier = enumeration(PlannerTier.allCases.map(\.rawValue))
        return [
            "PlannerRules": object(
                [
                    "version": int, "title": string, "validFrom": string, "validUntil": string, "termYears": int,
                    "tiers": strings, "weights": weights, "passMark": int,
                ], required: ["version", "title", "validFrom", "termYears", "tiers", "weights", "passMark"]),
            "PlannerRulesIn": object(
                [
                    "title": string, "validFrom": string, "validUntil": string, "termYears": int, "tiers": strings,
                    "weights": weights, "passMark": int,
                ], required: ["title", "validFrom"]),
            "PlannerIn": object(
                [
                    "name": string, "organisation": string,
                    "background": enumeration(PlannerBackground.allCases.map(\.rawValue)), "qualifications": string,
                    "socialWorkCertificate": bool, "phone": string, "email": string, "livesOrWorks": string,
                    "tier": tier, "scope": string, "area": string, "statement": string,
                    "source": enumeration(["recommended", "recruited"]),
                ], required: ["name", "organisation", "background", "tier", "scope", "statement"]),
            "Planner": object(
                [
                    "id": uuid, "name": string, "organisation": string, "background": string, "qualifications": string,
                    "socialWorkCertificate": bool, "phone": string, "email": string, "source": string,
                    "status": enumeration(PlannerStatus.allCases.map(\.rawValue)), "livesOrWorks": string,
                    "application": uuid,
                ],
                required: [
                    "id", "name", "organisation", "background", "qualifications", "socialWorkCertificate", "source",
                    "status",
                ]),
            "PlannerDecisionIn": object(["approve": bool, "reason": string], required: ["approve"]),
            "PlannerApplication": object(
                ["id": uuid, "planner": uuid, "tier": tier, "status": string, "reason": string],
                required: ["id", "planner", "tier", "status"]),
            "PlannerAppointmentIn": object(
                ["tier": tier, "scope": string, "area": string, "startsOn": string, "application": uuid],
                required: ["tier", "scope", "startsOn"]),
            "PlannerAppointment": object(
                [
                    "id": uuid, "planner": uuid, "tier": tier, "scope": string, "startsOn": string, "endsOn": string,
                    "certificate": string, "rulesVersion": int, "status": string,
                ],
                required: [
                    "id", "planner", "tier", "scope", "startsOn", "endsOn", "certificate", "rulesVersion", "status",
                ]),
            "ReasonIn": object(["reason": string], required: ["reason"]),
            "PlannerPairingIn": object(["node": string], required: ["node"]),
            "PlannerPairing": object(
                ["id": uuid, "planner": uuid, "node": string, "startedOn": string, "endedOn": string],
                required: ["id", "planner", "node", "startedOn"]),
            "PairingBoard": object(
                [
                    "subdistricts": int, "paired": int, "unpaired": strings,
                    "rows": [
                        "type": "array",
                        "items": object(
                            [
                                "subdistrict": string, "name": string, "paired": bool,
                                "planners": [
                                    "type": "array",
                                    "items": object(
                                        ["pairing": uuid, "planner": uuid, "name": string, "tier": string],
                                        required: ["pairing", "planner", "name"]),
                                ],
                            ], required: ["subdistrict", "name", "paired", "planners"]),
                    ],
                ], required: ["subdistricts", "paired", "unpaired", "rows"]),
            "ServiceIn": object(
                [
                    "kind": enumeration(ServiceKind.allCases.map(\.rawValue)), "day": string, "hours": number,
                    "node": string, "project": uuid, "meeting": uuid, "note": string,
                ], required: ["kind", "day", "hours"]),
            "ServiceEntry": object(
                ["id": uuid, "kind": string, "day": string, "hours": number, "confirmed": bool],
                required: ["id", "kind", "day", "hours", "confirmed"]),
            "RatingIn": object(["project": uuid, "stars": int, "comment": string], required: ["project", "stars"]),
            "Rating": object(["id": uuid, "stars": int], required: ["id", "stars"]),
            "ReviewFacts": object(
                [
                    "year": int, "hours": number, "confirmedHours": number, "entries": int, "projects": int,
                    "ratings": int, "ratingMean": number, "suggestedFeedback": int,
                ], required: ["year", "hours", "confirmedHours", "entries", "projects", "ratings"]),
            "ReviewIn": object(
                ["year": int, "scores": weights, "reasons": string, "reviewers": strings], required: ["year", "scores"]),
            "Review": object(
                ["id": uuid, "year": int, "total": int, "passed": bool, "rulesVersion": int],
                required: ["id", "year", "total", "passed", "rulesVersion"]),
        ]
    }
}
