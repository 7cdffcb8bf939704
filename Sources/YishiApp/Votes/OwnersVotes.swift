import Fluent
import SQLKit
import Vapor
import YishiCore

/// Owners' votes for pages, the API and the command line alike (`Caller`). A vote is created by
/// the owners' committee of the compound, or by the residents' committee where the compound has
/// none (seed 000 §三.3); the count is `OwnersTally`'s on the frozen register and the stored ballots.
enum OwnersVotes {
    struct NewVote: Sendable {
        var node: UUID
        var matter: Int?
        var title: String
        var text: String
        var countParking = false
        var silence = false
        var silenceRule: String? = nil
        var noticeDays: String? = nil
        var opensAt: Date? = nil
        var closesAt: Date? = nil
        /// A part shared by some owners: its description and its buildings (of the compound).
        var sharedPart: String? = nil
        var partBuildings: [UUID] = []
        var project: UUID? = nil
        var files: [(name: String, data: Data)] = []
    }

    /// A district's correction period for registers, in days (7 when none is set).
    static func noticeDays(district: UUID?, on db: any Database) async throws -> Int {
        guard let district else { return 7 }
        return try await (db as! any SQLDatabase).raw(
            "SELECT notice_days FROM owner_vote_settings WHERE district_id = \(bind: district)"
        ).first()?.decode(column: "notice_days", as: Int.self) ?? 7
    }

