import Foundation
import YishiCore

/// Values as pages show them, the same on every page.
enum Show {
    /// Money is kept in fen (分); shown as yuan with two decimals and thousands separators: ¥12,345.60.
    static func money(fen: Int64) -> String {
        let text = Yuan.text(fen)
        return text.hasPrefix("-") ? "-¥" + text.dropFirst() : "¥" + text
    }

    /// Areas are kept in 0.01 m²; shown with two decimals and the unit.
    static func area(centi: Int64) -> String { "\(Area(centi: centi).description) ㎡" }

    /// Times are stored in UTC and shown in Shanghai time (UTC+8 all year since 1991), as
    /// `2026-12-01 09:30`; "—" when there is none. Computed, not formatted: no formatter to share
    /// between threads, the same text on every platform.
    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "—" }
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = civil(days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60))"
    }

    /// The year in Shanghai at `date`.
    static func year(_ date: Date) -> Int {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Int(civil(days).0)
    }

    /// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func civil(_ days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
