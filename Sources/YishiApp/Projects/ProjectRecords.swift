import Fluent
import SQLKit
import Vapor
import YishiCore

/// A project's record of its works or review (`ProjectRecordKind`): staff record procurement,
/// progress with photos, acceptance, upkeep, the usage rules adopted, assessments, audits,
/// before/after photos, a reminder and a nomination; residents of the place report problems
/// during the works, which staff take to a coordination meeting.
final class ProjectRecord: Model, @unchecked Sendable {
    static let schema = "project_records"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "kind") var kind: ProjectRecordKind
    @Field(key: "stage") var stage: Int
    @Field(key: "text") var text: String
    @OptionalField(key: "party") var party: String?
    @OptionalField(key: "method") var method: String?
    @OptionalField(key: "amount_fen") var amountFen: Int64?
    @OptionalField(key: "percent") var percent: Int?
    @OptionalField(key: "result") var result: String?
    @OptionalField(key: "happened_on") var date: String?
    @OptionalField(key: "meeting_id") var meetingID: UUID?
    /// `[UUID]` of attachments, as JSON, in the order given (before, after).
    @Field(key: "attachments") var attachmentsJSON: String
    @OptionalField(key: "by_id") var byID: UUID?
    @Field(key: "by_resident") var byResident: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var attachmentIDs: [UUID] { (try? JSONDecoder().decode([UUID].self, from: Data(attachmentsJSON.utf8))) ?? [] }
    var acceptance: AcceptanceResult? { result.flatMap(AcceptanceResult.init(rawValue:)) }
    var procurement: ProcurementMethod? { method.flatMap(ProcurementMethod.init(rawValue:)) }
}

enum ProjectRecords {
    struct New: Sendable {
        var kind: String?
        var text = ""
        var party = ""
        var method = ""
        var amount = ""
        var percent = ""
        var result = ""
        var date = ""
        var meeting: UUID? = nil
        var files: [(name: String, data: Data)] = []
    }

    /// Records a kind for the project (staff), or a problem (a resident of its place).
    static func add(_ projectID: UUID?, _ n: New, by caller: Caller) async throws -> ProjectRecord {
        let p = try await ProjectsService.readable(projectID, by: caller)
        let actor = try caller.requireActor()
        guard let kind = n.kind.flatMap(ProjectRecordKind.init(rawValue:)) else {
            throw YishiError.invalid(["kind": FieldText.requiredText.key])
        }
        let staff = caller.allows(.projectManage, at: p.node.territoryPath)
        var residentID: UUID? = nil
        if !staff {
            // Residents of the place report problems during the works; nothing else.
            guard actor.kind == .resident, kind == .problem else { throw YishiError.denied(.roleLacksAction) }
            let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .projectManage)
            try caller.authorize(.comment, at: home.path)
            guard p.node.territoryPath.contains(home.path) else { throw YishiError.denied(.outsideScope) }
            residentID = home.resident.id
        }
        // The meeting named must be one of this project's.
        var meeting: Meeting? = nil
        if let mid = n.meeting {
            meeting = try await Meeting.query(on: caller.db).filter(\.$id == mid).filter(\.$project.$id == p.id).first()
            if meeting == nil { throw YishiError.invalid(["meeting": WorksText.meetingRequired.key]) }
        }
        let fen = ProjectsService.fen(n.amount)
        var fields: [String: String] = [:]
        let accept: Uploads.Accept = [.progress, .problem, .beforeAfter].contains(kind) ? .photos : .documents
        var files: [Uploads.File] = []
        switch Uploads.check(n.files, accept: accept, max: 5) {
        case .success(let f): files = f
        case .failure(.tooMany): fields["photos"] = WorksText.tooManyPhotos.key
        case .failure(.refused): fields["photos"] = NoticeText.fileRefused.key
        }
        let input = ProjectRecordInput(
            text: n.text, party: n.party, method: n.method, amountFen: (try? fen.get()) ?? nil,
            amountInvalid: (try? fen.get()) == nil, percent: n.percent, result: n.result, date: n.date,
            meeting: meeting != nil, photos: files.count)
        let checked: ProjectRecordChecked
        switch ProjectRecordRules.check(kind, input) {
        case .success(let c): checked = c
        case .failure(let problems): throw YishiError.invalid(problems.fields.merging(fields) { a, _ in a })
        }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let (user, mid, stage, stored, resident) = (actor.userId, meeting?.id, p.stage, files, residentID)
        return try await caller.audited { tx in
            let r = ProjectRecord()
            r.$project.id = try p.requireID()
            r.kind = kind
            r.stage = stage
            r.text = checked.text
            r.party = checked.party
            r.method = checked.method?.rawValue
            r.amountFen = checked.amountFen
            r.percent = checked.percent
            r.result = checked.result?.rawValue
            r.date = checked.date
            r.meetingID = mid
            r.attachmentsJSON = DesignVotes.json(
                stored.isEmpty ? [] : try await Uploads.store(stored, by: user, on: tx))
            r.byID = user
            r.byResident = resident != nil
            try await r.create(on: tx)
            return (
                r,
                AuditEvent(
                    action: .projectRecord, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "kind": kind.rawValue],
                    provenance: resident.map { Provenance(forResident: $0, enteredBy: user, channel: .online) })
            )
        }
    }

    /// Staff take a resident's problem to one of the project's meetings (a coordination meeting).
    static func link(_ recordID: UUID?, meeting meetingID: UUID?, by caller: Caller) async throws -> ProjectRecord {
        guard let recordID, let r = try await ProjectRecord.find(recordID, on: caller.db) else {
            throw YishiError.notFound
        }
        let p = try await ProjectsService.readable(r.$project.id, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        guard r.kind == .problem else { throw YishiError.notFound }
        guard let meetingID,
            let m = try await Meeting.query(on: caller.db).filter(\.$id == meetingID).filter(\.$project.$id == p.id)
                .first()
        else { throw YishiError.invalid(["meeting": WorksText.meetingRequired.key]) }
        return try await caller.audited { tx in
            r.meetingID = m.id
            try await r.update(on: tx)
            return (
                r,
                AuditEvent(
                    action: .projectRecord, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "kind": "problem", "meeting": m.title])
            )
        }
    }

    /// The project's records, oldest first (the latest `limit`).
    static func of(_ p: Project, limit: Int = 100, on db: any Database) async throws -> [ProjectRecord] {
        try await ProjectRecord.query(on: db).filter(\.$project.$id == p.requireID()).sort(\.$createdAt, .descending)
            .limit(limit).all().reversed()
    }

    /// The file of a record, after the project's check.
    static func file(_ projectID: UUID?, record recordID: UUID?, _ n: Int?, by caller: Caller) async throws
        -> Attachment
    {
        let p = try await ProjectsService.readable(projectID, by: caller)
        guard let recordID, let n,
            let r = try await ProjectRecord.query(on: caller.db).filter(\.$id == recordID)
                .filter(\.$project.$id == p.requireID()).first(),
            r.attachmentIDs.indices.contains(n), let a = try await Attachment.find(r.attachmentIDs[n], on: caller.db)
        else { throw YishiError.notFound }
        return a
    }
}

