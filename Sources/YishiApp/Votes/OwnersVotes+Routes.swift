import Fluent
import SQLKit
import Vapor
import YishiCore

/// The owners' votes' pages. Every form answers on the vote's page (or the page it came from) with
/// what went wrong, in the reader's language.
struct OwnersVoteRoutes: RouteCollection {
    typealias P = Site.Pattern

    func boot(routes: any RoutesBuilder) throws {
        let max = ByteCount(value: Uploads.maxRequestBytes)
        routes.get(P.ownersVotes.pathComponents, use: list)
        routes.get(P.ownersVoteNew.pathComponents, use: newForm)
        routes.on(.POST, P.ownersVotes.pathComponents, body: .collect(maxSize: max), use: create)
            .allowingBody(upTo: Uploads.maxRequestBytes)
        routes.get(P.ownersVote.pathComponents, use: show)
        routes.get(P.ownersVoteFile.pathComponents, use: file)
        routes.post(P.ownersVoteRegister.pathComponents, use: freeze)
        routes.get(P.ownersVoteRegister.pathComponents, use: register)
        routes.post(P.ownersVoteDesignate.pathComponents, use: designate)
        routes.post(P.ownersVoteObject.pathComponents, use: object)
        routes.post(P.ownersVoteOpen.pathComponents, use: open)
        routes.post(P.ownersVoteClose.pathComponents, use: close)
        routes.post(P.ownersVotePublish.pathComponents, use: publish)
        routes.get(P.ownersVoteResult.pathComponents, use: result)
        routes.get(P.ownersVoteBallots.pathComponents, use: ballots)
        routes.get(P.ownersVoteBallotsCSV.pathComponents, use: ballotsCSV)
        OwnersVoteBallotRoutes().register(routes, max: max)
    }

    static func id(_ req: Request) -> UUID? { req.parameters.get("voteID", as: UUID.self) }

    func list(req: Request) async throws -> Response {
        var place = try? req.query.get(UUID.self, at: "node")
        if place == nil { place = await req.ownPlace() }
        guard let place else {
            return req.redirect(to: Site.Pattern.receipts)
        }
        let node = try await req.caller.node(place, for: .territoryRead)
        let manage = req.caller.allows(.ownersVoteManage, at: node.territoryPath)
        let votes = try await OwnersVotes.list(below: node, drafts: manage, on: req.db)
        return req.render(OwnersVotePages.list(req.pageContext, node: node, votes: votes, manage: manage))
    }

    func formPage(_ req: Request, node: TerritoryNode, form: OwnersVotePages.NewForm, errors: FormErrors = FormErrors())
        async throws -> Response
    {
        let buildings =
            node.level == .compound ? try await TerritoryQueries.children(of: node.id, on: req.db) : []
        let days = try await OwnersVotes.noticeDays(district: node.territoryPath.ids.first, on: req.db)
        return req.render(
            OwnersVotePages.newVote(
                req.pageContext, node: node, buildings: buildings, days: days, form: form, errors: errors,
                status: errors.isEmpty ? .ok : .unprocessableEntity))
    }

    func newForm(req: Request) async throws -> Response {
        let node = try await req.caller.node(try? req.query.get(UUID.self, at: "node"), for: .ownersVoteManage)
        return try await formPage(
            req, node: node, form: .init(project: try? req.query.get(String.self, at: "project")))
    }

    func create(req: Request) async throws -> Response {
        let m = req.multipartForm
        let f = OwnersVotePages.NewForm(
            node: m?.field("node"), matter: m?.field("matter"), title: m?.field("title"), text: m?.field("text"),
            countParking: m?.field("countParking") == "1", silence: m?.field("silence") == "1",
            silenceRule: m?.field("silenceRule"), noticeDays: m?.field("noticeDays"), opensAt: nil,
            closesAt: m?.field("closesAt"), sharedPart: m?.field("sharedPart"),
            partBuildings: m?.parts.filter { $0.name == "partBuildings" && $0.filename == nil }
                .map { String(decoding: $0.data, as: UTF8.self) } ?? [],
            project: m?.field("project"))
        let node = try await req.caller.node(f.node.flatMap(UUID.init(uuidString:)), for: .ownersVoteManage)
        do {
            let closes = try OwnersVotesAPI.time(f.closesAt, "closesAt")
            let v = try await OwnersVotes.create(
                .init(
                    node: node.id!, matter: f.matter.flatMap { Int($0) }, title: f.title ?? "", text: f.text ?? "",
                    countParking: f.countParking, silence: f.silence, silenceRule: f.silenceRule,
                    noticeDays: f.noticeDays, closesAt: closes, sharedPart: f.sharedPart,
                    partBuildings: f.partBuildings.compactMap(UUID.init(uuidString:)),
                    project: f.project.flatMap(UUID.init(uuidString:)), files: Uploads.parts(m, "files")),
                by: req.caller)
            return req.redirect(to: Site.ownersVote(v.id!, notice: OwnerVotePageText.created.key))
        } catch YishiError.invalid(let fields) {
            return try await formPage(req, node: node, form: f, errors: FormErrors(fields))
        }
    }

