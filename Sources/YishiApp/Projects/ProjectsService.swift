import Fluent
import SQLKit
import Vapor
import YishiCore

/// Projects for pages and the API alike (`Caller`): started from listed needs (which become
/// "taken up"), moved through their workflow — on only when the stage has what it needs (a pure
/// rule in Core), back only with a reason — and given their documents stage by stage.
enum ProjectsService {
    struct NewProject: Sendable {
        var node: UUID?
        var title: String
        var description: String
        var kind: String?
        var initiator: String?
        var budget: String?
        var template: String?
        var needs: [UUID]
        /// "31.35,121.43", optional.
        var point: String? = nil
    }

    /// "12000", "12000.5", "12,000.50" yuan → fen; nil when blank; a problem when it is not an amount.
    static func fen(_ text: String?) -> Result<Int64?, FieldProblem> {
        let t = (text ?? "").trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return .success(nil) }
        guard let fen = Yuan.fen(t) else { return .failure(.invalid) }
        return .success(fen)
    }

    static func create(_ p: NewProject, by caller: Caller) async throws -> Project {
        let node = try await caller.node(p.node, for: .projectManage)
        var fields: [String: String] = [:]
        let title = FieldRules.text(p.title, max: 100)
        if let problem = title.problem { fields["title"] = problem.fieldKey }
        let description =
            p.description.trimmed.isEmpty ? "" : (try? FieldRules.paragraphs(p.description, max: 2_000).get())
        if description == nil { fields["description"] = FieldText.invalid.key }
        let kind = p.kind.flatMap(ProjectKind.init)
        if kind == nil { fields["kind"] = FieldText.requiredText.key }
        let initiator = p.initiator.flatMap(ProjectInitiator.init)
        if initiator == nil { fields["initiator"] = FieldText.requiredText.key }
        let budget = fen(p.budget)
        if case .failure = budget { fields["budget"] = ProjectText.budgetInvalid.key }
        let template = try await Workflows.template(p.template ?? "", for: node, on: caller.db)
        if template == nil { fields["template"] = ProjectText.noTemplate.key }
        let pointText = (p.point ?? "").trimmed
        let point = pointText.isEmpty ? nil : ProjectPoint.parse(pointText)
        if !pointText.isEmpty && point == nil { fields["point"] = ProjectText.pointInvalid.key }
        // The needs: on the list, of the communities at or below the project's place.
        let path = node.territoryPath
        let needs =
            p.needs.isEmpty
            ? []
            : try await Need.query(on: caller.db).filter(\.$id ~~ p.needs).with(\.$community).all()
        if needs.isEmpty || needs.count != Set(p.needs).count
            || needs.contains(where: { $0.status != .accepted || !path.contains($0.community.territoryPath) })
        {
            fields["needs"] = ProjectText.needsHint.key
        }
        guard fields.isEmpty, let title = title.value, let kind, let initiator, let template else {
            throw YishiError.invalid(fields)
        }
        let (user, desc, fenAmount) = (caller.actor?.userId, description ?? "", (try? budget.get()) ?? nil)
        do {
            return try await caller.audited { tx in
                let project = Project()
                project.$node.id = try node.requireID()
                project.title = title
                project.description = desc
                project.kind = kind
                project.initiator = initiator
                project.budgetFen = fenAmount
                project.lat = point?.lat
                project.lon = point?.lon
                project.templateKey = template.key
                project.stage = 0
                project.createdByID = user
                try await project.create(on: tx)
                for need in needs {
                    try await (tx as! any SQLDatabase).insert(into: "project_needs").columns("project_id", "need_id")
                        .values(SQLBind(project.id!), SQLBind(need.id!)).run()
                    need.status = .takenUp
                    try await need.update(on: tx)
                }
                return (
                    project,
                    AuditEvent(
                        action: .projectCreate, targetType: "project", targetID: project.id!.uuidString,
                        nodeID: node.id,
                        details: ["title": title, "template": template.key, "needs": String(needs.count)])
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.invalid(["needs": ProjectText.needTaken.key])
        }
    }

    static func readable(_ id: UUID?, by caller: Caller) async throws -> Project {
        // The place joined in the same query (not a second one).
        guard let id,
            let p = try await Project.query(on: caller.db).join(
                TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id
            )
            .filter(\.$id == id).first()
        else { throw YishiError.notFound }
        p.$node.value = try p.joined(TerritoryNode.self)
        if !caller.allows(.projectManage, at: p.node.territoryPath) {
            try caller.authorize(.needRead, at: p.node.territoryPath)
        }
        return p
    }

    static func needs(of p: Project, on db: any Database) async throws -> [Need] {
        // One query: the project's needs by a subquery on the link table.
        let id = try p.requireID()
        return try await Need.query(on: db)
            .filter(.sql(embed: "\(ident: "id") IN (SELECT need_id FROM project_needs WHERE project_id = \(bind: id))"))
            .sort(\.$priority, .descending).all()
    }

    /// What a project's page shows of each long list: the latest this many (a project with two
    /// hundred events stays a page a phone can read, and one that loads in a few milliseconds).
    static let recent = 10

    /// What the page says yes or no to, and counts, in one query: an option chosen, the works
    /// accepted, how many follow it, and whether (and how) this user does.
    struct Flags: Sendable {
        var optionChosen = false
        var accepted = false
        var followers = 0
        /// nil: not following; true: with text messages.
        var following: Bool? = nil
        /// It has published notices; it has a satisfaction survey.
        var notices = false
        var survey = false
    }

    static func flags(_ p: Project, user: UUID?, on db: any Database) async throws -> Flags {
        let id = try p.requireID()
        let passed = [AcceptanceResult.passed.rawValue, AcceptanceResult.passedWithConditions.rawValue]
        let row = try await (db as! any SQLDatabase).raw(
            """
            SELECT
            CASE WHEN EXISTS (SELECT 1 FROM design_options WHERE project_id = \(bind: id) AND chosen = \(bind: true))
              THEN 1 ELSE 0 END AS chosen,
            CASE WHEN EXISTS (SELECT 1 FROM project_records WHERE project_id = \(bind: id) AND kind = 'acceptance'
              AND result IN (\(binds: passed))) THEN 1 ELSE 0 END AS accepted,
            (SELECT COUNT(*) FROM project_followers WHERE project_id = \(bind: id)) AS followers,
            (SELECT CASE WHEN sms THEN 2 ELSE 1 END FROM project_followers
              WHERE project_id = \(bind: id) AND user_id = \(bind: user ?? UUID())) AS following,
            CASE WHEN EXISTS (SELECT 1 FROM public_notices WHERE subject_kind = \(bind: ProjectNotices.kind)
              AND subject_id = \(bind: id) AND status = 'published') THEN 1 ELSE 0 END AS notices,
            CASE WHEN EXISTS (SELECT 1 FROM questionnaires WHERE project_id = \(bind: id)) THEN 1 ELSE 0 END AS survey
            """
        ).first()
        guard let row else { return Flags() }
        let following = try row.decode(column: "following", as: Int?.self)
        return Flags(
            optionChosen: try row.decode(column: "chosen", as: Int.self) == 1,
            accepted: try row.decode(column: "accepted", as: Int.self) == 1,
            followers: try row.decode(column: "followers", as: Int.self), following: following.map { $0 == 2 },
            notices: try row.decode(column: "notices", as: Int.self) == 1,
            survey: try row.decode(column: "survey", as: Int.self) == 1)
    }

    /// A project's record as its page and its facts need it, read once: everything at the current
    /// stage, and the latest `recent` of each list.
    struct Record: Sendable {
        var needs: [Need]
        /// Its latest meetings (newest first), and those held for the current stage.
        var meetings: [Meeting]
        /// The meetings held for it at this stage (kind, minutes recorded), and the kinds of those
        /// at which a resolution passed — as the stage's requirements look at them.
        var meetingsHere: [(kind: MeetingKind, held: Bool)]
        var decisionsHere: [MeetingKind]
        /// Resolutions passed at its meetings (the latest).
        var passed: [MeetingResolution]
        var options: [DesignOption]
        /// Its latest documents, and the names of those attached at the current stage.
        var documents: [ProjectDocument]
        var documentsHere: [String]
        /// Its latest moves, oldest first.
        var history: [ProjectMove]
        /// Its notices drafted at the current stage whose period ended with every objection answered.
        var settledNotices: Int
        /// Its works and review records (the latest, oldest first), its acceptance, its satisfaction survey.
        var records: [ProjectRecord] = []
        /// An option is chosen (whether or not it is among the latest shown).
        var optionChosen = false
        var accepted = false
        var flags = Flags()
        var survey: ProjectSurveys.State? = nil
        /// An owners' vote held for the project passed (read only when the stage asks for one).
        var ownersVotePassed = false
    }

    /// `stage`: what the current stage requires, when known — what it does not ask for is not read
    /// (nil: read everything).
    static func record(
        _ p: Project, now: Date, user: UUID? = nil, stage: WorkflowStage? = nil, forStaff: Bool = true,
        on db: any Database
    ) async throws -> Record {
        let asks = stage?.requires
        let wantsMeetings =
            asks?.contains {
                switch $0 {
                case .meeting, .decision: true
                default: false
                }
            } ?? true
        let wantsDocuments =
            asks?.contains {
                if case .document = $0 { true } else { false }
            } ?? true
        let flags = try await flags(p, user: user, on: db)
        let id = try p.requireID()
        let sql = db as! any SQLDatabase
        let votePassed =
            asks?.contains(.ownersVote) ?? true
            ? try await sql.raw(
                "SELECT id FROM owner_votes WHERE project_id = \(bind: id) AND result_status = 'passed' LIMIT 1"
            ).first() != nil : false
        let meetings = try await Meeting.query(on: db).filter(\.$project.$id == id).sort(\.$startsAt, .descending)
            .limit(recent).all()
        // The stage's meetings and decisions as the rules need them: a few columns, not whole records.
        let here =
            !wantsMeetings
            ? []
            : try await sql.raw(
                """
                SELECT m.kind, CASE WHEN m.minutes IS NOT NULL AND m.minutes <> '' THEN 1 ELSE 0 END AS held,
                CASE WHEN EXISTS (SELECT 1 FROM meeting_resolutions r WHERE r.meeting_id = m.id AND r.status = 'passed')
                  THEN 1 ELSE 0 END AS decided
                FROM meetings m WHERE m.project_id = \(bind: id) AND m.project_stage = \(bind: p.stage)
                """
            ).all().compactMap { row -> (MeetingKind, Bool, Bool)? in
                guard let kind = MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                    return nil
                }
                return (
                    kind, try row.decode(column: "held", as: Int.self) == 1,
                    try row.decode(column: "decided", as: Int.self) == 1
                )
            }
        // The resolutions an option may be chosen by: for staff, while none is chosen.
        let passed =
            !forStaff || flags.optionChosen
            ? []
            : try await MeetingResolution.query(on: db)
                .join(Meeting.self, on: \MeetingResolution.$meeting.$id == \Meeting.$id)
                .filter(Meeting.self, \.$project.$id == id).filter(\.$status == TallyStatus.passed.rawValue)
                .sort(\.$createdAt, .descending).limit(recent).all()
        let history = try await ProjectMove.query(on: db).filter(\.$project.$id == id).sort(\.$createdAt, .descending)
            .limit(recent).all()
        // Notices of the project drafted since it came to this stage (both stamped by the database).
        var since = history.first { $0.toStage == p.stage }?.createdAt
        if since == nil && history.count == recent {
            since =
                try await ProjectMove.query(on: db).filter(\.$project.$id == id).filter(\.$toStage == p.stage)
                .sort(\.$createdAt, .descending).first()?.createdAt
        }
        let start = since ?? p.createdAt ?? .distantPast
        var settled = 0
        for n in try await flags.notices
            ? PublicNotice.query(on: db).filter(\.$subjectKind == ProjectNotices.kind)
                .filter(\.$subjectID == id).filter(\.$status == .published).all() : []
        where (n.createdAt ?? .distantPast) >= start {
            let objections = try await NoticesService.objections(of: n, on: db)
            if NoticesService.outcome(n, objections, now: now)?.isSettled == true { settled += 1 }
        }
        let documents = try await ProjectDocument.query(on: db).filter(\.$project.$id == id)
            .sort(\.$createdAt, .descending).limit(recent).all()
        let documentsHere =
            !wantsDocuments
            ? []
            : try await sql.raw(
                "SELECT name FROM project_documents WHERE project_id = \(bind: id) AND stage = \(bind: p.stage)"
            ).all().map { try $0.decode(column: "name", as: String.self) }
        return Record(
            needs: try await needs(of: p, on: db), meetings: meetings.reversed(),
            meetingsHere: here.map { ($0.0, $0.1) }, decisionsHere: here.filter(\.2).map(\.0), passed: passed,
            options: try await DesignOptions.of(p, limit: recent, on: db), documents: documents.reversed(),
            documentsHere: documentsHere,
            history: history.reversed(), settledNotices: settled,
            records: try await ProjectRecords.of(p, limit: recent, on: db),
            optionChosen: flags.optionChosen, accepted: flags.accepted, flags: flags,
            survey: flags.survey ? try await ProjectSurveys.state(p, now: now, on: db) : nil,
            ownersVotePassed: votePassed)
    }

    /// What the project has at its current stage: meetings held for it at this stage (with minutes),
    /// decisions passed at them, settled notices, documents attached at it, a chosen option, an owners'
    /// vote passed for it. Funds come with their capability; until then a stage that needs them waits.
    static func facts(_ p: Project, _ r: Record) -> StageFacts {
        StageFacts(
            needs: r.needs.count, meetings: r.meetingsHere.map { ($0.kind, $0.held) }, decisions: r.decisionsHere,
            settledNotices: r.settledNotices, documents: r.documentsHere, ownersVotePassed: r.ownersVotePassed,
            optionChosen: r.optionChosen,
            accepted: r.accepted, surveyed: r.survey.map { $0.closed && $0.responses > 0 } ?? false)
    }

    static func facts(_ p: Project, now: Date, on db: any Database) async throws -> StageFacts {
        facts(p, try await record(p, now: now, on: db))
    }

    /// The stage a project is at in its template (nil when done or the template is gone).
    static func stage(of p: Project, _ t: WorkflowTemplate?) -> WorkflowStage? {
        guard let t, p.stage < t.stages.count else { return nil }
        return t.stages[p.stage]
    }

    /// On one stage, or back with a reason; two moves at once: one wins (the stage must still be the one seen).
    static func move(_ id: UUID?, forward: Bool, reason: String?, by caller: Caller) async throws -> Project {
        let p = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        guard let t = try await Workflows.template(p.templateKey, for: p.node, on: caller.db) else {
            throw YishiError.conflict(key: ProjectText.noTemplate.key)
        }
        let from = p.stage
        let to = forward ? from + 1 : from - 1
        let facts = try await facts(p, now: caller.now, on: caller.db)
        switch WorkflowRules.move(t, from: min(from, t.stages.count - 1), to: to, facts: facts, reason: reason) {
        case .failure(.reasonRequired): throw YishiError.invalid(["reason": FieldText.requiredText.key])
        case .failure(.missing): throw YishiError.conflict(key: ProjectText.cannotMove.key)
        case .failure: throw YishiError.conflict(key: ProjectText.cannotMove.key)
        case .success(let m):
            guard from < t.stages.count || !forward else { throw YishiError.conflict(key: ProjectText.cannotMove.key) }
            let why: String? = if case .back(let r) = m { r } else { nil }
            let user = caller.actor?.userId
            let pid = try p.requireID()
            let name =
                to < t.stages.count
                ? t.stages[to].name
                : BilingualName(zh: ProjectText.done.text(.zhHans), en: ProjectText.done.text(.en))
            let now = caller.now
            let moved: Project = try await caller.audited { tx in
                let won = try await (tx as! any SQLDatabase).raw(
                    "UPDATE projects SET stage = \(bind: to) WHERE id = \(bind: p.requireID()) AND stage = \(bind: from) RETURNING id"
                ).all()
                guard !won.isEmpty else { throw YishiError.conflict(key: ProjectText.cannotMove.key) }
                let mv = ProjectMove()
                mv.$project.id = try p.requireID()
                mv.fromStage = from
                mv.toStage = to
                mv.reason = why
                mv.byID = user
                try await mv.create(on: tx)
                p.stage = to
                // Every step done: its needs are done; a step back from there takes them up again.
                if to == t.stages.count || from == t.stages.count {
                    let status = to == t.stages.count ? NeedStatus.done : NeedStatus.takenUp
                    try await (tx as! any SQLDatabase).raw(
                        """
                        UPDATE needs SET status = \(bind: status.rawValue)
                        WHERE id IN (SELECT need_id FROM project_needs WHERE project_id = \(bind: pid))
                        """
                    ).run()
                }
                // Its followers hear of a step forward, in the same transaction.
                if forward {
                    try await ProjectFollowing.notify(
                        pid, WorksText.notifyStage, [p.title, Notification.both(name.zh, name.en)],
                        link: Site.project(pid), now: now, on: tx)
                }
                return (
                    p,
                    AuditEvent(
                        action: .projectMove, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                        details: [
                            "title": p.title, "from": t.stages[min(from, t.stages.count - 1)].key,
                            "to": to < t.stages.count ? t.stages[to].key : "done", "reason": why ?? "",
                        ])
                )
            }
            if forward {
                await ProjectFollowing.textFollowers(pid, WorksText.notifyStage, [p.title, name.zh], by: caller)
            }
            return moved
        }
    }
}
