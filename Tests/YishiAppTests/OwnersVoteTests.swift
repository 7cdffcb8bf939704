import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// An owners' vote held on the platform (issue 19), through the API: the register frozen from the
/// territory and published, an owner's online ballot and its correction, paper and proxy ballots
/// by staff, every refusal the issue names, the close counted by the engine, the receipt checked and
/// the record verified.
@Suite("Votes: an owners' vote on the platform")
struct OwnersVoteTests {
    static let pdf = Data("%PDF-1.4\n%ballot\n".utf8).base64EncodedString()

    /// The first demo compound (the owners' committee's), and a vote created there by `yeweihui`.
    static func setUp(_ t: TestContext, matter: Int = 4, days: Int? = 7) async throws -> (
        Browser, TerritoryNode, UUID
    ) {
        let committee = Browser(t.app)
        try await committee.signIn("yeweihui")
        let grant = try #require(
            try await RoleGrant.query(on: t.db).filter(\.$role == .ownersCommittee).with(\.$node).first())
        let compound = try #require(grant.node)
        let days = days.map { ", \"registerNoticeDays\": \($0)" } ?? ""
        let made = try await committee.json(
            .POST, "/api/v1/votes",
            #"{"node": "\#(compound.code)", "matter": \#(matter), "title": "续聘物业服务企业", "text": "续聘现物业公司三年。"\#(days)}"#)
        #expect(made.status == .created, "\(made.text)")
        let id = try made.decode(DTO.OwnersVote.self).id
        return (committee, compound, id)
    }

    static func ownerCodes(_ t: TestContext, _ vote: UUID) async throws -> [(code: String, person: Int, phone: String?)]
    {
        try await (t.db as! any SQLDatabase).raw(
            """
            SELECT owner_code, person, phone FROM owner_vote_owners WHERE vote_id = \(bind: vote)
              AND version = (SELECT register_version FROM owner_votes WHERE id = \(bind: vote)) ORDER BY person, owner_code
            """
        ).all().map {
            (
                try $0.decode(column: "owner_code", as: String.self), try $0.decode(column: "person", as: Int.self),
                try $0.decode(column: "phone", as: String?.self)
            )
        }
    }

