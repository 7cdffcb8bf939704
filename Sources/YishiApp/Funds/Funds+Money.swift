import Fluent
import SQLKit
import Vapor
import YishiCore

extension Funds {
    // MARK: A project's money

    /// Where each yuan of a project came from and went: its sources (pots, with what each
    /// allocated, received for it and paid), its budget lines (planned, allocated, paid) and its
    /// expenses; pledged vs received vs spent. Public: no resident is named.
    struct ProjectMoney: Sendable {
        struct Source: Sendable {
            var pot: UUID
            var name: String
            var kind: PotKind
            var allocated: Int64
            var paid: Int64
        }
        struct Line: Sendable {
            var line: String
            var title: String
            var planned: Int64
            var allocated: Int64
            var paid: Int64
        }
        struct Spent: Sendable {
            var id: UUID
            var title: String
            var payee: String
            var line: String
            var pot: String
            var fen: Int64
            var status: ExpenseFlow.Status
        }
        var sources: [Source]
        var lines: [Line]
        var expenses: [Spent]
        /// Open and fulfilled cash pledges to the project's own pots, and in-kind ones at their value.
        var pledged: Int64
        var inKind: [(party: String, what: String, fen: Int64)]
        /// Received from outside into the project's own pots (residents' contributions, their matches).
        var received: Int64
        var allocated: Int64
        var spent: Int64
        var planned: Int64
        /// The allocations themselves, with their pots.
        var allocations: [FundAllocation] = []
    }

    static func projectMoney(_ project: UUID, on db: any Database) async throws -> ProjectMoney {
        // Each allocation with its pot and the pot's place, in one query.
        let allocations = try await FundAllocation.query(on: db)
            .join(FundPot.self, on: \FundAllocation.$pot.$id == \FundPot.$id)
            .join(TerritoryNode.self, on: \FundPot.$node.$id == \TerritoryNode.$id)
            .filter(\.$project.$id == project).all()
        for a in allocations {
            let pot = try a.joined(FundPot.self)
            pot.$node.value = try a.joined(TerritoryNode.self)
            a.$pot.value = pot
        }
        let lines = try await FundBudgetLine.query(on: db).filter(\.$project.$id == project).sort(\.$createdAt).all()
        let expenses = try await FundExpense.query(on: db).filter(\.$allocation.$id ~~ allocations.compactMap(\.id))
            .sort(\.$createdAt).all()
        var sources: [UUID: ProjectMoney.Source] = [:]
        for a in allocations {
            var s =
                sources[a.$pot.id]
                ?? .init(pot: a.$pot.id, name: a.pot.name, kind: a.pot.kind, allocated: 0, paid: 0)
            s.allocated += a.fen
            s.paid += a.paidFen
            sources[a.$pot.id] = s
        }
        let received = try await raisedFor(project, on: db)
        let pledges = try await FundPledge.query(on: db).filter(\.$projectID == project).filter(\.$status != .released)
            .all()
        let byAllocation = Dictionary(grouping: allocations, by: { $0.id! })
        return ProjectMoney(
            sources: sources.values.sorted { ($0.allocated, $0.name) > ($1.allocated, $1.name) },
            lines: lines.map { l in
                let mine = allocations.filter { $0.line == l.line }
                return .init(
                    line: l.line, title: l.title, planned: l.plannedFen, allocated: mine.reduce(0) { $0 + $1.fen },
                    paid: mine.reduce(0) { $0 + $1.paidFen })
            },
            expenses: expenses.map { x in
                let a = byAllocation[x.$allocation.id]?.first
                return .init(
                    id: x.id!, title: x.title, payee: x.payee, line: a?.line ?? "", pot: a?.pot.name ?? "", fen: x.fen,
                    status: x.status)
            },
            pledged: pledges.filter { $0.inKind == nil }.reduce(0) { $0 + $1.fen },
            inKind: pledges.compactMap { p in p.inKind.map { (p.partyName, $0, p.fen) } },
            received: received, allocated: allocations.reduce(0) { $0 + $1.fen },
            spent: allocations.reduce(0) { $0 + $1.paidFen }, planned: lines.reduce(0) { $0 + $1.plannedFen },
            allocations: allocations)
    }

