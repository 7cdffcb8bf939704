import Fluent
import SQLKit
import Vapor
import YishiCore

/// Opening, closing and the result: the engine counts the frozen register and the stored ballots;
/// the result is hashed onto the chain of ballots, which begins at the register's hash.
extension OwnersVotes {
    static func unanswered(_ v: OwnersVote, on db: any Database) async throws -> Int {
        guard let notice = v.registerNoticeID else { return 0 }
        return try await NoticeObjection.query(on: db).filter(\.$notice.$id == notice).filter(\.$answer == nil).count()
    }

    static func open(_ id: UUID?, by caller: Caller) async throws -> OwnersVote {
        let v = try await managed(id, by: caller)
        let now = caller.now
        try allow(.open, v, unanswered: try await unanswered(v, on: caller.db), now: now)
        let (voteID, version, hash) = (v.id!, v.registerVersion, v.registerHash)
        try await caller.audited { tx in
            let opened = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE owner_votes SET status = 'open', opened_at = \(bind: now), chain_head = register_hash,
                  updated_at = \(bind: now)
                WHERE id = \(bind: voteID) AND status = 'registerPublished' AND register_version = \(bind: version)
                RETURNING id
                """
            ).first()
            guard opened != nil else { throw YishiError.conflict(key: OwnerVoteText.alreadyOpen.key) }
            return (
                (),
                AuditEvent(
                    action: .ownersVoteOpen, targetType: "ownersVote", targetID: voteID.uuidString, nodeID: v.$node.id,
                    details: ["title": v.title, "version": String(version), "registerHash": hash ?? ""])
            )
        }
        v.status = .open
        v.openedAt = now
        v.chainHead = hash
        return v
    }

    /// The count of a vote from its register and the ballots that count.
    static func tally(
        _ v: OwnersVote, register reg: VoteRegister,
        ballots: [(owner: String, choice: BallotChoice, reason: OwnerVote.InvalidReason?)]
    ) -> Result<OwnersTallyResult, TallyError> {
        OwnersTally.count(
            register: reg.frozen, ballots: ballots.map { Ballot(owner: $0.owner, choice: $0.choice) }, matter: v.matter,
            scope: v.decisionScope, silenceFollowsMajority: v.silence,
            recordedConflicts: ballots.filter { $0.reason == .conflictingCoOwners }.count)
    }

    static func currentBallots(of vote: UUID, on db: any Database) async throws -> [(
        person: Int, owner: String, choice: BallotChoice, seq: Int, version: Int, receipt: String,
        reason: OwnerVote.InvalidReason?
    )] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT person, owner_code, choice, seq, version, receipt, invalid_reason FROM owner_ballots
            WHERE vote_id = \(bind: vote) ORDER BY person
            """
        ).all().map {
            (
                try $0.decode(column: "person", as: Int.self), try $0.decode(column: "owner_code", as: String.self),
                BallotChoice(rawValue: try $0.decode(column: "choice", as: String.self)) ?? .invalid,
                try $0.decode(column: "seq", as: Int.self), try $0.decode(column: "version", as: Int.self),
                try $0.decode(column: "receipt", as: String.self),
                try $0.decode(column: "invalid_reason", as: String?.self).flatMap(
                    OwnerVote.InvalidReason.init(rawValue:))
            )
        }
    }

