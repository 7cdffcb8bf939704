import Fluent
import SQLKit
import Vapor
import YishiCore

extension Funds {
    // MARK: Receipts

    struct NewReceipt: Sendable {
        var pot: UUID?
        var yuan: String?
        var effective: String?
        var party: String?
        /// The giver's name (an organisation, or a resident's household as the committee knows it).
        var from: String?
        var household: UUID?
        var pledge: UUID?
        var memo: String?
        /// Assisted entry: cash collected by someone else (a building-group leader), entered by staff
        /// with the receipt number and the name of the second person who counted it.
        var collectedBy: String?
        var receiptNo: String?
        var countedBy: String?
        var idempotencyKey: String?
        /// The balance a pot brings when it starts on Yishi (期初转入), dated before its first
        /// statement: shown as the opening balance, not as income, and never matched.
        var opening = false
    }

    /// Money received into a pot: an entry `pot +x, source −x`, maybe against a pledge; matched by
    /// the open matching rules that take it, in the same transaction. A repeated request with the same
    /// idempotency key returns the first entry; the same key with other content is 409.
    static func receive(_ r: NewReceipt, by caller: Caller) async throws -> UUID {
        let pot = try await pot(r.pot, for: .fundRecord, by: caller)
        var fields: [String: String] = [:]
        let fen = Yuan.fen(r.yuan ?? "")
        if (fen ?? 0) <= 0 { fields["amount"] = FundText.amountInvalid.key }
        let today = CalendarDay(caller.now)
        let effective =
            CalendarDay((r.effective ?? "").trimmed) ?? (r.effective?.trimmed.isEmpty != false ? today : nil)
        if effective == nil || effective! > today { fields["effective"] = FundText.effectiveInvalid.key }
        let party = FundParty(rawValue: (r.party ?? "").trimmed)
        if party == nil { fields["party"] = FundText.partyInvalid.key }
        let from = FieldRules.text(r.from ?? "", max: 60)
        if from.problem != nil && r.household == nil { fields["from"] = FundText.fromNeeded.key }
        let memo = String((r.memo ?? "").trimmed.prefix(200))
        let collected = (r.collectedBy ?? "").trimmed
        let receiptNo = (r.receiptNo ?? "").trimmed
        let counted = (r.countedBy ?? "").trimmed
        if !collected.isEmpty {
            if receiptNo.isEmpty || receiptNo.count > 40 { fields["receiptNo"] = FundText.receiptNoNeeded.key }
            if counted.isEmpty || counted.count > 30 { fields["countedBy"] = FundText.countedByNeeded.key }
        }
        let key = try FundLedger.checkKey(r.idempotencyKey)
        var household: Household? = nil
        if let h = r.household {
            household = try await Household.query(on: caller.db).filter(\.$id == h).with(\.$unit) {
                $0.with(\.$building)
            }
            .first()
            if household == nil || !pot.node.territoryPath.contains(household!.unit.building.territoryPath) {
                fields["household"] = FundText.householdOutside.key
            }
        }
        var pledge: FundPledge? = nil
        if let p = r.pledge {
            pledge = try await FundPledge.find(p, on: caller.db)
            if pledge == nil || pledge!.$pot.id != pot.id || pledge!.inKind != nil {
                fields["pledge"] = FundText.pledgeInvalid.key
            }
        }
        if let effective, let until = try await publishedUntil(pot.id!, on: caller.db), effective.description <= until {
            fields["effective"] = FundText.datedInPublished.key
        }
        guard fields.isEmpty, let fen, let effective, let party else { throw YishiError.invalid(fields) }
        let name: String =
            if case .success(let n) = from { n } else {
                household.map { "\($0.unit.building.name) \($0.unit.number)" } ?? ""
            }
        let source =
            household.map { LedgerAccount.source("household:" + $0.id!.uuidString.lowercased()) }
            ?? LedgerAccount.source(party.rawValue + ":" + name)
        let onBehalf = collected.isEmpty ? name : "\(name)（\(collected)）"
        let into = try await Self.into(pot, fen: fen, household: household, on: caller.db)
        let entry = FundLedger.NewEntry(
            node: pot.$node.id, kind: r.opening ? .opening : .receipt, effective: effective.description, memo: memo,
            postings: into + [Posting(String(source.prefix(100)), -fen)],
            enteredBy: caller.actor?.userId, party: party, onBehalf: onBehalf,
            receiptNo: receiptNo.isEmpty ? nil : receiptNo, countedBy: counted.isEmpty ? nil : counted,
            idempotencyKey: key, pledge: pledge?.id, project: pot.projectID, household: household?.id)
        if let p = JournalEntry.check(entry.postings) { throw invalid("amount", FundText.entry(p)) }
        // A repeated request is found by the key's unique index when it is written (below): one
        // statement fewer for every first request.
        let (id, now, potID, pledgeID, building) = (UUID(), caller.now, pot.id!, pledge?.id, household?.unit.building)
        guard pot.status == .open else { throw YishiError.conflict(key: FundText.potClosed.key) }
        // Money in needs no balance check. The pot's row is locked first only where a limit is
        // checked (a residents' meeting's decision, a pledge) or matching may follow; otherwise the
        // database's own trigger, which moves the balance and refuses a closed pot, locks it. A
        // rule made at the same moment as a receipt without that lock orders after it.
        var rules = 0
        if entry.kind == .receipt {
            rules = try await FundMatchingRule.query(on: caller.db).filter(\.$target.$id == potID)
                .filter(\.$status == .open).filter(\.$trigger ~~ [.receipt, .projectApproval]).count()
        }
        let matched = rules > 0
        let needsLock = pot.kind == .residentContribution || pledgeID != nil || matched
        do {
            try await caller.audited { tx in
                if needsLock {
                    let state = try await lock(potID, on: tx, at: now)
                    guard state.open else { throw YishiError.conflict(key: FundText.potClosed.key) }
                }
                if pot.kind == .residentContribution {
                    let raised = try await raisedFromSources(potID, on: tx)
                    guard Pledge.withinDecision(authorised: pot.authorisedFen, alreadyRaised: raised, adding: fen)
                    else {
                        throw invalid("amount", FundText.beyondDecision)
                    }
                }
                if let p = pledgeID {
                    let ok = try await (tx as! any SQLDatabase).raw(
                        """
                        UPDATE fund_pledges SET received_fen = received_fen + \(bind: fen),
                          status = CASE WHEN received_fen + \(bind: fen) >= fen THEN 'fulfilled' ELSE status END
                        WHERE id = \(bind: p) AND status = 'open' AND received_fen + \(bind: fen) <= fen RETURNING id
                        """
                    ).first()
                    guard ok != nil else { throw invalid("pledge", FundText.pledgeExceeded) }
                }
                try await FundLedger.write(entry, id: id, at: now, on: tx)
                if matched {
                    try await FundMatching.onReceipt(
                        id, entry: entry, pot: pot, fen: fen, building: building, at: now, on: tx)
                }
                return ((), FundLedger.event(.fundReceive, entry, id: id))
            }
        } catch let e where e.isUniqueViolation {
            if let first = try await FundLedger.replay(key, hash: entry.contentHash, on: caller.db) { return first }
            throw YishiError.conflict(key: FundText.keyReused.key)
        } catch let e where FundLedger.isPotClosed(e) {
            throw YishiError.conflict(key: FundText.potClosed.key)
        }
        return id
    }

