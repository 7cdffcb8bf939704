import Vapor
import YishiCore

extension FundPages {
    // MARK: A project's money

    struct MoneyModel: Sendable {
        var project: Project
        var money: Funds.ProjectMoney
        var satisfaction: Consultative.Satisfaction?
        var mayBudget: Bool
        /// Pots the caller may allocate from to this project.
        var pots: [Option]
        var meetings: [Option]
        var votes: [Option]
        /// Open allocations the caller may charge an expense to.
        var allocations: [Option]
    }

    static func money(
        _ ctx: PageContext, _ m: MoneyModel, form: [String: String] = [:], errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    )
        -> PageView
    {
        let mm = m.money
        return PageView(title: ctx.t(FundPageText.moneyTitle, m.project.title), status: status) {
            C.breadcrumbs(
                ctx.t(FundPageText.moneyTitle, m.project.title),
                [
                    (m.project.title, Site.project(m.project.id!)),
                    (ctx.t(FundPageText.money), Site.projectMoney(m.project.id!)),
                ])
            C.text(ctx.t(FundPageText.moneyIntro), muted: true)
            Forms.summary(ctx, errors)
            C.facts([
                (ctx.t(FundPageText.planned), Show.money(fen: mm.planned)),
                (ctx.t(FundPageText.allocated), Show.money(fen: mm.allocated)),
                (ctx.t(FundPageText.pledged), Show.money(fen: mm.pledged)),
                (ctx.t(FundPageText.receivedForProject), Show.money(fen: mm.received)),
                (ctx.t(FundPageText.spent), Show.money(fen: mm.spent)),
                (
                    ctx.t(FundPageText.outcome),
                    m.satisfaction.map { ctx.t(FundPageText.satisfactionLine, $0.mean, String($0.count)) }
                        ?? ctx.t(FundPageText.noSurvey)
                ),
            ])
            C.section(ctx.t(FundPageText.sources)) {
                if mm.sources.isEmpty {
                    C.empty(ctx.t(FundPageText.noSources))
                } else {
                    C.table(
                        caption: ctx.t(FundPageText.sources),
                        headers: [
                            ctx.t(FundPageText.pot), ctx.t(FundPageText.kind), ctx.t(FundPageText.allocated),
                            ctx.t(FundPageText.paid),
                        ],
                        rows: mm.sources.map { s in
                            [
                                H.link(s.name, Site.fundPot(s.pot)), .text(kindName(ctx, s.kind)),
                                .text(Show.money(fen: s.allocated)), .text(Show.money(fen: s.paid)),
                            ]
                        })
                }
                if !mm.inKind.isEmpty {
                    C.list(
                        mm.inKind.map { ctx.t(FundPageText.inKindGiven, $0.party, $0.what, Show.money(fen: $0.fen)) })
                }
            }
            C.section(ctx.t(FundPageText.lines)) {
                if mm.lines.isEmpty {
                    C.empty(ctx.t(FundPageText.noLines))
                } else {
                    C.table(
                        caption: ctx.t(FundPageText.lines),
                        headers: [
                            ctx.t(FundPageText.line), ctx.t(FundPageText.planned), ctx.t(FundPageText.allocated),
                            ctx.t(FundPageText.paid),
                        ],
                        rows: mm.lines.map { l in
                            [
                                .text(l.title), .text(Show.money(fen: l.planned)), .text(Show.money(fen: l.allocated)),
                                .text(Show.money(fen: l.paid)),
                            ]
                        })
                }
            }
            C.section(ctx.t(FundPageText.expenses)) {
                if mm.expenses.isEmpty {
                    C.empty(ctx.t(FundPageText.noExpenses))
                } else {
                    C.table(
                        caption: ctx.t(FundPageText.expenses),
                        headers: [
                            ctx.t(FundPageText.what), ctx.t(FundPageText.payee), ctx.t(FundPageText.pot),
                            ctx.t(FundPageText.amount), ctx.t(FundPageText.status),
                        ],
                        rows: mm.expenses.map { x in
                            [
                                H.link(x.title, Site.fundExpense(x.id)), .text(x.payee), .text(x.pot),
                                .text(Show.money(fen: x.fen)),
                                C.tag(ctx.t(FundText.status(x.status)), tone: tone(x.status)),
                            ]
                        })
                }
            }
            if m.mayBudget {
                C.section(ctx.t(FundPageText.budgetTitle)) {
                    Forms.form(
                        ctx, action: Site.projectBudget(m.project.id!),
                        [

                            Forms.field(
                                ctx, "title", label: ctx.t(FundPageText.lineTitle), value: form["title"] ?? "",
                                required: true, errors: errors, id: "b-title"),
                            Forms.field(
                                ctx, "planned", label: ctx.t(FundPageText.planned), value: form["planned"] ?? "",
                                required: true, errors: errors, attributes: [("inputmode", "decimal")], id: "b-planned"),
                            Forms.submit(ctx.t(FundPageText.save)),
                        ])
                }
            }
            if !m.pots.isEmpty {
                C.section(ctx.t(FundPageText.allocateTitle)) {
                    C.text(ctx.t(FundPageText.allocateHint), muted: true)
                    Forms.form(
                        ctx, action: Site.projectAllocations(m.project.id!),
                        [
                            Forms.select(
                                ctx, "pot", label: ctx.t(FundPageText.pot), options: m.pots, selected: form["pot"],
                                required: true, errors: errors, id: "a-pot"),
                            Forms.select(
                                ctx, "line", label: ctx.t(FundPageText.line),
                                options: mm.lines.map { ($0.line, $0.title) },
                                selected: form["line"], required: true, errors: errors, id: "a-line"),
                            Forms.field(
                                ctx, "yuan", label: ctx.t(FundPageText.yuan), value: form["yuan"] ?? "", required: true,
                                errors: errors, attributes: [("inputmode", "decimal")], id: "a-yuan"),
                            Forms.select(
                                ctx, "decision", label: ctx.t(FundPageText.decision),
                                options: FundDecision.allCases.map { ($0.rawValue, ctx.t(FundText.decisionName($0))) },
                                selected: form["decision"], required: true, errors: errors, id: "a-decision"),
                            Forms.select(
                                ctx, "meeting", label: ctx.t(FundPageText.meeting), options: m.meetings,
                                selected: form["meeting"], errors: errors, hint: ctx.t(FundPageText.meetingHint),
                                id: "a-meeting"),
                            Forms.select(
                                ctx, "vote", label: ctx.t(FundPageText.vote), options: m.votes, selected: form["vote"],
                                errors: errors, hint: ctx.t(FundPageText.voteHint), id: "a-vote"),
                            Forms.field(
                                ctx, "reference", label: ctx.t(FundPageText.reference), value: form["reference"] ?? "",
                                errors: errors, hint: ctx.t(FundPageText.referenceHint), id: "a-reference"),
                            Forms.submit(ctx.t(FundPageText.allocateButton)),
                        ])
                }
            }
            if !m.allocations.isEmpty {
                C.section(ctx.t(FundPageText.expenseTitle)) {
                    Forms.form(
                        ctx, action: Site.projectExpenses(m.project.id!), multipart: true,
                        [
                            Forms.select(
                                ctx, "allocation", label: ctx.t(FundPageText.allocation), options: m.allocations,
                                selected: form["allocation"], required: true, errors: errors, id: "x-allocation"),
                            Forms.field(
                                ctx, "title", label: ctx.t(FundPageText.what), value: form["x-title"] ?? "",
                                required: true, errors: errors, id: "x-title"),
                            Forms.field(
                                ctx, "payee", label: ctx.t(FundPageText.payee), value: form["payee"] ?? "",
                                required: true, errors: errors, id: "x-payee"),
                            H.el("fieldset", [("class", "stack")]) {
                                H.el("legend", text: ctx.t(FundPageText.items))
                                for i in 0..<3 {
                                    Forms.field(
                                        ctx, "item\(i)_text", label: ctx.t(FundPageText.itemText, String(i + 1)),
                                        value: form["item\(i)_text"] ?? "", errors: errors)
                                    Forms.field(
                                        ctx, "item\(i)_yuan", label: ctx.t(FundPageText.itemYuan, String(i + 1)),
                                        value: form["item\(i)_yuan"] ?? "", errors: errors,
                                        attributes: [("inputmode", "decimal")])
                                }
                            },
                            Forms.field(
                                ctx, "invoiceNo", label: ctx.t(FundPageText.invoiceNo), value: form["invoiceNo"] ?? "",
                                errors: errors, id: "x-invoiceNo"),
                            Forms.field(
                                ctx, "contract", label: ctx.t(FundPageText.contract), value: form["contract"] ?? "",
                                errors: errors, id: "x-contract"),
                            Forms.select(
                                ctx, "fileKind", label: ctx.t(FundPageText.fileKind),
                                options: ExpenseFile.Kind.allCases.map { ($0.rawValue, ctx.t(fileKind($0))) },
                                selected: form["fileKind"] ?? "invoice", errors: errors, includeBlank: false,
                                id: "x-fileKind"),
                            Forms.files(
                                ctx, "files", label: ctx.t(FundPageText.files),
                                accept: "image/jpeg,image/png,image/webp,application/pdf", errors: errors,
                                hint: ctx.t(FundPageText.filesHint)),
                            Forms.submit(ctx.t(FundPageText.submitExpense)),
                        ])
                }
            }
        }
    }

