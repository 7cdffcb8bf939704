import Fluent
import Vapor
import YishiCore

/// `yishi import territory FILE.csv`: the same import as the upload page, as the system.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "territory")
        var what: String
        @Argument(name: "file", help: "CSV file (compounds, buildings, units, households or owners)")
        var file: String
        init() {}
    }

    var help: String { "Imports territory data from CSV (import territory FILE.csv) / 从 CSV 导入辖区数据" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.what == "territory" else {
            context.console.error("未知导入类型 / unknown import: \(signature.what) (use: import territory FILE.csv)")
            throw ExitCode(2)
        }
        let app = context.application
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            context.console.error("无法读取文件 / cannot read file: \(signature.file)")
            throw ExitCode(2)
        }
        try await Yishi.prepareDatabase(app)
        context.console.print("导入中 / importing \(signature.file) (\(data.count) bytes)…")
        let user = ProcessInfo.processInfo.environment["USER"] ?? "unknown"
        do {
            let o = try await TerritoryImporter.run(
                data, by: app.caller(.platform, auditActor: AuditActor(id: nil, label: "cli:\(user)")))
            context.console.print(
                Catalog.text(
                    ImportText.done, .zhHans, [o.kind, String(o.added), String(o.updated), String(o.unchanged)]))
            context.console.print(
                Catalog.text(ImportText.done, .en, [o.kind, String(o.added), String(o.updated), String(o.unchanged)]))
        } catch let stop as TerritoryImporter.Interrupted {
            context.console.error("\(stop.message.zh)\n\(stop.message.en)\n\(String(reflecting: stop.cause))")
            throw ExitCode(1)
        } catch let failure as ImportFailure {
            context.console.error(
                Catalog.text(ImportText.failed, .zhHans) + " / " + Catalog.text(ImportText.failed, .en))
            for issue in failure.issues {
                let (key, args) = issue.problem.message
                context.console.error(
                    "\(signature.file):\(issue.line): \(Catalog.text(key, .zhHans, args)) / \(Catalog.text(key, .en, args))"
                )
            }
            throw ExitCode(2)
        }
    }
}
