import Fluent
import Vapor
import YishiCore

/// Sign-in pages: residents by phone and code, staff by password.
struct SignInRoutes: RouteCollection {
    static let phoneCookie = "yishi_otp_phone"

    func boot(routes: any RoutesBuilder) throws {
        routes.get("signin", use: page)
        routes.post("signin", use: staff)
        routes.post("signin", "code", use: sendCode)
        routes.get("signin", "code", use: codePage)
        routes.post("signin", "verify", use: verify)
        routes.post("signin", "extend", use: extend)
        routes.post("signout", use: signOut)
        routes.post("signout", "all", use: signOutEverywhere)
    }

    struct StaffForm: Content { var username: String?; var password: String?; var next: String? }
    struct PhoneForm: Content { var phone: String?; var next: String? }
    struct CodeForm: Content { var code: String?; var next: String? }

    func page(req: Request) async throws -> Response {
        SignInPages.signIn(req.pageContext, next: nextParam(req), username: "", phone: "", errors: FormErrors())
    }

    func staff(req: Request) async throws -> Response {
        let form = try req.content.decode(StaffForm.self)
        let username = form.username?.trimmingCharacters(in: .whitespaces) ?? ""
        var errors = FormErrors()
        if username.isEmpty { errors.add("username", "field.required") }
        if (form.password ?? "").isEmpty { errors.add("password", "field.required") }
        if errors.isEmpty {
            switch try await SignIn.staff(username: username, password: form.password!, address: req.clientAddress, req: req) {
            case .success(let user):
                return try await signedIn(user, req: req, how: "password", next: form.next)
            case .wrong: errors.add("password", "signin.error.credentials")
            case .locked(let minutes): errors.add("password", "signin.error.locked", String(minutes))
            }
        }
        return SignInPages.signIn(req.pageContext, next: Preferences.safeNext(form.next ?? "/"), username: username, phone: "",
                                  errors: errors, status: .unprocessableEntity)
    }

    func sendCode(req: Request) async throws -> Response {
        let form = try req.content.decode(PhoneForm.self)
        var errors = FormErrors()
        switch try await SignIn.sendCode(phoneText: form.phone ?? "", req: req) {
        case .success(let phone):
            let res = req.redirect(to: "/signin/code?next=\(H.query(Preferences.safeNext(form.next ?? "/")))")
            res.cookies[Self.phoneCookie] = HTTPCookies.Value(string: phone, maxAge: 1800, path: "/signin", isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
            return res
        case .failure(.rateLimited): errors.add("phone", "signin.error.rate")
        default: errors.add("phone", "signin.error.phone")
        }
        return SignInPages.signIn(req.pageContext, next: Preferences.safeNext(form.next ?? "/"), username: "", phone: form.phone ?? "",
                                  errors: errors, status: errors.fields["phone"]?.key == "signin.error.rate" ? .tooManyRequests : .unprocessableEntity)
    }

    func codePage(req: Request) async throws -> Response {
        guard let phone = req.cookies[Self.phoneCookie]?.string else { return req.redirect(to: "/signin") }
        let live = try await SignIn.liveCode(phone: phone, req: req)
        return SignInPages.code(req.pageContext, phone: phone, live: live, next: nextParam(req), errors: FormErrors())
    }

    func verify(req: Request) async throws -> Response {
        guard let phone = req.cookies[Self.phoneCookie]?.string else { return req.redirect(to: "/signin") }
        let form = try req.content.decode(CodeForm.self)
        var errors = FormErrors()
        switch try await SignIn.verifyCode(phone: phone, code: (form.code ?? "").trimmingCharacters(in: .whitespaces), req: req) {
        case .success(let user):
            let res = try await signedIn(user, req: req, how: "code", next: form.next)
            res.cookies[Self.phoneCookie] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/signin")
            return res
        case .failure(.tooManyAttempts): errors.add("code", "signin.error.codeAttempts")
        default: errors.add("code", "signin.error.code")
        }
        let live = try await SignIn.liveCode(phone: phone, req: req)
        return SignInPages.code(req.pageContext, phone: phone, live: live, next: Preferences.safeNext(form.next ?? "/"), errors: errors, status: .unprocessableEntity)
    }

    func extend(req: Request) async throws -> Response {
        guard let phone = req.cookies[Self.phoneCookie]?.string else { return req.redirect(to: "/signin") }
        var errors = FormErrors()
        if case .failure(let refusal) = try await SignIn.extendCode(phone: phone, req: req) {
            errors.add("code", refusal == .extensionUsed ? "signin.error.extendUsed" : "signin.error.code")
        }
        let live = try await SignIn.liveCode(phone: phone, req: req)
        var ctx = req.pageContext
        if errors.isEmpty, let live { ctx.notice = ctx.t("signin.code.extended", ctx.time(live.expiresAt)) }
        return SignInPages.code(ctx, phone: phone, live: live, next: nextParam(req), errors: errors, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func signOut(req: Request) async throws -> Response {
        if let sid = req.principal?.sessionID { try await UserSession.query(on: req.db).filter(\.$id == sid).delete() }
        let res = req.redirect(to: "/")
        res.cookies[SessionCookie.name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        return res
    }

    /// Ends every session of the user, on every device.
    func signOutEverywhere(req: Request) async throws -> Response {
        let p = try req.requirePrincipal()
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            try await UserSession.query(on: tx).filter(\.$user.$id == p.userID).delete()
            return ((), AuditEvent(action: .accountSignOutEverywhere, targetType: "user", targetID: p.userID.uuidString, nodeID: nil))
        }
        let res = req.redirect(to: "/")
        res.cookies[SessionCookie.name] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/")
        return res
    }

    private func signedIn(_ user: User, req: Request, how: String, next: String?) async throws -> Response {
        let token = try await SignIn.startSession(for: user, req: req, how: how)
        let res = req.redirect(to: Preferences.safeNext(next ?? "/"))
        res.cookies[SessionCookie.name] = SignIn.sessionCookie(token, req)
        return res
    }

    private func nextParam(_ req: Request) -> String { Preferences.safeNext((try? req.query.get(String.self, at: "next")) ?? "/") }
}
