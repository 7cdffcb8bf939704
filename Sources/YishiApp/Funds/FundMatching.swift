import Fluent
import SQLKit
import Vapor
import YishiCore

/// Matching (资金配比): a matcher pot adds to what is received into a target pot, by a rule that
/// never changes once made (a new version replaces it). Each match is an entry naming the rule's
/// version and the receipt it matches, written in the receipt's transaction; reversing the receipt
/// reverses its matches (`Funds.reverse`).
enum FundMatching {
    struct NewRule: Sendable {
        var matcher: UUID?
        var target: UUID?
        var numerator: Int64?
        var denominator: Int64?
        /// Caps and the threshold in yuan, as entered (empty: none).
        var perContribution: String?
        var perHousehold: String?
        var perProject: String?
        var total: String?
        var threshold: String?
        var kinds: [String]?
        var subtree: UUID?
        var oncePerHousehold = false
        /// `receipt` (default), `projectApproval` or `roundClose`.
        var trigger: String? = nil
        var validFrom: String?
        var validUntil: String?
        /// Several matchers: this rule's own matcher's weight (1 when left out) and the other pots
        /// that pay a share of each match, each with its weight (1 when left out).
        var weight: Int64? = nil
        var coMatchers: [(pot: UUID?, weight: Int64?)] = []
    }

    /// At most five other pots share a rule's match; a weight is a whole number from 1 to 1,000.
    static let maxCoMatchers = 5
    static let weights: ClosedRange<Int64> = 1...1_000