    /// What the project's own pots (residents' contributions raised for it) received from outside
    /// and from matchers, net of corrections, in one statement.
    static func raisedFor(_ project: UUID, on db: any Database) async throws -> Int64 {
        // The pots first (few; the column is mostly empty, so a join could read every posting).
        let pots = try await FundPot.query(on: db).filter(\.$projectID == project).all(\.$id)
        guard !pots.isEmpty else { return 0 }
        return try await (db as! any SQLDatabase).raw(
            """
            SELECT CAST(COALESCE(SUM(p.fen), 0) AS BIGINT) AS n FROM fund_postings p
            JOIN fund_entries e ON e.id = p.entry_id
            WHERE p.pot_id IN (\(binds: pots))
              AND (e.kind IN ('receipt', 'match', 'opening')
                OR (e.kind = 'reversal' AND (e.party IS NOT NULL OR e.rule_id IS NOT NULL)))
            """
        ).first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    // MARK: Statistics

    /// Money received at or below a node in a year: by who gave, by the kind of pot, and the share
    /// residents and partners raised (the index's 项目金额).
    struct Statistics: Sendable {
        var year: Int
        var byParty: [FundParty: Int64]
        var byKind: [PotKind: Int64]
        var total: Int64
        var residentsAndPartners: Int64
        var spent: Int64
        /// Per mille of the total that residents and partners gave (nil when nothing was received).
        var sharePerMille: Int? { total > 0 ? Int(residentsAndPartners * 1000 / total) : nil }
    }

    static func statistics(under node: TerritoryNode, year: Int, on db: any Database) async throws -> Statistics {
        let path = node.territoryPath
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT e.kind AS entry_kind, e.party, pot.kind AS pot_kind, CAST(SUM(p.fen) AS BIGINT) AS fen
            FROM fund_postings p JOIN fund_entries e ON e.id = p.entry_id JOIN fund_pots pot ON pot.id = p.pot_id
            JOIN territory_nodes n ON n.id = pot.node_id
            WHERE n.path >= \(bind: path.encoded) AND n.path < \(bind: path.subtreeUpperBound)
              AND p.effective >= \(bind: "\(year)-01-01") AND p.effective <= \(bind: "\(year)-12-31")
            GROUP BY e.kind, e.party, pot.kind
            """
        ).all()
        var s = Statistics(year: year, byParty: [:], byKind: [:], total: 0, residentsAndPartners: 0, spent: 0)
        for r in rows {
            let fen = try r.decode(column: "fen", as: Int64.self)
            let kind = try r.decode(column: "entry_kind", as: String.self)
            if kind == EntryKind.payment.rawValue { s.spent -= fen }
            // Received from outside: receipts and their corrections (a reversal of a receipt keeps
            // its party; one of a match or a payment has none), by who gave.
            let partyText = try r.decode(column: "party", as: String?.self)
            guard kind == EntryKind.receipt.rawValue || (kind == EntryKind.reversal.rawValue && partyText != nil)
            else { continue }
            let party = FundParty(rawValue: partyText ?? "") ?? .other
            let potKind = PotKind(rawValue: try r.decode(column: "pot_kind", as: String.self)) ?? .selfGovernance
            s.byParty[party, default: 0] += fen
            s.byKind[potKind, default: 0] += fen
            s.total += fen
            if party == .household || party == .partner { s.residentsAndPartners += fen }
        }
        return s
    }
}

extension Funds {
    /// A pot's entries dated before `before`, latest first (from the pot's posting index).
    static func entries(of pot: UUID, before: String, limit: Int, on db: any Database) async throws -> [FundEntry] {
        // Straight from the (pot, day) index; a maintenance fund's entry moves several of its homes,
        // so more rows are read than entries wanted and the repeats dropped here.
        var seen = Set<UUID>()
        let ids = try await (db as! any SQLDatabase).raw(
            """
            SELECT entry_id FROM fund_postings WHERE pot_id = \(bind: pot) AND effective < \(bind: before)
            ORDER BY effective DESC LIMIT \(bind: limit * 8)
            """
        ).all().map { try $0.decode(column: "entry_id", as: UUID.self) }.filter { seen.insert($0).inserted }
            .prefix(limit)
        guard !ids.isEmpty else { return [] }
        return try await FundEntry.query(on: db).filter(\.$id ~~ Array(ids)).sort(\.$effective, .descending)
            .sort(\.$recordedAt, .descending).all()
    }
}
