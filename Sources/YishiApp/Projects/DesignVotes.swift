import Fluent
import SQLKit
import Vapor
import YishiCore

/// A vote between a project's design options at one of its meetings: opened by staff with its rule
/// and tie-break fixed (a lot's seed drawn and shown then), ballots online from residents signed
/// in at the meeting (one each: a unique index) and on paper entered by staff, closed once — the
/// count is `OptionVote`'s and the winner becomes the chosen option.
final class DesignVote: Model, @unchecked Sendable {
    static let schema = "option_votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "project_id") var projectID: UUID
    @Field(key: "method") var method: String
    @OptionalField(key: "max_picks") var maxPicks: Int?
    /// `TieBreak` as JSON.
    @Field(key: "tie_break") var tieBreakJSON: String
    /// The options' ids in the listed order, as JSON.
    @Field(key: "option_ids") var optionIDsJSON: String
    @Field(key: "status") var status: String
    @Field(key: "spoilt") var spoilt: Int
    /// `ChoiceResult` as JSON, once closed.
    @OptionalField(key: "result") var resultJSON: String?
    @OptionalField(key: "opened_by_id") var openedByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?

    init() {}

    var choiceMethod: ChoiceResult.Method { ChoiceResult.Method(rawValue: method) ?? .plurality }
    var tieBreak: TieBreak { (try? JSONDecoder().decode(TieBreak.self, from: Data(tieBreakJSON.utf8))) ?? .listedOrder }
    var optionIDs: [UUID] { (try? JSONDecoder().decode([UUID].self, from: Data(optionIDsJSON.utf8))) ?? [] }
    var result: ChoiceResult? {
        resultJSON.flatMap { try? JSONDecoder().decode(ChoiceResult.self, from: Data($0.utf8)) }
    }
    var isOpen: Bool { status == "open" }
}

final class DesignBallot: Model, @unchecked Sendable {
    static let schema = "option_ballots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "vote_id") var vote: DesignVote
    @OptionalField(key: "resident_id") var residentID: UUID?
    /// `[Int]` as JSON: places in the vote's list.
    @Field(key: "picks") var picksJSON: String
    @Field(key: "count") var count: Int
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var ballot: OptionVote.Ballot {
        .init(picks: (try? JSONDecoder().decode([Int].self, from: Data(picksJSON.utf8))) ?? [], count: count)
    }
}

enum DesignVotes {
    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    static func problemKey(_ p: OptionVote.BallotProblem) -> String {
        switch p {
        case .empty: VoteText.ballotEmpty.key
        case .unknownOption: VoteText.ballotUnknown.key
        case .tooMany: VoteText.ballotTooMany.key
        case .count: VoteText.ballotCount.key
        }
    }

