import Fluent
import SQLKit
import Vapor
import YishiCore

/// Questionnaires for pages and commands alike (`Caller`): staff build and publish one at a place;
/// a verified resident living under it answers once online; staff enter paper forms (for a named
/// resident, or unsigned). Written answers to a question with a need category become needs of the
/// person who wrote them, in the same transaction.
enum QuestionnairesService {
    static let defaultDays = 14

    static func load(_ id: UUID?, on db: any Database) async throws -> Questionnaire {
        guard let id, let q = try await Questionnaire.query(on: db).filter(\.$id == id).with(\.$node).first() else {
            throw YishiError.notFound
        }
        return q
    }

    /// A questionnaire the caller may see: a draft only by its staff; a published one by staff,
    /// by whoever may read needs there, and by residents who live under it.
    static func readable(_ id: UUID?, by caller: Caller) async throws -> Questionnaire {
        let q = try await load(id, on: caller.db)
        let path = q.node.territoryPath
        if caller.allows(.surveyManage, at: path) { return q }
        guard q.status != .draft else { throw YishiError.notFound }
        if caller.allows(.needRead, at: path) { return q }
        if caller.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: caller, managing: .surveyManage),
            path.contains(home.path)
        {
            return q
        }
        try caller.authorize(.needRead, at: path)
        return q
    }

    static func create(node nodeID: UUID?, title: String, intro: String, days: String?, by caller: Caller)
        async throws -> Questionnaire
    {
        let node = try await caller.node(nodeID, for: .surveyManage)
        var fields: [String: String] = [:]
        let t = FieldRules.text(title, max: 100)
        let i = FieldRules.optional(intro, max: 2_000)
        if let p = t.problem { fields["title"] = p.fieldKey }
        if case .failure(let p) = i { fields["intro"] = p.fieldKey }
        let d = (days ?? "").trimmed.isEmpty ? defaultDays : Int((days ?? "").trimmed) ?? -1
        if !(1...NoticePeriod.maxDays).contains(d) { fields["days"] = SurveyText.daysInvalid.key }
        guard fields.isEmpty, let title = t.value else { throw YishiError.invalid(fields) }
        let introText = (try? i.get()) ?? nil
        let user = caller.actor?.userId
        return try await caller.audited { tx in
            let q = Questionnaire()
            q.$node.id = try node.requireID()
            q.title = title
            q.intro = introText ?? ""
            q.questionsJSON = "[]"
            q.status = .draft
            q.days = d
            q.createdByID = user
            try await q.create(on: tx)
            return (
                q,
                AuditEvent(
                    action: .surveyCreate, targetType: "questionnaire", targetID: q.id!.uuidString, nodeID: node.id,
                    details: ["title": title])
            )
        }
    }

    /// Adds a question to a draft (published ones never change: 409).
    static func addQuestion(
        _ id: UUID?, kind: QuestionKind?, prompt: String, options: String, required: Bool, needCategory: String?,
        by caller: Caller
    ) async throws -> Questionnaire {
        let q = try await load(id, on: caller.db)
        try caller.authorize(.surveyManage, at: q.node.territoryPath)
        guard q.status == .draft else { throw YishiError.conflict(key: SurveyText.editLocked.key) }
        guard let kind else { throw YishiError.invalid(["kind": FieldText.requiredText.key]) }
        var category: String? = nil
        if let c = needCategory, !c.isEmpty {
            let settings = try await NeedSettingsStore.of(district: q.node.territoryPath.ids.first, on: caller.db)
            guard let found = NeedCategory.find(c, in: settings.categories) else {
                throw YishiError.invalid(["needCategory": FieldText.invalid.key])
            }
            category = found.key
        }
        let question: Question
        switch Question.make(
            kind: kind, prompt: prompt, optionLines: options, required: required, needCategory: category)
        {
        case .success(let made): question = made
        case .failure(.prompt): throw YishiError.invalid(["prompt": SurveyText.badPrompt.key])
        case .failure(.options): throw YishiError.invalid(["options": SurveyText.badOptions.key])
        }
        let now = caller.now
        return try await caller.audited { tx in
            // Read and written under the row's lock, and only while a draft: two added at once are
            // both kept, and none is added once it is published.
            let sql = tx as! any SQLDatabase
            guard
                let row = try await sql.raw(
                    """
                    UPDATE questionnaires SET updated_at = \(bind: now)
                    WHERE id = \(bind: q.requireID()) AND status = 'draft' RETURNING questions
                    """
                ).first()
            else { throw YishiError.conflict(key: SurveyText.editLocked.key) }
            var all =
                (try? JSONDecoder().decode(
                    [Question].self, from: Data(try row.decode(column: "questions", as: String.self).utf8))) ?? []
            guard all.count < Questionnaires.maxQuestions else {
                throw YishiError.invalid(["prompt": SurveyText.tooManyQuestions.key])
            }
            all.append(question)
            let json = String(decoding: try JSONEncoder().encode(all), as: UTF8.self)
            try await sql.raw("UPDATE questionnaires SET questions = \(bind: json) WHERE id = \(bind: q.requireID())")
                .run()
            q.questionsJSON = json
            return (
                q,
                AuditEvent(
                    action: .surveyCreate, targetType: "questionnaire", targetID: q.id!.uuidString, nodeID: q.$node.id,
                    details: ["title": q.title, "question": question.prompt])
            )
        }
    }

    /// Opens a draft with at least one question for its days (twice at once: one wins, the other 409).
    static func publish(_ id: UUID?, by caller: Caller) async throws -> Questionnaire {
        let q = try await load(id, on: caller.db)
        try caller.authorize(.surveyManage, at: q.node.territoryPath)
        guard q.status == .draft else { throw YishiError.conflict(key: SurveyText.editLocked.key) }
        guard !q.questions.isEmpty else { throw YishiError.invalid(["questions": SurveyText.needQuestions.key]) }
        let now = caller.now
        let closes = now.addingTimeInterval(TimeInterval(q.days) * 86_400)
        return try await caller.audited { tx in
            let won = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE questionnaires SET status = 'open', opens_at = \(bind: now), closes_at = \(bind: closes)
                WHERE id = \(bind: q.requireID()) AND status = 'draft' AND questions <> '[]' RETURNING id
                """
            ).all()
            guard !won.isEmpty, let fresh = try await Questionnaire.find(q.id, on: tx) else {
                throw YishiError.conflict(key: SurveyText.editLocked.key)
            }
            return (
                fresh,
                AuditEvent(
                    action: .surveyPublish, targetType: "questionnaire", targetID: q.id!.uuidString,
                    nodeID: q.$node.id, details: ["title": q.title, "closes": Show.dateTime(closes)])
            )
        }
    }

    static func close(_ id: UUID?, by caller: Caller) async throws -> Questionnaire {
        let q = try await load(id, on: caller.db)
        try caller.authorize(.surveyManage, at: q.node.territoryPath)
        let now = caller.now
        guard q.isOpen(at: now) else { throw YishiError.conflict(key: SurveyText.notOpen.key) }
        return try await caller.audited { tx in
            q.status = .closed
            q.closesAt = now
            try await q.update(on: tx)
            return (
                q,
                AuditEvent(
                    action: .surveyClose, targetType: "questionnaire", targetID: q.id!.uuidString, nodeID: q.$node.id,
                    details: ["title": q.title])
            )
        }
    }

    /// A response: a resident's own (once), or a paper form staff enter with its channel, for a
    /// named resident or unsigned. `raw` holds each question's values by its index.
    static func answer(
        _ id: UUID?, raw: [Int: [String]], forResident: String?, channel: YishiCore.Channel?, by caller: Caller
    ) async throws -> (QuestionnaireResponse, needs: Int) {
        let q = try await readable(id, by: caller)
        let actor = try caller.requireActor()
        var home: ResidentHome? = nil
        var c = YishiCore.Channel.online
        if actor.kind == .resident {
            let (h, _) = try await ResidentHome.whose(nil, by: caller, managing: .surveyManage)
            try caller.authorize(.surveyAnswer, at: h.path)
            guard q.node.territoryPath.contains(h.path) else { throw YishiError.denied(.outsideScope) }
            home = h
        } else {
            try caller.authorize(.surveyManage, at: q.node.territoryPath)
            guard let given = channel, given != .online else {
                throw YishiError.invalid(["channel": FieldText.requiredText.key])
            }
            c = given
            if !(forResident ?? "").trimmed.isEmpty {
                let (h, _) = try await ResidentHome.whose(forResident, by: caller, managing: .surveyManage)
                guard q.node.territoryPath.contains(h.path) else { throw YishiError.denied(.outsideScope) }
                home = h
            }
        }
        let now = caller.now
        guard q.isOpen(at: now) else { throw YishiError.conflict(key: SurveyText.notOpen.key) }
        let questions = q.questions
        let answers: [Int: Answer]
        switch Questionnaires.check(questions, raw: raw) {
        case .success(let a): answers = a
        case .failure(let problems):
            throw YishiError.invalid(
                Dictionary(
                    uniqueKeysWithValues: problems.byQuestion.map { i, p in
                        (
                            "q\(i)",
                            (p == .required
                                ? SurveyText.required : (p == .invalid ? SurveyText.invalid : SurveyText.tooLong))
                                .key
                        )
                    }))
        }
        let rid = try home?.resident.requireID()
        if let rid,
            try await QuestionnaireResponse.query(on: caller.db).filter(\.$questionnaire.$id == q.requireID())
                .filter(\.$resident.$id == rid).first() != nil
        {
            throw YishiError.conflict(key: SurveyText.alreadyAnswered.key)
        }
        let json = String(decoding: try JSONEncoder().encode(answers), as: UTF8.self)
        let settings = try await NeedSettingsStore.of(district: q.node.territoryPath.ids.first, on: caller.db)
        let enteredBy = actor.kind == .resident ? nil : actor.userId
        let (who, channelUsed) = (home, c)
        do {
            return try await caller.audited { tx in
                let r = QuestionnaireResponse()
                r.$questionnaire.id = try q.requireID()
                r.$resident.id = rid
                r.channel = channelUsed.rawValue
                r.enteredByID = enteredBy
                r.answersJSON = json
                try await r.create(on: tx)
                // Written answers that become needs: the writer's own, in their community.
                var needs: [String] = []
                if let who {
                    for (i, question) in questions.enumerated() {
                        guard let category = question.needCategory, case .text(let text)? = answers[i] else { continue }
                        let need = try await NeedsService.insert(
                            .init(
                                community: who.community, place: who.community, category: category, body: text,
                                channel: .questionnaire, enteredBy: enteredBy,
                                resident: (try who.resident.requireID(), who.householdID, try who.building.requireID()),
                                settings: settings),
                            now: now, on: tx)
                        needs.append(need.id!.uuidString)
                    }
                }
                return (
                    (r, needs.count),
                    AuditEvent(
                        action: .surveyAnswer, targetType: "questionnaire", targetID: q.id!.uuidString,
                        nodeID: q.$node.id, details: ["title": q.title, "needs": needs.joined(separator: ",")],
                        provenance: Provenance(forResident: rid, enteredBy: actor.userId, channel: channelUsed))
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.conflict(key: SurveyText.alreadyAnswered.key)
        }
    }

    static func responses(of q: Questionnaire, on db: any Database) async throws -> [QuestionnaireResponse] {
        try await QuestionnaireResponse.query(on: db).filter(\.$questionnaire.$id == q.requireID())
            .sort(\.$createdAt).all()
    }

    /// Questionnaires at a node, above it or below it; drafts only for its staff.
    static func concerning(_ node: TerritoryNode, drafts: Bool, on db: any Database) async throws -> [Questionnaire] {
        let path = node.territoryPath
        let q = Questionnaire.query(on: db).join(TerritoryNode.self, on: \Questionnaire.$node.$id == \TerritoryNode.$id)
            .group(.or) { g in
                g.filter(\.$node.$id ~~ path.ids)
                g.group(.and) {
                    $0.filter(TerritoryNode.self, \.$path >= path.encoded)
                    $0.filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
                }
            }
        if !drafts { q.filter(\.$status != .draft) }
        return try await q.with(\.$node).sort(\.$createdAt, .descending).limit(100).all()
    }
}
