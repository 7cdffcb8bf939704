import Foundation

/// The period of a public notice (公示期): from its publication for a number of whole days.
/// Objections are taken while it runs; when it has ended the notice states its outcome.
public struct NoticePeriod: Sendable, Equatable {
    public var starts: Date
    public var ends: Date

    /// Seven days unless the publisher says otherwise (DESIGN.md: notices).
    public static let defaultDays = 7
    /// The longest period a notice may run.
    public static let maxDays = 90

    public init(starts: Date, ends: Date) {
        self.starts = starts
        self.ends = ends
    }

    /// A period of `days` whole days from `start` (0 allowed: published, with no time for objections — recorded).
    public static func starting(_ start: Date, days: Int) -> NoticePeriod {
        NoticePeriod(starts: start, ends: start.addingTimeInterval(TimeInterval(days) * 86_400))
    }

    /// The number of days a publisher gave: empty means the default; 0…90 whole days.
    public static func days(_ text: String?) -> Int? {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return defaultDays }
        guard let d = Int(t), (0...maxDays).contains(d) else { return nil }
        return d
    }

    /// Whether an objection made at `now` is in time: from the start until (not including) the end.
    public func takesObjections(at now: Date) -> Bool { starts <= now && now < ends }

    public func hasEnded(at now: Date) -> Bool { now >= ends }
}

/// Where a published notice stands, from its period and its objections.
public enum NoticeOutcome: Equatable, Sendable {
    /// Still running, with the objections so far.
    case running(objections: Int, unanswered: Int)
    /// 公示期满，无异议.
    case noObjection
    /// Ended; every objection has its answer.
    case answered(objections: Int)
    /// Ended with objections still waiting for an answer.
    case waiting(objections: Int, unanswered: Int)

    public static func of(_ period: NoticePeriod, now: Date, objections: Int, unanswered: Int) -> NoticeOutcome {
        guard period.hasEnded(at: now) else { return .running(objections: objections, unanswered: unanswered) }
        if objections == 0 { return .noObjection }
        return unanswered == 0
            ? .answered(objections: objections) : .waiting(objections: objections, unanswered: unanswered)
    }

    /// The period has ended and every objection is answered: what a later step may require.
    public var isSettled: Bool {
        switch self {
        case .noObjection, .answered: true
        case .running, .waiting: false
        }
    }
}
