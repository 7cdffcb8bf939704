import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

@Suite("Accounts: codes, back-off, first admin, verification, assisted entry")
struct AccountsTests {
    func lastCode(_ phone: String, _ db: any Database) async throws -> String {
        let m = try #require(
            try await OutboxMessage.query(on: db).filter(\.$phone == phone).sort(\.$sentAt, .descending).first())
        return String(m.body.filter(\.isNumber).prefix(6))
    }

    @Test func codesExpireAfterFiveMinutesAndExtendOnce() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            #expect(try await b.post("/signin/code", ["phone": "139 1234 5678"]).status == .seeOther)
            let code = try await lastCode("13912345678", t.db)
            t.clock.advance(290)
            #expect(try await b.post("/signin/extend").status == .ok)
            #expect(try await b.post("/signin/extend").status == .unprocessableEntity, "only one extension")
            t.clock.advance(290)
            let ok = try await b.post("/signin/verify", ["code": code])
            #expect(ok.status == .seeOther, "still valid after 580 s thanks to the extension")
            let me = try await b.json(.GET, "/api/v1/me").decode(DTO.Me.self)
            #expect(
                me.kind == .resident && !me.verified && me.grants.isEmpty, "an unknown phone gets an unverified account"
            )

            let c = Browser(t.app)
            _ = try await c.post("/signin/code", ["phone": "13912345679"])
            let code2 = try await lastCode("13912345679", t.db)
            t.clock.advance(301)
            #expect(try await c.post("/signin/verify", ["code": code2]).status == .unprocessableEntity)
        }
    }

    @Test func wrongCodesAndTooManyCodesAreRefused() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            _ = try await b.post("/signin/code", ["phone": "13700000000"])
            let code = try await lastCode("13700000000", t.db)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 0..<OneTimeCodeRules.maxAttempts {
                #expect(try await b.post("/signin/verify", ["code": wrong]).status == .unprocessableEntity)
            }
            #expect(
                try await b.post("/signin/verify", ["code": code]).status == .unprocessableEntity,
                "the right code no longer works")
            #expect(b.cookies[SessionCookie.name] == nil)
            // Three codes a phone in ten minutes.
            for _ in 0..<2 { #expect(try await b.post("/signin/code", ["phone": "13700000000"]).status == .seeOther) }
            #expect(try await b.post("/signin/code", ["phone": "13700000000"]).status == .tooManyRequests)
            #expect(try await b.post("/signin/code", ["phone": "12345"]).status == .unprocessableEntity)
        }
    }

    @Test func staffAreLockedAfterRepeatedFailures() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            for _ in 0..<4 {
                #expect(
                    try await b.post("/signin", ["username": "baolin1", "password": "wrong-password"]).status
                        == .unprocessableEntity)
            }
            let fifth = try await b.post("/signin", ["username": "baolin1", "password": "wrong-password"])
            // The same words as a wrong password: the answer must not tell which usernames exist (issue 14).
            #expect(fifth.text.contains(Catalog.text(SignInText.errorCredentials, .zhHans)))
            let locked = try await b.post("/signin", ["username": "baolin1", "password": DemoLoader.password])
            #expect(locked.status == .unprocessableEntity, "the right password waits for the lock to pass")
            t.clock.advance(61)
            try await b.signIn("baolin1")
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
            #expect(user.failedLogins == 0)
        }
    }

    @Test func theFirstAdministratorLinkWorksOnce() async throws {
        try await withYishi { t in
            let path = try #require(try await FirstAdmin.issueLinkIfNeeded(on: t.db, effects: t.app.effects))
            let b = Browser(t.app)
            #expect(try await b.get(path).status == .ok)
            let weak = try await b.post(path, ["username": "root", "displayName": "管理员", "password": "short"])
            #expect(weak.status == .unprocessableEntity)
            #expect(try await User.query(on: t.db).count() == 0)
            #expect(
                try await b.post(path, ["username": "root", "displayName": "管理员", "password": "a-long-password"]).status
                    == .seeOther)
            let me = try await b.json(.GET, "/api/v1/me").decode(DTO.Me.self)
            #expect(me.grants.map(\.role) == [.platformAdmin])
            #expect(try await Browser(t.app).get(path).status == .notFound, "used once")
            #expect(
                try await FirstAdmin.issueLinkIfNeeded(on: t.db, effects: t.app.effects) == nil,
                "no link once a user exists")
        }
    }

    @Test func expiredSetupLinksAreRefused() async throws {
        try await withYishi { t in
            let path = try #require(try await FirstAdmin.issueLinkIfNeeded(on: t.db, effects: t.app.effects))
            t.clock.advance(24 * 3600 + 1)
            #expect(try await Browser(t.app).get(path).status == .notFound)
        }
    }

    @Test func signOutEverywhereEndsEverySession() async throws {
        try await withYishi(demo: true) { t in
            let a = Browser(t.app)
            let b = Browser(t.app)
            try await a.signIn("planner")
            try await b.signIn("planner")
            #expect(try await b.json(.GET, "/api/v1/me").status == .ok)
            #expect(try await a.post("/signout/all").status == .seeOther)
            #expect(try await b.json(.GET, "/api/v1/me").status == .unauthorized)
            #expect(try await a.json(.GET, "/api/v1/me").status == .unauthorized)
        }
    }

    @Test func staffVerifyAResidentAgainstTheRegister() async throws {
        try await withYishi(demo: true) { t in
            let r = Browser(t.app)
            _ = try await r.post("/signin/code", ["phone": "13611112222"])
            _ = try await r.post("/signin/verify", ["code": try await lastCode("13611112222", t.db)])
            #expect(try await r.json(.GET, "/api/v1/me").decode(DTO.Me.self).verified == false)
            let resident = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            let outsider = Browser(t.app)
            try await outsider.signIn("youyixin")
            // Outside their area: the same answer as an unknown code (issue 14), not a 403 that tells it exists.
            #expect(
                try await outsider.post("/residents/verify", ["phone": "13611112222", "resident": resident.code]).status
                    == .unprocessableEntity)
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(
                try await staff.post("/residents/verify", ["phone": "13611112222", "resident": resident.code]).status
                    == .seeOther)
            let me = try await r.json(.GET, "/api/v1/me").decode(DTO.Me.self)
            #expect(me.verified && me.grants.map(\.role) == [.resident] && me.grants.first?.node == "BS01-C1")
            let entry = try #require(try await AuditEntry.query(on: t.db).sort(\.$seq, .descending).first())
            #expect(entry.action == AuditAction.residentVerify.rawValue)
        }
    }

    @Test func assistedRegistrationRecordsWhoEnteredItAndHow() async throws {
        try await withYishi(demo: true) { t in
            let resident = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get("/residents/\(resident.id!)/assist").status == .ok)
            #expect(
                try await staff.post("/residents/\(resident.id!)/assist", ["channel": "online"]).status
                    == .unprocessableEntity)
            #expect(
                try await staff.post("/residents/\(resident.id!)/assist", ["channel": "reception", "phone": ""]).status
                    == .seeOther)
            let user = try #require(try await User.query(on: t.db).filter(\.$resident.$id == resident.id!).first())
            let staffUser = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
            #expect(user.channel == .reception && user.enteredByID == staffUser.id && user.isVerified)
            let entry = try #require(try await AuditEntry.query(on: t.db).sort(\.$seq, .descending).first())
            #expect(entry.action == AuditAction.residentRegisterAssisted.rawValue)
            #expect(entry.onBehalfOf == resident.id && entry.channel == "reception" && entry.actorID == staffUser.id)
            // Staff of another community may not act for this resident.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.get("/residents/\(resident.id!)/assist").status == .forbidden)
        }
    }
}
