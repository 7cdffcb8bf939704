import Foundation

/// Reads the machine-written CSV files of the life-circle format (RFC 4180 quoting, UTF-8).
/// Atlas depends on Foundation only, and these files are large and regular, so it reads bytes.
public enum SimpleCSV {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var file: String
        public var line: Int
        public var reason: String
        public var description: String { "\(file):\(line): \(reason)" }
    }

    /// Splits `data` into rows of fields; the first row is the header.
    public static func rows(_ data: Data) -> [[String]] {
        var rows: [[String]] = []
        var field: [UInt8] = []
        var row: [String] = []
        var inQuotes = false
        var quotedJustClosed = false
        let bytes = [UInt8](data)
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        inQuotes = false
                        quotedJustClosed = true
                    }
                } else {
                    field.append(b)
                }
            } else if b == 0x22 && field.isEmpty && !quotedJustClosed {
                inQuotes = true
            } else if b == 0x2C {
                endField()
                quotedJustClosed = false
            } else if b == 0x0A || b == 0x0D {
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                endField()
                rows.append(row)
                row.removeAll(keepingCapacity: true)
                quotedJustClosed = false
            } else {
                field.append(b)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// The rows of a file with the named columns required; returns the column index map too.
    public static func table(_ url: URL, required: [String]) throws -> (
        index: [String: Int], rows: ArraySlice<[String]>
    ) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Failure(file: url.lastPathComponent, line: 0, reason: "cannot read the file / 无法读取文件")
        }
        let all = rows(data)
        guard let header = all.first else {
            throw Failure(file: url.lastPathComponent, line: 1, reason: "empty file / 文件为空")
        }
        let index = Dictionary(header.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        let missing = required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw Failure(
                file: url.lastPathComponent, line: 1,
                reason: "missing columns / 缺少列: \(missing.joined(separator: ", "))")
        }
        return (index, all.dropFirst())
    }
}
