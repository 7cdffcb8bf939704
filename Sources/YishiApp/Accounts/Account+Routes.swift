import Fluent
import Vapor
import YishiCore

/// My account: who I am, my roles, my password, my API tokens.
struct AccountRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.account.pathComponents, use: page)
        routes.post(Site.accountPassword.pathComponents, use: password)
        routes.post(Site.accountTokens.pathComponents, use: createToken)
        routes.post(Site.Pattern.revokeToken.pathComponents, use: revokeToken)
    }

    func page(req: Request) async throws -> Response {
        try await render(req, errors: FormErrors(), newToken: nil)
    }

    func render(_ req: Request, errors: FormErrors, newToken: String?, status: HTTPStatus = .ok) async throws
        -> Response
    {
        let p = try Accounts.requireBrowserSession(req)
        let model = try await AccountPage.load(p, on: req.db)
        return req.render(AccountPage.view(model, req.pageContext, errors: errors, newToken: newToken, status: status))
    }

    struct PasswordForm: Content {
        var current: String?
        var new: String?
    }
    struct TokenForm: Content {
        var name: String?
        var scope: String?
    }

    func password(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        do {
            try await Accounts.changePassword(
                current: form.current ?? "", new: form.new ?? "", revokeTokens: TokenChoice.revokes(req),
                by: req.caller)
        } catch YishiError.invalid(let fields) {
            var errors = FormErrors()
            for (f, k) in fields { errors.add(f, k) }
            return try await render(req, errors: errors, newToken: nil, status: .unprocessableEntity)
        }
        return req.redirect(to: Site.with(notice: AccountText.passwordChanged.key, Site.account))
    }

    func createToken(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        let parts = (form.scope ?? "").split(separator: "|", maxSplits: 1).map(String.init)
        guard let roleText = parts.first, let role = Role(rawValue: roleText) else {
            var errors = FormErrors()
            errors.add("scope", FieldText.requiredText.key)
            return try await render(req, errors: errors, newToken: nil, status: .unprocessableEntity)
        }
        do {
            let (_, token) = try await Accounts.createToken(
                name: form.name ?? "", role: role, nodeCode: parts.count > 1 ? parts[1] : nil, by: req.caller)
            return try await render(req, errors: FormErrors(), newToken: token)
        } catch YishiError.invalid(let fields) {
            var errors = FormErrors()
            for (f, k) in fields { errors.add(f == "role" || f == "node" ? "scope" : f, k) }
            return try await render(req, errors: errors, newToken: nil, status: .unprocessableEntity)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        guard let id = req.parameters.get("tokenID", as: UUID.self) else { throw YishiError.notFound }
        try await Accounts.revokeToken(id: id, by: req.caller)
        return req.redirect(to: Site.account)
    }
}

struct AccountPage {
    var user: User
    var grants: [(grant: RoleGrant, node: TerritoryNode?)]
    var sessions: Int
    var tokens: [APIToken]

    static func load(_ p: Principal, on db: any Database) async throws -> AccountPage {
        guard let user = try await User.find(p.userID, on: db) else { throw YishiError.denied(.notSignedIn) }
        let grants = try await RoleGrant.query(on: db).filter(\.$user.$id == p.userID).with(\.$node).all()
        let sessions = try await UserSession.query(on: db).filter(\.$user.$id == p.userID).count()
        let tokens = try await APIToken.query(on: db).filter(\.$user.$id == p.userID).filter(\.$revokedAt == nil).with(
            \.$node
        ).sort(\.$createdAt).all()
        return AccountPage(user: user, grants: grants.map { ($0, $0.node) }, sessions: sessions, tokens: tokens)
    }

    static func grantLabel(_ ctx: PageContext, role: Role, node: TerritoryNode?) -> String {
        ctx.t(
            HomeText.staffScope, ctx.name(role),
            node.map { role == .resident ? $0.name : ctx.paren($0.name, $0.code) } ?? ctx.t(HomeText.staffPlatform))
    }

