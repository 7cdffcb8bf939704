import Fluent
import SQLKit
import Vapor
import YishiCore

extension Funds {
    // MARK: Budget lines

    /// A project's budget line with its planned amount (a second save of the same line changes
    /// the plan; what is allocated and spent is not touched).
    static func setBudgetLine(
        project id: UUID?, line: String?, title: String?, planned: String?, by caller: Caller
    ) async throws -> FundBudgetLine {
        let project = try await ProjectsService.readable(id, by: caller)
        try caller.authorize(.fundManage, at: project.node.territoryPath)
        var fields: [String: String] = [:]
        let key = (line ?? "").trimmed
        if key.isEmpty || key.count > 30 || key.contains(where: { $0.isNewline }) {
            fields["line"] = FundText.lineNeeded.key
        }
        let name = FieldRules.text(title ?? "", max: 60)
        if name.problem != nil { fields["title"] = FundText.lineNeeded.key }
        let fen = Yuan.fen(planned ?? "")
        if (fen ?? 0) <= 0 { fields["planned"] = FundText.amountInvalid.key }
        guard fields.isEmpty, let fen, case .success(let t) = name else { throw YishiError.invalid(fields) }
        let row =
            try await FundBudgetLine.query(on: caller.db).filter(\.$project.$id == project.id!).filter(\.$line == key)
            .first() ?? FundBudgetLine()
        row.$project.id = project.id!
        row.line = key
        row.title = t
        row.plannedFen = fen
        let pid = project.id!
        do {
            try await caller.audited { tx in
                // Never below what the line's allocations take (read under the line's lock, which
                // allocating takes too).
                if row.id != nil {
                    let allocated = try await lockLine(project: pid, line: key, on: tx)?.allocated ?? 0
                    if Spending.replan(fen, allocated: allocated) != nil {
                        throw invalid("planned", FundText.planBelowAllocated)
                    }
                }
                try await row.save(on: tx)
                return (
                    (),
                    AuditEvent(
                        action: .fundBudget, targetType: "project", targetID: project.id!.uuidString,
                        nodeID: project.$node.id, details: ["line": key, "yuan": Yuan.text(fen)])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: FundText.lineTaken.key)
        }
        return row
    }

    /// Locks a project's budget line (a write that changes nothing, so that two allocations to it
    /// are decided one after the other) and reads its plan and what its allocations take: an open
    /// allocation its amount, a closed one what it paid. Nil when the line does not exist.
    static func lockLine(project: UUID, line: String, on tx: any Database) async throws -> (
        planned: Int64, allocated: Int64
    )? {
        let sql = tx as! any SQLDatabase
        guard
            let row = try await sql.raw(
                """
                UPDATE fund_budget_lines SET planned_fen = planned_fen
                WHERE project_id = \(bind: project) AND line = \(bind: line) RETURNING planned_fen
                """
            ).first()
        else { return nil }
        let allocated =
            try await sql.raw(
                """
                SELECT CAST(COALESCE(SUM(CASE WHEN status = 'open' THEN fen ELSE paid_fen END), 0) AS BIGINT) AS n
                FROM fund_allocations WHERE project_id = \(bind: project) AND line = \(bind: line)
                """
            ).first()?.decode(column: "n", as: Int64.self) ?? 0
        return (try row.decode(column: "planned_fen", as: Int64.self), allocated)
    }

    // MARK: Allocations

    struct NewAllocation: Sendable {
        var pot: UUID?
        var project: UUID?
        var line: String?
        var yuan: String?
        var decision: String?
        var meeting: UUID?
        var vote: UUID?
        var reference: String?
    }

    /// An allocation from a pot to a project's budget line, resting on its decision (checked by
    /// `FundDecision.check` against what the database holds). It reserves the money: refused when
    /// the pot has less available (balance − open allocations), decided under the pot's lock.
    static func allocate(_ n: NewAllocation, by caller: Caller) async throws -> FundAllocation {
        let pot = try await pot(n.pot, for: .fundManage, by: caller)
        // The project is checked against the pot (below), not the caller: an owners' committee
        // allocates its building's fund to the community's project it does not otherwise manage.
        guard let pid = n.project,
            let project = try await Project.query(on: caller.db).filter(\.$id == pid).with(\.$node).first()
        else { throw invalid("project", FundText.projectOutside) }
        var fields: [String: String] = [:]
        // The project is where the pot may pay: in its subtree, or (a building's fund) the compound
        // or community the building is in.
        let (pp, potPath) = (project.node.territoryPath, pot.node.territoryPath)
        if !(potPath.contains(pp) || (pot.kind == .maintenance && pp.contains(potPath))) {
            fields["project"] = FundText.projectOutside.key
        }
        if let only = pot.projectID, only != project.id { fields["project"] = FundText.projectOutside.key }
        let fen = Yuan.fen(n.yuan ?? "")
        if (fen ?? 0) <= 0 { fields["amount"] = FundText.amountInvalid.key }
        let line = (n.line ?? "").trimmed
        if try await FundBudgetLine.query(on: caller.db).filter(\.$project.$id == project.id!).filter(\.$line == line)
            .first() == nil
        {
            fields["line"] = FundText.lineUnknown.key
        }
        guard let decision = FundDecision(rawValue: (n.decision ?? "").trimmed) else {
            fields["decision"] = FundText.decisionInvalid.key
            throw YishiError.invalid(fields)
        }
        var evidence = FundDecision.Evidence(reference: String((n.reference ?? "").trimmed.prefix(200)))
        if let m = n.meeting, let meeting = try await Meeting.find(m, on: caller.db) {
            evidence.meetingOfProject = meeting.$project.id == project.id
            evidence.meetingHeld = meeting.held
        }
        if decision == .residentsMeeting, let r = pot.resolutionID,
            let res = try await MeetingResolution.find(r, on: caller.db)
        {
            evidence.resolutionPassed = res.passed
        }
        if let v = n.vote, let vote = try await OwnersVote.find(v, on: caller.db) {
            let closed = [.closed, .resultPublished].contains(vote.status)
            // The vote's compound holds the building, and a shared part's vote names it.
            let voteNode = try await TerritoryNode.find(vote.$node.id, on: caller.db)
            let covers =
                (voteNode?.territoryPath.contains(pot.node.territoryPath) ?? false)
                && (vote.partBuildings.isEmpty || vote.partBuildings.contains(pot.$node.id))
            evidence.vote = .init(
                matter: vote.matterNumber, passed: closed && vote.resultStatus == TallyStatus.passed.rawValue,
                coversBuilding: covers, forProject: vote.projectID == nil || vote.projectID == project.id)
        }
        if let refusal = decision.check(for: pot.kind, evidence) {
            fields[Self.decisionField(refusal)] = FundText.decision(refusal).key
        }
        // A self-governance fund's project is approved by the subdistrict: the one allocating must
        // hold the right at the pot's subdistrict.
        if fields.isEmpty, decision == .subdistrictApproval,
            let sub = pot.node.territoryPath.ancestor(at: 1), !caller.allows(.fundManage, at: sub)
        {
            throw YishiError.denied(.roleLacksAction)
        }
        guard fields.isEmpty, let fen else { throw YishiError.invalid(fields) }
        // One owners' vote backs one allocation (the unique index decides two at once).
        if decision == .ownersVote, let v = n.vote,
            try await FundAllocation.query(on: caller.db).filter(\.$voteID == v).first() != nil
        {
            throw YishiError.conflict(key: FundText.voteUsed.key)
        }
        let row = FundAllocation()
        row.$pot.id = pot.id!
        row.$project.id = project.id!
        row.line = line
        row.fen = fen
        row.decision = decision
        row.meetingID = [.subdistrictApproval].contains(decision) ? n.meeting : nil
        row.voteID = decision == .ownersVote ? n.vote : nil
        row.decisionRef = evidence.reference.isEmpty ? nil : evidence.reference
        row.status = .open
        row.approvedFen = 0
        row.paidFen = 0
        row.createdByID = caller.actor?.userId
        let (potID, now, user) = (pot.id!, caller.now, caller.actor?.userId)
        do {
            try await caller.audited { tx in
                // The project's first allocation is its approval: rules that match then lock their
                // pots first (before this pot, when this pot is one of their targets).
                let approval = try await FundMatching.lockForApproval(
                    project: project.id!, paying: potID, at: now, on: tx)
                let state = try await lock(potID, on: tx, at: now)
                guard state.open else { throw YishiError.conflict(key: FundText.potClosed.key) }
                let available = Availability.available(
                    balance: state.balance, openAllocations: try await reserved(potID, on: tx), approvedUnpaid: 0)
                if let r = Spending.allocate(fen, available: available) {
                    throw invalid("amount", FundText.spending(r))
                }
                guard let plan = try await lockLine(project: project.id!, line: line, on: tx) else {
                    throw invalid("line", FundText.lineUnknown)
                }
                if let r = Spending.withinPlan(fen, planned: plan.planned, allocated: plan.allocated) {
                    throw invalid("amount", FundText.spending(r))
                }
                try await row.create(on: tx)
                var matched: Int64 = 0
                if let approval {
                    matched = try await FundMatching.onProjectApproval(approval, at: now, by: user, on: tx)
                }
                var details = [
                    "pot": pot.name, "project": project.title, "yuan": Yuan.text(fen), "decision": decision.rawValue,
                    "line": line,
                ]
                if matched > 0 { details["matchedAtApproval"] = Yuan.text(matched) }
                return (
                    (),
                    AuditEvent(
                        action: .fundAllocate, targetType: "fundAllocation", targetID: row.id!.uuidString,
                        nodeID: pot.$node.id, details: details)
                )
            }
        } catch let e where e.isUniqueViolation {
            // One owners' vote backs one allocation (the vote's motion names what it spends).
            throw YishiError.conflict(key: FundText.voteUsed.key)
        }
        return row
    }

    static func decisionField(_ r: FundDecision.Refusal) -> String {
        switch r {
        case .notForPot: "decision"
        case .meetingMissing, .meetingNotHeld: "meeting"
        case .resolutionNotPassed: "decision"
        case .voteMissing, .voteWrongMatter, .voteNotPassed, .voteOtherBuilding, .voteOtherProject: "vote"
        case .referenceMissing: "reference"
        }
    }

    /// Closes an allocation: what it has not spent is no longer reserved.
    static func closeAllocation(_ id: UUID?, by caller: Caller) async throws {
        guard let id, let a = try await FundAllocation.find(id, on: caller.db) else { throw YishiError.notFound }
        let pot = try await pot(a.$pot.id, for: .fundManage, by: caller)
        try await caller.audited { tx in
            let done = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE fund_allocations SET status = 'closed' WHERE id = \(bind: id) AND status = 'open'
                AND approved_fen = paid_fen RETURNING id
                """
            ).first()
            guard done != nil else { throw YishiError.conflict(key: FundText.allocationBusy.key) }
            return (
                (),
                AuditEvent(
                    action: .fundAllocate, targetType: "fundAllocation", targetID: id.uuidString, nodeID: pot.$node.id,
                    details: ["closed": "true", "yuan": Yuan.text(a.paidFen)])
            )
        }
    }
}
