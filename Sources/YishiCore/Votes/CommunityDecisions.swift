import Foundation

/// A decision of a residents' or villagers' body (DECISION-RULES.md §2–3): counts in, the
/// conditions with their numbers out. Abstentions count as present, not as yes.
public struct MeetingDecision: Hashable, Sendable, Codable {
    public var status: TallyStatus
    public var quorumMet: Bool
    public var conditions: [TallyCondition]
}

public enum MeetingError: Error, Hashable, Sendable {
    /// An empty electorate, or more present (or yes) than could be.
    case impossibleCounts
}

public enum CommunityDecisions {
    /// The three electorates a residents' meeting may be convened with (居民委员会组织法 art. 9).
    public enum ResidentsElectorate: String, Sendable, Codable {
        case adultResidents, householdRepresentatives, groupRepresentatives
    }

    static func decide(_ quorum: [TallyCondition], present: Int, yes: Int) -> MeetingDecision {
        let q = quorum.contains { $0.passed }
        let pass = TallyCondition(
            name: "majority_of_present", check: "2 × \(yes) > \(present)", passed: 2 * yes > present)
        return MeetingDecision(
            status: !q ? .noQuorum : (pass.passed ? .passed : .failed), quorumMet: q, conditions: quorum + [pass])
    }

    static func check(_ electorate: Int, _ present: Int, _ yes: Int) throws(MeetingError) {
        guard electorate > 0, present >= 0, yes >= 0, present <= electorate, yes <= present else {
            throw .impossibleCounts
        }
    }

    /// 居民会议: quorum more than half of the electorate (whichever of the three it is); pass more than half of those present.
    public static func residentsMeeting(electorate: Int, present: Int, yes: Int) throws(MeetingError) -> MeetingDecision
    {
        try check(electorate, present, yes)
        return decide(
            [TallyCondition(name: "quorum", check: "2 × \(present) > \(electorate)", passed: 2 * present > electorate)],
            present: present, yes: yes)
    }

    /// 村民会议: more than half of villagers aged 18+, or two thirds of households represented; pass more than half of those present.
    public static func villagersMeeting(
        adults: Int, adultsPresent: Int, households: Int, householdsRepresented: Int, yes: Int
    ) throws(MeetingError) -> MeetingDecision {
        try check(adults, adultsPresent, 0)
        guard households > 0, householdsRepresented >= 0, householdsRepresented <= households, yes >= 0,
            yes <= adultsPresent
        else { throw .impossibleCounts }
        return decide(
            [
                TallyCondition(
                    name: "quorum_adults", check: "2 × \(adultsPresent) > \(adults)", passed: 2 * adultsPresent > adults
                ),
                TallyCondition(
                    name: "quorum_households", check: "3 × \(householdsRepresented) ≥ 2 × \(households)",
                    passed: 3 * householdsRepresented >= 2 * households),
            ], present: adultsPresent, yes: yes)
    }

    /// 村民代表会议: two thirds of its members present; pass more than half of those present.
    public static func villagersRepresentativesMeeting(members: Int, present: Int, yes: Int) throws(MeetingError)
        -> MeetingDecision
    {
        try check(members, present, yes)
        return decide(
            [
                TallyCondition(
                    name: "quorum", check: "3 × \(present) ≥ 2 × \(members)", passed: 3 * present >= 2 * members)
            ], present: present, yes: yes)
    }

    /// 村民小组会议: two thirds of the group's adults or of its households present; pass more than half of those present.
    public static func villagerGroupMeeting(
        adults: Int, adultsPresent: Int, households: Int, householdsPresent: Int, yes: Int
    ) throws(MeetingError) -> MeetingDecision {
        try check(adults, adultsPresent, 0)
        guard households > 0, householdsPresent >= 0, householdsPresent <= households, yes >= 0, yes <= adultsPresent
        else { throw .impossibleCounts }
        return decide(
            [
                TallyCondition(
                    name: "quorum_adults", check: "3 × \(adultsPresent) ≥ 2 × \(adults)",
                    passed: 3 * adultsPresent >= 2 * adults),
                TallyCondition(
                    name: "quorum_households", check: "3 × \(householdsPresent) ≥ 2 × \(households)",
                    passed: 3 * householdsPresent >= 2 * households),
            ], present: adultsPresent, yes: yes)
    }

    /// A committee's own decision (居民委员会组织法 art. 11): more than half of all its members agree.
    public static func committeeMajority(members: Int, yes: Int) throws(MeetingError) -> MeetingDecision {
        try check(members, members, yes)
        let c = TallyCondition(name: "majority_of_members", check: "2 × \(yes) > \(members)", passed: 2 * yes > members)
        return MeetingDecision(status: c.passed ? .passed : .failed, quorumMet: true, conditions: [c])
    }
}
