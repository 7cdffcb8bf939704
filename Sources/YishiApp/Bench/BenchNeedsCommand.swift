import Fluent
import Foundation
import SQLKit
import Vapor
import YishiCore

/// `yishi bench needs [--needs N] [--supports M] [--postgres URL]`: one community of the demo
/// district given N needs (default 10,000) and M supports (default 200,000), then timed: the
/// ranked list (the API's work: the query and the JSON) at 16 at once, similar needs for a new
/// text, one need's score recomputed after a support, the whole list as CSV. Prints one JSON line.
struct BenchNeedsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "needs", help: "needs (default 10000)")
        var needs: Int?
        @Option(name: "supports", help: "supports (default 200000)")
        var supports: Int?
        @Option(
            name: "postgres",
            help: "a PostgreSQL URL to use instead of a temporary SQLite file (its database must be empty)")
        var postgres: String?
        init() {}
    }
    var help: String { "Times ranking, similar needs, rescoring and export on a large community / 需求排序性能" }

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
            let out = try await NeedsBench.run(
                needs: max(1, signature.needs ?? 10_000), supports: max(0, signature.supports ?? 200_000), app: app,
                database: signature.postgres == nil ? "sqlite" : "postgresql")
            try await app.asyncShutdown()
            print(out)
        } catch {
            try? await app.asyncShutdown()
            try CLI.fail("\(error)")
        }
    }
}

