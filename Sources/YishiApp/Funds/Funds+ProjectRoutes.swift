import Fluent
import SQLKit
import Vapor
import YishiCore

extension FundRoutes {
    // MARK: A project's money

    /// What a project's money page reads, the same for everyone: its money, its review, the pots
    /// that could pay for it, its held meetings and the closed votes on the maintenance fund in its
    /// place. Kept a few seconds (`ReadCache`, emptied by every change), read once however many ask.
    struct MoneyData: Sendable {
        var project: Project
        var money: Funds.ProjectMoney
        var satisfaction: Consultative.Satisfaction?
        var candidates: [FundPot]
        var meetings: [FundPages.Option]
        var votes: [FundPages.Option]
    }

    static let moneyCache = ReadCache<MoneyData>(lifetime: .seconds(5), capacity: 500)
    static let moneyReads = SingleFlight<MoneyData>()

    static func moneyData(_ id: UUID, on db: any Database, now: Date) async throws -> MoneyData {
        guard let project = try await Project.query(on: db).filter(\.$id == id).with(\.$node).first() else {
            throw YishiError.notFound
        }
        let money = try await Funds.projectMoney(id, on: db)
        let review = try await ProjectSurveys.state(project, now: now, on: db)
        let path = project.node.territoryPath
        // The pots at the project's place and above it, and the maintenance funds of its buildings.
        let above = try await FundPot.query(on: db)
            .join(TerritoryNode.self, on: \FundPot.$node.$id == \TerritoryNode.$id)
            .filter(\.$node.$id ~~ path.ids).all()
        let buildings = try await FundPot.query(on: db)
            .join(TerritoryNode.self, on: \FundPot.$node.$id == \TerritoryNode.$id)
            .filter(TerritoryNode.self, \.$path >= path.encoded)
            .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
            .filter(\.$kind == .maintenance).limit(200).all()
        for p in above + buildings { p.$node.value = try p.joined(TerritoryNode.self) }
        let meetings = try await Meeting.query(on: db).filter(\.$project.$id == id).sort(\.$startsAt).all()
            .filter(\.held).map { ($0.id!.uuidString, $0.title) }
        // Passed or not, every closed vote on using the maintenance fund in the project's place:
        // the allocation checks which may carry it.
        let votes = try await OwnersVote.query(on: db)
            .join(TerritoryNode.self, on: \OwnersVote.$node.$id == \TerritoryNode.$id)
            .filter(TerritoryNode.self, \.$path >= path.encoded)
            .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
            .filter(\.$matterNumber == OwnersMatter.useMaintenanceFund.rawValue)
            .filter(\.$status ~~ [.closed, .resultPublished]).all()
            .map { ($0.id!.uuidString, $0.title) }
        return MoneyData(
            project: project, money: money,
            satisfaction: review.flatMap { $0.satisfaction.count > 0 ? $0.satisfaction : nil },
            candidates: (above + buildings).sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) },
            meetings: meetings, votes: votes)
    }

    static func moneyModel(_ id: UUID?, by caller: Caller, _ ctx: PageContext) async throws -> FundPages.MoneyModel {
        guard let id else { throw YishiError.notFound }
        let key = "\(caller.readNamespace)|\(id)"
        let data: MoneyData
        if let kept = moneyCache.value(key) {
            data = kept
        } else {
            let (db, now) = (caller.db, caller.now)
            data = try await moneyReads.read(key) {
                let generation = moneyCache.generation
                let d = try await moneyData(id, on: db, now: now)
                moneyCache.keep(d, key, generation: generation)
                return d
            }
        }
        let (project, money) = (data.project, data.money)
        let path = project.node.territoryPath
        // The pots the caller manages that may pay for it (at or above its place; a building's fund
        // below it; a pot raised for one project only for that one).
        let pots: [FundPages.Option] = data.candidates.filter { p in
            p.status == .open && caller.allows(.fundManage, at: p.node.territoryPath)
                && (p.node.territoryPath.contains(path)
                    || (p.kind == .maintenance && path.contains(p.node.territoryPath)))
                && (p.projectID == nil || p.projectID == id)
        }.map { ($0.id!.uuidString, "\($0.name)（\(FundPages.kindName(ctx, $0.kind))）") }
        let (meetings, votes) = pots.isEmpty ? ([], []) : (data.meetings, data.votes)
        // The project's open allocations (already read, with their pots and places) the caller may charge.
        let open = money.allocations.filter {
            $0.status == .open && caller.allows(.fundRecord, at: $0.pot.node.territoryPath)
        }
        let lineTitles = Dictionary(money.lines.map { ($0.line, $0.title) }, uniquingKeysWith: { a, _ in a })
        return .init(
            project: project, money: money,
            satisfaction: data.satisfaction,
            mayBudget: caller.allows(.fundManage, at: path), pots: pots, meetings: meetings, votes: votes,
            allocations: open.map {
                (
                    $0.id!.uuidString,
                    "\($0.pot.name) · \(lineTitles[$0.line] ?? $0.line) · \(Show.money(fen: $0.fen - $0.approvedFen))"
                )
            })
    }

    func money(req: Request) async throws -> Response {
        req.render(
            FundPages.money(
                req.pageContext, try await Self.moneyModel(id(req, "projectID"), by: req.caller, req.pageContext)))
    }

    func onMoney(
        _ req: Request, notice: FundPageText, prefix: String, _ body: (UUID, [String: String]) async throws -> Void
    )
        async throws
        -> Response
    {
        guard let pid = id(req, "projectID") else { throw YishiError.notFound }
        let f = form(req)
        do {
            try await body(pid, f)
            return req.redirect(to: Site.projectMoney(pid, notice: notice.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                FundPages.money(
                    req.pageContext, try await Self.moneyModel(pid, by: req.caller, req.pageContext), form: f,
                    errors: FundRoutes.pageErrors(fields).prefixed(prefix),
                    status: .unprocessableEntity))
        }
    }

    func budget(req: Request) async throws -> Response {
        try await onMoney(req, notice: FundPageText.budgetSaved, prefix: "b-") { pid, f in
            // The line's name is its key on the page (the API may give a short code).
            _ = try await Funds.setBudgetLine(
                project: pid, line: (f["line"] ?? "").trimmed.isEmpty ? f["title"] : f["line"], title: f["title"],
                planned: f["planned"], by: req.caller)
        }
    }

    func allocate(req: Request) async throws -> Response {
        try await onMoney(req, notice: FundPageText.allocatedNotice, prefix: "a-") { pid, f in
            _ = try await Funds.allocate(
                .init(
                    pot: f["pot"].flatMap(UUID.init(uuidString:)), project: pid, line: f["line"], yuan: f["yuan"],
                    decision: f["decision"], meeting: f["meeting"].flatMap(UUID.init(uuidString:)),
                    vote: f["vote"].flatMap(UUID.init(uuidString:)), reference: f["reference"]), by: req.caller)
        }
    }

    func addExpense(req: Request) async throws -> Response {
        guard let pid = id(req, "projectID") else { throw YishiError.notFound }
        let m = req.multipartForm
        func field(_ n: String) -> String { m?.field(n) ?? "" }
        let kind = field("fileKind")
        let files = Uploads.parts(m, "files").map {
            (kind: kind.isEmpty ? "invoice" : kind, name: $0.name, data: $0.data)
        }
        do {
            let x = try await Funds.addExpense(
                .init(
                    allocation: UUID(uuidString: field("allocation")), title: field("title"), payee: field("payee"),
                    items: (0..<3).map { (field("item\($0)_text"), field("item\($0)_yuan")) },
                    invoiceNo: field("invoiceNo"), contract: field("contract"), files: files), by: req.caller)
            return req.redirect(to: Site.fundExpense(x.id!, notice: FundPageText.expenseSubmitted.key))
        } catch YishiError.invalid(let fields) {
            var values: [String: String] = [:]
            for n in ["allocation", "payee", "invoiceNo", "contract", "fileKind"] { values[n] = field(n) }
            values["x-title"] = field("title")
            for i in 0..<3 {
                (values["item\(i)_text"], values["item\(i)_yuan"]) = (field("item\(i)_text"), field("item\(i)_yuan"))
            }
            return req.render(
                FundPages.money(
                    req.pageContext, try await Self.moneyModel(pid, by: req.caller, req.pageContext), form: values,
                    errors: FundRoutes.pageErrors(fields).prefixed("x-"), status: .unprocessableEntity))
        }
    }

    // MARK: An expense

    static func expenseModel(_ id: UUID?, by caller: Caller) async throws -> FundPages.ExpenseModel {
        guard let id, let x = try await FundExpense.find(id, on: caller.db),
            let a = try await FundAllocation.query(on: caller.db).filter(\.$id == x.$allocation.id).with(\.$project)
                .first()
        else { throw YishiError.notFound }
        let pot = try await Funds.pot(a.$pot.id, on: caller.db)
        let path = pot.node.territoryPath
        let approvals = try await FundApproval.query(on: caller.db).filter(\.$expense.$id == id).sort(\.$at).all()
        let users = Dictionary(
            try await User.query(on: caller.db).filter(\.$id ~~ approvals.map(\.userID)).all().map {
                ($0.id!, $0.displayName)
            },
            uniquingKeysWith: { a, _ in a })
        let given = approvals.filter { $0.decision == .approve }.map {
            ExpenseApproval.Given(step: $0.step, by: $0.userID)
        }
        let me = caller.actor?.userId
        let mine = me != nil && (x.submittedByID == me || x.createdByID == me)
        // A draft is its recorders' until it is submitted.
        if x.status == .draft && !caller.allows(.fundRecord, at: path) { throw YishiError.notFound }
        return .init(
            expense: x, allocation: a, pot: pot, project: a.project,
            approvals: approvals.map { ($0, users[$0.userID] ?? "—") }, steps: pot.policy.steps(for: x.fen),
            waiting: x.status == .submitted ? ExpenseApproval.current(pot.policy, fen: x.fen, given: given) : nil,
            mayDecide: x.status == .submitted && !mine && caller.allows(.fundApprove, at: path),
            maySubmit: [.draft, .needsInfo].contains(x.status) && caller.allows(.fundRecord, at: path),
            mayPay: x.status == .approved && caller.allows(.fundManage, at: path),
            showFiles: pot.showInvoices || caller.allows(.fundRecord, at: path),
            lineTitle: try await FundBudgetLine.query(on: caller.db).filter(\.$project.$id == a.$project.id)
                .filter(\.$line == a.line).first()?.title ?? a.line)
    }

    func expense(req: Request) async throws -> Response {
        req.render(
            FundPages.expense(req.pageContext, try await Self.expenseModel(id(req, "expenseID"), by: req.caller)))
    }

    func onExpense(_ req: Request, notice: FundPageText, _ body: (UUID?) async throws -> Void) async throws -> Response
    {
        let xid = id(req, "expenseID")
        do {
            try await body(xid)
            return req.redirect(to: Site.fundExpense(xid!, notice: notice.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                FundPages.expense(
                    req.pageContext, try await Self.expenseModel(xid, by: req.caller), errors: FormErrors(fields),
                    status: .unprocessableEntity))
        }
    }

    func decide(req: Request) async throws -> Response {
        try await onExpense(req, notice: FundPageText.decided) { xid in
            _ = try await Funds.decideExpense(
                xid, decision: one(req, "decision"), comment: one(req, "comment"), by: req.caller)
        }
    }

    func submit(req: Request) async throws -> Response {
        try await onExpense(req, notice: FundPageText.expenseSubmitted) {
            try await Funds.submitExpense($0, by: req.caller)
        }
    }

    func pay(req: Request) async throws -> Response {
        try await onExpense(req, notice: FundPageText.paidNotice) { xid in
            _ = try await Funds.payExpense(
                xid, effective: one(req, "effective"), idempotencyKey: one(req, "idempotencyKey"), by: req.caller)
        }
    }

    /// An expense's file: to those who record money at the pot, or to everyone where the pot shows
    /// invoices.
    func file(req: Request) async throws -> Response {
        let m = try await Self.expenseModel(id(req, "expenseID"), by: req.caller)
        guard m.showFiles else { throw YishiError.denied(req.caller.actor == nil ? .notSignedIn : .roleLacksAction) }
        guard let n = req.parameters.get("n", as: Int.self), m.expense.files.indices.contains(n),
            let a = try await Attachment.find(m.expense.files[n].attachment, on: req.db)
        else { throw YishiError.notFound }
        return Uploads.response(a)
    }

    // MARK: A statement

    func statement(req: Request) async throws -> Response {
        guard let sid = id(req, "statementID"), let s = try await FundStatementRow.find(sid, on: req.db) else {
            throw YishiError.notFound
        }
        let pot = try await Funds.pot(s.$pot.id, on: req.db)
        var projects: [UUID: String] = [:]
        if let f = s.figures { projects = try await FundViews.projectTitles(f, on: req.db) }
        return req.render(FundPages.statement(req.pageContext, s, pot: pot, projects: projects))
    }

    /// A statement as a spreadsheet: the figures, then each group (no personal data).
    func csv(req: Request) async throws -> Response {
        guard let sid = id(req, "statementID"), let s = try await FundStatementRow.find(sid, on: req.db),
            let f = s.figures
        else { throw YishiError.notFound }
        let pot = try await Funds.pot(s.$pot.id, on: req.db)
        let ctx = req.pageContext
        let projects = try await FundViews.projectTitles(f, on: req.db)
        var rows: [[String]] = [
            [ctx.t(FundPageText.pot), pot.name, ""], [ctx.t(FundPageText.period), s.periodFrom, s.periodTo],
            [ctx.t(FundPageText.opening), "", Yuan.text(f.opening)],
            [ctx.t(FundPageText.income), "", Yuan.text(f.income)],
            [ctx.t(FundPageText.spending), "", Yuan.text(f.spending)],
            [ctx.t(FundPageText.closing), "", Yuan.text(f.closing)],
        ]
        if let r = f.reported { rows.append([ctx.t(FundPageText.reported), "", Yuan.text(r)]) }
        for t in f.bySource {
            rows.append([
                ctx.t(FundPageText.source), FundViews.counterpart(t.key, projects: projects, ctx), Yuan.text(t.fen),
            ])
        }
        for t in f.byUse {
            rows.append([
                ctx.t(FundPageText.use), FundViews.counterpart(t.key, projects: projects, ctx), Yuan.text(t.fen),
            ])
        }
        rows.append([ctx.t(FundPageText.checkCode), s.hash, ""])
        let out = rows
        return CSVExport.response(
            name: "statement-\(s.periodFrom)-\(s.periodTo)",
            header: [ctx.t(FundPageText.item), ctx.t(FundPageText.detail), ctx.t(FundPageText.yuanColumn)]
        ) { emit in for r in out { try await emit(r) } }
    }
}
