import Fluent
import Foundation
import Vapor
import YishiAtlas
import YishiCore

/// `yishi atlas build --osm FILE --out DIR`, `yishi atlas import --osm FILE --district CODE`,
/// `yishi atlas nearest --nodes N.csv --edges E.csv --origins O.csv --facilities F.csv --cutoff 1200 --out nearest.csv`
struct AtlasCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "build | nearest | import")
        var action: String
        @Option(name: "nodes", help: "nodes.csv") var nodes: String?
        @Option(name: "edges", help: "edges.csv") var edges: String?
        @Option(name: "origins", help: "origins.csv") var origins: String?
        @Option(name: "facilities", help: "facilities.csv") var facilities: String?
        @Option(name: "cutoff", help: "metres, inclusive (default 1200)") var cutoff: Double?
        @Option(name: "out", help: "nearest: output CSV (default: standard output); build: output folder") var out:
            String?
        @Option(name: "osm", help: "build, import: an .osm.pbf or .osm (XML) extract") var osm: String?
        @Option(name: "district", help: "import: the code of the district the extract covers") var district: String?
        init() {}
    }

    var help: String { "Life-circle engine (atlas nearest) / 15分钟生活圈计算" }

    func run(using context: CommandContext, signature: Signature) async throws {
        if signature.action == "import" {
            guard let file = signature.osm, let code = signature.district else {
                try CLI.fail("需要 --osm 和 --district / --osm and --district are required")
            }
            let data = try CLI.read(file)
            let app = context.application
            try await Yishi.prepareDatabase(app)
            guard let district = try await TerritoryNode.query(on: app.db).filter(\.$code == code).first(),
                district.level == .district
            else {
                try CLI.fail("\(code): 没有这个区 / no district has this code")
            }
            let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
            let console = context.console
            console.print("导入 / importing \(file) (\(data.count) bytes) → \(district.name) (\(code))")
            let started = ContinuousClock.now
            do {
                let s = try await LifeCircleImporter.run(
                    data, sourceName: (file as NSString).lastPathComponent, district: district,
                    actor: AuditActor(id: nil, label: "cli:\(user)"), on: app.db, time: app.effects.time,
                    pool: app.threadPool
                ) { pct, zh, en in
                    console.print(String(format: "[%3d%%] ", pct) + "\(zh) / \(en)")
                }
                let args = [s.nodes, s.edges, s.origins, s.facilities, s.matched, s.kept].map(String.init)
                console.print(Catalog.text(JobText.result, .zhHans, args))
                console.print(Catalog.text(JobText.result, .en, args))
                console.print("(\(started.duration(to: .now)))")
            } catch let e as OSMExtract.ReadError {
                try CLI.fail("\(file): \(e)")
            }
            return
        }
        if signature.action == "build" {
            guard let file = signature.osm, let out = signature.out else {
                try CLI.fail("需要 --osm 和 --out / --osm and --out are required")
            }
            let data = try CLI.read(file)
            do {
                context.console.print("读取 / reading \(file) (\(data.count) bytes)…")
                let osm = try OSMFile.read(data)
                let built = try AtlasBuilder.build(osm) { step in context.console.print("  \(step)…") }
                try AtlasBuilder.writeCSVs(built, to: URL(fileURLWithPath: out))
                context.console.print("  coverage map / 覆盖地图…")
                let table = NearestTable.compute(built.data, at: built.origins.map(\.node), cutoff: 1200)
                try Data(CoverageMap.svg(built, table: table).utf8).write(
                    to: URL(fileURLWithPath: out).appendingPathComponent("coverage.svg"))
                context.console.print(
                    "\(built.graph.graph.nodeCount) nodes, \(built.graph.graph.edgeCount) edges, \(built.origins.count) origins, \(built.facilities.count) facilities → \(out)"
                )
            } catch let e as OSMExtract.ReadError {
                try CLI.fail("\(file): \(e)")
            }
            return
        }
        guard signature.action == "nearest" else {
            try CLI.fail("未知操作 / unknown action: \(signature.action) (use: atlas build | atlas nearest | atlas import)")
        }
        guard let n = signature.nodes, let e = signature.edges, let o = signature.origins, let f = signature.facilities
        else {
            try CLI.fail(
                "需要 --nodes --edges --origins --facilities / --nodes, --edges, --origins and --facilities are required")
        }
        let cutoff = signature.cutoff ?? 1200
        guard cutoff > 0 else { try CLI.fail("--cutoff 应大于零 / --cutoff must be above zero") }
        let data: LifeCircleData
        do {
            data = try LifeCircleData.load(
                nodes: URL(fileURLWithPath: n), edges: URL(fileURLWithPath: e),
                origins: URL(fileURLWithPath: o), facilities: URL(fileURLWithPath: f))
        } catch { try CLI.fail("\(error)") }
        let table = NearestTable.compute(data, at: data.origins.map(\.node), cutoff: cutoff)
        let csv = table.csv(originIDs: data.origins.map(\.id))
        if let out = signature.out {
            do { try Data(csv.utf8).write(to: URL(fileURLWithPath: out)) } catch {
                try CLI.fail("\(out): 无法写入 / cannot write: \(error)")
            }
            context.console.print("\(data.origins.count) origins × \(table.types.count) types → \(out)")
        } else {
            print(csv, terminator: "")
        }
    }
}
