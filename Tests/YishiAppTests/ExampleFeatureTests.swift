import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The smallest capability: a page, an API operation with its schema, a navigation entry, a notice
/// and a command — everything it brings is in this file, and one line registers it (here
/// `withYishi(adding:)`; in the platform, one line in `Yishi.features`).
struct NoticeboardFeature: Feature {
    var pages: [any RouteCollection] { [NoticeboardRoutes()] }
    var api: [any RouteCollection] { [NoticeboardAPI()] }
    var apiDescription: APIDescription {
        .init(
            operations: [
                .init(
                    method: "get", path: "/api/v1/noticeboard", summary: "The board", tag: "noticeboard",
                    response: (200, "Board"), isPublic: true)
            ],
            schemas: { ["Board": OpenAPIDocument.object(["title": OpenAPIDocument.string], required: ["title"])] })
    }
    var navigation: [NavEntry] { [NavEntry(order: 25, label: "app.name", path: "/noticeboard")] }
    var notices: [String] { ["common.save"] }
    var commands: [FeatureCommand] { [.init(name: "noticeboard", command: NoticeboardCommand())] }
    var jobKinds: [JobKindHandler] {
        [
            JobKindHandler(
                kind: Job.Kind(rawValue: "noticeboardCount"), placeLabel: CommonText.code.key,
                perform: { _, file, _ in "{\"lines\":\(file.data.split(separator: 10).count)}" },
                resultView: { job, _ in [H.el("p", text: "counted: \(job.result ?? "")")] })
        ]
    }
    /// Its part of the demo, run between the territory's (order 10) and the accounts' (20): it
    /// finds the district the territory part made by its code.
    var demo: [DemoPart] {
        [
            DemoPart(order: 15) { demo in
                let district = try await demo.node(DemoDistrict.districtCode)
                demo.counts["boards"] = "1 in \(district.name)"
            }
        ]
    }

    struct NoticeboardRoutes: RouteCollection {
        func boot(routes: any RoutesBuilder) throws {
            routes.get("noticeboard") { req in
                req.render(PageView(title: "Noticeboard") { H.el("p", text: "pinned") })
            }
        }
    }

    struct NoticeboardAPI: RouteCollection {
        struct Board: Content { var title: String }
        func boot(routes api: any RoutesBuilder) throws {
            api.get("noticeboard") { _ in Board(title: "pinned") }
        }
    }

    struct NoticeboardCommand: AsyncCommand {
        struct Signature: CommandSignature {}
        var help: String { "The example capability's command" }
        func run(using context: CommandContext, signature: Signature) async throws {}
    }
}

@Suite("A capability registers itself")
struct ExampleFeatureTests {
    @Test func oneRegistrationLineBringsPagesAPIDocumentNavigationNoticesAndCommands() async throws {
        try await withYishi(adding: [NoticeboardFeature()]) { t in
            let b = Browser(t.app)
            let page = try await b.get("/noticeboard?notice=common.save")
            #expect(page.status == .ok)
            #expect(page.text.contains("pinned"))
            #expect(
                page.text.contains(#"<a href="/noticeboard" aria-current="page">"#),
                "its navigation entry, marked current")
            #expect(page.text.contains(#"<p class="notice" role="status">"#), "its notice shows")
            let json = try await b.get("/api/v1/noticeboard")
            #expect(json.status == .ok && json.text.contains("pinned"))
            let doc = try #require(
                try JSONSerialization.jsonObject(with: Data(try await b.get("/api/v1/openapi.json").text.utf8))
                    as? [String: Any])
            let paths = try #require(doc["paths"] as? [String: Any])
            #expect(paths["/api/v1/noticeboard"] != nil)
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            #expect(schemas["Board"] != nil && schemas["Node"] != nil, "its schema beside the platform's")
            let commands = t.app.asyncCommands.commands
            #expect(commands["noticeboard"] != nil)
            // Its own kind of background job, run by the shared worker and shown on the shared job page.
            let file = Attachment(name: "board.txt", contentType: "text/plain", data: Data("a\nb\nc".utf8))
            let job = try await JobRunner.enqueue(
                Job.Kind(rawValue: "noticeboardCount"), file: file, nodeID: nil, createdBy: nil, on: t.db)
            while try await JobRunner.runNext(t.app) {}
            let done = try #require(try await Job.find(job.id, on: t.db))
            #expect(done.status == .succeeded && done.result == "{\"lines\":3}")
            let ctx = Snapshot.context(.en, .off, navigation: [])
            let kind = try #require(t.app.features.jobKinds[done.kind])
            let jobPage = String(
                buffer: Layout.document(
                    ctx, JobPage.view(done, ctx, placeLabel: kind.placeLabel, result: kind.resultView(done, ctx))))
            #expect(jobPage.contains("counted: {"), "the kind's own part of the job page")
        }
        // Without it, none of that exists.
        try await withYishi { t in
            let page = try await Browser(t.app).get("/noticeboard")
            let home = try await Browser(t.app).get("/")
            #expect(page.status == .notFound)
            #expect(!home.text.contains("/noticeboard"))
        }
    }

    @Test func itsDemoPartRunsInOrderInTheOneDemoTransaction() async throws {
        try await withYishi(adding: [NoticeboardFeature()]) { t in
            let signIns = try await DemoLoader.load(t.app, passwordHash: DemoPassword.hash)
            #expect(signIns.count == 10, "the accounts' part ran after it")
            let entry = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.demoLoad.rawValue).first())
            #expect(entry.details.contains("1 in 宝山区"), "its count is in the demo's one audit entry")
            #expect(entry.details.contains("\"residents\""), "beside the territory part's")
        }
        // A part that fails takes the whole demo with it: nothing is half loaded.
        struct Failing: Feature {
            var demo: [DemoPart] { [DemoPart(order: 15) { _ in throw Abort(.internalServerError) }] }
        }
        try await withYishi(adding: [Failing()]) { t in
            await #expect(throws: (any Error).self) { try await DemoLoader.load(t.app, passwordHash: "x") }
            let nodes = try await TerritoryNode.query(on: t.db).count()
            let users = try await User.query(on: t.db).count()
            #expect(nodes == 0 && users == 0)
        }
    }

    @Test func theCurrentEntryIsTheLongestPathAbove() {
        let paths = ["/", "/territory", "/territory/import", "/lifecircle"]
        #expect(Layout.current("/", among: paths) == "/")
        #expect(Layout.current("/territory/abc", among: paths) == "/territory")
        #expect(Layout.current("/territory/import", among: paths) == "/territory/import")
        #expect(Layout.current("/territory-x", among: paths) == nil)
        #expect(Layout.current("/jobs/1", among: paths) == nil)
        #expect(Layout.current("/territory/abc/needs", among: paths + ["/needs"]) == "/needs", "a place's needs")
    }
}
