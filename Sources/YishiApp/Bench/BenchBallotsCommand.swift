import Fluent
import Foundation
import SQLKit
import Vapor
import YishiCore

/// `yishi bench ballots [--units N] [--voters V] [--connections C] [--postgres URL]`: the demo
/// district with two estates, each unit with its owner, the owner's account and a signed-in session,
/// and a vote opened at each:
///
/// - the load: a compound of V units (default 12,000, more than the fastest run reaches, so no
///   owner votes twice) whose owners cast their ballots online over HTTP on loopback (C at once,
///   default 16; each from its own session, through the whole stack: session, CSRF, the register,
///   the group commit, the audit chain). Only ballots answered 201 count towards `ballots_per_s`;
///   its record is verified after;
/// - the tally: N units (default 5,000) added to the owners' committee's compound, every owner's
///   ballot entered, then the tally from the stored ballots (the database read included), the close
///   and `votes verify` timed.
///
/// Prints one JSON line.
struct BenchBallotsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "units", help: "units of the estate whose tally is timed (default 5000)")
        var units: Int?
        @Option(name: "voters", help: "owners of the estate the HTTP load runs on (default 12000)")
        var voters: Int?
        @Option(name: "connections", help: "ballots sent at once (default 16)")
        var connections: Int?
        @Option(
            name: "postgres",
            help: "a PostgreSQL URL to use instead of a temporary SQLite file (its database must be empty)")
        var postgres: String?
        @Option(
            name: "prepare",
            help:
                "only prepare: load the demo and the estate into the configured database, open the vote, write its id and the owners' sessions to this JSON file (scripts/killtest-ballots)"
        )
        var prepare: String?
        @Option(
            name: "client",
            help:
                "wrk (default, when installed: a C load generator, so the server keeps most of the two cores) or internal (an HTTP client in this process)"
        )
        var client: String?
        init() {}
    }
    var help: String { "Times online ballots over HTTP and the tally of a large estate / 业主投票性能" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if let file = signature.prepare {
            let app = context.application
            try await Yishi.prepareDatabase(app)
            _ = try await DemoLoader.load(app, passwordHash: "bench")
            let (vote, voters) = try await BallotsBench.prepare(app: app, units: max(10, signature.units ?? 5_000))
            let out: [String: Any] = [
                "vote": vote.uuidString,
                "voters": voters.map { ["owner": $0.owner, "cookie": $0.cookie, "csrf": $0.csrf] },
            ]
            try JSONSerialization.data(withJSONObject: out).write(to: URL(fileURLWithPath: file))
            return
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .error
        do {
            let db: Settings.DatabaseChoice =
                signature.postgres.map { .postgres($0) } ?? .sqliteFile(dir.appendingPathComponent("bench.sqlite").path)
            try await Yishi.configure(app, settings: Settings(database: db, developmentPages: false))
            try await Yishi.prepareDatabase(app)
            _ = try await DemoLoader.load(app, passwordHash: "bench")
            let out = try await BallotsBench.run(
                app: app, units: max(10, signature.units ?? 5_000), voters: max(100, signature.voters ?? 12_000),
                connections: max(1, signature.connections ?? 16),
                database: signature.postgres == nil ? "sqlite" : "postgresql", useWrk: signature.client != "internal")
            try await app.asyncShutdown()
            print(out)
        } catch {
            try? await app.asyncShutdown()
            try CLI.fail("\(error)")
        }
    }
}

enum BallotsBench {
    struct Voter: Sendable {
        var owner: String
        var cookie: String
        var csrf: String
    }

