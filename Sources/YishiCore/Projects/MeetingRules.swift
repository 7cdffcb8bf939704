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
        /// A residents' meeting needs the size of its electorate.
        case electorateRequired
        case impossibleCounts
    }

    /// A resolution at a meeting of `kind`: a residents' meeting by its quorum and majority
    /// (DECISION-RULES.md §2, over the electorate it was convened with); a representatives' meeting
    /// of villagers by two thirds present; every other meeting by more than half of those present.
    public static func decide(_ kind: MeetingKind, electorate: Int?, present: Int, yes: Int) -> Result<
        MeetingDecision, DecisionProblem
    > {
        do {
            switch kind {
            case .ownersAssembly, .ownersRepresentatives:
                return .failure(.ownersDecideByVote)
            case .residentsAssembly:
                guard let electorate else { return .failure(.electorateRequired) }
                return .success(
                    try CommunityDecisions.residentsMeeting(electorate: electorate, present: present, yes: yes))
            default:
                guard present > 0 else { return .failure(.impossibleCounts) }
                let d = try CommunityDecisions.committeeMajority(members: present, yes: yes)
                return .success(d)
            }
        } catch {
            return .failure(.impossibleCounts)
        }
    }
}
