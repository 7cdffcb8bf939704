import Fluent
import SQLKit
import Vapor
import YishiCore

/// `yishi votes verify VOTE_ID`: the record checked from what is stored — every version of the
/// register against its hash, every ballot entered against the chain, the ballots that count
/// against the latest of each person, each ballot's hash in the audit log, and the result counted
/// again from the stored ballots and compared, figure by figure, with the stored one.
extension OwnersVotes {
    struct Verification: Sendable {
        var vote: UUID
        var status: String
        var registerVersions = 0
        var persons = 0
        var ballotsEntered = 0
        var ballotsCounted = 0
        var resultStatus: String?
        var problems: [String] = []
        var ok: Bool { problems.isEmpty }

        var json: String {
            (try? Bench.jsonLine([
                "vote": vote.uuidString, "status": status, "register_versions": registerVersions, "persons": persons,
                "ballots_entered": ballotsEntered, "ballots_counted": ballotsCounted,
                "result_status": resultStatus ?? NSNull(), "ok": ok, "problems": problems,
            ])) ?? "{}"
        }
    }

    /// Reads everything from one snapshot of the database, so a vote still open can be verified
    /// while ballots arrive (on PostgreSQL a repeatable-read transaction; on SQLite, in WAL mode, a
    /// read transaction sees the database as it was at its first read).
    static func verify(_ id: UUID, on db: any Database) async throws -> Verification {
        if db.inTransaction { return try await verifySnapshot(id, on: db) }
        return try await db.transaction { tx in
            let sql = tx as! any SQLDatabase
            if sql.dialect.name != "sqlite" {
                try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
            }
            return try await verifySnapshot(id, on: tx)
        }
    }

    private static func verifySnapshot(_ id: UUID, on db: any Database) async throws -> Verification {
        guard let v = try await OwnersVote.find(id, on: db) else { throw YishiError.notFound }
        var out = Verification(vote: id, status: v.status.rawValue)
        let sql = db as! any SQLDatabase
        // Every version of the register.
        let versions = try await sql.raw(
            "SELECT version, hash, persons, area FROM owner_vote_registers WHERE vote_id = \(bind: id) ORDER BY version"
        ).all()
        out.registerVersions = versions.count
        var current: VoteRegister? = nil
        for row in versions {
            let version = try row.decode(column: "version", as: Int.self)
            let stored = try row.decode(column: "hash", as: String.self)
            let reg = try await register(vote: id, version: version, on: db)
            let area = reg.persons.reduce(Int64(0)) { $0 + $1.area }
            let again = RecordHash.register(
                vote: id, version: version, matter: v.matterNumber, countParking: v.countParking, silence: v.silence,
                persons: reg.persons, area: area)
            if again != stored { out.problems.append("register version \(version): hash \(again) ≠ stored \(stored)") }
            if try row.decode(column: "persons", as: Int.self) != reg.persons.count
                || (try row.decode(column: "area", as: Int64.self)) != area
            {
                out.problems.append("register version \(version): totals differ from its persons")
            }
            if version == v.registerVersion { current = reg }
        }
        if v.registerVersion > 0 && current?.hash != v.registerHash {
            out.problems.append("the vote's register hash is not its register's")
        }
        out.persons = current?.persons.count ?? 0
        // The chain of ballots, from the register's hash.
        let events = try await events(of: id, on: db)
        out.ballotsEntered = events.count
        var head = v.registerHash
        for (i, e) in events.enumerated() {
            if e.seq != i + 1 { out.problems.append("ballot \(e.seq): the chain has a gap before it") }
            if let previous = e.previous, previous != head {
                out.problems.append("ballot \(e.seq): it names another hash before it than the chain's")
            }
            let again = RecordHash.next(head, e.line)
            if again != e.hash { out.problems.append("ballot \(e.seq) (receipt \(e.receipt)): hash does not match") }
            head = e.hash
        }
        if v.status != .draft && v.status != .registerPublished {
            if head != v.chainHead { out.problems.append("the chain's head is not the last ballot's hash") }
            if v.chainSeq != events.count {
                out.problems.append("the vote counts \(v.chainSeq) ballots entered, the record \(events.count)")
            }
        }
        // Each ballot's hash is in the audit log.
        let logged = try await sql.raw(
            """
            SELECT details FROM audit_entries WHERE target_type = 'ownersVote' AND target_id = \(bind: id.uuidString)
              AND action IN ('ownersVoteBallot', 'ownersVoteCorrect')
            """
        ).all().compactMap { row -> String? in
            let details = try? row.decode(column: "details", as: String.self)
            return details.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8))["hash"] }
        }
        let inLog = Set(logged)
        for e in events where !inLog.contains(e.hash) {
            out.problems.append("ballot \(e.seq) (receipt \(e.receipt)) is not in the audit log")
        }
        // The ballots that count are the latest of each person.
        let latest = OwnerVote.current(events, person: \.person, seq: \.seq)
        let counted = try await currentBallots(of: id, on: db)
        out.ballotsCounted = counted.count
        if counted.count != latest.count {
            out.problems.append("ballots counted \(counted.count), persons with a ballot \(latest.count)")
        }
        for c in counted {
            guard let e = latest[c.person] else {
                out.problems.append("person \(c.person): a counted ballot without a record")
                continue
            }
            if e.seq != c.seq || e.choice != c.choice || e.owner != c.owner || e.receipt != c.receipt
                || e.version != c.version
            {
                out.problems.append(
                    "person \(c.person): the counted ballot is not the latest entered (receipt \(e.receipt))")
            }
        }
        // The result, counted again.
        if let stored = v.resultJSON, let reg = current {
            out.resultStatus = v.resultStatus
            switch tally(
                v, register: reg,
                ballots: latest.values.sorted { $0.person < $1.person }.map { ($0.owner, $0.choice, $0.invalidReason) })
            {
            case .success(let r):
                let again = TallyReport(r).json()
                if again != stored { out.problems.append("the result counted again differs from the stored result") }
                if r.status.rawValue != v.resultStatus { out.problems.append("the stored status is not the count's") }
            case .failure(let e): out.problems.append("the count failed: \(e.message.en)")
            }
            let hash = RecordHash.next(head, OwnerVote.Record.resultLine(ballots: events.count, json: stored))
            if hash != v.resultHash { out.problems.append("the result's hash does not match") }
        } else if v.status == .closed || v.status == .resultPublished {
            out.problems.append("the vote is closed without a result")
        }
        return out
    }
}
