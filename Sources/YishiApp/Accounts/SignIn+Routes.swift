import Fluent
import Vapor
import YishiCore

/// Sign-in pages: residents by phone and code, staff by password.
struct SignInRoutes: RouteCollection {
    static let phoneCookie = "yishi_otp_phone"
    /// The nonce that makes this browser the owner of the code it asked for (only its hash is stored).
    static let browserCookie = "yishi_otp_browser"

    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.signIn.pathComponents, use: page)
        routes.post(Site.signIn.pathComponents, use: staff)
        routes.post(Site.signInCode.pathComponents, use: sendCode)
        routes.get(Site.signInCode.pathComponents, use: codePage)
        routes.post(Site.signInVerify.pathComponents, use: verify)
        routes.post(Site.signInExtend.pathComponents, use: extend)
        routes.post(Site.signOut.pathComponents, use: signOut)
        routes.post(Site.signOutEverywhere.pathComponents, use: signOutEverywhere)
    }

    struct StaffForm: Content {
        var username: String?
        var password: String?
        var next: String?
    }
    struct PhoneForm: Content {
        var phone: String?
        var next: String?
    }
    struct CodeForm: Content {
        var code: String?
        var next: String?
    }

    func page(req: Request) async throws -> Response {
        req.render(
            SignInPages.signIn(req.pageContext, next: nextParam(req), username: "", phone: "", errors: FormErrors()))
    }

    func staff(req: Request) async throws -> Response {
        let form = try req.content.decode(StaffForm.self)
        let username = form.username?.trimmingCharacters(in: .whitespaces) ?? ""
        var errors = FormErrors()
        if username.isEmpty { errors.add("username", FieldText.requiredText.key) }
        if (form.password ?? "").isEmpty { errors.add("password", FieldText.requiredText.key) }
        if errors.isEmpty {
            switch try await SignIn.staff(
                username: username, password: form.password!, address: req.clientAddress, req: req)
            {
            case .success(let user):
                return try await signedIn(user, req: req, how: "password", next: form.next)
            case .refused: errors.add("password", SignInText.errorCredentials.key)
            case .held(let minutes): errors.add("password", SignInText.errorLocked.key, String(minutes))
            }
        }
        return req.render(
            SignInPages.signIn(
                req.pageContext, next: Preferences.safeNext(form.next ?? Site.home), username: username, phone: "",
                errors: errors, status: .unprocessableEntity))
    }

    func sendCode(req: Request) async throws -> Response {
        let form = try req.content.decode(PhoneForm.self)
        var errors = FormErrors()
        switch try await SignIn.sendCode(phoneText: form.phone ?? "", req: req) {
        case .success(let sent):
            let res = req.redirect(
                to: "\(Site.signInCode)?next=\(H.query(Preferences.safeNext(form.next ?? Site.home)))")
            res.cookies[Self.phoneCookie] = signInCookie(sent.phone, req)
            res.cookies[Self.browserCookie] = signInCookie(sent.browserNonce, req)
            return res
        case .failure(.rateLimited): errors.add("phone", SignInText.errorRate.key)
        case .failure(.smsBudget): errors.add("phone", SignInText.errorSmsBudget.key)
        default: errors.add("phone", SignInText.errorPhone.key)
        }
        let limited = [SignInText.errorRate.key, SignInText.errorSmsBudget.key].contains(
            errors.fields["phone"]?.key ?? "")
        return req.render(
            SignInPages.signIn(
                req.pageContext, next: Preferences.safeNext(form.next ?? Site.home), username: "",
                phone: form.phone ?? "",
                errors: errors, status: limited ? .tooManyRequests : .unprocessableEntity))
    }

    func codePage(req: Request) async throws -> Response {
        guard let phone = req.cookie(Self.phoneCookie) else { return req.redirect(to: Site.signIn) }
        let live = try await SignIn.liveCode(phone: phone, browser: browser(req), req: req)
        return req.render(
            SignInPages.code(
                req.pageContext, phone: phone, live: live, next: nextParam(req), errors: FormErrors(),
                outbox: req.settings.developmentPages))
    }

    func verify(req: Request) async throws -> Response {
        guard let phone = req.cookie(Self.phoneCookie) else { return req.redirect(to: Site.signIn) }
        let form = try req.content.decode(CodeForm.self)
        var errors = FormErrors()
        let code = (form.code ?? "").trimmingCharacters(in: .whitespaces)
        switch try await SignIn.verifyCode(phone: phone, code: code, browser: browser(req), req: req) {
        case .success(let user):
            let res = try await signedIn(user, req: req, how: "code", next: form.next)
            for name in [Self.phoneCookie, Self.browserCookie] {
                res.cookies[name] = HTTPCookies.Value(
                    string: "", expires: Date(timeIntervalSince1970: 0), path: Site.signIn)
            }
            return res
        case .failure(.tooManyAttempts): errors.add("code", SignInText.errorCodeAttempts.key)
        default: errors.add("code", SignInText.errorCode.key)
        }
        let live = try await SignIn.liveCode(phone: phone, browser: browser(req), req: req)
        return req.render(
            SignInPages.code(
                req.pageContext, phone: phone, live: live, next: Preferences.safeNext(form.next ?? Site.home),
                errors: errors,
                status: .unprocessableEntity))
    }

    func extend(req: Request) async throws -> Response {
        guard let phone = req.cookie(Self.phoneCookie) else { return req.redirect(to: Site.signIn) }
        var errors = FormErrors()
        if case .failure(let refusal) = try await SignIn.extendCode(phone: phone, browser: browser(req), req: req) {
            errors.add("code", refusal == .extensionUsed ? SignInText.errorExtendUsed.key : SignInText.errorCode.key)
        }
        let live = try await SignIn.liveCode(phone: phone, browser: browser(req), req: req)
        var ctx = req.pageContext
        if errors.isEmpty, let live { ctx.notice = ctx.t(SignInText.codeExtended, ctx.time(live.expiresAt)) }
        return req.render(
            SignInPages.code(
                ctx, phone: phone, live: live, next: nextParam(req), errors: errors,
                status: errors.isEmpty ? .ok : .unprocessableEntity), context: ctx)
    }

    func signOut(req: Request) async throws -> Response {
        if let sid = req.principal?.sessionID {
            try await UserSession.query(on: req.writeDB).filter(\.$id == sid).delete()
            PrincipalCache.shared.clear()
        }
        let res = req.redirect(to: Site.home)
        res.cookies[SessionCookie.name] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        return res
    }

    /// Ends every session of the user, on every device, and (unless they unticked it) their API tokens.
    func signOutEverywhere(req: Request) async throws -> Response {
        let p = try Accounts.requireBrowserSession(req)
        let revokeTokens = TokenChoice.revokes(req)
        let now = req.now
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            try await UserSession.query(on: tx).filter(\.$user.$id == p.userID).delete()
            let revoked = revokeTokens ? try await Accounts.revokeAllTokens(of: p.userID, now: now, on: tx) : 0
            return (
                (),
                AuditEvent(
                    action: .accountSignOutEverywhere, targetType: "user", targetID: p.userID.uuidString, nodeID: nil,
                    details: ["tokensRevoked": String(revoked)])
            )
        }
        let res = req.redirect(to: Site.home)
        res.cookies[SessionCookie.name] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        return res
    }

    private func signedIn(_ user: User, req: Request, how: String, next: String?) async throws -> Response {
        let token = try await SignIn.startSession(for: user, req: req, how: how)
        var target = Preferences.safeNext(next ?? Site.home)
        if target == Site.home, let landing = try await Self.landing(for: user, on: req.db) { target = landing }
        let res = req.redirect(to: target)
        res.cookies[SessionCookie.name] = SignIn.sessionCookie(token, req)
        return res
    }

    /// Where a person lands when no page was asked for: a planner on the life circle of the place
    /// they plan for (their work starts there); everyone else on the home page.
    static func landing(for user: User, on db: any Database) async throws -> String? {
        guard user.kind == .staff else { return nil }
        let grants = try await RoleGrant.query(on: db).filter(\.$user.$id == user.requireID()).with(\.$node).all()
        guard !grants.isEmpty, grants.allSatisfy({ $0.role == .planner }), let node = grants.first?.node else {
            return nil
        }
        return Site.lifeCircle(node.code)
    }

    private func browser(_ req: Request) -> String? { req.cookie(Self.browserCookie) }

    private func signInCookie(_ value: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: 1800, path: Site.signIn, isSecure: req.settings.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
    }

    private func nextParam(_ req: Request) -> String {
        Preferences.safeNext((try? req.query.get(String.self, at: "next")) ?? "/")
    }
}