    @Test func aVoteRunsFromTheRegisterToAVerifiedResult() async throws {
        try await withYishi(demo: true) { t in
            let (committee, _, id) = try await Self.setUp(t)
            let base = "/api/v1/votes/\(id)"
            // Bad input before anything is frozen: no ballot, no opening.
            #expect(try await committee.json(.POST, "\(base)/open").status == .conflict)
            // The register, frozen from the territory and published as a notice.
            let frozen = try await committee.json(.POST, "\(base)/register", "{}")
            #expect(frozen.status == .ok, "\(frozen.text)")
            let v1 = try frozen.decode(DTO.OwnersVote.self)
            #expect(v1.status == "registerPublished" && v1.registerVersion == 1 && v1.registerNotice != nil)
            let register = try await committee.json(.GET, "\(base)/register").decode(DTO.OwnersRegister.self)
            #expect(register.personsTotal > 10)
            #expect(register.notes.contains { $0.contains("面积来源") }, "where the areas come from")
            // Opening waits for the correction period; a second freeze needs a reason.
            #expect(try await committee.json(.POST, "\(base)/open").status == .conflict)
            #expect(try await committee.json(.POST, "\(base)/register", "{}").status == .unprocessableEntity)
            // An owner objects on their own entry; staff answer; the register is corrected once.
            let owner = Browser(t.app)
            try await owner.signInResident()
            let objected = try await owner.post("/votes/\(id)/register/objections", ["text": "我家面积应为 86.20 平方米"])
            #expect(objected.status == .seeOther, "\(objected.text)")
            let objection = try #require(
                try await NoticeObjection.query(on: t.db).filter(\.$notice.$id == v1.registerNotice!).first())
            #expect(objection.text.hasPrefix("我家面积"), "the owner's code stays off the public notice")
            let logged = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == "noticeObject")
                    .filter(\.$targetID == v1.registerNotice!.uuidString).first())
            #expect(logged.details.contains("O-BS01"), "staff find whose entry it is in the audit log")
            t.clock.advance(8 * 86_400)
            #expect(
                try await committee.json(.POST, "\(base)/open").status == .conflict,
                "an unanswered objection keeps it shut")
            let answered = try await committee.post(
                "/notices/\(v1.registerNotice!)/objections/\(objection.id!)/answer", ["answer": "已核对不动产登记，已更正。"])
            #expect(answered.status == .seeOther)
            let again = try await committee.json(.POST, "\(base)/register", #"{"reason": "按不动产登记更正 1 户面积"}"#)
            #expect(again.status == .ok)
            #expect(try again.decode(DTO.OwnersVote.self).registerVersion == 2)
            // The demo's home of the resident is co-owned: online, only the designated co-owner votes.
            let owners = try await Self.ownerCodes(t, id)
            let mine = try #require(owners.first { $0.phone == DemoDistrict.residentPhone })
            #expect(owners.filter { $0.person == mine.person }.count == 2)
            let designated = try await committee.json(
                .POST, "\(base)/register/designations", #"{"person": \#(mine.person), "owner": "\#(mine.code)"}"#)
            #expect(designated.status == .ok, "\(designated.text)")
            #expect(try designated.decode(DTO.OwnersVote.self).registerVersion == 3)
            // The second publication has its own period.
            #expect(try await committee.json(.POST, "\(base)/open").status == .conflict)
            t.clock.advance(8 * 86_400)
            // (Sessions last 14 days: both sign in again.)
            try await committee.signIn("yeweihui")
            try await owner.signInResident()
            let opened = try await committee.json(.POST, "\(base)/open")
            #expect(opened.status == .ok, "\(opened.text)")
            // Nothing changes the register once voting opens.
            #expect(try await committee.json(.POST, "\(base)/register", #"{"reason": "x"}"#).status == .conflict)

            // Online: the owner's own session.
            let cast = try await owner.json(
                .POST, "\(base)/ballots", #"{"owner": "\#(mine.code)", "choice": "against", "channel": "online"}"#)
            #expect(cast.status == .created, "\(cast.text)")
            let first = try cast.decode(DTO.OwnerBallotOut.self)
            #expect(
                try await owner.json(
                    .POST, "\(base)/ballots", #"{"owner": "\#(mine.code)", "choice": "agree", "channel": "online"}"#
                ).status == .conflict, "a second ballot is refused")
            let corrected = try await owner.json(
                .POST, "\(base)/ballots",
                #"{"owner": "\#(mine.code)", "choice": "agree", "channel": "online", "correction": true}"#)
            #expect(corrected.status == .created)
            let second = try corrected.decode(DTO.OwnerBallotOut.self)
            #expect(second.version == 2 && second.receipt != first.receipt)
            // Someone else's entry, online: refused; an unknown choice; staff may not cast "online".
            let other = try #require(owners.first { $0.person != mine.person && $0.phone != nil })
            #expect(
                try await owner.json(
                    .POST, "\(base)/ballots", #"{"owner": "\#(other.code)", "choice": "agree", "channel": "online"}"#
                ).status == .forbidden)
            #expect(
                try await owner.json(
                    .POST, "\(base)/ballots", #"{"owner": "\#(mine.code)", "choice": "yes", "channel": "online"}"#
                ).status == .unprocessableEntity)
            // Paper and proxy by staff, with what each needs.
            let singles = owners.filter { o in
                owners.filter { $0.person == o.person }.count == 1 && o.person != mine.person
            }
            let paper = singles.prefix(12).map(\.code)
            #expect(
                try await committee.json(
                    .POST, "\(base)/ballots", #"{"owner": "\#(paper[0])", "choice": "agree", "channel": "paper"}"#
                ).status == .unprocessableEntity, "a paper ballot needs its serial")
            #expect(
                try await committee.json(
                    .POST, "\(base)/ballots",
                    #"{"owner": "NOBODY", "choice": "agree", "channel": "paper", "serial": "1"}"#
                ).status == .unprocessableEntity, "not on the register")
            for (i, code) in paper.dropLast(2).enumerated() {
                let choice = i % 4 == 3 ? "against" : "agree"
                let r = try await committee.json(
                    .POST, "\(base)/ballots",
                    #"{"owner": "\#(code)", "choice": "\#(choice)", "channel": "paper", "serial": "P-\#(i + 1)"}"#)
                #expect(r.status == .created, "\(r.text)")
            }
            let invalid = try await committee.json(
                .POST, "\(base)/ballots",
                #"{"owner": "\#(paper[10])", "choice": "invalid", "channel": "paper", "serial": "P-11", "invalidReason": "unsigned"}"#
            )
            #expect(invalid.status == .created)
            #expect(
                try await committee.json(
                    .POST, "\(base)/ballots",
                    #"{"owner": "\#(paper[11])", "choice": "agree", "channel": "proxy", "proxyName": "王", "instruction": "agree"}"#
                ).status == .unprocessableEntity, "a proxy needs the written authority")
            let proxy = try await committee.json(
                .POST, "\(base)/ballots",
                #"{"owner": "\#(paper[11])", "choice": "agree", "channel": "proxy", "proxyName": "王", "instruction": "agree", "authority": "\#(Self.pdf)"}"#
            )
            #expect(proxy.status == .created, "\(proxy.text)")
            // The turnout counts persons and area, never choices; the ballots stay closed until the close.
            let turnout = try await committee.json(.GET, "\(base)/turnout").decode(DTO.Turnout.self)
            #expect(turnout.personsParticipating == 13)
            #expect(try await committee.json(.GET, "\(base)/ballots").status == .conflict)
            #expect(try await committee.json(.GET, "\(base)/result").status == .conflict)
            // Close: counted; a ballot after it is refused.
            let closed = try await committee.json(.POST, "\(base)/close")
            #expect(closed.status == .ok, "\(closed.text)")
            #expect(
                try await owner.json(
                    .POST, "\(base)/ballots",
                    #"{"owner": "\#(mine.code)", "choice": "against", "channel": "online", "correction": true}"#
                ).status == .conflict)
            let result = try await committee.json(.GET, "\(base)/result")
            let r = try result.decode(TallyReport.self)
            // Agree: the owner's corrected ballot, eight on paper and the proxy; against: two; one invalid.
            #expect(
                r.persons_participating == 13 && r.persons_agree == 10 && r.persons_against == 2
                    && r.persons_invalid == 1)
            let quorum = 3 * 13 >= 2 * r.persons_total
            #expect(r.status.rawValue == (quorum ? "passed" : "no_quorum"), "\(r.persons_total) persons")
            #expect(r.conditions.count == 4 && r.notes.count >= 3)
            // The receipt: the corrected ballot counts, the first does not; anyone may check.
            let anonymous = Browser(t.app)
            let checked = try await anonymous.json(.GET, "/api/v1/receipts/\(second.receipt.lowercased())")
            #expect(checked.status == .ok)
            let receipt = try checked.decode(DTO.Receipt.self)
            #expect(receipt.counts && receipt.counted && receipt.choice == "agree")
            #expect(
                try await anonymous.json(.GET, "/api/v1/receipts/\(first.receipt)").decode(DTO.Receipt.self).counts
                    == false)
            #expect(try await anonymous.json(.GET, "/api/v1/receipts/AAAAA-AAAAA").status == .notFound)
            // The signed ballots: the owner on the register may see them; each view is audited.
            let signed = try await owner.json(.GET, "\(base)/ballots")
            #expect(signed.status == .ok)
            #expect(try signed.decode([DTO.SignedBallot].self).count == 13)
            #expect(try await AuditEntry.query(on: t.db).filter(\.$action == "ownersBallotsView").count() == 1)
            // The result is published as a notice, once, even when asked twice at the same moment.
            let secondDesk = Browser(t.app)
            try await secondDesk.signIn("yeweihui")
            async let one = committee.json(.POST, "\(base)/publish")
            async let two = secondDesk.json(.POST, "\(base)/publish")
            let answers = [try await one, try await two]
            #expect(answers.map(\.status.code).sorted() == [200, 409])
            let published = try #require(answers.first { $0.status == .ok })
            #expect(try published.decode(DTO.OwnersVote.self).resultNotice != nil)
            #expect(
                try await PublicNotice.query(on: t.db).filter(\.$subjectKind == "ownersResult")
                    .filter(\.$subjectID == id).count() == 1)
            let verified = try await OwnersVotes.verify(id, on: t.db)
            #expect(verified.ok, "\(verified.problems)")
            #expect(verified.ballotsEntered == 14 && verified.ballotsCounted == 13 && verified.registerVersions == 3)
        }
    }

    @Test func theRecordCannotBeAlteredAndVerifyFindsATamperedBallot() async throws {
        try await withYishi(demo: true) { t in
            let (committee, _, id) = try await Self.setUp(t, days: 0)
            let base = "/api/v1/votes/\(id)"
            #expect(try await committee.json(.POST, "\(base)/register", "{}").status == .ok)
            #expect(try await committee.json(.POST, "\(base)/open").status == .ok)
            let code = try #require(try await Self.ownerCodes(t, id).first).code
            #expect(
                try await committee.json(
                    .POST, "\(base)/ballots",
                    #"{"owner": "\#(code)", "choice": "agree", "channel": "paper", "serial": "1"}"#
                ).status == .created)
            let sql = t.db as! any SQLDatabase
            // The database refuses to change or delete the record.
            await #expect(throws: (any Error).self) {
                try await sql.raw("UPDATE owner_ballot_events SET choice = 'against'").run()
            }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM owner_ballots").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM owner_vote_persons").run() }
            #expect(try await committee.json(.POST, "\(base)/close").status == .ok)
            #expect(try await OwnersVotes.verify(id, on: t.db).ok)
            // The current ballot can be changed behind the platform's back: verify notices.
            try await sql.raw("UPDATE owner_ballots SET choice = 'against'").run()
            let tampered = try await OwnersVotes.verify(id, on: t.db)
            #expect(!tampered.ok)
            #expect(tampered.problems.contains { $0.contains("not the latest entered") })
        }
    }

    /// The platform keeps the chain's head in memory; the database checks it on every ballot. A head
    /// kept from an older state is refused, read again and the ballot goes in; a ballot written
    /// behind the platform's back that does not continue the chain, or after the close, is refused.
    @Test func theDatabaseKeepsTheChainWhateverThePlatformRemembers() async throws {
        try await withYishi(demo: true) { t in
            let (committee, _, id) = try await Self.setUp(t, days: 0)
            let base = "/api/v1/votes/\(id)"
            #expect(try await committee.json(.POST, "\(base)/register", "{}").status == .ok)
            #expect(try await committee.json(.POST, "\(base)/open").status == .ok)
            let codes = try await Self.ownerCodes(t, id)
            func paper(_ code: String, _ serial: String) async throws -> HTTPStatus {
                try await committee.json(
                    .POST, "\(base)/ballots",
                    #"{"owner": "\#(code)", "choice": "agree", "channel": "paper", "serial": "\#(serial)"}"#
                ).status
            }
            #expect(try await paper(codes[0].code, "1") == .created)
            // An older head in memory (as after a batch that did not commit, or another process).
            let key = "\(t.app.readNamespace)|\(id.uuidString)"
            OwnersVotes.BallotChains.shared.put(key, .init(seq: 0, hash: "stale"))
            let other = try #require(codes.first { $0.person != codes[0].person })
            #expect(try await paper(other.code, "2") == .created)
            #expect(OwnersVotes.BallotChains.shared.get(key)?.seq == 2)
            let sql = t.db as! any SQLDatabase
            let head = try #require(
                try await sql.raw("SELECT chain_seq, chain_head FROM owner_votes WHERE id = \(bind: id)").first())
            let seq = try head.decode(column: "chain_seq", as: Int.self)
            let hash = try head.decode(column: "chain_head", as: String.self)
            #expect(seq == 2)
            let third = try #require(codes.first { $0.person != codes[0].person && $0.person != other.person })
            func insert(seq: Int, previous: String) async throws {
                try await sql.raw(
                    """
                    INSERT INTO owner_ballot_events (id, vote_id, seq, person, owner_code, choice, channel, version,
                      receipt, entered_by, at, hash, previous)
                    VALUES (\(bind: UUID()), \(bind: id), \(bind: seq), \(bind: third.person), \(bind: third.code),
                      'agree', 'paper', 1, \(bind: "R\(seq)\(previous.prefix(4))"), 'sql', \(bind: Date()), 'x', \(bind: previous))
                    """
                ).run()
            }
            await #expect(throws: (any Error).self) { try await insert(seq: seq + 1, previous: "not the head") }
            await #expect(throws: (any Error).self) { try await insert(seq: seq + 2, previous: hash) }
            await #expect(throws: (any Error).self) { try await insert(seq: seq, previous: hash) }
            #expect(try await OwnersVotes.verify(id, on: t.db).ok)
            #expect(try await committee.json(.POST, "\(base)/close").status == .ok)
            // Closed: the database refuses even a ballot that continues the chain, and the API says so.
            await #expect(throws: (any Error).self) { try await insert(seq: seq + 1, previous: hash) }
            #expect(try await paper(third.code, "3") == .conflict)
            let verified = try await OwnersVotes.verify(id, on: t.db)
            #expect(verified.ok && verified.ballotsEntered == 2, "\(verified.problems)")
        }
    }

    /// `votes verify` reads one snapshot: run while ballots arrive, it never sees a head without its
    /// ballot or a ballot without its audit entry.
    @Test func verifyWhileBallotsArriveSeesOneMoment() async throws {
        try await withYishi(demo: true) { t in
            let (committee, _, id) = try await Self.setUp(t, days: 0)
            let base = "/api/v1/votes/\(id)"
            #expect(try await committee.json(.POST, "\(base)/register", "{}").status == .ok)
            #expect(try await committee.json(.POST, "\(base)/open").status == .ok)
            var seen: Set<Int> = []
            let persons = try await Self.ownerCodes(t, id).filter { seen.insert($0.person).inserted }
            let db = t.db
            let problems = try await withThrowingTaskGroup(of: [String].self) { group in
                for (i, p) in persons.enumerated() {
                    group.addTask {
                        let status = try await committee.json(
                            .POST, "\(base)/ballots",
                            #"{"owner": "\#(p.code)", "choice": "agree", "channel": "paper", "serial": "V\#(i)"}"#
                        ).status
                        return status == .created ? [] : ["ballot \(i): \(status)"]
                    }
                }
                for _ in 0..<8 {
                    group.addTask { try await OwnersVotes.verify(id, on: db).problems }
                }
                return try await group.reduce(into: [String]()) { $0 += $1 }
            }
            #expect(problems.isEmpty, "\(problems)")
            #expect(try await OwnersVotes.verify(id, on: t.db).ballotsEntered == persons.count)
        }
    }

    /// The minute voting opens every owner may vote at once: the register is read once for all of
    /// them, and a read that failed is tried again by the next ballot.
    @Test func theRegisterIsReadOnceForBallotsThatArriveTogether() async throws {
        final class Count: @unchecked Sendable {
            let lock = NSLock()
            var n = 0
            func add() { lock.withLock { n += 1 } }
        }
        let reads = Count()
        let key = "test|\(UUID().uuidString)"
        let got = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await OwnersVotes.BallotContexts.shared.entries(key) {
                        reads.add()
                        try await Task.sleep(for: .milliseconds(200))
                        return ["O-1": .init(person: 1, owners: ["O-1"], designated: nil, phone: nil)]
                    }.count
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(got == Array(repeating: 1, count: 20))
        #expect(reads.n == 1)
        struct Failed: Error {}
        await #expect(throws: Failed.self) {
            try await OwnersVotes.BallotContexts.shared.entries(key) { throw Failed() }
        }
        #expect(try await OwnersVotes.BallotContexts.shared.entries(key) { [:] }.isEmpty)
    }

    @Test func twoBallotsOfOnePersonAtOnceCannotBothCount() async throws {
        try await withYishi(demo: true) { t in
            let (committee, _, id) = try await Self.setUp(t, days: 0)
            let base = "/api/v1/votes/\(id)"
            _ = try await committee.json(.POST, "\(base)/register", "{}")
            _ = try await committee.json(.POST, "\(base)/open")
            let code = try #require(try await Self.ownerCodes(t, id).first).code
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for i in 0..<6 {
                    group.addTask {
                        let b = Browser(t.app)
                        try await b.signIn("yeweihui")
                        return try await b.json(
                            .POST, "\(base)/ballots",
                            #"{"owner": "\#(code)", "choice": "agree", "channel": "paper", "serial": "S\#(i)"}"#
                        ).status
                    }
                }
                var all: [HTTPStatus] = []
                for try await s in group { all.append(s) }
                return all
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 5, "\(statuses)")
            #expect(try await OwnersVotes.verify(id, on: t.db).ok)
        }
    }

    @Test func aRegisterWithProblemsIsNotFrozenAndSaysWhereToFixThem() async throws {
        try await withYishi(demo: true) { t in
            // A commodity-housing compound of the residents' committee's (no owners' committee there).
            let committee = Browser(t.app)
            try await committee.signIn("baolin1")
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let compound = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == c1.id!)
                    .filter(\.$kind == HousingType.commodityHousing.rawValue).first())
            #expect(try await OwnersVotes.hasCommittee(compound.id!, on: t.db) == false)
            // Counting parking: the demo's parking spaces have no owners on record.
            let made = try await committee.json(
                .POST, "/api/v1/votes",
                #"{"node": "\#(compound.code)", "matter": 4, "title": "车位计入的表决", "text": "x", "countParking": true}"#)
            let id = try made.decode(DTO.OwnersVote.self).id
            let refused = try await committee.json(.POST, "/api/v1/votes/\(id)/register", "{}")
            #expect(refused.status == .unprocessableEntity)
            let body = try refused.decode(APIError.self)
            let problems = try #require(body.problems)
            #expect(!problems.isEmpty && problems.allSatisfy { $0.link?.hasPrefix("/units/") == true })
            #expect(problems[0].reason.contains("没有业主"))
            // Nothing was stored: still a draft, no register, no notice; the page lists the problems too.
            let v = try #require(try await OwnersVote.find(id, on: t.db))
            #expect(v.status == .draft && v.registerVersion == 0 && v.registerNoticeID == nil)
            let page = try await committee.post("/votes/\(id)/register")
            #expect(page.status == .unprocessableEntity && page.text.contains("/units/"))
        }
    }

    @Test func whoMayCreateAVote() async throws {
        try await withYishi(demo: true) { t in
            let (_, compound, _) = try await Self.setUp(t)
            // The residents' committee may not where the compound has an owners' committee …
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let body = { (code: String) in #"{"node": "\#(code)", "matter": 4, "title": "t", "text": "x"}"# }
            #expect(try await staff.json(.POST, "/api/v1/votes", body(compound.code)).status == .conflict)
            // … but may at a compound without one.
            let other = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == compound.$parent.id!)
                    .filter(\.$id != compound.id!).first())
            #expect(try await staff.json(.POST, "/api/v1/votes", body(other.code)).status == .created)
            // Not at a community, not with matter 10, not outside one's scope, not as a resident.
            #expect(
                try await staff.json(.POST, "/api/v1/votes", body(compound.$parent.id!.uuidString)).status
                    == .unprocessableEntity)
            let ten = #"{"node": "\#(other.code)", "matter": 10, "title": "t", "text": "x"}"#
            #expect(try await staff.json(.POST, "/api/v1/votes", ten).status == .unprocessableEntity)
            let elsewhere = Browser(t.app)
            try await elsewhere.signIn("youyixin")
            #expect(try await elsewhere.json(.POST, "/api/v1/votes", body(other.code)).status == .forbidden)
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.json(.POST, "/api/v1/votes", body(other.code)).status == .forbidden)
        }
    }
}

