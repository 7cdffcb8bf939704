import Foundation

/// Money in the open (阳光居务, issue 21): Yishi records money, it does not hold or move it. Every
/// amount is an integer number of fen (分); every journal entry's postings sum to zero.

/// What kind of money a pot (资金池) holds, and so what may pay from it and on whose decision.
public enum PotKind: String, CaseIterable, Codable, Sendable {
    /// 自治金: the community's own small-project money.
    case selfGovernance
    /// 维修资金: a building's maintenance fund, owned by its owners jointly (Civil Code art. 281).
    case maintenance
    /// 社区基金会: a foundation's grants.
    case foundation
    /// 共建单位: a partner organisation's money.
    case partner
    /// 居民自筹: residents' voluntary contributions (decided by a residents' meeting).
    case residentContribution
    /// 财政资金: public funds.
    case publicFunds
    /// 权属方出资: the title holder's money.
    case titleHolder
    /// A matcher's pot (资金配比).
    case matching

    /// Only the maintenance fund is restricted to common parts and needs an owners' vote to use.
    public var needsOwnersVote: Bool { self == .maintenance }

    /// Only a matcher's pot pays matches: every other pot spends on its own decisions (an owners'
    /// vote, the subdistrict's approval, a grant, an agreement), which a matching rule would bypass.
    public var paysMatches: Bool { self == .matching }
}

/// Who gives money or a pledge.
public enum FundParty: String, Codable, Sendable, CaseIterable {
    case household, partner, foundation, titleHolder, government, other
}

/// One side of a journal entry: an account and a signed amount in fen (positive: into the account).
public struct Posting: Hashable, Sendable, Codable {
    public var account: String
    public var fen: Int64
    public init(_ account: String, _ fen: Int64) {
        self.account = account
        self.fen = fen
    }
}

/// The accounts a posting names, as text (`pot:<uuid>`, `source:<key>`, `project:<uuid>`…), so a
/// journal is one table however many kinds there are.
public enum LedgerAccount {
    public static func pot(_ id: UUID) -> String { "pot:" + id.uuidString.lowercased() }
    public static func source(_ key: String) -> String { "source:" + key }
    public static func project(_ id: UUID) -> String { "project:" + id.uuidString.lowercased() }
    public static func payee(_ key: String) -> String { "payee:" + key }
    public static func household(_ id: UUID) -> String { "household:" + id.uuidString.lowercased() }

    /// A home's sub-account of a maintenance-fund pot (each home's share by area).
    public static func unit(_ unit: UUID, of pot: UUID) -> String {
        Self.pot(pot) + "/unit:" + unit.uuidString.lowercased()
    }

    /// The pot an account is, or belongs to as a sub-account, if any.
    public static func potID(_ account: String) -> UUID? {
        guard account.hasPrefix("pot:") else { return nil }
        let id = account.dropFirst(4).prefix(36)
        let rest = account.dropFirst(40)
        guard rest.isEmpty || rest.hasPrefix("/") else { return nil }
        return UUID(uuidString: String(id))
    }

    /// The pot's own account for any account of it (a sub-account's pot), else the account itself.
    public static func potAccount(_ account: String) -> String {
        potID(account).map(pot) ?? account
    }
}

public enum JournalEntry {
    public enum Problem: String, Error, Sendable, CaseIterable, Equatable {
        /// Fewer than two postings.
        case tooFew
        /// A posting of zero fen.
        case zeroPosting
        /// The postings do not sum to zero.
        case unbalanced
        /// An amount beyond what the ledger keeps (±10¹³ fen, a hundred billion yuan).
        case tooLarge
        /// The same account twice in one entry.
        case repeatedAccount
        /// An account name that is empty or too long.
        case badAccount
    }

    public static let maxFen: Int64 = 10_000_000_000_000

    /// Checks an entry's postings before anything is written (the database checks the sum again
    /// at commit on PostgreSQL).
    public static func check(_ postings: [Posting]) -> Problem? {
        if postings.count < 2 { return .tooFew }
        if postings.contains(where: { $0.account.isEmpty || $0.account.count > 100 }) { return .badAccount }
        if postings.contains(where: { $0.fen == 0 }) { return .zeroPosting }
        if postings.contains(where: { abs($0.fen) > maxFen }) { return .tooLarge }
        if Set(postings.map(\.account)).count != postings.count { return .repeatedAccount }
        // Each amount is at most 10¹³, and there are few postings: the sum cannot overflow.
        return postings.reduce(Int64(0)) { $0 + $1.fen } == 0 ? nil : .unbalanced
    }

    /// The postings that take an entry back: each negated, in the same order.
    public static func reversal(of postings: [Posting]) -> [Posting] {
        postings.map { Posting($0.account, -$0.fen) }
    }

    public enum ReversalRefusal: String, Error, Sendable, CaseIterable, Equatable {
        /// A reversal is never itself reversed (a new entry corrects it).
        case reversalOfReversal
        /// An entry is reversed at most once.
        case alreadyReversed
    }

    /// Whether an entry may be reversed.
    public static func mayReverse(isReversal: Bool, alreadyReversed: Bool) -> ReversalRefusal? {
        if isReversal { return .reversalOfReversal }
        if alreadyReversed { return .alreadyReversed }
        return nil
    }

    /// The text an idempotency key is compared by: the same request gives the same text whatever
    /// the order of its postings.
    public static func canonical(
        postings: [Posting], effective: String, memo: String, kind: String
    ) -> String {
        let lines = postings.sorted { ($0.account, $0.fen) < ($1.account, $1.fen) }.map { "\($0.account)=\($0.fen)" }
        return ([kind, effective, memo] + lines).joined(separator: "\n")
    }
}

/// What a pot may still commit: its balance less what is reserved.
public enum Availability {
    /// balance − open allocations − approved but unpaid expenses (each never below zero).
    public static func available(balance: Int64, openAllocations: Int64, approvedUnpaid: Int64) -> Int64 {
        balance - max(0, openAllocations) - max(0, approvedUnpaid)
    }
}

/// Yuan as people write them ("1,234.5", "¥12", "0.05") to fen, and back.
public enum Yuan {
    public static func fen(_ text: String) -> Int64? {
        var t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for mark in ["¥", "￥", "元"] { t = t.replacingOccurrences(of: mark, with: "") }
        t = t.replacingOccurrences(of: "，", with: ",")
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) else { return nil }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        // Commas only between groups of three digits ("1,234,567"); a whole part and, after a point,
        // one or two digits ("1." and ".5" are refused: a figure half-typed).
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        let digits = groups.joined()
        guard parts.count <= 2, !digits.isEmpty, parts.count == 1 || !parts[1].isEmpty,
            !parts[1...].contains(where: { $0.contains(",") }),
            let whole = Int64(digits)
        else { return nil }
        var cents: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard f.count <= 2, f.isEmpty || Int64(f) != nil else { return nil }
            cents = Int64((String(f) + "00").prefix(2))!
        }
        guard whole <= JournalEntry.maxFen / 100 else { return nil }
        return whole * 100 + cents
    }

    /// "1,234.50" (with the sign for a negative amount).
    public static func text(_ fen: Int64) -> String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        let whole = String(a / 100)
        var grouped = ""
        for (i, c) in whole.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        let cents = a % 100
        return sign + String(grouped.reversed()) + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
