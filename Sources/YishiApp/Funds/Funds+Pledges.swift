import Fluent
import SQLKit
import Vapor
import YishiCore

/// Pledges (认捐): cash or in kind, maybe on a condition; residents' contributions within their
/// meeting's decision; lapsed conditional ones released daily and when a pot is read.
extension Funds {
    // MARK: Pledges

    struct NewPledge: Sendable {
        var pot: UUID?
        var party: String?
        var from: String?
        var household: UUID?
        var yuan: String?
        /// In kind: what (materials, labour, space), at the stated value `yuan`.
        var inKind: String?
        /// A condition: the pot must have raised `threshold` by `deadline`, else the pledge is released.
        var threshold: String?
        var deadline: String?
    }

    /// A pledge (认捐) to a pot. A residents' contribution pot takes pledges only within what its
    /// residents' meeting decided (what was received and what is still pledged count).
    static func pledge(_ n: NewPledge, by caller: Caller) async throws -> FundPledge {
        let pot = try await pot(n.pot, for: .fundRecord, by: caller)
        var fields: [String: String] = [:]
        let party = FundParty(rawValue: (n.party ?? "").trimmed)
        if party == nil { fields["party"] = FundText.partyInvalid.key }
        let from = FieldRules.text(n.from ?? "", max: 60)
        if from.problem != nil { fields["from"] = FundText.fromNeeded.key }
        let fen = Yuan.fen(n.yuan ?? "")
        if (fen ?? 0) <= 0 { fields["amount"] = FundText.amountInvalid.key }
        let inKind = (n.inKind ?? "").trimmed
        if inKind.count > 200 { fields["inKind"] = FundText.inKindNeeded.key }
        let thresholdText = (n.threshold ?? "").trimmed
        let deadlineText = (n.deadline ?? "").trimmed
        var threshold: Int64? = nil
        var deadline: CalendarDay? = nil
        if !thresholdText.isEmpty || !deadlineText.isEmpty {
            threshold = Yuan.fen(thresholdText)
            deadline = CalendarDay(deadlineText)
            if (threshold ?? 0) <= 0 || deadline == nil || deadline! < CalendarDay(caller.now) {
                fields["deadline"] = FundText.deadlineInvalid.key
            }
        }
        if let h = n.household {
            let hh = try await Household.query(on: caller.db).filter(\.$id == h).with(\.$unit) { $0.with(\.$building) }
                .first()
            if hh == nil || !pot.node.territoryPath.contains(hh!.unit.building.territoryPath) {
                fields["household"] = FundText.householdOutside.key
            }
        }
        guard fields.isEmpty, let party, let fen, case .success(let name) = from else {
            throw YishiError.invalid(fields)
        }
        let row = FundPledge()
        row.$pot.id = pot.id!
        row.projectID = pot.projectID
        row.partyKind = party
        row.partyName = name
        row.householdID = n.household
        row.fen = fen
        row.inKind = inKind.isEmpty ? nil : inKind
        row.thresholdFen = threshold
        row.deadline = deadline?.description
        row.status = .open
        row.receivedFen = 0
        row.enteredByID = caller.actor?.userId
        let (potID, now) = (pot.id!, caller.now)
        try await caller.audited { tx in
            _ = try await lock(potID, on: tx, at: now)
            if pot.kind == .residentContribution && row.inKind == nil {
                let raised = try await raisedFromSources(potID, on: tx)
                let pledged = try await openPledged(potID, on: tx)
                guard Pledge.withinDecision(authorised: pot.authorisedFen, alreadyRaised: raised + pledged, adding: fen)
                else { throw invalid("amount", FundText.beyondDecision) }
            }
            try await row.create(on: tx)
            return (
                (),
                AuditEvent(
                    action: .fundPledge, targetType: "fundPledge", targetID: row.id!.uuidString, nodeID: pot.$node.id,
                    details: [
                        "pot": pot.name, "from": name, "yuan": Yuan.text(fen), "inKind": row.inKind ?? "",
                        "deadline": row.deadline ?? "",
                    ])
            )
        }
        return row
    }

