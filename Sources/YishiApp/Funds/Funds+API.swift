import Fluent
import Vapor
import YishiCore

/// Money in the open under /api/v1 (described in `Funds+OpenAPI.swift`). Reading pots, statements,
/// a project's money and the statistics needs no account; the ledger's entries name givers only
/// for those who record money at the pot, or where the pot allows.
struct FundsAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("funds", "pots", use: pots)
        api.post("funds", "pots", use: createPot)
        api.get("funds", "pots", ":potID", use: pot)
        api.post("funds", "pots", ":potID", "close", use: closePot)
        api.get("funds", "pots", ":potID", "entries", use: entries)
        api.post("funds", "pots", ":potID", "receipts", use: receive)
        api.post("funds", "pots", ":potID", "pledges", use: pledge)
        api.post("funds", "pots", ":potID", "matching-rules", use: matchingRule)
        api.post("funds", "matching-rules", ":ruleID", "close", use: closeRound)
        api.post("funds", "entries", ":entryID", "reverse", use: reverse)
        api.put("funds", "projects", ":projectID", "budget-lines", ":line", use: budgetLine)
        api.post("funds", "allocations", use: allocate)
        api.post("funds", "allocations", ":allocationID", "close", use: closeAllocation)
        api.on(
            .POST, "funds", "expenses", body: .collect(maxSize: ByteCount(value: 2 * Uploads.maxRequestBytes)),
            use: addExpense)
        api.post("funds", "expenses", ":expenseID", "submit", use: submit)
        api.post("funds", "expenses", ":expenseID", "decision", use: decide)
        api.post("funds", "expenses", ":expenseID", "pay", use: pay)
        api.post("funds", "statements", use: makeStatement)
        api.get("funds", "statements", ":statementID", use: statement)
        api.get("funds", "projects", ":projectID", use: projectMoney)
        api.get("funds", "statistics", ":node", use: statistics)
    }

    func uuid(_ req: Request, _ name: String) -> UUID? { req.parameters.get(name, as: UUID.self) }

    static func created<T: Content>(_ value: T) throws -> Response {
        let res = Response(status: .created)
        try res.content.encode(value)
        return res
    }

    static func out(_ p: FundPot, code: String, reserved: Int64) -> DTO.FundPotOut {
        .init(
            id: p.id!, node: code, kind: p.kind.rawValue, name: p.name, custodian: p.custodian,
            legalOwner: p.legalOwner,
            purposes: p.purposes, status: p.status.rawValue, balanceFen: p.balance, reservedFen: reserved,
            availableFen: Availability.available(balance: p.balance, openAllocations: reserved, approvedUnpaid: 0),
            schedule: p.schedule.rawValue, project: p.projectID, authorisedFen: p.authorisedFen)
    }

    func pots(req: Request) async throws -> [DTO.FundPotOut] {
        guard let code = try? req.query.get(String.self, at: "node"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first()
        else { throw YishiError.invalid(["node": FieldText.unknownNode.key]) }
        var out: [DTO.FundPotOut] = []
        for p in try await Funds.pots(under: node, on: req.db) {
            out.append(Self.out(p, code: p.node.code, reserved: try await Funds.reserved(p.id!, on: req.db)))
        }
        return out
    }

    func createPot(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.FundPotIn.self)
        let node = try await PlannersAPI.node(i.node, "node", req)
        var policy: ApprovalPolicy? = nil
        if let steps = i.approvalSteps {
            policy = ApprovalPolicy(
                steps: try steps.map {
                    guard let from = Yuan.fen($0.fromYuan ?? "0") else {
                        throw YishiError.invalid(["policy": FundText.policyInvalid.key])
                    }
                    return .init(name: String(($0.name ?? "").prefix(30)), required: $0.required ?? 1, fromFen: from)
                })
        }
        let p = try await Funds.createPot(
            .init(
                node: node, kind: i.kind, name: i.name, custodian: i.custodian, legalOwner: i.legalOwner,
                purposes: i.purposes, resolution: i.resolution, authorised: i.authorised, policy: policy,
                schedule: i.schedule, fiscalYearStart: i.fiscalYearStart, showNames: i.showNames ?? false,
                showInvoices: i.showInvoices ?? false), by: req.caller)
        return try Self.created(Self.out(p, code: i.node ?? "", reserved: 0))
    }

    func pot(req: Request) async throws -> DTO.FundPotOut {
        let p = try await Funds.pot(uuid(req, "potID"), on: req.db)
        return Self.out(p, code: p.node.code, reserved: try await Funds.reserved(p.id!, on: req.db))
    }

    func closePot(req: Request) async throws -> HTTPStatus {
        _ = try await Funds.closePot(uuid(req, "potID"), by: req.caller)
        return .noContent
    }

    static func entryOut(_ e: FundEntry, postings: [Posting], named: Bool) -> DTO.FundEntryOut {
        .init(
            id: e.id!, kind: e.kind.rawValue, effective: e.effective, recordedAt: e.recordedAt, memo: e.memo,
            from: named || e.party != .household ? e.onBehalf : nil, receiptNo: named ? e.receiptNo : nil,
            reverses: e.reversesID,
            postings: postings.map {
                // A household's account names its home: shown only where names are.
                .init(
                    account: named || !$0.account.hasPrefix("source:household:") ? $0.account : "source:household",
                    fen: $0.fen)
            })
    }

    /// A pot's entries, latest day first (at most 500; `before` a day for the next page).
    func entries(req: Request) async throws -> [DTO.FundEntryOut] {
        let p = try await Funds.pot(uuid(req, "potID"), on: req.db)
        let named = p.showNames || req.caller.allows(.fundRecord, at: p.node.territoryPath)
        let limit = min(max((try? req.query.get(Int.self, at: "limit")) ?? 100, 1), 500)
        let before =
            (try? req.query.get(String.self, at: "before")).flatMap(CalendarDay.init)?.description ?? "9999-12-31"
        let rows = try await Funds.entries(of: p.id!, before: before, limit: limit, on: req.db)
        let postings = try await FundLedger.postings(of: rows.compactMap(\.id), on: req.db)
        return rows.map { Self.entryOut($0, postings: postings[$0.id!] ?? [], named: named) }
    }

    func entry(_ id: UUID, _ req: Request) async throws -> Response {
        guard let e = try await FundEntry.find(id, on: req.db) else { throw YishiError.notFound }
        let postings = try await FundLedger.postings(of: [id], on: req.db)
        return try Self.created(Self.entryOut(e, postings: postings[id] ?? [], named: true))
    }

    func receive(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.FundReceiptIn.self)
        let id = try await Funds.receive(
            .init(
                pot: uuid(req, "potID"), yuan: i.yuan, effective: i.effective, party: i.party, from: i.from,
                household: i.household, pledge: i.pledge, memo: i.memo, collectedBy: i.collectedBy,
                receiptNo: i.receiptNo, countedBy: i.countedBy,
                idempotencyKey: i.idempotencyKey ?? req.headers.first(name: "Idempotency-Key")), by: req.caller)
        return try await entry(id, req)
    }

    static func pledgeOut(_ p: FundPledge) -> DTO.FundPledgeOut {
        .init(
            id: p.id!, pot: p.$pot.id, party: p.partyKind.rawValue, from: p.partyName, fen: p.fen, inKind: p.inKind,
            thresholdFen: p.thresholdFen, deadline: p.deadline, status: p.status.rawValue, receivedFen: p.receivedFen)
    }

    func pledge(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.FundPledgeIn.self)
        let p = try await Funds.pledge(
            .init(
                pot: uuid(req, "potID"), party: i.party, from: i.from, household: i.household, yuan: i.yuan,
                inKind: i.inKind, threshold: i.threshold, deadline: i.deadline), by: req.caller)
        return try Self.created(Self.pledgeOut(p))
    }

    func matchingRule(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.MatchingRuleIn.self)
        let r = try await FundMatching.create(
            .init(
                matcher: uuid(req, "potID"), target: i.target, numerator: i.numerator, denominator: i.denominator,
                perContribution: i.perContribution, perHousehold: i.perHousehold, perProject: i.perProject,
                total: i.total, threshold: i.threshold, kinds: i.kinds,
                subtree: try await PlannersAPI.node(i.subtree, "subtree", req),
                oncePerHousehold: i.oncePerHousehold ?? false, trigger: i.trigger, validFrom: i.validFrom,
                validUntil: i.validUntil, weight: i.weight, coMatchers: (i.coMatchers ?? []).map { ($0.pot, $0.weight) }
            ),
            by: req.caller)
        let rule = r.rule
        let payers = try await FundMatching.payers(r, on: req.db)
        return try Self.created(
            DTO.MatchingRuleOut(
                id: r.id!, matcher: r.$matcher.id, target: r.$target.id, version: r.version,
                numerator: rule?.numerator ?? 0, denominator: rule?.denominator ?? 1, totalFen: rule?.total,
                perHouseholdFen: rule?.perHousehold, thresholdFen: rule?.threshold, matchedFen: 0,
                trigger: r.trigger.rawValue, status: r.status.rawValue,
                shares: payers.map { .init(pot: $0.pot, weight: $0.weight) }))
    }

    func closeRound(req: Request) async throws -> DTO.RoundClosedOut {
        .init(matchedFen: try await FundMatching.close(uuid(req, "ruleID"), by: req.caller))
    }

    func reverse(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.ReasonText.self)
        let id = try await Funds.reverse(uuid(req, "entryID"), reason: i.reason, by: req.caller)
        return try await entry(id, req)
    }

    func budgetLine(req: Request) async throws -> DTO.BudgetLineOut {
        let i = try req.content.decode(DTO.BudgetLineIn.self)
        let l = try await Funds.setBudgetLine(
            project: uuid(req, "projectID"), line: req.parameters.get("line"), title: i.title, planned: i.planned,
            by: req.caller)
        return .init(line: l.line, title: l.title, plannedFen: l.plannedFen)
    }

    static func allocationOut(_ a: FundAllocation) -> DTO.AllocationOut {
        .init(
            id: a.id!, pot: a.$pot.id, project: a.$project.id, line: a.line, fen: a.fen, decision: a.decision.rawValue,
            reference: a.decisionRef, status: a.status.rawValue, approvedFen: a.approvedFen, paidFen: a.paidFen)
    }

    func allocate(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.AllocationIn.self)
        let a = try await Funds.allocate(
            .init(
                pot: i.pot, project: i.project, line: i.line, yuan: i.yuan, decision: i.decision, meeting: i.meeting,
                vote: i.vote, reference: i.reference), by: req.caller)
        return try Self.created(Self.allocationOut(a))
    }

    func closeAllocation(req: Request) async throws -> HTTPStatus {
        try await Funds.closeAllocation(uuid(req, "allocationID"), by: req.caller)
        return .noContent
    }

    static func expenseOut(_ x: FundExpense) -> DTO.ExpenseOut {
        .init(
            id: x.id!, allocation: x.$allocation.id, title: x.title, payee: x.payee, fen: x.fen,
            items: x.items.map { .init(text: $0.text, fen: $0.fen) }, status: x.status.rawValue, comment: x.comment,
            files: x.files.count, paidEntry: x.paidEntryID)
    }

    func addExpense(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.ExpenseIn.self)
        var files: [(kind: String, name: String, data: Data)] = []
        for f in i.files ?? [] {
            guard let d = Data(base64Encoded: f.data ?? "") else {
                throw YishiError.invalid(["files": FundText.fileRefused.key])
            }
            files.append((f.kind ?? "", f.name ?? "", d))
        }
        let x = try await Funds.addExpense(
            .init(
                allocation: i.allocation, title: i.title, payee: i.payee,
                items: (i.items ?? []).map { ($0.text ?? "", $0.yuan ?? "") }, invoiceNo: i.invoiceNo,
                contract: i.contract, files: files, submit: i.submit ?? true), by: req.caller)
        return try Self.created(Self.expenseOut(x))
    }

    func submit(req: Request) async throws -> HTTPStatus {
        try await Funds.submitExpense(uuid(req, "expenseID"), by: req.caller)
        return .noContent
    }

    func decide(req: Request) async throws -> DTO.ExpenseOut {
        let i = try req.content.decode(DTO.ExpenseDecisionIn.self)
        return Self.expenseOut(
            try await Funds.decideExpense(
                uuid(req, "expenseID"), decision: i.decision, comment: i.comment, by: req.caller))
    }

    func pay(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.PaymentIn.self)
        let id = try await Funds.payExpense(
            uuid(req, "expenseID"), effective: i.effective,
            idempotencyKey: i.idempotencyKey ?? req.headers.first(name: "Idempotency-Key"), by: req.caller)
        return try await entry(id, req)
    }

    static func statementOut(_ s: FundStatementRow) -> DTO.StatementOut? {
        guard let f = s.figures else { return nil }
        return .init(
            id: s.id!, pot: s.$pot.id, from: s.periodFrom, to: s.periodTo, openingFen: f.opening, incomeFen: f.income,
            spendingFen: f.spending, closingFen: f.closing, entries: f.entries,
            openAllocationsFen: s.openAllocationsFen, openPledgesFen: s.openPledgesFen, reportedFen: f.reported,
            differenceFen: f.difference, explanation: s.explanation,
            bySource: f.bySource.map { .init(key: $0.key, fen: $0.fen) },
            byUse: f.byUse.map { .init(key: $0.key, fen: $0.fen) }, hash: s.hash, notice: s.noticeID)
    }

    func makeStatement(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.StatementIn.self)
        let s = try await Funds.makeStatement(
            .init(
                pot: i.pot, from: i.from, to: i.to, reported: i.reported, explanation: i.explanation,
                publish: i.publish ?? true), by: req.caller)
        guard let out = Self.statementOut(s) else { throw YishiError.notFound }
        return try Self.created(out)
    }

    func statement(req: Request) async throws -> DTO.StatementOut {
        guard let id = uuid(req, "statementID"), let s = try await FundStatementRow.find(id, on: req.db),
            let out = Self.statementOut(s)
        else { throw YishiError.notFound }
        return out
    }

    func projectMoney(req: Request) async throws -> DTO.ProjectMoneyOut {
        guard let id = uuid(req, "projectID"), let project = try await Project.find(id, on: req.db) else {
            throw YishiError.notFound
        }
        let m = try await Funds.projectMoney(id, on: req.db)
        let review = try await ProjectSurveys.state(project, now: req.caller.now, on: req.db)
        return .init(
            project: id, plannedFen: m.planned, pledgedFen: m.pledged, receivedFen: m.received,
            allocatedFen: m.allocated, spentFen: m.spent,
            sources: m.sources.map {
                .init(pot: $0.pot, name: $0.name, kind: $0.kind.rawValue, allocatedFen: $0.allocated, paidFen: $0.paid)
            },
            lines: m.lines.map {
                .init(
                    line: $0.line, title: $0.title, plannedFen: $0.planned, allocatedFen: $0.allocated, paidFen: $0.paid
                )
            },
            expenses: m.expenses.map {
                .init(
                    id: $0.id, title: $0.title, payee: $0.payee, line: $0.line, pot: $0.pot, fen: $0.fen,
                    status: $0.status.rawValue)
            },
            inKind: m.inKind.map { .init(from: $0.party, what: $0.what, fen: $0.fen) },
            satisfaction: review.flatMap {
                $0.satisfaction.count > 0 ? .init(responses: $0.satisfaction.count, mean: $0.satisfaction.mean) : nil
            })
    }

    func statistics(req: Request) async throws -> DTO.FundStatisticsOut {
        guard let code = req.parameters.get("node"),
            let node = try await TerritoryNode.query(on: req.db).filter(\.$code == code).first()
        else { throw YishiError.notFound }
        let year = (try? req.query.get(Int.self, at: "year")) ?? CalendarDay(req.caller.now).year
        guard (2000...2100).contains(year) else { throw YishiError.invalid(["year": FundText.periodInvalid.key]) }
        let s = try await Funds.statistics(under: node, year: year, on: req.db)
        return .init(
            node: code, year: year, receivedFen: s.total, spentFen: s.spent,
            residentsAndPartnersFen: s.residentsAndPartners, residentsAndPartnersPerMille: s.sharePerMille,
            byParty: Dictionary(uniqueKeysWithValues: s.byParty.map { ($0.key.rawValue, $0.value) }),
            byPotKind: Dictionary(uniqueKeysWithValues: s.byKind.map { ($0.key.rawValue, $0.value) }))
    }
}
