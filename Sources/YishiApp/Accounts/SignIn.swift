import Fluent
import Vapor
import YishiCore

/// Signing in: staff by password with back-off, residents by one-time code. No HTTP here.
enum SignIn {
    enum StaffOutcome: Sendable { case success(User), wrong, locked(minutes: Int) }

    /// Per address: at most 30 failed staff sign-ins in 15 minutes.
    static let perAddressFailures = RateLimit(max: 30, windowSeconds: 900)

    static func staff(username: String, password: String, address: String, req: Request) async throws -> StaffOutcome {
        let now = req.now
        let addressKey = "signin-fail:\(address)"
        guard try await RateLimiter.allows([(addressKey, perAddressFailures)], now: now, on: req.db) else {
            return .locked(minutes: perAddressFailures.windowSeconds / 60)
        }
        guard let user = try await User.query(on: req.db).filter(\.$username == username).filter(\.$kind == .staff).first(),
              let hash = user.passwordHash else {
            _ = try? await req.password.async.verify(password, created: dummyHash)
            try await RateLimiter.record([addressKey], now: now, on: req.db)
            return .wrong
        }
        if let until = user.lockedUntil, until > now {
            return .locked(minutes: Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        }
        guard try await req.password.async.verify(password, created: hash) else {
            user.failedLogins += 1
            let lock = PasswordRules.lockSeconds(afterFailures: user.failedLogins)
            user.lockedUntil = lock > 0 ? now.addingTimeInterval(Double(lock)) : nil
            try await user.save(on: req.db)
            try await RateLimiter.record([addressKey], now: now, on: req.db)
            return lock > 0 ? .locked(minutes: max(1, lock / 60)) : .wrong
        }
        if user.failedLogins != 0 || user.lockedUntil != nil {
            user.failedLogins = 0
            user.lockedUntil = nil
            try await user.save(on: req.db)
        }
        return .success(user)
    }

    /// A bcrypt hash to verify against when the username is unknown, so timing does not tell.
    private static let dummyHash = (try? Bcrypt.hash("yishi-timing-equaliser")) ?? ""

    /// Creates a session for `user` in the same transaction as its audit entry; returns the cookie token.
    static func startSession(for user: User, req: Request, how: String) async throws -> String {
        let token = req.effects.random.token()
        let uid = try user.requireID()
        let expires = req.now.addingTimeInterval(SessionCookie.lifetime)
        try await AuditLog.transaction(on: req.db, actor: AuditActor(id: uid, label: user.displayName), time: req.effects.time) { tx in
            try await UserSession(tokenHash: sha256Hex(token), userID: uid, expiresAt: expires).create(on: tx)
            return ((), AuditEvent(action: .accountSignIn, targetType: "user", targetID: uid.uuidString, nodeID: nil,
                                   details: ["method": how]))
        }
        return token
    }

    static func sessionCookie(_ token: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(string: token, maxAge: Int(SessionCookie.lifetime), path: "/", isSecure: req.settings.secureCookies,
                          isHTTPOnly: true, sameSite: .lax)
    }

    // MARK: One-time codes

    enum CodeRefusal: Error, Sendable { case badPhone, rateLimited, wrongCode, tooManyAttempts, extensionUsed }

    /// Sends a fresh code to `phoneText`; returns the normalised phone.
    static func sendCode(phoneText: String, req: Request) async throws -> Result<String, CodeRefusal> {
        guard let phone = OneTimeCodeRules.normalizePhone(phoneText) else { return .failure(.badPhone) }
        let now = req.now
        let phoneKey = "otp-phone:\(phone)", addressKey = "otp-address:\(req.clientAddress)"
        let limits: [(key: String, limit: RateLimit)] = [(phoneKey, OneTimeCodeRules.perPhoneShort), (phoneKey, OneTimeCodeRules.perPhoneDay),
                                                         (addressKey, OneTimeCodeRules.perAddress)]
        guard try await RateLimiter.allows(limits, now: now, on: req.db) else { return .failure(.rateLimited) }
        let code = req.effects.random.digits(OneTimeCodeRules.digits)
        try await req.db.transaction { tx in
            // A new code replaces any earlier one for the phone.
            try await OneTimeCode.query(on: tx).filter(\.$phone == phone).filter(\.$consumedAt == nil).set(\.$consumedAt, to: now).update()
            try await OneTimeCode(phone: phone, codeHash: sha256Hex(phone + ":" + code),
                                  expiresAt: now.addingTimeInterval(Double(OneTimeCodeRules.validSeconds))).create(on: tx)
            try await RateLimiter.record([phoneKey, addressKey], now: now, on: tx)
        }
        let text = Catalog.text("sms.code", .zhHans, [code, String(OneTimeCodeRules.validSeconds / 60)])
        try await req.effects.sms.send(phone: phone, text: text, on: req.db)
        return .success(phone)
    }

    /// The live code for a phone, if any.
    static func liveCode(phone: String, req: Request) async throws -> OneTimeCode? {
        try await OneTimeCode.query(on: req.db).filter(\.$phone == phone).filter(\.$consumedAt == nil)
            .filter(\.$expiresAt > req.now).sort(\.$createdAt, .descending).first()
    }

    /// Gives the live code for `phone` its one extension.
    static func extendCode(phone: String, req: Request) async throws -> Result<Date, CodeRefusal> {
        guard let code = try await liveCode(phone: phone, req: req) else { return .failure(.wrongCode) }
        guard !code.extended else { return .failure(.extensionUsed) }
        code.extended = true
        code.expiresAt = code.expiresAt.addingTimeInterval(Double(OneTimeCodeRules.extensionSeconds))
        try await code.save(on: req.db)
        return .success(code.expiresAt)
    }

    /// Checks a code; on success returns the resident's account, created on first sign-in and
    /// verified at once when the phone is on an imported household register.
    static func verifyCode(phone: String, code: String, req: Request) async throws -> Result<User, CodeRefusal> {
        guard let live = try await liveCode(phone: phone, req: req) else { return .failure(.wrongCode) }
        guard live.attempts < OneTimeCodeRules.maxAttempts else { return .failure(.tooManyAttempts) }
        guard OneTimeCodeRules.isWellFormed(code), live.codeHash == sha256Hex(phone + ":" + code) else {
            live.attempts += 1
            try await live.save(on: req.db)
            return .failure(live.attempts >= OneTimeCodeRules.maxAttempts ? .tooManyAttempts : .wrongCode)
        }
        live.consumedAt = req.now
        try await live.save(on: req.db)
        if let user = try await User.query(on: req.db).filter(\.$phone == phone).first() { return .success(user) }
        let user = try await Residents.registerBySignIn(phone: phone, req: req)
        return .success(user)
    }
}
