import Foundation
import Testing

@testable import YishiCore

/// An owners' vote on the platform (issue 19): every step against every state, a ballot on each
/// channel, the turnout the quorum needs, receipt codes and the record's lines.
@Suite("Votes: an owners' vote's rules")
struct OwnerVoteTests {
    typealias V = OwnerVote
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func check(
        _ step: V.Step, _ status: V.Status, published: Date? = nil, days: Int = 7, unanswered: Int = 0,
        closesAt: Date? = nil
    ) -> V.Refusal? {
        V.check(
            step, status: status, now: now, registerPublishedAt: published, noticeDays: days, unanswered: unanswered,
            closesAt: closesAt)
    }

    @Test func everyStepAgainstEveryState() {
        let past = now.addingTimeInterval(-8 * 86_400)
        // The expected refusal of each step in each state, in the order of `Status.allCases`.
        let table: [(V.Step, [V.Refusal?])] = [
            (.freeze(hasReason: false), [nil, .reasonNeeded, .registerLocked, .registerLocked, .registerLocked]),
            (.freeze(hasReason: true), [nil, nil, .registerLocked, .registerLocked, .registerLocked]),
            (.designate, [nil, nil, .registerLocked, .registerLocked, .registerLocked]),
            (.open, [.registerNotPublished, nil, .alreadyOpen, .closed, .closed]),
            (.ballot, [.notOpenYet, .notOpenYet, nil, .closed, .closed]),
            (.close, [.notOpenYet, .notOpenYet, nil, .closed, .closed]),
            (.publishResult, [.notClosed, .notClosed, .notClosed, nil, .alreadyPublished]),
        ]
        for (step, expected) in table {
            for (status, want) in zip(V.Status.allCases, expected) {
                #expect(check(step, status, published: past) == want, "\(step) in \(status)")
            }
        }
    }

