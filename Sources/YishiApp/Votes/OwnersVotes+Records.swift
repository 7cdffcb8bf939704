import Fluent
import SQLKit
import Vapor
import YishiCore

/// The signed ballots, shown after the close to the organisers and to the owners on the register
/// (interpretation art. 13: owners may inspect the records); every view is audited. The public
/// notice carries counts only.
extension OwnersVotes {
    static func signedBallots(_ id: UUID?, by caller: Caller) async throws -> [BallotEvent] {
        let v = try await readable(id, by: caller)
        guard v.status == .closed || v.status == .resultPublished else {
            throw YishiError.conflict(key: OwnerVoteText.notClosed.key)
        }
        var owner: String? = nil
        if !mayRead(v, caller) {
            _ = try caller.requireActor()
            guard let mine = try await entries(of: v, phone: try await phone(of: caller), on: caller.db).first else {
                throw YishiError.denied(.outsideScope)
            }
            owner = mine.owner
        }
        let events = try await events(of: v.id!, on: caller.db)
        let counted = OwnerVote.current(events, person: \.person, seq: \.seq).values.sorted { $0.person < $1.person }
        let (voteID, viewer) = (v.id!, owner)
        try await caller.audited { _ in
            var details = ["title": v.title, "ballots": String(counted.count)]
            if let viewer { details["owner"] = viewer }
            return (
                (),
                AuditEvent(
                    action: .ownersBallotsView, targetType: "ownersVote", targetID: voteID.uuidString,
                    nodeID: v.$node.id, details: details, changesReads: false)
            )
        }
        return counted
    }

    static func csvHeader(_ lang: Lang) -> [String] {
        [
            OwnerVoteText.colPerson, OwnerVoteText.colOwner, OwnerVoteText.colChoice, OwnerVoteText.colReason,
            OwnerVoteText.colChannel, OwnerVoteText.colSerial, OwnerVoteText.colProxy, OwnerVoteText.colVersion,
            OwnerVoteText.colAt,
        ].map { $0.text(lang) }
    }

    static func csvRow(_ e: BallotEvent, _ lang: Lang) -> [String] {
        [
            String(e.person), e.owner, OwnerVoteText.choice(e.choice).text(lang),
            e.invalidReason.map { OwnerVoteText.reason($0).text(lang) } ?? "",
            OwnerVoteText.channel(e.channel).text(lang),
            e.serial ?? "", e.proxyName ?? "", String(e.version), Show.dateTime(e.at),
        ]
    }
}

extension OwnersVotes {
    /// An open vote an owner may cast, for their home page.
    struct Waiting: Sendable {
        var id: UUID
        var title: String
        var closes: Date?
        var voted: Bool
    }

    /// The open votes whose register has this phone, soonest closing first.
    static func waiting(phone: String?, on db: any Database) async throws -> [Waiting] {
        guard let phone = phone.flatMap(OneTimeCodeRules.normalizePhone) else { return [] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT DISTINCT v.id, v.title, v.closes_at,
              CASE WHEN EXISTS (SELECT 1 FROM owner_ballots b WHERE b.vote_id = v.id AND b.person = o.person)
                THEN 1 ELSE 0 END AS voted
            FROM owner_vote_owners o JOIN owner_votes v ON v.id = o.vote_id AND v.register_version = o.version
            WHERE o.phone = \(bind: phone) AND v.status = 'open' ORDER BY v.closes_at LIMIT 10
            """
        ).all().map {
            Waiting(
                id: try $0.decode(column: "id", as: UUID.self), title: try $0.decode(column: "title", as: String.self),
                closes: try $0.decode(column: "closes_at", as: Date?.self),
                voted: try $0.decode(column: "voted", as: Int.self) == 1)
        }
    }

    /// Homes as people name them ("1号 101"), by unit code.
    static func unitLabels(_ codes: [String], on db: any Database) async throws -> [String: String] {
        guard !codes.isEmpty else { return [:] }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT u.code, u.number, b.name FROM units u JOIN territory_nodes b ON b.id = u.building_id
            WHERE u.code IN (\(binds: codes))
            """
        ).all().reduce(into: [String: String]()) { out, r in
            out[try r.decode(column: "code", as: String.self)] =
                "\(try r.decode(column: "name", as: String.self)) \(try r.decode(column: "number", as: String.self))"
        }
    }
}
