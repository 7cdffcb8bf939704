import Vapor
import YishiCore

/// A CSV download, made the same way by every capability: UTF-8 with a byte-order mark (so that
/// spreadsheet programs read Chinese right), CRLF line ends, each cell formula-safe and quoted as
/// RFC 4180 asks (`CSVCell`), and sent to the client in parts of about 64 KB as the rows are made,
/// so a long export never sits whole in memory.
enum CSVExport {
    /// Lines of the file: `header` first, then what `rows` emits.
    typealias Rows = @Sendable (_ emit: @Sendable ([String]) async throws -> Void) async throws -> Void

    static let partBytes = 64 << 10

    /// A 200 answer that downloads as `name` (kept to letters, digits, `-` and `_`) + `.csv`.
    static func response(name: String, header: [String], rows: @escaping Rows) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName(name)).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(
            status: .ok, headers: headers,
            body: .init(asyncStream: { writer in
                let out = Buffered(writer)
                await out.append("\u{FEFF}" + line(header))
                try await rows { cells in try await out.add(line(cells)) }
                try await out.flush()
                try await writer.write(.end)
            }))
    }

    /// The whole file as text (for tests and commands): the same bytes the response sends.
    static func text(header: [String], rows: [[String]]) -> String {
        "\u{FEFF}" + ([header] + rows).map(line).joined()
    }

    static func line(_ cells: [String]) -> String { cells.map(CSVCell.field).joined(separator: ",") + "\r\n" }

    static func fileName(_ name: String) -> String {
        let kept = String(
            name.unicodeScalars.filter {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
            })
        return kept.isEmpty ? "export" : kept
    }

    /// Collects lines and writes them in parts.
    private actor Buffered {
        let writer: any AsyncBodyStreamWriter
        var pending = ""
        init(_ writer: any AsyncBodyStreamWriter) { self.writer = writer }
        func append(_ s: String) { pending += s }
        func add(_ s: String) async throws {
            pending += s
            if pending.utf8.count >= CSVExport.partBytes { try await flush() }
        }
        func flush() async throws {
            guard !pending.isEmpty else { return }
            let part = pending
            pending = ""
            try await writer.writeBuffer(ByteBuffer(string: part))
        }
    }
}
