import Fluent
import Vapor
import YishiCore

/// The parts of the money pages more than one page shows: a statement's figures (its page, the
/// notice and the poster), a counterpart's name.
enum FundViews {
    /// What a statement's group is called: a source's kind, a project's title, a match, a correction.
    static func counterpart(_ key: String, projects: [UUID: String], _ ctx: PageContext) -> String {
        if key.hasPrefix("source:"), let p = FundParty(rawValue: String(key.dropFirst(7))) {
            return ctx.t(FundText.party(p))
        }
        if key.hasPrefix("project:"), let id = UUID(uuidString: String(key.dropFirst(8))) {
            return projects[id] ?? ctx.t(FundPageText.projectGone)
        }
        switch key {
        case "match": return ctx.t(FundText.eMatch)
        case "reversal": return ctx.t(FundText.eReversal)
        case "transfer": return ctx.t(FundText.eTransfer)
        case "opening": return ctx.t(FundText.eOpening)
        default: return ctx.t(FundText.ePayment)
        }
    }

    /// The projects a statement's groups name, by id.
    static func projectTitles(_ f: FundStatement.Figures, on db: any Database) async throws -> [UUID: String] {
        let ids = (f.bySource + f.byUse).compactMap { t -> UUID? in
            t.key.hasPrefix("project:") ? UUID(uuidString: String(t.key.dropFirst(8))) : nil
        }
        guard !ids.isEmpty else { return [:] }
        return Dictionary(
            try await Project.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0.title) },
            uniquingKeysWith: { a, _ in a })
    }

    /// A statement's figures: the balances, then where money came from and what it paid for.
    static func statement(
        _ s: FundStatementRow, pot: FundPot, projects: [UUID: String], _ ctx: PageContext
    ) -> [HTMLNode] {
        guard let f = s.figures else { return [] }
        var facts: [(String, String)] = [
            (ctx.t(FundPageText.pot), "\(pot.name)（\(ctx.t(FundText.kind(pot.kind)))）"),
            (ctx.t(FundPageText.custodian), pot.custodian),
            (ctx.t(FundPageText.legalOwner), pot.legalOwner),
            (ctx.t(FundPageText.period), "\(s.periodFrom) — \(s.periodTo)"),
            (ctx.t(FundPageText.opening), Show.money(fen: f.opening)),
            (ctx.t(FundPageText.income), Show.money(fen: f.income)),
            (ctx.t(FundPageText.spending), Show.money(fen: f.spending)),
            (ctx.t(FundPageText.closing), Show.money(fen: f.closing)),
            (ctx.t(FundPageText.entries), String(f.entries)),
        ]
        facts.append((ctx.t(FundPageText.openAllocations), Show.money(fen: s.openAllocationsFen)))
        facts.append((ctx.t(FundPageText.openPledges), Show.money(fen: s.openPledgesFen)))
        if let r = f.reported {
            facts.append((ctx.t(FundPageText.reported), Show.money(fen: r)))
            facts.append((ctx.t(FundPageText.difference), Show.money(fen: f.difference ?? 0)))
        }
        var out: [HTMLNode] = [C.facts(facts)]
        if let e = s.explanation { out.append(C.text(ctx.t(FundPageText.explanation, e))) }
        let row: (FundStatement.Total) -> [HTMLNode] = {
            [.text(counterpart($0.key, projects: projects, ctx)), .text(Show.money(fen: $0.fen))]
        }
        if !f.bySource.isEmpty {
            out.append(
                C.table(
                    caption: ctx.t(FundPageText.bySource),
                    headers: [ctx.t(FundPageText.source), ctx.t(FundPageText.amount)],
                    rows: f.bySource.map(row), stackOnPhone: false))
        }
        if !f.byUse.isEmpty {
            out.append(
                C.table(
                    caption: ctx.t(FundPageText.byUse), headers: [ctx.t(FundPageText.use), ctx.t(FundPageText.amount)],
                    rows: f.byUse.map(row), stackOnPhone: false))
        }
        out.append(C.text(ctx.t(FundPageText.hashLine, RecordHash.shown(s.hash)), muted: true))
        return out
    }
}

extension FundStatementNotice {
    static let subject = NoticeSubject(kind: kind) { id, db, ctx, poster in
        guard let s = try await FundStatementRow.find(id, on: db), let pot = try await FundPot.find(s.$pot.id, on: db)
        else { return [] }
        var projects: [UUID: String] = [:]
        if let f = s.figures { projects = try await FundViews.projectTitles(f, on: db) }
        var out = FundViews.statement(s, pot: pot, projects: projects, ctx)
        if !poster {
            out.append(H.el("p", [], [H.link(ctx.t(FundPageText.statementLink), Site.fundStatement(id))]))
        }
        return out
    }
}
