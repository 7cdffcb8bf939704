import Fluent
import Vapor
import YishiCore

/// A district's rules for its planners, one row per dated version (`PlannerRules`).
final class PlannerRulesRow: Model, @unchecked Sendable {
    static let schema = "planner_rules"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: TerritoryNode
    @Field(key: "version") var version: Int
    @Field(key: "title") var title: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?
    @Field(key: "term_years") var termYears: Int
    /// `[PlannerTier]` as JSON.
    @Field(key: "tiers") var tiers: String
    /// `[ReviewGround: Int]` as JSON.
    @Field(key: "weights") var weights: String
    @Field(key: "pass_mark") var passMark: Int
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var rules: PlannerRules? {
        guard let from = CalendarDay(validFrom),
            let tiers = try? JSONDecoder().decode([PlannerTier].self, from: Data(tiers.utf8)),
            let weights = try? JSONDecoder().decode([String: Int].self, from: Data(weights.utf8))
        else { return nil }
        return PlannerRules(
            version: version, title: title, validFrom: from, validUntil: validUntil.flatMap(CalendarDay.init),
            termYears: termYears, tiers: tiers,
            weights: Dictionary(
                weights.compactMap { k, v in ReviewGround(rawValue: k).map { ($0, v) } },
                uniquingKeysWith: { a, _ in a }),
            passMark: passMark)
    }
}

/// A planner in the district's pool (人才库).
final class Planner: Model, @unchecked Sendable {
    static let schema = "planners"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: TerritoryNode
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "name") var name: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "background") var background: PlannerBackground
    @Field(key: "qualifications") var qualifications: String
    @Field(key: "social_work_certificate") var socialWorkCertificate: Bool
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "email") var email: String?
    @Field(key: "source") var source: PlannerSource
    @Field(key: "status") var status: PlannerStatus
    /// Where an area planner lives or works in their area (seed 001 第六条: 在地原则).
    @OptionalField(key: "lives_or_works") var livesOrWorks: String?
    @OptionalField(key: "exited_on") var exitedOn: String?
    @OptionalField(key: "exit_reason") var exitReason: String?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A self-nomination or a recommendation, and its decision.
final class PlannerApplication: Model, @unchecked Sendable {
    static let schema = "planner_applications"

    enum Status: String, Codable, Sendable, CaseIterable { case pending, approved, declined }

    @ID(key: .id) var id: UUID?
    @Parent(key: "planner_id") var planner: Planner
    @Field(key: "tier") var tier: PlannerTier
    @Parent(key: "scope_id") var scope: TerritoryNode
    @OptionalField(key: "area_id") var areaID: UUID?
    @Field(key: "source") var source: PlannerSource
    @Field(key: "statement") var statement: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "decided_by_id") var decidedByID: UUID?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    /// When it was made, on the platform's clock (what the applicant and the queue show).
    @OptionalField(key: "created_at") var createdAt: Date?

    init() {}
}

/// An appointment (聘任) for a term, under a version of the rules, with its certificate's number.
final class PlannerAppointmentRow: Model, @unchecked Sendable {
    static let schema = "planner_appointments"

    enum Status: String, Codable, Sendable, CaseIterable { case active, ended }

    @ID(key: .id) var id: UUID?
    @Parent(key: "planner_id") var planner: Planner
    @OptionalField(key: "application_id") var applicationID: UUID?
    @Field(key: "tier") var tier: PlannerTier
    @Parent(key: "scope_id") var scope: TerritoryNode
    @OptionalField(key: "area_id") var areaID: UUID?
    @Parent(key: "authority_id") var authority: TerritoryNode
    @Field(key: "rules_version") var rulesVersion: Int
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @Field(key: "certificate") var certificate: String
    @Field(key: "status") var status: Status
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var term: PlannerTerm? {
        guard let s = CalendarDay(startsOn), let e = CalendarDay(endedOn ?? endsOn) else { return nil }
        return PlannerTerm(start: s, end: e)
    }
}

/// A pairing (定向结对) of a planner with a subdistrict or a community; ended pairings stay as history.
final class PlannerPairingRow: Model, @unchecked Sendable {
    static let schema = "planner_pairings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "planner_id") var planner: Planner
    @Parent(key: "node_id") var node: TerritoryNode
    @Field(key: "started_on") var startedOn: String
    @OptionalField(key: "ended_on") var endedOn: String?
    @OptionalField(key: "end_reason") var endReason: String?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One entry of a planner's service log.
final class PlannerServiceEntry: Model, @unchecked Sendable {
    static let schema = "planner_service"

    @ID(key: .id) var id: UUID?
    @Parent(key: "planner_id") var planner: Planner
    @Field(key: "kind") var kind: ServiceKind
    @Field(key: "day") var day: String
    @Field(key: "quarter_hours") var quarterHours: Int
    @OptionalField(key: "node_id") var nodeID: UUID?
    @OptionalField(key: "project_id") var projectID: UUID?
    @OptionalField(key: "meeting_id") var meetingID: UUID?
    @Field(key: "note") var note: String
    @OptionalField(key: "confirmed_by_id") var confirmedByID: UUID?
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var hours: Double { Double(quarterHours) / 4 }
}

/// A resident's rating of a planner's help on a project (one per resident, planner and project).
final class PlannerRating: Model, @unchecked Sendable {
    static let schema = "planner_ratings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "planner_id") var planner: Planner
    @Parent(key: "project_id") var project: Project
    @Parent(key: "user_id") var user: User
    @Field(key: "stars") var stars: Int
    @Field(key: "comment") var comment: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An annual review (评定): the platform's facts as they stood, the scores, the outcome.
final class PlannerReviewRow: Model, @unchecked Sendable {
    static let schema = "planner_reviews"

    @ID(key: .id) var id: UUID?
    @Parent(key: "planner_id") var planner: Planner
    @Field(key: "year") var year: Int
    /// `PlannerReview.Facts` as JSON.
    @Field(key: "facts") var facts: String
    /// Scores per ground as JSON.
    @Field(key: "scores") var scores: String
    @Field(key: "total") var total: Int
    @Field(key: "passed") var passed: Bool
    @Field(key: "reasons") var reasons: String
    /// The reviewers' names as JSON.
    @Field(key: "reviewers") var reviewers: String
    @Field(key: "rules_version") var rulesVersion: Int
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