enum NeedsBench {
    static func run(needs count: Int, supports total: Int, app: Application, database: String) async throws -> String {
        let db = app.db
        guard let community = try await TerritoryNode.query(on: db).filter(\.$code == "BS01-C1").first() else {
            throw Abort(.internalServerError, reason: "the demo has no BS01-C1")
        }
        let people = try await PeopleQueries.residents(on: db, in: [community.territoryPath]).all().map(
            PeopleQueries.row)
        let residents = try await Resident.query(on: db).filter(\.$id ~~ people.map(\.id)).all()
        let householdOf = Dictionary(uniqueKeysWithValues: residents.map { ($0.id!, $0.$household.id!) })
        var members: [UUID: [NeedRanking.Member]] = [:]
        for r in residents {
            members[r.$household.id!, default: []].append(
                .init(birthYear: r.birthYear, disability: r.residentFlags.contains(.disability)))
        }
        let now = Date()
        let year = Show.year(now)
        var rng = SplitMix64(seed: 17)
        var needRows = BatchInsert(
            table: Need.schema,
            columns: [
                "id", "community_id", "place_id", "category", "title", "body", "normalised", "bigram_count", "status",
                "hide_name",
                "safety", "resident_id", "channel", "first_submitted_at", "households", "buildings", "age_bands",
                "depth", "common_ground", "channels", "vulnerable", "waiting_months", "priority", "created_at",
                "updated_at",
            ])
        var supportRows = BatchInsert(
            table: NeedSupport.schema,
            columns: ["id", "need_id", "resident_id", "household_id", "building_id", "channel", "created_at"])
        var bigramRows = BatchInsert(table: "need_bigrams", columns: ["need_id", "community_id", "bigram"])
        let perNeed = max(1, min(people.count, total / max(count, 1)))
        var ids: [UUID] = []
        for k in 0..<count {
            let id = UUID()
            ids.append(id)
            let (category, text) = NeedsDemo.texts[k % NeedsDemo.texts.count]
            let body = "\(text)（第 \(k) 条）"
            var chosen: [PeopleQueries.ResidentRow] = []
            var seen: Set<UUID> = []
            while chosen.count < perNeed {
                let p = people[Int(rng.next() % UInt64(people.count))]
                if seen.insert(p.id).inserted { chosen.append(p) }
            }
            let channels: [YishiCore.Channel] = [.online, .visit, .phone, .paper]
            let supports = chosen.enumerated().map { i, p in
                NeedRanking.Support(
                    household: householdOf[p.id]!, building: p.buildingID, birthYear: p.birthYear,
                    channel: channels[i % channels.count])
            }
            let first = now.addingTimeInterval(-Double(rng.next() % 300) * 86_400)
            let s = NeedRanking.score(
                supports: supports, members: members, safety: k % 97 == 0, firstSubmitted: first, now: now,
                currentYear: year)
            let normalised = NeedSimilarity.normalise(body)
            let grams = NeedSimilarity.bigrams(normalised)
            for g in grams { bigramRows.add([id, community.id!, g]) }
            needRows.add([
                id, community.id!, community.id!, category, NeedsService.title(body), body,
                normalised, grams.count, NeedStatus.new.rawValue, false, k % 97 == 0, chosen[0].id,
                channels[0].rawValue, first, s.households, s.buildings, s.ageBands, s.depth, s.commonGround,
                s.channels, s.vulnerable, s.waitingMonths, s.priority, now, now,
            ])
            for (i, p) in chosen.enumerated() {
                supportRows.add([
                    UUID(), id, p.id, householdOf[p.id]!, p.buildingID, channels[i % channels.count].rawValue, now,
                ])
            }
        }
        let (needsToInsert, supportsToInsert, bigramsToInsert) = (needRows, supportRows, bigramRows)
        let (_, loadMS) = try await timedAsync {
            try await db.transaction { tx in
                try await needsToInsert.insert(on: tx)
                try await supportsToInsert.insert(on: tx)
                try await bigramsToInsert.insert(on: tx)
            }
        }
        await SQLiteTuning.optimize(db)
        // The ranked list as the API answers it, 16 at once.
        let encoder = JSONEncoder()
        let lang = Lang.zhHans
        let listTimes = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<16 {
                group.addTask {
                    var times: [Double] = []
                    for _ in 0..<25 {
                        let start = DispatchTime.now().uptimeNanoseconds
                        let out = try await NeedsService.rankedDTOs(below: community, lang: lang, on: db)
                        _ = try encoder.encode(out)
                        times.append(Bench.ms(since: start))
                    }
                    return times
                }
            }
            var all: [Double] = []
            for try await t in group { all += t }
            return all.sorted()
        }
        func pct(_ p: Double) -> Double { listTimes[min(listTimes.count - 1, Int(Double(listTimes.count) * p))] }
        // Similar needs for a new text; a score after one more support; the whole list as CSV.
        var similarTimes: [Double] = []
        for i in 0..<20 {
            let (_, t) = try await timedAsync {
                _ = try await NeedsService.similar(
                    "花园里加几张座椅，老人歇歇脚 \(i)", community: community.id!, category: "seating", place: nil, on: db)
            }
            similarTimes.append(t)
        }
        var rescoreTimes: [Double] = []
        for i in 0..<50 {
            guard let need = try await Need.find(ids[(i * 131) % ids.count], on: db) else { continue }
            // As a support does it: the district's weights (one query), then the score.
            let (_, t) = try await timedAsync {
                let weights = try await NeedSettingsStore.of(district: community.territoryPath.ids.first, on: db)
                    .weights
                try await NeedsService.rescore(need, on: db, now: now, weights: weights)
            }
            rescoreTimes.append(t)
        }
        let (rows, exportMS) = try await timedAsync { () -> Int in
            let needs = try await NeedsService.rankedRows(below: community, limit: nil, on: db)
            let (header, rows) = NeedsCSV.table(needs, lang: .zhHans)
            return CSVExport.text(header: header, rows: rows).utf8.count > 0 ? rows.count : 0
        }
        func median(_ t: [Double]) -> Double { t.sorted()[t.count / 2] }
        return try Bench.jsonLine([
            "bench": "needs", "database": database, "needs": count, "supports": count * perNeed,
            "load_ms": loadMS, "list_p50_ms": pct(0.5), "list_p95_ms": pct(0.95), "list_calls": listTimes.count,
            "list_concurrency": 16, "similar_ms": median(similarTimes), "rescore_ms": median(rescoreTimes),
            "export_ms": exportMS, "export_rows": rows,
        ])
    }

    static func timedAsync<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try await body()
        return (value, Bench.ms(since: start))
    }
}