    /// Adds `units` units (and owners, accounts, sessions) in new buildings of the committee's
    /// compound, or (`apart`) of a new compound beside it.
    static func estate(app: Application, units: Int, apart: Bool = false) async throws -> (
        compound: UUID, voters: [Voter]
    ) {
        let db = app.db
        guard let committee = try await User.query(on: db).filter(\.$username == "yeweihui").first(),
            let grant = try await RoleGrant.query(on: db).filter(\.$user.$id == committee.requireID()).first(),
            let committeeCompound = grant.$node.id,
            let beside = try await TerritoryNode.find(committeeCompound, on: db)
        else { throw Abort(.internalServerError, reason: "the demo has no owners' committee") }
        let now = Date()
        let perBuilding = 100
        var voters: [Voter] = []
        var nodes = BatchInsert(
            table: TerritoryNode.schema, columns: ["id", "level", "parent_id", "path", "code", "name", "created_at"])
        let compound: (id: UUID, path: [UUID], code: String)
        if apart, let community = beside.$parent.id {
            let id = UUID()
            let path = Array(beside.territoryPath.ids.dropLast()) + [id]
            compound = (id, path, "\(beside.code)-LOAD")
            nodes.add([
                id, TerritoryLevel.compound.rawValue, community, TerritoryPath(path).encoded, compound.code, "压测小区",
                now,
            ])
        } else {
            compound = (committeeCompound, beside.territoryPath.ids, beside.code)
        }
        let series = apart ? "L" : "Z"
        var unitRows = BatchInsert(
            table: Unit.schema,
            columns: [
                "id", "building_id", "code", "number", "kind", "status", "register_area", "area", "area_source",
                "created_at", "updated_at",
            ])
        var owners = BatchInsert(table: Owner.schema, columns: ["id", "code", "name", "phone", "created_at"])
        var ownerships = BatchInsert(table: "ownerships", columns: ["id", "owner_id", "unit_id"])
        var users = BatchInsert(
            table: User.schema,
            columns: ["id", "kind", "phone", "display_name", "failed_logins", "channel", "created_at"])
        var sessions = BatchInsert(
            table: UserSession.schema, columns: ["id", "token_hash", "user_id", "expires_at", "created_at"])
        var building: UUID = UUID()
        for i in 0..<units {
            if i % perBuilding == 0 {
                building = UUID()
                let b = i / perBuilding + 1
                let path = TerritoryPath(compound.path + [building]).encoded
                nodes.add([
                    building, TerritoryLevel.building.rawValue, compound.id, path, "\(compound.code)-\(series)\(b)",
                    "压测\(b)号", now,
                ])
            }
            let unit = UUID()
            let code = "\(compound.code)-\(series)\(i / perBuilding + 1)-\(i % perBuilding + 1)"
            let area = Int64(6_000 + (i * 37) % 9_000)
            unitRows.add([
                unit, building, code, String(i % perBuilding + 1), UnitKind.residential.rawValue,
                UnitStatus.delivered.rawValue, area, area, AreaSource.register.rawValue, now, now,
            ])
            let owner = UUID()
            let phone = String(format: apart ? "137%08d" : "139%08d", i + 1)
            owners.add([owner, "O-\(code)", "业主\(i + 1)", phone, now])
            ownerships.add([UUID(), owner, unit])
            let user = UUID()
            users.add([
                user, Actor.Kind.resident.rawValue, phone, "业主\(i + 1)", 0, YishiCore.Channel.online.rawValue, now,
            ])
            let token = app.effects.random.token()
            sessions.add([UUID(), sha256Hex(token), user, now.addingTimeInterval(86_400), now])
            voters.append(Voter(owner: "O-\(code)", cookie: token, csrf: CSRF.token(forSession: token)))
        }
        let batches = [nodes, unitRows, owners, ownerships, users, sessions]
        try await db.transaction { tx in for b in batches { try await b.insert(on: tx) } }
        await SQLiteTuning.optimize(db)
        return (compound.id, voters)
    }

