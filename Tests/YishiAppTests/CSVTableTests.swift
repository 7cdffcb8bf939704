import Foundation
import Testing

@testable import YishiApp

/// The byte-level CSV reader: what Excel writes, read the way RFC 4180 says, each row with the
/// line it starts on.
@Suite("Reading CSV files")
struct CSVTableTests {
    func read(_ text: String) throws -> CSVTable { try CSVTable.read(Data(text.utf8)) }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let t = try read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n")
        #expect(t.header == ["a", "b", "c"])
        #expect(t.rows.count == 2)
        #expect(t.rows[0].line == 2)
        #expect(t.rows[0].fields == ["x, y", "say \"hi\"", "two\nlines"])
        // The row after a field with one line break starts two lines further on.
        #expect(t.rows[1].line == 4)
        #expect(t.rows[1].fields == ["last", "", ""])
    }

    @Test func lineEndingsAndTheLastLine() throws {
        #expect(try read("h\r\n1\r\n2").rows.map(\.fields) == [["1"], ["2"]])
        #expect(try read("h\n1\n2\n").rows.map(\.fields) == [["1"], ["2"]])
        #expect(try read("h\r1\r2\r").rows.map(\.fields) == [["1"], ["2"]])
        // A trailing delimiter opens one more, empty field, at the end of the file too.
        #expect(try read("h,i\n1,").rows.map(\.fields) == [["1", ""]])
    }

    @Test func blankLinesAreRowsOfOneEmptyField() throws {
        let t = try read("h\n\n1\n")
        #expect(t.rows.map(\.fields) == [[""], ["1"]])
        #expect(t.rows.map(\.line) == [2, 3])
    }

    @Test func quotesInsideAnUnquotedFieldAreText() throws {
        #expect(try read("h\nab\"c\"\n").rows[0].fields == ["ab\"c\""])
    }

    @Test func textAfterAClosingQuoteIsRefusedWithItsLine() {
        #expect(throws: CSVTable.Failure.malformed(line: 3)) { try read("h\nok\n\"ab\"cd\n") }
    }

    @Test func chineseTextBOMAndGB18030() throws {
        var utf8 = Data([0xEF, 0xBB, 0xBF])
        utf8.append(Data("姓名,楼\n王秀英,\"1号楼,2单元\"\n".utf8))
        let t = try CSVTable.read(utf8)
        #expect(t.header == ["姓名", "楼"])
        #expect(t.rows[0].fields == ["王秀英", "1号楼,2单元"])
        // "姓名\n王\n" in GB18030.
        let gb = Data([0xD0, 0xD5, 0xC3, 0xFB, 0x0A, 0xCD, 0xF5, 0x0A])
        #expect(try CSVTable.read(gb).rows[0].fields == ["王"])
        #expect(try CSVTable.read(gb).header == ["姓名"])
    }

    @Test func emptyAndBinaryFilesAreRefused() {
        #expect(throws: CSVTable.Failure.empty) { try read(" \r\n\t\n") }
        #expect(throws: CSVTable.Failure.notText) { try CSVTable.read(Data([0xFF, 0xFE, 0xFF, 0x00, 0x81])) }
    }
}
