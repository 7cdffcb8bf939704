import Foundation

/// Community planners, "1+12+X" (seed 001, Baoshan's implementing measures): the rules as pure
/// functions — who appoints whom, terms and their overlaps, the annual review on the four grounds
/// of 第八条, renewal and exit, pairing coverage, and the population figures of a diagnosis.

/// A planner's tier in "1+12+X" (第四条).
public enum PlannerTier: String, CaseIterable, Codable, Sendable {
    /// "1": the district's expert advisory committee (区级专家咨询委员会).
    case districtExpert
    /// "12": a subdistrict's planner (街镇级).
    case subdistrict
    /// "X": a planning area's planner (片区级), an area of one or more life circles.
    case area

    /// The figure of "1+12+X" the tier stands for.
    public var symbol: String {
        switch self {
        case .districtExpert: "1"
        case .subdistrict: "12"
        case .area: "X"
        }
    }

    /// Who appoints and issues the certificate (第七条): the district government for experts, the
    /// subdistrict (街镇) otherwise.
    public var authority: PlannerAuthority { self == .districtExpert ? .districtGovernment : .subdistrict }
}

public enum PlannerAuthority: String, Codable, Sendable, CaseIterable {
    case districtGovernment, subdistrict
}

public enum PlannerBackground: String, CaseIterable, Codable, Sendable {
    case planning, architecture, landscape, interior, artDesign, sociology, other
}

public enum PlannerSource: String, CaseIterable, Codable, Sendable {
    case recommended, selfNominated, recruited
}

public enum PlannerStatus: String, CaseIterable, Codable, Sendable {
    case candidate, appointed, expired, exited
}

/// The kinds of service a planner logs.
public enum ServiceKind: String, CaseIterable, Codable, Sendable {
    case visit, consultation, trainingGiven, trainingReceived, meeting, project
}

/// The four grounds of the annual review (第八条: 工作成效、工作时长、工作态度、公众反馈).
public enum ReviewGround: String, CaseIterable, Codable, Sendable {
    case effectiveness, hours, attitude, feedback
}

/// A district's rules for its planners, as a dated version: the measures of 2024 run to
/// 2026-09-09 (第十一条); a district renews or replaces them with a new version, and each
/// appointment records the version it was made under.
public struct PlannerRules: Hashable, Sendable, Codable {
    public var version: Int
    /// The document's name and number ("宝山区社区规划师制度实施办法（试行）宝规划资源〔2024〕2号").
    public var title: String
    public var validFrom: CalendarDay
    /// The last day the rules apply; nil: until replaced.
    public var validUntil: CalendarDay?
    public var termYears: Int
    public var tiers: [PlannerTier]
    /// Each ground's weight in the review's total (they sum to 100).
    public var weights: [ReviewGround: Int]
    /// The total a review needs to pass (out of 100).
    public var passMark: Int

    public init(
        version: Int, title: String, validFrom: CalendarDay, validUntil: CalendarDay?, termYears: Int = 2,
        tiers: [PlannerTier] = PlannerTier.allCases,
        weights: [ReviewGround: Int] = [.effectiveness: 40, .hours: 20, .attitude: 20, .feedback: 20],
        passMark: Int = 60
    ) {
        (self.version, self.title, self.validFrom, self.validUntil) = (version, title, validFrom, validUntil)
        (self.termYears, self.tiers, self.weights, self.passMark) = (termYears, tiers, weights, passMark)
    }

    /// Baoshan's measures of 10 September 2024, in force to 9 September 2026.
    public static let baoshan2024 = PlannerRules(
        version: 1, title: "宝山区社区规划师制度实施办法（试行）宝规划资源〔2024〕2号",
        validFrom: CalendarDay(year: 2024, month: 9, day: 10)!, validUntil: CalendarDay(year: 2026, month: 9, day: 9)!)

    public func applies(on day: CalendarDay) -> Bool {
        validFrom <= day && (validUntil.map { day <= $0 } ?? true)
    }

