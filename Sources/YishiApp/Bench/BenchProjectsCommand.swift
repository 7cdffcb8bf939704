import Fluent
import Foundation
import SQLKit
import Vapor
import YishiCore

/// `yishi bench projects [--projects N] [--postgres URL]`: one community of the demo district given
/// N projects (default 500) and one project with 300 events (50 meetings with minutes and a
/// resolution, 50 moves, 50 design options with a comment each, 50 documents, 50 works and review
/// records), then timed at 16 at once: that project's page (its model as the page loads it, and
/// the HTML) and the community's project list page with its figures; then the printouts once: the
/// project's story and a meeting's A4 sign-in sheet (`print_ms` is the slower). Prints one JSON line.
struct BenchProjectsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "projects", help: "projects (default 500)")
        var projects: Int?
        @Option(
            name: "postgres",
            help: "a PostgreSQL URL to use instead of a temporary SQLite file (its database must be empty)")
        var postgres: String?
        init() {}
    }
    var help: String { "Times a project's page and a community's project list / 项目页面性能" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = try await Application.make(.testing)
        do {
            let db: Settings.DatabaseChoice =
                signature.postgres.map { .postgres($0) } ?? .sqliteFile(dir.appendingPathComponent("bench.sqlite").path)
            try await Yishi.configure(app, settings: Settings(database: db))
            try await Yishi.prepareDatabase(app)
            _ = try await DemoLoader.load(app, passwordHash: "bench")
            let out = try await ProjectsBench.run(
                projects: max(1, signature.projects ?? 500), app: app,
                database: signature.postgres == nil ? "sqlite" : "postgresql")
            try await app.asyncShutdown()
            print(out)
        } catch {
            try? await app.asyncShutdown()
            try CLI.fail("\(error)")
        }
    }
}

