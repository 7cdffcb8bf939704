import Foundation
import Testing

@testable import YishiCore

func unit(
    _ id: String, _ owners: String, _ area: String, status: UnitStatus = .delivered, kind: UnitKind = .residential,
    source: AreaSource = .register
) -> RegisterUnit {
    let a = Area(parsing: area)!
    let areas =
        switch source {
        case .register: UnitAreas(register: a)
        case .survey: UnitAreas(survey: a)
        case .contract: UnitAreas(contract: a)
        }
    return RegisterUnit(
        unit: id, owners: owners.split(separator: ";").map(String.init), status: status, kind: kind, areas: areas)
}

func tally(
    _ units: [RegisterUnit], _ ballots: [(String, BallotChoice)], matter: Int = 1, parking: Bool = false,
    silence: Bool = false
) throws -> OwnersTallyResult {
    let register = try FrozenRegister.freeze(units, countParking: parking).get()
    return try OwnersTally.count(
        register: register, ballots: ballots.map { Ballot(owner: $0.0, choice: $0.1) },
        matter: OwnersMatter(rawValue: matter)!, silenceFollowsMajority: silence
    ).get()
}

/// Equal units A, B, C, D … of 100.00 m² each, one owner each.
func equalUnits(_ n: Int) -> [RegisterUnit] { (0..<n).map { unit("U\($0)", "O\($0)", "100.00") } }
func votes(_ choices: [BallotChoice]) -> [(String, BallotChoice)] {
    choices.enumerated().map { ("O\($0.offset)", $0.element) }
}

struct BoundaryCase: CustomTestStringConvertible, Sendable {
    var name: String
    var units: [RegisterUnit]
    var ballots: [(String, BallotChoice)]
    var matter: Int
    var expected: TallyStatus
    var testDescription: String { name }
}

let boundaryCases: [BoundaryCase] = [
    .init(
        name: "exactly 2/3 of persons and area take part: quorum", units: equalUnits(3),
        ballots: votes([.agree, .agree]), matter: 1, expected: .passed),
    .init(
        name: "one unit fewer than 2/3: no quorum", units: equalUnits(3), ballots: votes([.agree]), matter: 1,
        expected: .noQuorum),
    .init(
        name: "exactly half agreeing fails (过半数 is strict)", units: equalUnits(4),
        ballots: votes([.agree, .agree, .against, .against]), matter: 1, expected: .failed),
    .init(
        name: "one more than half passes", units: equalUnits(5),
        ballots: votes([.agree, .agree, .agree, .against, .abstain]), matter: 1, expected: .passed),
    .init(
        name: "abstentions take part but do not agree", units: equalUnits(4),
        ballots: votes([.agree, .agree, .abstain, .abstain]), matter: 4, expected: .failed),
    .init(
        name: "exactly 3/4 passes matter 6", units: equalUnits(4), ballots: votes([.agree, .agree, .agree, .against]),
        matter: 6, expected: .passed),
    .init(
        name: "exactly 3/4 passes matter 7", units: equalUnits(4), ballots: votes([.agree, .agree, .agree, .abstain]),
        matter: 7, expected: .passed),
    .init(
        name: "below 3/4 fails matter 8", units: equalUnits(5),
        ballots: votes([.agree, .agree, .agree, .against, .against]), matter: 8, expected: .failed),
    .init(
        name: "the same 3/5 passes matter 5 (using the fund: half)", units: equalUnits(5),
        ballots: votes([.agree, .agree, .agree, .against, .against]), matter: 5, expected: .passed),
    .init(
        name: "persons agree but area does not: fails",
        units: [unit("U0", "O0", "50.00"), unit("U1", "O1", "50.00"), unit("U2", "O2", "200.00")],
        ballots: votes([.agree, .agree, .against]), matter: 1, expected: .failed),
    .init(
        name: "area agrees but persons do not: fails",
        units: [unit("U0", "O0", "200.00"), unit("U1", "O1", "50.00"), unit("U2", "O2", "50.00")],
        ballots: votes([.agree, .against, .against]), matter: 1, expected: .failed),
    .init(
        name: "area precision: 70.10 + 70.20 of 210.45 m² is exactly 2/3",
        units: [unit("U0", "O0", "70.10"), unit("U1", "O1", "70.20"), unit("U2", "O2", "70.15")],
        ballots: votes([.agree, .agree]), matter: 1, expected: .passed),
    .init(
        name: "area precision: 70.10 + 70.19 of 210.45 m² falls short by 0.01",
        units: [unit("U0", "O0", "70.10"), unit("U1", "O1", "70.19"), unit("U2", "O2", "70.16")],
        ballots: votes([.agree, .agree]), matter: 1, expected: .noQuorum),
    .init(
        name: "invalid ballots that change the outcome: needs review", units: equalUnits(4),
        ballots: votes([.agree, .agree, .against, .invalid]), matter: 1, expected: .needsReview),
    .init(
        name: "invalid ballots that change nothing", units: equalUnits(5),
        ballots: votes([.agree, .agree, .agree, .agree, .invalid]), matter: 1, expected: .passed),
]

