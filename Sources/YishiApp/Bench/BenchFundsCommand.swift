import Fluent
import Foundation
import SQLKit
import Vapor
import YishiCore

/// `yishi bench funds [--pots N] [--postings M] [--postgres URL]`: the demo district given N pots
/// (default 2,000, over its communities) and M postings (default 1,000,000: receipts of two
/// postings each, one pot holding 50,000 entries in the first half of 2026), the garden project
/// given 20 allocations and 60 expenses (more than a micro-renewal has); then, as the community's staff signed in, 16 at once: a
/// pot's page (its balance, reserved and available, its latest entries) and a project's money page,
/// each loaded and written as HTML (the money page through its few-second cache, as visitors get
/// it; its uncached read is timed one at a time too); the big pot's six-monthly statement made, frozen and published;
/// receipts written through the whole path (checks, the pot's lock, matching, the audit chain) by 8
/// writers at once for 10 seconds; then `funds verify` over everything. Prints one JSON line with
/// `balance_p95_ms` (the API's answer), `pot_page_p95_ms`, `project_money_p95_ms`, `statement_ms`,
/// `entries_per_s` and `verify_ok`.
struct BenchFundsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "pots", help: "pots (default 2000)")
        var pots: Int?
        @Option(name: "postings", help: "ledger postings (default 1000000)")
        var postings: Int?
        @Option(name: "seconds", help: "how long receipts are written (default 10)")
        var seconds: Int?
        @Option(
            name: "postgres",
            help: "a PostgreSQL URL to use instead of a temporary SQLite file (its database must be empty)")
        var postgres: String?
        init() {}
    }
    var help: String {
        "Times the ledger: a pot's balance, a project's money, a statement, entries per second / 资金账目性能"
    }

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
            let out = try await FundsBench.run(
                pots: max(10, signature.pots ?? 2_000), postings: max(200_000, signature.postings ?? 1_000_000),
                seconds: max(1, signature.seconds ?? 10), app: app,
                database: signature.postgres == nil ? "sqlite" : "postgresql")
            try await app.asyncShutdown()
            print(out)
        } catch {
            try? await app.asyncShutdown()
            try CLI.fail("\(error)")
        }
    }
}

