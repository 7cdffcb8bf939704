import Foundation
import Testing

@testable import YishiCore

@Suite("Residents' and villagers' decisions (DECISION-RULES.md §2–3)")
struct CommunityDecisionTests {
    @Test func residentsMeeting() throws {
        #expect(
            try CommunityDecisions.residentsMeeting(electorate: 100, present: 50, yes: 50).status == .noQuorum,
            "half present is not more than half")
        #expect(try CommunityDecisions.residentsMeeting(electorate: 100, present: 51, yes: 26).status == .passed)
        #expect(
            try CommunityDecisions.residentsMeeting(electorate: 100, present: 52, yes: 26).status == .failed,
            "exactly half of those present fails")
        #expect(throws: MeetingError.impossibleCounts) {
            try CommunityDecisions.residentsMeeting(electorate: 10, present: 11, yes: 1)
        }
        #expect(throws: MeetingError.impossibleCounts) {
            try CommunityDecisions.residentsMeeting(electorate: 0, present: 0, yes: 0)
        }
    }

    @Test func villagersMeetingTakesEitherQuorum() throws {
        #expect(
            try CommunityDecisions.villagersMeeting(
                adults: 100, adultsPresent: 51, households: 40, householdsRepresented: 10, yes: 30
            ).status == .passed)
        #expect(
            try CommunityDecisions.villagersMeeting(
                adults: 100, adultsPresent: 40, households: 30, householdsRepresented: 20, yes: 21
            ).status == .passed,
            "two thirds of households is enough")
        #expect(
            try CommunityDecisions.villagersMeeting(
                adults: 100, adultsPresent: 50, households: 30, householdsRepresented: 19, yes: 40
            ).status == .noQuorum)
    }

    @Test func representativesAndGroups() throws {
        #expect(
            try CommunityDecisions.villagersRepresentativesMeeting(members: 30, present: 20, yes: 11).status == .passed)
        #expect(
            try CommunityDecisions.villagersRepresentativesMeeting(members: 30, present: 19, yes: 19).status
                == .noQuorum)
        #expect(
            try CommunityDecisions.villagerGroupMeeting(
                adults: 30, adultsPresent: 20, households: 12, householdsPresent: 5, yes: 10
            ).status == .failed)
        #expect(
            try CommunityDecisions.villagerGroupMeeting(
                adults: 30, adultsPresent: 15, households: 12, householdsPresent: 8, yes: 8
            ).status == .passed)
        #expect(try CommunityDecisions.committeeMajority(members: 7, yes: 4).status == .passed)
        #expect(try CommunityDecisions.committeeMajority(members: 8, yes: 4).status == .failed)
    }
}

@Suite("Consultative choices (DECISION-RULES.md §4)")
struct ConsultativeTests {
    @Test func pluralityWithTieBreakNamed() throws {
        let r = try Consultative.plurality(options: 3, ballots: [0, 1, 1, 0, nil, 7], tieBreak: .listedOrder)
        #expect(r.scores == [2, 2, 0] && r.winner == 0 && r.decidedByTieBreak && r.invalidBallots == 2)
        let lot1 = try Consultative.plurality(options: 3, ballots: [0, 1], tieBreak: .lot(seed: 42))
        let lot2 = try Consultative.plurality(options: 3, ballots: [0, 1], tieBreak: .lot(seed: 42))
        #expect(lot1.winner == lot2.winner && [0, 1].contains(lot1.winner), "the same seed draws the same")
        #expect(TieBreak.lot(seed: 42).name.en.contains("42"))
    }

    @Test func approvalAndBorda() throws {
        let a = try Consultative.approval(
            options: 3, ballots: [[0, 1], [1], [1, 2, 2], [], [0, 1, 2]], maxPicks: 2, tieBreak: .listedOrder)
        #expect(a.scores == [1, 3, 1] && a.winner == 1 && a.invalidBallots == 2)
        let b = try Consultative.borda(
            options: 3, ballots: [[0, 1, 2], [1, 0, 2], [1, 2], [0, 0]], tieBreak: .listedOrder)
        #expect(b.scores == [3, 5, 1] && b.ranking == [1, 0, 2] && b.invalidBallots == 1)
        #expect(throws: ChoiceError.noOptions) {
            try Consultative.borda(options: 0, ballots: [], tieBreak: .listedOrder)
        }
    }

    @Test func fundAllocationSkipsWhatNoLongerFits() throws {
        let projects = [
            Consultative.Project(id: "长椅", cost: 300_000, support: 40), .init(id: "花园", cost: 800_000, support: 55),
            .init(id: "雨棚", cost: 250_000, support: 30), .init(id: "灯", cost: 100_000, support: 30),
        ]
        let a = Consultative.allocate(budget: 1_000_000, projects: projects, tieBreak: .listedOrder)
        #expect(a.funded == ["花园", "灯"] && a.skipped == ["长椅", "雨棚"] && a.spent == 900_000 && a.remaining == 100_000)
        let capped = Consultative.allocate(
            budget: 2_000_000, projects: projects, maxProjects: 2, tieBreak: .listedOrder)
        #expect(capped.funded == ["花园", "长椅"])
        let (choice, alloc) = try Consultative.allocateByApproval(
            budget: 500_000, projects: [("A", 300_000), ("B", 300_000), ("C", 100_000)],
            ballots: [[0, 2], [1], [0], [0, 1, 2]], maxPicks: 2, tieBreak: .listedOrder)
        #expect(choice.scores == [2, 1, 1] && choice.invalidBallots == 1)
        #expect(alloc.funded == ["A", "C"] && alloc.skipped == ["B"])
    }

    @Test func satisfaction() {
        let s = Consultative.satisfaction([5, 4, 4, 3, 0, 6, 5])
        #expect(s.distribution == [0, 0, 1, 2, 2] && s.count == 5 && s.invalid == 2 && s.mean == "4.20")
        #expect(Consultative.satisfaction([1, 2]).mean == "1.50")
        #expect(Consultative.satisfaction([1, 1, 2]).mean == "1.33")
        #expect(Consultative.satisfaction([2, 2, 1]).mean == "1.67")
        #expect(Consultative.satisfaction([]).mean == "—")
    }
}
