import Vapor
import YishiCore

/// The money pages: the pots of a place, a pot with its ledger, a project's money, an expense and
/// a statement. Everyone may read them; residents' names appear only to those who record money at
/// the pot, or where the pot allows. Staff find their forms on the same pages.
enum FundPages {
    typealias Option = (value: String, label: String)

    static func kindName(_ ctx: PageContext, _ k: PotKind) -> String { ctx.t(FundText.kind(k)) }

    static func entryKind(_ k: EntryKind) -> FundText {
        switch k {
        case .receipt: FundText.eReceipt
        case .match: FundText.eMatch
        case .payment: FundText.ePayment
        case .transfer: FundText.eTransfer
        case .reversal: FundText.eReversal
        case .opening: FundText.eOpening
        }
    }

    static func pledgeStatus(_ s: Pledge.Status) -> FundPageText {
        switch s {
        case .open: FundPageText.pledgeOpen
        case .fulfilled: FundPageText.pledgeFulfilled
        case .released: FundPageText.pledgeReleased
        }
    }

    static func tone(_ s: ExpenseFlow.Status) -> C.Tone {
        switch s {
        case .paid, .approved: .ok
        case .rejected: .error
        case .needsInfo: .warning
        case .draft, .submitted: .info
        }
    }

    // MARK: A pot

    struct PotModel: Sendable {
        var pot: FundPot
        var reserved: Int64
        var entries: [FundEntry]
        var postings: [UUID: [Posting]]
        var reversed: Set<UUID>
        var pledges: [FundPledge]
        var allocations: [(FundAllocation, String)]
        var statements: [FundStatementRow]
        /// The rules this pot pays (as the matcher, or a share of another's), with what each has
        /// matched, its target, and its payers' names and shares when several pay.
        var rules: [(FundMatchingRule, matched: Int64, target: String, shares: [(String, Int64)])]
        var raised: Int64?
        var named: Bool
        /// Pot names, for a match's matcher.
        var potNames: [UUID: String] = [:]
        var mayRecord: Bool
        var mayManage: Bool
        var households: [Option]
        /// A matcher pot's possible targets (for its rule form).
        var targets: [Option] = []
        /// The other matching pots that may pay a share of its matches.
        var coMatchers: [Option] = []
    }

    /// Who the money came from or went to, as this page may show it.
    static func counterparty(_ ctx: PageContext, _ e: FundEntry, postings: [Posting], pot: UUID, m: PotModel) -> String
    {
        switch e.kind {
        case .payment: return ctx.t(FundPageText.paidTo, e.onBehalf ?? "")
        case .match:
            let other = postings.compactMap { LedgerAccount.potID($0.account) }.first { $0 != pot }
            return ctx.t(FundPageText.matchedBy, other.flatMap { m.potNames[$0] } ?? ctx.t(FundText.kMatching))
        default:
            if e.party == .household && !m.named { return ctx.t(FundPageText.aHousehold) }
            return e.onBehalf ?? ctx.t(FundText.pOther)
        }
    }

    /// An entry as a line of a choice list: day, what, amount, memo.
    static func entryLine(_ ctx: PageContext, _ e: FundEntry, here: Int64) -> String {
        "\(e.effective) · \(ctx.t(entryKind(e.kind))) · \(Show.money(fen: here))"
            + (e.memo.isEmpty ? "" : " · \(e.memo)")
    }

