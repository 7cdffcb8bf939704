import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Regression tests for the attack findings of issue 14 that live in the web shell: redirects,
/// the owners' committee's view, headers, methods, metrics, the outbox, CSRF binding, stale
/// tokens, SQLite's settings and the audit group commit.
@Suite("Hardening: redirects, headers, CSRF, register rights, group commit")
struct HardeningTests {
    @Test func nextCannotInjectHeadersOrLeaveTheSite() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            for next in [
                "/%0d%0aSet-Cookie:%20yishi_session=X;%20Path=/", "/%09/evil.example", "//evil.example",
                "/%5Cevil.example", "https://evil.example",
            ] {
                let res = try await b.get("/preferences?lang=en&next=\(next)")
                #expect(res.status == .seeOther)
                #expect(res.location == "/", "next=\(next) went to \(res.location ?? "nil")")
                #expect(res.headers[.setCookie].allSatisfy { !$0.contains("yishi_session=X") })
            }
            #expect(try await b.get("/preferences?lang=en&next=/territory").location == "/territory")
        }
    }

    @Test func signInFollowsOnlyLocalNext() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            let res = try await b.post(
                "/signin", ["username": "baolin1", "password": DemoLoader.password, "next": "/\t/evil.example"])
            #expect(res.status == .seeOther)
            #expect(res.location == "/")
            let c = Browser(t.app)
            #expect(
                try await c.post(
                    "/signin", ["username": "baolin1", "password": DemoLoader.password, "next": "/account"]
                ).location == "/account")
        }
    }

    /// The owners' committee reads the owners' register and nothing of households or residents.
    @Test func ownersCommitteeSeesOwnersNotHouseholds() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("yeweihui")
            let me = try await b.json(.GET, "/api/v1/me").decode(DTO.Me.self)
            let compound = try #require(me.grants.first?.node)
            let households = try await Household.query(on: t.db).with(\.$unit).with(\.$residents).all()
            let household = try #require(
                households.first { $0.unit.code.hasPrefix(compound + "-") && !$0.residents.isEmpty })
            let unitID = try household.unit.requireID()
            let detail = try await b.json(.GET, "/api/v1/units/\(unitID)").decode(DTO.UnitDetail.self)
            #expect(detail.households == nil)
            #expect(detail.owners != nil)
            let page = try await b.get("/units/\(unitID)")
            #expect(page.status == .ok)
            let resident = household.residents[0]
            #expect(!page.text.contains(resident.code), "the household register leaked to the owners' committee")
            #expect(!page.text.contains(Catalog.text(TerritoryText.unitHouseholds, .zhHans)))
            // Committee staff still see both.
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let full = try await staff.json(.GET, "/api/v1/units/\(unitID)").decode(DTO.UnitDetail.self)
            #expect(full.households?.isEmpty == false)
        }
    }

    @Test func pagesCarrySecurityHeadersAndOddMethodsAre405() async throws {
        try await withYishi(production: true) { t in
            let b = Browser(t.app)
            for path in ["/", "/signin", "/styles.css", "/api/v1/openapi.json", "/no-such-page"] {
                let res = try await b.get(path)
                let csp = res.headers.first(name: "Content-Security-Policy") ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && !csp.contains("script-src"), "\(path): \(csp)")
                #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(res.headers.first(name: "Referrer-Policy") == "same-origin")
            }
            #expect(try await b.send(.TRACE, "/").status == .methodNotAllowed)
            #expect(try await b.send(.init(rawValue: "PROPFIND"), "/").status == .methodNotAllowed)
        }
    }

    @Test func metricsAndOutboxAnswerOnlyThisMachine() async throws {
        try await withYishi { (t: TestContext) async throws in
            // In-process requests have no socket peer: they are not loopback.
            let b = Browser(t.app)
            #expect(try await b.get("/metrics").status == .notFound)
            #expect(try await b.get("/dev/outbox").status == .notFound)
            t.app.settings.metricsToken = "scrape-secret"
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: "scrape-secret")
            #expect(try await b.send(.GET, "/metrics", headers: h).status == .ok)
            h.bearerAuthorization = .init(token: "wrong")
            #expect(try await b.send(.GET, "/metrics", headers: h).status == .notFound)
        }
        try await withYishi { t in
            // Over a real socket from 127.0.0.1 both answer.
            try await t.app.testing(method: .running(port: 0)).test(.GET, "/dev/outbox") { res in
                #expect(res.status == .ok)
            }
        }
    }

    @Test func aStaleBearerTokenGetsOne401NotARedirectLoop() async throws {
        try await withYishi { t in
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: "revoked-or-made-up")
            let res = try await Browser(t.app).send(.GET, "/account", headers: h)
            #expect(res.status == .unauthorized)
            #expect(res.location == nil)
        }
    }

    @Test func csrfTokenIsBoundToTheSessionAndChangesAtSignIn() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            let anonymous = b.csrf
            try await b.signIn("baolin1")
            #expect(b.csrf != anonymous, "sign-in must rotate the CSRF token")
            // The token from before sign-in no longer works, even with a cookie that matches it.
            b.cookies[CSRF.cookie] = anonymous
            let stale = try await b.send(
                .POST, "/signout/all", body: ByteBuffer(string: "_csrf=\(anonymous)"), contentType: .urlEncodedForm)
            #expect(stale.status == .forbidden)
            // The session's own token works; a cross-site request does not, even with it.
            let token = CSRF.token(forSession: b.cookies[SessionCookie.name]!)
            var cross = HTTPHeaders()
            cross.replaceOrAdd(name: .origin, value: "https://evil.example")
            let refused = try await b.send(
                .POST, "/account/tokens", headers: cross, body: ByteBuffer(string: "_csrf=\(token)&name=x"),
                contentType: .urlEncodedForm)
            #expect(refused.status == .forbidden)
            var site = HTTPHeaders()
            site.replaceOrAdd(name: "Sec-Fetch-Site", value: "cross-site")
            #expect(
                try await b.send(
                    .POST, "/signout", headers: site, body: ByteBuffer(string: "_csrf=\(token)"),
                    contentType: .urlEncodedForm
                ).status == .forbidden)
            let ok = try await b.send(
                .POST, "/signout", body: ByteBuffer(string: "_csrf=\(token)"), contentType: .urlEncodedForm)
            #expect(ok.status == .seeOther)
        }
    }

    @Test func sqliteIsOpenedDurablyWithATimeout() async throws {
        guard !TestDatabase.isPostgres else { return }
        try await withYishi { t in
            let seen = try await SQLiteTuning.read(t.app)
            #expect(seen["synchronous"]?.allSatisfy { $0 == 2 } == true, "\(seen)")
            #expect(seen["foreign_keys"]?.allSatisfy { $0 == 1 } == true, "\(seen)")
            #expect(seen["busy_timeout"]?.allSatisfy { $0 == SQLiteTuning.busyTimeoutMillis } == true, "\(seen)")
        }
    }

    /// Many audited changes at once: every one that was acknowledged is stored once, one that fails
    /// leaves the others alone, and the chain verifies.
    @Test func groupCommitKeepsEveryAcknowledgedChangeAndTheChain() async throws {
        try await withYishi(demo: true) { t in
            let district = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first())
            let db = t.db
            let time = t.app.effects.time
            let before = try await AuditEntry.query(on: db).count()
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<120 {
                    group.addTask {
                        do {
                            try await AuditLog.transaction(on: db, actor: .system, time: time) { tx in
                                if i % 10 == 7 { throw YishiError.invalid(["name": "field.invalid"]) }
                                let node = try TerritoryNode(
                                    level: .subdistrict, parent: district, code: "GC-\(i)", name: "组提交 \(i)",
                                    kind: "street")
                                try await node.create(on: tx)
                                return (
                                    (),
                                    AuditEvent(
                                        action: .territoryCreate, targetType: "node", targetID: "GC-\(i)",
                                        nodeID: node.id)
                                )
                            }
                            return true
                        } catch YishiError.invalid { return false }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 108)
            let stored = try await TerritoryNode.query(on: db).filter(\.$code =~ "GC-").all()
            #expect(stored.count == 108)
            #expect(Set(stored.map(\.code)).count == 108)
            #expect(try await AuditEntry.query(on: db).count() == before + 108)
            #expect(try await AuditLog.verify(on: db) == .ok(entries: before + 108))
        }
    }

    /// The same with atomic changes (one statement each, no savepoint on SQLite): one that breaks a
    /// unique index is taken back alone, the others commit, and the chain verifies. An error that
    /// may have ended the transaction is not taken for one the statement took back.
    @Test func atomicChangesThatFailLeaveTheBatchWhole() async throws {
        try await withYishi(demo: true) { t in
            let district = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first())
            let db = t.db
            let time = t.app.effects.time
            let before = try await AuditEntry.query(on: db).count()
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<120 {
                    group.addTask {
                        do {
                            try await AuditLog.transaction(on: db, actor: .system, time: time, atomic: true) { tx in
                                // Every tenth takes a code the district already has.
                                let code = i % 10 == 7 ? DemoDistrict.districtCode : "GA-\(i)"
                                let node = try TerritoryNode(
                                    level: .subdistrict, parent: district, code: code, name: "原子 \(i)",
                                    kind: "street")
                                try await node.create(on: tx)
                                return (
                                    (),
                                    AuditEvent(
                                        action: .territoryCreate, targetType: "node", targetID: code, nodeID: node.id)
                                )
                            }
                            return true
                        } catch let error where error.isUniqueViolation { return false }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 108)
            #expect(try await TerritoryNode.query(on: db).filter(\.$code =~ "GA-").count() == 108)
            #expect(try await AuditEntry.query(on: db).count() == before + 108)
            #expect(try await AuditLog.verify(on: db) == .ok(entries: before + 108))
        }
        #expect(AuditGroupCommit.statementOnly(YishiError.notFound))
        for reason: SQLiteError.Reason in [.constraint, .constraintUniqueFailed, .constraintTriggerFailed] {
            #expect(AuditGroupCommit.statementOnly(reason))
        }
        for reason: SQLiteError.Reason in [.ioErrorFailedWrite, .full, .busy, .noMemory, .corrupt] {
            #expect(!AuditGroupCommit.statementOnly(reason))
        }
    }

    /// The UUIDs the write paths make without Foundation's /dev/urandom: random version-4 UUIDs.
    @Test func randomUUIDsAreVersionFourAndDistinct() {
        let made = (0..<2_000).map { _ in UUID.random() }
        #expect(Set(made).count == made.count)
        for u in made {
            let s = u.uuidString
            #expect(Array(s)[14] == "4")
            #expect("89AB".contains(Array(s)[19]))
        }
        // Every random bit varies somewhere (a constant byte would show as the same in all).
        let firsts = Set(made.map { $0.uuid.0 })
        #expect(firsts.count > 100)
    }

    /// 50 edits and 20 creates of one code at once through the API: only 2xx and 4xx, one create
    /// wins, every acknowledged edit is in the audit log, and the chain verifies.
    @Test func concurrentEditsAndCreatesNeverAnswer500() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(
                name: .cookie, value: b.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            headers.replaceOrAdd(name: CSRF.header, value: b.csrf)
            headers.contentType = .json
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let compounds = try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == community.id).all()
            let before = try await AuditEntry.query(on: t.db).count()
            let app = t.app
            let fixed = headers
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPStatus).self) { group in
                for i in 0..<50 {
                    let node = compounds[i % compounds.count]
                    group.addTask {
                        let res = try await app.testing().sendRequest(
                            .PATCH, "/api/v1/territory/\(node.id!)", headers: fixed,
                            body: ByteBuffer(string: #"{"name": "并发 \#(i)"}"#))
                        return ("edit", res.status)
                    }
                }
                for _ in 0..<20 {
                    group.addTask {
                        let res = try await app.testing().sendRequest(
                            .POST, "/api/v1/territory/\(community.id!)/children", headers: fixed,
                            body: ByteBuffer(
                                string: #"{"code": "BS01-C1-RACE", "name": "同时新建", "kind": "commodityHousing"}"#))
                        return ("create", res.status)
                    }
                }
                return try await group.reduce(into: [(String, HTTPStatus)]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0.1.code < 500 }, "\(statuses.filter { $0.1.code >= 500 })")
            let edits = statuses.filter { $0.0 == "edit" }
            let creates = statuses.filter { $0.0 == "create" }
            #expect(edits.allSatisfy { $0.1 == .ok })
            #expect(creates.filter { $0.1 == .created }.count == 1)
            #expect(
                creates.filter { $0.1 != .created }.allSatisfy { $0.1 == .unprocessableEntity || $0.1 == .conflict })
            #expect(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-RACE").count() == 1)
            #expect(try await AuditEntry.query(on: t.db).count() == before + 51)
            #expect(try await AuditLog.verify(on: t.db) == .ok(entries: before + 51))
        }
    }
}
