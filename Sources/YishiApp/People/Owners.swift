import Fluent
import SQLKit
import Vapor
import YishiCore

/// The owners' register on screen: an owner's details and homes, adding an owner to a home
/// (new, or one already registered), removing one. Reading needs the owners' register right
/// (`ownersRegisterRead`) where the homes are; changing needs `territoryEdit` there too — for an
/// owner's name and phone, at every home they own, since the change shows at all of them.
enum OwnerEditing {
    struct Input: Content {
        var name: String?
        var phone: String?
        var ownerCode: String?
    }

    /// An owner with the homes they own (and each home's building).
    static func load(_ id: UUID?, by caller: Caller) async throws -> (Owner, [Unit]) {
        guard let id, let owner = try await Owner.find(id, on: caller.db) else { throw YishiError.notFound }
        let units = try await Ownership.query(on: caller.db).filter(\.$owner.$id == id)
            .with(\.$unit) { $0.with(\.$building) }.all().map(\.unit)
        let readable = units.filter { caller.allows(.ownersRegisterRead, at: $0.building.territoryPath) }
        guard !readable.isEmpty else {
            try caller.authorize(.ownersRegisterRead, at: units.first?.building.territoryPath)
            throw YishiError.notFound
        }
        return (owner, readable)
    }

    static func mayEdit(_ units: [Unit], by caller: Caller) -> Bool {
        !units.isEmpty && units.allSatisfy { caller.allows(.territoryEdit, at: $0.building.territoryPath) }
    }

    static func validate(_ input: Input) throws -> (String, String?) {
        var fields: [String: String] = [:]
        let name = FieldRules.name(input.name ?? "")
        let phone = ResidentRules.phone(input.phone)
        if let p = name.problem { fields["name"] = p.fieldKey }
        if let p = phone.problem { fields["phone"] = p == .invalid ? ImportText.badPhone.key : p.fieldKey }
        guard fields.isEmpty, let n = name.value, let p = phone.value else { throw YishiError.invalid(fields) }
        return (n, p)
    }

    /// Changes an owner's name and phone; allowed only where the caller may edit every home they own.
    static func update(_ id: UUID, _ input: Input, by caller: Caller) async throws {
        let (name, phone) = try validate(input)
        try await caller.audited { tx in
            let c = caller.on(tx)
            guard let owner = try await Owner.find(id, on: tx) else { throw YishiError.notFound }
            let units = try await Ownership.query(on: tx).filter(\.$owner.$id == id)
                .with(\.$unit) { $0.with(\.$building) }.all().map(\.unit)
            for u in units { try c.authorize(.territoryEdit, at: u.building.territoryPath) }
            if units.isEmpty { try c.authorize(.territoryEdit, at: nil) }
            var changes: [String: String] = [:]
            if owner.name != name { changes["name"] = "\(owner.name) → \(name)" }
            if owner.phone != phone {
                changes["phone"] =
                    "\(owner.phone.map(OneTimeCodeRules.mask) ?? "—") → \(phone.map(OneTimeCodeRules.mask) ?? "—")"
            }
            owner.name = name
            owner.phone = phone
            if !changes.isEmpty { try await owner.update(on: tx) }
            return (
                (),
                AuditEvent(
                    action: .ownerUpdate, targetType: "owner", targetID: owner.code, nodeID: units.first?.building.id,
                    details: changes)
            )
        }
    }