    /// Closes the vote and counts it, in one transaction: a ballot arriving at the same moment is
    /// either in the count or refused, never stored uncounted.
    static func close(_ id: UUID?, by caller: Caller) async throws -> OwnersVote {
        let v = try await managed(id, by: caller)
        let now = caller.now
        try allow(.close, v, now: now)
        let voteID = v.id!
        let out: (String, String, String) = try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            guard
                let head = try await sql.raw(
                    """
                    UPDATE owner_votes SET status = 'closed', closed_at = \(bind: now), updated_at = \(bind: now)
                    WHERE id = \(bind: voteID) AND status = 'open' RETURNING chain_head, chain_seq
                    """
                ).first()
            else { throw YishiError.conflict(key: OwnerVoteText.closed.key) }
            let reg = try await register(of: v, on: tx)
            let ballots = try await currentBallots(of: voteID, on: tx)
            let json: String
            let status: String
            switch tally(v, register: reg, ballots: ballots.map { ($0.owner, $0.choice, $0.reason) }) {
            case .success(let r):
                json = TallyReport(r).json()
                status = r.status.rawValue
            case .failure(let e):
                throw YishiError.badRequest(key: OwnerVoteText.countFailed.key, args: [e.message.zh])
            }
            let seq = try head.decode(column: "chain_seq", as: Int.self)
            let resultHash = RecordHash.next(
                try head.decode(column: "chain_head", as: String?.self),
                OwnerVote.Record.resultLine(ballots: seq, json: json))
            try await sql.raw(
                """
                UPDATE owner_votes SET result = \(bind: json), result_status = \(bind: status), result_hash = \(bind: resultHash)
                WHERE id = \(bind: voteID)
                """
            ).run()
            return (
                (json, status, resultHash),
                AuditEvent(
                    action: .ownersVoteClose, targetType: "ownersVote", targetID: voteID.uuidString, nodeID: v.$node.id,
                    details: [
                        "title": v.title, "status": status, "ballots": String(ballots.count), "resultHash": resultHash,
                    ])
            )
        }
        v.status = .closed
        v.closedAt = now
        (v.resultJSON, v.resultStatus, v.resultHash) = (out.0, out.1, out.2)

        return v
    }

    /// Publishes the result as a notice (counts only; the ballots are shown to owners on request).
    static func publishResult(_ id: UUID?, by caller: Caller) async throws -> PublicNotice {
        let v = try await managed(id, by: caller)
        try allow(.publishResult, v, now: caller.now)
        guard v.resultJSON != nil else { throw YishiError.conflict(key: OwnerVoteText.notClosed.key) }
        let status = TallyStatus(rawValue: v.resultStatus ?? "") ?? .needsReview
        let (voteID, now) = (v.id!, caller.now)
        // The vote is claimed first (one UPDATE decides between two at once), so only one notice is made.
        try await caller.audited { tx in
            let claimed = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE owner_votes SET status = 'resultPublished', updated_at = \(bind: now)
                WHERE id = \(bind: voteID) AND status = 'closed' RETURNING id
                """
            ).first()
            guard claimed != nil else { throw YishiError.conflict(key: NoticeText.alreadyPublished.key) }
            return (
                (),
                AuditEvent(
                    action: .ownersVotePublish, targetType: "ownersVote", targetID: voteID.uuidString,
                    nodeID: v.$node.id, details: ["title": v.title])
            )
        }
        let sql = caller.db as! any SQLDatabase
        do {
            let n = try await NoticesService.create(
                .init(
                    node: v.$node.id,
                    title: Catalog.text(OwnerVoteText.resultNoticeTitle, .zhHans, [v.title]),
                    body: bilingual(
                        OwnerVoteText.resultNoticeBody,
                        { [OwnersTally.statusName(status).in($0), RecordHash.shown(v.resultHash ?? "")] }),
                    days: String(v.noticeDays), subject: (kind: "ownersResult", id: voteID)),
                by: caller)
            let published = try await NoticesService.publish(n.id, by: caller)
            try await sql.raw("UPDATE owner_votes SET result_notice_id = \(bind: n.id!) WHERE id = \(bind: voteID)")
                .run()
            return published
        } catch {
            // No notice came of it: the vote is closed again, to be published once more.
            try? await sql.raw(
                "UPDATE owner_votes SET status = 'closed' WHERE id = \(bind: voteID) AND result_notice_id IS NULL"
            ).run()
            throw error
        }
    }

    /// The stored result read back: the JSON `yishi votes tally` prints, as the close wrote it.
    static func result(_ v: OwnersVote) -> TallyReport? {
        v.resultJSON.flatMap { try? JSONDecoder().decode(TallyReport.self, from: Data($0.utf8)) }
    }

    /// A notice's words the platform writes: Chinese, then English (a notice has one body for everyone).
    static func bilingual(_ text: OwnerVoteText, _ args: (Lang) -> [String]) -> String {
        text.text(.zhHans, args(.zhHans)) + "\n\n" + text.text(.en, args(.en))
    }
}