enum FundsBench {
    /// Runs `body` with the ledger's triggers set aside (a bulk load of rows already known to hold),
    /// then puts them back and sets each pot's stored balance to the sum of its postings.
    static func bulk(_ db: any Database, _ body: @escaping @Sendable (any Database) async throws -> Void) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            let triggers = try await sql.raw(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'fund_%'"
            ).all().map {
                (try $0.decode(column: "name", as: String.self), try $0.decode(column: "sql", as: String.self))
            }
            for (name, _) in triggers { try await sql.raw("DROP TRIGGER \(ident: name)").run() }
            try await db.transaction { tx in try await body(tx) }
            for (_, definition) in triggers { try await sql.raw("\(unsafeRaw: definition)").run() }
        } else {
            for t in ["fund_entries", "fund_postings"] {
                try await sql.raw("ALTER TABLE \(ident: t) DISABLE TRIGGER USER").run()
            }
            try await db.transaction { tx in try await body(tx) }
            for t in ["fund_entries", "fund_postings"] {
                try await sql.raw("ALTER TABLE \(ident: t) ENABLE TRIGGER USER").run()
            }
        }
        try await sql.raw(
            """
            UPDATE fund_pots SET balance = (SELECT CAST(COALESCE(SUM(p.fen), 0) AS BIGINT) FROM fund_postings p
              WHERE p.pot_id = fund_pots.id)
            """
        ).run()
    }

    static func run(pots count: Int, postings total: Int, seconds: Int, app: Application, database: String) async throws
        -> String
    {
        let db = app.db
        guard let district = try await TerritoryNode.query(on: db).filter(\.$code == DemoDistrict.districtCode).first(),
            let staffUser = try await User.query(on: db).filter(\.$username == "baolin1").first(),
            let districtUser = try await User.query(on: db).filter(\.$username == "baoshan").first(),
            let garden = try await Project.query(on: db).filter(\.$title == "二号楼旁小花园改造").with(\.$node).first()
        else { throw Abort(.internalServerError, reason: "the demo has no district, baolin1 or garden") }
        let path = district.territoryPath
        let communities = try await TerritoryNode.query(on: db).filter(\.$level == .community)
            .filter(\.$path >= path.encoded).filter(\.$path < path.subtreeUpperBound).sort(\.$code).all()
        let now = app.effects.time.now()
        let kinds: [PotKind] = [.selfGovernance, .partner, .foundation, .publicFunds, .titleHolder]
        let policy = String(
            decoding: try JSONEncoder().encode(ApprovalPolicy(steps: [.init(name: "", required: 1)])), as: UTF8.self)
        // The garden's own community holds the big pot (the staff signed in record there).
        let home = garden.node
        let (_, loadMS) = try await NeedsBench.timedAsync { () -> Void in
            var pots = BatchInsert(
                table: FundPot.schema,
                columns: [
                    "id", "node_id", "kind", "name", "custodian", "legal_owner", "purposes", "policy", "schedule",
                    "fiscal_year_start", "show_names", "show_invoices", "status", "balance", "created_at",
                ])
            var ids: [UUID] = []
            for i in 0..<count {
                let id = UUID()
                ids.append(id)
                let node = i == 0 ? home : communities[i % communities.count]
                pots.add([
                    id, node.id!, kinds[i % kinds.count].rawValue, "压测资金池\(i + 1)", "居委会", "居民区", "", policy,
                    "halfYearly", 1, false, false, "open", Int64(0), now,
                ])
            }
            var entries = BatchInsert(
                table: FundEntry.schema,
                columns: [
                    "id", "node_id", "kind", "effective", "recorded_at", "memo", "party", "on_behalf", "content_hash",
                ])
            var postings = BatchInsert(
                table: FundPosting.schema, columns: ["id", "entry_id", "account", "pot_id", "fen", "effective"])
            let big = 50_000
            let n = total / 2
            for j in 0..<n {
                let isBig = j < big + 5_000
                let pot = isBig ? ids[0] : ids[1 + j % (ids.count - 1)]
                let node = isBig ? home.id! : communities[(1 + j % (ids.count - 1)) % communities.count].id!
                // The big pot: 5,000 entries in 2025, then 50,000 in the first half of 2026.
                let day =
                    isBig
                    ? (j < 5_000
                        ? CalendarDay(year: 2025, month: 1 + j % 12, day: 1 + j % 28)!
                        : CalendarDay(year: 2026, month: 1 + j % 6, day: 1 + j % 28)!)
                    : CalendarDay(year: 2024 + j % 3, month: 1 + j % 12, day: 1 + j % 28)!
                let fen = Int64(100 + (j * 37) % 50_000)
                let party = FundParty.allCases[j % FundParty.allCases.count]
                let eid = UUID()
                entries.add([
                    eid, node, EntryKind.receipt.rawValue, day.description, now, "压测", party.rawValue, "出资方\(j % 500)",
                    "bench",
                ])
                postings.add([UUID(), eid, LedgerAccount.pot(pot), pot, fen, day.description])
                postings.add([
                    UUID(), eid, LedgerAccount.source("\(party.rawValue):出资方\(j % 500)"), nil as UUID?, -fen,
                    day.description,
                ])
            }
            // The garden: 20 allocations from the community's bench pots, 60 expenses.
            let gardenPots = ids.enumerated().filter { $0.offset % communities.count == 0 || $0.offset == 0 }.map(
                \.element)
            var allocations = BatchInsert(
                table: FundAllocation.schema,
                columns: [
                    "id", "pot_id", "project_id", "line", "fen", "decision", "decision_ref", "status", "approved_fen",
                    "paid_fen", "created_at",
                ])
            var expenses = BatchInsert(
                table: FundExpense.schema,
                columns: ["id", "allocation_id", "title", "payee", "items", "fen", "files", "status", "created_at"])
            for a in 0..<200 {
                let aid = UUID()
                allocations.add([
                    aid, a % 4 == 0 ? gardenPots[a % gardenPots.count] : ids[0], garden.id!, "materials", Int64(30_000),
                    "agreement", "压测",
                    "open", Int64(0), Int64(0), now,
                ])
                for k in 0..<3 {
                    expenses.add([
                        UUID(), aid, "压测支出\(a)-\(k)", "施工队", #"[{"text":"材料","fen":5000}]"#, Int64(5_000), "[]",
                        ExpenseFlow.Status.submitted.rawValue, now,
                    ])
                }
            }
            let batches = [pots, entries, postings, allocations, expenses]
            try await bulk(db) { tx in for b in batches { try await b.insert(on: tx) } }
            await SQLiteTuning.optimize(db)
        }
        guard let bigPot = try await FundPot.query(on: db).filter(\.$name == "压测资金池1").first() else {
            throw Abort(.internalServerError, reason: "no bench pot")
        }
        let grants = try await PrincipalMiddleware.grants(of: staffUser.requireID(), on: db)
        let actor = Actor(userId: try staffUser.requireID(), kind: .staff, isVerified: true, grants: grants)
        let principal = Principal(userID: try staffUser.requireID(), displayName: staffUser.displayName, actor: actor)
        let caller = app.caller(.person(actor), auditActor: AuditActor(id: actor.userId, label: "bench"))
        // The receipts are written by the district's administrator (every pot is in scope).
        let districtActor = Actor(
            userId: try districtUser.requireID(), kind: .staff, isVerified: true,
            grants: try await PrincipalMiddleware.grants(of: districtUser.requireID(), on: db))
        let writer = app.caller(
            .person(districtActor), auditActor: AuditActor(id: districtActor.userId, label: "bench"))
        let ctx = PageContext(
            lang: .zhHans, care: .off, principal: principal, csrf: "bench", here: "/", notice: nil, navigation: [])
        let potIDs = try await FundPot.query(on: db).filter(\.$name =~ "压测资金池").all().compactMap(\.id)
        let bigID = bigPot.id!
        // A pot's balance as the API answers it (balance, reserved, available), and its page (with
        // the latest entries): the big pot every fourth time, others otherwise.
        let balance = try await Bench.concurrently { k in
            let p = try await Funds.pot(k % 4 == 0 ? bigID : potIDs[(k * 37) % potIDs.count], on: db)
            let out = FundsAPI.out(p, code: p.node.code, reserved: try await Funds.reserved(p.id!, on: db))
            _ = try JSONEncoder().encode(out)
        }
        let page = try await Bench.concurrently { k in
            let id = k % 4 == 0 ? bigID : potIDs[(k * 37) % potIDs.count]
            _ = Layout.document(ctx, FundPages.pot(ctx, try await FundRoutes.potModel(id, by: caller)))
        }
        let gardenID = garden.id!
        let money = try await Bench.concurrently { _ in
            _ = Layout.document(ctx, FundPages.money(ctx, try await FundRoutes.moneyModel(gardenID, by: caller, ctx)))
        }
        // One at a time: what reading costs, and what writing the HTML costs.
        var serial: [String: Any] = [:]
        for (name, id) in [("big", bigID), ("small", potIDs[7])] {
            var (model, render) = (0.0, 0.0)
            for _ in 0..<10 {
                let s0 = DispatchTime.now().uptimeNanoseconds
                let m = try await FundRoutes.potModel(id, by: caller)
                let s1 = DispatchTime.now().uptimeNanoseconds
                _ = Layout.document(ctx, FundPages.pot(ctx, m))
                model += Double(s1 - s0) / 1e7
                render += Bench.ms(since: s1) / 10
            }
            serial["pot_\(name)_model_ms"] = model
            serial["pot_\(name)_render_ms"] = render
        }
        var (moneyModel, moneyRender) = (0.0, 0.0)
        for _ in 0..<10 {
            // The read itself, past the page's cache (what the first visitor after a change waits for).
            let s0 = DispatchTime.now().uptimeNanoseconds
            _ = try await FundRoutes.moneyData(gardenID, on: db, now: now)
            let s1 = DispatchTime.now().uptimeNanoseconds
            let m = try await FundRoutes.moneyModel(gardenID, by: caller, ctx)
            _ = Layout.document(ctx, FundPages.money(ctx, m))
            moneyModel += Double(s1 - s0) / 1e7
            moneyRender += Bench.ms(since: s1) / 10
        }
        serial["money_read_uncached_ms"] = moneyModel
        serial["money_render_ms"] = moneyRender
        // The big pot's statement for the first half of 2026 (50,000 entries), made and published.
        let s0 = DispatchTime.now().uptimeNanoseconds
        let statement = try await Funds.makeStatement(
            .init(pot: bigID, from: "2026-01-01", to: "2026-06-30", reported: nil, explanation: nil), by: caller)
        let statementMS = Bench.ms(since: s0)
        // Receipts through the whole path, 8 writers at once, for `seconds`.
        let targets = Array(potIDs.prefix(200))
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000
        let w0 = DispatchTime.now().uptimeNanoseconds
        let written = try await withThrowingTaskGroup(of: Int.self) { group in
            for lane in 0..<8 {
                group.addTask {
                    var n = 0
                    while DispatchTime.now().uptimeNanoseconds < deadline {
                        _ = try await Funds.receive(
                            .init(
                                pot: targets[(lane * 7919 + n) % targets.count], yuan: "\(10 + n % 90).50",
                                party: "partner", from: "压测单位\(lane)", idempotencyKey: "bench-\(lane)-\(n)"),
                            by: writer)
                        n += 1
                    }
                    return n
                }
            }
            var sum = 0
            for try await n in group { sum += n }
            return sum
        }
        let entriesPerS = Double(written) / (Bench.ms(since: w0) / 1000)
        let v0 = DispatchTime.now().uptimeNanoseconds
        let report = try await FundsVerification.run(on: db)
        let verifyMS = Bench.ms(since: v0)
        func pct(_ t: [Double], _ q: Double) -> Double { t[min(t.count - 1, Int(Double(t.count) * q))] }
        return try Bench.jsonLine(
            serial.merging([
                "bench": "funds", "database": database, "pots": try await FundPot.query(on: db).count(),
                "postings": report.postings, "entries": report.entries, "statement_entries": statement.entries,
                "concurrency": 16, "load_ms": loadMS, "balance_p50_ms": pct(balance, 0.5),
                "balance_p95_ms": pct(balance, 0.95), "pot_page_p50_ms": pct(page, 0.5),
                "pot_page_p95_ms": pct(page, 0.95), "project_money_p50_ms": pct(money, 0.5),
                "project_money_p95_ms": pct(money, 0.95), "statement_ms": statementMS, "entries_written": written,
                "writers": 8, "entries_per_s": entriesPerS, "verify_ok": report.ok, "verify_ms": verifyMS,
                "verify_failures": report.failures.count,
            ]) { a, _ in a })
    }
}
