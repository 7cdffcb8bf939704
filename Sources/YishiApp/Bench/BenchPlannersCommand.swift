import Fluent
import Foundation
import SQLKit
import Vapor
import YishiCore

/// `yishi bench planners [--planners N] [--entries M] [--postgres URL]`: the demo district given N
/// planners (default 2,000; each appointed in a subdistrict and paired with it) and M service-log
/// entries (default 200,000, spread over the past year), then timed at 16 at once as the district's
/// administrator sees them: the district's pairing board, a planner's annual-review form with this
/// year's figures prefilled (hours, confirmed hours, entries, projects, ratings), and a planner's
/// page, each loaded and written as HTML. Prints one JSON line with `pairing_p95_ms`,
/// `review_p95_ms` and `planner_p95_ms`.
struct BenchPlannersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "planners", help: "planners (default 2000)")
        var planners: Int?
        @Option(name: "entries", help: "service-log entries (default 200000)")
        var entries: Int?
        @Option(
            name: "postgres",
            help: "a PostgreSQL URL to use instead of a temporary SQLite file (its database must be empty)")
        var postgres: String?
        init() {}
    }
    var help: String { "Times the planners' pairing board and a planner's review figures / 规划师页面性能" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        do {
            let db: Settings.DatabaseChoice =
                signature.postgres.map { .postgres($0) } ?? .sqliteFile(dir.appendingPathComponent("bench.sqlite").path)
            try await Yishi.configure(app, settings: Settings(database: db))
            try await Yishi.prepareDatabase(app)
            _ = try await DemoLoader.load(app, passwordHash: "bench")
            let out = try await PlannersBench.run(
                planners: max(12, signature.planners ?? 2_000), entries: max(0, signature.entries ?? 200_000), app: app,
                database: signature.postgres == nil ? "sqlite" : "postgresql")
            try await app.asyncShutdown()
            print(out)
        } catch {
            try? await app.asyncShutdown()
            try CLI.fail("\(error)")
        }
    }
}

