import Foundation

/// A CSV file as Excel writes it, read into a header and rows that keep their line numbers.
///
/// Read over the UTF-8 bytes (the delimiter, quote and line breaks are ASCII, which never occurs
/// inside a multi-byte character): a 60,000-row file is read in tens of milliseconds, where the
/// CSV library we used before walked it one Unicode scalar at a time (over a second).
struct CSVTable {
    var header: [String]
    var rows: [(line: Int, fields: [String])]

    enum Failure: Error, Equatable {
        case notText
        case malformed(line: Int)
        case empty
    }

    /// UTF-8 (BOM or not) or GB18030; CRLF, LF or CR; quoted fields, which may hold line breaks and
    /// doubled quotes. A blank line is a row of one empty field (the validator names it). Text
    /// after a closing quote (`"ab"cd`) is refused with its line rather than guessed at.
    static func read(_ data: Data) throws(Failure) -> CSVTable {
        let text: String
        do { text = try TextDecoding.decode(data) } catch { throw .notText }
        var bytes = Array(text.utf8)
        guard bytes.contains(where: { !isBlank($0) }) else { throw .empty }
        return try bytes.withUnsafeMutableBufferPointer { buffer throws(Failure) in
            try parse(UnsafeBufferPointer(buffer))
        }
    }

    private static func isBlank(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"),
        lf = UInt8(ascii: "\n")

    private static func parse(_ b: UnsafeBufferPointer<UInt8>) throws(Failure) -> CSVTable {
        var header: [String]? = nil
        var rows: [(line: Int, fields: [String])] = []
        var i = 0
        var line = 1
        let n = b.count
        var field: [UInt8] = []
        while i < n {
            // One row; `line` is where it starts.
            var row: [String] = []
            var breaks = 0
            var rowEnded = false
            while !rowEnded {
                field.removeAll(keepingCapacity: true)
                if i < n, b[i] == quote {
                    i += 1
                    var closed = false
                    while i < n {
                        let c = b[i]
                        if c == quote {
                            if i + 1 < n, b[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                continue
                            }
                            i += 1
                            closed = true
                            break
                        }
                        if c == lf { breaks += 1 }
                        field.append(c)
                        i += 1
                    }
                    if closed, i < n, b[i] != comma, b[i] != cr, b[i] != lf { throw .malformed(line: line + breaks) }
                } else {
                    while i < n, b[i] != comma, b[i] != cr, b[i] != lf {
                        field.append(b[i])
                        i += 1
                    }
                }
                row.append(String(decoding: field, as: UTF8.self))
                if i >= n {
                    rowEnded = true
                } else if b[i] == comma {
                    i += 1
                    // A delimiter at the very end still opens one last, empty field.
                    if i >= n {
                        row.append("")
                        rowEnded = true
                    }
                } else {
                    // CR, LF or CRLF ends the row.
                    if b[i] == cr, i + 1 < n, b[i + 1] == lf { i += 1 }
                    i += 1
                    rowEnded = true
                }
            }
            if header == nil { header = row } else { rows.append((line, row)) }
            line += 1 + breaks
        }
        return CSVTable(header: header ?? [], rows: rows)
    }
}