    public enum Problem: String, Error, Sendable, CaseIterable {
        case termYears, noTier, weights, passMark, title, until
    }

    /// What is wrong with a version as entered (nil: nothing).
    public var problem: Problem? {
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || title.count > 200 { return .title }
        if !(1...5).contains(termYears) { return .termYears }
        if tiers.isEmpty { return .noTier }
        if Set(weights.keys) != Set(ReviewGround.allCases) || weights.values.contains(where: { $0 < 0 })
            || weights.values.reduce(0, +) != 100
        {
            return .weights
        }
        if !(1...100).contains(passMark) { return .passMark }
        if let until = validUntil, until < validFrom { return .until }
        return nil
    }

    /// The version in force on a day: the latest-starting one that applies; nil when none does (the
    /// measures lapsed and were not renewed — appointments wait for the district).
    public static func inForce(on day: CalendarDay, among versions: [PlannerRules]) -> PlannerRules? {
        versions.filter { $0.applies(on: day) }.max { ($0.validFrom, $0.version) < ($1.validFrom, $1.version) }
    }
}

public enum PlannerRulesRef {
    /// A new version must start after the last one started, and the versions' numbers run on.
    public static func canAdd(_ new: PlannerRules, to versions: [PlannerRules]) -> Bool {
        guard let last = versions.max(by: { $0.version < $1.version }) else { return new.version == 1 }
        return new.version == last.version + 1 && new.validFrom > last.validFrom
    }
}

/// A term of appointment: its first and last day.
public struct PlannerTerm: Hashable, Sendable, Codable {
    public var start: CalendarDay
    public var end: CalendarDay

    public init(start: CalendarDay, end: CalendarDay) {
        self.start = start
        self.end = end
    }

    /// A term of `years` from `start`: the day before the same date `years` on.
    public init(start: CalendarDay, years: Int) {
        self.start = start
        end = start.adding(years: years).adding(days: -1)
    }

    public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }

    public func overlaps(_ other: PlannerTerm) -> Bool { start <= other.end && other.start <= end }

    /// Days left until the term ends (0 on its last day, negative after it).
    public func daysLeft(on day: CalendarDay) -> Int { day.days(to: end) }

    /// Whether a reminder is due: within `before` days of the end and not yet over.
    public func reminderDue(on day: CalendarDay, before: Int = 60) -> Bool {
        (0...before).contains(daysLeft(on: day))
    }
}

/// Appointments: who may make one, and whether a new term clashes with the planner's others.
public enum PlannerAppointment {
    public enum Refusal: String, Error, Sendable, CaseIterable, Equatable {
        /// No rules apply on the start day (the measures lapsed): the district renews them first.
        case noRulesInForce
        /// The rules in force do not have this tier.
        case tierNotInRules
        /// The planner holds another appointment in the same tier whose term overlaps.
        case overlappingTerm
        /// The scope does not suit the tier (an expert's is the district; a subdistrict planner's a
        /// subdistrict; an area planner's a planning area).
        case scopeNotForTier
        /// The start day is more than a year off.
        case startTooFar
    }

    public enum Scope: Hashable, Sendable {
        case district, subdistrict, planningArea
    }

    public static func scopeFits(_ scope: Scope, _ tier: PlannerTier) -> Bool {
        switch (tier, scope) {
        case (.districtExpert, .district), (.subdistrict, .subdistrict), (.area, .planningArea): true
        default: false
        }
    }

