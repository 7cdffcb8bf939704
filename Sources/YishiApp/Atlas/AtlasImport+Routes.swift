import Fluent
import Vapor
import YishiAtlas
import YishiCore

/// Uploading a district's OpenStreetMap extract: the request stores the file and a job and answers
/// at once; the worker does the import; the job page shows its progress.
struct AtlasImportRoutes: RouteCollection {
    static let maxBytes = 64 << 20

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.atlasImport.pathComponents, use: page)
        routes.on(
            .POST, Site.atlasImport.pathComponents, body: .collect(maxSize: ByteCount(value: Self.maxBytes)),
            use: upload
        )
        .allowingBody(upTo: Self.maxBytes)
        let api = routes.grouped(Site.API.root.pathComponents)
        api.on(
            .POST, Site.API.atlasImport.pathComponents, body: .collect(maxSize: ByteCount(value: Self.maxBytes)),
            use: apiUpload
        )
        .allowingBody(upTo: Self.maxBytes)
    }

    /// The districts the actor may import into.
    func districts(_ req: Request) async throws -> [TerritoryNode] {
        let actor = try req.requirePrincipal().actor
        guard Policy.holdsAnywhere(actor, .territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        let all = try await TerritoryNode.query(on: req.db).filter(\.$level == .district).sort(\.$code).all()
        let mine = all.filter { Policy.allows(actor, .territoryImport, at: $0.territoryPath) }
        guard !mine.isEmpty else { throw YishiError.denied(.outsideScope) }
        return mine
    }

    func page(req: Request) async throws -> Response {
        let districts = try await districts(req)
        let chosen = try? req.query.get(String.self, at: "district")
        return try await view(req, districts: districts, chosen: chosen, errors: FormErrors())
    }

    func upload(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let districts = try await districts(req)
        guard let form = req.multipartForm else { throw YishiError.badRequest(key: ErrorText.code400.key, args: []) }
        var errors = FormErrors()
        let chosen = form.field("district")
        let district = districts.first { $0.code == chosen }
        if district == nil { errors.add("district", AtlasText.importNotDistrict.key) }
        let file = form.file("file").flatMap { $0.data.isEmpty ? nil : $0 }
        if file == nil { errors.add("file", AtlasText.importNoFile.key) }
        guard let district, let file, errors.fields.isEmpty else {
            return try await view(
                req, districts: districts, chosen: chosen, errors: errors, status: .unprocessableEntity)
        }
        let job = try await enqueue(req, data: file.data, name: file.filename ?? "", district: district, by: p.userID)
        return req.redirect(to: Site.job(try job.requireID()))
    }

    func enqueue(_ req: Request, data: Data, name: String, district: TerritoryNode, by user: UUID) async throws -> Job {
        try req.authorize(.territoryImport, at: district.territoryPath)
        let safeName = String(name.filter { !$0.isNewline }.prefix(200))
        return try await JobRunner.enqueue(
            .atlasImport,
            file: Attachment(
                name: safeName.isEmpty ? "extract" : safeName, contentType: "application/octet-stream", data: data),
            nodeID: try district.requireID(), createdBy: user, on: req.db)
    }

    func view(_ req: Request, districts: [TerritoryNode], chosen: String?, errors: FormErrors, status: HTTPStatus = .ok)
        async throws -> Response
    {
        let ids = districts.compactMap(\.id)
        let recent = try await Job.query(on: req.db).filter(\.$kind == .atlasImport).filter(\.$node.$id ~~ ids)
            .with(\.$node).sort(\.$createdAt, .descending).limit(10).all()
        return req.render(
            AtlasImportPage.view(
                req.pageContext, districts: districts, chosen: chosen, recent: recent, errors: errors, status: status))
    }
}

/// The map import page: the district, the file, and the district's last imports.
enum AtlasImportPage {
    static func view(
        _ ctx: PageContext, districts: [TerritoryNode], chosen: String?, recent: [Job], errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        var content: [HTMLNode] = [
            Forms.summary(ctx, errors),
            H.el("p", text: ctx.t(AtlasText.importIntro, String(AtlasImportRoutes.maxBytes >> 20))),
            Forms.form(
                ctx, action: Site.atlasImport, multipart: true,
                [
                    Forms.select(
                        ctx, "district", label: ctx.t(AtlasText.importDistrict),
                        options: districts.map { ($0.code, ctx.paren($0.name, $0.code)) },
                        selected: chosen ?? (districts.count == 1 ? districts[0].code : nil), required: true,
                        errors: errors),
                    Forms.field(
                        ctx, "file", label: ctx.t(AtlasText.importFile), type: "file", required: true, errors: errors,
                        attributes: [("accept", ".pbf,.osm,.xml")]),
                    Forms.submit(ctx.t(AtlasText.importSubmit)),
                ]),
        ]
        if !recent.isEmpty {
            content.append(H.el("h2", text: ctx.t(AtlasText.importRecent)))
            content.append(
                Forms.table(
                    caption: ctx.t(AtlasText.importRecent), stackOnPhone: true,
                    headers: [
                        ctx.t(JobText.file), ctx.t(AtlasText.importDistrict), ctx.t(JobText.status),
                        ctx.t(JobText.started),
                    ],
                    rows: recent.map { j in
                        [
                            H.link(j.fileName ?? "—", Site.job(j.id!)),
                            .text(j.node?.name ?? ""),
                            .text(ctx.t(j.status.catalogKey)),
                            .text(ctx.time(j.createdAt)),
                        ]
                    }))
        }
        return PageView(title: ctx.t(AtlasText.importTitle), status: status) { content }
    }
}

/// The same upload for machines: `POST /api/v1/lifecircle/{code}/import`.
extension AtlasImportRoutes {

    func apiUpload(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let district = try await LifeCircleRoutes.node(req)
        guard district.level == .district else {
            throw YishiError.badRequest(key: AtlasText.importNotDistrict.key, args: [])
        }
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw YishiError.invalid(["file": AtlasText.importNoFile.key])
        }
        let name = (try? req.query.get(String.self, at: "name")) ?? "extract"
        let job = try await enqueue(req, data: Data(buffer: body), name: name, district: district, by: p.userID)
        let res = try await DTO.Job(job).encodeResponse(status: .accepted, for: req)
        res.headers.replaceOrAdd(name: .location, value: Site.apiJob(try job.requireID()))
        return res
    }
}
