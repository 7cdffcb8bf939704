import Fluent
import Vapor
import YishiCore

/// Public notices under /api/v1, described in `Notices+OpenAPI.swift`: create, publish, object,
/// answer, read.
struct NoticesAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.on(.POST, "notices", body: .collect(maxSize: ByteCount(value: Uploads.maxRequestBytes)), use: create)
        api.get("notices", use: list)
        api.get("notices", ":noticeID", use: read)
        api.post("notices", ":noticeID", "publish", use: publish)
        api.post("notices", ":noticeID", "objections", use: object)
        api.post("notices", ":noticeID", "objections", ":objectionID", "answer", use: answer)
    }

    func out(_ n: PublicNotice, _ req: Request) async throws -> DTO.Notice {
        let objections = try await NoticesService.objections(of: n, on: req.db)
        let node = try await n.$node.get(on: req.db)
        return DTO.Notice(
            n, node: node, objections: objections, files: try await NoticesService.files(of: n.requireID(), on: req.db),
            outcome: NoticesService.outcome(n, objections, now: req.caller.now))
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.NoticeIn.self)
        guard let node = try await TerritoryNode.query(on: req.db).filter(\.$code == input.node.trimmed).first() else {
            throw YishiError.invalid(["node": FieldText.unknownNode.key])
        }
        guard let files = Uploads.decoded(input.files ?? []) else {
            throw YishiError.invalid(["files": NoticeText.fileRefused.key])
        }
        let n = try await NoticesService.create(
            .init(
                node: node.requireID(), title: input.title, body: input.body, days: input.days.map(String.init),
                files: files), by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await out(n, req))
        return res
    }

    /// The notices concerning a node (`?node=CODE`): published ones, and drafts for staff who manage it.
    func list(req: Request) async throws -> [DTO.Notice] {
        guard let code = try? req.query.get(String.self, at: "node"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first()
        else { throw YishiError.invalid(["node": FieldText.unknownNode.key]) }
        let manage = req.caller.allows(.noticeManage, at: node.territoryPath)
        var out: [DTO.Notice] = []
        for n in try await NoticesService.concerning(node, drafts: manage, on: req.db) {
            out.append(try await self.out(n, req))
        }
        return out
    }

    func read(req: Request) async throws -> DTO.Notice {
        try await out(
            try await NoticesService.readable(req.parameters.get("noticeID", as: UUID.self), by: req.caller), req)
    }

    func publish(req: Request) async throws -> DTO.Notice {
        try await out(
            try await req.noticePublished(
                try await NoticesService.publish(req.parameters.get("noticeID", as: UUID.self), by: req.caller)), req)
    }

    func object(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.ObjectionIn.self)
        let channel = try input.channel.map { c -> YishiCore.Channel in
            guard let parsed = YishiCore.Channel(rawValue: c) else {
                throw YishiError.invalid(["channel": FieldText.invalid.key])
            }
            return parsed
        }
        let o = try await NoticesService.object(
            req.parameters.get("noticeID", as: UUID.self), text: input.text, forResident: input.onBehalfOf?.resident,
            channel: channel, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(DTO.Objection(o))
        return res
    }

    func answer(req: Request) async throws -> DTO.Objection {
        let input = try req.content.decode(DTO.AnswerIn.self)
        return DTO.Objection(
            try await NoticesService.answer(
                req.parameters.get("noticeID", as: UUID.self),
                objection: req.parameters.get("objectionID", as: UUID.self), text: input.answer, by: req.caller))
    }
}

extension DTO {
    /// A public notice: its words, its period, where it stands, its objections (no names) and files.
    struct Notice: Content {
        struct Outcome: Content {
            /// draft, running, noObjection, answered, waiting
            var state: String
            var objections: Int
            var unanswered: Int
            /// The period has ended and every objection is answered.
            var settled: Bool
        }
        struct File: Content {
            var id: UUID
            var name: String
            var type: String
            var url: String
        }
        var id: UUID
        var node: String
        var title: String
        var body: String
        var status: String
        var days: Int
        var startsAt: Date?
        var endsAt: Date?
        var outcome: Outcome
        var objections: [Objection]
        var files: [File]

        init(
            _ n: PublicNotice, node: TerritoryNode, objections: [NoticeObjection],
            files: [(id: UUID, name: String, type: String)], outcome: NoticeOutcome?
        ) {
            id = n.id!
            self.node = node.code
            title = n.title
            body = n.body
            status = n.status.rawValue
            days = n.days
            startsAt = n.startsAt
            endsAt = n.endsAt
            let waiting = objections.filter { $0.answer == nil }.count
            let state: String =
                switch outcome {
                case nil: "draft"
                case .running?: "running"
                case .noObjection?: "noObjection"
                case .answered?: "answered"
                case .waiting?: "waiting"
                }
            self.outcome = Outcome(
                state: state, objections: objections.count, unanswered: waiting, settled: outcome?.isSettled ?? false)
            self.objections = objections.map(Objection.init)
            self.files = files.map {
                File(id: $0.id, name: $0.name, type: $0.type, url: Site.noticeFile(n.id!, file: $0.id))
            }
        }
    }

    struct Objection: Content {
        var id: UUID
        var text: String
        var channel: String
        var receivedAt: Date?
        var answer: String?
        var answeredAt: Date?

        init(_ o: NoticeObjection) {
            id = o.id!
            text = o.text
            channel = o.channel
            receivedAt = o.createdAt
            answer = o.answer
            answeredAt = o.answeredAt
        }
    }

    struct NoticeIn: Content {
        var node: String
        var title: String
        var body: String
        var days: Int?
        /// Files as base64 (JPEG, PNG, WebP or PDF; up to 5 of 5 MB each).
        var files: [String]?
    }

    struct ObjectionIn: Content {
        var text: String
        var onBehalfOf: OnBehalfOf?
        var channel: String?
    }

    struct AnswerIn: Content { var answer: String }
}