    /// The checks an appointment passes before anything is written; the term it gets and the rules'
    /// version it is made under.
    public static func check(
        tier: PlannerTier, scope: Scope, start: CalendarDay, today: CalendarDay, rules: [PlannerRules],
        existing: [(tier: PlannerTier, term: PlannerTerm)]
    ) -> Result<(PlannerTerm, PlannerRules), Refusal> {
        if today.days(to: start) > 366 { return .failure(.startTooFar) }
        guard let inForce = PlannerRules.inForce(on: start, among: rules) else { return .failure(.noRulesInForce) }
        guard inForce.tiers.contains(tier) else { return .failure(.tierNotInRules) }
        guard scopeFits(scope, tier) else { return .failure(.scopeNotForTier) }
        let term = PlannerTerm(start: start, years: inForce.termYears)
        if existing.contains(where: { $0.tier == tier && $0.term.overlaps(term) }) {
            return .failure(.overlappingTerm)
        }
        return .success((term, inForce))
    }
}

/// The annual review (评定) on the four grounds, and what follows from it.
public enum PlannerReview {
    /// What the platform knows of the year, shown to the reviewers before they score.
    public struct Facts: Hashable, Sendable, Codable {
        public var hours: Double
        public var confirmedHours: Double
        public var entries: Int
        public var projects: Int
        public var ratings: Int
        /// Mean of residents' ratings (1–5), nil without any.
        public var ratingMean: Double?
        public init(
            hours: Double, confirmedHours: Double, entries: Int, projects: Int, ratings: Int, ratingMean: Double?
        ) {
            (self.hours, self.confirmedHours, self.entries) = (hours, confirmedHours, entries)
            (self.projects, self.ratings, self.ratingMean) = (projects, ratings, ratingMean)
        }
    }

    /// A reviewer's suggested score for the feedback ground from the ratings (mean 1–5 → 0–100);
    /// nil without ratings (the reviewers score it from what they know).
    public static func suggestedFeedback(_ facts: Facts) -> Int? {
        facts.ratingMean.map { Int((($0 - 1) / 4 * 100).rounded()) }
    }

    public struct Outcome: Hashable, Sendable, Codable {
        public var total: Int
        public var passed: Bool
        public var perGround: [ReviewGround: Int]
    }

    public enum Problem: String, Error, Sendable, CaseIterable {
        /// A ground without a score, or one outside 0–100.
        case scoreMissing
        /// A failed review needs its reasons.
        case reasonMissing
    }

    /// The weighted total (rounded half up) and whether it passes.
    public static func outcome(_ scores: [ReviewGround: Int], rules: PlannerRules) -> Result<Outcome, Problem> {
        guard ReviewGround.allCases.allSatisfy({ scores[$0].map { (0...100).contains($0) } ?? false }) else {
            return .failure(.scoreMissing)
        }
        let weighted = ReviewGround.allCases.reduce(0) { $0 + scores[$1]! * (rules.weights[$1] ?? 0) }
        let total = (weighted + 50) / 100
        return .success(Outcome(total: total, passed: total >= rules.passMark, perGround: scores))
    }

    /// Checks a review as entered: scores in range, and reasons for a fail.
    public static func check(
        _ scores: [ReviewGround: Int], reasons: String, rules: PlannerRules
    ) -> Result<Outcome, Problem> {
        switch outcome(scores, rules: rules) {
        case .failure(let p): return .failure(p)
        case .success(let o):
            if !o.passed && reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return .failure(.reasonMissing)
            }
            return .success(o)
        }
    }

    /// Why a planner may not be renewed at a term's end (第八条), or nil when they may.
    public enum NotRenewable: String, Sendable, CaseIterable, Equatable {
        /// No review in the term passed, or the last one failed.
        case reviewNotPassed
        /// No community project in the whole term (任期内未参与任何社区建设项目的，不予续聘).
        case noProject
        /// The planner left (申请不再任职) or was exited.
        case exited
    }

    public static func renewal(lastReviewPassed: Bool?, projectsInTerm: Int, exited: Bool) -> NotRenewable? {
        if exited { return .exited }
        if projectsInTerm == 0 { return .noProject }
        if lastReviewPassed != true { return .reviewNotPassed }
        return nil
    }
}

