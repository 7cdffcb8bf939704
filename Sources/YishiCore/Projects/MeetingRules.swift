import Foundation

/// Meetings' rules (issue 18 §5–6), pure: the sign-in code's window, and a resolution decided by
/// the body's rule through the decision engine (`CommunityDecisions`), never a second copy of it.
public enum MeetingRules {
    /// A sign-in code is taken from an hour before the meeting starts until the end of that day in Shanghai.
    public static func codeValid(at now: Date, starts: Date) -> Bool {
        guard now >= starts.addingTimeInterval(-3_600) else { return false }
        // The end of the meeting's day in Shanghai (UTC+8).
        let shanghai = starts.timeIntervalSince1970 + 8 * 3_600
        let endOfDay = (shanghai / 86_400).rounded(.down) * 86_400 + 86_400 - 8 * 3_600
        return now.timeIntervalSince1970 < endOfDay
    }

    /// A six-digit code from a random number (leading zeros kept).
    public static func code(_ random: UInt64) -> String {
        let n = random % 1_000_000
        let s = String(n)
        return String(repeating: "0", count: 6 - s.count) + s
    }

    public enum DecisionProblem: Error, Equatable, Sendable {
        /// Owners' assemblies decide by the owners' vote (issue 19), not by a show of hands here.
        case ownersDecideByVote
        /// The size of the body deciding: the electorate, the village's adults, the representatives.
        case electorateRequired
        /// A village's meeting also counts households: how many, and how many were represented.
        case householdsRequired
        case impossibleCounts
    }

    /// What a resolution is counted from: the electorate (a residents' meeting's, whichever of the
    /// three it was convened with; a village's adults; a representatives' meeting's members), those
    /// present (person-times signed in unless given), those in favour, and for a village's meetings
    /// its households and those represented.
    public struct Counts: Equatable, Sendable {
        public var electorate: Int?
        public var present: Int
        public var yes: Int
        public var households: Int?
        public var householdsPresent: Int?

        public init(
            electorate: Int? = nil, present: Int, yes: Int, households: Int? = nil, householdsPresent: Int? = nil
        ) {
            self.electorate = electorate
            self.present = present
            self.yes = yes
            self.households = households
            self.householdsPresent = householdsPresent
        }
    }

    /// What a kind of meeting at a kind of community must be given to decide.
    public static func needs(_ kind: MeetingKind, village: Bool) -> (electorate: Bool, households: Bool) {
        switch kind {
        case .residentsAssembly: (true, village)
        case .villagersAssembly, .villagerGroup: (true, true)
        case .representatives: (village, false)
        default: (false, false)
        }
    }

    /// A resolution at a meeting of `kind` by the body's rule (DECISION-RULES.md §2–3), through
    /// `CommunityDecisions`: a residents' meeting by its quorum over the electorate it was convened
    /// with; at a village, the villagers' meeting, the villagers' group meeting and the
    /// representatives' meeting by theirs; the consultative meetings (hearing, coordination, review
    /// and the rest) by more than half of those present. Owners decide by their own vote.
    public static func decide(_ kind: MeetingKind, village: Bool = false, _ c: Counts) -> Result<
        MeetingDecision, DecisionProblem
    > {
        let need = needs(kind, village: village)
        if kind == .ownersAssembly || kind == .ownersRepresentatives { return .failure(.ownersDecideByVote) }
        if need.electorate && c.electorate == nil { return .failure(.electorateRequired) }
        if need.households && (c.households == nil || c.householdsPresent == nil) {
            return .failure(.householdsRequired)
        }
        do {
            switch kind {
            case .residentsAssembly where village, .villagersAssembly:
                return .success(
                    try CommunityDecisions.villagersMeeting(
                        adults: c.electorate!, adultsPresent: c.present, households: c.households!,
                        householdsRepresented: c.householdsPresent!, yes: c.yes))
            case .residentsAssembly:
                return .success(
                    try CommunityDecisions.residentsMeeting(electorate: c.electorate!, present: c.present, yes: c.yes))
            case .villagerGroup:
                return .success(
                    try CommunityDecisions.villagerGroupMeeting(
                        adults: c.electorate!, adultsPresent: c.present, households: c.households!,
                        householdsPresent: c.householdsPresent!, yes: c.yes))
            case .representatives where village:
                return .success(
                    try CommunityDecisions.villagersRepresentativesMeeting(
                        members: c.electorate!, present: c.present, yes: c.yes))
            default:
                // Consultative: no quorum; more than half of those present.
                guard c.present > 0, c.yes >= 0, c.yes <= c.present else { return .failure(.impossibleCounts) }
                let pass = TallyCondition(
                    name: "majority_of_present", check: "2 × \(c.yes) > \(c.present)", passed: 2 * c.yes > c.present)
                return .success(
                    MeetingDecision(status: pass.passed ? .passed : .failed, quorumMet: true, conditions: [pass]))
            }
        } catch {
            return .failure(.impossibleCounts)
        }
    }

    /// The same, for a meeting that needs no household counts.
    public static func decide(_ kind: MeetingKind, electorate: Int?, present: Int, yes: Int) -> Result<
        MeetingDecision, DecisionProblem
    > {
        decide(kind, Counts(electorate: electorate, present: present, yes: yes))
    }
}
