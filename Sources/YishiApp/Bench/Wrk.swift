import Foundation

struct WrkFigures: Sendable {
    var warmRequests: Int
    var warmRefused: Int
    var requests: Int
    var refused: Int
    /// How long the timed run took, as wrk reports it ("N requests in 3.00s").
    var seconds: Double
    var p50: Double
    var p99: Double
}

/// `wrk` on loopback, each request a ballot from the next owner's own session (a Lua script reads
/// the owners, cookies and CSRF tokens from a file): one second to warm up, then three timed.
enum Wrk {
    static let script = """
        local counter = 0
        function setup(thread) thread:set("id", counter); counter = counter + 1 end
        function init(args)
          voters = {}
          for line in io.lines(args[1]) do
            local o, c, s = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)")
            table.insert(voters, {o, c, s})
          end
          n = 0; threads = tonumber(args[2]); path = args[3]; offset = tonumber(args[4])
          choices = {"agree", "agree", "agree", "against", "abstain"}
        end
        function request()
          local i = offset + id + n * threads
          n = n + 1
          local v = voters[(i % #voters) + 1]
          local body = '{"owner": "' .. v[1] .. '", "choice": "' .. choices[(i % 5) + 1] .. '", "channel": "online"}'
          return wrk.format("POST", path, {["Cookie"] = "yishi_session=" .. v[2], ["X-CSRF-Token"] = v[3],
            ["Content-Type"] = "application/json"}, body)
        end
        """

    /// Nil when wrk is not installed.
    static func run(_ voters: [BallotsBench.Voter], port: Int, path: String, connections: Int) async throws
        -> WrkFigures?
    {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-wrk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let tsv = dir.appendingPathComponent("voters.tsv")
        let lua = dir.appendingPathComponent("ballots.lua")
        try voters.map { "\($0.owner)\t\($0.cookie)\t\($0.csrf)" }.joined(separator: "\n").write(
            to: tsv, atomically: true, encoding: .utf8)
        try script.write(to: lua, atomically: true, encoding: .utf8)
        let threads = 2
        func wrk(_ seconds: Int, offset: Int) async -> String? {
            await withCheckedContinuation { done in
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                p.arguments = [
                    "wrk", "-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--latency", "-s", lua.path,
                    "http://127.0.0.1:\(port)", "--", tsv.path, String(threads), path, String(offset),
                ]
                let out = Pipe()
                p.standardOutput = out
                p.standardError = Pipe()
                p.terminationHandler = { proc in
                    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                    done.resume(returning: proc.terminationStatus == 0 ? text : nil)
                }
                do { try p.run() } catch { done.resume(returning: nil) }
            }
        }
        func number(_ text: String, _ pattern: String) -> Double? {
            guard let r = text.range(of: pattern, options: .regularExpression) else { return nil }
            let digits = text[r].split(whereSeparator: { !"0123456789.".contains($0) }).last.map(String.init)
            return digits.flatMap(Double.init)
        }
        func millis(_ text: String, _ label: String) -> Double {
            guard let r = text.range(of: "\(label)[ \t]+[0-9.]+(us|ms|s)", options: .regularExpression) else {
                return 0
            }
            let s = String(text[r])
            let v = Double(s.split(whereSeparator: { !"0123456789.".contains($0) }).last ?? "0") ?? 0
            return s.hasSuffix("us") ? v / 1000 : (s.hasSuffix("ms") ? v : v * 1000)
        }
        guard var warm = await wrk(1, offset: 0) else { return nil }
        var warmN = Int(number(warm, "[0-9]+ requests in") ?? 0)
        // No answer within the first second (a slow database's first read of a large register): once more.
        if warmN == 0, let again = await wrk(2, offset: 0) {
            warm = again
            warmN = Int(number(warm, "[0-9]+ requests in") ?? 0)
        }
        // A run that got no answer at all (wrk could not connect): say why, and let the caller fall back.
        guard warmN > 0 else {
            FileHandle.standardError.write(Data(("wrk: no answers; using the in-process client\n" + warm).utf8))
            return nil
        }
        let warmBad = Int(number(warm, "Non-2xx or 3xx responses: [0-9]+") ?? 0)
        // The timed run starts well past the owners the warm-up may have reached (its threads run unevenly).
        guard let timed = await wrk(3, offset: warmN + warmN / 2 + 2 * connections) else { return nil }
        let n = Int(number(timed, "[0-9]+ requests in") ?? 0)
        return WrkFigures(
            warmRequests: warmN, warmRefused: warmBad, requests: n,
            refused: Int(number(timed, "Non-2xx or 3xx responses: [0-9]+") ?? 0),
            seconds: max(0.001, number(timed, "requests in [0-9.]+s") ?? 3), p50: millis(timed, "50%"),
            p99: millis(timed, "99%"))
    }
}
