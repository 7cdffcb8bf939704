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
}
