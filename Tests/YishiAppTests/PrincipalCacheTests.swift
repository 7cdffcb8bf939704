import Fluent
import Foundation
import Testing
import Vapor

@testable import YishiApp
@testable import YishiCore

/// Principals are kept for a second; every audited change and every sign-out forgets them, so a
/// revoked grant or an ended session counts from the very next request.
@Suite("Principal cache")
struct PrincipalCacheTests {
    func principal(_ name: String) -> Principal {
        let id = UUID()
        return Principal(
            userID: id, displayName: name, actor: Actor(userId: id, kind: .staff, isVerified: true, grants: []))
    }

    @Test func aPrincipalIsKeptUntilTheSessionEndsOrTheCacheIsCleared() {
        let cache = PrincipalCache()
        let now = Date()
        cache.keep(principal("a"), "sA", until: now.addingTimeInterval(60), generation: cache.generation)
        #expect(cache.principal("sA", now: now)?.displayName == "a")
        #expect(cache.principal("sB", now: now) == nil)
        // The session's end counts by the request's clock.
        #expect(cache.principal("sA", now: now.addingTimeInterval(61)) == nil)
        #expect(cache.principal("sA", now: now) == nil, "an ended session is dropped")
        cache.keep(principal("a"), "sA", until: now.addingTimeInterval(60), generation: cache.generation)
        cache.clear()
        #expect(cache.principal("sA", now: now) == nil)
    }

    @Test func whatWasReadBeforeAClearIsNotKept() {
        let cache = PrincipalCache()
        let before = cache.generation
        cache.clear()  // a change committed while the query was out
        cache.keep(principal("stale"), "sA", until: Date().addingTimeInterval(60), generation: before)
        #expect(cache.principal("sA", now: Date()) == nil)
    }

    @Test func aRevokedGrantAndAnEndedSessionCountFromTheNextRequest() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            // Twice: the second is answered from the cache.
            for _ in 0..<2 { #expect(try await staff.get("/territory/\(community.id!.uuidString)").status == .ok) }
            // The district administrator revokes baolin1's grant through the users page (audited).
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
            let grant = try #require(try await RoleGrant.query(on: t.db).filter(\.$user.$id == user.id!).first())
            let revoked = try await admin.post("/users/\(user.id!.uuidString)/grants/\(grant.id!.uuidString)/revoke")
            #expect(revoked.status == .seeOther)
            #expect(try await staff.get("/territory/\(community.id!.uuidString)").status == .forbidden)
            // Signing out ends the session at once, also for a copy of the cookie.
            let copy = Browser(t.app)
            copy.cookies = admin.cookies
            #expect(try await copy.json(.GET, "/api/v1/me").status == .ok)
            let out = try await admin.post("/signout")
            #expect(out.status == .seeOther, "\(out.status) \(out.body.string)")
            let after = try await copy.json(.GET, "/api/v1/me")
            #expect(after.status == .unauthorized, "\(after.status) \(after.body.string)")
        }
    }
}

@Suite("Password work factor")
struct PasswordCostTests {
    @Test func theFactorIsReadFromTheHash() {
        #expect(SignIn.bcryptCost("$2b$10$abcdefghijklmnopqrstuv") == 10)
        #expect(SignIn.bcryptCost("$2y$12$abcdefghijklmnopqrstuv") == 12)
        #expect(SignIn.bcryptCost("plain") == nil)
    }

    @Test func aHashOfAnotherFactorVerifiesAndIsRemadeAtSignIn() async throws {
        try await withYishi(demo: true) { t in
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
            user.passwordHash = try Bcrypt.hash(DemoLoader.password, cost: 5)
            try await user.save(on: t.db)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let stored = try #require(try await User.find(user.id, on: t.db)?.passwordHash)
            #expect(SignIn.bcryptCost(stored) == t.app.settings.passwordCost)
            #expect(try Bcrypt.verify(DemoLoader.password, created: stored))
            // A wrong password remakes nothing.
            user.passwordHash = try Bcrypt.hash(DemoLoader.password, cost: 5)
            try await user.save(on: t.db)
            _ = try await Browser(t.app).post("/signin", ["username": "baolin1", "password": "wrong-password"])
            #expect(SignIn.bcryptCost(try #require(try await User.find(user.id, on: t.db)?.passwordHash)) == 5)
        }
    }
}
