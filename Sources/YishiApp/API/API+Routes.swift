import Fluent
import Vapor
import YishiCore

/// /api/v1: what the pages offer, for machines. Every route is in `OpenAPIDocument`.
struct APIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api", "v1")
        api.get("openapi.json", use: openAPI)
        api.get("me", use: me)
        api.get("territory", use: roots)
        api.post("territory", use: createDistrict)
        api.get("territory", ":nodeID", use: node)
        api.patch("territory", ":nodeID", use: updateNode)
        api.post("territory", ":nodeID", "children", use: createChild)
        api.get("territory", ":nodeID", "units", use: units)
        api.post("territory", ":nodeID", "units", use: createUnit)
        api.get("units", ":unitID", use: unit)
        api.on(.POST, "territory", "import", body: .collect(maxSize: ByteCount(value: ImportRoutes.maxBytes)), use: importCSV)
            .allowingBody(upTo: ImportRoutes.maxBytes)
        api.get("users", use: users)
        api.post("users", use: createUser)
        api.get("users", ":userID", use: user)
        api.post("users", ":userID", "grants", use: grant)
        api.delete("users", ":userID", "grants", ":grantID", use: revoke)
        api.get("tokens", use: tokens)
        api.post("tokens", use: createToken)
        api.delete("tokens", ":tokenID", use: revokeToken)
        api.get("audit", use: audit)
        api.get("audit", "verify", use: auditVerify)
    }

    func openAPI(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(data: try OpenAPIDocument.json()))
        res.headers.contentType = .json
        return res
    }

    /// Synchronous: everything comes with the principal, so the answer is made on the event loop
    /// without a hop into Swift concurrency.
    func me(req: Request) throws -> DTO.Me {
        let p = try req.requirePrincipal()
        // Everything comes from the principal, read in one query with the session or token.
        let shown = p.tokenID == nil ? p.held.map { DTO.Grant(id: $0.id, role: $0.role, node: $0.nodeCode, nodeName: $0.nodeName) }
            : p.actor.grants.map { g in DTO.Grant(id: nil, role: g.role, node: p.held.first { $0.path == g.path }?.nodeCode, nodeName: nil) }
        return DTO.Me(id: p.userID, displayName: p.displayName, kind: p.actor.kind, verified: p.actor.isVerified, grants: shown, viaToken: p.tokenID != nil)
    }

    // MARK: Territory

    func loadNode(_ req: Request, _ action: Action) async throws -> TerritoryNode {
        let node = try await TerritoryQueries.node(req.parameters.get("nodeID", as: UUID.self), on: req.db)
        try req.authorize(action, at: node.territoryPath)
        return node
    }

    func roots(req: Request) async throws -> [DTO.Node] {
        let p = try req.requirePrincipal()
        return try await TerritoryQueries.visibleRoots(p.actor, on: req.db).map(DTO.Node.init)
    }

    func node(req: Request) async throws -> DTO.NodeDetail {
        let n = try await loadNode(req, .territoryRead)
        let page = try await NodePage.load(n, on: req.db)
        return DTO.NodeDetail(node: .init(n), ancestors: page.ancestors.map(DTO.Node.init), children: page.children.map(DTO.Node.init), stats: page.stats)
    }

    func createDistrict(req: Request) async throws -> Response {
        let input = try req.content.decode(TerritoryEditing.NodeInput.self)
        let node = try await TerritoryEditing.create(below: nil, input, req: req)
        return try await DTO.Node(node).encodeResponse(status: .created, for: req)
    }

    func createChild(req: Request) async throws -> Response {
        let parent = try await loadNode(req, .territoryRead)
        let input = try req.content.decode(TerritoryEditing.NodeInput.self)
        let node = try await TerritoryEditing.create(below: parent, input, req: req)
        return try await DTO.Node(node).encodeResponse(status: .created, for: req)
    }

    struct NodePatch: Content { var code: String?; var name: String?; var kind: String?; var address: String? }

    func updateNode(req: Request) async throws -> DTO.Node {
        let node = try await loadNode(req, .territoryEdit)
        let patch = try req.content.decode(NodePatch.self)
        let input = TerritoryEditing.NodeInput(code: patch.code ?? node.code, name: patch.name ?? node.name, kind: patch.kind ?? node.kind,
                                               address: patch.address ?? node.address)
        return DTO.Node(try await TerritoryEditing.update(node, input, req: req))
    }

    func units(req: Request) async throws -> [DTO.UnitSummary] {
        let node = try await loadNode(req, .territoryRead)
        guard node.level == .building else { return [] }
        return try await TerritoryQueries.units(inBuilding: node.requireID(), on: req.db).map(DTO.UnitSummary.init)
    }

    func createUnit(req: Request) async throws -> Response {
        let node = try await loadNode(req, .territoryRead)
        let input = try req.content.decode(TerritoryEditing.UnitInput.self)
        let unit = try await TerritoryEditing.createUnit(in: node, input, req: req)
        return try await DTO.UnitSummary(unit).encodeResponse(status: .created, for: req)
    }

    func unit(req: Request) async throws -> DTO.UnitDetail {
        let d = try await TerritoryQueries.unitDetail(req.parameters.get("unitID", as: UUID.self), on: req.db)
        try req.authorize(.territoryRead, at: d.building.territoryPath)
        let path = d.building.territoryPath
        let owners = Policy.allows(req.actor, .ownersRegisterRead, at: path)
        let households = Policy.allows(req.actor, .personalDataRead, at: path)
        return DTO.UnitDetail(
            unit: .init(d.unit),
            owners: !owners ? nil : d.owners.map {
                DTO.Person(id: $0.id!, code: $0.code, name: $0.name, phone: $0.phone.map(OneTimeCodeRules.mask), birthYear: nil, flags: nil)
            },
            households: !households ? nil : d.households.map { h in DTO.HouseholdOut(id: h.id!, code: h.code, residents: h.residents.map {
                DTO.Person(id: $0.id!, code: $0.code, name: $0.name, phone: $0.phone.map(OneTimeCodeRules.mask),
                           birthYear: $0.birthYear, flags: $0.residentFlags.names)
            }) })
    }

    /// The body is the CSV file itself (text/csv); `?node=CODE` the node it is made at. Answers at
    /// once with the queued job (202); `GET /api/v1/jobs/{id}` tells the outcome or the refused lines.
    func importCSV(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard Policy.holdsAnywhere(p.actor, .territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        guard let body = req.body.data, body.readableBytes > 0 else { throw ImportFailure([ImportIssue(line: 1, problem: .emptyFile)]) }
        let bound = try await TerritoryImportJob.bound(named: try? req.query.get(String.self, at: "node"), p.actor, on: req.db)
        let name = (try? req.query.get(String.self, at: "name")) ?? "territory-import.csv"
        let job = try await TerritoryImportJob.enqueue(Data(buffer: body), name: name, bound: bound, by: p.userID, on: req.db)
        let res = try await DTO.Job(job).encodeResponse(status: .accepted, for: req)
        res.headers.replaceOrAdd(name: .location, value: "/api/v1/jobs/\(try job.requireID().uuidString)")
        return res
    }

    // MARK: Users and roles

    func users(req: Request) async throws -> [DTO.User] {
        try await UserAdmin.visibleUsers(try req.requirePrincipal().actor, on: req.db).map(DTO.User.init)
    }

    func user(req: Request) async throws -> DTO.User {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw YishiError.notFound }
        return DTO.User(try await UserAdmin.visibleUser(id, try req.requirePrincipal().actor, on: req.db))
    }

    func createUser(req: Request) async throws -> Response {
        let input = try req.content.decode(UserAdmin.NewStaff.self)
        let user = try await UserAdmin.createStaff(input, req: req)
        let loaded = try await UserAdmin.visibleUser(user.requireID(), try req.requirePrincipal().actor, on: req.db)
        return try await DTO.User(loaded).encodeResponse(status: .created, for: req)
    }

    func grant(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw YishiError.notFound }
        let input = try req.content.decode(DTO.GrantInput.self)
        _ = try await UserAdmin.grant(userID: id, role: input.role, nodeCode: input.node, req: req)
        return try await DTO.User(try await UserAdmin.visibleUser(id, try req.requirePrincipal().actor, on: req.db)).encodeResponse(status: .created, for: req)
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("userID", as: UUID.self), let gid = req.parameters.get("grantID", as: UUID.self) else { throw YishiError.notFound }
        try await UserAdmin.revoke(userID: id, grantID: gid, req: req)
        return .noContent
    }

    // MARK: Tokens

    func tokenOut(_ t: APIToken) -> DTO.Token {
        DTO.Token(id: t.id!, name: t.name, role: t.role, node: t.node?.code, lastUsedAt: t.lastUsedAt, createdAt: t.createdAt)
    }

    /// Tokens are listed, made and revoked from a signed-in browser only (403 to a token).
    func tokens(req: Request) async throws -> [DTO.Token] {
        try await Accounts.tokens(req: req).map(tokenOut)
    }

    func createToken(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.TokenInput.self)
        let (row, token) = try await Accounts.createToken(name: input.name, role: input.role, nodeCode: input.node, req: req)
        try await row.$node.load(on: req.db)
        return try await DTO.NewToken(token: token, details: tokenOut(row)).encodeResponse(status: .created, for: req)
    }

    func revokeToken(req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("tokenID", as: UUID.self) else { throw YishiError.notFound }
        try await Accounts.revokeToken(id: id, req: req)
        return .noContent
    }

    // MARK: Audit

    func audit(req: Request) async throws -> [DTO.AuditEntryOut] {
        let p = try req.requirePrincipal()
        let before = try? req.query.get(Int64.self, at: "before")
        let limit = min(max((try? req.query.get(Int.self, at: "limit")) ?? 100, 1), 1000)
        return try await AuditQueries.page(p.actor, before: before, limit: limit, on: req.db).map { e in
            DTO.AuditEntryOut(seq: e.seq, at: Date(timeIntervalSince1970: Double(e.atMillis) / 1000), actorId: e.actorID, actorLabel: e.actorLabel,
                              action: e.action, targetType: e.targetType, targetId: e.targetID, nodeId: e.nodeID, onBehalfOf: e.onBehalfOf,
                              channel: e.channel, details: AuditEntry.decode(e.details), hash: e.hash)
        }
    }

    func auditVerify(req: Request) async throws -> DTO.AuditVerification {
        try req.authorize(.auditRead, at: nil)
        switch try await AuditLog.verifyAndRecord(on: req.db, time: req.effects.time).outcome {
        case .ok(let n): return DTO.AuditVerification(ok: true, entries: n, brokenAt: nil, reason: nil)
        case .broken(let seq, let reason): return DTO.AuditVerification(ok: false, entries: nil, brokenAt: seq, reason: reason.rawValue)
        }
    }
}
