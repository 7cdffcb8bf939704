import Foundation
import Testing

@testable import YishiCore

@Suite("Territory values")
struct TerritoryTests {
    @Test(arguments: [
        ("70.10", Int64(7010)), ("70.1", 7010), ("70", 7000), ("0.01", 1), ("210.45", 21045), (" 88.00 ", 8800),
        ("123456789012.99", 12345678901299),
    ])
    func areaParses(_ text: String, _ centi: Int64) {
        #expect(Area(parsing: text)?.centi == centi)
    }

    @Test(arguments: ["", "-1", "70.123", "1e3", "70,10", ".5", "70.", "abc", "７０", "1234567890123"])
    func areaRefuses(_ text: String) {
        #expect(Area(parsing: text) == nil)
    }

    @Test func areaPrintsTwoDecimals() {
        #expect(Area(centi: 7010).description == "70.10")
        #expect(Area(centi: 5).description == "0.05")
        #expect((Area(centi: 7010) + Area(centi: 7020)).description == "140.30")
    }

    @Test func areaPrecedenceIsRegisterSurveyContract() {
        let r = Area(centi: 100)
        let s = Area(centi: 200)
        let c = Area(centi: 300)
        #expect(UnitAreas(register: r, survey: s, contract: c).counted! == (r, .register))
        #expect(UnitAreas(survey: s, contract: c).counted! == (s, .survey))
        #expect(UnitAreas(contract: c).counted! == (c, .contract))
        #expect(UnitAreas().counted == nil)
    }

    @Test func pathsContainTheirSubtree() {
        let a = UUID()
        let b = UUID()
        let c = UUID()
        let p = TerritoryPath([a, b])
        #expect(p.contains(p))
        #expect(p.contains(p.appending(c)))
        #expect(!p.appending(c).contains(p))
        #expect(!p.contains(TerritoryPath([a, c])))
        #expect(TerritoryPath(encoded: p.encoded) == p)
        #expect(p.appending(c).encoded.hasPrefix(p.encoded))
        #expect(TerritoryPath(encoded: "/x/") == nil)
        #expect(TerritoryPath(encoded: "//") == nil)
        #expect(p.nodeId == b)
    }

    @Test func levelsChain() {
        #expect(TerritoryLevel.district.childLevel == .subdistrict)
        #expect(TerritoryLevel.building.childLevel == nil)
        #expect(TerritoryLevel.compound.parentLevel == .community)
        #expect(TerritoryLevel.compound.kinds.count == 6)
        #expect(TerritoryLevel.building.kinds.isEmpty)
    }

    @Test func residentFlagsRoundTrip() {
        let f: ResidentFlags = [.partyMember, .elderly]
        #expect(f.encoded == "partyMember;elderly")
        #expect(ResidentFlags(encoded: "elderly; partyMember") == f)
        #expect(ResidentFlags(encoded: "") == [])
        #expect(ResidentFlags(encoded: "king") == nil)
        #expect(ResidentFlags.isElderly(birthYear: 1966, inYear: 2026))
        #expect(!ResidentFlags.isElderly(birthYear: 1967, inYear: 2026))
    }

    @Test func phonesNormaliseAndMask() {
        #expect(OneTimeCodeRules.normalizePhone("138 0000 0001") == "13800000001")
        #expect(OneTimeCodeRules.normalizePhone("+86-138-0000-0001") == "13800000001")
        #expect(OneTimeCodeRules.normalizePhone("12800000001") == nil)
        #expect(OneTimeCodeRules.normalizePhone("1380000000") == nil)
        #expect(OneTimeCodeRules.mask("13800000001") == "138****0001")
        #expect(OneTimeCodeRules.isWellFormed("012345"))
        #expect(!OneTimeCodeRules.isWellFormed("12345a"))
    }

    @Test func backOffGrowsAndCaps() {
        #expect((0..<5).map(PasswordRules.lockSeconds(afterFailures:)) == [0, 0, 0, 0, 0])
        #expect(PasswordRules.lockSeconds(afterFailures: 5) == 60)
        #expect(PasswordRules.lockSeconds(afterFailures: 6) == 120)
        #expect(PasswordRules.lockSeconds(afterFailures: 9) == 960)
        #expect(PasswordRules.lockSeconds(afterFailures: 50) == 3600)
        #expect(!PasswordRules.isAcceptable("short"))
        #expect(PasswordRules.isAcceptable("long enough!"))
    }

    @Test func rateLimitCountsTheWindow() {
        let l = RateLimit(max: 3, windowSeconds: 60)
        #expect(l.allows(eventsInWindow: 2))
        #expect(!l.allows(eventsInWindow: 3))
    }
}

@Suite("Trimming")
struct TrimmedTests {
    @Test(arguments: [
        ("abc", "abc"), (" abc", "abc"), ("abc\t", "abc"), ("\u{3000}张三\u{3000}", "张三"), ("a b", "a b"), ("", ""),
        (" ", ""), ("\r\nx\r\n", "x"),
    ])
    func trims(_ input: String, _ expected: String) { #expect(input.trimmed == expected) }
}

@Suite struct SubtreeRangeTests {
    @Test func descendantsAndOnlyThemFallInTheRange() {
        var rng = SplitMix64(seed: 7)
        func id() -> UUID {
            var b = [UInt8]()
            for _ in 0..<2 {
                let v = rng.next()
                for k in 0..<8 { b.append(UInt8(truncatingIfNeeded: v >> (8 * k))) }
            }
            return UUID(
                uuid: (
                    b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]
                ))
        }
        let root = TerritoryPath([id(), id()])
        var inside = [root]
        for _ in 0..<50 { inside.append(inside.randomElement(using: &rng)!.appending(id())) }
        // Siblings and cousins, including ids that share the root's last id as a prefix of text.
        let outside =
            (0..<50).map { _ in TerritoryPath([root.ids[0], id()]).appending(id()) } + [TerritoryPath([root.ids[0]])]
        for p in inside {
            #expect(root.encoded <= p.encoded && p.encoded < root.subtreeUpperBound, "\(p)")
            #expect(root.contains(p))
        }
        for p in outside {
            #expect(!(root.encoded <= p.encoded && p.encoded < root.subtreeUpperBound), "\(p)")
            #expect(!root.contains(p))
        }
    }
}
