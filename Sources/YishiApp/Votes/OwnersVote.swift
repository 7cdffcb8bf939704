import Crypto
import Fluent
import SQLKit
import Vapor
import YishiCore

/// An owners' vote (业主大会 表决) at a compound, a part shared by some of its owners, or one
/// building's owners' group: its motion, the estate's settings, its state and the heads of its
/// record (the register's hash, the chain of ballots, the result's hash).
final class OwnersVote: Model, @unchecked Sendable {
    static let schema = "owner_votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @OptionalField(key: "project_id") var projectID: UUID?
    /// wholeEstate | sharedPart | buildingGroup.
    @Field(key: "scope") var scope: String
    /// The shared part's description, or the building group's name.
    @OptionalField(key: "scope_label") var scopeLabel: String?
    /// A shared part's buildings (their ids as JSON); empty for the other scopes.
    @Field(key: "part_buildings") var partBuildingsJSON: String
    @Field(key: "matter") var matterNumber: Int
    @Field(key: "title") var title: String
    @Field(key: "text") var text: String
    @Field(key: "count_parking") var countParking: Bool
    @Field(key: "silence") var silence: Bool
    /// The estate's rule that contains the silence clause, word for word.
    @OptionalField(key: "silence_rule") var silenceRule: String?
    @Field(key: "notice_days") var noticeDays: Int
    @OptionalField(key: "opens_at") var opensAt: Date?
    @OptionalField(key: "closes_at") var closesAt: Date?
    @Field(key: "status") var status: OwnerVote.Status
    @Field(key: "register_version") var registerVersion: Int
    @OptionalField(key: "register_hash") var registerHash: String?
    @OptionalField(key: "register_notice_id") var registerNoticeID: UUID?
    @OptionalField(key: "register_published_at") var registerPublishedAt: Date?
    @Field(key: "chain_seq") var chainSeq: Int
    @OptionalField(key: "chain_head") var chainHead: String?
    @OptionalField(key: "opened_at") var openedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// The tally's JSON (`TallyReport`), once closed.
    @OptionalField(key: "result") var resultJSON: String?
    @OptionalField(key: "result_status") var resultStatus: String?
    @OptionalField(key: "result_hash") var resultHash: String?
    @OptionalField(key: "result_notice_id") var resultNoticeID: UUID?
    /// The motion's documents: attachment ids as JSON.
    @Field(key: "files") var filesJSON: String
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var matter: OwnersMatter { OwnersMatter(rawValue: matterNumber) ?? .otherMajorMatter }
    var decisionScope: DecisionScope {
        switch scope {
        case "sharedPart": .sharedPart(scopeLabel ?? "")
        case "buildingGroup": .buildingGroup(scopeLabel ?? "")
        default: .wholeEstate
        }
    }
    var partBuildings: [UUID] { (try? JSONDecoder().decode([UUID].self, from: Data(partBuildingsJSON.utf8))) ?? [] }
    var fileIDs: [UUID] { (try? JSONDecoder().decode([UUID].self, from: Data(filesJSON.utf8))) ?? [] }
}

/// One person of a frozen register, as the engine grouped them (a version of the register).
struct RegisterPerson: Sendable, Codable, Hashable {
    var number: Int
    var owners: [String]
    var names: [String]
    var units: [String]
    var area: Int64
    var developer: Bool
    var designated: String?

    var line: String {
        OwnerVote.Record.personLine(
            number: number, owners: owners, units: units, area: area, developer: developer, designated: designated)
    }
}

/// The register a vote counts by: its persons in order, with their owners' phones (for signing in).
struct VoteRegister: Sendable {
    var version: Int
    /// Every person, or only those asked for (`OwnersVotes.register(of:only:on:)`).
    var persons: [RegisterPerson]
    /// The register's count of persons, however many were read.
    var personsTotal: Int
    var hash: String
    var areaTotal: Int64
    var notes: [Bilingual]

    /// The engine's register again, from the stored persons: the count of a closed vote uses this.
    var frozen: FrozenRegister {
        var personOfOwner: [String: Int] = [:]
        for (i, p) in persons.enumerated() { for o in p.owners { personOfOwner[o] = i } }
        return FrozenRegister(
            persons: persons.map {
                VotingPerson(owners: $0.owners, units: $0.units, area: $0.area, isDeveloper: $0.developer)
            },
            personOfOwner: personOfOwner, areaTotal: areaTotal, parkingCounted: false, parkingExcluded: 0,
            areaSources: [:], notes: notes)
    }
}

/// A ballot as entered, cast or corrected: never changed once written.
struct BallotEvent: Sendable, Codable, Hashable {
    var seq: Int
    var person: Int
    var owner: String
    var choice: BallotChoice
    var invalidReason: OwnerVote.InvalidReason?
    var channel: OwnerVote.Channel
    var serial: String?
    var proxyName: String?
    var instruction: BallotChoice?
    var scanID: UUID?
    var authorityID: UUID?
    var version: Int
    var receipt: String
    var enteredBy: String
    var enteredByID: UUID?
    var at: Date
    var hash: String
    /// The hash this ballot follows (the register's for the first); stored with the ballot since
    /// M027, so the database can refuse one that does not continue the chain.
    var previous: String? = nil

    var line: String {
        OwnerVote.Record.ballotLine(
            seq: seq, person: person, owner: owner, choice: choice, reason: invalidReason, channel: channel,
            serial: serial, enteredBy: enteredBy, at: at, version: version, receipt: receipt)
    }
}

/// The record's hash: SHA-256 of the previous hash and the line, in hex.
enum RecordHash {
    /// A hash as people compare it: its first 16 hex digits in groups of four ("3f2a 9c01 …"),
    /// which wrap on a phone; `yishi votes verify` checks the whole.
    static func shown(_ hash: String) -> String {
        stride(from: 0, to: min(16, hash.count), by: 4).map { i in
            String(hash.dropFirst(i).prefix(4))
        }.joined(separator: " ")
    }
    static func next(_ previous: String?, _ line: String) -> String {
        sha256Hex(Data(((previous ?? "") + "\n" + line).utf8))
    }

    /// A register's hash: its head line, then each person in order.
    static func register(
        vote: UUID, version: Int, matter: Int, countParking: Bool, silence: Bool,
        persons: [RegisterPerson], area: Int64
    ) -> String {
        var h = next(
            nil,
            OwnerVote.Record.registerLine(
                vote: vote.uuidString, version: version, matter: matter, countParking: countParking, silence: silence,
                persons: persons.count, area: area))
        for p in persons { h = next(h, p.line) }
        return h
    }
}
