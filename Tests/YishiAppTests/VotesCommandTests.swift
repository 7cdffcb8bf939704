import Foundation
import Testing
import Vapor

@testable import YishiApp
@testable import YishiCore

/// n equal units of 100.00 m², owner O0 … O(n-1).
func registerCSV(_ n: Int) -> String {
    "unit,owners,status,register_area,survey_area,contract_area\n"
        + (0..<n).map { "U\($0),O\($0),delivered,100.00,," }.joined(separator: "\n") + "\n"
}
func ballotsCSV(_ choices: [String]) -> String {
    "owner,choice\n" + choices.enumerated().map { "O\($0.offset),\($0.element)" }.joined(separator: "\n") + "\n"
}

struct CLICase: Sendable, CustomTestStringConvertible {
    var name: String
    var register: String
    var ballots: String
    var matter: Int
    var status: TallyStatus
    var testDescription: String { name }
}

let cliCases: [CLICase] = [
    .init(
        name: "exactly 2/3 take part", register: registerCSV(3), ballots: ballotsCSV(["agree", "agree"]), matter: 1,
        status: .passed),
    .init(
        name: "one fewer: no quorum", register: registerCSV(3), ballots: ballotsCSV(["agree"]), matter: 1,
        status: .noQuorum),
    .init(
        name: "exactly half agreeing fails", register: registerCSV(4),
        ballots: ballotsCSV(["agree", "agree", "against", "against"]), matter: 1, status: .failed),
    .init(
        name: "exactly 3/4 passes matter 7", register: registerCSV(4),
        ballots: ballotsCSV(["agree", "agree", "agree", "against"]), matter: 7, status: .passed),
    .init(
        name: "3/5 fails matter 6", register: registerCSV(5),
        ballots: ballotsCSV(["agree", "agree", "agree", "against", "abstain"]), matter: 6, status: .failed),
    .init(
        name: "3/5 passes matter 5", register: registerCSV(5),
        ballots: ballotsCSV(["agree", "agree", "agree", "against", "abstain"]), matter: 5, status: .passed),
    .init(
        name: "Chinese choices", register: registerCSV(3), ballots: ballotsCSV(["同意", "同意", "反对"]), matter: 4,
        status: .passed),
    .init(
        name: "area precision 70.10 + 70.20 of 210.45",
        register:
            "unit,owners,status,register_area,survey_area,contract_area\nA,a,delivered,70.10,,\nB,b,delivered,,70.20,\nC,c,delivered,,,70.15\n",
        ballots: "owner,choice\na,agree\nb,agree\n", matter: 1, status: .passed),
    .init(
        name: "developer units are one person",
        register:
            "unit,owners,status,register_area,survey_area,contract_area\nA,DEV,developerUnsold,100,,\nB,DEV,developerUnsold,100,,\nC,x,soldUndelivered,100,,\nD,d,delivered,100,,\n",
        ballots: "owner,choice\nDEV,agree\nd,agree\n", matter: 1, status: .passed),
    .init(
        name: "a multi-unit owner is one person",
        register:
            "unit,owners,status,register_area,survey_area,contract_area\nA,m,delivered,50,,\nB,m,delivered,50,,\nC,c,delivered,100,,\n",
        ballots: "owner,choice\nm,agree\nc,against\n", matter: 1, status: .failed),
    .init(
        name: "conflicting co-owners: invalid, and it matters",
        register:
            "unit,owners,status,register_area,survey_area,contract_area\nA,a1;a2,delivered,100,,\nB,b,delivered,100,,\nC,c,delivered,100,,\nD,d,delivered,100,,\n",
        ballots: "owner,choice\na1,agree\na2,against\nb,agree\nc,agree\nd,against\n", matter: 1, status: .needsReview),
    .init(
        name: "parking is not counted by default",
        register:
            "unit,owners,status,register_area,survey_area,contract_area,kind\nA,a,delivered,100,,,residential\nB,b,delivered,100,,,residential\nP,p,delivered,12.5,,,parking\n",
        ballots: "owner,choice\na,agree\nb,agree\n", matter: 1, status: .passed),
]

@Suite("yishi votes tally")
struct VotesCommandTests {
    func run(_ register: String, _ ballots: String, matter: Int, parking: Bool = false) -> Result<
        OwnersTallyResult, TallyFiles.Problems
    > {
        TallyFiles.run(
            register: Data(register.utf8), registerFile: "REGISTER.csv", ballots: Data(ballots.utf8),
            ballotsFile: "BALLOTS.csv",
            options: .init(matter: OwnersMatter(rawValue: matter)!, countParking: parking))
    }