    @Test func openingWaitsForTheCorrectionPeriodAndTheAnswers() {
        let published = now.addingTimeInterval(-3 * 86_400)
        #expect(
            check(.open, .registerPublished, published: published, days: 7)
                == .correctionPeriod(until: published.addingTimeInterval(7 * 86_400)))
        #expect(check(.open, .registerPublished, published: published, days: 3) == nil, "exactly at the end: open")
        #expect(check(.open, .registerPublished, published: now, days: 0) == nil, "0 days: no period")
        #expect(
            check(.open, .registerPublished, published: published, days: 0, unanswered: 2) == .objectionsUnanswered(2))
        #expect(check(.open, .registerPublished, published: published, days: 0, closesAt: now) == .closesAtPassed)
        #expect(check(.open, .registerPublished, published: published, days: 0, closesAt: now + 60) == nil)
    }

    @Test func aBallotAfterTheClosingTimeIsRefused() {
        #expect(check(.ballot, .open, closesAt: now) == .closed)
        #expect(check(.ballot, .open, closesAt: now + 1) == nil)
        #expect(check(.ballot, .open) == nil)
    }

    @Test(arguments: [
        // online, the owner: fine; staff may not cast "online"; an online ballot cannot be invalid.
        (
            V.BallotInput(channel: .online, choice: .agree), V.Caster.owner(code: "A", coOwned: false, designated: nil),
            nil as V.BallotProblem?
        ),
        (V.BallotInput(channel: .online, choice: .agree), .staff, .wrongChannel),
        (
            V.BallotInput(channel: .online, choice: .invalid, invalidReason: .unsigned),
            .owner(code: "A", coOwned: false, designated: nil), .invalidOnline
        ),
        // a co-owned home: only the designated co-owner, online.
        (
            V.BallotInput(channel: .online, choice: .against), .owner(code: "A", coOwned: true, designated: "B"),
            .notDesignated
        ),
        (
            V.BallotInput(channel: .online, choice: .against), .owner(code: "A", coOwned: true, designated: nil),
            .notDesignated
        ),
        (V.BallotInput(channel: .online, choice: .against), .owner(code: "B", coOwned: true, designated: "B"), nil),
        // paper: staff with the serial; invalid with a reason only.
        (V.BallotInput(channel: .paper, choice: .agree, serial: "0001"), .staff, nil),
        (V.BallotInput(channel: .paper, choice: .agree, serial: "  "), .staff, .serialMissing),
        (
            V.BallotInput(channel: .paper, choice: .agree, serial: String(repeating: "9", count: 41)), .staff,
            .serialMissing
        ),
        (
            V.BallotInput(channel: .paper, choice: .agree, serial: "1"),
            .owner(code: "A", coOwned: false, designated: nil),
            .wrongChannel
        ),
        (V.BallotInput(channel: .paper, choice: .invalid, serial: "2"), .staff, .reasonMissing),
        (V.BallotInput(channel: .paper, choice: .invalid, invalidReason: .severalChoices, serial: "2"), .staff, nil),
        (
            V.BallotInput(channel: .paper, choice: .abstain, invalidReason: .unsigned, serial: "2"), .staff,
            .reasonNotAllowed
        ),
        // proxy: authority, name and instruction, and the choice as instructed.
        (
            V.BallotInput(channel: .proxy, choice: .agree, hasAuthority: true, instruction: .agree, proxyName: "王"),
            .staff, nil
        ),
        (
            V.BallotInput(channel: .proxy, choice: .agree, hasAuthority: false, instruction: .agree, proxyName: "王"),
            .staff, .authorityMissing
        ),
        (
            V.BallotInput(channel: .proxy, choice: .agree, hasAuthority: true, instruction: .agree, proxyName: " "),
            .staff, .proxyNameMissing
        ),
        (
            V.BallotInput(channel: .proxy, choice: .agree, hasAuthority: true, proxyName: "王"), .staff,
            .instructionMissing
        ),
        (
            V.BallotInput(channel: .proxy, choice: .agree, hasAuthority: true, instruction: .against, proxyName: "王"),
            .staff, .notAsInstructed
        ),
        (
            V.BallotInput(
                channel: .proxy, choice: .invalid, invalidReason: .unsigned, hasAuthority: true, instruction: .against,
                proxyName: "王"), .staff, nil
        ),
    ])
    func aBallotOnEachChannel(_ b: V.BallotInput, _ by: V.Caster, _ want: V.BallotProblem?) {
        #expect(V.check(b, by: by) == want)
    }

    @Test func theTurnoutTheQuorumNeeds() {
        // 3·n ≥ 2·N: 10 persons need 7 (3·7 = 21 ≥ 20; 3·6 = 18 < 20); 9 need exactly 6.
        let t = V.Turnout(personsTotal: 10, areaTotal: 1_000_00, personsIn: 6, areaIn: 66_666)
        #expect(t.personsNeeded == 7)
        #expect(!t.personsMet)
        #expect(t.personsStillNeeded == 1)
        #expect(t.areaNeeded == 66_667, "3 × 666.67 = 2000.01 ≥ 2000.00; 3 × 666.66 < 2000.00")
        #expect(!t.areaMet)
        #expect(t.areaStillNeeded == 1)
        let nine = V.Turnout(personsTotal: 9, areaTotal: 900, personsIn: 6, areaIn: 600)
        #expect(nine.personsNeeded == 6 && nine.personsMet && nine.areaMet && nine.personsStillNeeded == 0)
        // Agrees with the engine's own quorum check for every small case.
        for total in 1...30 {
            for n in 0...total {
                let tt = V.Turnout(personsTotal: total, areaTotal: Int64(total), personsIn: n, areaIn: Int64(n))
                #expect(tt.personsMet == (n >= tt.personsNeeded))
                #expect(tt.personsMet == (3 * n >= 2 * total))
            }
        }
    }

    @Test func receiptCodesAreReadAForgivingWay() {
        let c = V.Receipt.code([0xFF, 0, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC])
        #expect(c.count == 11 && c.dropFirst(5).first == "-")
        #expect(!c.contains { "ILOU".contains($0) })
        #expect(V.Receipt.normalise(c.lowercased()) == c)
        #expect(V.Receipt.normalise(c.replacingOccurrences(of: "-", with: " ")) == c)
        #expect(V.Receipt.normalise("oooo0-iiiil") == "00000-11111")
        #expect(V.Receipt.normalise("ABCDE-FGHJ") == nil, "nine characters")
        #expect(V.Receipt.normalise("ABCDE-FGHJU") == nil, "U is not in the alphabet")
        #expect(V.Receipt.code([1, 2, 3, 4, 5, 6, 7]) != V.Receipt.code([1, 2, 3, 4, 5, 6, 8]))
    }

    @Test func theRecordsLinesNameEveryField() {
        let at = Date(timeIntervalSince1970: 1_700_000_000.123)
        let a = V.Record.ballotLine(
            seq: 3, person: 7, owner: "O-1", choice: .agree, reason: nil, channel: .paper, serial: "0042",
            enteredBy: "u1", at: at, version: 2, receipt: "ABCDE-FGHJK")
        #expect(
            a
                == ["ballot", "3", "7", "O-1", "agree", "", "paper", "0042", "u1", "1700000000123", "2", "ABCDE-FGHJK"]
                .joined(separator: "\u{1F}"))
        let b = V.Record.ballotLine(
            seq: 3, person: 7, owner: "O-1", choice: .against, reason: nil, channel: .paper, serial: "0042",
            enteredBy: "u1", at: at, version: 2, receipt: "ABCDE-FGHJK")
        #expect(a != b)
        #expect(
            V.Record.personLine(
                number: 1, owners: ["A", "B"], units: ["U1"], area: 8_000, developer: false, designated: "B")
                != V.Record.personLine(
                    number: 1, owners: ["A", "B"], units: ["U1"], area: 8_000, developer: false, designated: "A"))
    }

    @Test func theLatestBallotOfEachPersonCounts() {
        let history = [(p: 1, s: 1, c: "agree"), (p: 2, s: 2, c: "against"), (p: 1, s: 3, c: "abstain")]
        let cur = V.current(history, person: \.p, seq: \.s)
        #expect(cur.count == 2)
        #expect(cur[1]?.c == "abstain")
        #expect(cur[2]?.c == "against")
        #expect(
            V.current(history.reversed(), person: \.p, seq: \.s)[1]?.c == "abstain", "order of reading does not matter")
    }
}
