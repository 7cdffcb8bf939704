import Foundation

/// A pot's statement (公示) for a period, computed from its ledger lines: the opening and closing
/// balance, the money in by source and out by project, and the custodian's figure beside it.
public enum FundStatement {
    /// One posting on the pot, as the statement reads it.
    public struct Line: Hashable, Sendable, Codable {
        /// The bank's date, "YYYY-MM-DD".
        public var effective: String
        public var fen: Int64
        /// Where it came from or went: the other side's account (`source:…`, `project:…`).
        public var counterpart: String
        /// The entry's kind (receipt, allocation, payment, match, reversal …).
        public var kind: String
        public init(effective: String, fen: Int64, counterpart: String, kind: String) {
            (self.effective, self.fen, self.counterpart, self.kind) = (effective, fen, counterpart, kind)
        }
    }

    public struct Figures: Hashable, Sendable, Codable {
        public var opening: Int64
        public var income: Int64
        public var spending: Int64
        public var closing: Int64
        /// Money in by counterpart, and out by counterpart (both positive), largest first.
        public var bySource: [Total]
        public var byUse: [Total]
        public var entries: Int
        /// The custodian's closing balance as reported, and the difference (closing − reported).
        public var reported: Int64?
        public var difference: Int64?
    }

    public struct Total: Hashable, Sendable, Codable {
        public var key: String
        public var fen: Int64
        public init(key: String, fen: Int64) { (self.key, self.fen) = (key, fen) }
    }

    /// The figures for the period `from`…`to` (inclusive days): lines before it make the opening
    /// balance; lines after it are not read. A correction dated in a later period shows there.
    public static func figures(_ lines: [Line], from: String, to: String, reported: Int64? = nil) -> Figures {
        var opening: Int64 = 0
        var income: Int64 = 0
        var spending: Int64 = 0
        var sources: [String: Int64] = [:]
        var uses: [String: Int64] = [:]
        var entries = 0
        for l in lines {
            if l.effective < from {
                opening += l.fen
            } else if l.effective <= to {
                entries += 1
                if l.fen > 0 {
                    income += l.fen
                    sources[l.counterpart, default: 0] += l.fen
                } else {
                    spending -= l.fen
                    uses[l.counterpart, default: 0] -= l.fen
                }
            }
        }
        func ordered(_ d: [String: Int64]) -> [Total] {
            d.map { Total(key: $0.key, fen: $0.value) }.sorted { ($0.fen, $1.key) > ($1.fen, $0.key) }
        }
        let closing = opening + income - spending
        return Figures(
            opening: opening, income: income, spending: spending, closing: closing, bySource: ordered(sources),
            byUse: ordered(uses), entries: entries, reported: reported, difference: reported.map { closing - $0 })
    }

    /// The periods a disclosure schedule gives for a year: half-years (the maintenance fund, at
    /// least every six months), quarters, or the whole year.
    public enum Schedule: String, CaseIterable, Codable, Sendable {
        case halfYearly, quarterly, yearly
    }

    public static func periods(_ schedule: Schedule, year: Int) -> [(from: String, to: String)] {
        let y = String(year)
        switch schedule {
        case .yearly: return [("\(y)-01-01", "\(y)-12-31")]
        case .halfYearly: return [("\(y)-01-01", "\(y)-06-30"), ("\(y)-07-01", "\(y)-12-31")]
        case .quarterly:
            return [
                ("\(y)-01-01", "\(y)-03-31"), ("\(y)-04-01", "\(y)-06-30"), ("\(y)-07-01", "\(y)-09-30"),
                ("\(y)-10-01", "\(y)-12-31"),
            ]
        }
    }
}

extension FundStatement {
    /// The period a pot's statement is due for on `today`: the latest period of its schedule that
    /// has ended, when the pot existed by its end and no statement has reached its last day yet.
    public static func due(
        _ schedule: Schedule, publishedUntil: String?, openedOn: String, today: CalendarDay
    ) -> (from: String, to: String)? {
        let ended = (periods(schedule, year: today.year - 1) + periods(schedule, year: today.year))
            .filter { $0.to < today.description }
        guard let last = ended.last, openedOn <= last.to else { return nil }
        if let until = publishedUntil, until >= last.to { return nil }
        return last
    }
}

/// What `yishi funds verify` checks, as pure functions over what it reads.
public enum FundsVerify {
    public struct Entry: Hashable, Sendable {
        public var id: UUID
        public var postings: [Posting]
        /// The entry this one reverses, if it is a reversal.
        public var reverses: UUID?
        public init(id: UUID, postings: [Posting], reverses: UUID? = nil) {
            (self.id, self.postings, self.reverses) = (id, postings, reverses)
        }
    }

    public enum Failure: Hashable, Sendable {
        /// An entry whose postings do not balance (or break another rule of `JournalEntry.check`).
        case unbalanced(UUID, JournalEntry.Problem)
        /// A reversal of a reversal.
        case reversalOfReversal(UUID)
        /// An entry reversed more than once.
        case reversedTwice(UUID)
        /// A reversal naming an entry that does not exist.
        case reversesNothing(UUID)
        /// A reversal whose postings are not the exact negation of the original's.
        case notTheNegation(UUID)
        /// A stored balance that is not the sum of the pot's postings.
        case balance(account: String, stored: Int64, summed: Int64)
    }

    /// Every rule over the journal and the stored balances; the failures found (none: it holds).
    public static func check(_ entries: [Entry], storedBalances: [String: Int64]) -> [Failure] {
        var out: [Failure] = []
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var reversedCount: [UUID: Int] = [:]
        var sums: [String: Int64] = [:]
        for e in entries {
            if let p = JournalEntry.check(e.postings) { out.append(.unbalanced(e.id, p)) }
            for p in e.postings { sums[LedgerAccount.potAccount(p.account), default: 0] += p.fen }
            guard let original = e.reverses else { continue }
            guard let o = byID[original] else {
                out.append(.reversesNothing(e.id))
                continue
            }
            if o.reverses != nil { out.append(.reversalOfReversal(e.id)) }
            reversedCount[original, default: 0] += 1
            let expected = Set(JournalEntry.reversal(of: o.postings))
            if Set(e.postings) != expected { out.append(.notTheNegation(e.id)) }
        }
        for (id, n) in reversedCount.sorted(by: { $0.key.uuidString < $1.key.uuidString }) where n > 1 {
            out.append(.reversedTwice(id))
        }
        for (account, stored) in storedBalances.sorted(by: { $0.key < $1.key }) {
            let summed = sums[account] ?? 0
            if summed != stored { out.append(.balance(account: account, stored: stored, summed: summed)) }
        }
        return out
    }
}