/// A project stage that requires an owners' vote (`{"ownersVote": true}`, the shipped
/// `owners-vote-works` template) waits until a vote held for the project has passed.
@Suite("Votes: a project's stage waits for its owners' vote")
struct ProjectOwnersVoteTests {
    @Test func theStageMovesOnOnceTheProjectsVotePassed() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id == c1.id!).filter(\.$status == .accepted).first()
            )
            let made = try await staff.post(
                "/projects",
                fields: [
                    ("node", c1.id!.uuidString), ("title", "3号楼加装电梯"), ("kind", "microRetrofit"),
                    ("initiator", "selfGovernance"), ("template", "owners-vote-works"),
                    ("needs[]", need.id!.uuidString),
                ])
            #expect(made.status == .seeOther, "\(made.text)")
            let p = try #require(try await Project.query(on: t.db).filter(\.$title == "3号楼加装电梯").first())
            let template = try #require(OwnersVoteProjectFixture.template)
            let voteStage = try #require(template.stages.firstIndex { $0.requires.contains(.ownersVote) })
            // Straight to the stage that asks for the vote (its earlier steps are other tests' business).
            p.stage = voteStage
            try await p.update(on: t.db)
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .conflict)
            // A compound of its community without an owners' committee: the residents' committee holds the vote.
            let compound = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == c1.id!)
                    .filter(\.$kind == HousingType.commodityHousing.rawValue).first())
            let v = try await staff.json(
                .POST, "/api/v1/votes",
                #"{"node": "\#(compound.code)", "matter": 7, "title": "加装电梯", "text": "x", "registerNoticeDays": 0, "project": "\#(p.id!)"}"#
            )
            #expect(v.status == .created, "\(v.text)")
            let id = try v.decode(DTO.OwnersVote.self).id
            #expect(try await staff.json(.POST, "/api/v1/votes/\(id)/register", "{}").status == .ok)
            #expect(try await staff.json(.POST, "/api/v1/votes/\(id)/open").status == .ok)
            let reg = try await staff.json(.GET, "/api/v1/votes/\(id)/register").decode(DTO.OwnersRegister.self)
            // (The developer's unsold homes are one person with nobody to sign for it.)
            for person in reg.persons where !person.owners.isEmpty {
                let r = try await staff.json(
                    .POST, "/api/v1/votes/\(id)/ballots",
                    #"{"owner": "\#(person.owners[0])", "choice": "agree", "channel": "paper", "serial": "\#(person.number)"}"#
                )
                #expect(r.status == .created)
            }
            #expect(try await staff.json(.POST, "/api/v1/votes/\(id)/close").status == .ok)
            #expect(try await OwnersVote.find(id, on: t.db)?.resultStatus == "passed")
            #expect(try await staff.post("/projects/\(p.id!)/move", ["direction": "forward"]).status == .seeOther)
            #expect(try await Project.find(p.id, on: t.db)?.stage == voteStage + 1)
        }
    }
}

enum OwnersVoteProjectFixture {
    static var template: WorkflowTemplate? { Workflows.shipped.first { $0.key == "owners-vote-works" } }
}
