import Fluent
import SQLKit
import Vapor
import YishiCore

extension Funds {
    // MARK: Expenses

    struct NewExpense: Sendable {
        var allocation: UUID?
        var title: String?
        var payee: String?
        /// Items as entered: what, and yuan.
        var items: [(text: String, yuan: String)] = []
        var invoiceNo: String?
        var contract: String?
        var files: [(kind: String, name: String, data: Data)] = []
        /// Submit at once (else it stays a draft).
        var submit = true
    }

    /// The allocation an expense is charged to, with its pot, for `action` at the pot.
    static func allocation(_ id: UUID?, for action: Action, by caller: Caller) async throws -> (
        FundAllocation, FundPot
    ) {
        guard let id, let a = try await FundAllocation.find(id, on: caller.db) else { throw YishiError.notFound }
        let pot = try await pot(a.$pot.id, on: caller.db)
        guard caller.allows(action, at: pot.node.territoryPath) else {
            try caller.authorize(action, at: pot.node.territoryPath)
            throw YishiError.notFound
        }
        return (a, pot)
    }

    /// An expense with its items (the amount is their sum), payee, invoice number and files
    /// (invoices, receipts, the contract, the cost review, photos before and after; photos and
    /// PDFs only, each checked by content).
    static func addExpense(_ n: NewExpense, by caller: Caller) async throws -> FundExpense {
        let (alloc, pot) = try await allocation(n.allocation, for: .fundRecord, by: caller)
        var fields: [String: String] = [:]
        if alloc.status != .open { fields["allocation"] = FundText.allocationClosed.key }
        let title = FieldRules.text(n.title ?? "", max: 100)
        if title.problem != nil { fields["title"] = FundText.titleNeeded.key }
        let payee = FieldRules.text(n.payee ?? "", max: 60)
        if payee.problem != nil { fields["payee"] = FundText.payeeNeeded.key }
        var items: [ExpenseItem] = []
        for (i, it) in n.items.enumerated() where !(it.text.trimmed.isEmpty && it.yuan.trimmed.isEmpty) {
            let f = Yuan.fen(it.yuan)
            if it.text.trimmed.isEmpty || it.text.count > 100 || (f ?? 0) <= 0 {
                fields["items"] = FundText.itemInvalid.key
                fields["item\(i)"] = FundText.itemInvalid.key
            } else {
                items.append(ExpenseItem(text: it.text.trimmed, fen: f!))
            }
        }
        if items.isEmpty || items.count > 30 { fields["items"] = FundText.itemInvalid.key }
        let total = items.reduce(Int64(0)) { $0 + $1.fen }
        if total > JournalEntry.maxFen { fields["items"] = FundText.amountInvalid.key }
        var files: [(ExpenseFile.Kind, Uploads.File)] = []
        let kinds = n.files.map { ExpenseFile.Kind(rawValue: $0.kind) }
        if kinds.contains(nil) { fields["files"] = FundText.fileKindInvalid.key }
        switch Uploads.check(n.files.map { ($0.name, $0.data) }, accept: .documents, max: 10) {
        case .success(let checked):
            // The check drops empty parts: pair the kinds with the files that were given.
            let given = zip(kinds, n.files).filter { !$0.1.data.isEmpty }.map(\.0)
            files = zip(given, checked).compactMap { k, f in k.map { ($0, f) } }
        case .failure:
            fields["files"] = FundText.fileRefused.key
        }
        guard fields.isEmpty, case .success(let t) = title, case .success(let p) = payee else {
            throw YishiError.invalid(fields)
        }
        let row = FundExpense()
        row.$allocation.id = alloc.id!
        row.title = t
        row.payee = p
        row.itemsJSON = String(decoding: try JSONEncoder().encode(items), as: UTF8.self)
        row.fen = total
        row.invoiceNo = n.invoiceNo?.trimmed.isEmpty == false ? String(n.invoiceNo!.trimmed.prefix(40)) : nil
        row.contract = n.contract?.trimmed.isEmpty == false ? String(n.contract!.trimmed.prefix(100)) : nil
        row.status = n.submit ? .submitted : .draft
        row.createdByID = caller.actor?.userId
        row.submittedByID = n.submit ? caller.actor?.userId : nil
        row.submittedAt = n.submit ? caller.now : nil
        let (user, toStore) = (caller.actor?.userId, files)
        try await caller.audited { tx in
            let files = toStore
            let ids = try await Uploads.store(files.map(\.1), by: user, on: tx)
            let stored = zip(files, ids).map { ExpenseFile(kind: $0.0.0, attachment: $0.1, name: $0.0.1.name) }
            row.filesJSON = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
            try await row.create(on: tx)
            return (
                (),
                AuditEvent(
                    action: .fundExpense, targetType: "fundExpense", targetID: row.id!.uuidString,
                    nodeID: pot.$node.id,
                    details: ["title": t, "payee": p, "yuan": Yuan.text(total), "status": row.status.rawValue])
            )
        }
        return row
    }

