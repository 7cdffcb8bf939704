import Foundation
import Vapor
import YishiCore

extension DTO {
    struct PlannerRulesOut: Content {
        var version: Int
        var title: String
        var validFrom: String
        var validUntil: String?
        var termYears: Int
        var tiers: [String]
        var weights: [String: Int]
        var passMark: Int

        init(_ r: PlannerRules) {
            (version, title, validFrom, validUntil) = (
                r.version, r.title, r.validFrom.description, r.validUntil?.description
            )
            (termYears, tiers, passMark) = (r.termYears, r.tiers.map(\.rawValue), r.passMark)
            weights = Dictionary(uniqueKeysWithValues: r.weights.map { ($0.rawValue, $1) })
        }
    }

    struct PlannerRulesIn: Content {
        var title: String?
        var validFrom: String?
        var validUntil: String?
        var termYears: Int?
        var tiers: [String]?
        var weights: [String: Int]?
        var passMark: Int?
    }

    struct PlannerIn: Content {
        var name: String?
        var organisation: String?
        var background: String?
        var qualifications: String?
        var socialWorkCertificate: Bool?
        var phone: String?
        var email: String?
        var livesOrWorks: String?
        var tier: String?
        var scope: String?
        var area: String?
        var statement: String?
        var source: String?
    }

    struct PlannerOut: Content {
        var id: UUID
        var name: String
        var organisation: String
        var background: String
        var qualifications: String
        var socialWorkCertificate: Bool
        /// Masked unless the reader keeps the pool (or is the planner).
        var phone: String?
        var email: String?
        var source: String
        var status: String
        var livesOrWorks: String?
        var application: UUID?
    }

    struct PlannerDecisionIn: Content {
        var approve: Bool?
        var reason: String?
    }

    struct PlannerApplicationOut: Content {
        var id: UUID
        var planner: UUID
        var tier: String
        var status: String
        var reason: String?
    }

    struct PlannerAppointmentIn: Content {
        var tier: String?
        var scope: String?
        var area: String?
        var startsOn: String?
        var application: UUID?
    }

    struct PlannerAppointmentOut: Content {
        var id: UUID
        var planner: UUID
        var tier: String
        var scope: String
        var startsOn: String
        var endsOn: String
        var certificate: String
        var rulesVersion: Int
        var status: String
    }

    struct ReasonIn: Content {
        var reason: String?
    }

    struct PlannerPairingIn: Content {
        var node: String?
    }

    struct PlannerPairingOut: Content {
        var id: UUID
        var planner: UUID
        var node: String
        var startedOn: String
        var endedOn: String?
    }

    struct PairingBoardOut: Content {
        struct Row: Content {
            var subdistrict: String
            var name: String
            var paired: Bool
            var planners: [Planner]
        }
        struct Planner: Content {
            var pairing: UUID
            var planner: UUID
            var name: String
            var tier: String?
        }
        var subdistricts: Int
        var paired: Int
        var unpaired: [String]
        var rows: [Row]
    }

    struct ServiceIn: Content {
        var kind: String?
        var day: String?
        var hours: Double?
        var node: String?
        var project: UUID?
        var meeting: UUID?
        var note: String?
    }

    struct ServiceOut: Content {
        var id: UUID
        var kind: String
        var day: String
        var hours: Double
        var confirmed: Bool
    }

    struct RatingIn: Content {
        var project: UUID?
        var stars: Int?
        var comment: String?
    }

    struct RatingOut: Content {
        var id: UUID
        var stars: Int
    }

    struct ReviewFactsOut: Content {
        var year: Int
        var hours: Double
        var confirmedHours: Double
        var entries: Int
        var projects: Int
        var ratings: Int
        var ratingMean: Double?
        var suggestedFeedback: Int?
    }

    struct ReviewIn: Content {
        var year: Int?
        var scores: [String: Int]?
        var reasons: String?
        var reviewers: [String]?
    }

    struct ReviewOut: Content {
        var id: UUID
        var year: Int
        var total: Int
        var passed: Bool
        var rulesVersion: Int
    }
}
