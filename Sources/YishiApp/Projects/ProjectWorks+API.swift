import Fluent
import Vapor
import YishiCore

/// A project's working group, works and review records, satisfaction survey, following, the
/// follower's notifications, and the statistics of a place — under /api/v1.
struct ProjectWorksAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.post("projects", ":projectID", "members", use: addMember)
        api.get("projects", ":projectID", "records", use: records)
        // Photos come as base64: the body may hold five of them.
        api.on(
            .POST, "projects", ":projectID", "records",
            body: .collect(maxSize: ByteCount(value: Uploads.maxRequestBytes)),
            use: addRecord)
        api.post("records", ":recordID", "meeting", use: link)
        api.post("projects", ":projectID", "survey", use: survey)
        api.post("projects", ":projectID", "follow", use: follow)
        api.delete("projects", ":projectID", "follow", use: unfollow)
        api.get("notifications", use: notifications)
        api.get("statistics", "projects", use: statistics)
    }

    func addMember(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.MemberIn.self)
        let m = try await ProjectsService.addMember(
            req.parameters.get("projectID", as: UUID.self), role: input.role, who: input.who, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(DTO.Member(id: m.id!, role: m.role.rawValue, name: m.name))
        return res
    }

    static func out(_ r: ProjectRecord) -> DTO.Record {
        DTO.Record(
            id: r.id!, kind: r.kind.rawValue, stage: r.stage, text: r.text, party: r.party, method: r.method,
            amountFen: r.amountFen, percent: r.percent, result: r.result, date: r.date, meeting: r.meetingID,
            files: r.attachmentIDs.indices.map { Site.projectRecordFile(r.$project.id, record: r.id!, $0) },
            byResident: r.byResident, createdAt: r.createdAt)
    }

    func records(req: Request) async throws -> [DTO.Record] {
        let p = try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        return try await ProjectRecords.of(p, limit: 500, on: req.db).map(Self.out)
    }

    /// A record (staff) or a problem (a resident of the place); photos as base64.
    func addRecord(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.RecordIn.self)
        guard let files = Uploads.decoded(input.photos ?? []) else {
            throw YishiError.invalid(["photos": NoticeText.fileRefused.key])
        }
        let r = try await ProjectRecords.add(
            req.parameters.get("projectID", as: UUID.self),
            .init(
                kind: input.kind, text: input.text ?? "", party: input.party ?? "", method: input.method ?? "",
                amount: input.amountFen.map { String(format: "%d.%02d", $0 / 100, $0 % 100) } ?? "",
                percent: input.percent.map(String.init) ?? "", result: input.result ?? "", date: input.date ?? "",
                meeting: input.meeting, files: files), by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(Self.out(r))
        return res
    }

    func link(req: Request) async throws -> DTO.Record {
        let input = try req.content.decode(DTO.LinkIn.self)
        return Self.out(
            try await ProjectRecords.link(
                req.parameters.get("recordID", as: UUID.self), meeting: input.meeting, by: req.caller))
    }

    /// Makes the satisfaction survey (a draft questionnaire to publish through its own endpoints).
    func survey(req: Request) async throws -> Response {
        let q = try await ProjectSurveys.start(
            req.parameters.get("projectID", as: UUID.self), lang: req.lang, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(DTO.SurveyMade(questionnaire: q.id!))
        return res
    }

    func follow(req: Request) async throws -> HTTPStatus {
        let input = (try? req.content.decode(DTO.FollowIn.self)) ?? DTO.FollowIn(sms: false)
        _ = try await ProjectFollowing.follow(
            req.parameters.get("projectID", as: UUID.self), sms: input.sms ?? false, by: req.caller)
        return .noContent
    }

    func unfollow(req: Request) async throws -> HTTPStatus {
        _ = try await ProjectFollowing.unfollow(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        return .noContent
    }

    func notifications(req: Request) async throws -> [DTO.NotificationOut] {
        let actor = try req.caller.requireActor()
        let ctx = req.pageContext
        return try await ProjectFollowing.of(user: actor.userId, on: req.db).map {
            DTO.NotificationOut(
                id: $0.id!, text: ProjectFollowingRoutes.text(ctx, $0), link: $0.link, createdAt: $0.createdAt,
                read: $0.readAt != nil)
        }
    }

    func statistics(req: Request) async throws -> ProjectStatistics.Figures {
        guard let code = try? req.query.get(String.self, at: "node"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first()
        else { throw YishiError.invalid(["node": FieldText.unknownNode.key]) }
        if !req.caller.allows(.projectManage, at: node.territoryPath) {
            try req.caller.authorize(.needRead, at: node.territoryPath)
        }
        return try await ProjectStatistics.figures(below: node, lang: req.lang, on: req.db)
    }
}

extension DTO {
    struct MemberIn: Content {
        /// resident, planner, committee, ownersCommittee or contractor.
        var role: String
        /// A resident's phone, number or name; a staff username; a contractor's name.
        var who: String
    }

    struct Record: Content {
        var id: UUID
        var kind: String
        var stage: Int
        var text: String
        var party: String?
        var method: String?
        var amountFen: Int64?
        var percent: Int?
        var result: String?
        var date: String?
        var meeting: UUID?
        var files: [String]
        var byResident: Bool
        var createdAt: Date?
    }

    struct RecordIn: Content {
        var kind: String
        var text: String?
        var party: String?
        var method: String?
        var amountFen: Int64?
        var percent: Int?
        var result: String?
        var date: String?
        var meeting: UUID?
        /// JPEG, PNG or WebP (or PDF for acceptance, assessment and audit), base64.
        var photos: [String]?
    }

    struct LinkIn: Content { var meeting: UUID }

    struct SurveyMade: Content { var questionnaire: UUID }

    struct FollowIn: Content { var sms: Bool? }

    struct NotificationOut: Content {
        var id: UUID
        var text: String
        var link: String
        var createdAt: Date
        var read: Bool
    }
}
