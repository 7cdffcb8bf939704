import Foundation
import Testing

@testable import YishiCore

@Suite("Meetings: sign-in codes and resolutions")
struct MeetingRulesTests {
    // 2026-12-03 14:00 in Shanghai = 06:00 UTC.
    let starts = Date(timeIntervalSince1970: 1_796_277_600)

    @Test func aCodeWorksFromAnHourBeforeUntilTheEndOfTheDay() {
        #expect(!MeetingRules.codeValid(at: starts.addingTimeInterval(-3_601), starts: starts))
        #expect(MeetingRules.codeValid(at: starts.addingTimeInterval(-3_600), starts: starts))
        #expect(
            MeetingRules.codeValid(at: starts.addingTimeInterval(9 * 3_600 + 59 * 60), starts: starts), "23:59 that day"
        )
        #expect(
            !MeetingRules.codeValid(at: starts.addingTimeInterval(10 * 3_600), starts: starts), "midnight in Shanghai")
        #expect(MeetingRules.code(42) == "000042" && MeetingRules.code(1_234_567) == "234567")
    }

    @Test func aResidentsMeetingDecidesByQuorumAndMajority() throws {
        let d = try MeetingRules.decide(.residentsAssembly, electorate: 100, present: 51, yes: 26).get()
        #expect(d.status == .passed && d.conditions.map(\.check) == ["2 × 51 > 100", "2 × 26 > 51"])
        #expect(
            try MeetingRules.decide(.residentsAssembly, electorate: 100, present: 50, yes: 50).get().status == .noQuorum
        )
        #expect(
            try MeetingRules.decide(.residentsAssembly, electorate: 100, present: 60, yes: 30).get().status == .failed)
        #expect(
            MeetingRules.decide(.residentsAssembly, electorate: nil, present: 1, yes: 1)
                == .failure(.electorateRequired))
        #expect(
            MeetingRules.decide(.residentsAssembly, electorate: 10, present: 11, yes: 1) == .failure(.impossibleCounts))
    }

    @Test func otherMeetingsDecideByMoreThanHalfOfThosePresentAndOwnersByTheirVote() throws {
        #expect(try MeetingRules.decide(.buildingGroup, electorate: nil, present: 9, yes: 5).get().status == .passed)
        #expect(try MeetingRules.decide(.hearing, electorate: nil, present: 10, yes: 5).get().status == .failed)
        #expect(MeetingRules.decide(.coordination, electorate: nil, present: 0, yes: 0) == .failure(.impossibleCounts))
        #expect(
            MeetingRules.decide(.ownersAssembly, electorate: nil, present: 9, yes: 9) == .failure(.ownersDecideByVote))
    }

    @Test func aVillagesMeetingsFollowTheVillagersRules() throws {
        // 村民会议: more than half the adults, or two thirds of households represented.
        let byHouseholds = try MeetingRules.decide(
            .villagersAssembly, .init(electorate: 300, present: 120, yes: 70, households: 90, householdsPresent: 60)
        ).get()
        #expect(byHouseholds.status == .passed)
        #expect(byHouseholds.conditions.map(\.check) == ["2 × 120 > 300", "3 × 60 ≥ 2 × 90", "2 × 70 > 120"])
        #expect(
            try MeetingRules.decide(
                .villagersAssembly, .init(electorate: 300, present: 120, yes: 70, households: 90, householdsPresent: 59)
            ).get().status == .noQuorum)
        // A residents' meeting at a village is the villagers' meeting.
        #expect(
            try MeetingRules.decide(
                .residentsAssembly, village: true,
                .init(electorate: 300, present: 151, yes: 76, households: 90, householdsPresent: 10)
            ).get().status == .passed)
        #expect(
            MeetingRules.decide(.residentsAssembly, village: true, .init(electorate: 300, present: 151, yes: 76))
                == .failure(.householdsRequired))
        // 村民小组会议: two thirds of adults or of households present.
        #expect(
            try MeetingRules.decide(
                .villagerGroup, .init(electorate: 30, present: 20, yes: 11, households: 12, householdsPresent: 5)
            ).get().status == .passed)
        #expect(
            try MeetingRules.decide(
                .villagerGroup, .init(electorate: 30, present: 19, yes: 11, households: 12, householdsPresent: 7)
            ).get().status == .noQuorum)
        // 村民代表会议: two thirds of its members; at a residential community, a consultative majority.
        #expect(
            try MeetingRules.decide(.representatives, village: true, .init(electorate: 30, present: 19, yes: 19)).get()
                .status == .noQuorum)
        #expect(
            MeetingRules.decide(.representatives, village: true, .init(present: 19, yes: 19))
                == .failure(.electorateRequired))
        #expect(try MeetingRules.decide(.representatives, .init(present: 19, yes: 10)).get().status == .passed)
        let group = MeetingRules.needs(.villagerGroup, village: false)
        #expect(group.electorate && group.households)
    }

    @Test func aConditionReadsInPlainWordsWithItsNumbers() {
        let c = TallyCondition(name: "majority_of_present", check: "2 × 28 > 31", passed: true)
        #expect(c.plain(.zhHans) == "同意的超过到会人数的一半（2 × 28 > 31） ✓")
        #expect(c.plain(.en) == "More than half of those present agreed (2 × 28 > 31) ✓")
        let odd = TallyCondition(name: "threshold_area", check: "3 × 10 ≥ 2 × 20", passed: false)
        #expect(odd.plain(.en) == "3 × 10 ≥ 2 × 20 ✗", "a condition without words keeps its numbers")
    }
}