    /// A rule of a matcher pot (its next version; the open version before it is closed).
    static func create(_ n: NewRule, by caller: Caller) async throws -> FundMatchingRule {
        let matcher = try await Funds.pot(n.matcher, for: .fundManage, by: caller)
        let target = try await Funds.pot(n.target, for: .fundRecord, by: caller)
        var fields: [String: String] = [:]
        if !matcher.kind.paysMatches { fields["matcher"] = FundText.notAMatcher.key }
        if matcher.id == target.id { fields["target"] = FundText.matchSelf.key }
        func yuan(_ s: String?, _ field: String) -> Int64? {
            guard let t = s?.trimmed, !t.isEmpty else { return nil }
            guard let f = Yuan.fen(t) else {
                fields[field] = FundText.amountInvalid.key
                return nil
            }
            return f
        }
        let rule = MatchingRule(
            numerator: n.numerator ?? 0, denominator: n.denominator ?? 0,
            perContribution: yuan(n.perContribution, "perContribution"),
            perHousehold: yuan(n.perHousehold, "perHousehold"),
            perProject: yuan(n.perProject, "perProject"), total: yuan(n.total, "total"),
            threshold: yuan(n.threshold, "threshold"))
        if rule.problem != nil { fields["ratio"] = FundText.ratioInvalid.key }
        let kinds = (n.kinds ?? [FundParty.household.rawValue]).compactMap { FundParty(rawValue: $0.trimmed) }
        if kinds.isEmpty || kinds.count != (n.kinds?.count ?? 1) { fields["kinds"] = FundText.partyInvalid.key }
        let from = CalendarDay((n.validFrom ?? "").trimmed) ?? CalendarDay(caller.now)
        var until: CalendarDay? = nil
        if let u = n.validUntil?.trimmed, !u.isEmpty {
            until = CalendarDay(u)
            if until == nil || until! < from { fields["validUntil"] = FundText.effectiveInvalid.key }
        }
        var subtree: TerritoryNode? = nil
        if let s = n.subtree {
            subtree = try await TerritoryNode.find(s, on: caller.db)
            if subtree == nil || !target.node.territoryPath.contains(subtree!.territoryPath) {
                fields["subtree"] = FundText.householdOutside.key
            }
        }
        let trigger = MatchTrigger(rawValue: (n.trigger ?? "receipt").trimmed)
        if trigger == nil { fields["trigger"] = FundText.triggerInvalid.key }
        if trigger == .projectApproval, target.projectID == nil { fields["trigger"] = FundText.triggerNeedsProject.key }
        // Several matchers: each other pot is one the caller keeps too (nobody commits another's money).
        var payers: [(pot: UUID, weight: Int64)] = []
        let own = n.weight ?? 1
        if !weights.contains(own) { fields["weight"] = FundText.shareInvalid.key }
        if !n.coMatchers.isEmpty {
            payers.append((matcher.id!, own))
            if n.coMatchers.count > maxCoMatchers { fields["coMatchers"] = FundText.shareInvalid.key }
            for c in n.coMatchers.prefix(maxCoMatchers) {
                let pot = try await Funds.pot(c.pot, for: .fundManage, by: caller)
                if !pot.kind.paysMatches { fields["coMatchers"] = FundText.notAMatcher.key }
                let w = c.weight ?? 1
                if !weights.contains(w) || pot.id == target.id || payers.contains(where: { $0.pot == pot.id }) {
                    fields["coMatchers"] = FundText.shareInvalid.key
                }
                payers.append((pot.id!, w))
            }
        }
        guard fields.isEmpty, let trigger else { throw YishiError.invalid(fields) }
        let row = FundMatchingRule()
        row.trigger = trigger
        row.$matcher.id = matcher.id!
        row.$target.id = target.id!
        row.ruleJSON = String(decoding: try JSONEncoder().encode(rule), as: UTF8.self)
        row.kindsJSON = String(decoding: try JSONEncoder().encode(kinds), as: UTF8.self)
        row.subtreeID = subtree?.id
        row.oncePerHousehold = n.oncePerHousehold
        row.validFrom = from.description
        row.validUntil = until?.description
        row.status = .open
        row.createdByID = caller.actor?.userId
        let sharedBy = payers
        let now = caller.now
        do {
            try await caller.audited { tx in
                _ = try await Funds.lock(matcher.id!, on: tx, at: now)
                let sql = tx as! any SQLDatabase
                let last =
                    try await sql.raw(
                        "SELECT COALESCE(MAX(version), 0) AS v FROM fund_matching_rules WHERE matcher_pot_id = \(bind: matcher.id!)"
                    ).first()?.decode(column: "v", as: Int.self) ?? 0
                row.version = last + 1
                try await sql.raw(
                    """
                    UPDATE fund_matching_rules SET status = 'closed'
                    WHERE matcher_pot_id = \(bind: matcher.id!) AND target_pot_id = \(bind: target.id!) AND status = 'open'
                    """
                ).run()
                try await row.create(on: tx)
                for (i, payer) in sharedBy.enumerated() {
                    let share = FundMatchingShare()
                    share.ruleID = row.id!
                    share.potID = payer.pot
                    share.position = i
                    share.weight = payer.weight
                    try await share.create(on: tx)
                }
                return (
                    (),
                    AuditEvent(
                        action: .fundMatchRule, targetType: "fundPot", targetID: matcher.id!.uuidString,
                        nodeID: matcher.$node.id,
                        details: [
                            "version": String(row.version), "ratio": "\(rule.numerator):\(rule.denominator)",
                            "target": target.name, "trigger": trigger.rawValue,
                            "shares": sharedBy.map { "\($0.pot.uuidString):\($0.weight)" }.joined(separator: ","),
                        ])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: FundText.ruleChanged.key)
        }
        return row
    }

    /// The pots that pay a rule's match, with their weights, its own matcher first; a rule without
    /// shares is paid by its matcher alone.
    static func payers(_ r: FundMatchingRule, on db: any Database) async throws -> [(pot: UUID, weight: Int64)] {
        let shares = try await FundMatchingShare.query(on: db).filter(\.$ruleID == r.id!).sort(\.$position).all()
        return shares.isEmpty ? [(r.$matcher.id, Int64(1))] : shares.map { ($0.potID, $0.weight) }
    }

    /// What a rule has matched so far (net of reversals), in all, for a household and for a project:
    /// what its payers have put in.
    static func matched(
        rule: UUID, payers: [UUID], household: UUID?, project: UUID?, on db: any Database
    ) async throws -> Matching.SoFar {
        let sql = db as! any SQLDatabase
        func sum(_ extra: SQLQueryString) async throws -> Int64 {
            try await sql.raw(
                """
                SELECT CAST(COALESCE(-SUM(p.fen), 0) AS BIGINT) AS n FROM fund_entries e
                JOIN fund_postings p ON p.entry_id = e.id AND p.pot_id IN (\(binds: payers))
                WHERE e.rule_id = \(bind: rule) \(extra)
                """
            ).first()?.decode(column: "n", as: Int64.self) ?? 0
        }
        let total = try await sum("")
        var (h, p): (Int64, Int64) = (0, 0)
        if let household { h = try await sum("AND e.household_id = \(bind: household)") }
        if let project { p = try await sum("AND e.project_id = \(bind: project)") }
        return Matching.SoFar(household: h, project: p, total: total)
    }

    /// The receipts into the target that a rule takes: their party among its kinds, dated in its
    /// window, not reversed. With `unmatched`, only those it has not matched yet.
    static func eligible(
        _ r: FundMatchingRule, unmatched: Bool, on db: any Database
    ) async throws -> [(id: UUID, fen: Int64, household: UUID?, project: UUID?, effective: String)] {
        let kinds = r.kinds.map(\.rawValue)
        guard !kinds.isEmpty else { return [] }
        let until = r.validUntil ?? "9999-12-31"
        var inPlace: SQLQueryString = ""
        if let s = r.subtreeID, let place = try await TerritoryNode.find(s, on: db) {
            let path = place.territoryPath
            inPlace = """
                AND EXISTS (SELECT 1 FROM households h JOIN units u ON u.id = h.unit_id
                  JOIN territory_nodes b ON b.id = u.building_id WHERE h.id = e.household_id
                  AND b.path >= \(bind: path.encoded) AND b.path < \(bind: path.subtreeUpperBound))
                """
        }
        let onlyUnmatched: SQLQueryString =
            unmatched
            ? "AND NOT EXISTS (SELECT 1 FROM fund_entries m WHERE m.source_entry_id = e.id AND m.rule_id = \(bind: r.id!))"
            : ""
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT e.id, p.fen, e.household_id, e.project_id, e.effective FROM fund_entries e
            JOIN fund_postings p ON p.entry_id = e.id AND p.pot_id = \(bind: r.$target.id)
            WHERE e.kind = 'receipt' AND e.party IN (\(binds: kinds)) AND e.effective >= \(bind: r.validFrom)
              AND e.effective <= \(bind: until)
              AND NOT EXISTS (SELECT 1 FROM fund_entries x WHERE x.reverses_id = e.id)
              \(onlyUnmatched) \(inPlace)
            ORDER BY e.recorded_at, e.id
            """
        ).all()
        return try rows.map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "fen", as: Int64.self),
                try $0.decode(column: "household_id", as: UUID?.self),
                try $0.decode(column: "project_id", as: UUID?.self),
                try $0.decode(column: "effective", as: String.self)
            )
        }
    }

    /// Matches a receipt just written, by every open rule that takes it. Under a threshold nothing is
    /// matched until the eligible receipts reach it; the receipt that reaches it brings the match of
    /// every one before it. A match never takes the matcher below what it has available.
    static func onReceipt(
        _ receipt: UUID, entry: FundLedger.NewEntry, pot: FundPot, fen: Int64, building: TerritoryNode?, at now: Date,
        on tx: any Database
    ) async throws {
        guard let party = entry.party else { return }
        let rules = try await FundMatchingRule.query(on: tx).filter(\.$target.$id == pot.id!)
            .filter(\.$status == .open).filter(\.$trigger ~~ [.receipt, .projectApproval]).sort(\.$createdAt).all()
        var approved: Bool? = nil
        for r in rules where r.kinds.contains(party) {
            // At the project's approval: nothing before it (that receipt waits for the approval).
            if r.trigger == .projectApproval {
                guard let project = pot.projectID else { continue }
                if approved == nil { approved = try await projectApproved(project, on: tx) }
                guard approved == true else { continue }
            }
            guard let rule = r.rule, r.validFrom <= entry.effective, entry.effective <= (r.validUntil ?? "9999-12-31")
            else { continue }
            if let s = r.subtreeID {
                guard let building, building.territoryPath.ids.contains(s) else { continue }
            }
            let all = try await eligible(r, unmatched: false, on: tx)
            let raised = all.reduce(Int64(0)) { $0 + $1.fen }
            guard Matching.thresholdMet(rule, raised: raised) else { continue }
            let reachedNow = !Matching.thresholdMet(rule, raised: raised - fen)
            let toMatch =
                reachedNow
                ? try await eligible(r, unmatched: true, on: tx)
                : all.filter { $0.id == receipt }
            try await matchEach(
                r, rule: rule, receipts: toMatch, into: pot, node: entry.node, effective: entry.effective,
                by: entry.enteredBy, at: now, on: tx)
        }
    }

    /// Matches each of `receipts` by rule `r` (its caps, once per household), one entry each naming
    /// the rule's version and the receipt. Several payers split each match pro rata by their weights
    /// (`Matching.split`: floored to the fen, the leftover fen one each to the largest remainders,
    /// the earlier payer on a tie); a payer never pays beyond what it has available, and what it
    /// cannot pay is not matched. The target is locked first, then the payers in a fixed order, as
    /// on every path that matches.
    @discardableResult
    static func matchEach(
        _ r: FundMatchingRule, rule: MatchingRule,
        receipts: [(id: UUID, fen: Int64, household: UUID?, project: UUID?, effective: String)],
        into pot: FundPot, node: UUID, effective: String, by user: UUID?, at now: Date, on tx: any Database
    ) async throws -> Int64 {
        let payers = try await payers(r, on: tx)
        _ = try await Funds.lock(pot.id!, on: tx, at: now)
        var available: [UUID: Int64] = [:]
        for id in payers.map(\.pot).sorted(by: { $0.uuidString < $1.uuidString }) {
            let state = try await Funds.lock(id, on: tx, at: now)
            // A closed payer pays nothing.
            if state.open { available[id] = state.balance - (try await Funds.reserved(id, on: tx)) }
        }
        guard !available.isEmpty else { return 0 }
        var total: Int64 = 0
        for s in receipts {
            if r.oncePerHousehold, let h = s.household,
                try await FundEntry.query(on: tx).filter(\.$ruleID == r.id!).filter(\.$householdID == h)
                    .filter(\.$kind == .match).count() > 0
            {
                continue
            }
            let soFar = try await matched(
                rule: r.id!, payers: payers.map(\.pot), household: s.household, project: s.project, on: tx)
            let m = Matching.match(s.fen, rule: rule, soFar: soFar)
            guard m > 0 else { continue }
            let shares = Matching.split(m, weights: payers.map(\.weight))
            var postings: [Posting] = []
            var paid: Int64 = 0
            for (i, payer) in payers.enumerated() {
                let share = min(shares[i], max(0, available[payer.pot] ?? 0))
                guard share > 0 else { continue }
                postings.append(Posting(LedgerAccount.pot(payer.pot), -share))
                available[payer.pot, default: 0] -= share
                paid += share
            }
            guard paid > 0 else { continue }
            postings.append(Posting(pot.account, paid))
            let match = FundLedger.NewEntry(
                node: node, kind: .match, effective: effective, memo: "", postings: postings,
                enteredBy: user, project: s.project, household: s.household, rule: r.id, ruleVersion: r.version,
                sourceEntry: s.id)
            try await FundLedger.write(match, id: UUID(), at: now, on: tx)
            total += paid
        }
        return total
    }

    /// Whether a project is approved: an allocation to it rests on its decision.
    static func projectApproved(_ project: UUID, on db: any Database) async throws -> Bool {
        try await FundAllocation.query(on: db).filter(\.$project.$id == project).first() != nil
    }

    /// Before a project's allocation is written: when it will be the project's first (its approval)
    /// and rules match at its approval, locks their target pots first, then the paying pot and the
    /// rules' payers, in a fixed order (as every path that matches locks them). Returns whether the
    /// allocation is the project's first.
    static func lockForApproval(project: UUID, paying: UUID, at now: Date, on tx: any Database) async throws
        -> Approval?
    {
        guard try await !projectApproved(project, on: tx) else { return nil }
        let targets = try await FundPot.query(on: tx).filter(\.$projectID == project).all()
        guard !targets.isEmpty else { return Approval(targets: [], rules: []) }
        let rules = try await FundMatchingRule.query(on: tx).filter(\.$target.$id ~~ targets.compactMap(\.id))
            .filter(\.$status == .open).filter(\.$trigger == .projectApproval).sort(\.$createdAt).all()
        guard !rules.isEmpty else { return Approval(targets: targets, rules: []) }
        var others: Set<UUID> = [paying]
        for r in rules { for p in try await payers(r, on: tx) { others.insert(p.pot) } }
        let firstTargets = Set(rules.map(\.$target.id))
        let order =
            firstTargets.sorted { $0.uuidString < $1.uuidString }
            + others.subtracting(firstTargets).sorted { $0.uuidString < $1.uuidString }
        for id in order { _ = try await Funds.lock(id, on: tx, at: now) }
        return Approval(targets: targets, rules: rules)
    }

    /// A project's first allocation: its pots, and the rules that match at its approval.
    struct Approval: Sendable {
        var targets: [FundPot]
        var rules: [FundMatchingRule]
    }

    /// A project is approved: every open rule that matches at its approval, of a pot of the project,
    /// matches now each eligible receipt not yet matched (when its threshold is met), in the
    /// allocation's transaction. Returns what was matched.
    static func onProjectApproval(_ approval: Approval, at now: Date, by user: UUID?, on tx: any Database)
        async throws -> Int64
    {
        let today = CalendarDay(now).description
        var total: Int64 = 0
        for r in approval.rules {
            guard let rule = r.rule, let target = approval.targets.first(where: { $0.id == r.$target.id }) else {
                continue
            }
            let all = try await eligible(r, unmatched: false, on: tx)
            guard Matching.thresholdMet(rule, raised: all.reduce(Int64(0)) { $0 + $1.fen }) else { continue }
            total += try await matchEach(
                r, rule: rule, receipts: try await eligible(r, unmatched: true, on: tx), into: target,
                node: target.$node.id, effective: today, by: user, at: now, on: tx)
        }
        return total
    }

    /// Closes a rule's round. A rule that matches at the round's close matches now every eligible
    /// receipt of the round not yet matched (when the threshold is met), in one transaction; then
    /// nothing more is matched by it. Returns what was matched now.
    static func close(_ id: UUID?, by caller: Caller) async throws -> Int64 {
        guard let id, let r = try await FundMatchingRule.find(id, on: caller.db) else { throw YishiError.notFound }
        let matcher = try await Funds.pot(r.$matcher.id, for: .fundManage, by: caller)
        let target = try await Funds.pot(r.$target.id, on: caller.db)
        let (now, user) = (caller.now, caller.actor?.userId)
        let today = CalendarDay(now).description
        return try await caller.audited { tx in
            let claimed = try await (tx as! any SQLDatabase).raw(
                "UPDATE fund_matching_rules SET status = 'closed' WHERE id = \(bind: id) AND status = 'open' RETURNING id"
            ).first()
            guard claimed != nil else { throw YishiError.conflict(key: FundText.ruleChanged.key) }
            var total: Int64 = 0
            if r.trigger == .roundClose, let rule = r.rule {
                let receipts = try await eligible(r, unmatched: true, on: tx)
                let all = try await eligible(r, unmatched: false, on: tx)
                if Matching.thresholdMet(rule, raised: all.reduce(Int64(0)) { $0 + $1.fen }) {
                    total = try await matchEach(
                        r, rule: rule, receipts: receipts, into: target, node: target.$node.id, effective: today,
                        by: user, at: now, on: tx)
                }
            }
            return (
                total,
                AuditEvent(
                    action: .fundMatchRule, targetType: "fundPot", targetID: matcher.id!.uuidString,
                    nodeID: matcher.$node.id,
                    details: ["version": String(r.version), "closed": "true", "matched": Yuan.text(total)])
            )
        }
    }
}
