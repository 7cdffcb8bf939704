import Foundation
import YishiCore

/// Money in the open's part of the API description. Amounts are integer fen (`…Fen`) out, and yuan
/// as text in ("1200.50"): never a floating-point number.
extension OpenAPIDocument {
    static let fundsOperations: [Operation] = [
        .init(
            method: "get", path: "/api/v1/funds/pots", summary: "The pots at or below a node (by its code)",
            tag: "funds", response: (200, "[FundPot]"), query: ["node"], isPublic: true),
        .init(
            method: "post", path: "/api/v1/funds/pots",
            summary:
                "Open a pot at a node: its kind, custodian, legal owner, approval steps and disclosure schedule; a maintenance fund per building (a second is 409), residents' contributions on a passed residents' meeting resolution",
            tag: "funds", body: "FundPotIn", response: (201, "FundPot"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/funds/pots/{potID}",
            summary: "A pot: balance, what open allocations reserve, what is available", tag: "funds",
            response: (200, "FundPot"), isPublic: true),
        .init(
            method: "post", path: "/api/v1/funds/pots/{potID}/close",
            summary: "Close an empty pot: nothing more is entered", tag: "funds", response: (204, nil),
            alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/funds/pots/{potID}/entries",
            summary:
                "A pot's ledger entries, latest day first (`limit` ≤ 500, `before` a day); residents' names only for those who record money here or where the pot shows them",
            tag: "funds", response: (200, "[FundEntry]"), query: ["limit", "before"], isPublic: true),
        .init(
            method: "post", path: "/api/v1/funds/pots/{potID}/receipts",
            summary:
                "Money received (yuan as text): maybe against a pledge, matched by the open matching rules; cash collected by someone else needs the receipt number and the second counter. The same `idempotencyKey` (or Idempotency-Key header) returns the first entry; with other content it is 409",
            tag: "funds", body: "FundReceiptIn", response: (201, "FundEntry"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/pots/{potID}/pledges",
            summary:
                "A pledge, in cash or in kind at a stated value, maybe on a condition (threshold by a deadline, all or nothing); within the residents' meeting decision for residents' contributions",
            tag: "funds", body: "FundPledgeIn", response: (201, "FundPledge")),
        .init(
            method: "post", path: "/api/v1/funds/pots/{potID}/matching-rules",
            summary:
                "A matching rule of this matcher pot (its next version; the open one before it closes): ratio, caps, threshold, the contributions it matches",
            tag: "funds", body: "MatchingRuleIn", response: (201, "MatchingRule"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/matching-rules/{ruleID}/close",
            summary:
                "Close a rule's round: a rule that matches at the round's close matches every eligible receipt of the round not yet matched (when its threshold is met); then it matches no more",
            tag: "funds", response: (200, "RoundClosed"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/entries/{entryID}/reverse",
            summary:
                "Correct an entry: its exact negation dated today, with the reason (its matches with it); a reversal is never reversed, an entry at most once",
            tag: "funds", body: "ReasonText", response: (201, "FundEntry"), alsoErrors: ["409"]),
        .init(
            method: "put", path: "/api/v1/funds/projects/{projectID}/budget-lines/{line}",
            summary: "Set a project's budget line and its planned amount", tag: "funds", body: "BudgetLineIn",
            response: (200, "BudgetLine"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/allocations",
            summary:
                "Allocate from a pot to a project's budget line on its decision (the subdistrict's approval after a held meeting, a passed owners' vote on matter 5 or the emergency route for the maintenance fund, the foundation's grant, the residents' meeting, an agreement); reserves the money",
            tag: "funds", body: "AllocationIn", response: (201, "Allocation"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/allocations/{allocationID}/close",
            summary: "Close an allocation: what it has not spent is no longer reserved", tag: "funds",
            response: (204, nil), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/expenses",
            summary:
                "An expense charged to an allocation: items, payee, invoice number, files as base64 (invoice, receipt, contract, cost review, photos before and after)",
            tag: "funds", body: "ExpenseIn", response: (201, "Expense")),
        .init(
            method: "post", path: "/api/v1/funds/expenses/{expenseID}/submit",
            summary: "Submit a draft, or again after more information was asked for", tag: "funds",
            response: (204, nil), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/expenses/{expenseID}/decision",
            summary:
                "Approve at the step waiting, reject or ask for more (with a comment); never one's own expense; the last approval is checked against the allocation",
            tag: "funds", body: "ExpenseDecisionIn", response: (200, "Expense"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/expenses/{expenseID}/pay",
            summary:
                "Record an approved expense as paid, checked against the pot's balance; a maintenance fund's cost shared among its homes by area",
            tag: "funds", body: "PaymentIn", response: (201, "FundEntry"), alsoErrors: ["409"]),
        .init(
            method: "post", path: "/api/v1/funds/statements",
            summary:
                "Freeze a pot's statement for an ended period from its ledger and publish it as a notice; one per period (409), a difference from the custodian's balance explained",
            tag: "funds", body: "StatementIn", response: (201, "Statement"), alsoErrors: ["409"]),
        .init(
            method: "get", path: "/api/v1/funds/statements/{statementID}", summary: "A statement as it was frozen",
            tag: "funds", response: (200, "Statement"), isPublic: true),
        .init(
            method: "get", path: "/api/v1/funds/projects/{projectID}",
            summary:
                "A project's money: sources, budget lines, expenses; pledged, received, allocated and spent; beside its satisfaction survey",
            tag: "funds", response: (200, "ProjectMoney"), isPublic: true),
        .init(
            method: "get", path: "/api/v1/funds/statistics/{node}",
            summary:
                "Money received at or below a node in a year, by who gave and by the kind of pot, and the share residents and partners raised (项目金额)",
            tag: "funds", response: (200, "FundStatistics"), query: ["year"], isPublic: true),
    ]

    static var fundsSchemas: [String: Any] {
        let fen: [String: Any] = ["type": "integer", "format": "int64", "description": "fen (0.01 yuan)"]
        let yuan: [String: Any] = ["type": "string", "description": "yuan, up to two decimals: \"1200.50\""]
        let bool: [String: Any] = ["type": "boolean"]
        let fenMap: [String: Any] = ["type": "object", "additionalProperties": fen]
        let total = object(["key": string, "fen": fen], required: ["key", "fen"])
        return [
            "FundPotIn": object(
                [
                    "node": string, "kind": enumeration(PotKind.allCases.map(\.rawValue)), "name": string,
                    "custodian": string, "legalOwner": string, "purposes": string, "resolution": uuid,
                    "authorised": yuan,
                    "approvalSteps": [
                        "type": "array",
                        "items": object(["name": string, "required": int, "fromYuan": yuan], required: ["required"]),
                    ],
                    "schedule": enumeration(FundStatement.Schedule.allCases.map(\.rawValue)),
                    "fiscalYearStart": int, "showNames": bool, "showInvoices": bool,
                ], required: ["node", "kind", "name", "custodian", "legalOwner"]),
            "FundPot": object(
                [
                    "id": uuid, "node": string, "kind": string, "name": string, "custodian": string,
                    "legalOwner": string,
                    "purposes": string, "status": enumeration(["open", "closed"]), "balanceFen": fen,
                    "reservedFen": fen,
                    "availableFen": fen, "schedule": string, "project": uuid, "authorisedFen": fen,
                ],
                required: [
                    "id", "node", "kind", "name", "custodian", "legalOwner", "purposes", "status", "balanceFen",
                    "reservedFen", "availableFen", "schedule",
                ]),
            "FundReceiptIn": object(
                [
                    "yuan": yuan, "effective": string, "party": enumeration(FundParty.allCases.map(\.rawValue)),
                    "from": string, "household": uuid, "pledge": uuid, "memo": string, "collectedBy": string,
                    "receiptNo": string, "countedBy": string, "idempotencyKey": string,
                ], required: ["yuan", "party"]),
            "FundEntry": object(
                [
                    "id": uuid, "kind": enumeration(EntryKind.allCases.map(\.rawValue)), "effective": string,
                    "recordedAt": dateTime, "memo": string, "from": string, "receiptNo": string, "reverses": uuid,
                    "postings": [
                        "type": "array",
                        "items": object(["account": string, "fen": fen], required: ["account", "fen"]),
                    ],
                ], required: ["id", "kind", "effective", "recordedAt", "memo", "postings"]),
            "FundPledgeIn": object(
                [
                    "party": enumeration(FundParty.allCases.map(\.rawValue)), "from": string, "household": uuid,
                    "yuan": yuan, "inKind": string, "threshold": yuan, "deadline": string,
                ], required: ["party", "from", "yuan"]),
            "FundPledge": object(
                [
                    "id": uuid, "pot": uuid, "party": string, "from": string, "fen": fen, "inKind": string,
                    "thresholdFen": fen, "deadline": string,
                    "status": enumeration(Pledge.Status.allCases.map(\.rawValue)), "receivedFen": fen,
                ], required: ["id", "pot", "party", "from", "fen", "status", "receivedFen"]),
            "MatchingRuleIn": object(
                [
                    "target": uuid, "numerator": int, "denominator": int, "perContribution": yuan, "perHousehold": yuan,
                    "perProject": yuan, "total": yuan, "threshold": yuan,
                    "kinds": ["type": "array", "items": enumeration(FundParty.allCases.map(\.rawValue))],
                    "subtree": string, "oncePerHousehold": bool,
                    "trigger": enumeration(MatchTrigger.allCases.map(\.rawValue)), "validFrom": string,
                    "validUntil": string, "weight": int,
                    "coMatchers": [
                        "type": "array", "items": object(["pot": uuid, "weight": int], required: ["pot"]),
                    ],
                ], required: ["target", "numerator", "denominator"]),
            "RoundClosed": object(["matchedFen": fen], required: ["matchedFen"]),
            "MatchingRule": object(
                [
                    "id": uuid, "matcher": uuid, "target": uuid, "version": int, "numerator": int, "denominator": int,
                    "totalFen": fen, "perHouseholdFen": fen, "thresholdFen": fen, "matchedFen": fen,
                    "trigger": enumeration(MatchTrigger.allCases.map(\.rawValue)), "status": string,
                    "shares": [
                        "type": "array", "items": object(["pot": uuid, "weight": int], required: ["pot", "weight"]),
                    ],
                ],
                required: [
                    "id", "matcher", "target", "version", "numerator", "denominator", "matchedFen", "trigger", "status",
                    "shares",
                ]),
            "ReasonText": object(["reason": string], required: ["reason"]),
            "BudgetLineIn": object(["title": string, "planned": yuan], required: ["title", "planned"]),
            "BudgetLine": object(
                ["line": string, "title": string, "plannedFen": fen], required: ["line", "title", "plannedFen"]),
            "AllocationIn": object(
                [
                    "pot": uuid, "project": uuid, "line": string, "yuan": yuan,
                    "decision": enumeration(FundDecision.allCases.map(\.rawValue)), "meeting": uuid, "vote": uuid,
                    "reference": string,
                ], required: ["pot", "project", "line", "yuan", "decision"]),
            "Allocation": object(
                [
                    "id": uuid, "pot": uuid, "project": uuid, "line": string, "fen": fen, "decision": string,
                    "reference": string, "status": enumeration(["open", "closed"]), "approvedFen": fen, "paidFen": fen,
                ],
                required: ["id", "pot", "project", "line", "fen", "decision", "status", "approvedFen", "paidFen"]),
            "ExpenseIn": object(
                [
                    "allocation": uuid, "title": string, "payee": string,
                    "items": [
                        "type": "array", "items": object(["text": string, "yuan": yuan], required: ["text", "yuan"]),
                    ],
                    "invoiceNo": string, "contract": string,
                    "files": [
                        "type": "array",
                        "items": object(
                            [
                                "kind": enumeration(ExpenseFile.Kind.allCases.map(\.rawValue)), "name": string,
                                "data": ["type": "string", "format": "byte"],
                            ], required: ["kind", "data"]),
                    ],
                    "submit": bool,
                ], required: ["allocation", "title", "payee", "items"]),
            "Expense": object(
                [
                    "id": uuid, "allocation": uuid, "title": string, "payee": string, "fen": fen,
                    "items": [
                        "type": "array", "items": object(["text": string, "fen": fen], required: ["text", "fen"]),
                    ],
                    "status": enumeration(ExpenseFlow.Status.allCases.map(\.rawValue)), "comment": string,
                    "files": int, "paidEntry": uuid,
                ], required: ["id", "allocation", "title", "payee", "fen", "items", "status", "files"]),
            "ExpenseDecisionIn": object(
                ["decision": enumeration(["approve", "reject", "askForInfo"]), "comment": string],
                required: ["decision"]),
            "PaymentIn": object(["effective": string, "idempotencyKey": string], required: []),
            "StatementIn": object(
                [
                    "pot": uuid, "from": string, "to": string, "reported": yuan, "explanation": string,
                    "publish": bool,
                ], required: ["pot", "from", "to"]),
            "Statement": object(
                [
                    "id": uuid, "pot": uuid, "from": string, "to": string, "openingFen": fen, "incomeFen": fen,
                    "spendingFen": fen, "closingFen": fen, "entries": int, "openAllocationsFen": fen,
                    "openPledgesFen": fen, "reportedFen": fen, "differenceFen": fen,
                    "explanation": string, "bySource": ["type": "array", "items": total],
                    "byUse": ["type": "array", "items": total], "hash": string, "notice": uuid,
                ],
                required: [
                    "id", "pot", "from", "to", "openingFen", "incomeFen", "spendingFen", "closingFen", "entries",
                    "openAllocationsFen", "openPledgesFen", "bySource", "byUse", "hash",
                ]),
            "ProjectMoney": object(
                [
                    "project": uuid, "plannedFen": fen, "pledgedFen": fen, "receivedFen": fen, "allocatedFen": fen,
                    "spentFen": fen,
                    "sources": [
                        "type": "array",
                        "items": object(
                            ["pot": uuid, "name": string, "kind": string, "allocatedFen": fen, "paidFen": fen],
                            required: ["pot", "name", "kind", "allocatedFen", "paidFen"]),
                    ],
                    "lines": [
                        "type": "array",
                        "items": object(
                            ["line": string, "title": string, "plannedFen": fen, "allocatedFen": fen, "paidFen": fen],
                            required: ["line", "title", "plannedFen", "allocatedFen", "paidFen"]),
                    ],
                    "expenses": [
                        "type": "array",
                        "items": object(
                            [
                                "id": uuid, "title": string, "payee": string, "line": string, "pot": string, "fen": fen,
                                "status": string,
                            ], required: ["id", "title", "payee", "line", "pot", "fen", "status"]),
                    ],
                    "inKind": [
                        "type": "array",
                        "items": object(
                            ["from": string, "what": string, "fen": fen], required: ["from", "what", "fen"]),
                    ],
                    "satisfaction": object(["responses": int, "mean": string], required: ["responses", "mean"]),
                ],
                required: [
                    "project", "plannedFen", "pledgedFen", "receivedFen", "allocatedFen", "spentFen", "sources",
                    "lines",
                    "expenses", "inKind",
                ]),
            "FundStatistics": object(
                [
                    "node": string, "year": int, "receivedFen": fen, "spentFen": fen, "residentsAndPartnersFen": fen,
                    "residentsAndPartnersPerMille": int, "byParty": fenMap, "byPotKind": fenMap,
                ],
                required: [
                    "node", "year", "receivedFen", "spentFen", "residentsAndPartnersFen", "byParty", "byPotKind",
                ]),
        ]
    }
}
