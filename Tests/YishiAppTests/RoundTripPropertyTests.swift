import Fluent
import Foundation
import PropertyBased
import Testing
import YishiCore

@testable import YishiApp

/// Text made of the characters that break CSV and HTML: separators, quotes, line breaks, formula
/// starters, markup, Chinese.
func trickyText(_ g: inout SplitMix64, length: Int) -> String {
    let alphabet: [Character] = [
        "a", "Z", "7", "宝", "林", ",", "\"", "'", "\n", "\r", "\t", "=", "+", "-", "@", "<", ">", "&", ";", " ",
    ]
    return String((0..<length).map { _ in alphabet.randomElement(using: &g)! })
}

@Suite("Round trips: properties")
struct RoundTripPropertyTests {
    /// A cell we write reads back as written, made safe: formula starters get their quote, nothing else changes.
    @Test func aCSVCellReadsBackAsWrittenAndNeverAsAFormula() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...12), Gen.int(in: 0...Int.max)) { length, seed in
            var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
            let cells = (0..<3).map { _ in "x" + trickyText(&g, length: length) + "x" }
            let lead = trickyText(&g, length: 1) + "y"
            let file = CSVExport.text(header: ["a", "b", "c", "d"], rows: [cells + [lead]])
            let table = try? CSVTable.read(Data(file.utf8))
            #expect(table?.header == ["a", "b", "c", "d"])
            #expect(table?.rows.map(\.fields) == [cells + [CSVCell.neutralised(lead)]])
            #expect(!"=+-@\t\r".contains(CSVCell.neutralised(lead).first!))
        }
    }

    /// An attribute value and a text node come back exactly after the browser's unescaping.
    @Test func attributeAndTextEscapingRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...16), Gen.int(in: 0...Int.max)) { length, seed in
            var g = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
            let value = trickyText(&g, length: length)
            let html = H.render(H.el("a", [("title", value)], text: value))
            let match = html.firstMatch(of: /^<a title="([^"]*)">([^<]*)<\/a>$/)
            #expect(match != nil, "\(html)")
            func unescape(_ s: Substring) -> String {
                s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            #expect(match.map { unescape($0.1) } == value)
            #expect(match.map { unescape($0.2) } == value)
        }
    }
}

/// An import twice is the same as once; rows in any order give the same records.
@Suite("Imports: properties")
struct ImportPropertyTests {
    static func households(_ g: inout SplitMix64, rows: Int) -> [String] {
        let units = ["BS01-C1-X1-B1-101", "BS01-C1-X1-B1-102", "BS01-C1-X1-B2-101", "BS01-C2-X1-B1-101"]
        return (0..<rows).map { i in
            let h = i / 2
            return "H-P-\(h),\(units[h % units.count]),R-P-\(i),居民\(i),\(1940 + Int.random(in: 0...80, using: &g)),,"
        }
    }

    static func stored(_ db: any Database) async throws -> [String] {
        try await Resident.query(on: db).filter(\.$code =~ "R-P-").with(\.$household).all()
            .map { "\($0.code) \($0.name) \($0.birthYear) \($0.household?.code ?? "")" }.sorted()
    }

    @Test func anImportIsIdempotentAndIndependentOfRowOrder() async throws {
        let header = "household,unit,resident,name,birth_year,phone,flags\n"
        for seed in [1, 2, 3] {
            var g = SplitMix64(seed: UInt64(seed))
            let lines = Self.households(&g, rows: 20 + seed * 7)
            var a: [String] = []
            try await withYishi(demo: true) { t in
                let first = try await TerritoryImporter.run(
                    Data((header + lines.joined(separator: "\n")).utf8), by: t.platform, partRows: 5)
                let again = try await TerritoryImporter.run(
                    Data((header + lines.joined(separator: "\n")).utf8), by: t.platform, partRows: 7)
                #expect(first.added == lines.count)
                #expect(again.added == 0 && again.updated == 0 && again.unchanged == lines.count)
                a = try await Self.stored(t.db)
            }
            try await withYishi(demo: true) { t in
                let shuffled = lines.shuffled(using: &g)
                _ = try await TerritoryImporter.run(
                    Data((header + shuffled.joined(separator: "\n")).utf8), by: t.platform, partRows: 3)
                #expect(try await Self.stored(t.db) == a)
            }
        }
    }
}

@Suite("Values as pages show them")
struct ShowValuesTests {
    @Test func shanghaiTimeAgreesWithTheCalendar() async {
        let f = DateFormatter()
        f.timeZone = TimeZone(identifier: "Asia/Shanghai")
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        await propertyCheck(count: 500, input: Gen.int(in: 694_224_000...4_102_444_800)) { seconds in
            // From 1992 (no daylight saving in Shanghai since 1991) to 2100.
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(Show.dateTime(date) == f.string(from: date))
        }
        #expect(Show.dateTime(nil) == "—")
    }

    @Test func moneyIsYuanWithTwoDecimalsAndSeparators() {
        #expect(Show.money(fen: 0) == "¥0.00")
        #expect(Show.money(fen: 5) == "¥0.05")
        #expect(Show.money(fen: 123_456) == "¥1,234.56")
        #expect(Show.money(fen: 100_000_000) == "¥1,000,000.00")
        #expect(Show.money(fen: -250) == "-¥2.50")
        #expect(Show.area(centi: 8_850) == "88.50 ㎡")
    }
}