    /// An expense with its allocation and pot, for `action` at the pot.
    static func expense(_ id: UUID?, for action: Action, by caller: Caller) async throws -> (
        FundExpense, FundAllocation, FundPot
    ) {
        guard let id, let x = try await FundExpense.find(id, on: caller.db) else { throw YishiError.notFound }
        let (a, pot) = try await allocation(x.$allocation.id, for: action, by: caller)
        return (x, a, pot)
    }

    /// Moves an expense from one state to another in one statement (two at once: one wins, 409).
    static func move(
        _ id: UUID, from: [ExpenseFlow.Status], to: ExpenseFlow.Status, comment: String?, by: UUID? = nil,
        at now: Date, on tx: any Database
    )
        async throws
    {
        let stamp: SQLQueryString =
            to == .submitted && !from.contains(.submitted)
            ? ", submitted_at = \(bind: now), submitted_by_id = \(bind: by)" : ""
        let done = try await (tx as! any SQLDatabase).raw(
            """
            UPDATE fund_expenses SET status = \(bind: to.rawValue), comment = COALESCE(\(bind: comment), comment),
              updated_at = \(bind: now)\(stamp)
            WHERE id = \(bind: id) AND status IN (\(binds: from.map(\.rawValue))) RETURNING id
            """
        ).first()
        guard done != nil else { throw YishiError.conflict(key: FundText.expenseState.key) }
    }

    /// Submits a draft, or again after more information was asked for.
    static func submitExpense(_ id: UUID?, by caller: Caller) async throws {
        let (x, _, pot) = try await expense(id, for: .fundRecord, by: caller)
        guard case .success = ExpenseFlow.next(x.status, .submit) else {
            throw YishiError.conflict(key: FundText.expenseState.key)
        }
        let (now, user) = (caller.now, caller.actor?.userId)
        try await caller.audited { tx in
            try await move(x.id!, from: [.draft, .needsInfo], to: .submitted, comment: nil, by: user, at: now, on: tx)
            return (
                (),
                AuditEvent(
                    action: .fundExpense, targetType: "fundExpense", targetID: x.id!.uuidString, nodeID: pot.$node.id,
                    details: ["title": x.title, "status": "submitted"])
            )
        }
    }

