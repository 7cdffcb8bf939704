import Foundation
import Vapor
import YishiAtlas
import YishiCore

/// `yishi bench tally | atlas DIR`: benchmarks that print one JSON line each.
struct BenchCommand: AsyncCommandGroup {
    var help: String { "Benchmarks that print one JSON line (bench tally, bench atlas DIR) / 性能测试" }
    var commands: [String: any AnyAsyncCommand] {
        [
            "tally": BenchTallyCommand(), "atlas": BenchAtlasCommand(), "pbf": BenchPBFCommand(),
            "import": BenchImportCommand(), "needs": BenchNeedsCommand(), "projects": BenchProjectsCommand(),
            "planners": BenchPlannersCommand(),
            "funds": BenchFundsCommand(),
            "ballots": BenchBallotsCommand(),
        ]
    }
}

/// `yishi bench pbf FILE [--runs R]`: reading an .osm.pbf and building its walking graph.
struct BenchPBFCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "an .osm.pbf extract")
        var file: String
        @Option(name: "runs", help: "timed runs (default 7)")
        var runs: Int?
        init() {}
    }
    var help: String { "Times reading an .osm.pbf and building the walking graph / 读取地图与建图性能" }
    func run(using context: CommandContext, signature: Signature) async throws {
        let data = try CLI.read(signature.file)
        let runs = max(1, signature.runs ?? 7)
        var nodes = 0
        var edges = 0
        let read = Bench.median(runs: runs) { _ = try! PBFReader.read(data) }
        let osm = try PBFReader.read(data)
        let build = Bench.median(runs: runs) {
            let g = WalkingGraphBuilder.build(osm)
            nodes = g.graph.nodeCount
            edges = g.graph.edgeCount
        }
        let both = Bench.median(runs: runs) { _ = WalkingGraphBuilder.build(try! PBFReader.read(data)) }
        let out: [String: Any] = [
            "file": (signature.file as NSString).lastPathComponent, "bytes": data.count, "nodes": nodes, "edges": edges,
            "read_ms": read.median, "build_ms": build.median, "read_and_build_ms": both.median, "runs": runs,
        ]
        print(try Bench.jsonLine(out))
    }
}

/// `yishi bench atlas DIR [--runs R]`: DIR holds nodes.csv, edges.csv, origins.csv and facilities.csv.
struct BenchAtlasCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "dir", help: "the folder with nodes.csv, edges.csv, origins.csv, facilities.csv")
        var dir: String
        @Option(name: "runs", help: "timed runs (at least 5; default 7)")
        var runs: Int?
        @Option(
            name: "tile",
            help: "tile the graph N × N, joined at the seams, before timing (and write it to --tiled-out for peers)")
        var tile: Int?
        @Option(name: "tiled-out", help: "folder to write the tiled graph to")
        var tiledOut: String?
        init() {}
    }
    var help: String { "Times the life-circle query / 生活圈计算性能" }
    func run(using context: CommandContext, signature: Signature) async throws {
        do {
            if let n = signature.tile, n > 1 {
                print(
                    try AtlasBench.tiled(
                        directory: URL(fileURLWithPath: signature.dir), n: n, runs: max(5, signature.runs ?? 5),
                        writeTo: signature.tiledOut.map { URL(fileURLWithPath: $0) }))
                return
            }
            print(try AtlasBench.run(directory: URL(fileURLWithPath: signature.dir), runs: max(5, signature.runs ?? 7)))
        } catch {
            try CLI.fail("\(error)")
        }
    }
}