enum PlannersBench {
    static func run(planners count: Int, entries total: Int, app: Application, database: String) async throws -> String
    {
        let db = app.db
        guard let district = try await TerritoryNode.query(on: db).filter(\.$code == DemoDistrict.districtCode).first(),
            let admin = try await User.query(on: db).filter(\.$username == "baoshan").first()
        else { throw Abort(.internalServerError, reason: "the demo has no district or baoshan") }
        let subs = try await TerritoryNode.query(on: db).filter(\.$parent.$id == district.id!)
            .filter(\.$level == .subdistrict).sort(\.$code).all()
        let now = app.effects.time.now()
        let today = CalendarDay(now)
        let (_, loadMS) = try await NeedsBench.timedAsync { () -> [UUID] in
            var planners = BatchInsert(
                table: Planner.schema,
                columns: [
                    "id", "district_id", "name", "organisation", "background", "qualifications",
                    "social_work_certificate", "source", "status", "created_at",
                ])
            var appointments = BatchInsert(
                table: PlannerAppointmentRow.schema,
                columns: [
                    "id", "planner_id", "tier", "scope_id", "authority_id", "rules_version", "starts_on", "ends_on",
                    "certificate", "status", "created_at",
                ])
            var pairings = BatchInsert(
                table: PlannerPairingRow.schema, columns: ["id", "planner_id", "node_id", "started_on", "created_at"])
            var ids: [UUID] = []
            let start = today.adding(days: -300)
            for i in 0..<count {
                let id = UUID()
                ids.append(id)
                let sub = subs[i % subs.count]
                planners.add([
                    id, district.id!, "规划师\(i + 1)", "压测单位", PlannerBackground.allCases[i % 7].rawValue, "", false,
                    PlannerSource.recommended.rawValue, PlannerStatus.appointed.rawValue, now,
                ])
                appointments.add([
                    UUID(), id, PlannerTier.subdistrict.rawValue, sub.id!, sub.id!, 1, start.description,
                    start.adding(years: 2).adding(days: -1).description, "BENCH-\(i + 1)", "active", now,
                ])
                pairings.add([UUID(), id, sub.id!, start.description, now])
            }
            var service = BatchInsert(
                table: PlannerServiceEntry.schema,
                columns: [
                    "id", "planner_id", "kind", "day", "quarter_hours", "node_id", "note", "confirmed_at", "created_at",
                ])
            for j in 0..<total {
                let planner = ids[j % ids.count]
                service.add([
                    UUID(), planner, ServiceKind.allCases[j % 6].rawValue,
                    today.adding(days: -(j / ids.count) % 300).description,
                    4 + j % 8, subs[j % subs.count].id!, "", j % 3 == 0 ? nil : now, now,
                ])
            }
            // The demo's rules (seed 001 and its renewal) stay as they are.
            let batches = [planners, appointments, pairings, service]
            try await db.transaction { tx in for b in batches { try await b.insert(on: tx) } }
            await SQLiteTuning.optimize(db)
            return ids
        }
        let ids = try await Planner.query(on: db).filter(\.$organisation == "压测单位").all().map { $0.id! }
        let grants = try await PrincipalMiddleware.grants(of: admin.requireID(), on: db)
        let actor = Actor(userId: try admin.requireID(), kind: .staff, isVerified: true, grants: grants)
        let principal = Principal(userID: try admin.requireID(), displayName: admin.displayName, actor: actor)
        let caller = app.caller(.person(actor), auditActor: AuditActor(id: actor.userId, label: "bench"))
        let ctx = PageContext(
            lang: .zhHans, care: .off, principal: principal, csrf: "bench", here: "/", notice: nil, navigation: [])
        let districtID = district.id!
        let pairing = try await Bench.concurrently { _ in
            _ = Layout.document(ctx, try await PlannerRoutes.boardView(districtID, by: caller, ctx: ctx))
        }
        let review = try await Bench.concurrently { k in
            let m = try await PlannerFormRoutes.reviewModel(ids[(k * 37) % ids.count], year: nil, by: caller)
            _ = Layout.document(ctx, PlannerPages.review(ctx, m, form: .init(), errors: FormErrors()))
        }
        let page = try await Bench.concurrently { k in
            let m = try await PlannerRoutes.model(ids[(k * 41) % ids.count], by: caller)
            _ = Layout.document(ctx, PlannerPages.planner(ctx, m, errors: FormErrors()))
        }
        // One at a time: what reading the board costs, and what writing its HTML costs.
        var (modelMS, renderMS) = (0.0, 0.0)
        for _ in 0..<20 {
            let s0 = DispatchTime.now().uptimeNanoseconds
            let view = try await PlannerRoutes.boardView(districtID, by: caller, ctx: ctx)
            let s1 = DispatchTime.now().uptimeNanoseconds
            _ = Layout.document(ctx, view)
            modelMS += Double(s1 - s0) / 1e6 / 20
            renderMS += Bench.ms(since: s1) / 20
        }
        func pct(_ t: [Double], _ q: Double) -> Double { t[min(t.count - 1, Int(Double(t.count) * q))] }
        return try Bench.jsonLine([
            "bench": "planners", "database": database,
            "planners": try await Planner.query(on: db).filter(\.$district.$id == districtID).count(),
            "entries": try await PlannerServiceEntry.query(on: db).count(), "concurrency": 16,
            "load_ms": loadMS, "pairing_p50_ms": pct(pairing, 0.5), "pairing_p95_ms": pct(pairing, 0.95),
            "review_p50_ms": pct(review, 0.5), "review_p95_ms": pct(review, 0.95),
            "planner_p50_ms": pct(page, 0.5), "planner_p95_ms": pct(page, 0.95), "calls": pairing.count,
            "pairing_model_ms": modelMS, "pairing_render_ms": renderMS,
        ])
    }
}