    static func fileKind(_ k: ExpenseFile.Kind) -> FundPageText {
        switch k {
        case .invoice: FundPageText.fInvoice
        case .receipt: FundPageText.fReceipt
        case .contract: FundPageText.fContract
        case .costReview: FundPageText.fCostReview
        case .before: FundPageText.fBefore
        case .after: FundPageText.fAfter
        }
    }

    // MARK: An expense

    struct ExpenseModel: Sendable {
        var expense: FundExpense
        var allocation: FundAllocation
        var pot: FundPot
        var project: Project
        var approvals: [(FundApproval, String)]
        var steps: [ApprovalPolicy.Step]
        var waiting: Int?
        var mayDecide: Bool
        var maySubmit: Bool
        var mayPay: Bool
        var showFiles: Bool
        var lineTitle: String
    }

    static func expense(
        _ ctx: PageContext, _ m: ExpenseModel, errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        let x = m.expense
        return PageView(title: x.title, status: status) {
            C.breadcrumbs(
                x.title,
                [
                    (m.project.title, Site.project(m.project.id!)),
                    (ctx.t(FundPageText.money), Site.projectMoney(m.project.id!)),
                    (x.title, Site.fundExpense(x.id!)),
                ])
            Forms.summary(ctx, errors)
            C.facts(
                [
                    (ctx.t(FundPageText.status), ctx.t(FundText.status(x.status))),
                    (ctx.t(FundPageText.payee), x.payee), (ctx.t(FundPageText.amount), Show.money(fen: x.fen)),
                    (ctx.t(FundPageText.pot), m.pot.name), (ctx.t(FundPageText.line), m.lineTitle),
                ] + (m.showFiles ? x.invoiceNo.map { [(ctx.t(FundPageText.invoiceNo), $0)] } ?? [] : [])
                    + (x.contract.map { [(ctx.t(FundPageText.contract), $0)] } ?? [])
                    + (x.comment.map { [(ctx.t(FundPageText.comment), $0)] } ?? []))
            C.table(
                caption: ctx.t(FundPageText.items), headers: [ctx.t(FundPageText.what), ctx.t(FundPageText.amount)],
                rows: x.items.map { [.text($0.text), .text(Show.money(fen: $0.fen))] }, stackOnPhone: false)
            if !x.files.isEmpty {
                C.section(ctx.t(FundPageText.files)) {
                    if m.showFiles {
                        C.list(
                            x.files.enumerated().map { i, f in
                                [H.link("\(ctx.t(fileKind(f.kind)))：\(f.name)", Site.fundExpenseFile(x.id!, i))]
                            })
                    } else {
                        C.text(ctx.t(FundPageText.filesPrivate, String(x.files.count)), muted: true)
                    }
                }
            }
            C.section(ctx.t(FundPageText.approvals)) {
                C.list(
                    m.steps.enumerated().map { i, s in
                        let done = m.approvals.filter { $0.0.step == i && $0.0.decision == .approve }.map(\.1)
                        let state =
                            done.count >= s.required
                            ? ctx.t(FundPageText.stepDone, done.joined(separator: "、"))
                            : (m.waiting == i
                                ? ctx.t(FundPageText.stepWaiting, String(s.required - done.count))
                                : ctx.t(FundPageText.stepLater))
                        return "\(s.name.isEmpty ? ctx.t(FundPageText.approval, String(i + 1)) : s.name)：\(state)"
                    })
                let others = m.approvals.filter { $0.0.decision != .approve }
                if !others.isEmpty {
                    C.timeline(
                        ctx.t(FundPageText.approvals),
                        others.map { (Show.dateTime($0.0.at), "\($0.1)：\($0.0.comment ?? "")") })
                }
            }
            if m.mayDecide {
                C.section(ctx.t(FundPageText.decide)) {
                    Forms.form(
                        ctx, action: Site.fundExpenseDecision(x.id!),
                        [
                            Forms.checkboxes(
                                ctx, "decision", legend: ctx.t(FundPageText.decision),
                                options: [
                                    ("approve", ctx.t(FundPageText.approve)),
                                    ("askForInfo", ctx.t(FundPageText.askForInfo)),
                                    ("reject", ctx.t(FundPageText.reject)),
                                ], checked: ["approve"], errors: errors, radio: true),
                            Forms.textArea(
                                ctx, "comment", label: ctx.t(FundPageText.comment), max: 500, rows: 2, errors: errors,
                                hint: ctx.t(FundPageText.commentHint)),
                            Forms.submit(ctx.t(FundPageText.decideButton)),
                        ])
                }
            }
            if m.maySubmit {
                Forms.button(
                    ctx, action: Site.fundExpenseSubmit(x.id!), label: ctx.t(FundPageText.submitAgain), secondary: false
                )
            }
            if m.mayPay {
                C.section(ctx.t(FundPageText.payTitle)) {
                    Forms.form(
                        ctx, action: Site.fundExpensePay(x.id!),
                        [
                            Forms.field(
                                ctx, "effective", label: ctx.t(FundPageText.paidOn), type: "date", errors: errors),
                            H.void(
                                "input", [("type", "hidden"), ("name", "idempotencyKey"), ("value", UUID().uuidString)]),
                            Forms.submit(ctx.t(FundPageText.payButton)),
                        ])
                }
            }
        }
    }

    // MARK: A statement

    static func statement(
        _ ctx: PageContext, _ s: FundStatementRow, pot: FundPot, projects: [UUID: String]
    ) -> PageView {
        // Dates with non-breaking hyphens: a title never breaks inside one.
        let nb = { (d: String) in d.replacingOccurrences(of: "-", with: "\u{2011}") }
        return PageView(title: ctx.t(FundText.statementTitle, pot.name, nb(s.periodFrom), nb(s.periodTo))) {
            C.breadcrumbs(
                pot.name,
                [(pot.name, Site.fundPot(pot.id!)), ("\(s.periodFrom) — \(s.periodTo)", Site.fundStatement(s.id!))])
            FundViews.statement(s, pot: pot, projects: projects, ctx)
            H.el("p", [("class", "actions")]) {
                if let n = s.noticeID { C.linkButton(ctx.t(FundPageText.noticeLink), Site.notice(n), primary: false) }
                if let n = s.noticeID { C.linkButton(ctx.t(FundPageText.poster), Site.noticePoster(n), primary: false) }
                C.linkButton(ctx.t(FundPageText.csv), Site.fundStatementCSV(s.id!), primary: false)
            }
        }
    }
}
