import Foundation
import Testing

@testable import YishiCore

@Suite("Needs: common ground and priority")
struct NeedRankingTests {
    let now = Date(timeIntervalSince1970: 1_796_054_400)  // 2026-12-01 00:00 Shanghai
    let year = 2026
    let b1 = UUID()
    let b2 = UUID()

    func support(_ h: UUID, _ b: UUID, _ born: Int?, _ c: Channel = .online) -> NeedRanking.Support {
        .init(household: h, building: b, birthYear: born, channel: c)
    }

    @Test func aWorkedExampleWithEveryPart() {
        let (h1, h2, h3, h4) = (UUID(), UUID(), UUID(), UUID())
        let supports = [
            support(h1, b1, 1950, .online), support(h1, b1, 1952, .visit),  // one household, twice
            support(h2, b1, 1985), support(h3, b1, 1990, .paper), support(h4, b2, 2001),
        ]
        let members: [UUID: [NeedRanking.Member]] = [
            h1: [.init(birthYear: 1950, disability: false), .init(birthYear: 2016, disability: false)],
            h4: [.init(birthYear: 2001, disability: true)],
        ]
        let s = NeedRanking.score(
            supports: supports, members: members, safety: true, firstSubmitted: now.addingTimeInterval(-95 * 86_400),
            now: now, currentYear: year)
        #expect(s.households == 4, "a household counts once, whatever its channels")
        #expect(s.buildings == 2)
        #expect(s.ageBands == 4, "76 → 75+, 74 → 60–74, 41 → 40–59, 36 and 25 → 18–39")
        #expect(abs(s.depth - (3.0.squareRoot() + 1)) < 1e-9)
        #expect(abs(s.commonGround - (10 * 2 + 10 * 4 + 3.0.squareRoot() + 1)) < 1e-9)
        #expect(s.channels == 3)
        #expect(s.vulnerable == 3, "60+, a child under 14, a disability")
        #expect(s.waitingMonths == 3)
        let expected = s.commonGround + 2 * 2 + 3 * 3 + 15 + 3
        #expect(abs(s.priority - expected) < 1e-9)
        #expect(NeedRanking.rounded(s.priority) == 93.7, "62.7 + 4 + 9 + 15 + 3")
    }

    @Test func ageBandsHaveTheirBoundariesWhereTheIssueSaysSo() {
        #expect(NeedRanking.AgeBand.of(age: 17) == nil)
        #expect(NeedRanking.AgeBand.of(age: 18) == .from18 && NeedRanking.AgeBand.of(age: 39) == .from18)
        #expect(NeedRanking.AgeBand.of(age: 40) == .from40 && NeedRanking.AgeBand.of(age: 59) == .from40)
        #expect(NeedRanking.AgeBand.of(age: 60) == .from60 && NeedRanking.AgeBand.of(age: 74) == .from60)
        #expect(NeedRanking.AgeBand.of(age: 75) == .from75 && NeedRanking.AgeBand.of(age: 104) == .from75)
    }

    @Test func waitingIsCappedAndWeightsAreTheDistricts() {
        let h = UUID()
        var w = NeedRanking.Weights()
        let old = NeedRanking.score(
            supports: [support(h, b1, 1980)], members: [:], safety: false,
            firstSubmitted: now.addingTimeInterval(-400 * 86_400), now: now, currentYear: year)
        #expect(old.waitingMonths == 6)
        w.perBuilding = 5
        w.waitingMonthsCap = 12
        let custom = NeedRanking.score(
            supports: [support(h, b1, 1980)], members: [:], safety: false,
            firstSubmitted: now.addingTimeInterval(-400 * 86_400), now: now, currentYear: year, weights: w)
        #expect(custom.waitingMonths == 12, "400 days: 13 months, capped at the district's 12")
        #expect(abs(custom.commonGround - (5 + 10 + 1)) < 1e-9)
        // A first submission in the future (a clock set wrong) waits 0 months, never less.
        let future = NeedRanking.score(
            supports: [support(h, b1, 1980)], members: [:], safety: false,
            firstSubmitted: now.addingTimeInterval(86_400),
            now: now, currentYear: year)
        #expect(future.waitingMonths == 0)
    }

    @Test func noSupportScoresNothingButWaiting() {
        let s = NeedRanking.score(
            supports: [], members: [:], safety: false, firstSubmitted: now.addingTimeInterval(-31 * 86_400), now: now,
            currentYear: year)
        #expect(s.households == 0 && s.commonGround == 0 && s.channels == 0 && s.priority == 1)
    }

    /// Breadth first: support from a new building never lowers either score, and a second support
    /// from a household already counted changes neither households, buildings nor depth.
    @Test(arguments: 0..<50)
    func moreSupportNeverLowersAndRepeatsDoNotCount(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let buildings = (0..<4).map { _ in UUID() }
        let households = (0..<8).map { _ in (UUID(), buildings[Int(rng.next() % 4)]) }
        var supports: [NeedRanking.Support] = []
        for _ in 0..<Int(rng.next() % 12) {
            let (h, b) = households[Int(rng.next() % 8)]
            supports.append(
                support(
                    h, b, 1930 + Int(rng.next() % 80),
                    Channel.allCases[Int(rng.next() % UInt64(Channel.allCases.count))]))
        }
        let first = now.addingTimeInterval(-Double(rng.next() % 300) * 86_400)
        let before = NeedRanking.score(
            supports: supports, members: [:], safety: false, firstSubmitted: first, now: now, currentYear: year)
        let newHousehold = support(UUID(), UUID(), 1970)
        let after = NeedRanking.score(
            supports: supports + [newHousehold], members: [:], safety: false, firstSubmitted: first, now: now,
            currentYear: year)
        #expect(after.commonGround >= before.commonGround && after.priority >= before.priority)
        #expect(after.households == before.households + 1)
        if let repeatOf = supports.first {
            let again = NeedRanking.score(
                supports: supports + [support(repeatOf.household, repeatOf.building, nil, repeatOf.channel)],
                members: [:],
                safety: false, firstSubmitted: first, now: now, currentYear: year)
            #expect(again.households == before.households && again.buildings == before.buildings)
            #expect(abs(again.depth - before.depth) < 1e-9 && abs(again.priority - before.priority) < 1e-9)
        }
    }

    @Test func tiesGoToMoreHouseholdsThenTheEarlierSubmission() {
        let base = NeedRanking.Score(
            households: 3, buildings: 1, ageBands: 1, depth: 1.7, commonGround: 21.7, channels: 1, vulnerable: 0,
            safety: false, waitingMonths: 0, priority: 21.7)
        var more = base
        more.households = 4
        let early = now.addingTimeInterval(-86_400)
        #expect(NeedRanking.before((more, now), (base, early), by: \.priority), "more households first")
        #expect(NeedRanking.before((base, early), (base, now), by: \.priority), "then the earlier")
        var higher = base
        higher.priority = 21.8
        #expect(NeedRanking.before((higher, now), (more, early), by: \.priority))
    }
}
