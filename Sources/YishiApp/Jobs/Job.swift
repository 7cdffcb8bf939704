import Fluent
import Vapor
import YishiCore

/// A piece of long work in the database (DESIGN.md "Long work"): queued, running, succeeded or
/// failed, with its progress, so that any instance's worker can run it and every page can show it.
final class Job: Model, @unchecked Sendable {
    static let schema = "jobs"

    enum Status: String, Codable, Sendable, CaseIterable { case queued, running, succeeded, failed }
    /// What kind of work: open, so a capability adds its own (`Feature.jobKinds`) without editing
    /// this file; stored as its raw value.
    struct Kind: RawRepresentable, Codable, Hashable, Sendable {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
        static let atlasImport = Kind(rawValue: "atlasImport")
        static let territoryImport = Kind(rawValue: "territoryImport")
        static let territoryPreview = Kind(rawValue: "territoryPreview")
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Kind
    @Field(key: "status") var status: Status
    /// 0 … 100.
    @Field(key: "progress") var progress: Int
    /// The current step and, when it failed, why: a text key with its arguments (`JobText`), read in
    /// the reader's language; the sentence columns only for messages made outside the catalog (the
    /// map reader's own) and for rows written before keys were stored.
    @OptionalField(key: "message_key") var messageKey: String?
    @OptionalField(key: "message_args") var messageArgs: String?
    @Field(key: "message_zh") var messageZh: String
    @Field(key: "message_en") var messageEn: String
    @OptionalField(key: "error_key") var errorKey: String?
    @OptionalField(key: "error_args") var errorArgs: String?
    @OptionalField(key: "error_zh") var errorZh: String?
    @OptionalField(key: "error_en") var errorEn: String?
    /// How many times a worker has started it (a restart puts a running job back in the queue).
    @Field(key: "attempts") var attempts: Int
    @OptionalParent(key: "node_id") var node: TerritoryNode?
    /// The uploaded file while the job needs it; deleted when the job ends, so uploads do not pile up.
    @OptionalParent(key: "attachment_id") var attachment: Attachment?
    @OptionalField(key: "file_name") var fileName: String?
    @OptionalField(key: "file_size") var fileSize: Int?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    /// What it produced, as JSON (for an atlas import: `LifeCircleImporter.Summary`).
    @OptionalField(key: "result") var result: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Bumped by the worker while it runs: a running job not bumped for a while has lost its worker.
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "started_at") var startedAt: Date?
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}
    init(kind: Kind, nodeID: UUID?, attachment: Attachment?, createdBy: UUID?) {
        self.kind = kind
        status = .queued
        progress = 0
        attempts = 0
        fileName = attachment?.name
        fileSize = attachment?.size
        setMessage(Status.queued.catalogKey)
        self.$node.id = nodeID
        self.$attachment.id = attachment?.id
        createdByID = createdBy
    }

    var isFinished: Bool { status == .succeeded || status == .failed }

    /// The current step: a text key and its arguments.
    func setMessage(_ key: String, _ args: [String] = []) {
        messageKey = key
        messageArgs = JobText.encode(args)
        messageZh = ""
        messageEn = ""
    }

    /// What an atlas import produced; nil until it succeeds.
    var atlasSummary: LifeCircleImporter.Summary? {
        result.flatMap { try? JSONDecoder().decode(LifeCircleImporter.Summary.self, from: Data($0.utf8)) }
    }
    func message(_ lang: Lang) -> String {
        if let key = messageKey { return Catalog.text(key, lang, JobText.decode(messageArgs)) }
        return lang == .zhHans ? messageZh : messageEn
    }

    func error(_ lang: Lang) -> String? {
        if let key = errorKey { return Catalog.text(key, lang, JobText.decode(errorArgs)) }
        return lang == .zhHans ? errorZh : errorEn
    }
}

extension Job.Status {
    /// Catalog names are "enum.JobStatus.…".
    var catalogKey: String { "enum.JobStatus.\(rawValue)" }
}
