import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Every unit's code and counted area, in order.
func fingerprint(_ d: DemoDistrict) -> [String] {
    var out: [String] = []
    for s in d.subdistricts {
        for c in s.communities {
            for x in c.compounds {
                for b in x.buildings {
                    for u in b.units {
                        out.append("\(u.code)=\(u.areas.counted?.area.description ?? "")")
                    }
                }
            }
        }
    }
    return out
}

@Suite("Access: demo sign-ins, scope, CSRF")
struct AccessTests {
    func node(_ code: String, _ db: any Database) async throws -> TerritoryNode {
        try #require(try await TerritoryNode.query(on: db).filter(\.$code == code).first())
    }

    @Test func everyDemoSignInWorks() async throws {
        try await withYishi(demo: true) { t in
            for username in [
                "admin", "baoshan", "youyilu", "baolin1", "youyixin", "planner", "yeweihui", "wuye", "shehui",
            ] {
                let b = Browser(t.app)
                try await b.signIn(username)
                let me = try await b.json(.GET, "/api/v1/me")
                #expect(me.status == .ok)
                let decoded = try me.decode(DTO.Me.self)
                #expect(decoded.grants.count == 1, "\(username)")
                let home = try await b.get("/")
                #expect(home.status == .ok)
                #expect(home.text.contains(Catalog.name(decoded.grants[0].role, .zhHans)))
            }
            // The resident signs in with the code the outbox shows.
            let r = Browser(t.app)
            let sent = try await r.post("/signin/code", ["phone": DemoDistrict.residentPhone])
            #expect(sent.status == .seeOther)
            let message = try #require(
                try await OutboxMessage.query(on: t.db).filter(\.$phone == DemoDistrict.residentPhone).first())
            let code = String(message.body.filter(\.isNumber).prefix(6))
            let verified = try await r.post("/signin/verify", ["code": code])
            #expect(verified.status == .seeOther)
            let me = try await r.json(.GET, "/api/v1/me").decode(DTO.Me.self)
            #expect(me.kind == .resident && me.verified)
            let home = try await r.get("/")
            #expect(home.text.contains("宝林一村居民区"))
        }
    }

    @Test func communityStaffCannotSeeAnotherCommunity() async throws {
        try await withYishi(demo: true) { t in
            let own = try await node("BS01-C1", t.db)
            let other = try await node("BS01-C2", t.db)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            #expect(try await b.get("/territory/\(own.id!)").status == .ok)
            let page = try await b.get("/territory/\(other.id!)")
            #expect(page.status == .forbidden)
            #expect(!page.text.contains(other.name), "the 403 page must not show the other community")
            let api = try await b.json(.GET, "/api/v1/territory/\(other.id!)")
            #expect(api.status == .forbidden)
            #expect(api.text.contains("\"error\":true"))
            #expect(!api.text.contains(other.code))
            // A unit of the other community, by page and by API.
            let building = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$path =~ other.path).filter(\.$level == .building)
                    .first())
            let unit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$building.$id == building.id!).first())
            #expect(try await b.get("/units/\(unit.id!)").status == .forbidden)
            #expect(try await b.json(.GET, "/api/v1/units/\(unit.id!)").status == .forbidden)
            // Editing the other community is refused too, and changes nothing.
            let edit = try await b.post(
                "/territory/\(other.id!)/edit", ["code": other.code, "name": "改名", "kind": "residential"])
            #expect(edit.status == .forbidden)
            #expect(try await node("BS01-C2", t.db).name == other.name)
        }
    }

    @Test func theDemoLoadsOnlyIntoAnEmptyDatabase() async throws {
        try await withYishi(demo: true) { t in
            let nodes = try await TerritoryNode.query(on: t.db).count()
            await #expect(throws: DemoLoader.Refusal.self) {
                _ = try await DemoLoader.load(t.app, passwordHash: DemoPassword.hash)
            }
            #expect(try await TerritoryNode.query(on: t.db).count() == nodes)
            // Twelve subdistricts, every housing type, at least one village, and life circles.
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$level == .subdistrict).count() == 12)
            let kinds = Set(
                try await TerritoryNode.query(on: t.db).filter(\.$level == .compound).all().compactMap(\.kind))
            #expect(kinds == Set(HousingType.allCases.map(\.rawValue)))
            #expect(
                try await TerritoryNode.query(on: t.db).filter(\.$kind == CommunityKind.village.rawValue).count() >= 1)
            #expect(try await LifeCircle.query(on: t.db).count() == 12)
            // Deterministic: the same district twice gives the same names and areas.
            #expect(fingerprint(DemoDistrict.make()) == fingerprint(DemoDistrict.make()))
        }
    }

    @Test func anonymousPagesRedirectAndAPIRefuses() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            let page = try await b.get("/territory")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/signin?notice=signin.required&next=") == true, "and says why")
            let api = try await b.json(.GET, "/api/v1/me")
            #expect(api.status == .unauthorized)
        }
    }

    @Test func formsWithoutTheirCSRFTokenAreRefused() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            let refused = try await b.post(
                "/signin", ["username": "admin", "password": DemoLoader.password], csrf: false)
            #expect(refused.status == .forbidden)
            #expect(b.cookies[SessionCookie.name] == nil)
            try await b.signIn("baolin1")
            let community = try await node("BS01-C1", t.db)
            let before = try await TerritoryNode.query(on: t.db).count()
            let noToken = try await b.post(
                "/territory/\(community.id!)/children", ["code": "NEW-1", "name": "新小区", "kind": "commodityHousing"],
                csrf: false)
            #expect(noToken.status == .forbidden)
            #expect(noToken.text.contains(Catalog.text(ErrorText.csrf, .zhHans)))
            #expect(try await TerritoryNode.query(on: t.db).count() == before)
            // A wrong token is refused as well; the right one works.
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: CSRF.header, value: "wrong")
            #expect(
                try await b.send(
                    .POST, "/api/v1/territory/\(community.id!)/children", headers: headers,
                    body: ByteBuffer(string: #"{"code":"NEW-1","name":"新小区","kind":"commodityHousing"}"#),
                    contentType: .json
                ).status == .forbidden)
            let ok = try await b.post(
                "/territory/\(community.id!)/children", ["code": "NEW-1", "name": "新小区", "kind": "commodityHousing"])
            #expect(ok.status == .seeOther)
            #expect(try await TerritoryNode.query(on: t.db).count() == before + 1)
        }
    }

    @Test func apiTokensAreScopedAndRevocable() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("youyilu")
            // Wider than the owner's own grant: refused.
            let wide = try await b.json(.POST, "/api/v1/tokens", #"{"name":"x","role":"subdistrictStaff","node":"BS"}"#)
            #expect(wide.status == .unprocessableEntity)
            // Narrower (one community): allowed, and the token sees only that community.
            let created = try await b.json(
                .POST, "/api/v1/tokens", #"{"name":"报表","role":"subdistrictStaff","node":"BS01-C1"}"#)
            #expect(created.status == .created)
            let token = try created.decode(DTO.NewToken.self).token
            let c1 = try await node("BS01-C1", t.db)
            let c2 = try await node("BS01-C2", t.db)
            let api = Browser(t.app)
            api.cookies = [:]
            #expect(try await api.json(.GET, "/api/v1/territory/\(c1.id!)", token: token).status == .ok)
            #expect(try await api.json(.GET, "/api/v1/territory/\(c2.id!)", token: token).status == .forbidden)
            // A bearer call needs no CSRF token.
            let child = try await api.json(
                .POST, "/api/v1/territory/\(c1.id!)/children", #"{"code":"T-1","name":"令牌小区","kind":"historicVilla"}"#,
                token: token)
            #expect(child.status == .created)
            let tokenID = try created.decode(DTO.NewToken.self).details.id
            #expect(try await b.json(.DELETE, "/api/v1/tokens/\(tokenID)").status == .noContent)
            #expect(try await api.json(.GET, "/api/v1/territory/\(c1.id!)", token: token).status == .unauthorized)
            #expect(try await api.json(.GET, "/api/v1/me", token: "yishi_nonsense").status == .unauthorized)
        }
    }

    @Test func rolesAreGrantedOnlyWithinScope() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baoshan")
            let created = try await b.json(
                .POST, "/api/v1/users",
                #"{"username":"newstaff","displayName":"新同事","password":"long-enough-1","role":"communityStaff","node":"BS02-C1"}"#
            )
            #expect(created.status == .created)
            let user = try created.decode(DTO.User.self)
            #expect(user.grants.map(\.role) == [.communityStaff])
            // Wrong level and platform admin are refused with reasons; nothing is granted.
            let wrongLevel = try await b.json(
                .POST, "/api/v1/users/\(user.id)/grants", #"{"role":"communityStaff","node":"BS02"}"#)
            #expect(wrongLevel.status == .unprocessableEntity)
            #expect(wrongLevel.text.contains("node"))
            #expect(
                try await b.json(.POST, "/api/v1/users/\(user.id)/grants", #"{"role":"platformAdmin"}"#).status
                    == .forbidden)
            #expect(try await RoleGrant.query(on: t.db).filter(\.$user.$id == user.id).count() == 1)
            // Community staff manage no users.
            let c = Browser(t.app)
            try await c.signIn("baolin1")
            #expect(try await c.json(.GET, "/api/v1/users").status == .forbidden)
            #expect(try await c.get("/users").status == .forbidden)
        }
    }
}