    static func committee(_ app: Application) async throws -> Caller {
        guard let committeeUser = try await User.query(on: app.db).filter(\.$username == "yeweihui").first() else {
            throw Abort(.internalServerError)
        }
        let grants = try await PrincipalMiddleware.grants(of: committeeUser.requireID(), on: app.db)
        return app.caller(
            .person(Actor(userId: try committeeUser.requireID(), kind: .staff, isVerified: true, grants: grants)),
            auditActor: AuditActor(id: committeeUser.id, label: "bench"))
    }

    /// The estate, and a vote there frozen and opened (no correction period): by the owners'
    /// committee at its compound, by the platform elsewhere.
    static func openVote(app: Application, compound: UUID, by caller: Caller? = nil) async throws -> OwnersVote {
        var by = caller
        if by == nil { by = try await committee(app) }
        let v = try await OwnersVotes.create(
            .init(node: compound, matter: 4, title: "压测表决", text: "续聘物业", noticeDays: "0"), by: by!)
        try await OwnersVotes.freeze(v.id, reason: nil, by: by!)
        return try await OwnersVotes.open(v.id, by: by!)
    }

    static func prepare(app: Application, units: Int) async throws -> (UUID, [Voter]) {
        let (compound, voters) = try await estate(app: app, units: units)
        return (try await openVote(app: app, compound: compound).requireID(), voters)
    }

