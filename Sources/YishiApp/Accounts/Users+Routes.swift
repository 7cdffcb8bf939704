import Fluent
import Vapor
import YishiCore

/// Users and roles, for administrators.
struct UserRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.users.pathComponents, use: list)
        routes.get(Site.newUser.pathComponents, use: newForm)
        routes.post(Site.users.pathComponents, use: create)
        routes.get(Site.Pattern.user.pathComponents, use: show)
        routes.post(Site.Pattern.userGrants.pathComponents, use: grant)
        routes.get(Site.Pattern.revokeGrant.pathComponents, use: revokePage)
        routes.post(Site.Pattern.revokeGrant.pathComponents, use: revoke)
    }

    struct NewForm: Content {
        var username: String?
        var displayName: String?
        var password: String?
        var role: String?
        var node: String?
    }
    struct GrantForm: Content {
        var role: String?
        var node: String?
    }

    func list(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        let users = try await UserAdmin.visibleUsers(p.actor, on: req.db)
        return req.render(UserPages.list(req.pageContext, users: users))
    }

    func newForm(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard !UserAdmin.managedScopes(p.actor).isEmpty else { throw YishiError.denied(.roleLacksAction) }
        let places = try await UserAdmin.grantablePlaces(p.actor, on: req.db)
        return req.render(UserPages.new(req.pageContext, form: NewForm(), places: places, errors: FormErrors()))
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(NewForm.self)
        let role = form.role.flatMap { $0.isEmpty ? nil : Role(rawValue: $0) }
        do {
            let user = try await UserAdmin.createStaff(
                .init(
                    username: form.username ?? "", displayName: form.displayName ?? "",
                    password: form.password ?? "", role: role, node: form.node), by: req.caller)
            return req.redirect(to: Site.user(try user.requireID(), notice: UsersText.created.key))
        } catch YishiError.invalid(let fields) {
            let places = try await UserAdmin.grantablePlaces(try req.requirePrincipal().actor, on: req.db)
            return req.render(
                UserPages.new(
                    req.pageContext, form: form, places: places, errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
    }

    func show(req: Request) async throws -> Response {
        try await render(req, errors: FormErrors())
    }

    func render(_ req: Request, errors: FormErrors, status: HTTPStatus = .ok) async throws -> Response {
        let p = try req.requirePrincipal()
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw YishiError.notFound }
        let user = try await UserAdmin.visibleUser(id, p.actor, on: req.db)
        let places = try await UserAdmin.grantablePlaces(p.actor, on: req.db)
        return req.render(UserPages.show(req.pageContext, user: user, places: places, errors: errors, status: status))
    }

    func grant(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw YishiError.notFound }
        let form = try req.content.decode(GrantForm.self)
        guard let role = form.role.flatMap(Role.init) else {
            return try await render(
                req, errors: FormErrors(["role": FieldText.requiredText.key]), status: .unprocessableEntity)
        }
        do {
            _ = try await UserAdmin.grant(userID: id, role: role, nodeCode: form.node, by: req.caller)
        } catch YishiError.invalid(let fields) {
            return try await render(req, errors: FormErrors(fields), status: .unprocessableEntity)
        }
        return req.redirect(to: Site.user(id, notice: UsersText.granted.key))
    }

    /// Asks before revoking: who, which role where, and what follows.
    func revokePage(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        guard let id = req.parameters.get("userID", as: UUID.self),
            let gid = req.parameters.get("grantID", as: UUID.self)
        else { throw YishiError.notFound }
        let user = try await UserAdmin.visibleUser(id, p.actor, on: req.db)
        guard let grant = user.grants.first(where: { $0.id == gid }) else { throw YishiError.notFound }
        try req.caller.authorize(.usersManage, at: grant.node?.territoryPath)
        return req.render(UserPages.revoke(req.pageContext, user: user, grant: grant))
    }

    func revoke(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self),
            let gid = req.parameters.get("grantID", as: UUID.self)
        else {
            throw YishiError.notFound
        }
        try await UserAdmin.revoke(userID: id, grantID: gid, by: req.caller)
        return req.redirect(to: Site.user(id, notice: UsersText.revoked.key))
    }
}

extension FormErrors {
    init(_ fields: [String: String]) {
        self.init()
        for (f, k) in fields { add(f, k) }
    }
}

enum UserPages {
    static func roleOptions(_ ctx: PageContext) -> [(value: String, label: String)] {
        Role.allCases.map { ($0.rawValue, ctx.name($0)) }
    }

    static func list(_ ctx: PageContext, users: [User]) -> PageView {
        PageView(title: ctx.t(UsersText.title)) {
            [
                H.el("p", [], [C.linkButton(ctx.t(UsersText.newText), Site.newUser, primary: false)]),
                users.isEmpty
                    ? C.empty(ctx.t(UsersText.noneText))
                    : C.table(
                        caption: ctx.t(UsersText.title),
                        headers: [
                            ctx.t(UsersText.displayName), ctx.t(AccountText.username), ctx.t(UsersText.kind),
                            ctx.t(UsersText.roles),
                        ],
                        rows: users.map { u in
                            [
                                H.link(u.displayName, Site.user(u.id!)),
                                .text(u.username ?? u.phone.map(OneTimeCodeRules.mask) ?? "—"),
                                .text(u.kind == .staff ? ctx.t(UsersText.kindStaff) : ctx.t(UsersText.kindResident)),
                                .group(
                                    u.grants.map { g in C.tag(AccountPage.grantLabel(ctx, role: g.role, node: g.node)) }
                                ),
                            ]
                        }),
                C.text(ctx.t(CommonText.items, String(users.count)), muted: true),
            ]
        }
    }

