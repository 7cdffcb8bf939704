import Fluent
import SQLKit
import Vapor
import YishiCore

/// A project's named documents, and a district's own workflow templates.
extension ProjectsService {
    static func addDocument(_ id: UUID?, name: String, file: [(name: String, data: Data)], by caller: Caller)
        async throws -> Project
    {
        let p = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: p.node.territoryPath)
        var fields: [String: String] = [:]
        let n = FieldRules.text(name, max: 60)
        if let problem = n.problem { fields["name"] = problem.fieldKey }
        var checked: [Uploads.File] = []
        switch Uploads.check(file, accept: .documents, max: 1) {
        case .success(let f) where f.count == 1: checked = f
        default: fields["file"] = NoticeText.fileRefused.key
        }
        guard fields.isEmpty, let docName = n.value else { throw YishiError.invalid(fields) }
        let (user, files) = (caller.actor?.userId, checked)
        return try await caller.audited { tx in
            let ids = try await Uploads.store(files, by: user, on: tx)
            let d = ProjectDocument()
            d.$project.id = try p.requireID()
            d.stage = p.stage
            d.name = docName
            d.$attachment.id = ids[0]
            d.byID = user
            try await d.create(on: tx)
            return (
                p,
                AuditEvent(
                    action: .projectDocument, targetType: "project", targetID: p.id!.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "document": docName])
            )
        }
    }

    /// A district administrator adds a workflow template file, checked like the shipped ones.
    static func addTemplate(_ data: Data, district districtID: UUID?, by caller: Caller) async throws
        -> WorkflowTemplate
    {
        let district = try await caller.district(districtID, for: .projectManage)
        let t: WorkflowTemplate
        switch WorkflowRules.template(data) {
        case .success(let ok): t = ok
        case .failure(let refused): throw TemplateRefused(problems: refused.problems)
        }
        if Workflows.shipped.contains(where: { $0.key == t.key }) {
            throw TemplateRefused(problems: [.key])
        }
        let body = String(decoding: data, as: UTF8.self)
        let user = caller.actor?.userId
        do {
            return try await caller.audited { tx in
                try await (tx as! any SQLDatabase).insert(into: "workflow_templates")
                    .columns("id", "district_id", "key", "body", "created_by_id", "created_at")
                    .values(
                        SQLBind(UUID()), SQLBind(district.requireID()), SQLBind(t.key), SQLBind(body), SQLBind(user),
                        SQLBind(caller.now)
                    ).run()
                return (
                    t,
                    AuditEvent(
                        action: .workflowAdd, targetType: "district", targetID: district.id!.uuidString,
                        nodeID: district.id, details: ["key": t.key, "stages": String(t.stages.count)])
                )
            }
        } catch let error where error.isUniqueViolation {
            throw TemplateRefused(problems: [.key])
        }
    }

    struct TemplateRefused: Error { var problems: [WorkflowRules.Problem] }
}