/// Pairing (定向结对): every subdistrict with at least one appointed planner.
public enum PlannerPairing {
    public struct Coverage: Hashable, Sendable, Codable {
        public var subdistricts: Int
        public var paired: Int
        public var unpaired: [UUID]
        public var share: Double { subdistricts == 0 ? 1 : Double(paired) / Double(subdistricts) }
    }

    /// Which subdistricts have no active pairing with an appointed planner, in the order given.
    public static func coverage(subdistricts: [UUID], pairedWithAppointed: Set<UUID>) -> Coverage {
        let unpaired = subdistricts.filter { !pairedWithAppointed.contains($0) }
        return Coverage(
            subdistricts: subdistricts.count, paired: subdistricts.count - unpaired.count, unpaired: unpaired)
    }
}

/// A service-log entry and a resident's rating, as entered.
public enum PlannerService {
    public enum Problem: String, Error, Sendable, CaseIterable {
        case hours, future, tooOld, kind, rating
    }

    /// Hours in quarter hours, 0.25 to 24 for one entry; the day not in the future nor more than a
    /// year back.
    public static func check(hours: Double, on day: CalendarDay, today: CalendarDay) -> Problem? {
        guard hours >= 0.25, hours <= 24, (hours * 4).rounded() == hours * 4 else { return .hours }
        if day > today { return .future }
        if day.days(to: today) > 366 { return .tooOld }
        return nil
    }

    public static func checkRating(_ stars: Int) -> Problem? { (1...5).contains(stars) ? nil : .rating }
}

/// The population and social structure of a community, computed from its households (诊断 §人口).
public enum DiagnosisFigures {
    public struct Person: Hashable, Sendable {
        public var birthYear: Int?
        public var household: UUID
        public init(birthYear: Int?, household: UUID) {
            self.birthYear = birthYear
            self.household = household
        }
    }

    /// Age bands of the diagnosis: 0–17, 18–34, 35–59, 60–79, 80+.
    public enum AgeBand: String, CaseIterable, Codable, Sendable {
        case under18, from18, from35, from60, from80

        public static func of(age: Int) -> AgeBand {
            switch age {
            case ..<18: .under18
            case 18...34: .from18
            case 35...59: .from35
            case 60...79: .from60
            default: .from80
            }
        }
    }

    public struct Population: Hashable, Sendable, Codable {
        public var residents: Int
        public var households: Int
        public var unknownAge: Int
        public var bands: [AgeBand: Int]
        /// Share of residents of known age who are 60 or over (0–1); nil when no age is known.
        public var elderlyShare: Double?
        public var children: Int
        /// Households by size: 1, 2, 3, 4, 5 or more.
        public var householdSizes: [Int: Int]
        public var meanHouseholdSize: Double?
    }

    public static func population(_ people: [Person], households: Set<UUID>, year: Int) -> Population {
        var bands: [AgeBand: Int] = [:]
        var unknown = 0
        var sizes: [UUID: Int] = [:]
        for h in households { sizes[h] = 0 }
        for p in people {
            sizes[p.household, default: 0] += 1
            guard let born = p.birthYear, born <= year, year - born < 130 else {
                unknown += 1
                continue
            }
            bands[AgeBand.of(age: year - born), default: 0] += 1
        }
        let known = people.count - unknown
        let elderly = (bands[.from60] ?? 0) + (bands[.from80] ?? 0)
        var bySize: [Int: Int] = [:]
        for (_, n) in sizes where n > 0 { bySize[min(n, 5), default: 0] += 1 }
        let withPeople = sizes.values.filter { $0 > 0 }.count
        return Population(
            residents: people.count, households: sizes.count, unknownAge: unknown, bands: bands,
            elderlyShare: known == 0 ? nil : Double(elderly) / Double(known), children: bands[.under18] ?? 0,
            householdSizes: bySize,
            meanHouseholdSize: withPeople == 0 ? nil : Double(people.count) / Double(withPeople))
    }
}
