import Fluent
import SQLKit
import Vapor
import YishiCore

/// 项目: a micro-renewal project at a node, from needs to its review through a workflow template
/// (a file: `Workflows/`), its stage the index of the stage it is at (the count of stages: all done).
final class Project: Model, @unchecked Sendable {
    static let schema = "projects"

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "kind") var kind: ProjectKind
    @Field(key: "initiator") var initiator: ProjectInitiator
    @OptionalField(key: "budget_fen") var budgetFen: Int64?
    @Field(key: "template_key") var templateKey: String
    @Field(key: "stage") var stage: Int
    @OptionalField(key: "lat") var lat: Double?
    @OptionalField(key: "lon") var lon: Double?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A move of a project from one stage to another, with the reason when it went back.
final class ProjectMove: Model, @unchecked Sendable {
    static let schema = "project_moves"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "from_stage") var fromStage: Int
    @Field(key: "to_stage") var toStage: Int
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "by_id") var byID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A named document of a project, attached at a stage.
final class ProjectDocument: Model, @unchecked Sendable {
    static let schema = "project_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "stage") var stage: Int
    @Field(key: "name") var name: String
    @Parent(key: "attachment_id") var attachment: Attachment
    @OptionalField(key: "by_id") var byID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// The workflow templates: the shipped files (checked when the platform starts: a bad one stops
/// it with the problem named) and those a district's administrator added (checked the same way).
enum Workflows {
    static let shipped: [WorkflowTemplate] = {
        guard let dir = Bundle.module.url(forResource: "Workflows", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
        else { fatalError("workflow templates not found in the bundle / 找不到流程模板") }
        return files.filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { url in
                guard let data = try? Data(contentsOf: url) else { fatalError("cannot read \(url.lastPathComponent)") }
                switch WorkflowRules.template(data) {
                case .success(let t): return t
                case .failure(let refused):
                    fatalError("workflow template \(url.lastPathComponent) does not validate: \(refused.problems)")
                }
            }
    }()

    /// The templates a project at `node` may use: the shipped ones, then its district's.
    static func available(for node: TerritoryNode, on db: any Database) async throws -> [WorkflowTemplate] {
        guard let district = node.territoryPath.ids.first else { return shipped }
        let added = try await (db as! any SQLDatabase).raw(
            "SELECT body FROM workflow_templates WHERE district_id = \(bind: district) ORDER BY key"
        ).all().compactMap { row -> WorkflowTemplate? in
            guard let body = try? row.decode(column: "body", as: String.self) else { return nil }
            return try? WorkflowRules.template(Data(body.utf8)).get()
        }
        return shipped + added
    }

    static func template(_ key: String, for node: TerritoryNode, on db: any Database) async throws -> WorkflowTemplate?
    {
        // A shipped key needs no query (a district's own keys never take a shipped one).
        if let t = shipped.first(where: { $0.key == key }) { return t }
        return try await available(for: node, on: db).first { $0.key == key }
    }
}

/// A member of a project's working group.
final class ProjectMember: Model, @unchecked Sendable {
    static let schema = "project_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "role") var role: WorkingGroupRole
    @OptionalField(key: "user_id") var userID: UUID?
    @OptionalField(key: "resident_id") var residentID: UUID?
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
