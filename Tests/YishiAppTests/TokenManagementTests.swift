import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// API tokens are managed from a signed-in browser only, and end with the sessions (issue 14, finding 6).
@Suite("Accounts: API token management")
struct TokenManagementTests {
    func makeToken(_ b: Browser, name: String = "报表", node: String = "BS01-C1") async throws -> (
        token: String, id: UUID
    ) {
        let res = try await b.json(
            .POST, "/api/v1/tokens", #"{"name":"\#(name)","role":"subdistrictStaff","node":"\#(node)"}"#)
        #expect(res.status == .created)
        let made = try res.decode(DTO.NewToken.self)
        return (made.token, made.details.id)
    }

    func bearer() -> (Application) -> Browser {
        { app in
            let b = Browser(app)
            b.cookies = [:]
            return b
        }
    }

    @Test func aTokenCannotManageTokensOrTheAccount() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("youyilu")
            let narrow = try await makeToken(b)
            let wide = try await makeToken(b, name: "全街道", node: "BS01")
            let api = bearer()(t.app)
            #expect(try await api.json(.GET, "/api/v1/me", token: narrow.token).status == .ok, "the token itself works")
            #expect(try await api.json(.GET, "/api/v1/tokens", token: narrow.token).status == .forbidden)
            let mint = try await api.json(
                .POST, "/api/v1/tokens", #"{"name":"x","role":"subdistrictStaff","node":"BS01-C1"}"#,
                token: narrow.token)
            #expect(mint.status == .forbidden, "a token mints no tokens")
            #expect(try await api.json(.DELETE, "/api/v1/tokens/\(wide.id)", token: narrow.token).status == .forbidden)
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: narrow.token)
            #expect(try await api.send(.GET, "/account", headers: headers).status == .forbidden)
            #expect(
                try await api.send(
                    .POST, "/account/tokens", headers: headers,
                    body: ByteBuffer(string: "name=x&scope=subdistrictStaff%7CBS01"),
                    contentType: .urlEncodedForm
                ).status == .forbidden)
            #expect(
                try await api.send(.POST, "/account/tokens/\(wide.id)/revoke", headers: headers).status == .forbidden)
            #expect(try await api.send(.POST, "/signout/all", headers: headers).status == .forbidden)
            let live = try await APIToken.query(on: t.db).filter(\.$revokedAt == nil).count()
            #expect(live == 2, "nothing was made or revoked by the token")
            // The browser session still manages them.
            #expect(try await b.json(.GET, "/api/v1/tokens").decode([DTO.Token].self).count == 2)
        }
    }

    @Test func signingOutEverywhereRevokesTokensByDefault() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("youyilu")
            let made = try await makeToken(b)
            let page = try await b.get("/account")
            #expect(page.text.contains(Catalog.text(AccountText.tokensAlsoRevoke, .zhHans)))
            #expect(page.text.contains(#"name="revokeTokens" value="1" checked"#), "ticked by default")
            #expect(try await b.post("/signout/all").status == .seeOther)
            #expect(try await bearer()(t.app).json(.GET, "/api/v1/me", token: made.token).status == .unauthorized)
        }
    }

    @Test func signingOutEverywhereCanKeepTokensWhenUnticked() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("youyilu")
            let made = try await makeToken(b)
            // The page offered the choice and the box was unticked: only the marker comes back.
            #expect(try await b.post("/signout/all", [TokenChoice.offered: "1"]).status == .seeOther)
            #expect(try await bearer()(t.app).json(.GET, "/api/v1/me", token: made.token).status == .ok)
        }
    }

    @Test func aPasswordChangeRevokesTokens() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("youyilu")
            let made = try await makeToken(b)
            let changed = try await b.post(
                "/account/password",
                [
                    "current": DemoLoader.password, "new": "a-brand-new-password",
                    TokenChoice.offered: "1", TokenChoice.revoke: "1",
                ])
            #expect(changed.status == .seeOther)
            #expect(try await bearer()(t.app).json(.GET, "/api/v1/me", token: made.token).status == .unauthorized)
            let row = try #require(try await APIToken.find(made.id, on: t.db))
            #expect(row.revokedAt != nil)
        }
    }
}