/// `yishi bench tally [--units N] [--runs R]`: times the owners' tally on a generated estate and
/// prints one JSON line. Figures are medians of R runs (after one warm-up), in milliseconds.
struct BenchTallyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "units", help: "units in the register (default 100000)")
        var units: Int?
        @Option(name: "runs", help: "timed runs (default 7)")
        var runs: Int?
        @Option(name: "keep", help: "write the generated CSV files to this folder and keep them")
        var keep: String?
        init() {}
    }

    var help: String { "Times the owners' tally on a generated estate / 计票性能" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let n = signature.units ?? 100_000
        let runs = max(1, signature.runs ?? 7)
        let estate = TallyBench.estate(units: n)
        // In process: freeze the register (persons grouped) and count both invalid-ballot readings.
        let inProcess = Bench.median(runs: runs) {
            let reg = try! FrozenRegister.freeze(estate.units).get()
            _ = try! OwnersTally.count(register: reg, ballots: estate.ballots, matter: .useMaintenanceFund).get()
        }
        // The two halves, to see where the time goes.
        let freezeOnly = Bench.median(runs: runs) { _ = try! FrozenRegister.freeze(estate.units).get() }
        let frozen = try FrozenRegister.freeze(estate.units).get()
        let countOnly = Bench.median(runs: runs) {
            _ = try! OwnersTally.count(register: frozen, ballots: estate.ballots, matter: .useMaintenanceFund).get()
        }
        // From the files: read both CSVs, parse, tally, encode the JSON the command prints.
        let dir =
            signature.keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("yishi-bench-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let regURL = dir.appendingPathComponent("register.csv")
        let ballotURL = dir.appendingPathComponent("ballots.csv")
        try TallyBench.registerCSV(estate.units).write(to: regURL)
        try TallyBench.ballotsCSV(estate.ballots).write(to: ballotURL)
        var status = ""
        let fromFiles = Bench.median(runs: runs) {
            let r = FileManager.default.contents(atPath: regURL.path)!
            let b = FileManager.default.contents(atPath: ballotURL.path)!
            let result = try! TallyFiles.run(
                register: r, registerFile: "register.csv", ballots: b, ballotsFile: "ballots.csv",
                options: TallyFiles.Options(matter: .useMaintenanceFund)
            ).get()
            status = TallyReport(result).json()
        }
        let persons = try FrozenRegister.freeze(estate.units).get().persons.count
        if signature.keep == nil { try? FileManager.default.removeItem(at: dir) }
        let out: [String: Any] = [
            "benchmark": "tally", "units": n, "ballots": estate.ballots.count, "persons": persons, "runs": runs,
            "tally_ms": inProcess.median, "tally_ms_min": inProcess.min, "freeze_ms": freezeOnly.median,
            "count_ms": countOnly.median,
            "files_ms": fromFiles.median, "files_ms_min": fromFiles.min,
            "status": (try? JSONSerialization.jsonObject(with: Data(status.utf8)) as? [String: Any])?["status"] ?? "",
        ]
        print(try Bench.jsonLine(out))
    }
}

/// `yishi bench atlas DIR`: load time and the median of the all-origins and all-nodes queries.
enum AtlasBench {
    static func run(directory: URL, runs: Int) throws -> String {
        let (data, loadMs) = try Bench.timed { try LifeCircleData.load(directory: directory) }
        let origins = data.origins.map(\.node)
        let all = (0..<Int32(data.graph.nodeCount)).map { $0 }
        let q = Bench.median(runs: runs) { _ = NearestTable.compute(data, at: origins, cutoff: 1200) }
        let qa = Bench.median(runs: runs) { _ = NearestTable.compute(data, at: all, cutoff: 1200) }
        let out: [String: Any] = [
            "nodes": data.graph.nodeCount, "edges": data.graph.edgeCount, "origins": data.origins.count,
            "load_ms": loadMs, "query_ms": q.median, "all_nodes_query_ms": qa.median, "runs": runs,
        ]
        return try Bench.jsonLine(out)
    }
}

extension AtlasBench {
    /// The tiled graph: build, then the all-origins query; peak memory from getrusage.
    static func tiled(directory: URL, n: Int, runs: Int, writeTo: URL?) throws -> String {
        let data = try LifeCircleData.load(directory: directory)
        let t = SimpleCSV.rows(try Data(contentsOf: directory.appendingPathComponent("nodes.csv"))).dropFirst()
        let xs = t.map { Double($0[1]) ?? 0 }
        let ys = t.map { Double($0[2]) ?? 0 }
        let (tiled, buildMs) = Bench.timed { Tiling.tile(data, xs: xs, ys: ys, n: n) }
        if let writeTo { try Tiling.write(tiled.data, xs: tiled.xs, ys: tiled.ys, to: writeTo) }
        let origins = tiled.data.origins.map(\.node)
        let q = Bench.median(runs: runs) { _ = NearestTable.compute(tiled.data, at: origins, cutoff: 1200) }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let out: [String: Any] = [
            "tile": n, "nodes": tiled.data.graph.nodeCount, "edges": tiled.data.graph.edgeCount,
            "origins": origins.count,
            "build_ms": buildMs, "query_ms": q.median, "runs": runs,
            "peak_rss_mb": (Double(usage.ru_maxrss) / 1024 * 10).rounded() / 10,
        ]
        return try Bench.jsonLine(out)
    }
}

enum TallyBench {
    struct Estate {
        var units: [RegisterUnit]
        var ballots: [Ballot]
    }

