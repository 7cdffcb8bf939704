import Fluent
import SQLKit
import Vapor
import YishiCore

/// Owners' votes under /api/v1 (described in `OwnersVotes+OpenAPI.swift`).
struct OwnersVotesAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("votes", use: list)
        api.on(.POST, "votes", body: .collect(maxSize: "24mb"), use: create)
        api.get("votes", ":voteID", use: read)
        api.post("votes", ":voteID", "register", use: freeze)
        api.get("votes", ":voteID", "register", use: register)
        api.post("votes", ":voteID", "register", "designations", use: designate)
        api.post("votes", ":voteID", "open", use: open)
        api.on(.POST, "votes", ":voteID", "ballots", body: .collect(maxSize: "24mb"), use: ballot)
        api.get("votes", ":voteID", "ballots", use: ballots)
        api.get("votes", ":voteID", "turnout", use: turnout)
        api.post("votes", ":voteID", "close", use: close)
        api.post("votes", ":voteID", "publish", use: publish)
        api.get("votes", ":voteID", "result", use: result)
        api.get("receipts", ":code", use: receipt).anonymous()
        api.put("vote-settings", ":districtID", use: settings)
    }

    var id: @Sendable (Request) -> UUID? { { $0.parameters.get("voteID", as: UUID.self) } }

    static func out(_ v: OwnersVote, _ req: Request) -> DTO.OwnersVote {
        DTO.OwnersVote(
            id: v.id!, node: v.node.code, nodeName: v.node.name, project: v.projectID, scope: v.scope,
            scopeLabel: v.scopeLabel, matter: v.matterNumber, matterName: v.matter.name.in(req.lang), title: v.title,
            text: v.text, countParking: v.countParking, silenceFollowsMajority: v.silence, silenceRule: v.silenceRule,
            registerNoticeDays: v.noticeDays, opensAt: v.opensAt, closesAt: v.closesAt, status: v.status.rawValue,
            registerVersion: v.registerVersion, registerHash: v.registerHash,
            registerPublishedAt: v.registerPublishedAt,
            correctionEndsAt: OwnerVote.correctionEnds(publishedAt: v.registerPublishedAt, days: v.noticeDays),
            registerNotice: v.registerNoticeID, openedAt: v.openedAt, closedAt: v.closedAt,
            resultStatus: v.resultStatus,
            resultHash: v.resultHash, resultNotice: v.resultNoticeID,
            documents: v.fileIDs.map { Site.ownersVoteFile(v.id!, $0) })
    }

    static func time(_ text: String?, _ field: String) throws -> Date? {
        guard let t = text?.trimmed, !t.isEmpty else { return nil }
        guard let d = MeetingsService.shanghaiTime(t) else {
            throw YishiError.invalid([field: MeetingText.timeInvalid.key])
        }
        return d
    }

    func list(req: Request) async throws -> [DTO.OwnersVote] {
        let code = try? req.query.get(String.self, at: "node")
        guard let code, let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first() else {
            throw YishiError.invalid(["node": FieldText.unknownNode.key])
        }
        try req.caller.authorize(.territoryRead, at: node.territoryPath)
        let drafts = req.caller.allows(.ownersVoteManage, at: node.territoryPath)
        return try await OwnersVotes.list(below: node, drafts: drafts, on: req.db).map { Self.out($0, req) }
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.OwnersVoteIn.self)
        guard let node = try await TerritoryNode.query(on: req.db).filter(\.$code == input.node).first() else {
            throw YishiError.invalid(["node": FieldText.unknownNode.key])
        }
        var parts: [UUID] = []
        for code in input.partBuildings ?? [] {
            guard let b = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first() else {
                throw YishiError.invalid(["partBuildings": OwnerVoteText.partBuildings.key])
            }
            parts.append(b.id!)
        }
        guard let files = Uploads.decoded(input.documents ?? []) else {
            throw YishiError.invalid(["documents": NoticeText.fileRefused.key])
        }
        let v = try await OwnersVotes.create(
            .init(
                node: node.id!, matter: input.matter, title: input.title, text: input.text,
                countParking: input.countParking ?? false, silence: input.silenceFollowsMajority ?? false,
                silenceRule: input.silenceRule, noticeDays: input.registerNoticeDays.map(String.init),
                opensAt: try Self.time(input.opensAt, "opensAt"), closesAt: try Self.time(input.closesAt, "closesAt"),
                sharedPart: input.sharedPart, partBuildings: parts, project: input.project, files: files),
            by: req.caller)
        v.$node.value = node
        let res = Response(status: .created)
        try res.content.encode(Self.out(v, req))
        return res
    }

    func read(req: Request) async throws -> DTO.OwnersVote {
        Self.out(try await OwnersVotes.readable(id(req), by: req.caller), req)
    }

    func freeze(req: Request) async throws -> DTO.OwnersVote {
        let input = try? req.content.decode(DTO.RegisterIn.self)
        _ = try await OwnersVotes.freeze(id(req), reason: input?.reason, by: req.caller)
        return Self.out(try await OwnersVotes.readable(id(req), by: req.caller), req)
    }

    /// The register's persons: for those who read the owners' register there (names and homes,
    /// no phones); an owner sees their own entry on the vote's page.
    func register(req: Request) async throws -> DTO.OwnersRegister {
        let v = try await OwnersVotes.readable(id(req), by: req.caller)
        try req.caller.authorize(.ownersRegisterRead, at: v.node.territoryPath)
        let reg = try await OwnersVotes.register(of: v, on: req.db)
        return DTO.OwnersRegister(
            version: reg.version, hash: reg.hash, personsTotal: reg.persons.count,
            areaTotal: Area(centi: reg.areaTotal).description,
            persons: reg.persons.map {
                DTO.RegisterPersonOut(
                    number: $0.number, owners: $0.owners, names: $0.names, units: $0.units,
                    area: Area(centi: $0.area).description, developer: $0.developer, designated: $0.designated)
            }, notes: reg.notes.map { $0.in(req.lang) })
    }

    func designate(req: Request) async throws -> DTO.OwnersVote {
        let input = try req.content.decode(DTO.DesignationIn.self)
        try await OwnersVotes.designate(id(req), person: input.person, owner: input.owner, by: req.caller)
        return Self.out(try await OwnersVotes.readable(id(req), by: req.caller), req)
    }

    func open(req: Request) async throws -> DTO.OwnersVote {
        Self.out(try await OwnersVotes.open(id(req), by: req.caller), req)
    }

    func ballot(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.OwnerBallotIn.self)
        guard let scan = Uploads.decoded(input.scan.map { [$0] } ?? []),
            let authority = Uploads.decoded(input.authority.map { [$0] } ?? [])
        else { throw YishiError.invalid(["scan": NoticeText.fileRefused.key]) }
        let e = try await OwnersVotes.cast(
            id(req),
            .init(
                owner: input.owner, choice: input.choice, channel: input.channel, serial: input.serial,
                invalidReason: input.invalidReason, proxyName: input.proxyName, instruction: input.instruction,
                correction: input.correction ?? false, scan: scan, authority: authority),
            by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(
            DTO.OwnerBallotOut(
                receipt: e.receipt, person: e.person, version: e.version, channel: e.channel.rawValue, at: e.at))
        return res
    }

    func turnout(req: Request) async throws -> DTO.Turnout {
        let v = try await OwnersVotes.readable(id(req), by: req.caller)
        let t = try await OwnersVotes.turnout(v, on: req.db)
        return DTO.Turnout(t)
    }

    func close(req: Request) async throws -> DTO.OwnersVote {
        Self.out(try await OwnersVotes.close(id(req), by: req.caller), req)
    }

    func publish(req: Request) async throws -> DTO.OwnersVote {
        _ = try await OwnersVotes.publishResult(id(req), by: req.caller)
        return Self.out(try await OwnersVotes.readable(id(req), by: req.caller), req)
    }

    /// The result with the same keys as `yishi votes tally`'s JSON (409 before the close).
    func result(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(id(req), by: req.caller)
        guard let json = v.resultJSON else { throw YishiError.conflict(key: OwnerVoteText.notClosed.key) }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: json))
    }

    /// The signed ballots, after the close: the organisers, and the owners on the register (interpretation
    /// art. 13). Every view is audited.
    func ballots(req: Request) async throws -> [DTO.SignedBallot] {
        try await OwnersVotes.signedBallots(id(req), by: req.caller).map {
            DTO.SignedBallot(
                person: $0.person, owner: $0.owner, choice: $0.choice.rawValue,
                invalidReason: $0.invalidReason?.rawValue,
                channel: $0.channel.rawValue, serial: $0.serial, proxyName: $0.proxyName, version: $0.version, at: $0.at
            )
        }
    }

    func receipt(req: Request) async throws -> DTO.Receipt {
        let r = try await OwnersVotes.receipt(req.parameters.get("code") ?? "", on: req.db)
        let closed = r.vote.status == .closed || r.vote.status == .resultPublished
        return DTO.Receipt(
            receipt: r.event.receipt, vote: r.vote.id!, title: r.vote.title, choice: r.event.choice.rawValue,
            channel: r.event.channel.rawValue, at: r.event.at, counts: r.counts, voteStatus: r.vote.status.rawValue,
            counted: closed && r.counts)
    }

    func settings(req: Request) async throws -> DTO.VoteSettings {
        let input = try req.content.decode(DTO.VoteSettings.self)
        let days = try await OwnersVotes.setNoticeDays(
            String(input.registerNoticeDays), district: req.parameters.get("districtID", as: UUID.self), by: req.caller)
        return DTO.VoteSettings(registerNoticeDays: days)
    }
}
