import Fluent
import SQLKit
import Vapor
import YishiCore

/// Money in the open (阳光居务, issue 21): pots at nodes and their ledger. Yishi records money; it
/// does not hold or move it. Every write checks the pot against the caller's scope, locks the pot's
/// row first (so two writes to one pot are decided one after the other), and is audited in the same
/// transaction as what it writes.
enum Funds {
    static func invalid(_ field: String, _ text: FundText) -> YishiError { .invalid([field: text.key]) }

    // MARK: Pots

    struct NewPot: Sendable {
        var node: UUID?
        var kind: String?
        var name: String?
        var custodian: String?
        var legalOwner: String?
        var purposes: String?
        /// A residents' contribution pot: the residents' meeting resolution that allowed it, and the
        /// amount it allowed (yuan, as entered).
        var resolution: UUID?
        var authorised: String?
        var policy: ApprovalPolicy?
        var schedule: String?
        var fiscalYearStart: Int?
        var showNames = false
        var showInvoices = false
    }

    /// A pot at a node the caller manages money for. A maintenance fund is one per building (the
    /// node is the building; a second is 409); a residents' contribution pot rests on a passed
    /// residents' meeting resolution and keeps within the amount it allowed.
    static func createPot(_ n: NewPot, by caller: Caller) async throws -> FundPot {
        let node = try await caller.node(n.node, for: .fundManage)
        var fields: [String: String] = [:]
        let kind = n.kind.flatMap { PotKind(rawValue: $0.trimmed) }
        if kind == nil { fields["kind"] = FundText.kindInvalid.key }
        let name = FieldRules.text(n.name ?? "", max: 60)
        if name.problem != nil { fields["name"] = FundText.nameNeeded.key }
        let custodian = FieldRules.text(n.custodian ?? "", max: 100)
        if custodian.problem != nil { fields["custodian"] = FundText.custodianNeeded.key }
        let owner = FieldRules.text(n.legalOwner ?? "", max: 100)
        if owner.problem != nil { fields["legalOwner"] = FundText.legalOwnerNeeded.key }
        let schedule = FundStatement.Schedule(rawValue: (n.schedule ?? "").trimmed)
        if n.schedule?.trimmed.isEmpty == false && schedule == nil { fields["schedule"] = FundText.scheduleInvalid.key }
        let fiscal = n.fiscalYearStart ?? 1
        if !(1...12).contains(fiscal) { fields["fiscalYearStart"] = FundText.fiscalInvalid.key }
        let policy = n.policy ?? ApprovalPolicy(steps: [.init(name: "", required: 1)])
        if policy.problem != nil { fields["policy"] = FundText.policyInvalid.key }
        if let kind {
            if kind == .maintenance && node.level != .building { fields["node"] = FundText.maintenanceBuilding.key }
            if kind != .maintenance && node.level == .building { fields["node"] = FundText.potLevel.key }
            if kind == .maintenance && schedule == .yearly { fields["schedule"] = FundText.maintenanceSchedule.key }
        }
        var authorised: Int64? = nil
        var resolutionProject: UUID? = nil
        if kind == .residentContribution {
            authorised = Yuan.fen(n.authorised ?? "")
            if (authorised ?? 0) <= 0 { fields["authorised"] = FundText.amountInvalid.key }
            if let r = n.resolution, let res = try await MeetingResolution.find(r, on: caller.db),
                let m = try await Meeting.find(res.$meeting.id, on: caller.db),
                [.residentsAssembly, .representatives].contains(m.kind), res.passed,
                let mNode = try await TerritoryNode.find(m.$node.id, on: caller.db),
                mNode.territoryPath.contains(node.territoryPath) || node.territoryPath.contains(mNode.territoryPath)
            {
                resolutionProject = m.$project.id
                if try await FundPot.query(on: caller.db).filter(\.$resolutionID == r).first() != nil {
                    throw YishiError.conflict(key: FundText.resolutionUsed.key)
                }
            } else {
                fields["resolution"] = FundText.resolutionNeeded.key
            }
        }
        guard fields.isEmpty, let kind, case .success(let nm) = name, case .success(let cu) = custodian,
            case .success(let ow) = owner
        else { throw YishiError.invalid(fields) }
        let pot = FundPot()
        pot.$node.id = node.id!
        pot.kind = kind
        pot.name = nm
        pot.custodian = cu
        pot.legalOwner = ow
        pot.buildingID = kind == .maintenance ? node.id : nil
        pot.projectID = resolutionProject
        pot.resolutionID = kind == .residentContribution ? n.resolution : nil
        pot.authorisedFen = authorised
        pot.purposes = String((n.purposes ?? "").trimmed.prefix(500))
        pot.policyJSON = String(decoding: try JSONEncoder().encode(policy), as: UTF8.self)
        pot.schedule = schedule ?? (kind == .maintenance ? .halfYearly : kind == .publicFunds ? .quarterly : .yearly)
        pot.fiscalYearStart = fiscal
        pot.showNames = n.showNames
        pot.showInvoices = n.showInvoices
        pot.status = .open
        pot.balance = 0
        pot.createdByID = caller.actor?.userId
        pot.createdAt = caller.now
        do {
            try await caller.audited { tx in
                try await pot.create(on: tx)
                return (
                    (),
                    AuditEvent(
                        action: .fundPotCreate, targetType: "fundPot", targetID: pot.id!.uuidString,
                        nodeID: node.id, details: ["kind": kind.rawValue, "name": nm])
                )
            }
        } catch let e where e.isUniqueViolation {
            // Which one: the building's fund, the resolution's pot (two at once), or the name.
            var used = false
            if kind == .residentContribution, let r = n.resolution {
                used = try await FundPot.query(on: caller.db).filter(\.$resolutionID == r).first() != nil
            }
            let key: FundText =
                kind == .maintenance ? FundText.maintenanceExists : used ? FundText.resolutionUsed : FundText.nameTaken
            throw YishiError.conflict(key: key.key)
        }
        return pot
    }

