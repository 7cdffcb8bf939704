import Fluent
import SQLKit
import Vapor
import YishiCore

/// 方案 with versions (多稿设计): a labelled option ("方案A") and its versions (a drawing, what it
/// is, its cost), residents' comments on each version, and the option chosen — from a resolution
/// passed at one of the project's meetings.
final class DesignOption: Model, @unchecked Sendable {
    static let schema = "design_options"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "label") var label: String
    @Field(key: "version") var version: Int
    @Field(key: "description") var description: String
    @OptionalField(key: "cost_fen") var costFen: Int64?
    @OptionalParent(key: "attachment_id") var attachment: Attachment?
    @Field(key: "chosen") var chosen: Bool
    @OptionalField(key: "chosen_by_resolution_id") var chosenByResolutionID: UUID?
    @OptionalField(key: "chosen_by_vote_id") var chosenByVoteID: UUID?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class DesignOptionComment: Model, @unchecked Sendable {
    static let schema = "design_option_comments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "option_id") var option: DesignOption
    @Field(key: "text") var text: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "staff") var staff: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

enum DesignOptions {
    static func of(_ p: Project, on db: any Database) async throws -> [DesignOption] {
        try await DesignOption.query(on: db).filter(\.$project.$id == p.requireID()).sort(\.$label).sort(\.$version)
            .all()
    }

    /// The latest `limit` versions (the page's), in label and version order.
    static func of(_ p: Project, limit: Int, on db: any Database) async throws -> [DesignOption] {
        try await DesignOption.query(on: db).filter(\.$project.$id == p.requireID()).sort(\.$createdAt, .descending)
            .sort(\.$version, .descending).limit(limit).all()
            .sorted { $0.label != $1.label ? $0.label < $1.label : $0.version < $1.version }
    }

    /// A new version of option `label` (1 for a new label), with its drawing (a picture or PDF).
    static func add(
        _ projectID: UUID?, label: String, description: String, cost: String?, file: [(name: String, data: Data)],
        by caller: Caller
    ) async throws -> DesignOption {
        let p = try await ProjectsService.readable(projectID, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        var fields: [String: String] = [:]
        let l = FieldRules.text(label, max: 30)
        if let problem = l.problem { fields["label"] = problem.fieldKey }
        let d = FieldRules.paragraphs(description, max: 2_000)
        if let problem = d.problem { fields["description"] = problem.fieldKey }
        let fen = ProjectsService.fen(cost)
        if case .failure = fen { fields["cost"] = ProjectText.budgetInvalid.key }
        var files: [Uploads.File] = []
        switch Uploads.check(file, accept: .documents, max: 1) {
        case .success(let f): files = f
        case .failure: fields["file"] = NoticeText.fileRefused.key
        }
        guard fields.isEmpty, let labelText = l.value, let text = d.value else { throw YishiError.invalid(fields) }
        let (user, drawing, amount) = (caller.actor?.userId, files, (try? fen.get()) ?? nil)
        do {
            return try await caller.audited { tx in
                let last =
                    try await DesignOption.query(on: tx).filter(\.$project.$id == p.requireID())
                    .filter(\.$label == labelText).sort(\.$version, .descending).first()?.version ?? 0
                let o = DesignOption()
                o.$project.id = try p.requireID()
                o.label = labelText
                o.version = last + 1
                o.description = text
                o.costFen = amount
                o.chosen = false
                o.createdByID = user
                if !drawing.isEmpty { o.$attachment.id = try await Uploads.store(drawing, by: user, on: tx).first }
                try await o.create(on: tx)
                return (
                    o,
                    AuditEvent(
                        action: .designOptionAdd, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                        details: ["title": p.title, "option": labelText, "version": String(o.version)])
                )
            }
        } catch let error where error.isUniqueViolation {
            throw YishiError.conflict(key: ProjectText.optionClash.key)
        }
    }

    /// Records the chosen option from a resolution passed at one of the project's meetings.
    static func choose(_ optionID: UUID?, resolution resolutionID: UUID?, by caller: Caller) async throws
        -> DesignOption
    {
        guard let optionID, let o = try await DesignOption.find(optionID, on: caller.db) else {
            throw YishiError.notFound
        }
        let p = try await ProjectsService.readable(o.$project.id, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        guard let resolutionID,
            let r = try await MeetingResolution.query(on: caller.db).filter(\.$id == resolutionID).with(\.$meeting)
                .first(),
            r.meeting.$project.id == p.id, r.passed
        else { throw YishiError.invalid(["resolution": ProjectText.chooseNeedsResolution.key]) }
        return try await caller.audited { tx in
            try await DesignOption.query(on: tx).filter(\.$project.$id == p.requireID()).set(\.$chosen, to: false)
                .update()
            o.chosen = true
            o.chosenByResolutionID = resolutionID
            o.chosenByVoteID = nil
            try await o.update(on: tx)
            return (
                o,
                AuditEvent(
                    action: .designOptionChoose, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "option": o.label, "version": String(o.version), "resolution": r.text])
            )
        }
    }

    static func comment(_ optionID: UUID?, text: String, by caller: Caller) async throws -> DesignOption {
        guard let optionID, let o = try await DesignOption.find(optionID, on: caller.db) else {
            throw YishiError.notFound
        }
        let p = try await ProjectsService.readable(o.$project.id, by: caller)
        let actor = try caller.requireActor()
        let staff = caller.allows(.projectManage, at: p.node.territoryPath)
        if !staff {
            guard actor.kind == .resident else { throw YishiError.denied(.roleLacksAction) }
            let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .projectManage)
            try caller.authorize(.comment, at: home.path)
            guard p.node.territoryPath.contains(home.path) else { throw YishiError.denied(.outsideScope) }
        }
        let body = FieldRules.paragraphs(text, max: 500)
        if let problem = body.problem { throw YishiError.invalid(["comment": problem.fieldKey]) }
        let words = body.value ?? ""
        return try await caller.audited { tx in
            let c = DesignOptionComment()
            c.$option.id = optionID
            c.text = words
            c.userID = actor.userId
            c.staff = staff
            try await c.create(on: tx)
            return (
                o,
                AuditEvent(
                    action: .designOptionComment, targetType: "project", targetID: p.id!.uuidString,
                    nodeID: p.$node.id, details: ["option": o.label, "version": String(o.version)])
            )
        }
    }

    static func comments(of options: [DesignOption], on db: any Database) async throws -> [UUID: [DesignOptionComment]]
    {
        guard !options.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await DesignOptionComment.query(on: db).filter(\.$option.$id ~~ options.compactMap(\.id))
                .sort(\.$createdAt).all(), by: { $0.$option.id })
    }
}
