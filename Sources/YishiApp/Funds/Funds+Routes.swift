import Fluent
import SQLKit
import Vapor
import YishiCore

extension Site.Pattern {
    static let fundPotNew = "/funds/pots/new"
    static let fundReceipts = "/funds/pots/:potID/receipts"
    static let fundPledges = "/funds/pots/:potID/pledges"
    static let fundStatements = "/funds/pots/:potID/statements"
    static let fundReversals = "/funds/pots/:potID/reversals"
    static let fundRules = "/funds/pots/:potID/rules"
    static let fundRuleClose = "/funds/pots/:potID/rules/:ruleID/close"
    static let projectBudget = "/projects/:projectID/money/budget"
    static let projectAllocations = "/projects/:projectID/money/allocations"
    static let projectExpenses = "/projects/:projectID/money/expenses"
    static let fundExpenseDecision = "/funds/expenses/:expenseID/decision"
    static let fundExpenseSubmit = "/funds/expenses/:expenseID/submit"
    static let fundExpensePay = "/funds/expenses/:expenseID/pay"
    static let fundExpenseFile = "/funds/expenses/:expenseID/files/:n"
    static let fundStatementCSV = "/funds/statements/:statementID/csv"
}

extension Site {
    static func fundPotNew(node: UUID) -> String { "\(Pattern.fundPotNew)?node=\(node.uuidString)" }
    static func fundReceipts(_ id: UUID) -> String { fill(Pattern.fundReceipts, id.uuidString) }
    static func fundPledges(_ id: UUID) -> String { fill(Pattern.fundPledges, id.uuidString) }
    static func fundStatements(_ id: UUID) -> String { fill(Pattern.fundStatements, id.uuidString) }
    static func fundReversals(_ id: UUID) -> String { fill(Pattern.fundReversals, id.uuidString) }
    static func fundRules(_ id: UUID) -> String { fill(Pattern.fundRules, id.uuidString) }
    static func fundRuleClose(_ pot: UUID, _ rule: UUID) -> String {
        fill(Pattern.fundRules, pot.uuidString) + "/\(rule.uuidString)/close"
    }
    static func projectBudget(_ id: UUID) -> String { fill(Pattern.projectBudget, id.uuidString) }
    static func projectAllocations(_ id: UUID) -> String { fill(Pattern.projectAllocations, id.uuidString) }
    static func projectExpenses(_ id: UUID) -> String { fill(Pattern.projectExpenses, id.uuidString) }
    static func fundExpenseDecision(_ id: UUID) -> String { fill(Pattern.fundExpenseDecision, id.uuidString) }
    static func fundExpenseSubmit(_ id: UUID) -> String { fill(Pattern.fundExpenseSubmit, id.uuidString) }
    static func fundExpensePay(_ id: UUID) -> String { fill(Pattern.fundExpensePay, id.uuidString) }
    static func fundExpenseFile(_ id: UUID, _ n: Int) -> String {
        fill(Pattern.fundExpenseFile, id.uuidString).replacingOccurrences(of: ":n", with: String(n))
    }
    static func fundStatementCSV(_ id: UUID) -> String { fill(Pattern.fundStatementCSV, id.uuidString) }
    static func projectMoney(_ id: UUID, notice: String?) -> String { with(projectMoney(id), notice) }
}