    static func run(
        app: Application, units: Int, voters loadVoters: Int, connections: Int, database: String, useWrk: Bool
    ) async throws -> String {
        // The load's estate and vote, apart from the committee's compound.
        let (loadCompound, voters) = try await estate(app: app, units: loadVoters, apart: true)
        let platform = app.caller(.platform, auditActor: AuditActor(id: nil, label: "bench"))
        let load = try await openVote(app: app, compound: loadCompound, by: platform)
        // The server, on a free loopback port.
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw Abort(.internalServerError) }
        let path = "/api/v1/votes/\(load.id!)/ballots"
        var warm = 500
        var client = "internal"
        var times: [Double] = []
        var (ok, refused, warmOK, warmRefused, seconds) = (0, 0, 0, 0, 1.0)
        var timed = 0
        var (p50, p99) = (0.0, 0.0)
        if useWrk, let w = try await Wrk.run(voters, port: port, path: path, connections: connections) {
            client = "wrk"
            (warm, warmOK, warmRefused) = (w.warmRequests, w.warmRequests - w.warmRefused, w.warmRefused)
            (timed, ok, refused, seconds) = (w.requests, w.requests - w.refused, w.refused, w.seconds)
            (p50, p99) = (w.p50, w.p99)
        } else {
            // In this process: the first 500 warm the server up (connections, caches), the next 5,500 are timed.
            let warmed = try await send(
                Array(voters.prefix(warm)), to: "http://127.0.0.1:\(port)\(path)", connections: connections, app: app)
            (warmOK, warmRefused) = (warmed.ok, warmed.refused)
            (times, ok, refused, seconds) = try await send(
                Array(voters.dropFirst(warm).prefix(5_500)), to: "http://127.0.0.1:\(port)\(path)",
                connections: connections, app: app)
            timed = times.count
            func pct(_ p: Double) -> Double {
                times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * p))]
            }
            (p50, p99) = (pct(0.5), pct(0.99))
        }
        await app.server.shutdown()
        let loadVerified = try await OwnersVotes.verify(load.id!, on: app.db)

        // The tally's estate: every owner's ballot entered (on paper, 32 at once), then timed.
        let (compound, owners) = try await estate(app: app, units: units)
        let committee = try await committee(app)
        let (vote, freezeMS) = try await NeedsBench.timedAsync { try await openVote(app: app, compound: compound) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            let choices = ["agree", "agree", "agree", "against", "abstain"]
            for lane in 0..<32 {
                group.addTask {
                    for i in stride(from: lane, to: owners.count, by: 32) {
                        _ = try await OwnersVotes.cast(
                            vote.id,
                            .init(owner: owners[i].owner, choice: choices[i % 5], channel: "paper", serial: "B\(i)"),
                            by: committee)
                    }
                }
            }
            try await group.waitForAll()
        }
        // The tally from the stored ballots, the database read included (median of 7).
        let open = try await OwnersVotes.readable(vote.id, by: committee)
        var tallies: [Double] = []
        var status = ""
        for _ in 0..<7 {
            let (r, ms) = try await NeedsBench.timedAsync { () -> OwnersTallyResult in
                let reg = try await OwnersVotes.register(of: open, on: app.db)
                let ballots = try await OwnersVotes.currentBallots(of: open.id!, on: app.db)
                return try OwnersVotes.tally(
                    open, register: reg, ballots: ballots.map { ($0.owner, $0.choice, $0.reason) }
                )
                .get()
            }
            tallies.append(ms)
            status = r.status.rawValue
        }
        let (_, closeMS) = try await NeedsBench.timedAsync { _ = try await OwnersVotes.close(vote.id, by: committee) }
        let (verified, verifyMS) = try await NeedsBench.timedAsync {
            try await OwnersVotes.verify(vote.id!, on: app.db)
        }
        let audit = try await AuditLog.verify(on: app.db)
        var auditOK = false
        if case .ok = audit { auditOK = true }
        return try Bench.jsonLine([
            "bench": "ballots", "database": database, "units": units, "voters": voters.count,
            "connections": connections, "client": client, "warm_up": warm, "timed": timed,
            "answered_2xx": ok + warmOK, "refused": refused + warmRefused,
            // Ballots stored (answered 201) per second of the timed run; a refusal is not a ballot.
            "ballots_per_s": (Double(ok) / seconds * 10).rounded() / 10,
            "p50_ms": p50, "p99_ms": p99, "max_ms": times.last.map { $0 as Any } ?? NSNull(),
            "load_verify_ok": loadVerified.ok, "load_verify_problems": Array(loadVerified.problems.prefix(3)),
            "tally_ms": tallies.sorted()[3], "tally_status": status,
            "close_ms": closeMS, "prepare_ms": freezeMS, "verify_ok": verified.ok, "verify_ms": verifyMS,
            "audit_ok": auditOK,
        ])
    }

    /// Every voter's ballot online, `connections` at once; each request's time, the 2xx and the rest.
    static func send(_ voters: [Voter], to url: String, connections: Int, app: Application) async throws -> (
        times: [Double], ok: Int, refused: Int, seconds: Double
    ) {
        let choices = ["agree", "agree", "agree", "against", "abstain"]
        let start = DispatchTime.now().uptimeNanoseconds
        let (times, ok, refused) = try await withThrowingTaskGroup(of: ([Double], Int, Int).self) { group in
            for c in 0..<connections {
                group.addTask {
                    var times: [Double] = []
                    var ok = 0
                    var refused = 0
                    var i = c
                    while i < voters.count {
                        let v = voters[i]
                        var headers = HTTPHeaders()
                        headers.add(name: .cookie, value: "\(SessionCookie.name)=\(v.cookie)")
                        headers.add(name: CSRF.header, value: v.csrf)
                        headers.contentType = .json
                        let body =
                            #"{"owner": "\#(v.owner)", "choice": "\#(choices[i % choices.count])", "channel": "online"}"#
                        let t0 = DispatchTime.now().uptimeNanoseconds
                        let res = try await app.client.post(URI(string: url), headers: headers) { req in
                            req.body = ByteBuffer(string: body)
                        }
                        times.append(Bench.ms(since: t0))
                        if res.status == .created { ok += 1 } else { refused += 1 }
                        i += connections
                    }
                    return (times, ok, refused)
                }
            }
            var all: [Double] = []
            var ok = 0
            var refused = 0
            for try await (t, o, r) in group {
                all += t
                ok += o
                refused += r
            }
            return (all.sorted(), ok, refused)
        }
        return (times, ok, refused, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
}