    /// Sets a district's correction period (0–90 days; 0 is allowed and recorded).
    static func setNoticeDays(_ text: String?, district id: UUID?, by caller: Caller) async throws -> Int {
        let district = try await caller.district(id, for: .territoryEdit)
        guard let days = NoticePeriod.days(text) else { throw YishiError.invalid(["days": NoticeText.daysInvalid.key]) }
        let now = caller.now
        try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("DELETE FROM owner_vote_settings WHERE district_id = \(bind: district.id!)").run()
            try await sql.raw(
                "INSERT INTO owner_vote_settings (district_id, notice_days, updated_at) VALUES (\(bind: district.id!), \(bind: days), \(bind: now))"
            ).run()
            return (
                (),
                AuditEvent(
                    action: .ownersVoteSettings, targetType: "node", targetID: district.code, nodeID: district.id,
                    details: ["days": String(days)])
            )
        }
        return days
    }

    /// Does the compound have an owners' committee (someone holding the role there)?
    static func hasCommittee(_ compound: UUID, on db: any Database) async throws -> Bool {
        try await RoleGrant.query(on: db).filter(\.$node.$id == compound).filter(\.$role == .ownersCommittee).first()
            != nil
    }

    static func create(_ v: NewVote, by caller: Caller) async throws -> OwnersVote {
        let node = try await caller.node(v.node, for: .ownersVoteManage)
        guard node.level == .compound || node.level == .building else {
            throw YishiError.invalid(["node": OwnerVoteText.nodeLevel.key])
        }
        let compoundID = node.level == .compound ? node.id! : node.$parent.id!
        // The residents' committee organises only where the compound has no owners' committee.
        // (The platform itself — the demo, the command line — is not a committee and is not asked.)
        if let actor = caller.actor,
            !actor.grants.contains(where: { $0.role == .ownersCommittee && $0.covers(node.territoryPath) }),
            try await hasCommittee(compoundID, on: caller.db)
        {
            throw YishiError.conflict(key: OwnerVoteText.committeeExists.key)
        }
        var fields: [String: String] = [:]
        let matter = v.matter.flatMap(OwnersMatter.init(rawValue:))
        if matter == nil { fields["matter"] = OwnerVoteText.matterInvalid.key }
        let title = FieldRules.text(v.title, max: 100)
        if let p = title.problem { fields["title"] = p.fieldKey }
        let text = FieldRules.paragraphs(v.text, max: 5_000)
        if let p = text.problem { fields["text"] = p.fieldKey }
        var rule: String? = nil
        if v.silence {
            switch FieldRules.paragraphs(v.silenceRule ?? "", max: 2_000) {
            case .success(let r): rule = r
            case .failure: fields["silenceRule"] = OwnerVoteText.silenceRuleNeeded.key
            }
        }
        let districtDays = try await noticeDays(district: node.territoryPath.ids.first, on: caller.db)
        let days: Int? =
            (v.noticeDays ?? "").trimmed.isEmpty ? districtDays : NoticePeriod.days(v.noticeDays)
        if days == nil { fields["noticeDays"] = NoticeText.daysInvalid.key }
        if let o = v.opensAt, let c = v.closesAt, c <= o { fields["closesAt"] = OwnerVoteText.closesBeforeOpens.key }
        if let c = v.closesAt, c <= caller.now { fields["closesAt"] = OwnerVoteText.closesAtPast.key }
        var label: String? = nil
        var scope = "wholeEstate"
        if node.level == .building {
            scope = "buildingGroup"
            label = node.name
        } else if let part = v.sharedPart?.trimmed, !part.isEmpty {
            switch FieldRules.text(part, max: 100) {
            case .success(let p):
                scope = "sharedPart"
                label = p
            case .failure(let p): fields["sharedPart"] = p.fieldKey
            }
            let children = try await TerritoryQueries.children(of: node.id, on: caller.db).compactMap(\.id)
            if v.partBuildings.isEmpty || !v.partBuildings.allSatisfy(children.contains) {
                fields["partBuildings"] = OwnerVoteText.partBuildings.key
            }
        }
        var project: UUID? = nil
        if let pid = v.project {
            let p = try await ProjectsService.readable(pid, by: caller)
            guard p.node.territoryPath.contains(node.territoryPath) else {
                throw YishiError.invalid(["project": OwnerVoteText.projectElsewhere.key])
            }
            project = pid
        }
        var files: [Uploads.File] = []
        switch Uploads.check(v.files, accept: .documents) {
        case .success(let f): files = f
        case .failure: fields["files"] = NoticeText.fileRefused.key
        }
        guard fields.isEmpty, let matter, let t = title.value, let body = text.value, let days else {
            throw YishiError.invalid(fields)
        }
        let user = caller.actor?.userId
        let (checked, scopeName, scopeLabel, projectID, silenceRule) = (files, scope, label, project, rule)
        return try await caller.audited { tx in
            let vote = OwnersVote()
            vote.$node.id = node.id!
            vote.projectID = projectID
            vote.scope = scopeName
            vote.scopeLabel = scopeLabel
            vote.partBuildingsJSON = DesignVotes.json(scopeName == "sharedPart" ? v.partBuildings : [])
            vote.matterNumber = matter.rawValue
            vote.title = t
            vote.text = body
            vote.countParking = v.countParking
            vote.silence = v.silence
            vote.silenceRule = silenceRule
            vote.noticeDays = days
            vote.opensAt = v.opensAt
            vote.closesAt = v.closesAt
            vote.status = .draft
            vote.registerVersion = 0
            vote.chainSeq = 0
            vote.filesJSON = "[]"
            vote.createdByID = user
            let ids = try await Uploads.store(checked, by: user, on: tx)
            vote.filesJSON = DesignVotes.json(ids)
            try await vote.create(on: tx)
            return (
                vote,
                AuditEvent(
                    action: .ownersVoteCreate, targetType: "ownersVote", targetID: vote.id!.uuidString,
                    nodeID: node.id,
                    details: [
                        "title": t, "matter": String(matter.rawValue), "noticeDays": String(days),
                        "countParking": String(v.countParking), "silence": String(v.silence),
                    ])
            )
        }
    }

    /// A vote and its place, for someone who may see it: the organisers and those who read the
    /// owners' register there, and — once the register is published — anyone (it is public).
    static func readable(_ id: UUID?, by caller: Caller) async throws -> OwnersVote {
        guard let id,
            let v = try await OwnersVote.query(on: caller.db).join(
                TerritoryNode.self, on: \OwnersVote.$node.$id == \TerritoryNode.$id
            ).filter(\.$id == id).first()
        else { throw YishiError.notFound }
        v.$node.value = try v.joined(TerritoryNode.self)
        if v.status == .draft, !mayRead(v, caller) { throw YishiError.notFound }
        return v
    }

    static func mayRead(_ v: OwnersVote, _ caller: Caller) -> Bool {
        caller.allows(.ownersVoteManage, at: v.node.territoryPath)
            || caller.allows(.ownersRegisterRead, at: v.node.territoryPath)
    }

    /// A vote the caller organises (or 403/404).
    static func managed(_ id: UUID?, by caller: Caller) async throws -> OwnersVote {
        let v = try await readable(id, by: caller)
        try caller.authorize(.ownersVoteManage, at: v.node.territoryPath)
        return v
    }

    /// Votes at or below a node, newest first.
    static func list(below node: TerritoryNode, drafts: Bool, on db: any Database) async throws -> [OwnersVote] {
        let path = node.territoryPath
        let rows = try await OwnersVote.query(on: db).join(
            TerritoryNode.self, on: \OwnersVote.$node.$id == \TerritoryNode.$id
        ).filter(TerritoryNode.self, \.$path >= path.encoded).filter(
            TerritoryNode.self, \.$path < path.subtreeUpperBound
        )
        .sort(\.$createdAt, .descending).limit(200).all()
        for v in rows { v.$node.value = try v.joined(TerritoryNode.self) }
        return rows.filter { drafts || $0.status != .draft }
    }

    static func refusal(_ r: OwnerVote.Refusal) -> YishiError {
        switch r {
        case .registerLocked: .conflict(key: OwnerVoteText.registerLocked.key)
        case .reasonNeeded: .invalid(["reason": OwnerVoteText.reasonNeeded.key])
        case .registerNotPublished: .conflict(key: OwnerVoteText.registerNotPublished.key)
        case .correctionPeriod: .conflict(key: OwnerVoteText.correctionPeriod.key)
        case .objectionsUnanswered: .conflict(key: OwnerVoteText.objectionsUnanswered.key)
        case .notOpenYet: .conflict(key: OwnerVoteText.notOpenYet.key)
        case .closed: .conflict(key: OwnerVoteText.closed.key)
        case .alreadyOpen: .conflict(key: OwnerVoteText.alreadyOpen.key)
        case .notClosed: .conflict(key: OwnerVoteText.notClosed.key)
        case .alreadyPublished: .conflict(key: NoticeText.alreadyPublished.key)
        case .closesAtPassed: .invalid(["closesAt": OwnerVoteText.closesAtPast.key])
        }
    }

    /// Asks the rules whether `step` may happen now.
    static func allow(_ step: OwnerVote.Step, _ v: OwnersVote, unanswered: Int = 0, now: Date) throws {
        if let r = OwnerVote.check(
            step, status: v.status, now: now, registerPublishedAt: v.registerPublishedAt, noticeDays: v.noticeDays,
            unanswered: unanswered, closesAt: v.closesAt)
        {
            throw refusal(r)
        }
    }
}