/// The money pages' routes: thin — each reads the form, calls `Funds`, and answers with a redirect
/// and a notice, or the same page again with the errors (422).
struct FundRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.funds.pathComponents, use: list)
        routes.get(Site.Pattern.fundPotNew.pathComponents, use: newPotForm)
        routes.post(Site.Pattern.fundPotNew.pathComponents, use: newPot)
        routes.get(Site.Pattern.fundPot.pathComponents, use: pot)
        routes.post(Site.Pattern.fundReceipts.pathComponents, use: receive)
        routes.post(Site.Pattern.fundPledges.pathComponents, use: pledge)
        routes.post(Site.Pattern.fundStatements.pathComponents, use: statementNew)
        routes.post(Site.Pattern.fundReversals.pathComponents, use: reverse)
        routes.post(Site.Pattern.fundRules.pathComponents, use: addRule)
        routes.post(Site.Pattern.fundRuleClose.pathComponents, use: closeRule)
        routes.get(Site.Pattern.projectMoney.pathComponents, use: money)
        routes.post(Site.Pattern.projectBudget.pathComponents, use: budget)
        routes.post(Site.Pattern.projectAllocations.pathComponents, use: allocate)
        routes.on(
            .POST, Site.Pattern.projectExpenses.pathComponents,
            body: .collect(maxSize: ByteCount(value: Uploads.maxRequestBytes)), use: addExpense)
        routes.get(Site.Pattern.fundExpense.pathComponents, use: expense)
        routes.post(Site.Pattern.fundExpenseDecision.pathComponents, use: decide)
        routes.post(Site.Pattern.fundExpenseSubmit.pathComponents, use: submit)
        routes.post(Site.Pattern.fundExpensePay.pathComponents, use: pay)
        routes.get(Site.Pattern.fundExpenseFile.pathComponents, use: file)
        routes.get(Site.Pattern.fundStatement.pathComponents, use: statement)
        routes.get(Site.Pattern.fundStatementCSV.pathComponents, use: csv)
    }

    func id(_ req: Request, _ name: String) -> UUID? { req.parameters.get(name, as: UUID.self) }
    func one(_ req: Request, _ name: String) -> String { req.formItems.first { $0.name == name }?.value ?? "" }
    func form(_ req: Request) -> [String: String] {
        Dictionary(req.formItems.compactMap { i in i.value.map { (i.name, $0) } }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: Pots

    /// The place a list is for: asked for, else where the signed-in person records money, else the
    /// first district.
    func place(_ req: Request) async throws -> TerritoryNode {
        if let raw = try? req.query.get(String.self, at: "node"), let id = UUID(uuidString: raw) {
            return try await TerritoryQueries.node(id, on: req.db)
        }
        if let path = Policy.scopes(req.caller.actor, for: .fundRecord).compactMap({ $0 }).first {
            return try await TerritoryQueries.node(path.nodeId, on: req.db)
        }
        guard let d = try await TerritoryNode.query(on: req.db).filter(\.$level == .district).sort(\.$code).first()
        else { throw YishiError.notFound }
        return d
    }

    func list(req: Request) async throws -> Response {
        let node = try await place(req)
        var rows: [FundPages.PotRow] = []
        for p in try await Funds.pots(under: node, on: req.db) {
            rows.append(.init(pot: p, reserved: try await Funds.reserved(p.id!, on: req.db)))
        }
        return req.render(
            FundPages.list(
                req.pageContext, node: node, rows: rows,
                mayCreate: req.caller.allows(.fundManage, at: node.territoryPath)))
    }

    /// Passed resolutions of residents' meetings at or around a place (for a residents' pot).
    static func resolutions(_ node: TerritoryNode, on db: any Database) async throws -> [FundPages.Option] {
        let path = node.territoryPath
        let meetings = try await Meeting.query(on: db).join(
            TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id
        )
        .filter(TerritoryNode.self, \.$path >= path.encoded).filter(
            TerritoryNode.self, \.$path < path.subtreeUpperBound
        )
        .filter(\.$kind ~~ [.residentsAssembly, .representatives]).all()
        guard !meetings.isEmpty else { return [] }
        let titles = Dictionary(uniqueKeysWithValues: meetings.map { ($0.id!, $0.title) })
        return try await MeetingResolution.query(on: db).filter(\.$meeting.$id ~~ meetings.compactMap(\.id))
            .filter(\.$status == TallyStatus.passed.rawValue).all()
            .map { ($0.id!.uuidString, "\(titles[$0.$meeting.id] ?? "")：\($0.text)") }
    }

    func newPotForm(req: Request) async throws -> Response {
        let node = try await req.caller.node(try? req.query.get(UUID.self, at: "node"), for: .fundManage)
        return req.render(
            FundPages.newPot(
                req.pageContext, node: node, form: .init(), resolutions: try await Self.resolutions(node, on: req.db),
                errors: FormErrors()))
    }

    func newPot(req: Request) async throws -> Response {
        let node = try await req.caller.node(try? req.query.get(UUID.self, at: "node"), for: .fundManage)
        let f = form(req)
        let shows = Set(req.formValues("show"))
        var steps: [ApprovalPolicy.Step] = [.init(name: "", required: 1)]
        var errors: [String: String] = [:]
        if let t = f["step2"]?.trimmed, !t.isEmpty {
            if let fen = Yuan.fen(t), fen > 0 {
                steps.append(.init(name: "", required: 1, fromFen: fen))
            } else {
                errors["step2"] = FundText.amountInvalid.key
            }
        }
        do {
            if !errors.isEmpty { throw YishiError.invalid(errors) }
            let p = try await Funds.createPot(
                .init(
                    node: node.id, kind: f["kind"], name: f["name"], custodian: f["custodian"],
                    legalOwner: f["legalOwner"],
                    purposes: f["purposes"], resolution: f["resolution"].flatMap(UUID.init(uuidString:)),
                    authorised: f["authorised"], policy: ApprovalPolicy(steps: steps), schedule: f["schedule"],
                    showNames: shows.contains("names"), showInvoices: shows.contains("invoices")), by: req.caller)
            return req.redirect(to: Site.fundPot(p.id!, notice: FundPageText.potCreated.key))
        } catch YishiError.invalid(let fields) {
            var values = f
            values["show"] = shows.sorted().joined(separator: ",")
            return req.render(
                FundPages.newPot(
                    req.pageContext, node: node, form: .init(values: values),
                    resolutions: try await Self.resolutions(node, on: req.db),
                    errors: FormErrors(fields.merging(errors) { a, _ in a }),
                    status: .unprocessableEntity))
        }
    }

    static func potModel(_ id: UUID?, by caller: Caller) async throws -> FundPages.PotModel {
        let p = try await Funds.pot(id, on: caller.db)
        let path = p.node.territoryPath
        let mayRecord = caller.allows(.fundRecord, at: path)
        let db = caller.db
        let pledges = try await FundPledge.query(on: db).filter(\.$pot.$id == p.id!).sort(\.$createdAt).all()
        try await Funds.releaseLapsed(pledges, pot: p.id!, today: CalendarDay(caller.now), by: caller)
        let entries = try await Funds.entries(of: p.id!, before: "9999-12-31", limit: 50, on: db)
        let ids = entries.compactMap(\.id)
        let reversed = try await FundLedger.reversed(among: ids, on: db)
        let allocations = try await FundAllocation.query(on: db).join(
            Project.self, on: \FundAllocation.$project.$id == \Project.$id
        )
        .filter(\.$pot.$id == p.id!).sort(\.$createdAt).all()
        for a in allocations { a.$project.value = try a.joined(Project.self) }
        var rules: [(FundMatchingRule, matched: Int64, target: String, shares: [(String, Int64)])] = []
        // The rules it pays: its own, and those of other matchers it pays a share of.
        let sharedIn = try await FundMatchingShare.query(on: db).filter(\.$potID == p.id!).all().map(\.ruleID)
        let ruleQuery = FundMatchingRule.query(on: db).with(\.$target).sort(\.$createdAt)
        if sharedIn.isEmpty {
            ruleQuery.filter(\.$matcher.$id == p.id!)
        } else {
            ruleQuery.group(.or) {
                $0.filter(\.$matcher.$id == p.id!)
                $0.filter(\.$id ~~ sharedIn)
            }
        }
        for r in try await ruleQuery.all() {
            let payers = try await FundMatching.payers(r, on: db)
            let so = try await FundMatching.matched(
                rule: r.id!, payers: payers.map(\.pot), household: nil, project: nil, on: db)
            var shares: [(String, Int64)] = []
            if payers.count > 1 {
                let names = Dictionary(
                    try await FundPot.query(on: db).filter(\.$id ~~ payers.map(\.pot)).all().map { ($0.id!, $0.name) },
                    uniquingKeysWith: { a, _ in a })
                shares = payers.map { (names[$0.pot] ?? "", $0.weight) }
            }
            rules.append((r, so.total, r.target.name, shares))
        }
        var households: [FundPages.Option] = []
        if mayRecord && (p.kind == .residentContribution || p.kind == .maintenance) {
            let rows = try await (db as! any SQLDatabase).raw(
                """
                SELECT h.id, b.name AS building, u.number FROM households h JOIN units u ON u.id = h.unit_id
                JOIN territory_nodes b ON b.id = u.building_id
                WHERE b.path >= \(bind: path.encoded) AND b.path < \(bind: path.subtreeUpperBound)
                ORDER BY b.code, u.code LIMIT 500
                """
            ).all()
            households = try rows.map {
                (
                    try $0.decode(column: "id", as: UUID.self).uuidString,
                    "\(try $0.decode(column: "building", as: String.self)) \(try $0.decode(column: "number", as: String.self))"
                )
            }
        }
        let postings = try await FundLedger.postings(of: ids, on: db)
        // Names of the matchers of any match shown.
        let others = Set(
            entries.filter { $0.kind == .match }.flatMap { postings[$0.id!] ?? [] }.compactMap {
                LedgerAccount.potID($0.account)
            })
        let potNames =
            others.isEmpty
            ? [:]
            : Dictionary(
                try await FundPot.query(on: db).filter(\.$id ~~ Array(others)).all().map { ($0.id!, $0.name) },
                uniquingKeysWith: { a, _ in a })
        var targets: [FundPages.Option] = []
        var coMatchers: [FundPages.Option] = []
        if p.kind == .matching && caller.allows(.fundManage, at: path) {
            let others = try await Funds.pots(under: p.node, on: db).filter { $0.id != p.id && $0.status == .open }
            targets = others.map { ($0.id!.uuidString, $0.name) }
            coMatchers = others.filter { $0.kind.paysMatches }.map { ($0.id!.uuidString, $0.name) }
        }
        return .init(
            pot: p,
            reserved: allocations.filter { $0.status == .open }.reduce(Int64(0)) { $0 + $1.fen - $1.paidFen },
            entries: entries, postings: postings, reversed: reversed, pledges: pledges,
            allocations: allocations.map { ($0, $0.project.title) },
            statements: try await FundStatementRow.query(on: db).filter(\.$pot.$id == p.id!)
                .sort(\.$periodFrom, .descending).all(),
            rules: rules,
            raised: p.kind == .residentContribution ? try await Funds.raisedFromSources(p.id!, on: db) : nil,
            named: p.showNames || mayRecord, potNames: potNames, mayRecord: mayRecord,
            mayManage: caller.allows(.fundManage, at: path),
            households: households, targets: targets, coMatchers: coMatchers)
    }

    func pot(req: Request) async throws -> Response {
        req.render(FundPages.pot(req.pageContext, try await Self.potModel(id(req, "potID"), by: req.caller)))
    }

    /// Runs a pot's form; on bad input the pot's page again with the errors.
    /// The services' field names as the money forms name their fields (an amount is typed in yuan).
    static func pageErrors(_ fields: [String: String]) -> FormErrors {
        var named = fields
        if let amount = named.removeValue(forKey: "amount") { named["yuan"] = amount }
        if let co = named.removeValue(forKey: "coMatchers") { named["coMatcher"] = co }
        return FormErrors(named)
    }

    /// A form of the pot's page; on bad input the page again with its errors at that form (`prefix`:
    /// the ids of its fields).
    func onPot(
        _ req: Request, notice: FundPageText, prefix: String, _ body: (UUID?, [String: String]) async throws -> Void
    )
        async throws
        -> Response
    {
        let potID = id(req, "potID")
        let f = form(req)
        do {
            try await body(potID, f)
            return req.redirect(to: Site.fundPot(potID!, notice: notice.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                FundPages.pot(
                    req.pageContext, try await Self.potModel(potID, by: req.caller), form: f,
                    errors: Self.pageErrors(fields).prefixed(prefix),
                    status: .unprocessableEntity))
        }
    }

    func receive(req: Request) async throws -> Response {
        try await onPot(req, notice: FundPageText.receivedNotice, prefix: "r-") { potID, f in
            _ = try await Funds.receive(
                .init(
                    pot: potID, yuan: f["yuan"], effective: f["effective"], party: f["party"], from: f["from"],
                    household: f["household"].flatMap(UUID.init(uuidString:)), memo: f["memo"],
                    collectedBy: f["collectedBy"], receiptNo: f["receiptNo"], countedBy: f["countedBy"],
                    idempotencyKey: f["idempotencyKey"]), by: req.caller)
        }
    }

    func pledge(req: Request) async throws -> Response {
        try await onPot(req, notice: FundPageText.pledgedNotice, prefix: "p-") { potID, f in
            _ = try await Funds.pledge(
                .init(
                    pot: potID, party: f["party"], from: f["from"], yuan: f["yuan"], inKind: f["inKind"],
                    threshold: f["threshold"], deadline: f["deadline"]), by: req.caller)
        }
    }

    func statementNew(req: Request) async throws -> Response {
        let f = form(req)
        do {
            let s = try await Funds.makeStatement(
                .init(
                    pot: id(req, "potID"), from: f["from"], to: f["to"], reported: f["reported"],
                    explanation: f["explanation"]), by: req.caller)
            return req.redirect(to: Site.fundStatement(s.id!))
        } catch YishiError.invalid(let fields) {
            var values = f
            (values["periodFrom"], values["periodTo"]) = (f["from"], f["to"])
            return req.render(
                FundPages.pot(
                    req.pageContext, try await Self.potModel(id(req, "potID"), by: req.caller), form: values,
                    errors: Self.pageErrors(fields).prefixed("s-"), status: .unprocessableEntity))
        }
    }

    /// A whole number as typed (empty: nil; anything else not a number: -1, which the rules refuse).
    static func whole(_ s: String?) -> Int64? {
        guard let t = s?.trimmed, !t.isEmpty else { return nil }
        return Int64(t) ?? -1
    }

    /// A matcher pot's next rule.
    func addRule(req: Request) async throws -> Response {
        try await onPot(req, notice: FundPageText.ruleCreated, prefix: "m-") { potID, f in
            _ = try await FundMatching.create(
                .init(
                    matcher: potID, target: f["target"].flatMap(UUID.init(uuidString:)),
                    numerator: f["numerator"].flatMap { Int64($0.trimmed) },
                    denominator: f["denominator"].flatMap { Int64($0.trimmed) }, perHousehold: f["perHousehold"],
                    total: f["total"], threshold: f["threshold"], kinds: [FundParty.household.rawValue],
                    trigger: f["trigger"], validUntil: f["validUntil"], weight: Self.whole(f["weight"]),
                    coMatchers: (f["coMatcher"] ?? "").isEmpty
                        ? [] : [(f["coMatcher"].flatMap(UUID.init(uuidString:)), Self.whole(f["coWeight"]))]),
                by: req.caller)
        }
    }

    /// Closes one of a matcher pot's rules (matching its round's gifts when it matches at the close).
    func closeRule(req: Request) async throws -> Response {
        guard let potID = id(req, "potID"), let ruleID = id(req, "ruleID"),
            let r = try await FundMatchingRule.find(ruleID, on: req.db), r.$matcher.id == potID
        else { throw YishiError.notFound }
        _ = try await FundMatching.close(ruleID, by: req.caller)
        return req.redirect(to: Site.fundPot(potID, notice: FundPageText.roundClosed.key))
    }

    /// A correction of one of the pot's entries, with its reason.
    func reverse(req: Request) async throws -> Response {
        try await onPot(req, notice: FundPageText.reversedNotice, prefix: "c-") { potID, f in
            guard let eid = f["entry"].flatMap(UUID.init(uuidString:)),
                try await FundPosting.query(on: req.db).filter(\.$entryID == eid).filter(\.$potID == potID).first()
                    != nil
            else { throw Funds.invalid("entry", FundText.entryChoose) }
            _ = try await Funds.reverse(eid, reason: f["reason"], by: req.caller)
        }
    }
}