    /// Adds an owner to a home: the existing owner with `ownerCode`, or a new one by name and phone.
    static func add(to unitID: UUID, _ input: Input, by caller: Caller) async throws {
        let unit = try await TerritoryQueries.unit(unitID, on: caller.db)
        let place = unit.building.territoryPath
        try caller.authorize(.territoryEdit, at: place)
        try caller.authorize(.ownersRegisterRead, at: place)
        let code = (input.ownerCode ?? "").trimmed
        var existing: Owner? = nil
        var newOwner: (String, String?)? = nil
        if !code.isEmpty {
            existing = try await Owner.query(on: caller.db).filter(\.$code == code).first()
            // Only an owner the caller can already see (on a home in their scope): a code guessed
            // from elsewhere must not bring a stranger's name onto this page. Same answer either way.
            if let owner = existing {
                let homes = try await Ownership.query(on: caller.db).filter(\.$owner.$id == owner.requireID())
                    .with(\.$unit) { $0.with(\.$building) }.all()
                if !homes.contains(where: { caller.allows(.ownersRegisterRead, at: $0.unit.building.territoryPath) }) {
                    existing = nil
                }
            }
            guard existing != nil else { throw YishiError.invalid(["ownerCode": PeopleText.noSuchOwner.key]) }
        } else {
            newOwner = try validate(input)
        }
        let count = try await Ownership.query(on: caller.db).filter(\.$unit.$id == unitID).count()
        let (found, fresh) = (existing, newOwner)
        do {
            try await caller.audited { tx in
                let owner: Owner
                if let found {
                    owner = found
                } else {
                    owner = Owner(
                        code: "O-\(unit.code)-\(count + 1)-\(UUID().uuidString.prefix(4))", name: fresh!.0,
                        phone: fresh!.1)
                    try await owner.create(on: tx)
                }
                try await Ownership(ownerID: try owner.requireID(), unitID: unitID).create(on: tx)
                return (
                    (),
                    AuditEvent(
                        action: .ownershipAdd, targetType: "unit", targetID: unit.code, nodeID: unit.building.id,
                        details: ["name": owner.name, "owner": owner.code])
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.invalid(["ownerCode": FieldText.taken.key])
        }
    }

    /// Removes an owner from a home (the owner stays on the register with any other homes).
    static func remove(owner ownerID: UUID, from unitID: UUID, by caller: Caller) async throws {
        let unit = try await TerritoryQueries.unit(unitID, on: caller.db)
        try caller.authorize(.territoryEdit, at: unit.building.territoryPath)
        try caller.authorize(.ownersRegisterRead, at: unit.building.territoryPath)
        try await caller.audited { tx in
            guard
                let link = try await Ownership.query(on: tx).filter(\.$owner.$id == ownerID).filter(
                    \.$unit.$id == unitID
                )
                .with(\.$owner).first()
            else { throw YishiError.notFound }
            try await link.delete(on: tx)
            return (
                (),
                AuditEvent(
                    action: .ownershipRemove, targetType: "unit", targetID: unit.code, nodeID: unit.building.id,
                    details: ["name": link.owner.name, "owner": link.owner.code])
            )
        }
    }
}

struct OwnerRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.owner.pathComponents, use: show)
        routes.post(Site.Pattern.owner.pathComponents, use: save)
        routes.post(Site.Pattern.unitOwners.pathComponents, use: add)
        routes.post(Site.Pattern.unitOwnerRemove.pathComponents, use: remove)
    }

    func show(req: Request) async throws -> Response {
        let caller = req.caller
        let (owner, units) = try await OwnerEditing.load(req.parameters.get("ownerID", as: UUID.self), by: caller)
        return req.render(
            OwnerPage.view(
                req.pageContext, owner: owner, units: units, mayEdit: OwnerEditing.mayEdit(units, by: caller)))
    }

    func save(req: Request) async throws -> Response {
        let caller = req.caller
        let (owner, units) = try await OwnerEditing.load(req.parameters.get("ownerID", as: UUID.self), by: caller)
        var form = try req.content.decode(OwnerEditing.Input.self)
        // The masked number the form showed, sent back unchanged, keeps the stored one.
        if let stored = owner.phone, form.phone?.trimmed == OneTimeCodeRules.mask(stored) { form.phone = stored }
        do {
            try await OwnerEditing.update(owner.id!, form, by: caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                OwnerPage.view(
                    req.pageContext, owner: owner, units: units, mayEdit: true, form: form, errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
        return req.redirect(to: Site.owner(owner.id!, notice: PeopleText.ownerSaved.key))
    }

    func add(req: Request) async throws -> Response {
        guard let unitID = req.parameters.get("unitID", as: UUID.self) else { throw YishiError.notFound }
        let form = try req.content.decode(OwnerEditing.Input.self)
        do {
            try await OwnerEditing.add(to: unitID, form, by: req.caller)
        } catch YishiError.invalid(let fields) {
            return try await TerritoryRoutes.unitPage(
                req, unitID: unitID, errors: FormErrors(fields), ownerForm: form, status: .unprocessableEntity)
        }
        return req.redirect(to: Site.unit(unitID, notice: PeopleText.ownerAdded.key))
    }

    func remove(req: Request) async throws -> Response {
        guard let unitID = req.parameters.get("unitID", as: UUID.self),
            let ownerID = req.parameters.get("ownerID", as: UUID.self)
        else { throw YishiError.notFound }
        try await OwnerEditing.remove(owner: ownerID, from: unitID, by: req.caller)
        return req.redirect(to: Site.unit(unitID, notice: PeopleText.ownerRemoved.key))
    }
}

enum OwnerPage {
    static func view(
        _ ctx: PageContext, owner: Owner, units: [Unit], mayEdit: Bool, form: OwnerEditing.Input? = nil,
        errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        let f = form ?? .init(name: owner.name, phone: owner.phone.map(OneTimeCodeRules.mask), ownerCode: nil)
        return PageView(title: ctx.t(PeopleText.ownerTitle, owner.name), status: status) {
            Forms.summary(ctx, errors, order: ["name", "phone"])
            C.facts([
                (ctx.t(CommonText.code), owner.code),
                (ctx.t(PeopleText.phone), owner.phone.map(OneTimeCodeRules.mask) ?? ctx.t(PeopleText.phoneNone)),
            ])
            C.section(ctx.t(PeopleText.ownerHomes)) {
                C.list(units.map { u in [H.link("\(u.building.name) \(u.number)", Site.unit(u.id!))] })
            }
            if mayEdit {
                C.section(ctx.t(PeopleText.ownerEdit)) {
                    Forms.form(
                        ctx, action: Site.owner(owner.id!),
                        [
                            Forms.field(
                                ctx, "name", label: ctx.t(TerritoryText.residentName), value: f.name ?? "",
                                required: true, errors: errors),
                            Forms.field(
                                ctx, "phone", label: ctx.t(PeopleText.phone), value: f.phone ?? "", type: "tel",
                                errors: errors, hint: (f.phone ?? "").contains("*") ? ctx.t(PeopleText.phoneKept) : nil,
                                attributes: [("inputmode", "tel")]),
                            Forms.submit(ctx.t(CommonText.save)),
                        ])
                }
            }
        }
    }
}
