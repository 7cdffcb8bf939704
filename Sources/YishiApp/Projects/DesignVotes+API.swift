import Fluent
import Vapor
import YishiCore

/// Votes between design options under /api/v1 (described in `Projects+OpenAPI.swift`).
struct DesignVotesAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.post("meetings", ":meetingID", "option-votes", use: open)
        api.get("option-votes", ":voteID", use: read)
        api.post("option-votes", ":voteID", "ballots", use: ballot)
        api.post("option-votes", ":voteID", "close", use: close)
    }

    static func out(_ v: DesignVote, _ req: Request) async throws -> DTO.OptionVote {
        let options = try await DesignOption.query(on: req.db).filter(\.$id ~~ v.optionIDs).all()
        let listed = v.optionIDs.compactMap { id in options.first { $0.id == id } }
        let labels = listed.map { ProjectText.optionVersion.text(req.lang, [$0.label, String($0.version)]) }
        var seed: UInt64? = nil
        if case .lot(let s) = v.tieBreak { seed = s }
        return DTO.OptionVote(
            id: v.id!, meeting: v.$meeting.id, method: v.method, maxPicks: v.maxPicks,
            tieBreak: v.tieBreak.name.in(req.lang), lotSeed: seed,
            options: listed.map { DTO.OptionVoteChoice(id: $0.id!, label: $0.label, version: $0.version) },
            status: v.status, ballots: try await DesignVotes.ballotCount(v, on: req.db),
            result: v.result.map { r in
                DTO.OptionVoteResult(
                    scores: r.scores, winner: r.validBallots > 0 ? listed[r.winner].id! : nil,
                    decidedByTieBreak: r.decidedByTieBreak, validBallots: r.validBallots,
                    invalidBallots: r.invalidBallots, explanation: OptionVote.explain(r, labels: labels, lang: req.lang)
                )
            })
    }

    func open(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.OptionVoteIn.self)
        let v = try await DesignVotes.open(
            meeting: req.parameters.get("meetingID", as: UUID.self), method: input.method,
            maxPicks: input.maxPicks.map(String.init), tieBreak: input.tieBreak, options: input.options, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await Self.out(v, req))
        return res
    }

    func read(req: Request) async throws -> DTO.OptionVote {
        try await Self.out(
            try await DesignVotes.load(req.parameters.get("voteID", as: UUID.self), by: req.caller).0, req)
    }

    /// A resident's own ballot, or (staff) paper ballots: `count` marked alike, or `spoilt` ones.
    func ballot(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.OptionBallotIn.self)
        let id = req.parameters.get("voteID", as: UUID.self)
        let v =
            req.caller.actor?.kind == .resident
            ? try await DesignVotes.cast(id, picks: input.picks ?? [], by: req.caller)
            : try await DesignVotes.paper(
                id, picks: input.picks ?? [], count: input.count.map(String.init),
                spoilt: input.spoilt.map(String.init), by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await Self.out(v, req))
        return res
    }

    func close(req: Request) async throws -> DTO.OptionVote {
        try await Self.out(
            try await DesignVotes.close(req.parameters.get("voteID", as: UUID.self), by: req.caller), req)
    }
}

extension DTO {
    struct OptionVoteChoice: Content {
        var id: UUID
        var label: String
        var version: Int
    }

    struct OptionVoteResult: Content {
        /// Each option's score, in the listed order.
        var scores: [Int]
        /// The chosen option (none when no ballot was valid).
        var winner: UUID?
        var decidedByTieBreak: Bool
        var validBallots: Int
        var invalidBallots: Int
        var explanation: [String]
    }

    struct OptionVote: Content {
        var id: UUID
        var meeting: UUID
        var method: String
        var maxPicks: Int?
        /// The tie-break in words, fixed when the vote opened.
        var tieBreak: String
        /// The lot's seed, published when the vote opened.
        var lotSeed: UInt64?
        var options: [OptionVoteChoice]
        var status: String
        var ballots: Int
        var result: OptionVoteResult?
    }

    struct OptionVoteIn: Content {
        var method: String
        var options: [UUID]
        var maxPicks: Int?
        /// "listed" (default) or "lot".
        var tieBreak: String?
    }

    struct OptionBallotIn: Content {
        /// Places in the vote's option list: one, several, or a ranking best first.
        var picks: [Int]?
        var count: Int?
        var spoilt: Int?
    }
}