    static func pot(
        _ ctx: PageContext, _ m: PotModel, form: [String: String] = [:], errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    )
        -> PageView
    {
        let p = m.pot
        var facts: [(String, String)] = [
            (ctx.t(FundPageText.kind), kindName(ctx, p.kind)), (ctx.t(FundPageText.place), p.node.name),
            (ctx.t(FundPageText.custodian), p.custodian), (ctx.t(FundPageText.legalOwner), p.legalOwner),
            (ctx.t(FundPageText.balance), Show.money(fen: p.balance)),
            (ctx.t(FundPageText.reserved), Show.money(fen: m.reserved)),
            (ctx.t(FundPageText.available), Show.money(fen: p.balance - m.reserved)),
            (ctx.t(FundPageText.schedule), ctx.t(FundText.schedule(p.schedule))),
        ]
        if !p.purposes.isEmpty { facts.append((ctx.t(FundPageText.purposes), p.purposes)) }
        if let a = p.authorisedFen {
            facts.append((ctx.t(FundPageText.authorised), Show.money(fen: a)))
            facts.append((ctx.t(FundPageText.raised), Show.money(fen: m.raised ?? 0)))
        }
        if p.status == .closed { facts.append((ctx.t(FundPageText.status), ctx.t(FundPageText.closed))) }
        let parties: [Option] = FundParty.allCases.map { ($0.rawValue, ctx.t(FundText.party($0))) }
        return PageView(title: p.name, status: status) {
            C.breadcrumbs(
                ctx.t(FundPageText.title),
                [(ctx.t(FundPageText.title), Site.funds(node: p.$node.id)), (p.name, Site.fundPot(p.id!))])
            C.facts(facts)
            Forms.summary(ctx, errors)
            if !m.rules.isEmpty || (p.kind == .matching && m.mayManage) {
                C.section(ctx.t(FundPageText.rules)) {
                    C.text(ctx.t(FundPageText.rulesHint), muted: true)
                    C.list(
                        m.rules.map { r, matched, target, shares in
                            var line: [HTMLNode] = [
                                .text(ruleLine(ctx, r, matched: matched, target: target, shares: shares))
                            ]
                            // A rule of another matcher this pot pays a share of: whose it is.
                            if r.$matcher.id != p.id, let owner = shares.first?.0 {
                                line.append(.text(ctx.t(FundPageText.setUpBy, owner)))
                            }
                            if m.mayManage && r.status == .open && r.$matcher.id == p.id {
                                line += [
                                    .text(" "),
                                    Forms.button(
                                        ctx, action: Site.fundRuleClose(p.id!, r.id!),
                                        label: ctx.t(
                                            r.trigger == .roundClose ? FundPageText.closeRound : FundPageText.stopRule)),
                                ]
                            }
                            return line
                        })
                    if m.mayManage && p.kind == .matching && p.status == .open && !m.targets.isEmpty {
                        C.text(ctx.t(FundPageText.closeRoundHint), muted: true)
                        ruleForm(ctx, p, m, form: form, errors: errors)
                    }
                }
            }
            C.section(ctx.t(FundPageText.ledger)) {
                if m.entries.isEmpty {
                    C.empty(ctx.t(FundPageText.noEntries))
                } else {
                    C.table(
                        caption: ctx.t(FundPageText.ledger),
                        headers: [
                            ctx.t(FundPageText.day), ctx.t(FundPageText.what), ctx.t(FundPageText.counterparty),
                            ctx.t(FundPageText.amount), ctx.t(FundPageText.more),
                        ],
                        rows: m.entries.map { e in
                            let here = (m.postings[e.id!] ?? []).filter { LedgerAccount.potID($0.account) == p.id }
                                .reduce(Int64(0)) { $0 + $1.fen }
                            var notes: [String] = []
                            if !e.memo.isEmpty { notes.append(e.memo) }
                            if m.named, let r = e.receiptNo { notes.append(ctx.t(FundPageText.receiptNo, r)) }
                            if m.named, let c = e.countedBy { notes.append(ctx.t(FundPageText.countedByLine, c)) }
                            return [
                                .text(e.effective), .text(ctx.t(entryKind(e.kind))),
                                .text(counterparty(ctx, e, postings: m.postings[e.id!] ?? [], pot: p.id!, m: m)),
                                .text(Show.money(fen: here)),
                                .group(
                                    [.text(notes.joined(separator: "；"))]
                                        + (m.reversed.contains(e.id!)
                                            ? [.text(" "), C.tag(ctx.t(FundPageText.reversedTag), tone: .warning)] : [])
                                ),
                            ]
                        })
                }
            }
            if !m.pledges.isEmpty {
                C.section(ctx.t(FundPageText.pledges)) {
                    C.table(
                        caption: ctx.t(FundPageText.pledges),
                        headers: [
                            ctx.t(FundPageText.from), ctx.t(FundPageText.amount), ctx.t(FundPageText.received),
                            ctx.t(FundPageText.status),
                        ],
                        rows: m.pledges.map { pl in
                            let who =
                                pl.partyKind == .household && !m.named ? ctx.t(FundPageText.aHousehold) : pl.partyName
                            let what = pl.inKind.map { " · " + ctx.t(FundPageText.inKindLine, $0) } ?? ""
                            let cond =
                                pl.deadline.map {
                                    " · " + ctx.t(FundPageText.conditionLine, Show.money(fen: pl.thresholdFen ?? 0), $0)
                                } ?? ""
                            return [
                                .text(who + what + cond), .text(Show.money(fen: pl.fen)),
                                .text(Show.money(fen: pl.receivedFen)),
                                C.tag(ctx.t(pledgeStatus(pl.status)), tone: pl.status == .released ? .warning : .info),
                            ]
                        })
                }
            }
            if !m.allocations.isEmpty {
                C.section(ctx.t(FundPageText.allocations)) {
                    C.table(
                        caption: ctx.t(FundPageText.allocations),
                        headers: [
                            ctx.t(FundPageText.project), ctx.t(FundPageText.decision), ctx.t(FundPageText.amount),
                            ctx.t(FundPageText.paid),
                        ],
                        rows: m.allocations.map { a, title in
                            [
                                H.link(title, Site.projectMoney(a.$project.id)),
                                .text(
                                    ctx.t(FundText.decisionName(a.decision)) + (a.decisionRef.map { "（\($0)）" } ?? "")),
                                .text(Show.money(fen: a.fen)), .text(Show.money(fen: a.paidFen)),
                            ]
                        })
                }
            }
            C.section(ctx.t(FundPageText.statements)) {
                if m.statements.isEmpty {
                    C.text(ctx.t(FundPageText.noStatements), muted: true)
                } else {
                    C.list(
                        m.statements.map { s in
                            [H.link("\(s.periodFrom) — \(s.periodTo)", Site.fundStatement(s.id!))]
                        })
                }
            }
            if m.mayRecord && p.status == .open {
                C.section(ctx.t(FundPageText.receive)) {
                    Forms.form(
                        ctx, action: Site.fundReceipts(p.id!),
                        [
                            Forms.field(
                                ctx, "yuan", label: ctx.t(FundPageText.yuan), value: form["yuan"] ?? "", required: true,
                                errors: errors, hint: ctx.t(FundPageText.yuanHint),
                                attributes: [("inputmode", "decimal")],
                                id: "r-yuan"),
                            Forms.field(
                                ctx, "effective", label: ctx.t(FundPageText.effective), value: form["effective"] ?? "",
                                type: "date", errors: errors, hint: ctx.t(FundPageText.effectiveHint), id: "r-effective"
                            ),
                            Forms.select(
                                ctx, "party", label: ctx.t(FundPageText.party), options: parties,
                                selected: form["party"] ?? (p.kind == .residentContribution ? "household" : nil),
                                required: true, errors: errors, id: "r-party"),
                            Forms.field(
                                ctx, "from", label: ctx.t(FundPageText.from), value: form["from"] ?? "", errors: errors,
                                id: "r-from"),
                            m.households.isEmpty
                                ? .group([])
                                : Forms.select(
                                    ctx, "household", label: ctx.t(FundPageText.household), options: m.households,
                                    selected: form["household"], errors: errors,
                                    hint: ctx.t(
                                        p.kind == .maintenance ? FundPageText.homeHint : FundPageText.householdHint),
                                    id: "r-household"),
                            Forms.field(
                                ctx, "memo", label: ctx.t(FundPageText.memo), value: form["memo"] ?? "", errors: errors,
                                id: "r-memo"),
                            p.kind == .maintenance
                                ? .group([])
                                : H.el("fieldset", [("class", "stack")]) {
                                    H.el("legend", text: ctx.t(FundPageText.cashLegend))
                                    Forms.field(
                                        ctx, "collectedBy", label: ctx.t(FundPageText.collectedBy),
                                        value: form["collectedBy"] ?? "",
                                        errors: errors, id: "r-collectedBy")
                                    Forms.field(
                                        ctx, "receiptNo", label: ctx.t(FundPageText.receiptNoField),
                                        value: form["receiptNo"] ?? "",
                                        errors: errors, id: "r-receiptNo")
                                    Forms.field(
                                        ctx, "countedBy", label: ctx.t(FundPageText.countedBy),
                                        value: form["countedBy"] ?? "",
                                        errors: errors, id: "r-countedBy")
                                },
                            H.void(
                                "input", [("type", "hidden"), ("name", "idempotencyKey"), ("value", UUID().uuidString)]),
                            Forms.submit(ctx.t(FundPageText.receiveButton)),
                        ])
                }
            }
            if m.mayRecord && p.status == .open && p.kind != .maintenance {
                C.section(ctx.t(FundPageText.pledgeTitle)) {
                    Forms.form(
                        ctx, action: Site.fundPledges(p.id!),
                        [
                            Forms.select(
                                ctx, "party", label: ctx.t(FundPageText.party), options: parties,
                                selected: p.kind == .residentContribution ? "household" : nil, required: true,
                                id: "p-party"),
                            Forms.field(ctx, "from", label: ctx.t(FundPageText.from), required: true, id: "p-from"),
                            Forms.field(
                                ctx, "yuan", label: ctx.t(FundPageText.yuan), required: true,
                                attributes: [("inputmode", "decimal")], id: "p-yuan"),
                            Forms.field(
                                ctx, "inKind", label: ctx.t(FundPageText.inKind), hint: ctx.t(FundPageText.inKindHint),
                                id: "p-inKind"),
                            Forms.field(
                                ctx, "threshold", label: ctx.t(FundPageText.threshold),
                                hint: ctx.t(FundPageText.thresholdHint),
                                attributes: [("inputmode", "decimal")], id: "p-threshold"),
                            Forms.field(
                                ctx, "deadline", label: ctx.t(FundPageText.deadline), type: "date", id: "p-deadline"),
                            Forms.submit(ctx.t(FundPageText.pledgeButton)),
                        ])
                }
            }
            let reversible = m.entries.filter {
                $0.reversesID == nil && !m.reversed.contains($0.id!) && $0.kind != .match
            }
            if m.mayManage && p.status == .open && !reversible.isEmpty {
                C.section(ctx.t(FundPageText.correctTitle)) {
                    C.text(ctx.t(FundPageText.correctHint), muted: true)
                    Forms.form(
                        ctx, action: Site.fundReversals(p.id!),
                        [
                            Forms.select(
                                ctx, "entry", label: ctx.t(FundPageText.correctWhich),
                                options: reversible.map { e in
                                    let here = (m.postings[e.id!] ?? []).filter {
                                        LedgerAccount.potID($0.account) == p.id
                                    }
                                    .reduce(Int64(0)) { $0 + $1.fen }
                                    return (e.id!.uuidString, entryLine(ctx, e, here: here))
                                }, selected: form["entry"], required: true, errors: errors, id: "c-entry"),
                            Forms.field(
                                ctx, "reason", label: ctx.t(FundPageText.reverseReason), value: form["reason"] ?? "",
                                required: true, errors: errors, id: "c-reason"),
                            Forms.submit(ctx.t(FundPageText.reverse)),
                        ])
                }
            }
            if m.mayManage {
                C.section(ctx.t(FundPageText.statementTitle)) {
                    C.text(ctx.t(FundPageText.statementHint), muted: true)
                    Forms.form(
                        ctx, action: Site.fundStatements(p.id!),
                        [
                            Forms.field(
                                ctx, "from", label: ctx.t(FundPageText.periodFrom), value: form["periodFrom"] ?? "",
                                type: "date", required: true, errors: errors, id: "s-from"),
                            Forms.field(
                                ctx, "to", label: ctx.t(FundPageText.periodTo), value: form["periodTo"] ?? "",
                                type: "date", required: true, errors: errors, id: "s-to"),
                            Forms.field(
                                ctx, "reported", label: ctx.t(FundPageText.reported), errors: errors,
                                hint: ctx.t(FundPageText.reportedHint), attributes: [("inputmode", "decimal")],
                                id: "s-reported"),
                            Forms.textArea(
                                ctx, "explanation", label: ctx.t(FundPageText.explanationField), max: 500, rows: 2,
                                errors: errors, id: "s-explanation"),
                            Forms.submit(ctx.t(FundPageText.publish)),
                        ])
                }
            }
        }
    }
}