enum ProjectsBench {
    static func run(projects count: Int, app: Application, database: String) async throws -> String {
        let db = app.db
        guard let community = try await TerritoryNode.query(on: db).filter(\.$code == "BS01-C1").first(),
            let staff = try await User.query(on: db).filter(\.$username == "baolin1").first()
        else { throw Abort(.internalServerError, reason: "the demo has no BS01-C1 or baolin1") }
        let now = app.effects.time.now()
        // The community's projects, then the one with its events.
        let projects: [Project] = try await db.transaction { tx in
            var projects: [Project] = []
            for i in 0..<count {
                let p = Project()
                p.$node.id = try community.requireID()
                p.title = "微更新项目 \(i + 1)"
                p.description = "项目说明 \(i + 1)"
                p.kind = ProjectKind.allCases[i % 4]
                p.initiator = .selfGovernance
                p.templateKey = ["six-steps", "one-map-three-meetings", "gaojing-eleven-steps"][i % 3]
                p.stage = i % 5
                try await p.create(on: tx)
                projects.append(p)
            }
            let big = projects[0]
            let decision = try MeetingRules.decide(.hearing, electorate: nil, present: 30, yes: 20).get()
            let conditions = String(decoding: try JSONEncoder().encode(decision.conditions), as: UTF8.self)
            for i in 0..<50 {
                let m = Meeting()
                m.$node.id = try community.requireID()
                m.$project.id = big.id
                m.projectStage = i % 3
                m.kind = [.hearing, .coordination, .review, .buildingGroup][i % 4]
                m.title = "会议 \(i + 1)"
                m.agenda = "议程 \(i + 1)"
                m.venue = "活动室"
                m.startsAt = now.addingTimeInterval(Double(i - 50) * 86_400)
                m.code = MeetingRules.code(UInt64(i))
                m.minutes = "纪要 \(i + 1)"
                try await m.create(on: tx)
                let r = MeetingResolution()
                r.$meeting.id = m.id!
                r.text = "决议 \(i + 1)"
                r.present = 30
                r.yes = 20
                r.status = decision.status.rawValue
                r.conditionsJSON = conditions
                try await r.create(on: tx)
                let mv = ProjectMove()
                mv.$project.id = big.id!
                mv.fromStage = i % 3
                mv.toStage = (i + 1) % 3
                mv.reason = i % 2 == 0 ? nil : "退回原因 \(i)"
                try await mv.create(on: tx)
                let o = DesignOption()
                o.$project.id = big.id!
                o.label = "方案\(i % 5)"
                o.version = i / 5 + 1
                o.description = "方案说明 \(i + 1)"
                o.costFen = Int64(100_000 * (i + 1))
                o.chosen = false
                try await o.create(on: tx)
                let c = DesignOptionComment()
                c.$option.id = o.id!
                c.text = "意见 \(i + 1)"
                c.userID = try staff.requireID()
                c.staff = false
                try await c.create(on: tx)
                let a = Attachment(name: "doc\(i).pdf", contentType: "application/pdf", data: Data("%PDF-1.4\n".utf8))
                try await a.create(on: tx)
                let d = ProjectDocument()
                d.$project.id = big.id!
                d.stage = i % 3
                d.name = "文件 \(i + 1)"
                d.$attachment.id = a.id!
                try await d.create(on: tx)
                // Works and review: progress entries with a photo's place, problems, the rest.
                let rec = ProjectRecord()
                rec.$project.id = big.id!
                rec.kind = [.progress, .problem, .procurement, .assessment, .beforeAfter][i % 5]
                rec.stage = 3
                rec.text = "记录 \(i + 1)"
                rec.percent = rec.kind == .progress ? min(100, i * 2) : nil
                rec.attachmentsJSON = "[]"
                rec.byResident = rec.kind == .problem
                try await rec.create(on: tx)
            }
            return projects
        }
        await SQLiteTuning.optimize(db)
        let grants = try await PrincipalMiddleware.grants(of: staff.requireID(), on: db)
        let actor = Actor(userId: try staff.requireID(), kind: .staff, isVerified: true, grants: grants)
        let principal = Principal(userID: try staff.requireID(), displayName: staff.displayName, actor: actor)
        let caller = app.caller(.person(actor), auditActor: AuditActor(id: actor.userId, label: "bench"))
        let ctx = PageContext(
            lang: .zhHans, care: .off, principal: principal, csrf: "bench", here: "/", notice: nil, navigation: [])
        let bigID = try projects[0].requireID()
        func timed16(_ body: @escaping @Sendable () async throws -> Void) async throws -> [Double] {
            try await withThrowingTaskGroup(of: [Double].self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        var times: [Double] = []
                        for _ in 0..<25 {
                            let start = DispatchTime.now().uptimeNanoseconds
                            try await body()
                            times.append(Bench.ms(since: start))
                        }
                        return times
                    }
                }
                var all: [Double] = []
                for try await t in group { all += t }
                return all.sorted()
            }
        }
        let page = try await timed16 {
            let p = try await ProjectsService.readable(bigID, by: caller)
            let m = try await ProjectRoutes.model(of: p, by: caller)
            _ = Layout.document(ctx, ProjectPages.project(ctx, m))
        }
        // One at a time: what loading the page's record costs, and what writing its HTML costs.
        var modelMS = 0.0
        var renderMS = 0.0
        for _ in 0..<40 {
            let s0 = DispatchTime.now().uptimeNanoseconds
            let p = try await ProjectsService.readable(bigID, by: caller)
            let m = try await ProjectRoutes.model(of: p, by: caller)
            let s1 = DispatchTime.now().uptimeNanoseconds
            _ = Layout.document(ctx, ProjectPages.project(ctx, m))
            modelMS += Double(s1 - s0) / 1e6 / 40
            renderMS += Bench.ms(since: s1) / 40
        }
        let list = try await timed16 {
            _ = Layout.document(ctx, try await ProjectRoutes.listView(community, page: 0, by: caller, ctx: ctx))
        }
        // The printouts: the project's story (its whole record on paper) and a meeting's A4 sign-in sheet.
        var start = DispatchTime.now().uptimeNanoseconds
        let printed = Layout.document(ctx, ProjectStory.page(ctx, try await ProjectStory.model(bigID, by: caller)))
        let printMS = Bench.ms(since: start)
        start = DispatchTime.now().uptimeNanoseconds
        let meeting = try await Meeting.query(on: db).filter(\.$project.$id == bigID).with(\.$node).first()!
        _ = Layout.document(
            ctx,
            MeetingPages.sheet(
                ctx, meeting, households: try await MeetingRoutes.households(of: meeting, on: db)))
        let sheetMS = Bench.ms(since: start)
        func pct(_ t: [Double], _ q: Double) -> Double { t[min(t.count - 1, Int(Double(t.count) * q))] }
        let out: [String: Any] = [
            "bench": "projects", "database": database, "projects": count, "events": 300, "concurrency": 16,
            "page_p50_ms": pct(page, 0.5), "page_p95_ms": pct(page, 0.95), "list_p50_ms": pct(list, 0.5),
            "list_p95_ms": pct(list, 0.95), "print_ms": max(printMS, sheetMS), "story_ms": printMS,
            "sheet_ms": sheetMS, "story_bytes": printed.readableBytes, "page_model_ms": modelMS,
            "page_render_ms": renderMS,
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys]), as: UTF8.self)
    }
}