    /// What open cash pledges still promise (not yet received).
    static func openPledged(_ pot: UUID, on db: any Database) async throws -> Int64 {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT CAST(COALESCE(SUM(fen - received_fen), 0) AS BIGINT) AS n FROM fund_pledges
            WHERE pot_id = \(bind: pot) AND status = 'open' AND in_kind IS NULL
            """
        ).first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    /// Releases a pot's conditional pledges whose deadline passed short of their threshold (all or
    /// nothing: `Pledge.released`), each with an audit entry by the platform. Run daily for every
    /// pot (`releaseLapsedDaily`) and when a pot's page is read, so the page is never behind.
    /// Returns how many were released.
    @discardableResult
    static func releaseLapsed(_ pot: UUID, today: CalendarDay, by caller: Caller) async throws -> Int {
        let pledges = try await FundPledge.query(on: caller.db).filter(\.$pot.$id == pot).all()
        return try await releaseLapsed(pledges, pot: pot, today: today, by: caller)
    }

    /// The same over a pot's pledges already read (a page reads them anyway); each released one is
    /// marked so in `pledges` too. The pot's receipts are summed only when a deadline has passed.
    /// Releasing is the platform's act whoever's request found it due.
    @discardableResult
    static func releaseLapsed(_ pledges: [FundPledge], pot: UUID, today: CalendarDay, by caller: Caller)
        async throws -> Int
    {
        let due = pledges.filter { $0.status == .open && ($0.deadline ?? "9999-12-31") < today.description }
        guard !due.isEmpty else { return 0 }
        let raised = try await raisedFromSources(pot, on: caller.db)
        let lapsed = due.filter {
            Pledge.released(threshold: $0.thresholdFen, deadline: $0.deadline, raised: raised, today: today.description)
        }
        var platform = caller
        platform.acting = .platform
        platform.auditActor = AuditActor.system
        platform.sessionID = nil
        let node = try await FundPot.find(pot, on: caller.db)?.$node.id
        var n = 0
        for p in lapsed {
            do {
                try await platform.audited { tx in
                    // Once: a page and the daily run finding it at the same time release it once.
                    let won = try await (tx as! any SQLDatabase).raw(
                        "UPDATE fund_pledges SET status = 'released' WHERE id = \(bind: p.id!) AND status = 'open' RETURNING id"
                    ).first()
                    guard won != nil else { throw YishiError.conflict(key: FundText.pledgeInvalid.key) }
                    return (
                        (),
                        AuditEvent(
                            action: .fundPledge, targetType: "fundPledge", targetID: p.id!.uuidString, nodeID: node,
                            details: [
                                "released": "true", "from": p.partyName, "yuan": Yuan.text(p.fen),
                                "threshold": Yuan.text(p.thresholdFen ?? 0), "raised": Yuan.text(raised),
                                "deadline": p.deadline ?? "",
                            ])
                    )
                }
                n += 1
            } catch YishiError.conflict {
                // Released at the same moment by the other path: once is enough.
            }
            p.status = .released
        }
        return n
    }

    /// Every pot's lapsed conditional pledges, once a day from the worker.
    static let releaseLapsedDaily = DailyTask(name: "funds.lapsedPledges") { app, now in
        let today = CalendarDay(now)
        let caller = app.caller(.platform, auditActor: AuditActor.system, on: app.jobsDB)
        let pots = try await (app.jobsDB as! any SQLDatabase).raw(
            """
            SELECT DISTINCT pot_id FROM fund_pledges
            WHERE status = 'open' AND deadline IS NOT NULL AND deadline < \(bind: today.description)
            """
        ).all().map { try $0.decode(column: "pot_id", as: UUID.self) }
        for pot in pots { try await releaseLapsed(pot, today: today, by: caller) }
    }
}
