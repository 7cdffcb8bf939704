import CSV
import Foundation

/// A CSV file as Excel writes it, read into a header and rows that keep their line numbers.
struct CSVTable {
    var header: [String]
    var rows: [(line: Int, fields: [String])]

    enum Failure: Error, Equatable { case notText, malformed(line: Int), empty }

    /// UTF-8 (BOM or not) or GB18030; CRLF or LF; quoted fields, which may hold line breaks.
    static func read(_ data: Data) throws(Failure) -> CSVTable {
        let text: String
        do { text = try TextDecoding.decode(data) } catch { throw .notText }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .empty }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch { throw .malformed(line: 1) }
        var rows: [(line: Int, fields: [String])] = []
        var line = 1
        var header: [String]? = nil
        while let row = reader.next() {
            // A quoted field may hold line breaks; the next row starts that many lines further on.
            var breaks = 0
            for field in row where field.utf8.contains(10) { breaks += field.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }
            if header == nil { header = row } else { rows.append((line, row)) }
            line += 1 + breaks
        }
        if reader.error != nil { throw .malformed(line: line) }
        return CSVTable(header: header ?? [], rows: rows)
    }
}