    @Test(arguments: cliCases)
    func tableCase(_ c: CLICase) throws {
        let r = try run(c.register, c.ballots, matter: c.matter).get()
        #expect(r.status == c.status)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TallyReport(r).json().utf8)) as? [String: Any])
        #expect(json["status"] as? String == c.status.rawValue)
        for key in [
            "persons_total", "persons_participating", "persons_agree", "persons_against", "persons_abstain",
            "area_total",
            "area_participating", "area_agree", "quorum_met", "threshold", "notes",
        ] {
            #expect(json[key] != nil, "\(key) missing")
        }
        #expect((json["area_total"] as? String)?.contains(".") == true)
    }

    @Test func theJSONCarriesTheExactFigures() throws {
        let r = try run(cliCases[7].register, cliCases[7].ballots, matter: 1).get()
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(TallyReport(r).json().utf8)) as? [String: Any])
        #expect(json["area_total"] as? String == "210.45" && json["area_participating"] as? String == "140.30")
        #expect(
            json["persons_total"] as? Int == 3 && json["persons_agree"] as? Int == 2
                && json["threshold"] as? String == "half")
        let text = TallyReport.text(r)
        #expect(text.contains("通过 / passed") && text.contains("3 × 140.30 ≥ 2 × 210.45"))
    }

    struct BadCase: Sendable {
        var register: String
        var ballots: String
        var file: String
        var line: Int
        var words: String
    }

    @Test(
        arguments: [
            BadCase(
                register: registerCSV(2), ballots: "owner,choice\nO0,agree\nX9,agree\n", file: "BALLOTS.csv", line: 3,
                words: "X9"),
            BadCase(
                register:
                    "unit,owners,status,register_area,survey_area,contract_area\nA,a;b,delivered,10,,\nB,a,delivered,10,,\n",
                ballots: "owner,choice\n", file: "REGISTER.csv", line: 3, words: "overlap"),
            BadCase(
                register: "unit,owners,status,register_area,survey_area,contract_area\nA,a,delivered,,,\n",
                ballots: "owner,choice\n",
                file: "REGISTER.csv", line: 2, words: "no area"),
            BadCase(
                register: "unit,owners,status,register_area,survey_area,contract_area\nA,a,delivered,0,,\n",
                ballots: "owner,choice\n",
                file: "REGISTER.csv", line: 2, words: "not an area"),
            BadCase(
                register: "unit,owners,status,register_area\nA,a,delivered,10\n", ballots: "owner,choice\n",
                file: "REGISTER.csv", line: 1, words: "missing columns"),
            BadCase(
                register: "unit,owners,status,register_area,survey_area,contract_area\nA,a,sold,10,,\n",
                ballots: "owner,choice\n",
                file: "REGISTER.csv", line: 2, words: "status"),
            BadCase(
                register: registerCSV(1), ballots: "owner,choice\nO0,yes\n", file: "BALLOTS.csv", line: 2,
                words: "choice"),
            BadCase(
                register:
                    "unit,owners,status,register_area,survey_area,contract_area\nA,a,delivered,10,,\nA,b,delivered,10,,\n",
                ballots: "owner,choice\n",
                file: "REGISTER.csv", line: 3, words: "more than once"),
        ].enumerated().map { $0 })
    func badInputNamesTheFileAndLine(_ item: (offset: Int, element: BadCase)) {
        let c = item.element
        guard case .failure(let problems) = run(c.register, c.ballots, matter: 1) else {
            Issue.record("case \(item.offset) was accepted")
            return
        }
        let p = problems.list[0]
        #expect(p.file == c.file && p.line == c.line, "case \(item.offset): \(p.text)")
        #expect(p.text.contains(c.words), "case \(item.offset): \(p.text)")
        #expect(p.text.contains(" / "), "both languages")
    }

    @Test func zeroCountedAreaCannotBeCounted() {
        let register = "unit,owners,status,register_area,survey_area,contract_area,kind\nP,p,delivered,10,,,parking\n"
        guard case .failure(let problems) = run(register, "owner,choice\n", matter: 1) else {
            Issue.record("accepted")
            return
        }
        #expect(problems.text.contains("cannot be counted"))
    }

    @Test func excelFilesAreRead() throws {
        let register =
            "\u{FEFF}unit,owners,status,register_area,survey_area,contract_area\r\n\"A,1\",\"张三;李四\",delivered,100,,\r\nB,王五,delivered,100,,\r\nC,赵六,delivered,100,,\r\n"
        let gbBallots = try #require(iconvEncode("owner,choice\r\n张三,同意\r\n李四,同意\r\n王五,同意\r\n", to: "GB18030"))
        let r = TallyFiles.run(
            register: Data(register.utf8), registerFile: "R", ballots: gbBallots, ballotsFile: "B",
            options: .init(matter: .electCommittee))
        #expect(try r.get().status == .passed && r.get().personsAgree == 2)
        let notText = TallyFiles.run(
            register: Data([0xFF, 0xFE, 0x00, 0x81]), registerFile: "R", ballots: Data(), ballotsFile: "B",
            options: .init(matter: .electCommittee))
        guard case .failure(let p) = notText else {
            Issue.record("accepted")
            return
        }
        #expect(p.text.contains("UTF-8"))
    }

    @Test func theCommandExitsTwoOnBadInputAndZeroOtherwise() async throws {
        try await withYishi { t in
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yishi-votes-\(UUID())")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let reg = dir.appendingPathComponent("r.csv")
            let bal = dir.appendingPathComponent("b.csv")
            try Data(registerCSV(3).utf8).write(to: reg)
            try Data(ballotsCSV(["agree", "agree"]).utf8).write(to: bal)
            func command(_ args: [String]) async throws {
                var ctx = CommandContext(console: Terminal(), input: CommandInput(arguments: ["yishi"] + args))
                ctx.application = t.app
                try await VotesCommand().run(using: &ctx)
            }
            try await command([
                "tally", "--register", reg.path, "--ballots", bal.path, "--matter", "3", "--format", "text",
            ])
            await #expect(throws: ExitCode.self) {
                try await command(["tally", "--register", reg.path, "--ballots", bal.path, "--matter", "10"])
            }
            try Data("owner,choice\nNOBODY,agree\n".utf8).write(to: bal)
            await #expect(throws: ExitCode.self) {
                try await command(["tally", "--register", reg.path, "--ballots", bal.path, "--matter", "1"])
            }
        }
    }
}

