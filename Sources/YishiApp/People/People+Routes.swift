import Fluent
import Vapor
import YishiCore

/// A resident's record and the forms on it; adding households and residents from a unit's page.
struct ResidentRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.resident.pathComponents, use: show)
        routes.post(Site.Pattern.resident.pathComponents, use: edit)
        routes.post(Site.Pattern.residentReveal.pathComponents, use: reveal)
        routes.post(Site.Pattern.residentMove.pathComponents, use: move)
        routes.post(Site.Pattern.unitHouseholds.pathComponents, use: addHousehold)
        routes.post(Site.Pattern.unitResidents.pathComponents, use: addResident)
        routes.post(Site.Pattern.household.pathComponents, use: renameHousehold)
    }

    static func page(_ req: Request, _ home: ResidentHome, revealed: String? = nil) async throws -> ResidentPage {
        let ancestors = try await TerritoryQueries.ancestors(of: home.building, on: req.db)
        let hasAccount = try await User.query(on: req.db).filter(\.$resident.$id == home.resident.id!).count() > 0
        let caller = req.caller
        return ResidentPage(
            home: home, ancestors: ancestors, hasAccount: hasAccount, currentYear: Show.year(caller.now),
            may: .init(
                edit: caller.allows(.territoryEdit, at: home.path),
                reveal: caller.allows(.phoneReveal, at: home.path),
                assist: caller.allows(.actForResident, at: home.path)),
            revealedPhone: revealed)
    }

    /// The household register needs the personal-data right where the resident lives.
    func load(_ req: Request) async throws -> ResidentHome {
        try await req.caller.resident(req.parameters.get("residentID", as: UUID.self), for: .personalDataRead)
    }

    func show(req: Request) async throws -> Response {
        let home = try await load(req)
        return req.render(ResidentPage.view(try await Self.page(req, home), req.pageContext))
    }

    /// The form's values as the service takes them; an unchanged masked phone keeps the stored one.
    static func input(_ form: ResidentPage.Form, stored: String?, channel: String?) -> ResidentEditing.Input {
        var phone = form.phone
        if let stored, phone?.trimmed == OneTimeCodeRules.mask(stored) { phone = stored }
        return .init(
            name: form.name ?? "", birthYear: form.birthYear ?? "", phone: phone, flags: form.flags ?? [],
            channel: channel.flatMap(YishiCore.Channel.init(rawValue:)) ?? .online)
    }

    func edit(req: Request) async throws -> Response {
        let home = try await load(req)
        let form = try req.content.decode(ResidentPage.Form.self)
        do {
            _ = try await ResidentEditing.update(
                home.resident.id!, Self.input(form, stored: home.resident.phone, channel: form.channel), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                ResidentPage.view(
                    try await Self.page(req, home), req.pageContext, form: form, errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
        return req.redirect(to: Site.resident(home.resident.id!, notice: PeopleText.saved.key))
    }

    func reveal(req: Request) async throws -> Response {
        let id = req.parameters.get("residentID", as: UUID.self)
        guard let id else { throw YishiError.notFound }
        let (home, phone) = try await ResidentEditing.revealPhone(id, by: req.caller)
        return req.render(ResidentPage.view(try await Self.page(req, home, revealed: phone), req.pageContext))
    }

    struct MoveForm: Content {
        var household: String?
        var moveChannel: String?
    }

    func move(req: Request) async throws -> Response {
        let home = try await load(req)
        let form = try req.content.decode(MoveForm.self)
        do {
            _ = try await ResidentEditing.move(
                home.resident.id!, toHousehold: form.household ?? "",
                channel: form.moveChannel.flatMap(YishiCore.Channel.init(rawValue:)) ?? .visit, by: req.caller)
        } catch YishiError.invalid(let fields) {
            var f = ResidentPage.Form()
            f.household = form.household
            return req.render(
                ResidentPage.view(
                    try await Self.page(req, home), req.pageContext, form: f, errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
        return req.redirect(to: Site.resident(home.resident.id!, notice: PeopleText.moved.key))
    }

    struct HouseholdForm: Content { var code: String? }

    func addHousehold(req: Request) async throws -> Response {
        let unitID = req.parameters.get("unitID", as: UUID.self)
        guard let unitID else { throw YishiError.notFound }
        let form = try req.content.decode(HouseholdForm.self)
        do {
            _ = try await ResidentEditing.createHousehold(in: unitID, code: form.code ?? "", by: req.caller)
        } catch YishiError.invalid(let fields) {
            return try await TerritoryRoutes.unitPage(req, errors: FormErrors(fields), status: .unprocessableEntity)
        }
        return req.redirect(to: Site.unit(unitID, notice: PeopleText.householdAdded.key))
    }

    func renameHousehold(req: Request) async throws -> Response {
        let id = req.parameters.get("householdID", as: UUID.self)
        let (household, _) = try await req.caller.household(id, for: .personalDataRead)
        let form = try req.content.decode(HouseholdForm.self)
        do {
            _ = try await ResidentEditing.renameHousehold(household.id!, code: form.code ?? "", by: req.caller)
        } catch YishiError.invalid(let fields) {
            return try await TerritoryRoutes.unitPage(
                req, unitID: household.$unit.id, errors: FormErrors(fields), status: .unprocessableEntity)
        }
        return req.redirect(to: Site.unit(household.$unit.id, notice: PeopleText.householdRenamed.key))
    }

    func addResident(req: Request) async throws -> Response {
        let unitID = req.parameters.get("unitID", as: UUID.self)
        let form = try req.content.decode(ResidentPage.Form.self)
        let household = form.household.flatMap(UUID.init(uuidString:))
        do {
            guard let household else { throw YishiError.invalid(["household": FieldText.requiredText.key]) }
            let (h, _) = try await req.caller.household(household, for: .personalDataRead)
            guard h.$unit.id == unitID else { throw YishiError.invalid(["household": FieldText.requiredText.key]) }
            _ = try await ResidentEditing.createResident(
                in: household, Self.input(form, stored: nil, channel: form.channel), by: req.caller)
        } catch YishiError.invalid(let fields) {
            return try await TerritoryRoutes.unitPage(
                req, errors: FormErrors(fields), residentForm: form, status: .unprocessableEntity)
        }
        return req.redirect(to: Site.unit(unitID!, notice: PeopleText.residentAdded.key))
    }
}