    /// A pot with its node, or 404.
    static func pot(_ id: UUID?, on db: any Database) async throws -> FundPot {
        // The place joined in the same query.
        guard let id,
            let p = try await FundPot.query(on: db).join(
                TerritoryNode.self, on: \FundPot.$node.$id == \TerritoryNode.$id
            )
            .filter(\.$id == id).first()
        else { throw YishiError.notFound }
        p.$node.value = try p.joined(TerritoryNode.self)
        return p
    }

    /// A pot for `action` where it is.
    static func pot(_ id: UUID?, for action: Action, by caller: Caller) async throws -> FundPot {
        let p = try await pot(id, on: caller.db)
        try caller.authorize(action, at: p.node.territoryPath)
        return p
    }

    /// The pots at or below a node, by kind then name.
    static func pots(under node: TerritoryNode, on db: any Database) async throws -> [FundPot] {
        let path = node.territoryPath
        return try await FundPot.query(on: db).join(TerritoryNode.self, on: \FundPot.$node.$id == \TerritoryNode.$id)
            .filter(TerritoryNode.self, \.$path >= path.encoded)
            .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
            .with(\.$node).sort(\.$kind).sort(\.$name).limit(500).all()
    }

    /// What a pot has reserved: its open allocations' amounts not yet paid.
    static func reserved(_ pot: UUID, on db: any Database) async throws -> Int64 {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT CAST(COALESCE(SUM(fen - paid_fen), 0) AS BIGINT) AS n FROM fund_allocations
            WHERE pot_id = \(bind: pot) AND status = 'open'
            """
        ).first()?.decode(column: "n", as: Int64.self) ?? 0
    }

    /// Locks a pot's row for the rest of the transaction (PostgreSQL: the row lock; SQLite writes
    /// one at a time) and reads its balance and status as they are now.
    static func lock(_ pot: UUID, on tx: any Database, at now: Date) async throws -> (balance: Int64, open: Bool) {
        guard
            let row = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE fund_pots SET updated_at = \(bind: now) WHERE id = \(bind: pot) RETURNING balance, status
                """
            ).first()
        else { throw YishiError.notFound }
        return (
            try row.decode(column: "balance", as: Int64.self),
            try row.decode(column: "status", as: String.self) == "open"
        )
    }

    /// The last day of a pot's published statements: nothing new is dated on or before it (a
    /// correction shows in the next statement, never by changing a published one).
    static func publishedUntil(_ pot: UUID, on db: any Database) async throws -> String? {
        try await (db as! any SQLDatabase).raw(
            "SELECT MAX(period_to) AS d FROM fund_statements WHERE pot_id = \(bind: pot)"
        ).first()?.decode(column: "d", as: String?.self)
    }

    /// Closes a pot: no more postings to it (the database refuses them too). Its balance must be zero.
    static func closePot(_ id: UUID?, by caller: Caller) async throws -> FundPot {
        let pot = try await pot(id, for: .fundManage, by: caller)
        let (potID, now) = (pot.id!, caller.now)
        try await caller.audited { tx in
            let state = try await lock(potID, on: tx, at: now)
            guard state.open else { throw YishiError.conflict(key: FundText.potClosed.key) }
            guard state.balance == 0, try await reserved(potID, on: tx) == 0 else {
                throw YishiError.conflict(key: FundText.closeNotEmpty.key)
            }
            try await (tx as! any SQLDatabase).raw("UPDATE fund_pots SET status = 'closed' WHERE id = \(bind: potID)")
                .run()
            return (
                (),
                AuditEvent(
                    action: .fundPotClose, targetType: "fundPot", targetID: potID.uuidString, nodeID: pot.$node.id,
                    details: ["name": pot.name])
            )
        }
        pot.status = .closed
        return pot
    }
}
