import Foundation

/// How something reached the platform (渠道). `online` is the person acting for themselves.
public enum Channel: String, Codable, CaseIterable, Sendable {
    case online, visit, reception, phone, questionnaire, meeting, paper
}

/// Who a record is for, who entered it and through which channel (代录 / 群众事务代理).
///
/// Every record a resident could make for themselves carries one, so that offline,
/// staff-assisted participation counts in every statistic and is traceable to the person who entered it.
public struct Provenance: Hashable, Sendable, Codable {
    public var forResident: UUID?
    public var enteredBy: UUID
    public var channel: Channel

    public init(forResident: UUID?, enteredBy: UUID, channel: Channel) {
        self.forResident = forResident
        self.enteredBy = enteredBy
        self.channel = channel
    }

    /// Someone entered this for another person.
    public var isAssisted: Bool { channel != .online }

    /// The record a person makes for themselves online.
    public static func selfEntered(by user: UUID, resident: UUID?) -> Provenance {
        Provenance(forResident: resident, enteredBy: user, channel: .online)
    }

    public enum Problem: String, Error, Sendable {
        /// Assisted entry must name the resident it is for.
        case missingResident
        /// An assisted record needs an offline channel; `online` means the person did it.
        case onlineChannelForAssisted
        /// Only staff allowed `actForResident` within the resident's scope may enter for others.
        case notAllowed
    }

    /// Checks an assisted entry by `actor` for a resident living at `residentPath`.
    public static func assisted(
        by actor: Actor, for resident: UUID?, residentPath: TerritoryPath?,
        channel: Channel
    ) -> Result<Provenance, Problem> {
        guard let resident else { return .failure(.missingResident) }
        guard channel != .online else { return .failure(.onlineChannelForAssisted) }
        guard Policy.allows(actor, .actForResident, at: residentPath) else { return .failure(.notAllowed) }
        return .success(Provenance(forResident: resident, enteredBy: actor.userId, channel: channel))
    }
}
