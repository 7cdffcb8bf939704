import Fluent
import Foundation
import Vapor
import YishiCore

/// `yishi bench import [--rows N]`: a households file of N rows (default 60,000) for the demo
/// district, imported into a fresh SQLite file in a temporary folder by the district's
/// administrator (so every row goes through the scope checks). Prints {rows, ms, rows_per_s}.
struct BenchImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rows", help: "household rows (default 60000)")
        var rows: Int?
        init() {}
    }
    var help: String { "Times a territory import of N household rows / 辖区数据导入性能" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let rows = max(1, signature.rows ?? 60_000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = try await Application.make(.testing)
        do {
            try await Yishi.configure(
                app, settings: Settings(database: .sqliteFile(dir.appendingPathComponent("bench.sqlite").path)))
            try await Yishi.prepareDatabase(app)
            _ = try await DemoLoader.load(app, passwordHash: "bench")
            let out = try await ImportBench.run(rows: rows, app: app)
            try await app.asyncShutdown()
            print(out)
        } catch {
            try? await app.asyncShutdown()
            try CLI.fail("\(error)")
        }
    }
}

enum ImportBench {
    /// Three residents to a household, households spread over the demo district's residential units.
    static func csv(rows: Int, units: [String]) -> Data {
        var text = "household,unit,resident,name,birth_year,phone,flags\n"
        text.reserveCapacity(rows * 60)
        for i in 0..<rows {
            let h = i / 3
            let unit = units[h % units.count]
            text +=
                "H-BENCH-\(h),\(unit),R-BENCH-\(i),居民\(i),\(1940 + i % 80),\(i % 3 == 0 ? String(format: "139%08d", i) : ""),"
            text += i % 7 == 0 ? "elderly\n" : "\n"
        }
        return Data(text.utf8)
    }

    static func run(rows: Int, app: Application) async throws -> String {
        let units = try await YishiApp.Unit.query(on: app.db).filter(\.$kind == .residential).sort(\.$code).all().map(
            \.code)
        guard
            let district = try await TerritoryNode.query(on: app.db).filter(\.$code == DemoDistrict.districtCode)
                .first()
        else {
            throw YishiError.notFound
        }
        let data = csv(rows: rows, units: units)
        let actor = Actor(
            userId: UUID(), kind: .staff, isVerified: true,
            grants: [Grant(role: .districtAdmin, path: district.territoryPath)])
        if ProcessInfo.processInfo.environment["YISHI_BENCH_STEPS"] != nil {
            let (_, parseMS) = try Bench.timed { try TerritoryImporter.parse(data, currentYear: 2026) }
            let (_, csvMS) = try Bench.timed { try CSVTable.read(data) }
            print(try Bench.jsonLine(["parse_ms": parseMS, "csv_ms": csvMS]))
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let parts = PartTimes()
        let caller = app.caller(.person(actor), auditActor: AuditActor(id: nil, label: "bench"))
        let outcome = try await TerritoryImporter.run(
            data, by: caller, bound: district.territoryPath, pool: app.threadPool
        ) { _, _ in
            await parts.add(Bench.ms(since: start))
        }
        let ms = Bench.ms(since: start)
        guard outcome.added == rows else { throw YishiError.badRequest(key: ErrorText.code400.key, args: []) }
        let at = await parts.at
        // How long the write lock is held at a time: the longest gap between two parts' commits.
        let longest = zip(at.dropFirst(), at).map { $0 - $1 }.max() ?? at.first ?? 0
        return try Bench.jsonLine([
            "rows": rows, "ms": ms, "rows_per_s": Int(Double(rows) / ms * 1000), "bytes": data.count,
            "parts": at.count, "first_part_done_ms": at.first ?? 0, "longest_part_ms": longest,
        ])
    }
}

/// When each part of a benchmarked import was written (ms since the start).
actor PartTimes {
    var at: [Double] = []
    func add(_ ms: Double) { at.append(ms) }
}
