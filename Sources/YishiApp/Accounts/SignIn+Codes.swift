import Fluent
import SQLKit
import Vapor
import YishiCore

/// Residents' one-time codes. Every counter here changes in one statement that increments and
/// returns, so concurrent requests cannot check more guesses, sign in twice or send more SMS than allowed.
extension SignIn {
    enum CodeRefusal: Error, Sendable {
        case badPhone, rateLimited, smsBudget, wrongCode, tooManyAttempts, extensionUsed
    }

    /// A code that was sent: the normalised phone and the nonce the asking browser keeps in a cookie.
    struct SentCode: Sendable {
        var phone: String
        var browserNonce: String
    }

    /// Sends a fresh code to `phoneText` (mainland mobiles only), within the per-phone, per-address
    /// and platform-wide hourly limits.
    static func sendCode(phoneText: String, req: Request) async throws -> Result<SentCode, CodeRefusal> {
        guard let phone = OneTimeCodeRules.normalizePhone(phoneText) else { return .failure(.badPhone) }
        let now = req.now
        let phoneKey = "otp-phone:\(phone)"
        let addressKey = "otp-address:\(req.clientAddress)"
        let limits: [(key: String, limit: RateLimit)] = [
            (phoneKey, OneTimeCodeRules.perPhoneShort), (phoneKey, OneTimeCodeRules.perPhoneDay),
            (addressKey, OneTimeCodeRules.perAddress),
        ]
        guard try await RateLimiter.take(limits, now: now, on: req.writeDB) else { return .failure(.rateLimited) }
        guard try await SMSBudget.take(now: now, budget: req.settings.smsHourlyBudget, on: req.writeDB) else {
            req.logger.warning("SMS hourly budget spent: no more codes this hour")
            return .failure(.smsBudget)
        }
        let code = req.effects.random.digits(OneTimeCodeRules.digits)
        let nonce = req.effects.random.token()
        try await req.writeDB.transaction { tx in
            // A new code replaces any earlier one for the phone.
            try await OneTimeCode.query(on: tx).filter(\.$phone == phone).filter(\.$consumedAt == nil)
                .set(\.$consumedAt, to: now).update()
            let row = OneTimeCode(
                phone: phone, codeHash: sha256Hex(phone + ":" + code),
                expiresAt: now.addingTimeInterval(Double(OneTimeCodeRules.validSeconds)))
            row.browserHash = sha256Hex(nonce)
            try await row.create(on: tx)
        }
        let text = Catalog.text(SMSText.code, .zhHans, [code, String(OneTimeCodeRules.validSeconds / 60)])
        try await req.effects.sms.send(phone: phone, text: text, on: req.writeDB)
        return .success(SentCode(phone: phone, browserNonce: nonce))
    }

    /// The live code for a phone, if any.
    static func liveCode(phone: String, req: Request) async throws -> OneTimeCode? {
        try await OneTimeCode.query(on: req.db).filter(\.$phone == phone).filter(\.$consumedAt == nil)
            .filter(\.$expiresAt > req.now).sort(\.$createdAt, .descending).first()
    }

    /// The live code, if it was asked for by the browser holding `nonce`.
    static func liveCode(phone: String, browser nonce: String?, req: Request) async throws -> OneTimeCode? {
        guard let nonce, let live = try await liveCode(phone: phone, req: req),
            let hash = live.browserHash, hash == sha256Hex(nonce)
        else { return nil }
        return live
    }

    /// Gives the live code for `phone` its one extension; only the browser that asked for it may.
    static func extendCode(phone: String, browser: String?, req: Request) async throws -> Result<Date, CodeRefusal> {
        guard let live = try await liveCode(phone: phone, browser: browser, req: req) else {
            return .failure(.wrongCode)
        }
        let until = live.expiresAt.addingTimeInterval(Double(OneTimeCodeRules.extensionSeconds))
        let row = try await sql(req).raw(
            """
            UPDATE one_time_codes SET extended = \(bind: true), expires_at = \(bind: until)
            WHERE id = \(bind: try live.requireID()) AND extended = \(bind: false) AND consumed_at IS NULL
            RETURNING id
            """
        ).first()
        return row == nil ? .failure(.extensionUsed) : .success(until)
    }

    /// Checks a code; on success returns the resident's account, created on first sign-in and
    /// verified at once when the phone is on an imported household register.
    ///
    /// A guess is compared only after it took one of the code's attempts in one statement, and a
    /// right code is consumed in one statement, so a code is guessed at most `maxAttempts` times
    /// and signs in once, however many requests arrive together.
    static func verifyCode(phone: String, code: String, browser: String?, req: Request) async throws -> Result<
        User, CodeRefusal
    > {
        guard let live = try await liveCode(phone: phone, browser: browser, req: req) else {
            return .failure(.wrongCode)
        }
        let id = try live.requireID()
        guard
            let slot = try await sql(req).raw(
                """
                UPDATE one_time_codes SET attempts = attempts + 1
                WHERE id = \(bind: id) AND attempts < \(bind: OneTimeCodeRules.maxAttempts) AND consumed_at IS NULL
                RETURNING attempts
                """
            ).first()
        else { return .failure(.tooManyAttempts) }
        let used = try slot.decode(column: "attempts", as: Int.self)
        guard OneTimeCodeRules.isWellFormed(code), live.codeHash == sha256Hex(phone + ":" + code) else {
            return .failure(used >= OneTimeCodeRules.maxAttempts ? .tooManyAttempts : .wrongCode)
        }
        guard
            try await sql(req).raw(
                """
                UPDATE one_time_codes SET consumed_at = \(bind: req.now)
                WHERE id = \(bind: id) AND consumed_at IS NULL RETURNING id
                """
            ).first() != nil
        else { return .failure(.wrongCode) }
        if let user = try await User.query(on: req.db).filter(\.$phone == phone).first() { return .success(user) }
        return .success(try await Residents.registerBySignIn(phone: phone, by: req.caller))
    }

    private static func sql(_ req: Request) -> any SQLDatabase { req.writeDB as! any SQLDatabase }
}

/// The platform-wide hourly SMS budget, counted in one row per hour (a guard against SMS pumping
/// that per-phone and per-address limits cannot stop).
enum SMSBudget {
    /// Counts one message for the current hour in one statement; false when the hour's budget is spent.
    static func take(now: Date, budget: Int, on db: any Database) async throws -> Bool {
        let hour = Int64(now.timeIntervalSince1970 / 3600)
        let row = try await (db as! any SQLDatabase).raw(
            """
            INSERT INTO sms_hourly_counts (hour, sent) VALUES (\(bind: hour), 1)
            ON CONFLICT (hour) DO UPDATE SET sent = sms_hourly_counts.sent + 1
            RETURNING sent
            """
        ).first()
        let sent = try row?.decode(column: "sent", as: Int.self) ?? Int.max
        return sent <= budget
    }

    /// Sent this hour (for tests and the operator).
    static func sent(now: Date, on db: any Database) async throws -> Int {
        let hour = Int64(now.timeIntervalSince1970 / 3600)
        let row = try await (db as! any SQLDatabase).raw(
            "SELECT sent FROM sms_hourly_counts WHERE hour = \(bind: hour)"
        ).first()
        return try row?.decode(column: "sent", as: Int.self) ?? 0
    }
}