    /// A deterministic estate: most owners hold one unit, one in eight holds two, one in twenty
    /// units is co-owned, 1% of units are the developer's; three quarters of owners vote.
    static func estate(units n: Int) -> Estate {
        var rng = SplitMix64(seed: 278)
        var units: [RegisterUnit] = []
        units.reserveCapacity(n)
        var ownerSerial = 0
        var i = 0
        while units.count < n {
            let roll = rng.next(upTo: 100)
            let area = Area(centi: Int64(5000 + rng.next(upTo: 10000)))
            if roll < 1 {
                units.append(
                    RegisterUnit(
                        unit: "U\(i)", owners: ["DEV"], status: .developerUnsold, areas: UnitAreas(register: area)))
                i += 1
            } else if roll < 6 {
                let owners = ["O\(ownerSerial)", "O\(ownerSerial + 1)"]
                ownerSerial += 2
                units.append(
                    RegisterUnit(unit: "U\(i)", owners: owners, status: .delivered, areas: UnitAreas(survey: area)))
                i += 1
            } else if roll < 18 && units.count + 2 <= n {
                let owner = ["O\(ownerSerial)"]
                ownerSerial += 1
                units.append(
                    RegisterUnit(unit: "U\(i)", owners: owner, status: .delivered, areas: UnitAreas(register: area)))
                i += 1
                units.append(
                    RegisterUnit(unit: "U\(i)", owners: owner, status: .delivered, areas: UnitAreas(contract: area)))
                i += 1
            } else {
                units.append(
                    RegisterUnit(
                        unit: "U\(i)", owners: ["O\(ownerSerial)"], status: .delivered, areas: UnitAreas(register: area)
                    ))
                ownerSerial += 1
                i += 1
            }
        }
        let choices: [BallotChoice] = [.agree, .agree, .agree, .against, .abstain, .invalid]
        var ballots: [Ballot] = []
        ballots.reserveCapacity(n)
        var o = 0
        // Exactly n ballot rows: owners in turn, three in four voting, then repeats of the first.
        while ballots.count < n {
            let owner = o < ownerSerial ? "O\(o)" : "O\(o % max(ownerSerial, 1))"
            if o >= ownerSerial || rng.next(upTo: 4) != 0 {
                ballots.append(
                    Ballot(
                        owner: owner, choice: o >= ownerSerial ? .agree : choices[rng.next(upTo: choices.count)],
                        line: ballots.count + 2))
            }
            o += 1
        }
        return Estate(units: units, ballots: ballots)
    }

    static func registerCSV(_ units: [RegisterUnit]) -> Data {
        var s = "unit,owners,status,register_area,survey_area,contract_area\r\n"
        s.reserveCapacity(units.count * 40)
        for u in units {
            s +=
                "\(u.unit),\(u.owners.joined(separator: ";")),\(u.status.rawValue),\(u.areas.register?.description ?? ""),\(u.areas.survey?.description ?? ""),\(u.areas.contract?.description ?? "")\r\n"
        }
        return Data(s.utf8)
    }

    static func ballotsCSV(_ ballots: [Ballot]) -> Data {
        var s = "owner,choice\r\n"
        for b in ballots { s += "\(b.owner),\(b.choice.rawValue)\r\n" }
        return Data(s.utf8)
    }
}

/// Timing and output shared by every benchmark.
enum Bench {
    /// `lanes` callers at once, each calling `body` `each` times in turn (its argument numbers
    /// the call); every call's time in milliseconds, sorted.
    static func concurrently(
        lanes: Int = 16, each: Int = 25, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> [Double] {
        try await withThrowingTaskGroup(of: [Double].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var times: [Double] = []
                    for k in 0..<each {
                        let start = DispatchTime.now().uptimeNanoseconds
                        try await body(lane * each + k)
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

    /// Milliseconds with three decimals.
    static func ms(since start: UInt64) -> Double {
        (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6 * 1000).rounded() / 1000
    }

    /// The value of one timed call and its milliseconds.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, ms(since: start))
    }

    /// Median and minimum of `runs` timed runs after one warm-up, in milliseconds (three decimals).
    static func median(runs: Int, _ body: () -> Void) -> (median: Double, min: Double) {
        body()
        var times = (0..<runs).map { _ in timed(body).1 }
        times.sort()
        return (times[times.count / 2], times[0])
    }

    /// One JSON line with sorted keys: what every `bench` command prints.
    static func jsonLine(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