    static func new(
        _ ctx: PageContext, form: UserRoutes.NewForm, places: [TerritoryNode] = [], errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(UsersText.newText), status: status) {
            [
                Forms.summary(ctx, errors, order: ["username", "displayName", "password", "role", "node"]),
                Forms.form(
                    ctx, action: Site.users,
                    [
                        Forms.field(
                            ctx, "username", label: ctx.t(AccountText.username), value: form.username ?? "",
                            required: true, errors: errors,
                            attributes: [("autocomplete", "off")]),
                        Forms.field(
                            ctx, "displayName", label: ctx.t(UsersText.displayName), value: form.displayName ?? "",
                            required: true, errors: errors),
                        Forms.field(
                            ctx, "password", label: ctx.t(AccountText.passwordNew), type: "password", required: true,
                            errors: errors,
                            attributes: [("autocomplete", "new-password")]),
                        Forms.select(
                            ctx, "role", label: ctx.t(UsersText.role),
                            options: roleOptions(ctx).filter { $0.value != Role.resident.rawValue },
                            selected: form.role, errors: errors),
                    ] + placeField(ctx, value: form.node ?? "", places: places, errors: errors) + [
                        Forms.submit(ctx.t(CommonText.save))
                    ]),
            ]
        }
    }

    /// The node field: type part of a name or a number, pick from the browser's own list
    /// (`<datalist>`, no script) of the places where the administrator may grant roles.
    static func placeField(_ ctx: PageContext, value: String, places: [TerritoryNode], errors: FormErrors) -> [HTMLNode]
    {
        [
            Forms.field(
                ctx, "node", label: ctx.t(UsersText.node), value: value, errors: errors,
                hint: ctx.t(UsersText.nodeHint),
                attributes: [("list", "places"), ("autocomplete", "off")]),
            H.el(
                "datalist", [("id", "places")],
                places.map { n in H.el("option", [("value", n.code)], text: "\(n.name) · \(ctx.label(n.level))") }),
        ]
    }

    static func revoke(_ ctx: PageContext, user: User, grant: RoleGrant) -> PageView {
        PageView(title: ctx.t(UsersText.revokeTitle)) {
            C.text(
                ctx.t(
                    UsersText.revokeQuestion, user.displayName,
                    AccountPage.grantLabel(ctx, role: grant.role, node: grant.node)))
            C.notice(ctx.t(UsersText.revokeEffect), tone: .warning)
            H.el("p", [("class", "actions")]) {
                Forms.button(
                    ctx, action: Site.revokeGrant(user: user.id!.uuidString, grant: grant.id!),
                    label: ctx.t(UsersText.revokeConfirm), secondary: false)
                C.linkButton(ctx.t(CommonText.back), Site.user(user.id!), primary: false)
            }
        }
    }

    static func show(
        _ ctx: PageContext, user: User, places: [TerritoryNode] = [], errors: FormErrors, status: HTTPStatus
    ) -> PageView {
        let uid = user.id!.uuidString
        return PageView(title: user.displayName, status: status) {
            [
                Forms.summary(ctx, errors, order: ["role", "node"]),
                C.facts(
                    [
                        (
                            ctx.t(UsersText.kind),
                            user.kind == .staff ? ctx.t(UsersText.kindStaff) : ctx.t(UsersText.kindResident)
                        ),
                        (ctx.t(AccountText.username), user.username ?? user.phone.map(OneTimeCodeRules.mask) ?? "—"),
                    ]
                        + (user.kind == .resident
                            ? [
                                (
                                    ctx.t(AccountText.verified),
                                    user.isVerified ? ctx.t(CommonText.yes) : ctx.t(CommonText.no)
                                )
                            ]
                            : [])),
                C.section(ctx.t(UsersText.roles)) {
                    if user.grants.isEmpty {
                        C.notice(ctx.t(UsersText.noRoleHere), tone: .warning)
                    } else {
                        C.list(
                            user.grants.map { g in
                                [
                                    .text(AccountPage.grantLabel(ctx, role: g.role, node: g.node) + " "),
                                    C.linkButton(
                                        ctx.t(UsersText.revoke), Site.revokeGrant(user: uid, grant: g.id!),
                                        primary: false),
                                ]
                            })
                    }
                },
                H.el("h2", text: ctx.t(UsersText.grant)),
                Forms.form(
                    ctx, action: Site.userGrants(uid),
                    [
                        Forms.select(
                            ctx, "role", label: ctx.t(UsersText.role), options: roleOptions(ctx), selected: nil,
                            required: true, errors: errors)
                    ] + placeField(ctx, value: "", places: places, errors: errors) + [
                        Forms.submit(ctx.t(UsersText.grant))
                    ]),
            ]
        }
    }
}