    /// One approver's decision at the step waiting: approve (the last approval of the last step
    /// approves the expense, checked against the allocation), reject or ask for more information
    /// (each with a comment the submitter sees). The submitter never approves their own expense.
    static func decideExpense(
        _ id: UUID?, decision: String?, comment: String?, by caller: Caller
    ) async throws -> FundExpense {
        let (x, alloc, pot) = try await expense(id, for: .fundApprove, by: caller)
        let actor = try caller.requireActor()
        guard let d = FundApproval.Decision(rawValue: (decision ?? "").trimmed) else {
            throw invalid("decision", FundText.decisionInvalid)
        }
        let note = (comment ?? "").trimmed
        if d != .approve && note.isEmpty { throw invalid("comment", FundText.commentNeeded) }
        if note.count > 500 { throw invalid("comment", FundText.commentNeeded) }
        guard x.status == .submitted else { throw YishiError.conflict(key: FundText.expenseState.key) }
        let given = try await FundApproval.query(on: caller.db).filter(\.$expense.$id == x.id!)
            .filter(\.$decision == .approve).all().map { ExpenseApproval.Given(step: $0.step, by: $0.userID) }
        let policy = pot.policy
        var step = ExpenseApproval.current(policy, fen: x.fen, given: given) ?? 0
        if d == .approve {
            switch ExpenseApproval.check(
                policy, fen: x.fen, given: given, submitter: x.createdByID ?? x.submittedByID ?? UUID(),
                approver: actor.userId, alsoSubmittedBy: x.submittedByID)
            {
            case .success(let s): step = s
            case .failure(let r): throw YishiError.conflict(key: FundText.approval(r).key)
            }
        } else if x.submittedByID == actor.userId || x.createdByID == actor.userId {
            throw YishiError.conflict(key: FundText.approval(.ownExpense).key)
        }
        let (chosen, completes) = (
            step,
            d == .approve
                && ExpenseApproval.current(policy, fen: x.fen, given: given + [.init(step: step, by: actor.userId)])
                    == nil
        )
        let (now, xid, aid, fen) = (caller.now, x.id!, alloc.id!, x.fen)
        do {
            try await caller.audited { tx in
                let a = FundApproval()
                a.$expense.id = xid
                a.step = chosen
                a.userID = actor.userId
                a.decision = d
                a.comment = note.isEmpty ? nil : note
                a.at = now
                try await a.create(on: tx)
                switch d {
                case .approve where completes:
                    let ok = try await (tx as! any SQLDatabase).raw(
                        """
                        UPDATE fund_allocations SET approved_fen = approved_fen + \(bind: fen)
                        WHERE id = \(bind: aid) AND status = 'open' AND approved_fen + \(bind: fen) <= fen RETURNING id
                        """
                    ).first()
                    guard ok != nil else { throw invalid("amount", FundText.spending(.overAllocation)) }
                    try await move(xid, from: [.submitted], to: .approved, comment: nil, at: now, on: tx)
                case .approve:
                    try await move(xid, from: [.submitted], to: .submitted, comment: nil, at: now, on: tx)
                case .reject:
                    try await move(xid, from: [.submitted], to: .rejected, comment: note, at: now, on: tx)
                case .askForInfo:
                    try await move(xid, from: [.submitted], to: .needsInfo, comment: note, at: now, on: tx)
                }
                return (
                    (),
                    AuditEvent(
                        action: .fundApprove, targetType: "fundExpense", targetID: xid.uuidString, nodeID: pot.$node.id,
                        details: [
                            "decision": d.rawValue, "step": String(chosen + 1), "yuan": Yuan.text(fen),
                            "complete": String(completes),
                        ])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: FundText.approval(.alreadyApproved).key)
        }
        return try await FundExpense.find(xid, on: caller.db) ?? x
    }

    /// Records an approved expense as paid: an entry from the pot to the payee, checked against the
    /// pot's balance under its lock. A maintenance fund's cost is shared among its homes by area
    /// (Civil Code art. 283): one posting per home's sub-account.
    static func payExpense(
        _ id: UUID?, effective: String?, idempotencyKey: String?, by caller: Caller
    ) async throws -> UUID {
        let (x, alloc, pot) = try await expense(id, for: .fundManage, by: caller)
        guard x.status == .approved else {
            if x.status == .paid, let paid = x.paidEntryID { return paid }
            throw YishiError.conflict(key: FundText.expenseState.key)
        }
        // A closed allocation reserves nothing: paying from it would spend what others reserved.
        guard alloc.status == .open else { throw YishiError.conflict(key: FundText.allocationClosed.key) }
        let today = CalendarDay(caller.now)
        let day = CalendarDay((effective ?? "").trimmed) ?? (effective?.trimmed.isEmpty != false ? today : nil)
        guard let day, !(today < day) else { throw invalid("effective", FundText.effectiveInvalid) }
        if let until = try await publishedUntil(pot.id!, on: caller.db), day.description <= until {
            throw invalid("effective", FundText.datedInPublished)
        }
        let key = try FundLedger.checkKey(idempotencyKey)
        let postings =
            [Posting(LedgerAccount.payee(String(x.payee.prefix(60))), x.fen)]
            + (pot.kind == .maintenance
                ? try await byArea(pot, fen: -x.fen, on: caller.db) : [Posting(pot.account, -x.fen)])
        let entry = FundLedger.NewEntry(
            node: pot.$node.id, kind: .payment, effective: day.description, memo: x.title, postings: postings,
            enteredBy: caller.actor?.userId, onBehalf: x.payee, receiptNo: x.invoiceNo, idempotencyKey: key,
            expense: x.id, project: alloc.$project.id)
        if let p = JournalEntry.check(entry.postings) { throw invalid("amount", FundText.entry(p)) }
        if let first = try await FundLedger.replay(key, hash: entry.contentHash, on: caller.db) { return first }
        let (entryID, now, potID, xid, aid, fen) = (UUID(), caller.now, pot.id!, x.id!, alloc.id!, x.fen)
        do {
            try await caller.audited { tx in
                let state = try await lock(potID, on: tx, at: now)
                guard state.open else { throw YishiError.conflict(key: FundText.potClosed.key) }
                if let r = Spending.pay(fen, balance: state.balance) { throw invalid("amount", FundText.spending(r)) }
                let sql = tx as! any SQLDatabase
                let claimed = try await sql.raw(
                    """
                    UPDATE fund_expenses SET status = 'paid', paid_entry_id = \(bind: entryID), updated_at = \(bind: now)
                    WHERE id = \(bind: xid) AND status = 'approved' RETURNING id
                    """
                ).first()
                guard claimed != nil else { throw YishiError.conflict(key: FundText.expenseState.key) }
                try await sql.raw(
                    "UPDATE fund_allocations SET paid_fen = paid_fen + \(bind: fen) WHERE id = \(bind: aid)"
                )
                .run()
                try await FundLedger.write(entry, id: entryID, at: now, on: tx)
                return ((), FundLedger.event(.fundPay, entry, id: entryID))
            }
        } catch let e where e.isUniqueViolation {
            if let first = try await FundLedger.replay(key, hash: entry.contentHash, on: caller.db) { return first }
            throw YishiError.conflict(key: FundText.keyReused.key)
        }
        return entryID
    }
}
