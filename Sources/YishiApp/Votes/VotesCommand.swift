import Foundation
import Vapor
import YishiCore

/// `yishi votes tally …` (two spreadsheets in, a tally out) and `yishi votes verify VOTE_ID` (a
/// vote held on the platform, checked from its stored record).
struct VotesCommand: AsyncCommandGroup {
    var help: String {
        "Counts an owners' vote from spreadsheets (votes tally), or checks a vote held on the platform (votes verify VOTE_ID) / 业主大会计票与核验"
    }
    var commands: [String: any AnyAsyncCommand] { ["tally": VotesTallyCommand(), "verify": VotesVerifyCommand()] }
}

/// `yishi votes tally --register R.csv --ballots B.csv --matter N [--count-parking] [--silence-follows-majority] [--format json|text]`
struct VotesTallyCommand: AsyncCommand {
    struct Signature: CommandSignature {
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

    var help: String { "Counts an owners' vote from the committee's spreadsheets / 业主大会计票" }

    func run(using context: CommandContext, signature: Signature) async throws {
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

/// `yishi votes verify VOTE_ID`: recomputes the tally from the stored ballots, checks the
/// register's and the ballots' hashes, the chain and the audit links; prints one JSON line and
/// exits 1 on any difference.
struct VotesVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "vote", help: "the vote's id")
        var vote: String
        init() {}
    }
    var help: String { "Checks an owners' vote's record and recounts it / 核验业主表决记录并重新计票" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let id = UUID(uuidString: signature.vote.trimmed) else {
            try CLI.fail("需要表决编号 / the vote's id is required: votes verify VOTE_ID")
        }
        let app = context.application
        try await Yishi.prepareDatabase(app)
        let result: OwnersVotes.Verification
        do { result = try await OwnersVotes.verify(id, on: app.db) } catch YishiError.notFound {
            try CLI.fail("没有这个表决 / no such vote: \(id)")
        }
        print(result.json)
        if !result.ok {
            context.console.error("表决记录不一致 / the vote's record does not verify")
            throw ExitCode(1)
        }
    }
}
