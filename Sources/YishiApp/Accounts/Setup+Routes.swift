import Fluent
import Vapor
import YishiCore

/// The first administrator: a one-time link printed at start on an empty database.
enum FirstAdmin {
    static let lifetime: TimeInterval = 24 * 3600

    /// On a database with no users, makes a new single-use link (24 h) and returns its path.
    static func issueLinkIfNeeded(on db: any Database, effects: SideEffects) async throws -> String? {
        guard try await User.query(on: db).count() == 0 else { return nil }
        let token = effects.random.token()
        try await SetupToken(tokenHash: sha256Hex(token), expiresAt: effects.time.now().addingTimeInterval(lifetime))
            .create(on: db)
        return Site.setup(token)
    }

    static func liveToken(_ token: String, req: Request) async throws -> SetupToken? {
        guard let row = try await SetupToken.query(on: req.db).filter(\.$tokenHash == sha256Hex(token)).first(),
            row.usedAt == nil, row.expiresAt > req.now,
            try await User.query(on: req.db).count() == 0
        else { return nil }
        return row
    }
}

struct SetupRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.setup.pathComponents, use: page)
        routes.post(Site.Pattern.setup.pathComponents, use: create)
    }

    struct Form: Content {
        var username: String?
        var displayName: String?
        var password: String?
    }

    func page(req: Request) async throws -> Response {
        guard try await FirstAdmin.liveToken(req.parameters.get("token") ?? "", req: req) != nil else {
            return invalid(req)
        }
        return req.render(view(req.pageContext, form: Form(), errors: FormErrors()))
    }

    func create(req: Request) async throws -> Response {
        guard let row = try await FirstAdmin.liveToken(req.parameters.get("token") ?? "", req: req) else {
            return invalid(req)
        }
        let form = try req.content.decode(Form.self)
        var errors = FormErrors()
        let username = (form.username ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        if !UserAdmin.isValidUsername(username) { errors.add("username", FieldText.invalid.key) }
        let name = (form.displayName ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.add("displayName", FieldText.requiredText.key) }
        if !PasswordRules.isAcceptable(form.password ?? "") { errors.add("password", FieldText.password.key) }
        guard errors.isEmpty else {
            return req.render(view(req.pageContext, form: form, errors: errors, status: .unprocessableEntity))
        }
        let hash = try await req.password.async.hash(form.password!)
        let now = req.now
        let user = User.staff(username: username, passwordHash: hash, displayName: name, enteredBy: nil)
        try await AuditLog.transaction(on: req.db, actor: AuditActor(id: nil, label: "setup"), time: req.effects.time) {
            tx in
            row.usedAt = now
            try await row.save(on: tx)
            try await user.create(on: tx)
            try await RoleGrant(userID: try user.requireID(), role: .platformAdmin, nodeID: nil, grantedBy: nil).create(
                on: tx)
            return (
                (),
                AuditEvent(
                    action: .setupFirstAdmin, targetType: "user", targetID: try user.requireID().uuidString,
                    nodeID: nil,
                    details: ["username": username])
            )
        }
        let token = try await SignIn.startSession(for: user, req: req, how: "setup")
        let res = req.redirect(to: Site.home)
        res.cookies[SessionCookie.name] = SignIn.sessionCookie(token, req)
        return res
    }

    func invalid(_ req: Request) -> Response { req.render(Self.invalidView(req.pageContext)) }

    /// A used, expired or unknown set-up link.
    static func invalidView(_ ctx: PageContext) -> PageView {
        PageView(title: ctx.t(SetupText.title), status: .notFound) {
            C.notice(ctx.t(SetupText.invalid), tone: .warning)
        }
    }

    func view(_ ctx: PageContext, form: Form, errors: FormErrors, status: HTTPStatus = .ok) -> PageView {
        PageView(title: ctx.t(SetupText.title), status: status) {
            [
                Forms.summary(ctx, errors),
                H.el("p", text: ctx.t(SetupText.intro)),
                Forms.form(
                    ctx, action: ctx.here,
                    [
                        Forms.field(
                            ctx, "username", label: ctx.t(AccountText.username), value: form.username ?? "",
                            required: true, errors: errors,
                            attributes: [("autocomplete", "username")]),
                        Forms.field(
                            ctx, "displayName", label: ctx.t(UsersText.displayName), value: form.displayName ?? "",
                            required: true, errors: errors),
                        Forms.field(
                            ctx, "password", label: ctx.t(AccountText.passwordNew), type: "password", required: true,
                            errors: errors,
                            attributes: [("autocomplete", "new-password")]),
                        Forms.submit(ctx.t(CommonText.save)),
                    ]),
            ]
        }
    }
}

/// Development only: the codes the outbox sender "sent". Not registered in production.
struct OutboxRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.outbox.pathComponents, use: page)
    }

    /// Only for the machine the server runs on: the codes it shows sign anyone in.
    func page(req: Request) async throws -> Response {
        guard req.peerIsLoopback else { throw YishiError.notFound }
        let messages = try await OutboxMessage.query(on: req.db).sort(\.$sentAt, .descending).limit(50).all()
        return req.render(Self.view(messages.map { ($0.sentAt, $0.phone, $0.body) }, req.pageContext))
    }

    static func view(_ messages: [(at: Date?, phone: String, body: String)], _ ctx: PageContext) -> PageView {
        PageView(title: ctx.t(OutboxText.title)) {
            H.el("p", text: ctx.t(OutboxText.intro))
            if messages.isEmpty {
                C.empty(ctx.t(OutboxText.noneText))
            } else {
                C.table(
                    caption: ctx.t(OutboxText.title),
                    headers: [ctx.t(AuditText.at), ctx.t(SignInText.phone), ctx.t(AuditText.details)],
                    rows: messages.map { [.text(ctx.time($0.at)), .text($0.phone), .text($0.body)] })
            }
        }
    }
}
