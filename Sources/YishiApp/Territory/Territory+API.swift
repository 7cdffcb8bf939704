import Fluent
import Vapor
import YishiCore

/// The territory under /api/v1: nodes, units, imports. Described in `Territory+OpenAPI.swift`.
struct TerritoryAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("territory", use: roots)
        api.post("territory", use: createDistrict)
        api.get("territory", ":nodeID", use: node)
        api.patch("territory", ":nodeID", use: updateNode)
        api.post("territory", ":nodeID", "children", use: createChild)
        api.get("territory", ":nodeID", "units", use: units)
        api.post("territory", ":nodeID", "units", use: createUnit)
        api.get("units", ":unitID", use: unit)
        api.on(
            .POST, "territory", "import", body: .collect(maxSize: ByteCount(value: ImportRoutes.maxBytes)),
            use: importCSV
        )
        .allowingBody(upTo: ImportRoutes.maxBytes)
    }

    func loadNode(_ req: Request, _ action: Action) async throws -> TerritoryNode {
        try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: action)
    }

    func roots(req: Request) async throws -> [DTO.Node] {
        let p = try req.requirePrincipal()
        return try await TerritoryQueries.visibleRoots(p.actor, on: req.db).map(DTO.Node.init)
    }

    func node(req: Request) async throws -> DTO.NodeDetail {
        let n = try await loadNode(req, .territoryRead)
        let page = try await NodePage.load(n, on: req.db, namespace: req.application.readNamespace)
        return DTO.NodeDetail(
            node: .init(n), ancestors: page.ancestors.map(DTO.Node.init), children: page.children.map(DTO.Node.init),
            stats: page.stats)
    }

    func createDistrict(req: Request) async throws -> Response {
        let input = try req.content.decode(TerritoryEditing.NodeInput.self)
        let node = try await TerritoryEditing.create(below: nil, input, by: req.caller)
        return try await DTO.Node(node).encodeResponse(status: .created, for: req)
    }

    func createChild(req: Request) async throws -> Response {
        let parent = try await loadNode(req, .territoryRead)
        let input = try req.content.decode(TerritoryEditing.NodeInput.self)
        let node = try await TerritoryEditing.create(below: parent, input, by: req.caller)
        return try await DTO.Node(node).encodeResponse(status: .created, for: req)
    }

    struct NodePatch: Content {
        var code: String?
        var name: String?
        var kind: String?
        var address: String?
    }

    func updateNode(req: Request) async throws -> DTO.Node {
        let node = try await loadNode(req, .territoryEdit)
        let patch = try req.content.decode(NodePatch.self)
        let input = TerritoryEditing.NodeInput(
            code: patch.code ?? node.code, name: patch.name ?? node.name, kind: patch.kind ?? node.kind,
            address: patch.address ?? node.address)
        return DTO.Node(try await TerritoryEditing.update(node, input, by: req.caller))
    }

    func units(req: Request) async throws -> [DTO.UnitSummary] {
        let node = try await loadNode(req, .territoryRead)
        guard node.level == .building else { return [] }
        return try await TerritoryQueries.units(inBuilding: node.requireID(), on: req.db).map(DTO.UnitSummary.init)
    }

    func createUnit(req: Request) async throws -> Response {
        let node = try await loadNode(req, .territoryRead)
        let input = try req.content.decode(TerritoryEditing.UnitInput.self)
        let unit = try await TerritoryEditing.createUnit(in: node, input, by: req.caller)
        return try await DTO.UnitSummary(unit).encodeResponse(status: .created, for: req)
    }

    func unit(req: Request) async throws -> DTO.UnitDetail {
        let d = try await req.caller.unitDetail(req.parameters.get("unitID", as: UUID.self))
        let path = d.building.territoryPath
        let owners = Policy.allows(req.actor, .ownersRegisterRead, at: path)
        let households = Policy.allows(req.actor, .personalDataRead, at: path)
        return DTO.UnitDetail(
            unit: .init(d.unit),
            owners: !owners
                ? nil
                : d.owners.map {
                    DTO.Person(
                        id: $0.id!, code: $0.code, name: $0.name, phone: $0.phone.map(OneTimeCodeRules.mask),
                        birthYear: nil, flags: nil)
                },
            households: !households
                ? nil
                : d.households.map { h in
                    DTO.HouseholdOut(
                        id: h.id!, code: h.code,
                        residents: h.residents.map {
                            DTO.Person(
                                id: $0.id!, code: $0.code, name: $0.name, phone: $0.phone.map(OneTimeCodeRules.mask),
                                birthYear: $0.birthYear, flags: $0.residentFlags.names)
                        })
                })
    }

    /// The body is the CSV file itself (text/csv); `?node=CODE` the node it is made at. Answers at
    /// once with the queued job (202); `GET /api/v1/jobs/{id}` tells the outcome or the refused lines.
    func importCSV(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard Policy.holdsAnywhere(p.actor, .territoryImport) else { throw YishiError.denied(.roleLacksAction) }
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw ImportFailure([ImportIssue(line: 1, problem: .emptyFile)])
        }
        let bound = try await TerritoryImportJob.bound(
            named: try? req.query.get(String.self, at: "node"), p.actor, on: req.db)
        let name = (try? req.query.get(String.self, at: "name")) ?? "territory-import.csv"
        let job = try await TerritoryImportJob.enqueue(
            Data(buffer: body), name: name, bound: bound, by: p.userID, on: req.db)
        let res = try await DTO.Job(job).encodeResponse(status: .accepted, for: req)
        res.headers.replaceOrAdd(name: .location, value: Site.apiJob(try job.requireID()))
        return res
    }

}
