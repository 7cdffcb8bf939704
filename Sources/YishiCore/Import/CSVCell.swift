import Foundation

/// One cell of a CSV file we write (exports, gap lists), safe to open in a spreadsheet.
public enum CSVCell {
    /// A cell starting with `=`, `+`, `-`, `@`, TAB or CR is a formula (or becomes one after the
    /// spreadsheet strips the blank) in Excel, LibreOffice and Google Sheets; a leading `'` keeps it text.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    /// Neutralised, then quoted as RFC 4180 asks when it holds a comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        let v = neutralised(s)
        guard v.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return v
        }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
