import Foundation
import Vapor
import YishiCore

/// `yishi votes tally --register R.csv --ballots B.csv --matter N [--count-parking] [--silence-follows-majority] [--format json|text]`
struct VotesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "tally")
        var action: String
        @Option(
            name: "register", help: "REGISTER.csv: unit,owners,status,register_area,survey_area,contract_area[,kind]")
        var register: String?
        @Option(name: "ballots", help: "BALLOTS.csv: owner,choice")
        var ballots: String?
        @Option(name: "matter", help: "1–9, the item of Civil Code art. 278")
        var matter: Int?
        @Flag(name: "count-parking", help: "count parking units (only where the estate's rules say so)")
        var countParking: Bool
        @Flag(
            name: "silence-follows-majority", help: "the estate's rules contain a silence-follows-the-majority clause")
        var silence: Bool
        @Option(name: "format", help: "json (default) or text")
        var format: String?
        init() {}
    }

    var help: String { "Counts an owners' vote from the committee's spreadsheets (votes tally) / 业主大会计票" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "tally" else {
            try CLI.fail("未知操作 / unknown action: \(signature.action) (use: votes tally)")
        }
        guard let registerPath = signature.register, let ballotsPath = signature.ballots else {
            try CLI.fail("需要 --register 和 --ballots / --register and --ballots are required")
        }
        guard let n = signature.matter, let matter = OwnersMatter(rawValue: n) else {
            try CLI.fail("--matter 应为 1–9（民法典第二百七十八条的事项）/ --matter must be 1–9 (the items of Civil Code art. 278)")
        }
        let format = signature.format ?? "json"
        guard format == "json" || format == "text" else {
            try CLI.fail("--format 应为 json 或 text / --format must be json or text")
        }
        let register = try CLI.read(registerPath)
        let ballots = try CLI.read(ballotsPath)
        let options = TallyFiles.Options(
            matter: matter, countParking: signature.countParking, silenceFollowsMajority: signature.silence)
        switch TallyFiles.run(
            register: register, registerFile: registerPath, ballots: ballots, ballotsFile: ballotsPath, options: options
        ) {
        case .success(let r):
            print(format == "json" ? TallyReport(r).json() : TallyReport.text(r))
        case .failure(let problems):
            try CLI.fail(problems.text)
        }
    }
}
