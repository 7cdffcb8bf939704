import Fluent
import SQLKit
import Vapor
import YishiCore

/// Ballots: one per person per vote (a unique index: two at once cannot both count), online from
/// the owner's own session, on paper or by proxy entered by staff; a correction replaces the
/// person's ballot until the close and every ballot entered stays in the chained record.
extension OwnersVotes {
    struct BallotRequest: Sendable {
        var owner: String
        var choice: String?
        var channel: String?
        var serial: String? = nil
        var invalidReason: String? = nil
        var proxyName: String? = nil
        var instruction: String? = nil
        /// A correction replaces the person's ballot; without it a second ballot is refused.
        var correction = false
        var scan: [(name: String, data: Data)] = []
        var authority: [(name: String, data: Data)] = []
    }

    /// Who a register entry is: their person, and the home's co-owners and designated voter.
    struct Entry: Sendable {
        var person: Int
        var owners: [String]
        var designated: String?
        var phone: String?
    }

    /// Every owner on the register of the vote's current version, with their person.
    static func entries(_ v: OwnersVote, on db: any Database) async throws -> [String: Entry] {
        guard v.registerVersion > 0 else { return [:] }
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT o.owner_code, o.person, o.phone, p.owners, p.designated FROM owner_vote_owners o
            JOIN owner_vote_persons p ON p.vote_id = o.vote_id AND p.version = o.version AND p.number = o.person
            WHERE o.vote_id = \(bind: v.id!) AND o.version = \(bind: v.registerVersion)
            """
        ).all()
        var out: [String: Entry] = [:]
        out.reserveCapacity(rows.count)
        let d = JSONDecoder()
        for r in rows {
            out[try r.decode(column: "owner_code", as: String.self)] = Entry(
                person: try r.decode(column: "person", as: Int.self),
                owners: (try? d.decode([String].self, from: Data(try r.decode(column: "owners", as: String.self).utf8)))
                    ?? [],
                designated: try r.decode(column: "designated", as: String?.self),
                phone: try r.decode(column: "phone", as: String?.self))
        }
        return out
    }

    /// What a ballot needs of its vote: the vote's place, state and register. Once voting is open the
    /// register cannot change, so an open vote's is kept in memory (per application, vote and version):
    /// a ballot then reads nothing before its transaction, which checks again that the vote is open.
    struct BallotContext: Sendable {
        var vote: UUID
        var node: UUID
        var path: TerritoryPath
        var title: String
        var status: OwnerVote.Status
        var closesAt: Date?
        var entries: [String: Entry]
    }

    final class BallotContexts: @unchecked Sendable {
        static let shared = BallotContexts()
        private let lock = NSLock()
        private var kept: [String: BallotContext] = [:]
        private var loading: [String: Task<[String: Entry], any Error>] = [:]
        func get(_ key: String) -> BallotContext? { lock.withLock { kept[key] } }

        /// The register's entries, read once however many ballots ask at the same moment (the
        /// minute voting opens, every owner at once): the others wait for the one read.
        func entries(_ key: String, read: @escaping @Sendable () async throws -> [String: Entry]) async throws
            -> [String: Entry]
        {
            let task = lock.withLock { () -> Task<[String: Entry], any Error> in
                if let running = loading[key] { return running }
                let started = Task { try await read() }
                loading[key] = started
                return started
            }
            defer { lock.withLock { loading[key] = nil } }
            return try await task.value
        }
        func put(_ key: String, _ c: BallotContext) {
            lock.withLock {
                if kept.count >= 64 { kept.removeAll() }
                kept[key] = c
            }
        }
    }

    /// Where each open vote's chain stands (its last `seq` and head), kept in memory so that a ballot
    /// writes without reading it first. The database checks it on every ballot (M027's trigger): one
    /// kept from an older state — a batch that did not commit, another process — is refused as
    /// "chain moved", forgotten and read again.
    final class BallotChains: @unchecked Sendable {
        static let shared = BallotChains()
        struct Head: Sendable {
            var seq: Int
            var hash: String?
        }
        private let lock = NSLock()
        private var kept: [String: Head] = [:]
        func get(_ key: String) -> Head? { lock.withLock { kept[key] } }
        func put(_ key: String, _ h: Head) {
            lock.withLock {
                if kept.count >= 256 { kept.removeAll() }
                kept[key] = h
            }
        }
        func forget(_ key: String) { _ = lock.withLock { kept.removeValue(forKey: key) } }
    }

    static func ballotContext(_ id: UUID?, by caller: Caller) async throws -> BallotContext {
        let key = "\(caller.readNamespace)|\(id?.uuidString ?? "")"
        if id != nil, let kept = BallotContexts.shared.get(key) { return kept }
        let v = try await readable(id, by: caller)
        var c = BallotContext(
            vote: v.id!, node: v.$node.id, path: v.node.territoryPath, title: v.title, status: v.status,
            closesAt: v.closesAt, entries: [:])
        if v.status == .open {
            let db = caller.db
            c.entries = try await BallotContexts.shared.entries(key) { try await entries(v, on: db) }
            BallotContexts.shared.put(key, c)
        }
        return c
    }

    static func problemKey(_ p: OwnerVote.BallotProblem) -> (field: String, key: String) {
        switch p {
        case .wrongChannel: ("channel", OwnerVoteText.wrongChannel.key)
        case .notDesignated: ("owner", OwnerVoteText.notDesignated.key)
        case .serialMissing: ("serial", OwnerVoteText.serialMissing.key)
        case .authorityMissing: ("authority", OwnerVoteText.authorityMissing.key)
        case .proxyNameMissing: ("proxyName", OwnerVoteText.proxyNameMissing.key)
        case .instructionMissing: ("instruction", OwnerVoteText.instructionMissing.key)
        case .notAsInstructed: ("choice", OwnerVoteText.notAsInstructed.key)
        case .reasonMissing: ("invalidReason", OwnerVoteText.reasonMissing.key)
        case .reasonNotAllowed: ("invalidReason", OwnerVoteText.reasonNotAllowed.key)
        case .invalidOnline: ("choice", OwnerVoteText.invalidOnline.key)
        }
    }

    /// Casts (or corrects) a ballot; returns it as entered, with its receipt.
    static func cast(_ id: UUID?, _ b: BallotRequest, by caller: Caller) async throws -> BallotEvent {
        let v = try await ballotContext(id, by: caller)
        let actor = caller.actor
        var fields: [String: String] = [:]
        let choice = b.choice.flatMap { BallotChoice(rawValue: $0.trimmed) }
        if choice == nil { fields["choice"] = OwnerVoteText.choiceInvalid.key }
        let channel = b.channel.flatMap { OwnerVote.Channel(rawValue: $0.trimmed) }
        if channel == nil { fields["channel"] = OwnerVoteText.channelInvalid.key }
        let reasonText = (b.invalidReason ?? "").trimmed
        let reason = reasonText.isEmpty ? nil : OwnerVote.InvalidReason(rawValue: reasonText)
        if !reasonText.isEmpty && reason == nil { fields["invalidReason"] = OwnerVoteText.reasonMissing.key }
        let instructionText = (b.instruction ?? "").trimmed
        let instruction = instructionText.isEmpty ? nil : BallotChoice(rawValue: instructionText)
        if !instructionText.isEmpty && instruction == nil { fields["instruction"] = OwnerVoteText.choiceInvalid.key }
        guard fields.isEmpty, let choice, let channel else { throw YishiError.invalid(fields) }

        let owner = b.owner.trimmed
        let staff = channel != .online
        if staff {
            try caller.authorize(.ownersVoteManage, at: v.path)
        } else if actor == nil {
            throw YishiError.denied(.notSignedIn)
        }
        // Whole milliseconds: the time is part of the ballot's hashed line and must read back the same.
        let now = Date(timeIntervalSince1970: (caller.now.timeIntervalSince1970 * 1000).rounded() / 1000)
        if let r = OwnerVote.check(
            .ballot, status: v.status, now: now, registerPublishedAt: nil, noticeDays: 0, unanswered: 0,
            closesAt: v.closesAt)
        {
            throw refusal(r)
        }
        guard let entry = v.entries[owner] else {
            if staff { throw YishiError.invalid(["owner": OwnerVoteText.notOnRegister.key]) }
            throw YishiError.denied(.outsideScope)
        }
        if !staff {
            // Online: the owner's own session — the account's phone is the one on the register.
            let mine = try await phone(of: caller).flatMap(OneTimeCodeRules.normalizePhone)
            guard let actor, actor.kind == .resident, let mine, entry.phone == mine else {
                throw YishiError.denied(actor == nil ? .notSignedIn : .outsideScope)
            }
        }
        var files: (scan: [Uploads.File], authority: [Uploads.File]) = ([], [])
        switch (
            Uploads.check(b.scan, accept: .documents, max: 1), Uploads.check(b.authority, accept: .documents, max: 1)
        ) {
        case (.success(let s), .success(let a)): files = (s, a)
        case (.failure, _): throw YishiError.invalid(["scan": NoticeText.fileRefused.key])
        case (_, .failure): throw YishiError.invalid(["authority": NoticeText.fileRefused.key])
        }
        let input = OwnerVote.BallotInput(
            channel: channel, choice: choice, invalidReason: reason, serial: b.serial,
            hasAuthority: !files.authority.isEmpty,
            instruction: instruction, proxyName: b.proxyName)
        let caster: OwnerVote.Caster =
            staff ? .staff : .owner(code: owner, coOwned: entry.owners.count > 1, designated: entry.designated)
        if let p = OwnerVote.check(input, by: caster) {
            let (field, key) = problemKey(p)
            throw YishiError.invalid([field: key])
        }
        let receipt = OwnerVote.Receipt.code(caller.effects.random.bytes(8))
        let enteredBy = staff ? (actor?.userId.uuidString ?? "platform") : "owner:\(owner)"
        let serial = channel == .paper ? b.serial?.trimmed : nil
        let proxyName = channel == .proxy ? b.proxyName?.trimmed : nil
        let voteID = v.vote
        let correction = b.correction
        let upload = files
        let user = actor?.userId
        let chain = "\(caller.readNamespace)|\(voteID.uuidString)"
        // Without files a ballot is one INSERT (a correction reads its version first): atomic.
        let atomic = upload.scan.isEmpty && upload.authority.isEmpty
        for attempt in 1...2 {
            do {
                return try await caller.audited(atomic: atomic) { tx in
                    let sql = tx as! any SQLDatabase
                    let head: BallotChains.Head
                    if let kept = BallotChains.shared.get(chain) {
                        head = kept
                    } else {
                        guard
                            let row = try await sql.raw(
                                "SELECT chain_seq, chain_head FROM owner_votes WHERE id = \(bind: voteID)"
                            ).first()
                        else { throw YishiError.notFound }
                        head = .init(
                            seq: try row.decode(column: "chain_seq", as: Int.self),
                            hash: try row.decode(column: "chain_head", as: String?.self))
                    }
                    // A first ballot is version 1: if the person has one, the unique index refuses it.
                    var version = 1
                    if correction {
                        version +=
                            try await sql.raw(
                                "SELECT version FROM owner_ballots WHERE vote_id = \(bind: voteID) AND person = \(bind: entry.person)"
                            ).first()?.decode(column: "version", as: Int.self) ?? 0
                    }
                    let scanIDs = try await Uploads.store(upload.scan, by: user, on: tx)
                    let authorityIDs = try await Uploads.store(upload.authority, by: user, on: tx)
                    var event = BallotEvent(
                        seq: head.seq + 1, person: entry.person, owner: owner, choice: choice, invalidReason: reason,
                        channel: channel, serial: serial, proxyName: proxyName, instruction: instruction,
                        scanID: scanIDs.first, authorityID: authorityIDs.first, version: version, receipt: receipt,
                        enteredBy: enteredBy, enteredByID: user, at: now, hash: "", previous: head.hash)
                    event.hash = RecordHash.next(head.hash, event.line)
                    // Its triggers (M026, M027) refuse it unless the vote is open and it continues the
                    // chain where it stands, move the chain's head and make it the person's ballot that
                    // counts: the first by an INSERT (a second at the same moment breaks the unique
                    // index), a correction by replacing exactly the version it corrects ("stale ballot").
                    try await sql.raw(
                        """
                        INSERT INTO owner_ballot_events (id, vote_id, seq, person, owner_code, choice, invalid_reason, channel,
                          serial, proxy_name, instruction, scan_id, authority_id, version, receipt, entered_by, entered_by_id, at,
                          hash, previous)
                        VALUES (\(bind: UUID.random()), \(bind: voteID), \(bind: event.seq), \(bind: entry.person), \(bind: owner),
                          \(bind: choice.rawValue), \(bind: reason?.rawValue), \(bind: channel.rawValue), \(bind: serial),
                          \(bind: proxyName), \(bind: instruction?.rawValue), \(bind: event.scanID), \(bind: event.authorityID),
                          \(bind: version), \(bind: receipt), \(bind: enteredBy), \(bind: user), \(bind: now), \(bind: event.hash),
                          \(bind: head.hash))
                        """
                    ).run()
                    BallotChains.shared.put(chain, .init(seq: event.seq, hash: event.hash))
                    // Who voted, how and the record's hash; the choice stays out of the log until the close.
                    var details = [
                        "title": v.title, "person": String(entry.person), "owner": owner, "way": channel.rawValue,
                        "version": String(version), "hash": event.hash,
                    ]
                    if let serial { details["serial"] = serial }
                    return (
                        event,
                        AuditEvent(
                            action: version > 1 ? .ownersVoteCorrect : .ownersVoteBallot, targetType: "ownersVote",
                            targetID: voteID.uuidString, nodeID: v.node, details: details,
                            provenance: staff
                                ? user.map { Provenance(forResident: nil, enteredBy: $0, channel: .paper) } : nil)
                    )
                }
            } catch let error where error.isUniqueViolation || Self.refused(error, "stale ballot") {
                throw YishiError.conflict(key: OwnerVoteText.alreadyVoted.key)
            } catch let error where Self.refused(error, "vote not open") {
                BallotChains.shared.forget(chain)
                throw YishiError.conflict(key: OwnerVoteText.closed.key)
            } catch let error where Self.refused(error, "chain moved") && attempt == 1 {
                BallotChains.shared.forget(chain)
            }
        }
        throw YishiError.conflict(key: OwnerVoteText.closed.key)
    }

    /// Whether the database refused a ballot with this message of its triggers (M026, M027).
    static func refused(_ error: any Error, _ message: String) -> Bool {
        String(reflecting: error).contains(message)
    }

    /// Persons and area participating so far (every ballot: an invalid one takes part under the
    /// stricter reading), against what the quorum needs. Never the choices.
    static func turnout(_ v: OwnersVote, on db: any Database) async throws -> OwnerVote.Turnout {
        let sql = db as! any SQLDatabase
        let row = try await sql.raw(
            """
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(p.area), 0) AS BIGINT) AS a FROM owner_ballots b
            JOIN owner_vote_persons p ON p.vote_id = b.vote_id AND p.version = \(bind: v.registerVersion) AND p.number = b.person
            WHERE b.vote_id = \(bind: v.id!)
            """
        ).first()
        let total = try await sql.raw(
            "SELECT persons, area FROM owner_vote_registers WHERE vote_id = \(bind: v.id!) AND version = \(bind: v.registerVersion)"
        ).first()
        return OwnerVote.Turnout(
            personsTotal: try total?.decode(column: "persons", as: Int.self) ?? 0,
            areaTotal: try total?.decode(column: "area", as: Int64.self) ?? 0,
            personsIn: try row?.decode(column: "n", as: Int.self) ?? 0,
            areaIn: try row?.decode(column: "a", as: Int64.self) ?? 0)
    }

    /// A ballot by its receipt code, for anyone holding it: the vote, the ballot as entered, and
    /// whether it is the one that counts (a later correction replaces it).
    struct ReceiptView: Sendable {
        var vote: OwnersVote
        var event: BallotEvent
        var counts: Bool
    }

    static func receipt(_ typed: String, on db: any Database) async throws -> ReceiptView {
        guard let code = OwnerVote.Receipt.normalise(typed) else { throw YishiError.notFound }
        let sql = db as! any SQLDatabase
        guard
            let r = try await sql.raw(
                "SELECT * FROM owner_ballot_events WHERE receipt = \(bind: code)"
            ).first()
        else { throw YishiError.notFound }
        let event = try Self.event(r)
        guard
            let vote = try await OwnersVote.query(on: db).filter(\.$id == r.decode(column: "vote_id", as: UUID.self))
                .with(\.$node).first()
        else { throw YishiError.notFound }
        let current = try await sql.raw(
            "SELECT seq FROM owner_ballots WHERE vote_id = \(bind: vote.id!) AND person = \(bind: event.person)"
        ).first()?.decode(column: "seq", as: Int.self)
        return ReceiptView(vote: vote, event: event, counts: current == event.seq)
    }

    static func event(_ r: any SQLRow) throws -> BallotEvent {
        BallotEvent(
            seq: try r.decode(column: "seq", as: Int.self), person: try r.decode(column: "person", as: Int.self),
            owner: try r.decode(column: "owner_code", as: String.self),
            choice: BallotChoice(rawValue: try r.decode(column: "choice", as: String.self)) ?? .invalid,
            invalidReason: try r.decode(column: "invalid_reason", as: String?.self).flatMap(
                OwnerVote.InvalidReason.init(rawValue:)),
            channel: OwnerVote.Channel(rawValue: try r.decode(column: "channel", as: String.self)) ?? .paper,
            serial: try r.decode(column: "serial", as: String?.self),
            proxyName: try r.decode(column: "proxy_name", as: String?.self),
            instruction: try r.decode(column: "instruction", as: String?.self).flatMap(BallotChoice.init(rawValue:)),
            scanID: try r.decode(column: "scan_id", as: UUID?.self),
            authorityID: try r.decode(column: "authority_id", as: UUID?.self),
            version: try r.decode(column: "version", as: Int.self),
            receipt: try r.decode(column: "receipt", as: String.self),
            enteredBy: try r.decode(column: "entered_by", as: String.self),
            enteredByID: try r.decode(column: "entered_by_id", as: UUID?.self),
            at: try r.decode(column: "at", as: Date.self),
            hash: try r.decode(column: "hash", as: String.self),
            previous: try r.decode(column: "previous", as: String?.self))
    }

    /// Every ballot entered, in the chain's order.
    static func events(of vote: UUID, on db: any Database) async throws -> [BallotEvent] {
        try await (db as! any SQLDatabase).raw(
            "SELECT * FROM owner_ballot_events WHERE vote_id = \(bind: vote) ORDER BY seq"
        ).all().map(event)
    }
}