    /// Everything a vote's page shows for this viewer.
    static func model(_ req: Request, errors: FormErrors = FormErrors()) async throws -> OwnersVotePages.Model {
        let caller = req.caller
        let v = try await OwnersVotes.readable(id(req), by: caller)
        let path = v.node.territoryPath
        // A resident's own entries; the register is read for its totals and those entries only.
        let mine =
            caller.actor?.kind == .resident
            ? try await OwnersVotes.entries(of: v, phone: try await OwnersVotes.phone(of: caller), on: req.db) : []
        var m = OwnersVotePages.Model(
            vote: v,
            register: v.registerVersion > 0
                ? try await OwnersVotes.register(of: v, only: mine.map(\.person), on: req.db) : nil,
            turnout: v.status == .open ? try await OwnersVotes.turnout(v, on: req.db) : nil,
            result: OwnersVotes.result(v), files: try await files(v, on: req.db),
            manage: caller.allows(.ownersVoteManage, at: path),
            readRegister: caller.allows(.ownersRegisterRead, at: path),
            now: caller.now, errors: errors)
        m.mine = mine
        if let person = mine.first?.person {
            m.myBallot = try await OwnersVoteBallotRoutes.current(v, person: person, on: req.db)
        }
        m.unitNames = try await OwnersVotes.unitLabels(m.register?.persons.flatMap(\.units) ?? [], on: req.db)
        if m.manage && v.status == .registerPublished { m.unanswered = try await OwnersVotes.unanswered(v, on: req.db) }
        return m
    }

    static func files(_ v: OwnersVote, on db: any Database) async throws -> [(id: UUID, name: String)] {
        let ids = v.fileIDs
        guard !ids.isEmpty else { return [] }
        return try await Attachment.query(on: db).filter(\.$id ~~ ids).field(\.$id).field(\.$name).all()
            .map { ($0.id!, $0.name) }
    }

    func show(req: Request) async throws -> Response {
        req.render(OwnersVotePages.vote(req.pageContext, try await Self.model(req)))
    }

    func file(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(Self.id(req), by: req.caller)
        guard let fid = req.parameters.get("fileID", as: UUID.self), v.fileIDs.contains(fid),
            let a = try await Attachment.find(fid, on: req.db)
        else { throw YishiError.notFound }
        return Uploads.response(a)
    }

    /// Runs a step and returns to the vote's page with its notice, or shows the page with what went wrong.
    func step(_ req: Request, _ work: () async throws -> OwnerVotePageText) async throws -> Response {
        do {
            let done = try await work()
            return req.redirect(to: Site.ownersVote(Self.id(req)!, notice: done.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                OwnersVotePages.vote(
                    req.pageContext, try await Self.model(req, errors: FormErrors(fields)), status: .unprocessableEntity
                ))
        }
    }

    struct ReasonForm: Content {
        var reason: String?
        var text: String?
        var person: Int?
        var owner: String?
    }

    func freeze(req: Request) async throws -> Response {
        let f = try req.content.decode(ReasonForm.self)
        return try await step(req) {
            try await OwnersVotes.freeze(Self.id(req), reason: f.reason, by: req.caller)
            return OwnerVotePageText.frozen
        }
    }

    func register(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(Self.id(req), by: req.caller)
        try req.caller.authorize(.ownersRegisterRead, at: v.node.territoryPath)
        guard v.registerVersion > 0 else { throw YishiError.notFound }
        return req.render(
            OwnersVoteRecordPages.register(
                req.pageContext, v, try await OwnersVotes.register(of: v, on: req.db),
                manage: req.caller.allows(.ownersVoteManage, at: v.node.territoryPath)))
    }

    func designate(req: Request) async throws -> Response {
        let f = try req.content.decode(ReasonForm.self)
        try await OwnersVotes.designate(Self.id(req), person: f.person ?? 0, owner: f.owner ?? "", by: req.caller)
        return req.redirect(
            to: Site.with(
                Site.ownersVote(Site.Pattern.ownersVoteRegister, Self.id(req)!), OwnerVotePageText.designatedDone.key))
    }

    func object(req: Request) async throws -> Response {
        let f = try req.content.decode(ReasonForm.self)
        return try await step(req) {
            try await OwnersVotes.object(Self.id(req), text: f.text ?? "", by: req.caller)
            return OwnerVotePageText.objected
        }
    }

    func open(req: Request) async throws -> Response {
        try await step(req) {
            _ = try await OwnersVotes.open(Self.id(req), by: req.caller)
            return OwnerVotePageText.opened
        }
    }

    func close(req: Request) async throws -> Response {
        try await step(req) {
            _ = try await OwnersVotes.close(Self.id(req), by: req.caller)
            return OwnerVotePageText.closedDone
        }
    }

    func publish(req: Request) async throws -> Response {
        try await step(req) {
            _ = try await OwnersVotes.publishResult(Self.id(req), by: req.caller)
            return OwnerVotePageText.published
        }
    }

    func result(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(Self.id(req), by: req.caller)
        guard let r = OwnersVotes.result(v) else { throw YishiError.conflict(key: OwnerVoteText.notClosed.key) }
        return req.render(OwnersVoteResultView.page(req.pageContext, v, r))
    }

    func ballots(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(Self.id(req), by: req.caller)
        let list = try await OwnersVotes.signedBallots(Self.id(req), by: req.caller)
        return req.render(OwnersVoteRecordPages.ballots(req.pageContext, v, list))
    }

    func ballotsCSV(req: Request) async throws -> Response {
        let v = try await OwnersVotes.readable(Self.id(req), by: req.caller)
        let list = try await OwnersVotes.signedBallots(Self.id(req), by: req.caller)
        let lang = req.lang
        return CSVExport.response(name: "ballots-\(v.node.code)", header: OwnersVotes.csvHeader(lang)) { emit in
            for e in list { try await emit(OwnersVotes.csvRow(e, lang)) }
        }
    }
}