    /// Where money received goes in a pot: its own account, or a maintenance fund's homes — the
    /// giver's home, or every home by its area (Civil Code art. 283).
    static func into(_ pot: FundPot, fen: Int64, household: Household?, on db: any Database) async throws -> [Posting] {
        guard pot.kind == .maintenance else { return [Posting(pot.account, fen)] }
        if let u = household?.unit, u.$building.id == pot.$node.id {
            return [Posting(LedgerAccount.unit(u.id!, of: pot.id!), fen)]
        }
        return try await byArea(pot, fen: fen, on: db)
    }

    /// An amount spread over a maintenance fund's homes by area; the pot's own account when it has
    /// no homes with an area.
    static func byArea(_ pot: FundPot, fen: Int64, on db: any Database) async throws -> [Posting] {
        let units = try await Unit.query(on: db).filter(\.$building.$id == pot.$node.id).sort(\.$code).all()
            .filter { $0.area > 0 }
        let shares = CostSharing.byArea(abs(fen), areas: units.map(\.area))
        let out = zip(units, shares).filter { $0.1 > 0 }.map {
            Posting(LedgerAccount.unit($0.0.id!, of: pot.id!), fen < 0 ? -$0.1 : $0.1)
        }
        return out.isEmpty ? [Posting(pot.account, fen)] : out
    }

