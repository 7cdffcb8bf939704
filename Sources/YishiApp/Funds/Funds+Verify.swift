import Fluent
import SQLKit
import Vapor
import YishiCore

/// `yishi funds verify`: the whole ledger read back and checked — by `FundsVerify.check` (every
/// entry balances, reversals, stored balances), and here for what only the database knows (its
/// triggers in place, postings without an entry or a pot, allocations and expenses within their
/// limits, statements' hashes, the audit chain).
enum FundsVerification {
    struct Report: Sendable, Encodable {
        var ok: Bool
        var entries: Int
        var postings: Int
        var pots: Int
        var statements: Int
        var failures: [String]
    }

    static func run(on db: any Database) async throws -> Report {
        let sql = db as! any SQLDatabase
        var failures: [String] = []
        // The database's own guards.
        let sqlite = sql.dialect.name == "sqlite"
        let present: Set<String> =
            sqlite
            ? Set(
                try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'trigger'").all().map {
                    try $0.decode(column: "name", as: String.self)
                })
            : Set(
                try await sql.raw("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").all().map {
                    try $0.decode(column: "tgname", as: String.self)
                })
        for t in M030CreateFunds.triggers(sqlite: sqlite) where !present.contains(t) {
            failures.append("trigger missing: \(t)")
        }
        // Every entry with its postings.
        var entries: [FundsVerify.Entry] = []
        var postings = 0
        var byEntry: [UUID: [Posting]] = [:]
        for r in try await sql.raw("SELECT entry_id, account, fen FROM fund_postings").all() {
            let e = try r.decode(column: "entry_id", as: UUID.self)
            byEntry[e, default: []].append(
                Posting(try r.decode(column: "account", as: String.self), try r.decode(column: "fen", as: Int64.self)))
            postings += 1
        }
        var seen = Set<UUID>()
        for r in try await sql.raw("SELECT id, reverses_id FROM fund_entries").all() {
            let id = try r.decode(column: "id", as: UUID.self)
            seen.insert(id)
            entries.append(
                .init(
                    id: id, postings: byEntry[id] ?? [], reverses: try r.decode(column: "reverses_id", as: UUID?.self)))
        }
        for e in byEntry.keys where !seen.contains(e) { failures.append("postings without an entry: \(e)") }
        var stored: [String: Int64] = [:]
        let pots = try await sql.raw("SELECT id, balance FROM fund_pots").all()
        for r in pots {
            stored[LedgerAccount.pot(try r.decode(column: "id", as: UUID.self))] =
                try r.decode(column: "balance", as: Int64.self)
        }
        for e in entries {
            for p in e.postings {
                if let pot = LedgerAccount.potID(p.account), stored[LedgerAccount.pot(pot)] == nil {
                    failures.append("posting to a pot that does not exist: entry \(e.id)")
                }
            }
        }
        for f in FundsVerify.check(entries, storedBalances: stored) { failures.append(describe(f)) }
        // Allocations within balances, expenses within allocations.
        for r in try await sql.raw(
            """
            SELECT p.id, p.name, p.balance, CAST(COALESCE(SUM(a.fen - a.paid_fen), 0) AS BIGINT) AS reserved
            FROM fund_pots p JOIN fund_allocations a ON a.pot_id = p.id AND a.status = 'open'
            GROUP BY p.id, p.name, p.balance
            """
        ).all() {
            let (balance, reserved) = (
                try r.decode(column: "balance", as: Int64.self), try r.decode(column: "reserved", as: Int64.self)
            )
            if reserved > balance {
                failures.append(
                    "allocations beyond the balance: pot \(try r.decode(column: "name", as: String.self)) reserves \(Yuan.text(reserved)), holds \(Yuan.text(balance))"
                )
            }
        }
        for r in try await sql.raw(
            """
            SELECT a.id, a.fen, a.approved_fen, a.paid_fen,
              CAST(COALESCE((SELECT SUM(x.fen) FROM fund_expenses x WHERE x.allocation_id = a.id
                AND x.status IN ('approved', 'paid')), 0) AS BIGINT) AS approved,
              CAST(COALESCE((SELECT SUM(x.fen) FROM fund_expenses x WHERE x.allocation_id = a.id
                AND x.status = 'paid'), 0) AS BIGINT) AS paid
            FROM fund_allocations a
            """
        ).all() {
            let id = try r.decode(column: "id", as: UUID.self)
            let fen = try r.decode(column: "fen", as: Int64.self)
            let approvedStored = try r.decode(column: "approved_fen", as: Int64.self)
            let approved = try r.decode(column: "approved", as: Int64.self)
            let paid = try r.decode(column: "paid", as: Int64.self)
            if approved > fen { failures.append("expenses beyond their allocation: \(id)") }
            let paidStored = try r.decode(column: "paid_fen", as: Int64.self)
            if approvedStored != approved || paidStored != paid {
                failures.append("allocation's approved or paid amount differs from its expenses: \(id)")
            }
        }
        // Statements still match the entries they were frozen with.
        let statements = try await FundStatementRow.query(on: db).all()
        for s in statements {
            let read = try await Funds.statementLines(s.$pot.id, from: s.periodFrom, to: s.periodTo, on: db)
            if Funds.statementHash(s.$pot.id, from: s.periodFrom, to: s.periodTo, lines: read.lines) != s.hash {
                failures.append("statement's entries changed: \(s.id!) (\(s.periodFrom)–\(s.periodTo))")
            }
        }
        if case .broken(let seq, let reason) = try await AuditLog.verify(on: db) {
            failures.append("audit chain broken at \(seq): \(reason.rawValue)")
        }
        return Report(
            ok: failures.isEmpty, entries: entries.count, postings: postings, pots: pots.count,
            statements: statements.count, failures: failures)
    }

    static func describe(_ f: FundsVerify.Failure) -> String {
        switch f {
        case .unbalanced(let id, let p): "entry does not hold (\(p.rawValue)): \(id)"
        case .reversalOfReversal(let id): "reversal of a reversal: \(id)"
        case .reversedTwice(let id): "entry reversed more than once: \(id)"
        case .reversesNothing(let id): "reversal of an entry that does not exist: \(id)"
        case .notTheNegation(let id): "reversal is not the exact negation of its entry: \(id)"
        case .balance(let account, let stored, let summed):
            "stored balance \(Yuan.text(stored)) is not the sum of the postings \(Yuan.text(summed)): \(account)"
        }
    }
}

/// `yishi funds verify`: prints one JSON line; exits 1 on any failure.
struct FundsCommand: AsyncCommandGroup {
    var help: String { "Checks the money ledger (funds verify) / 核验资金账目" }
    var commands: [String: any AnyAsyncCommand] { ["verify": FundsVerifyCommand()] }
}

struct FundsVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature { init() {} }
    var help: String {
        "Checks every entry, reversal, balance, allocation, statement and the audit chain / 核验全部分录、冲正、余额、拨付、公示与审计链"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Yishi.prepareDatabase(app)
        let report = try await FundsVerification.run(on: app.db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
        if !report.ok {
            context.console.error("资金账目核验未通过 / the ledger does not verify")
            throw ExitCode(1)
        }
    }
}