    /// Opens a vote at a project's meeting between `options` (the project's, two at least).
    static func open(
        meeting meetingID: UUID?, method: String?, maxPicks: String?, tieBreak: String?, options: [UUID],
        by caller: Caller
    ) async throws -> DesignVote {
        let m = try await MeetingsService.readable(meetingID, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        guard let projectID = m.$project.id else {
            throw YishiError.invalid(["options": VoteText.openOnlyForProject.key])
        }
        var fields: [String: String] = [:]
        let how = method.flatMap(ChoiceResult.Method.init(rawValue:))
        if how == nil { fields["method"] = FieldText.requiredText.key }
        let limit = maxPicks.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        let picks = limit.flatMap { Int($0) }
        if limit != nil && picks == nil { fields["maxPicks"] = VoteText.maxPicksInvalid.key }
        let all = try await DesignOption.query(on: caller.db).filter(\.$project.$id == projectID).all()
        let chosen = options.reduce(into: [UUID]()) { if !$0.contains($1) { $0.append($1) } }
        if !chosen.allSatisfy({ id in all.contains { $0.id == id } }) { throw YishiError.notFound }
        if let how {
            switch OptionVote.checkOpening(
                method: how, options: chosen.count, maxPicks: how == .approval ? picks : nil)
            {
            case .tooFewOptions: fields["options"] = VoteText.tooFewOptions.key
            case .maxPicks: fields["maxPicks"] = VoteText.maxPicksInvalid.key
            case nil: break
            }
        }
        guard fields.isEmpty, let how else { throw YishiError.invalid(fields) }
        let tie: TieBreak =
            tieBreak == "lot"
            ? .lot(seed: caller.effects.random.bytes(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } % 1_000_000)
            : .listedOrder
        let user = caller.actor?.userId
        return try await caller.audited { tx in
            let v = DesignVote()
            v.$meeting.id = try m.requireID()
            v.projectID = projectID
            v.method = how.rawValue
            v.maxPicks = how == .approval ? picks : nil
            v.tieBreakJSON = json(tie)
            v.optionIDsJSON = json(chosen)
            v.status = "open"
            v.spoilt = 0
            v.openedByID = user
            try await v.create(on: tx)
            return (
                v,
                AuditEvent(
                    action: .designVoteOpen, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: ["title": m.title, "method": how.rawValue, "tieBreak": tie.name.zh])
            )
        }
    }

    static func load(_ id: UUID?, by caller: Caller) async throws -> (DesignVote, Meeting) {
        guard let id, let v = try await DesignVote.find(id, on: caller.db) else { throw YishiError.notFound }
        let m = try await MeetingsService.readable(v.$meeting.id, by: caller)
        return (v, m)
    }

    /// A resident's own ballot: they signed in at the meeting, the vote is open, once.
    static func cast(_ id: UUID?, picks: [Int], by caller: Caller) async throws -> DesignVote {
        let (v, m) = try await load(id, by: caller)
        let actor = try caller.requireActor()
        guard actor.kind == .resident else { throw YishiError.denied(.roleLacksAction) }
        guard v.isOpen else { throw YishiError.conflict(key: VoteText.closed.key) }
        let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .projectManage)
        let rid = try home.resident.requireID()
        guard
            try await MeetingAttendance.query(on: caller.db).filter(\.$meeting.$id == m.requireID())
                .filter(\.$resident.$id == rid).first() != nil
        else { throw YishiError.invalid(["ballot": VoteText.notAttendee.key]) }
        let b = OptionVote.Ballot(picks: picks)
        if let p = OptionVote.check(b, method: v.choiceMethod, options: v.optionIDs.count, maxPicks: v.maxPicks) {
            throw YishiError.invalid(["ballot": problemKey(p)])
        }
        do {
            return try await caller.audited { tx in
                // Taken only while the vote is still open: an update that changes nothing locks the
                // vote's row, so a close at the same moment counts this ballot or refuses it — never
                // stores it uncounted (a plain read would not wait for the close).
                let open = try await (tx as! any SQLDatabase).raw(
                    "UPDATE option_votes SET spoilt = spoilt WHERE id = \(bind: v.id!) AND status = 'open' RETURNING id"
                ).first()
                guard open != nil else { throw YishiError.conflict(key: VoteText.closed.key) }
                let ballot = DesignBallot()
                ballot.$vote.id = try v.requireID()
                ballot.residentID = rid
                ballot.picksJSON = json(picks)
                ballot.count = 1
                try await ballot.create(on: tx)
                // Who voted is recorded; what they chose is not.
                return (
                    v,
                    AuditEvent(
                        action: .designVoteBallot, targetType: "meeting", targetID: m.id!.uuidString,
                        nodeID: m.$node.id, details: ["title": m.title, "way": "online"],
                        provenance: Provenance(forResident: rid, enteredBy: actor.userId, channel: .online))
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.conflict(key: VoteText.alreadyVoted.key)
        }
    }

    /// Paper ballots entered by staff: `count` ballots marked `picks`, or `spoilt` spoilt ones.
    static func paper(_ id: UUID?, picks: [Int], count: String?, spoilt: String?, by caller: Caller) async throws
        -> DesignVote
    {
        let (v, m) = try await load(id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        guard v.isOpen else { throw YishiError.conflict(key: VoteText.closed.key) }
        let spoiltN = spoilt.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 }
        var ballot: OptionVote.Ballot? = nil
        var bad = 0
        if let spoiltN, picks.isEmpty {
            guard let n = Int(spoiltN), (1...5_000).contains(n) else {
                throw YishiError.invalid(["spoilt": VoteText.ballotCount.key])
            }
            bad = n
        } else {
            guard let n = Int((count ?? "1").trimmed.isEmpty ? "1" : (count ?? "1").trimmed) else {
                throw YishiError.invalid(["count": VoteText.ballotCount.key])
            }
            let b = OptionVote.Ballot(picks: picks, count: n)
            if let p = OptionVote.check(b, method: v.choiceMethod, options: v.optionIDs.count, maxPicks: v.maxPicks) {
                throw YishiError.invalid([p == .count ? "count" : "ballot": problemKey(p)])
            }
            ballot = b
        }
        let user = caller.actor?.userId
        let (entered, spoiltCount) = (ballot, bad)
        return try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            // One statement that checks the vote is open and counts the spoilt ones.
            let open = try await sql.raw(
                """
                UPDATE option_votes SET spoilt = spoilt + \(bind: spoiltCount)
                WHERE id = \(bind: v.id!) AND status = 'open' RETURNING id
                """
            ).first()
            guard open != nil else { throw YishiError.conflict(key: VoteText.closed.key) }
            if let entered {
                let row = DesignBallot()
                row.$vote.id = try v.requireID()
                row.picksJSON = json(entered.picks)
                row.count = entered.count
                row.enteredByID = user
                try await row.create(on: tx)
            }
            return (
                v,
                AuditEvent(
                    action: .designVoteBallot, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: [
                        "title": m.title, "way": "paper", "count": String(entered?.count ?? spoiltCount),
                        "spoilt": String(spoiltCount),
                    ])
            )
        }
    }

    /// Ends the vote once, counts it, and records the winner as the chosen option (when any ballot was valid).
    static func close(_ id: UUID?, by caller: Caller) async throws -> DesignVote {
        let (v, m) = try await load(id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        guard v.isOpen else { throw YishiError.conflict(key: VoteText.closed.key) }
        let now = caller.now
        return try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            let closed = try await sql.raw(
                """
                UPDATE option_votes SET status = 'closed', closed_at = \(bind: now)
                WHERE id = \(bind: v.id!) AND status = 'open' RETURNING spoilt
                """
            ).first()
            guard let closed else { throw YishiError.conflict(key: VoteText.closed.key) }
            let spoilt = try closed.decode(column: "spoilt", as: Int.self)
            let ballots = try await DesignBallot.query(on: tx).filter(\.$vote.$id == v.requireID()).all().map(\.ballot)
            let ids = v.optionIDs
            let result = try OptionVote.tally(
                method: v.choiceMethod, options: ids.count, ballots: ballots, spoilt: spoilt, maxPicks: v.maxPicks,
                tieBreak: v.tieBreak)
            v.status = "closed"
            v.closedAt = now
            v.spoilt = spoilt
            v.resultJSON = json(result)
            try await sql.raw("UPDATE option_votes SET result = \(bind: v.resultJSON!) WHERE id = \(bind: v.id!)")
                .run()
            var winner = "—"
            if result.validBallots > 0 {
                let wid = ids[result.winner]
                try await DesignOption.query(on: tx).filter(\.$project.$id == v.projectID).set(\.$chosen, to: false)
                    .update()
                try await sql.raw(
                    """
                    UPDATE design_options SET chosen = \(bind: true), chosen_by_vote_id = \(bind: v.id!),
                    chosen_by_resolution_id = NULL WHERE id = \(bind: wid)
                    """
                ).run()
                if let o = try await DesignOption.find(wid, on: tx) { winner = "\(o.label) v\(o.version)" }
            }
            return (
                v,
                AuditEvent(
                    action: .designVoteClose, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: [
                        "title": m.title, "method": v.method, "valid": String(result.validBallots),
                        "invalid": String(result.invalidBallots), "winner": winner,
                    ])
            )
        }
    }

    static func of(_ m: Meeting, on db: any Database) async throws -> [DesignVote] {
        try await DesignVote.query(on: db).filter(\.$meeting.$id == m.requireID()).sort(\.$createdAt).all()
    }

    /// Ballots so far (paper entries by their count, spoilt ones included).
    static func ballotCount(_ v: DesignVote, on db: any Database) async throws -> Int {
        let row = try await (db as! any SQLDatabase).raw(
            "SELECT CAST(COALESCE(SUM(count), 0) AS BIGINT) AS n FROM option_ballots WHERE vote_id = \(bind: v.id!)"
        ).first()
        return (try row?.decode(column: "n", as: Int.self) ?? 0) + v.spoilt
    }

    /// Whether this resident has cast their ballot.
    static func hasVoted(_ v: DesignVote, resident: UUID, on db: any Database) async throws -> Bool {
        try await DesignBallot.query(on: db).filter(\.$vote.$id == v.requireID()).filter(\.$residentID == resident)
            .first() != nil
    }
}
