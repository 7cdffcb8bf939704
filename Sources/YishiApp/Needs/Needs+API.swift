import Fluent
import Vapor
import YishiCore

/// Needs under /api/v1, described in `Needs+OpenAPI.swift`.
struct NeedsAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.on(.POST, "needs", body: .collect(maxSize: ByteCount(value: Uploads.maxRequestBytes)), use: raise)
        api.get("needs", use: list)
        api.post("needs", ":needID", "supports", use: support)
        api.get("needs", ":needID", "similar", use: similar)
    }

    func out(_ n: Need, _ req: Request) async throws -> DTO.Need {
        let place = try await n.$place.get(on: req.db)
        let community = try await n.$community.get(on: req.db)
        let settings = try await NeedSettingsStore.of(district: community.territoryPath.ids.first, on: req.db)
        return DTO.Need(n, place: place, community: community, lang: req.lang, categories: settings.categories)
    }

    func raise(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.NeedIn.self)
        var place: UUID? = nil
        if let code = input.node?.trimmed, !code.isEmpty {
            guard let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first() else {
                throw YishiError.invalid(["node": FieldText.unknownNode.key])
            }
            place = node.id
        }
        var channel: YishiCore.Channel? = nil
        if let c = input.channel {
            guard let parsed = YishiCore.Channel(rawValue: c) else {
                throw YishiError.invalid(["channel": FieldText.invalid.key])
            }
            channel = parsed
        }
        guard let photos = Uploads.decoded(input.photos ?? []) else {
            throw YishiError.invalid(["photos": NeedText.photosRefused.key])
        }
        let need = try await NeedsService.raise(
            .init(
                text: input.text, category: input.category, place: place, hideName: input.hideName ?? false,
                forResident: input.onBehalfOf?.resident, channel: channel, meeting: input.meeting, photos: photos),
            by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await out(need, req))
        return res
    }

    func support(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.SupportIn.self)
        let channel = try input.channel.map { c -> YishiCore.Channel in
            guard let parsed = YishiCore.Channel(rawValue: c) else {
                throw YishiError.invalid(["channel": FieldText.invalid.key])
            }
            return parsed
        }
        do {
            let need = try await NeedsService.support(
                req.parameters.get("needID", as: UUID.self), forResident: input.onBehalfOf?.resident, channel: channel,
                by: req.caller)
            let res = Response(status: .created)
            try res.content.encode(try await out(need, req))
            return res
        } catch is NeedsService.AlreadySupported {
            throw Abort(.conflict, reason: NeedText.alreadySupported.text(req.lang))
        }
    }

    /// The ranked needs of a node's communities: `?node=CODE&sort=priority|commonGround`.
    func list(req: Request) async throws -> [DTO.Need] {
        guard let code = try? req.query.get(String.self, at: "node"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first()
        else { throw YishiError.invalid(["node": FieldText.unknownNode.key]) }
        try req.caller.authorize(.needRead, at: node.territoryPath)
        let sort = (try? req.query.get(String.self, at: "sort")) ?? Self.sorts[0]
        guard Self.sorts.contains(sort) else { throw YishiError.invalid(["sort": FieldText.invalid.key]) }
        return try await NeedsService.rankedDTOs(
            below: node, lang: req.lang, byCommonGround: sort == "commonGround", on: req.db)
    }

    /// The orders the list comes in: by priority (the default) or by common ground.
    static let sorts = ["priority", "commonGround"]

    func similar(req: Request) async throws -> [DTO.SimilarNeed] {
        guard let id = req.parameters.get("needID", as: UUID.self),
            let need = try await Need.query(on: req.db).filter(\.$id == id).with(\.$community).first()
        else { throw YishiError.notFound }
        try req.caller.authorize(.needRead, at: need.community.territoryPath)
        return try await NeedsService.similar(
            need.body, community: need.$community.id, category: need.category, place: need.$place.id, excluding: id,
            on: req.db
        ).map {
            DTO.SimilarNeed(
                id: $0.need.id!, title: $0.need.title, households: $0.need.households,
                dice: (($0.dice * 100).rounded() / 100), reason: $0.verdict.rawValue)
        }
    }
}