    /// What a pot has received from outside (its receipts less their reversals): the sum over the
    /// `source:` side of the entries that moved it.
    static func raisedFromSources(_ pot: UUID, on db: any Database) async throws -> Int64 {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT CAST(COALESCE(SUM(p.fen), 0) AS BIGINT) AS n FROM fund_postings p
            WHERE p.pot_id = \(bind: pot) AND EXISTS (
              SELECT 1 FROM fund_postings s WHERE s.entry_id = p.entry_id AND s.account LIKE 'source:%')
            """
        ).first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    // MARK: Reversal

    /// A correction: an entry that negates an earlier one, dated today, with its reason. Matches
    /// of a reversed receipt are reversed with it; a reversed payment's expense is approved again
    /// (to be paid once more), and its allocation's paid amount goes back.
    static func reverse(_ id: UUID?, reason: String?, by caller: Caller) async throws -> UUID {
        guard let id, let original = try await FundEntry.find(id, on: caller.db) else { throw YishiError.notFound }
        guard let node = try await TerritoryNode.find(original.nodeID, on: caller.db) else { throw YishiError.notFound }
        try caller.authorize(.fundManage, at: node.territoryPath)
        // Every pot the entry and its matches move is the caller's to correct: a community's staff
        // do not move a subdistrict matcher's money by reversing its match.
        let touched = try await FundPosting.query(on: caller.db)
            .join(FundEntry.self, on: \FundPosting.$entryID == \FundEntry.$id)
            .group(.or) { $0.filter(FundEntry.self, \.$id == id).filter(FundEntry.self, \.$sourceEntryID == id) }
            .filter(\.$potID != nil).all().compactMap(\.potID)
        for potID in Set(touched) {
            let pot = try await pot(potID, on: caller.db)
            try caller.authorize(.fundManage, at: pot.node.territoryPath)
        }
        let why = FieldRules.text(reason ?? "", max: 200)
        guard case .success(let reasonText) = why else { throw invalid("reason", FundText.reasonNeeded) }
        let (now, user) = (caller.now, caller.actor?.userId)
        let today = CalendarDay(now).description
        let newID = UUID()
        try await caller.audited { tx in
            let chain = [id] + (try await FundEntry.query(on: tx).filter(\.$sourceEntryID == id).all().compactMap(\.id))
            let postings = try await FundLedger.postings(of: chain, on: tx)
            var first: FundLedger.NewEntry? = nil
            for (i, eid) in chain.enumerated() {
                guard let e = try await FundEntry.find(eid, on: tx) else { continue }
                let already = try await FundEntry.query(on: tx).filter(\.$reversesID == eid).count() > 0
                if let refusal = JournalEntry.mayReverse(isReversal: e.reversesID != nil, alreadyReversed: already) {
                    if i == 0 { throw YishiError.conflict(key: FundText.reversal(refusal).key) }
                    continue
                }
                let back = JournalEntry.reversal(of: postings[eid] ?? [])
                // A correction that takes money out of a pot never takes it below what is reserved.
                var delta: [UUID: Int64] = [:]
                for p in back { if let pot = LedgerAccount.potID(p.account) { delta[pot, default: 0] += p.fen } }
                for (pot, d) in delta.sorted(by: { $0.key.uuidString < $1.key.uuidString }) {
                    let state = try await lock(pot, on: tx, at: now)
                    guard state.open else { throw YishiError.conflict(key: FundText.potClosed.key) }
                    if d < 0, state.balance + d < (try await reserved(pot, on: tx)) {
                        throw invalid("entry", FundText.overBalance)
                    }
                }
                let entry = FundLedger.NewEntry(
                    node: e.nodeID, kind: .reversal, effective: today, memo: reasonText, postings: back,
                    enteredBy: user, party: e.party, onBehalf: e.onBehalf, reverses: eid, pledge: e.pledgeID,
                    expense: e.expenseID, project: e.projectID, household: e.householdID, rule: e.ruleID,
                    ruleVersion: e.ruleVersion)
                try await FundLedger.write(entry, id: i == 0 ? newID : UUID(), at: now, on: tx)
                if i == 0 { first = entry }
                let sql = tx as! any SQLDatabase
                let moved = (postings[eid] ?? []).filter { $0.fen > 0 }.reduce(Int64(0)) { $0 + $1.fen }
                if let p = e.pledgeID, e.kind == .receipt {
                    try await sql.raw(
                        """
                        UPDATE fund_pledges SET received_fen = received_fen - \(bind: moved), status = 'open'
                        WHERE id = \(bind: p)
                        """
                    ).run()
                }
                if let x = e.expenseID, e.kind == .payment {
                    try await sql.raw(
                        """
                        UPDATE fund_allocations SET paid_fen = paid_fen - \(bind: moved)
                        WHERE id = (SELECT allocation_id FROM fund_expenses WHERE id = \(bind: x))
                        """
                    ).run()
                    try await sql.raw(
                        """
                        UPDATE fund_expenses SET status = 'approved', paid_entry_id = NULL, updated_at = \(bind: now)
                        WHERE id = \(bind: x)
                        """
                    ).run()
                }
            }
            guard let first else { throw YishiError.conflict(key: FundText.reversal(.alreadyReversed).key) }
            return ((), FundLedger.event(.fundReverse, first, id: newID))
        }
        return newID
    }
}