    static func view(_ m: AccountPage, _ ctx: PageContext, errors: FormErrors, newToken: String?, status: HTTPStatus)
        -> PageView
    {
        let u = m.user
        var facts = [(ctx.t(AccountText.name), u.displayName)]
        if let name = u.username { facts.append((ctx.t(AccountText.username), name)) }
        if let phone = u.phone { facts.append((ctx.t(AccountText.phone), OneTimeCodeRules.mask(phone))) }
        if u.kind == .resident {
            facts.append(
                (ctx.t(UsersText.kind), u.isVerified ? ctx.t(AccountText.verified) : ctx.t(AccountText.unverified)))
        }
        var content: [HTMLNode] = [
            Forms.summary(ctx, errors),
            C.facts(facts),
            C.section(ctx.t(AccountText.roles)) {
                if m.grants.isEmpty {
                    C.text(ctx.t(HomeText.staffNoRoles))
                } else {
                    C.list(m.grants.map { grantLabel(ctx, role: $0.grant.role, node: $0.node) })
                }
            },
            C.text(ctx.t(AccountText.sessions, String(m.sessions))),
            H.el(
                "div", [("class", "prefs")],
                [
                    Forms.button(ctx, action: Site.signOut, label: ctx.t(SignoutText.button)),
                    Forms.form(
                        ctx, action: Site.signOutEverywhere, class: "inline",
                        (m.tokens.isEmpty ? [] : TokenChoice.fields(ctx)) + [Forms.submit(ctx.t(SignoutText.all))]),
                ]),
        ]
        if u.kind == .staff {
            content += [
                H.el("h2", text: ctx.t(AccountText.passwordTitle)),
                Forms.form(
                    ctx, action: Site.accountPassword,
                    [
                        Forms.field(
                            ctx, "current", label: ctx.t(AccountText.passwordCurrent), type: "password", required: true,
                            errors: errors,
                            attributes: [("autocomplete", "current-password")]),
                        Forms.field(
                            ctx, "new", label: ctx.t(AccountText.passwordNew), type: "password", required: true,
                            errors: errors,
                            attributes: [
                                ("autocomplete", "new-password"), ("minlength", String(PasswordRules.minimumLength)),
                            ]),
                    ] + (m.tokens.isEmpty ? [] : TokenChoice.fields(ctx)) + [
                        Forms.submit(ctx.t(CommonText.save))
                    ]),
                H.el("h2", text: ctx.t(AccountText.tokensTitle)),
                C.text(ctx.t(AccountText.tokensIntro)),
                newToken.map { t in
                    H.el(
                        "div", [("role", "status")],
                        [H.el("p", text: ctx.t(AccountText.tokensCreated)), H.el("p", [("class", "token")], text: t)])
                } ?? .group([]),
                m.tokens.isEmpty
                    ? C.empty(ctx.t(AccountText.tokensNone))
                    : C.table(
                        caption: ctx.t(AccountText.tokensTitle),
                        headers: [
                            ctx.t(AccountText.tokensName), ctx.t(AccountText.tokensScope),
                            ctx.t(AccountText.tokensLastUsed), ctx.t(CommonText.actions),
                        ],
                        rows: m.tokens.map { tok in
                            [
                                .text(tok.name), .text(grantLabel(ctx, role: tok.role, node: tok.node)),
                                .text(ctx.time(tok.lastUsedAt)),
                                Forms.button(
                                    ctx, action: Site.revokeToken(tok.id!),
                                    label: ctx.t(AccountText.tokensRevoke)),
                            ]
                        }),
                Forms.form(
                    ctx, action: Site.accountTokens,
                    [
                        Forms.field(ctx, "name", label: ctx.t(AccountText.tokensName), required: true, errors: errors),
                        Forms.select(
                            ctx, "scope", label: ctx.t(AccountText.tokensScope),
                            options: m.grants.map {
                                (
                                    "\($0.grant.role.rawValue)|\($0.node?.code ?? "")",
                                    grantLabel(ctx, role: $0.grant.role, node: $0.node)
                                )
                            },
                            selected: nil, required: true, errors: errors),
                        Forms.submit(ctx.t(AccountText.tokensCreate)),
                    ]),
            ]
        }
        return PageView(title: ctx.t(AccountText.title), status: status) { content }
    }
}
