import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Lock-outs, code attempts and limits hold when requests arrive together (issue 14, findings 3, 5, 10).
@Suite("Accounts: sign-in under concurrency")
struct SignInConcurrencyTests {
    func user(_ username: String, _ db: any Database) async throws -> User {
        try #require(try await User.query(on: db).filter(\.$username == username).first())
    }

    func lastCode(_ phone: String, _ db: any Database) async throws -> String {
        let m = try #require(
            try await OutboxMessage.query(on: db).filter(\.$phone == phone).sort(\.$sentAt, .descending).first())
        return String(m.body.filter(\.isNumber).prefix(6))
    }

    /// A second browser holding the same cookies (each task needs its own, Browser is not shared).
    func copy(_ b: Browser) -> Browser {
        let c = Browser(b.app)
        c.cookies = b.cookies
        return c
    }

    @Test func fiftyConcurrentWrongPasswordsAreAllCountedAndLock() async throws {
        try await withYishi(demo: true) { t in
            // Each from its own address, so the per-address hold does not stop any of them.
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<50 {
                    group.addTask {
                        let req = Request(application: t.app, on: t.app.eventLoopGroup.next())
                        let outcome = try await SignIn.staff(
                            username: "baolin1", password: "wrong-password-\(i)",
                            address: "198.51.100.\(i)", req: req)
                        if case .refused = outcome { return "refused" }
                        return "other"
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes == Array(repeating: "refused", count: 50))
            let u = try await user("baolin1", t.db)
            #expect(u.failedLogins == 50, "no failure is lost")
            #expect((u.lockedUntil ?? .distantPast) > t.clock.now(), "the account is locked")
            let b = Browser(t.app)
            let right = try await b.post("/signin", ["username": "baolin1", "password": DemoLoader.password])
            #expect(right.status == .unprocessableEntity, "the right password is refused during the lock")
            #expect(b.cookies[SessionCookie.name] == nil)
            #expect(
                try await user("baolin1", t.db).failedLogins == 50, "a refused right password does not reset the count")
            t.clock.advance(Double(PasswordRules.lockSeconds(afterFailures: 50)) + 1)
            try await b.signIn("baolin1")
            #expect(try await user("baolin1", t.db).failedLogins == 0)
        }
    }

    @Test func wrongAndRightPasswordsTogetherGiveNo500() async throws {
        try await withYishi(demo: true) { t in
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<51 {
                    group.addTask {
                        let password = i == 25 ? DemoLoader.password : "wrong-password"
                        return try await Browser(t.app).post("/signin", ["username": "baolin1", "password": password])
                            .status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 303 || $0 == 422 }, "only 303 or 422: \(statuses.sorted())")
            let u = try await user("baolin1", t.db)
            // A held answer needs 30 recorded failures, each counted on the account first; a right
            // password resets only before the fifth. So whatever the order: counted, and locked.
            #expect(u.failedLogins >= PasswordRules.freeFailures)
            #expect((u.lockedUntil ?? .distantPast) > t.clock.now())
        }
    }

    @Test func fiftyConcurrentSignInsGiveNo500() async throws {
        try await withYishi(demo: true) { t in
            let answers = try await withThrowingTaskGroup(of: (UInt, String).self) { group in
                for i in 0..<50 {
                    group.addTask {
                        let username = ["baolin1", "admin", "youyilu", "baoshan"][i % 4]
                        let res = try await Browser(t.app).post(
                            "/signin", ["username": username, "password": DemoLoader.password])
                        return (res.status.code, res.status.code >= 500 ? res.text : "")
                    }
                }
                return try await group.reduce(into: [(UInt, String)]()) { $0.append($1) }
            }
            let statuses = answers.map(\.0)
            #expect(
                statuses.allSatisfy { $0 < 500 },
                "no 5xx: \(statuses.sorted()) \(answers.map(\.1).filter { !$0.isEmpty }.prefix(2))")
            #expect(statuses.filter { $0 == 303 }.count == 50, "every sign-in succeeds: \(statuses.sorted())")
        }
    }

    @Test func thirtyConcurrentCodeGuessesUseExactlyFiveAttempts() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            #expect(try await b.post("/signin/code", ["phone": "13700000001"]).status == .seeOther)
            let code = try await lastCode("13700000001", t.db)
            let wrong = code == "000000" ? "111111" : "000000"
            let texts = try await withThrowingTaskGroup(of: (UInt, String).self) { group in
                for _ in 0..<30 {
                    let c = copy(b)
                    group.addTask {
                        let res = try await c.post("/signin/verify", ["code": wrong])
                        return (res.status.code, res.text)
                    }
                }
                return try await group.reduce(into: [(UInt, String)]()) { $0.append($1) }
            }
            #expect(texts.allSatisfy { $0.0 == 422 })
            let tooMany = Catalog.text(SignInText.errorCodeAttempts, .zhHans)
            let wrongText = Catalog.text(SignInText.errorCode, .zhHans)
            #expect(
                texts.filter { $0.1.contains(wrongText) }.count == OneTimeCodeRules.maxAttempts - 1,
                "four wrong, then too many")
            #expect(texts.filter { $0.1.contains(tooMany) }.count == 30 - (OneTimeCodeRules.maxAttempts - 1))
            let row = try #require(try await OneTimeCode.query(on: t.db).filter(\.$phone == "13700000001").first())
            #expect(row.attempts == OneTimeCodeRules.maxAttempts)
            #expect(
                try await b.post("/signin/verify", ["code": code]).status == .unprocessableEntity,
                "the right code no longer works")
        }
    }

    @Test func oneCodeSignsInOnce() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            _ = try await b.post("/signin/code", ["phone": "13700000002"])
            let code = try await lastCode("13700000002", t.db)
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<4 {
                    let c = copy(b)
                    group.addTask { try await c.post("/signin/verify", ["code": code]).status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 303 }.count == 1, "one sign-in per code: \(statuses)")
            #expect(statuses.allSatisfy { $0 == 303 || $0 == 422 })
            #expect(try await UserSession.query(on: t.db).count() == 1)
        }
    }

    @Test func aCodeBelongsToTheBrowserThatAskedForIt() async throws {
        try await withYishi { t in
            let owner = Browser(t.app)
            _ = try await owner.post("/signin/code", ["phone": "13700000003"])
            let code = try await lastCode("13700000003", t.db)
            // Another browser that knows the phone (and even the code) cannot extend or use it.
            let other = Browser(t.app)
            other.cookies[SignInRoutes.phoneCookie] = "13700000003"
            #expect(try await other.post("/signin/extend").status == .unprocessableEntity)
            other.cookies[SignInRoutes.browserCookie] = "guessed-nonce"
            #expect(try await other.post("/signin/extend").status == .unprocessableEntity)
            #expect(try await other.post("/signin/verify", ["code": code]).status == .unprocessableEntity)
            let row = try #require(try await OneTimeCode.query(on: t.db).filter(\.$phone == "13700000003").first())
            #expect(!row.extended && row.attempts == 0, "nothing of the owner's code was used")
            #expect(try await owner.post("/signin/extend").status == .ok)
            #expect(try await owner.post("/signin/verify", ["code": code]).status == .seeOther)
        }
    }

    @Test func unknownAndKnownUsernamesGetTheSameAnswers() async throws {
        try await withYishi(demo: true) { t in
            var known: [(UInt, String)] = []
            var unknown: [(UInt, String)] = []
            for _ in 0..<7 {
                let a = try await Browser(t.app).post("/signin", ["username": "baolin1", "password": "wrong-password"])
                let b = try await Browser(t.app).post("/signin", ["username": "nobody1", "password": "wrong-password"])
                known.append((a.status.code, errorText(a.text)))
                unknown.append((b.status.code, errorText(b.text)))
            }
            #expect(known.map(\.0) == unknown.map(\.0))
            #expect(
                known.map(\.1) == unknown.map(\.1), "the same words for a locked account and a name that does not exist"
            )
            #expect(!known.contains { $0.1.contains("分钟后再试") })
            // The right password of the locked account: the same answer again.
            let locked = try await Browser(t.app).post(
                "/signin", ["username": "baolin1", "password": DemoLoader.password])
            #expect(locked.status.code == unknown[0].0 && errorText(locked.text) == unknown[0].1)
        }
    }

    /// The error texts on a page (what `Forms` puts next to the fields and in the summary).
    func errorText(_ html: String) -> String {
        let credentials = Catalog.text(SignInText.errorCredentials, .zhHans)
        let locked = Catalog.text(SignInText.errorLocked, .zhHans, ["1"]).prefix(6)
        return [credentials, String(locked)].filter { html.contains($0) }.joined(separator: "|")
    }

    @Test func forwardedForFromAnUntrustedPeerLiftsNoLimit() async throws {
        try await withYishi { t in
            var last: HTTPStatus = .ok
            for i in 0...OneTimeCodeRules.perAddress.max {
                let b = Browser(t.app)
                let phone = "1370000\(String(format: "%04d", 100 + i))"
                last = try await b.send(
                    .POST, "/signin/code",
                    headers: ["X-Forwarded-For": "203.0.113.\(i)", "Forwarded": "for=1.2.3.\(i)"],
                    body: ByteBuffer(string: "phone=\(phone)&_csrf=\(b.csrf)"), contentType: .urlEncodedForm
                ).status
            }
            #expect(last == .tooManyRequests, "the 21st code from one socket address is refused")
        }
    }

    @Test func concurrentCodeRequestsStayWithinTheAddressLimit() async throws {
        try await withYishi { t in
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for i in 0..<30 {
                    group.addTask {
                        try await Browser(t.app).post("/signin/code", ["phone": "1380000\(1000 + i)"]).status.code
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == 303 || $0 == 429 }, "\(statuses.sorted())")
            #expect(statuses.filter { $0 == 303 }.count <= OneTimeCodeRules.perAddress.max)
            #expect(try await OutboxMessage.query(on: t.db).count() <= OneTimeCodeRules.perAddress.max)
        }
    }

    @Test func concurrentCreatesOfOneUsernameGive422Not500() async throws {
        try await withYishi(demo: true) { t in
            let admin = Browser(t.app)
            try await admin.signIn("admin")
            let body =
                #"{"username":"twin","displayName":"双胞胎","password":"a-long-password","role":"communityStaff","node":"BS01-C1"}"#
            let statuses = try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<8 {
                    let c = copy(admin)
                    group.addTask { try await c.json(.POST, "/api/v1/users", body).status.code }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1, "\(statuses.sorted())")
            #expect(
                statuses.filter { $0 == 422 }.count == 7, "the others: already in use, not 500: \(statuses.sorted())")
            #expect(try await User.query(on: t.db).filter(\.$username == "twin").count() == 1)
        }
    }

    @Test func trustedProxiesAndTheSMSBudgetAreRead() throws {
        let s = try Settings.read(
            ["YISHI_TRUSTED_PROXIES": "10.0.0.0/8, ::1", "YISHI_SMS_HOURLY_BUDGET": "50"], environment: .testing)
        #expect(s.trustedProxies == [IPRange("10.0.0.0/8")!, IPRange("::1")!] && s.smsHourlyBudget == 50)
        #expect(try Settings.read([:], environment: .testing).smsHourlyBudget == 1000)
        #expect(throws: Settings.Problems.self) {
            try Settings.read(["YISHI_TRUSTED_PROXIES": "proxy.local"], environment: .testing)
        }
        #expect(throws: Settings.Problems.self) {
            try Settings.read(["YISHI_SMS_HOURLY_BUDGET": "-1"], environment: .testing)
        }
        // bcrypt's work factor: 10 (OWASP's floor) unless set; 10–16 only.
        #expect(try Settings.read([:], environment: .testing).passwordCost == 10)
        #expect(try Settings.read(["YISHI_BCRYPT_COST": "12"], environment: .testing).passwordCost == 12)
        for bad in ["9", "17", "ten"] {
            #expect(throws: Settings.Problems.self) {
                try Settings.read(["YISHI_BCRYPT_COST": bad], environment: .testing)
            }
        }
    }

    @Test func theHourlySMSBudgetStopsSendingAndSaysSo() async throws {
        try await withYishi { t in
            t.app.settings.smsHourlyBudget = 2
            for i in 0..<2 {
                #expect(try await Browser(t.app).post("/signin/code", ["phone": "1390000000\(i)"]).status == .seeOther)
            }
            let b = Browser(t.app)
            let refused = try await b.post("/signin/code", ["phone": "13900000009"])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains(Catalog.text(SignInText.errorSmsBudget, .zhHans)))
            b.lang = "en"
            #expect(try await OutboxMessage.query(on: t.db).count() == 2)
            t.clock.advance(3600)
            #expect(
                try await Browser(t.app).post("/signin/code", ["phone": "13900000009"]).status == .seeOther,
                "a new hour, a new budget")
        }
    }
}
