import Fluent
import Vapor
import YishiCore

/// `yishi audit verify`: prints OK or the first broken entry, and exits non-zero when broken.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
        init() {}
    }

    var help: String { "Checks the audit log's hash chain (audit verify) / 核验审计日志哈希链" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            context.console.error("未知操作 / unknown action: \(signature.action) (use: audit verify)")
            throw ExitCode(2)
        }
        let app = context.application
        try await Yishi.prepareDatabase(app)
        // The result is kept: the audit page shows the last check.
        switch try await AuditLog.verifyAndRecord(on: app.db, time: app.effects.time).outcome {
        case .ok(let n):
            context.console.print("OK: \(n) entries, chain intact / 链完整，已核对 \(n) 条")
        case .broken(let seq, let reason):
            context.console.error("BROKEN at entry \(seq): \(reason.rawValue) / 第 \(seq) 条记录不一致：\(reason.rawValue)")
            throw ExitCode(1)
        }
    }
}

/// A process exit status for commands that must fail visibly.
struct ExitCode: Error, CustomStringConvertible {
    var code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { "exit \(code)" }
}
