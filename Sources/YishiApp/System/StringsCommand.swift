import Vapor
import YishiCore

/// `yishi strings export [--to FILE]`: every user-facing text, both languages, as CSV for reviewers
/// (UTF-8 with BOM: key, capability, Chinese, English). Without `--to` it prints to standard output.
struct StringsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "export")
        var action: String
        @Option(name: "to", help: "the file to write (default: standard output)")
        var file: String?
        init() {}
    }
    var help: String { "Exports every text in both languages as CSV / 导出全部界面文字（中英对照）" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "export" else {
            context.console.error("只有 export / only `export` is known")
            throw ExitCode(2)
        }
        let csv = Self.csv()
        if let file = signature.file {
            try csv.write(toFile: file, atomically: true, encoding: .utf8)
            context.console.print("\(Catalog.entries.count) 条 / texts → \(file)")
        } else {
            print(csv, terminator: "")
        }
    }

    static func csv() -> String {
        let typed = Dictionary(uniqueKeysWithValues: Catalog.typed.flatMap { t in t.entries.map { ($0.key, t.name) } })
        let rows = Catalog.entries.sorted { $0.key < $1.key }.map { key, text in
            [key, typed[key] ?? "Catalog", text.zh, text.en]
        }
        return CSVExport.text(header: ["key", "capability", "zh-Hans", "en"], rows: rows)
    }
}
