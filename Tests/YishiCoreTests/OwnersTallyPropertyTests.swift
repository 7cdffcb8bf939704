import Foundation
import PropertyBased
import Testing

@testable import YishiCore

/// A random estate from a seed: units with one to three owners (some owners holding several
/// units, some units co-owned), a few developer units, random areas and random ballots.
struct Scenario {
    var units: [RegisterUnit]
    var ballots: [Ballot]

    init(size: Int, seed: Int) {
        var g = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
        // Owner groups: each group is one person's owner set, used for one or more units.
        let groups = (0..<max(1, size / 2 + 1)).map { i -> [String] in
            let coOwners = Int.random(in: 1...3, using: &g)
            return (0..<coOwners).map { "P\(i)-\($0)" }
        }
        units = (0..<size).map { i in
            let status: UnitStatus = Int.random(in: 0..<10, using: &g) == 0 ? .developerUnsold : .delivered
            let owners = status == .delivered ? groups[Int.random(in: 0..<groups.count, using: &g)] : ["DEV"]
            return RegisterUnit(
                unit: "U\(i)", owners: owners, status: status,
                areas: UnitAreas(register: Area(centi: Int64.random(in: 3000...15000, using: &g))))
        }
        let choices: [BallotChoice] = [.agree, .agree, .agree, .against, .abstain, .invalid]
        var ballots: [Ballot] = []
        for owner in Set(units.flatMap(\.owners)).sorted() where Int.random(in: 0..<4, using: &g) != 0 {
            ballots.append(Ballot(owner: owner, choice: choices[Int.random(in: 0..<choices.count, using: &g)]))
        }
        self.ballots = ballots
    }

    var register: FrozenRegister { try! FrozenRegister.freeze(units).get() }
}

typealias SeededGenerator = SplitMix64

let sizes = Gen.int(in: 1...60)
let seeds = Gen.int(in: 0...Int.max)
let matters = Gen.int(in: 1...9)

@Suite("Owners' tally: properties")
struct OwnersTallyPropertyTests {
    @Test func ballotOrderNeverMatters() async {
        await propertyCheck(count: 300, input: sizes, seeds, matters) { size, seed, m in
            let s = Scenario(size: size, seed: seed)
            var g = SeededGenerator(seed: UInt64(size))
            let a = OwnersTally.count(register: s.register, ballots: s.ballots, matter: OwnersMatter(rawValue: m)!)
            let b = OwnersTally.count(
                register: s.register, ballots: s.ballots.shuffled(using: &g), matter: OwnersMatter(rawValue: m)!)
            #expect((try? a.get()) != nil && (try? a.get()) == (try? b.get()))
        }
    }

    @Test func oneMoreAgreeingBallotNeverTurnsAPassIntoAFail() async {
        await propertyCheck(count: 300, input: sizes, seeds, matters) { size, seed, m in
            let s = Scenario(size: size, seed: seed)
            let register = s.register
            let matter = OwnersMatter(rawValue: m)!
            guard let before = try? OwnersTally.count(register: register, ballots: s.ballots, matter: matter).get()
            else {
                Issue.record("tally failed")
                return
            }
            guard before.status == .passed else { return }
            // A person who has not voted now agrees.
            let voted = Set(s.ballots.compactMap { register.personOfOwner[$0.owner] })
            guard let silent = register.persons.indices.first(where: { !voted.contains($0) }),
                let owner = register.persons[silent].owners.first
            else { return }
            let after = try? OwnersTally.count(
                register: register, ballots: s.ballots + [Ballot(owner: owner, choice: .agree)], matter: matter
            ).get()
            #expect(after?.status == .passed)
        }
    }

    @Test func theQuorumDoesNotDependOnTheChoices() async {
        await propertyCheck(count: 300, input: sizes, seeds, seeds) { size, seed, other in
            let s = Scenario(size: size, seed: seed)
            var g = SeededGenerator(seed: UInt64(bitPattern: Int64(other)))
            // Same voters, other valid choices (one choice per person so no co-owner conflict appears).
            let register = s.register
            var choiceOf: [Int: BallotChoice] = [:]
            let revoted = s.ballots.map { b -> Ballot in
                let p = register.personOfOwner[b.owner]!
                let c = choiceOf[p] ?? [BallotChoice.agree, .against, .abstain].randomElement(using: &g)!
                choiceOf[p] = c
                return Ballot(owner: b.owner, choice: c)
            }
            guard
                let a = try? OwnersTally.count(register: register, ballots: s.ballots, matter: .rulesOfProcedure).get(),
                let b = try? OwnersTally.count(register: register, ballots: revoted, matter: .rulesOfProcedure).get()
            else {
                Issue.record("tally failed")
                return
            }
            // Invalid ballots become valid here, so compare with invalid ballots counted as taking part.
            #expect(a.invalidAsParticipating.quorumMet == b.invalidAsParticipating.quorumMet)
            #expect(a.personsParticipating == b.personsParticipating && a.areaParticipating == b.areaParticipating)
        }
    }

    @Test func splittingAPersonsUnitsAcrossRowsNeverChangesThePersonCount() async {
        await propertyCheck(count: 300, input: sizes, seeds) { size, seed in
            let s = Scenario(size: size, seed: seed)
            var g = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)) ^ 0xABCDEF)
            // The same units in another order, each owner set written in another order too.
            let shuffled = s.units.shuffled(using: &g).map { u -> RegisterUnit in
                var u = u
                u.owners = u.owners.shuffled(using: &g)
                return u
            }
            guard let b = try? FrozenRegister.freeze(shuffled).get() else {
                Issue.record("freeze failed")
                return
            }
            let a = s.register
            #expect(a.persons.count == b.persons.count)
            #expect(a.areaTotal == b.areaTotal)
            #expect(Set(a.persons.map { $0.owners }) == Set(b.persons.map { $0.owners }))
        }
    }
}
