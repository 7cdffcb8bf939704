import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp

@Suite("CSV downloads")
struct CSVExportTests {
    @Test func aStreamedDownloadIsUTF8WithBOMFormulaSafeAndWhole() async throws {
        // Enough rows for several 64 KB parts.
        let rows = (0..<8_000).map { i in ["C-\(i)", i % 2 == 0 ? "=HYPERLINK(\"x\")" : "宝林一村, 第\(i)幢", "-\(i)"] }
        let header = ["code", "name", "n"]
        let expected = CSVExport.text(header: header, rows: rows)
        #expect(expected.utf8.count > 3 * CSVExport.partBytes)
        let app = try await Application.make(.testing)
        app.get("x.csv") { _ in
            CSVExport.response(name: "gaps/../宝林 x", header: header) { emit in for r in rows { try await emit(r) } }
        }
        try await app.testing().test(.GET, "x.csv") { res in
            #expect(res.status == .ok)
            #expect(res.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            #expect(
                res.headers.first(name: .contentDisposition) == #"attachment; filename="gapsx.csv""#,
                "only ASCII letters, digits, - and _")
            let body = Data(buffer: res.body)
            #expect(Array(body.prefix(3)) == [0xEF, 0xBB, 0xBF], "a byte-order mark")
            #expect(String(decoding: body, as: UTF8.self) == expected, "every row, in order")
        }
        try await app.asyncShutdown()
        #expect(
            expected.contains("\r\n'=HYPERLINK") == false && expected.contains(",\"'=HYPERLINK(\"\"x\"\")\","),
            "a formula becomes text")
        #expect(expected.contains(",'-1\r\n"))
        #expect(CSVExport.fileName("../..") == "export")
    }
}
