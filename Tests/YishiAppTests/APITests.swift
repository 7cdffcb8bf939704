import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

@Suite("API, OpenAPI, health, metrics and bad input")
struct APITests {
    @Test func openAPIDocumentMatchesTheRoutes() async throws {
        try await withYishi { t in
            let routes = Set(
                t.app.routes.all.compactMap { route -> String? in
                    let path =
                        "/"
                        + route.path.map { c -> String in
                            switch c {
                            case .constant(let s): return s
                            case .parameter(let p): return "{\(p)}"
                            default: return "\(c)"
                            }
                        }.joined(separator: "/")
                    guard path.hasPrefix("/api/") || path == "/health" || path == "/metrics" else { return nil }
                    return "\(route.method.rawValue.lowercased()) \(path)"
                })
            let documented = Set(t.app.features.operations.map { "\($0.method) \($0.path)" })
            #expect(
                routes.subtracting(documented).isEmpty,
                "routes missing from the document: \(routes.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(routes).isEmpty,
                "documented but not routed: \(documented.subtracting(routes).sorted())")
            let res = try await Browser(t.app).get("/api/v1/openapi.json")
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.1.0")
            // Every schema a path refers to exists.
            let schemas = ((doc["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
            let refs = res.text.matches(of: /#\/components\/schemas\/([A-Za-z]+)/).map { String($0.1) }
            for r in Set(refs) { #expect(schemas[r] != nil, "missing schema \(r)") }
        }
    }

    @Test func healthChecksTheDatabase() async throws {
        try await withYishi { t in
            let res = try await Browser(t.app).get("/health")
            #expect(res.status == .ok)
            #expect(res.text.contains("\"database\":\"ok\""))
        }
    }

    @Test func metricsCountRequestsByRoute() async throws {
        try await withYishi { (t: TestContext) async throws in
            let b = Browser(t.app)
            _ = try await b.get("/health")
            // Metrics answer the machine itself or a scraper with the configured token.
            t.app.settings.metricsToken = "scrape"
            var h = HTTPHeaders()
            h.bearerAuthorization = .init(token: "scrape")
            let res = try await b.send(.GET, "/metrics", headers: h)
            #expect(res.status == .ok)
            #expect(res.text.contains("http_requests_total{"))
            #expect(res.text.contains("path=\"/health\""))
            #expect(res.text.contains("http_request_duration_seconds"))
        }
    }

    @Test func malformedJSONIs400AndInvalidFieldsAre422() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let count = try await TerritoryNode.query(on: t.db).count()
            let malformed = try await b.json(.POST, "/api/v1/territory/\(c1.id!)/children", #"{"code": "X", "name": }"#)
            #expect(malformed.status == .badRequest)
            #expect(try malformed.decode(APIError.self).reason.hasPrefix("JSON 格式有误"))
            let missing = try await b.json(.POST, "/api/v1/territory/\(c1.id!)/children", #"{"code": "X"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(try missing.decode(APIError.self).fields?["name"] != nil)
            b.lang = "en"
            let invalid = try await b.json(
                .POST, "/api/v1/territory/\(c1.id!)/children", #"{"code": "bad code!", "name": "", "kind": "castle"}"#)
            #expect(invalid.status == .unprocessableEntity)
            let err = try invalid.decode(APIError.self)
            #expect(Set(err.fields?.keys.map { $0 } ?? []) == ["code", "name", "kind"])
            #expect(err.reason == Catalog.text(ErrorText.code422, .en))
            #expect(try await TerritoryNode.query(on: t.db).count() == count, "bad input changes nothing")
        }
    }

    @Test func oversizedBodiesAreRefused() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let big = String(repeating: "a", count: 2 << 20)
            let res = try await b.post("/account/tokens", ["name": big])
            #expect(res.status == .payloadTooLarge)
        }
    }

    @Test func productionHidesInternalErrorsAndTheOutbox() async throws {
        try await withYishi(production: true) { t in
            let b = Browser(t.app)
            #expect(try await b.get("/dev/outbox").status == .notFound)
            // Drop a table behind the platform's back: the page fails, without telling how.
            try await t.app.db.schema("user_sessions").delete()
            b.cookies[SessionCookie.name] = "anything"
            let res = try await b.get("/")
            #expect(res.status == .internalServerError)
            #expect(res.text.contains(Catalog.text(ErrorText.code500, .zhHans)))
            #expect(!res.text.lowercased().contains("user_sessions") && !res.text.contains("SQL"))
        }
    }

    @Test func territoryEditingThroughTheAPI() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let created = try await b.json(
                .POST, "/api/v1/territory/\(c1.id!)/children",
                #"{"code":"API-X","name":"接口小区","kind":"resettlementHousing"}"#)
            #expect(created.status == .created)
            let compound = try created.decode(DTO.Node.self)
            #expect(compound.level == .compound && compound.path.hasPrefix(c1.path))
            let building = try await b.json(
                .POST, "/api/v1/territory/\(compound.id)/children", #"{"code":"API-X-B1","name":"1号楼"}"#
            ).decode(DTO.Node.self)
            let unit = try await b.json(
                .POST, "/api/v1/territory/\(building.id)/units",
                #"{"code":"API-X-B1-101","number":"101","kind":"residential","status":"delivered","surveyArea":"70.2","contractArea":"71"}"#
            )
            #expect(unit.status == .created)
            let u = try unit.decode(DTO.UnitSummary.self)
            #expect(u.area == "70.20" && u.areaSource == .survey)
            let patched = try await b.json(.PATCH, "/api/v1/territory/\(compound.id)", #"{"name":"接口新苑"}"#).decode(
                DTO.Node.self)
            #expect(patched.name == "接口新苑" && patched.kind == "resettlementHousing")
            let detail = try await b.json(.GET, "/api/v1/territory/\(c1.id!)").decode(DTO.NodeDetail.self)
            #expect(detail.children.contains { $0.code == "API-X" })
            #expect(detail.stats.units > 0)
            // Residents see no personal data through the API.
            let planner = Browser(t.app)
            try await planner.signIn("planner")
            let anyUnit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1-101").first())
            let seen = try await planner.json(.GET, "/api/v1/units/\(anyUnit.id!)").decode(DTO.UnitDetail.self)
            #expect(seen.owners == nil && seen.households == nil)
            let staffView = try await b.json(.GET, "/api/v1/units/\(anyUnit.id!)").decode(DTO.UnitDetail.self)
            #expect(staffView.owners?.first?.phone?.contains("****") == true)
        }
    }
}
