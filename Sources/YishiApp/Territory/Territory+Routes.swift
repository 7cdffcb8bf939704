import Fluent
import Vapor
import YishiCore

/// Browsing and editing the territory tree.
struct TerritoryRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.territory.pathComponents, use: roots)
        routes.post(Site.territory.pathComponents, use: createDistrict)
        routes.get(Site.Pattern.node.pathComponents, use: show)
        routes.get(Site.Pattern.nodeEdit.pathComponents, use: editForm)
        routes.post(Site.Pattern.nodeEdit.pathComponents, use: edit)
        routes.post(Site.Pattern.nodeChildren.pathComponents, use: createChild)
        routes.post(Site.Pattern.nodeUnits.pathComponents, use: createUnit)
        routes.post(Site.Pattern.nodeOffice.pathComponents, use: saveOffice)
        routes.get(Site.Pattern.unit.pathComponents, use: unit)
    }

    struct NodeForm: Content {
        var code: String?
        var name: String?
        var kind: String?
        var address: String?
    }
    struct UnitForm: Content {
        var code: String?
        var number: String?
        var kind: String?
        var status: String?
        var registerArea: String?
        var surveyArea: String?
        var contractArea: String?
    }

    func roots(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard Policy.holdsAnywhere(req.actor, .territoryRead) else { throw YishiError.denied(.roleLacksAction) }
        let nodes = try await TerritoryQueries.visibleRoots(p.actor, on: req.db)
        return req.render(
            TerritoryPages.roots(
                req.pageContext, nodes: nodes, errors: FormErrors(), form: NodeForm(), may: .at(nil, req.actor)))
    }

    func createDistrict(req: Request) async throws -> Response {
        let form = try req.content.decode(NodeForm.self)
        do {
            let node = try await TerritoryEditing.create(below: nil, input(form), by: req.caller)
            return req.redirect(to: Site.node(node.id!, notice: TerritoryText.created.key))
        } catch YishiError.invalid(let fields) {
            let nodes = try await TerritoryQueries.visibleRoots(try req.requirePrincipal().actor, on: req.db)
            return req.render(
                TerritoryPages.roots(
                    req.pageContext, nodes: nodes, errors: FormErrors(fields), form: form, may: .at(nil, req.actor),
                    status: .unprocessableEntity))
        }
    }

    func load(_ req: Request, _ action: Action = .territoryRead) async throws -> TerritoryNode {
        try await req.caller.node(req.parameters.get("nodeID", as: UUID.self), for: action)
    }

    func show(req: Request) async throws -> Response {
        let family = try await req.caller.nodeWithFamily(
            req.parameters.get("nodeID", as: UUID.self), for: .territoryRead)
        // Residents see their place described, not the staff's data sheet.
        if req.actor?.kind == .resident {
            return req.render(
                PlacePages.view(
                    req.pageContext,
                    model: try await .load(family, on: req.db, namespace: req.application.readNamespace)))
        }
        return nodePage(req, try await .load(family, on: req.db, namespace: req.application.readNamespace))
    }

    func saveOffice(req: Request) async throws -> Response {
        let node = try await load(req, .territoryEdit)
        let form = try req.content.decode(TerritoryEditing.OfficeInput.self)
        do {
            try await TerritoryEditing.updateOffice(node, form, by: req.caller)
        } catch YishiError.invalid(let fields) {
            return nodePage(
                req, try await .load(node, on: req.db, namespace: req.application.readNamespace),
                errors: FormErrors(fields), officeForm: form,
                status: .unprocessableEntity)
        }
        return req.redirect(to: Site.node(node.id!, notice: TerritoryText.officeSaved.key))
    }

    func editForm(req: Request) async throws -> Response {
        let node = try await load(req, .territoryEdit)
        return req.render(
            TerritoryPages.edit(
                req.pageContext, node: node,
                form: NodeForm(code: node.code, name: node.name, kind: node.kind, address: node.address),
                errors: FormErrors()))
    }

    func edit(req: Request) async throws -> Response {
        let node = try await load(req, .territoryEdit)
        let form = try req.content.decode(NodeForm.self)
        do {
            _ = try await TerritoryEditing.update(node, input(form), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                TerritoryPages.edit(
                    req.pageContext, node: node, form: form, errors: FormErrors(fields), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.node(node.id!, notice: TerritoryText.saved.key))
    }

    func createChild(req: Request) async throws -> Response {
        let node = try await load(req)
        let form = try req.content.decode(NodeForm.self)
        do {
            let child = try await TerritoryEditing.create(below: node, input(form), by: req.caller)
            return req.redirect(to: Site.node(child.id!, notice: TerritoryText.created.key))
        } catch YishiError.invalid(let fields) {
            return nodePage(
                req, try await .load(node, on: req.db, namespace: req.application.readNamespace),
                errors: FormErrors(fields), childForm: form,
                status: .unprocessableEntity)
        }
    }

    func createUnit(req: Request) async throws -> Response {
        let node = try await load(req)
        let form = try req.content.decode(UnitForm.self)
        do {
            guard let kind = form.kind.flatMap(UnitKind.init) else {
                throw YishiError.invalid(["kind": FieldText.requiredText.key])
            }
            guard let status = form.status.flatMap(UnitStatus.init) else {
                throw YishiError.invalid(["status": FieldText.requiredText.key])
            }
            let unit = try await TerritoryEditing.createUnit(
                in: node,
                .init(
                    code: form.code ?? "", number: form.number ?? "", kind: kind, status: status,
                    registerArea: form.registerArea, surveyArea: form.surveyArea, contractArea: form.contractArea),
                by: req.caller)
            return req.redirect(to: Site.unit(unit.id!, notice: TerritoryText.created.key))
        } catch YishiError.invalid(let fields) {
            return nodePage(
                req, try await .load(node, on: req.db, namespace: req.application.readNamespace),
                errors: FormErrors(fields), unitForm: form,
                status: .unprocessableEntity)
        }
    }

    func unit(req: Request) async throws -> Response {
        try await Self.unitPage(req)
    }

    /// A unit's page; after a refused form on it (a new household or resident), with the errors
    /// and what was typed.
    static func unitPage(
        _ req: Request, unitID: UUID? = nil, errors: FormErrors = FormErrors(),
        residentForm: ResidentPage.Form? = nil, ownerForm: OwnerEditing.Input? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let detail = try await req.caller.unitDetail(unitID ?? req.parameters.get("unitID", as: UUID.self))
        let ancestors = try await TerritoryQueries.ancestors(of: detail.building, on: req.db) + [detail.building]
        let may = TerritoryPages.May.at(detail.building.territoryPath, ancestors: ancestors, req.actor)
        return req.render(
            TerritoryPages.unit(
                req.pageContext, detail: detail, ancestors: ancestors, may: may, errors: errors,
                residentForm: residentForm, ownerForm: ownerForm, status: status))
    }

    /// A node's page, with what this viewer may do there.
    func nodePage(
        _ req: Request, _ model: NodePage, errors: FormErrors = FormErrors(), childForm: NodeForm = NodeForm(),
        unitForm: UnitForm = UnitForm(), officeForm: TerritoryEditing.OfficeInput? = nil, status: HTTPStatus = .ok
    ) -> Response {
        let may = TerritoryPages.May.at(model.node.territoryPath, ancestors: model.ancestors, req.actor)
        return req.render(
            TerritoryPages.node(
                req.pageContext, model: model, errors: errors, childForm: childForm, unitForm: unitForm, may: may,
                status: status, officeForm: officeForm))
    }

    func input(_ f: NodeForm) -> TerritoryEditing.NodeInput {
        .init(
            code: f.code ?? "", name: f.name ?? "", kind: f.kind.flatMap { $0.isEmpty ? nil : $0 }, address: f.address)
    }
}

/// What a node's page shows.
struct NodePage {
    var node: TerritoryNode
    var ancestors: [TerritoryNode]
    var children: [TerritoryNode]
    var stats: TerritoryQueries.Stats
    var units: [Unit]
    /// Life circles and planning areas planned at this node.
    var lifeCircles: [LifeCircle]
    var planningAreas: [PlanningArea]
    var buildingGroup: String?
    /// A community's participation in needs (nil for other levels).
    var needStats: NeedStats? = nil

    static func load(_ node: TerritoryNode, on db: any Database, namespace: String = "") async throws -> NodePage {
        try await load(TerritoryQueries.nodeWithFamily(node.requireID(), on: db), on: db, namespace: namespace)
    }

    /// The page of a node read with its family (`TerritoryQueries.nodeWithFamily`, one round
    /// trip), then its counts (kept for a few seconds: usually none) and, for a building, its
    /// units and building group; life circles and planning areas only where the counts say some
    /// are planned.
    static func load(
        _ family: (node: TerritoryNode, ancestors: [TerritoryNode], children: [TerritoryNode]), on db: any Database,
        namespace: String = ""
    ) async throws -> NodePage {
        let node = family.node
        let id = try node.requireID()
        async let counts = TerritoryQueries.stats([node.territoryPath], on: db, namespace: namespace)[0]
        async let units = node.level == .building ? TerritoryQueries.units(inBuilding: id, on: db) : []
        let groupID = node.$buildingGroup.id
        async let buildingGroup = groupID == nil ? nil : BuildingGroup.find(groupID, on: db)?.name
        let (stats, _, plans) = try await counts
        var lifeCircles: [LifeCircle] = []
        var planningAreas: [PlanningArea] = []
        if plans > 0 {
            lifeCircles = try await LifeCircle.query(on: db).filter(\.$node.$id == id).with(\.$communities).sort(
                \.$code
            ).all()
            planningAreas = try await PlanningArea.query(on: db).filter(\.$node.$id == id).with(\.$lifeCircles).sort(
                \.$code
            ).all()
        }
        return try await NodePage(
            node: node, ancestors: family.ancestors, children: family.children, stats: stats, units: units,
            lifeCircles: lifeCircles, planningAreas: planningAreas, buildingGroup: buildingGroup,
            needStats: node.level == .community
                ? NeedStats.cached(community: id, on: db, namespace: namespace) : nil)
    }
}