@Suite("Owners' tally: boundaries (DECISION-RULES.md §1)")
struct OwnersTallyTests {
    @Test(arguments: boundaryCases)
    func boundary(_ c: BoundaryCase) throws {
        #expect(try tally(c.units, c.ballots, matter: c.matter).status == c.expected)
    }

    @Test(arguments: OwnersMatter.allCases)
    func eachMatterHasItsThreshold(_ m: OwnersMatter) throws {
        // 3 of 4 agreeing passes every matter; 5 of 8 passes only the "more than half" matters.
        #expect(
            try tally(equalUnits(4), votes([.agree, .agree, .agree, .against]), matter: m.rawValue).status == .passed)
        let r = try tally(
            equalUnits(8), votes([.agree, .agree, .agree, .agree, .agree, .against, .against, .against]),
            matter: m.rawValue)
        #expect(r.status == ([6, 7, 8].contains(m.rawValue) ? .failed : .passed))
        #expect(r.threshold == ([6, 7, 8].contains(m.rawValue) ? .threeQuarters : .half))
    }

    @Test func theDevelopersUnitsAreOnePerson() throws {
        let units = [
            unit("U1", "DEV", "100.00", status: .developerUnsold),
            unit("U2", "DEV", "100.00", status: .developerUnsold),
            unit("U3", "B9", "90.00", status: .soldUndelivered), unit("U4", "A", "80.00"), unit("U5", "B", "70.00"),
        ]
        let reg = try FrozenRegister.freeze(units).get()
        #expect(reg.persons.count == 3)
        let dev = try #require(reg.persons.first { $0.isDeveloper })
        #expect(dev.area == 29000 && dev.units.count == 3)
        #expect(reg.personOfOwner["DEV"] == reg.personOfOwner["B9"])
        let r = try tally(units, [("DEV", .agree), ("A", .agree)])
        #expect(r.personsAgree == 2 && r.areaAgree == 37000 && r.status == .passed)
    }

    @Test func aBuyerOfSeveralUnitsIsOnePersonWithTheSum() throws {
        let units = [
            unit("U1", "A", "60.00"), unit("U2", "B", "70.00"), unit("U3", "A", "55.50"), unit("U4", "C", "80.00"),
        ]
        let reg = try FrozenRegister.freeze(units).get()
        #expect(reg.persons.count == 3)
        #expect(reg.persons[reg.personOfOwner["A"]!].area == 11550)
        #expect(reg.notes.contains { $0.en.contains("holding several units") })
    }

    @Test func coOwnersAreOnePersonAndMustAgree() throws {
        let units = [unit("U1", "A;B", "100.00"), unit("U2", "C", "100.00"), unit("U3", "B;A", "50.00")]
        let reg = try FrozenRegister.freeze(units).get()
        #expect(reg.persons.count == 2, "{A,B} and {B,A} are the same person")
        let same = try tally(units, [("A", .agree), ("B", .agree), ("C", .agree)])
        #expect(same.personsAgree == 2 && same.personsInvalid == 0)
        let split = try tally(units, [("A", .agree), ("B", .against), ("C", .agree)])
        #expect(split.personsInvalid == 1 && split.personsAgree == 1)
        #expect(split.notes.contains { $0.en.contains("co-owners chose differently") })
    }

    @Test func overlappingOwnerSetsBlockTheTally() {
        let r = FrozenRegister.freeze([unit("U1", "A;B", "100.00"), unit("U2", "A", "50.00")])
        guard case .failure(let p) = r, case .overlappingOwners(let owner, _, let second) = p.list.first else {
            Issue.record("not refused")
            return
        }
        #expect(owner == "A" && second.unit == "U2")
    }

    @Test func overlapIsFoundInEitherOrderAndRepeatedIdsAreOneOwner() throws {
        let r = FrozenRegister.freeze([unit("U1", "A", "50.00"), unit("U2", "B;A", "100.00")])
        guard case .failure(let p) = r, case .overlappingOwners(let owner, let first, _) = p.list.first else {
            Issue.record("not refused")
            return
        }
        #expect(owner == "A" && first.unit == "U1")
        let reg = try FrozenRegister.freeze([
            unit("U1", "A;A", "50.00"), unit("U2", "A", "25.00"), unit("U3", " B ", "10.00"),
        ]).get()
        #expect(
            reg.persons.count == 2 && reg.persons[reg.personOfOwner["A"]!].area == 7500 && reg.personOfOwner["B"] != nil
        )
    }

    @Test(arguments: AreaSource.allCases)
    func eachAreaSourceCounts(_ source: AreaSource) throws {
        let reg = try FrozenRegister.freeze([unit("U1", "A", "88.88", source: source)]).get()
        #expect(reg.areaTotal == 8888 && reg.areaSources == [source: 1])
    }

    @Test func theRegisterAreaWinsOverSurveyAndContract() throws {
        let u = RegisterUnit(
            unit: "U1", owners: ["A"], status: .delivered,
            areas: UnitAreas(register: Area(centi: 100), survey: Area(centi: 200), contract: Area(centi: 300)))
        #expect(try FrozenRegister.freeze([u]).get().areaTotal == 100)
    }

    @Test func parkingCountsOnlyWhenTheRulesSaySo() throws {
        let units = [unit("U1", "A", "100.00"), unit("U2", "B", "100.00"), unit("P1", "C", "12.50", kind: .parking)]
        #expect(try FrozenRegister.freeze(units).get().persons.count == 2)
        #expect(try FrozenRegister.freeze(units, countParking: true).get().persons.count == 3)
        #expect(try tally(units, [("A", .agree), ("B", .agree)]).status == .passed)
    }

    @Test func emptyRegistersAndStrangersAreRefused() throws {
        let empty = try FrozenRegister.freeze([unit("P1", "C", "12.50", kind: .parking)]).get()
        #expect(failure(OwnersTally.count(register: empty, ballots: [], matter: .rulesOfProcedure)) == .emptyRegister)
        let reg = try FrozenRegister.freeze(equalUnits(2)).get()
        #expect(
            failure(
                OwnersTally.count(
                    register: reg, ballots: [Ballot(owner: "X", choice: .agree, line: 7)], matter: .rulesOfProcedure))
                == .unknownOwner(owner: "X", line: 7))
        #expect(
            FrozenRegister.freeze([RegisterUnit(unit: "U", owners: ["A"], status: .delivered, areas: UnitAreas())])
                .isFailure)
        #expect(FrozenRegister.freeze([unit("U", "A", "1.00"), unit("U", "B", "1.00")]).isFailure)
    }

    @Test func silenceFollowsTheMajorityOnlyWhenTurnedOn() throws {
        // 10 owners; 4 agree, 1 against; 5 silent: no quorum by the law.
        let choices: [BallotChoice] = [.agree, .agree, .agree, .agree, .against]
        let raw = try tally(equalUnits(10), votes(choices))
        #expect(raw.status == .noQuorum && raw.withSilenceClause == nil)
        let clause = try tally(equalUnits(10), votes(choices), silence: true)
        #expect(clause.status == .noQuorum, "the raw outcome stays the reported one")
        #expect(clause.withSilenceClause?.status == .passed)
        #expect(clause.notes.contains { $0.en.hasPrefix("warning") })
    }

    @Test func everyFigureIsExplained() throws {
        let r = try tally(
            [unit("U0", "O0", "70.10"), unit("U1", "O1", "70.20"), unit("U2", "O2", "70.15")], votes([.agree, .agree]))
        let conditions = r.invalidAsParticipating.conditions
        #expect(
            conditions.map(\.check) == ["3 × 140.30 ≥ 2 × 210.45", "3 × 2 ≥ 2 × 3", "2 × 140.30 > 140.30", "2 × 2 > 2"])
        #expect(conditions.allSatisfy { $0.passed })
        #expect(r.areaTotal == 21045 && r.personsNotReturned == 1 && r.areaNotReturned == 7015)
        for note in r.notes { #expect(!note.zh.isEmpty && !note.en.isEmpty) }
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { return true } else { return false } }
}

func failure<S, F>(_ r: Result<S, F>) -> F? { if case .failure(let f) = r { return f } else { return nil } }
extension OwnersTallyResult: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        a.status == b.status && a.invalidAsParticipating == b.invalidAsParticipating
            && a.invalidAsAbsent == b.invalidAsAbsent
            && a.personsTotal == b.personsTotal && a.areaTotal == b.areaTotal && a.personsAgainst == b.personsAgainst
            && a.personsAbstain == b.personsAbstain && a.personsInvalid == b.personsInvalid
            && a.withSilenceClause == b.withSilenceClause
    }
}
