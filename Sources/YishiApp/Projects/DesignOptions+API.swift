import Fluent
import Vapor
import YishiCore

/// A project's design options and documents under /api/v1: versions with their drawing (base64),
/// residents' comments, choosing by a passed resolution; named documents.
struct DesignOptionsAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        let max = ByteCount(value: Uploads.maxRequestBytes)
        api.get("projects", ":projectID", "options", use: list)
        api.on(.POST, "projects", ":projectID", "options", body: .collect(maxSize: max), use: add)
        api.post("options", ":optionID", "comments", use: comment)
        api.post("options", ":optionID", "choose", use: choose)
        api.on(.POST, "projects", ":projectID", "documents", body: .collect(maxSize: max), use: addDocument)
    }

    static func out(_ o: DesignOption, comments: [DesignOptionComment]) -> DTO.Option {
        DTO.Option(
            id: o.id!, label: o.label, version: o.version, description: o.description, costFen: o.costFen,
            drawing: o.$attachment.id == nil ? nil : Site.optionDrawing(o.id!), chosen: o.chosen,
            chosenByVote: o.chosenByVoteID, chosenByResolution: o.chosenByResolutionID,
            comments: comments.map { DTO.OptionComment(text: $0.text, staff: $0.staff, createdAt: $0.createdAt) })
    }

    func list(req: Request) async throws -> [DTO.Option] {
        let p = try await ProjectsService.readable(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        let options = try await DesignOptions.of(p, on: req.db)
        let comments = try await DesignOptions.comments(of: options, on: req.db)
        return options.map { Self.out($0, comments: comments[$0.id!] ?? []) }
    }

    func add(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.OptionIn.self)
        guard let files = Uploads.decoded(input.drawing.map { [$0] } ?? []) else {
            throw YishiError.invalid(["file": NoticeText.fileRefused.key])
        }
        let o = try await DesignOptions.add(
            req.parameters.get("projectID", as: UUID.self), label: input.label, description: input.description,
            cost: input.costFen.map { String(format: "%d.%02d", $0 / 100, $0 % 100) }, file: files, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(Self.out(o, comments: []))
        return res
    }

    func comment(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.OptionCommentIn.self)
        let o = try await DesignOptions.comment(
            req.parameters.get("optionID", as: UUID.self), text: input.text, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(
            Self.out(o, comments: try await DesignOptions.comments(of: [o], on: req.db)[o.id!] ?? []))
        return res
    }

    func choose(req: Request) async throws -> DTO.Option {
        let input = try req.content.decode(DTO.ChooseIn.self)
        let o = try await DesignOptions.choose(
            req.parameters.get("optionID", as: UUID.self), resolution: input.resolution, by: req.caller)
        return Self.out(o, comments: try await DesignOptions.comments(of: [o], on: req.db)[o.id!] ?? [])
    }

    func addDocument(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.DocumentIn.self)
        guard let files = Uploads.decoded([input.file]) else {
            throw YishiError.invalid(["file": NoticeText.fileRefused.key])
        }
        _ = try await ProjectsService.addDocument(
            req.parameters.get("projectID", as: UUID.self), name: input.name, file: files, by: req.caller)
        return Response(status: .created)
    }
}

extension DTO {
    struct OptionComment: Content {
        var text: String
        /// The committee's answer.
        var staff: Bool
        var createdAt: Date?
    }

    struct Option: Content {
        var id: UUID
        var label: String
        var version: Int
        var description: String
        var costFen: Int64?
        /// Where the drawing is (a picture or PDF), when there is one.
        var drawing: String?
        var chosen: Bool
        var chosenByVote: UUID?
        var chosenByResolution: UUID?
        var comments: [OptionComment]
    }

    struct OptionIn: Content {
        /// The same label again makes a new version.
        var label: String
        var description: String
        var costFen: Int64?
        /// A picture or PDF, base64.
        var drawing: String?
    }

    struct OptionCommentIn: Content { var text: String }

    struct ChooseIn: Content {
        /// A resolution passed at one of the project's meetings.
        var resolution: UUID
    }

    struct DocumentIn: Content {
        var name: String
        /// A picture or PDF, base64.
        var file: String
    }
}
