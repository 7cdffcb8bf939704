import Fluent
import NIOConcurrencyHelpers
import SQLKit
import Vapor
import YishiCore

/// Signing in: staff by password with back-off, residents by one-time code. No HTTP here.
enum SignIn {
    /// `refused` is one answer for a wrong password, an unknown username and a locked account, so
    /// the answer never tells which usernames exist. `held` is the per-address hold, which does not
    /// depend on the username.
    enum StaffOutcome: Sendable {
        case success(User)
        case refused
        case held(minutes: Int)
    }

    /// Per address: at most 30 failed staff sign-ins in 15 minutes.
    static let perAddressFailures = RateLimit(max: 30, windowSeconds: 900)

    /// Every path does one bcrypt verification and at most a couple of writes, so known and unknown
    /// usernames take the same time. Failures are counted in one statement that also sets the lock,
    /// and the lock is checked after counting (a right password during a lock is refused).
    static func staff(username: String, password: String, address: String, req: Request) async throws -> StaffOutcome {
        let now = req.now
        let addressKey = "signin-fail:\(address)"
        guard try await RateLimiter.allows([(addressKey, perAddressFailures)], now: now, on: req.db) else {
            return .held(minutes: perAddressFailures.windowSeconds / 60)
        }
        let user = try await User.query(on: req.db).filter(\.$username == username).filter(\.$kind == .staff).first()
        let cost = req.settings.passwordCost
        let hash = user?.passwordHash ?? dummyHash(cost: cost)
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let user, user.passwordHash != nil, matches else {
            // An unknown username runs the same statement on no row, so both take the same path.
            _ = try await countFailure(userID: user?.id ?? UUID(), now: now, on: req.writeDB)
            try await RateLimiter.record([addressKey], now: now, on: req.writeDB)
            return .refused
        }
        guard try await admit(userID: try user.requireID(), now: now, req: req) else { return .refused }
        if let stored = user.passwordHash, bcryptCost(stored) != cost {
            // Made with another work factor (an older setting): made again with today's.
            let remade = try await req.password.async.hash(password)
            try await User.query(on: req.writeDB).filter(\.$id == user.requireID()).filter(\.$passwordHash == stored)
                .set(\.$passwordHash, to: remade).update()
            user.passwordHash = remade
        }
        user.failedLogins = 0
        user.lockedUntil = nil
        return .success(user)
    }

    /// A bcrypt hash of the configured work factor to verify against when the username is unknown,
    /// so timing does not tell. Made once per factor.
    static func dummyHash(cost: Int) -> String {
        dummyHashes.withLockedValue { made in
            if let h = made[cost] { return h }
            let h = (try? Bcrypt.hash("yishi-timing-equaliser", cost: cost)) ?? ""
            made[cost] = h
            return h
        }
    }
    private static let dummyHashes = NIOLockedValueBox<[Int: String]>([:])

    /// The work factor written in a bcrypt hash (`$2b$10$…`); nil for anything else.
    static func bcryptCost(_ hash: String) -> Int? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0].hasPrefix("2") else { return nil }
        return Int(parts[1])
    }

    /// Adds one failure and sets the lock it earns, in one statement; returns the new count.
    /// The lock times are computed here and bound, so the SQL is the same on SQLite and PostgreSQL.
    static func countFailure(userID: UUID, now: Date, on db: any Database) async throws -> Int {
        let first = PasswordRules.freeFailures
        let last = first + 6
        func until(_ n: Int) -> Date { now.addingTimeInterval(Double(PasswordRules.lockSeconds(afterFailures: n))) }
        // Below `first` failures the lock stays as it is; beyond `last` every failure earns the longest.
        var lock: SQLQueryString = "CASE WHEN failed_logins + 1 < \(literal: first) THEN locked_until"
        for n in first..<last { lock += " WHEN failed_logins + 1 = \(literal: n) THEN \(bind: until(n))" }
        lock += " ELSE \(bind: until(last)) END"
        let row = try await (db as! any SQLDatabase).raw(
            """
            UPDATE users SET failed_logins = failed_logins + 1, locked_until = \(lock)
            WHERE id = \(bind: userID) RETURNING failed_logins
            """
        ).first()
        return try row?.decode(column: "failed_logins", as: Int.self) ?? 0
    }

    /// Clears the failure count after a right password, unless the account is locked now; in one
    /// statement, so a failure counted meanwhile cannot be lost. False: locked, refuse.
    /// After a right password: refused when the account is locked now (failures counted while the
    /// password was checked set the lock), and earlier failures are cleared. It reads first: most
    /// sign-ins have nothing to clear, and then write nothing (one write fewer to queue for).
    static func admit(userID: UUID, now: Date, req: Request) async throws -> Bool {
        guard
            let row = try await (req.db as! any SQLDatabase).raw(
                """
                SELECT failed_logins AS failures,
                       CASE WHEN locked_until IS NULL THEN 0 WHEN locked_until <= \(bind: now) THEN 1 ELSE 2 END AS lock
                FROM users WHERE id = \(bind: userID)
                """
            ).first()
        else { return false }
        switch try row.decode(column: "lock", as: Int.self) {
        case 2: return false
        case 0 where try row.decode(column: "failures", as: Int.self) == 0: return true
        default: return try await resetIfUnlocked(userID: userID, now: now, on: req.writeDB)
        }
    }

    static func resetIfUnlocked(userID: UUID, now: Date, on db: any Database) async throws -> Bool {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw(
            """
            UPDATE users SET failed_logins = 0, locked_until = NULL
            WHERE id = \(bind: userID) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            RETURNING id
            """
        ).first()
        return row != nil
    }

    /// Creates a session for `user` in the same transaction as its audit entry; returns the cookie token.
    static func startSession(for user: User, req: Request, how: String) async throws -> String {
        let token = req.effects.random.token()
        let uid = try user.requireID()
        let expires = req.now.addingTimeInterval(SessionCookie.lifetime)
        let actor = AuditActor(id: uid, label: user.displayName)
        try await AuditLog.transaction(on: req.db, actor: actor, time: req.effects.time) { tx in
            try await UserSession(tokenHash: sha256Hex(token), userID: uid, expiresAt: expires).create(on: tx)
            return (
                (),
                AuditEvent(
                    action: .accountSignIn, targetType: "user", targetID: uid.uuidString, nodeID: nil,
                    details: ["method": how], changesReads: false)
            )
        }
        return token
    }

    static func sessionCookie(_ token: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, maxAge: Int(SessionCookie.lifetime), path: "/", isSecure: req.settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
    }
}
