import Foundation
import Testing

@testable import YishiCore

@Suite("UUID parsing without sscanf")
struct UUIDParsingTests {
    @Test func agreesWithFoundationOnValidIds() {
        for _ in 0..<2_000 {
            let u = UUID()
            #expect(UUID(hyphenated: u.uuidString) == u)
            #expect(UUID(hyphenated: u.uuidString.lowercased()) == u)
            #expect(UUID(hyphenated: Substring("/" + u.uuidString + "/").dropFirst().dropLast()) == u)
        }
        #expect(
            UUID(hyphenated: "00000000-0000-0000-0000-000000000000")
                == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
    }

    @Test(arguments: [
        "", "X", "0000000-00000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000",
        "00000000-0000-0000-0000-0000000000000", "00000000_0000-0000-0000-000000000000",
        "g0000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000Z",
        "000000000000-0000-0000-0000-00000000", "{00000000-0000-0000-0000-000000000000}",
        "０0000000-0000-0000-0000-000000000000",
    ])
    func refusesWhatFoundationRefuses(_ text: String) {
        #expect(UUID(hyphenated: text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }

    @Test func stricterThanSscanfAboutSpaces() {
        // sscanf skips leading white space; a stored path never has any, so ours refuses it.
        #expect(UUID(hyphenated: " 0000000-0000-0000-0000-000000000000") == nil)
    }

    @Test func pathsParseAsBefore() {
        let ids = (0..<5).map { _ in UUID() }
        let path = TerritoryPath(ids)
        #expect(TerritoryPath(encoded: path.encoded) == path)
        #expect(TerritoryPath(encoded: path.encoded.lowercased())?.ids == ids)
        #expect(TerritoryPath(encoded: "/not-a-uuid/") == nil)
    }
}