/// The project's satisfaction survey: a questionnaire at its place made from a 1–5 question and a
/// comment, published by staff from the questionnaire's page; its answers counted by the engine.
enum ProjectSurveys {
    struct State: Sendable {
        var questionnaire: Questionnaire
        var responses: Int
        var satisfaction: Consultative.Satisfaction
        var closed: Bool
    }

    static func start(_ projectID: UUID?, lang: Lang, by caller: Caller) async throws -> Questionnaire {
        let p = try await ProjectsService.readable(projectID, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        try caller.authorize(.surveyManage, at: p.node.territoryPath)
        guard
            case .success(let scale) = Question.make(
                kind: .scale, prompt: WorksText.surveyQuestion.text(lang, [p.title]), optionLines: "", required: true,
                needCategory: nil),
            case .success(let comment) = Question.make(
                kind: .text, prompt: WorksText.surveyComment.text(lang), optionLines: "", required: false,
                needCategory: nil)
        else { throw YishiError.invalid(["survey": FieldText.invalid.key]) }
        let questions = DesignVotes.json([scale, comment])
        let user = caller.actor?.userId
        let title = String((WorksText.survey.text(lang) + " · " + p.title).prefix(100))
        let now = caller.now
        return try await caller.audited { tx in
            // One survey at a time: the project's row is locked, then its surveys read (a draft, or
            // an open one whose period has not ended, keeps a new one out; two at once: one).
            _ = try await (tx as! any SQLDatabase).raw(
                "UPDATE projects SET title = title WHERE id = \(bind: p.requireID())"
            ).run()
            let running = try await Questionnaire.query(on: tx).filter(\.$projectID == p.id).all().contains {
                $0.state(at: now) != .closed
            }
            guard !running else { throw YishiError.conflict(key: WorksText.surveyRunning.key) }
            let q = Questionnaire()
            q.$node.id = p.$node.id
            q.title = title
            q.intro = WorksText.surveyIntro.text(lang)
            q.questionsJSON = questions
            q.status = .draft
            q.days = 14
            q.createdByID = user
            q.projectID = p.id
            try await q.create(on: tx)
            return (
                q,
                AuditEvent(
                    action: .projectSurvey, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title])
            )
        }
    }

    /// The latest survey of the project, its answers counted on the first 1–5 question.
    static func state(_ p: Project, now: Date, on db: any Database) async throws -> State? {
        guard
            let q = try await Questionnaire.query(on: db).filter(\.$projectID == p.requireID())
                .sort(\.$createdAt, .descending).first()
        else { return nil }
        let responses = try await QuestionnairesService.responses(of: q, on: db)
        let scaleIndex = q.questions.firstIndex { $0.kind == .scale }
        let scores: [Int] = responses.compactMap { r in
            guard let i = scaleIndex, case .scale(let n) = r.answers[i] else { return nil }
            return n
        }
        return State(
            questionnaire: q, responses: responses.count, satisfaction: Consultative.satisfaction(scores),
            closed: q.state(at: now) == .closed)
    }
}