@Suite("The worked example in docs/votes.md")
struct VotesDocExampleTests {
    func files() throws -> (Data, String) {
        let r = try Data(contentsOf: Examples.dir.appendingPathComponent("votes/register.csv"))
        let b = try String(contentsOf: Examples.dir.appendingPathComponent("votes/ballots.csv"), encoding: .utf8)
        return (r, b)
    }

    @Test func matterFivePassesAndSevenFails() throws {
        let (r, b) = try files()
        let five = try TallyFiles.run(
            register: r, registerFile: "register.csv", ballots: Data(b.utf8), ballotsFile: "ballots.csv",
            options: .init(matter: .useMaintenanceFund)
        ).get()
        #expect(five.status == .passed && five.personsTotal == 5 && five.areaTotal == 54285 && five.areaAgree == 27885)
        let seven = try TallyFiles.run(
            register: r, registerFile: "register.csv", ballots: Data(b.utf8), ballotsFile: "ballots.csv",
            options: .init(matter: .rebuild)
        ).get()
        #expect(seven.status == .failed)
        #expect(seven.invalidAsParticipating.conditions[2].check == "4 × 278.85 ≥ 3 × 542.85")
    }

    @Test func splitCoOwnersMakeAnInvalidBallotThatChangesNothing() throws {
        let (r, b) = try files()
        let split = b.replacingOccurrences(of: "王志强,agree", with: "王志强,against")
        let result = try TallyFiles.run(
            register: r, registerFile: "register.csv", ballots: Data(split.utf8), ballotsFile: "ballots.csv",
            options: .init(matter: .useMaintenanceFund)
        ).get()
        #expect(
            result.personsInvalid == 1 && result.areaAgree == 20865 && result.invalidAsAbsent.areaParticipating == 47265
        )
        #expect(result.status == .failed)
    }
}

@Suite("yishi atlas nearest")
struct AtlasCommandTests {
    @Test func theCommandWritesTheReferenceFileExactly() async throws {
        try await withYishi { t in
            let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("shared/data/lifecircle/helsinki")
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("nearest-\(UUID()).csv")
            defer { try? FileManager.default.removeItem(at: out) }
            var ctx = CommandContext(
                console: Terminal(),
                input: CommandInput(arguments: [
                    "yishi", "nearest",
                    "--nodes", dir.appendingPathComponent("nodes.csv").path, "--edges",
                    dir.appendingPathComponent("edges.csv").path,
                    "--origins", dir.appendingPathComponent("origins.csv").path, "--facilities",
                    dir.appendingPathComponent("facilities.csv").path,
                    "--cutoff", "1200", "--out", out.path,
                ]))
            ctx.application = t.app
            try await AtlasCommand().run(using: &ctx)
            let expected = try String(
                contentsOf: dir.appendingPathComponent("expected_nearest_1200.csv"), encoding: .utf8
            ).replacingOccurrences(of: "\r", with: "")
            #expect(try String(contentsOf: out, encoding: .utf8) == expected)
            var bad = CommandContext(
                console: Terminal(), input: CommandInput(arguments: ["yishi", "nearest", "--nodes", "/nonexistent"]))
            bad.application = t.app
            await #expect(throws: ExitCode.self) { try await AtlasCommand().run(using: &bad) }
        }
    }
}
