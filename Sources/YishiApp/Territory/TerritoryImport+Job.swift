import Fluent
import Vapor
import YishiCore

/// What a territory import job produced: the outcome, or the refused lines in both languages.
struct TerritoryImportResult: Content, Equatable {
    var outcome: TerritoryImporter.Outcome?
    /// True for a check: the outcome is what the import would do; nothing was written.
    var preview: Bool?
    var issueCount: Int?
    /// The first `maxIssues` refused lines.
    var issues: [Issue]?

    struct Issue: Content, Equatable {
        var line: Int
        /// "zh-Hans" and "en".
        var message: [String: String]
    }

    static let maxIssues = 500

    init(outcome: TerritoryImporter.Outcome) { self.outcome = outcome }

    init(_ failure: ImportFailure) {
        issueCount = failure.issues.count
        issues = failure.issues.prefix(Self.maxIssues).map { i in
            let (key, args) = i.problem.message
            return Issue(
                line: i.line,
                message: [
                    Lang.zhHans.rawValue: Catalog.text(key, .zhHans, args),
                    Lang.en.rawValue: Catalog.text(key, .en, args),
                ])
        }
    }
}

extension Job {
    /// What a territory import produced (on success and on refusal); nil for other kinds.
    var territoryImportResult: TerritoryImportResult? {
        guard kind == .territoryImport || kind == .territoryPreview else { return nil }
        return result.flatMap { try? JSONDecoder().decode(TerritoryImportResult.self, from: Data($0.utf8)) }
    }
}

/// Territory imports as jobs: the request stores the file and answers at once; the worker imports.
enum TerritoryImportJob {
    /// The node an import is made at: the one named (where the actor must be allowed to import),
    /// else the deepest node that holds all the actor's importing grants (nil: platform-wide, or
    /// grants in several districts; then the grants alone bound it).
    static func bound(named code: String?, _ actor: Actor, on db: any Database) async throws -> TerritoryNode? {
        if let code = code?.trimmed, !code.isEmpty {
            guard let node = try await TerritoryNode.query(on: db).filter(\.$code == code).first() else {
                throw YishiError.invalid(["node": FieldText.unknownNode.key])
            }
            guard Policy.allows(actor, .territoryImport, at: node.territoryPath) else {
                throw YishiError.denied(.outsideScope)
            }
            return node
        }
        let scopes = Policy.scopes(actor, for: .territoryImport)
        guard !scopes.isEmpty else { throw YishiError.denied(.roleLacksAction) }
        guard !scopes.contains(where: { $0 == nil }),
            let common = TerritoryPath.commonAncestor(scopes.compactMap { $0 })
        else { return nil }
        return try await TerritoryNode.find(common.nodeId, on: db)
    }

    /// Stores the file and queues the job.
    static func enqueue(
        _ data: Data, name: String, bound: TerritoryNode?, by user: UUID, preview: Bool = false, on db: any Database
    ) async throws -> Job {
        let safeName = String(name.filter { !$0.isNewline && !FieldRules.hasControlCharacter(String($0)) }.prefix(200))
        let file = Attachment(
            name: safeName.isEmpty ? "territory-import.csv" : safeName, contentType: "text/csv", data: data)
        if preview { try await forgetStalePreviews(on: db) }
        return try await JobRunner.enqueue(
            preview ? .territoryPreview : .territoryImport, file: file, nodeID: bound?.id, createdBy: user, on: db)
    }

    /// Checks not confirmed within a day let go of their files: uploads do not pile up.
    static func forgetStalePreviews(on db: any Database) async throws {
        let limit = Date().addingTimeInterval(-86_400)
        let stale = try await Job.query(on: db).filter(\.$kind == .territoryPreview).filter(\.$attachment.$id != nil)
            .filter(\.$createdAt < limit).filter(\.$status == .succeeded).all()
        for job in stale {
            let file = job.$attachment.id
            job.$attachment.id = nil
            try await job.save(on: db)
            if let file { try await Attachment.query(on: db).filter(\.$id == file).delete() }
        }
    }

    /// The check of a file: what the import would add, change and refuse, nothing written; the
    /// file is kept for the import the person confirms.
    static let previewHandler = JobKindHandler(
        kind: .territoryPreview, placeLabel: ImportText.at.key,
        perform: { job, file, app in
            try await perform(job, file: file, app: app, preview: true)
        }, resultView: view, keepsFile: true)

    /// Runs the import as the person who queued it, with their grants as they are now, bounded by
    /// the job's node. A refused file ends the job as failed with the lines in its result.
    static let handler = JobKindHandler(
        kind: .territoryImport, placeLabel: ImportText.at.key, perform: perform, resultView: view)

    @Sendable static func perform(_ job: Job, file: Attachment, app: Application) async throws -> String {
        try await perform(job, file: file, app: app, preview: false)
    }

    static func perform(_ job: Job, file: Attachment, app: Application, preview: Bool) async throws -> String {
        guard let uid = job.createdByID, let user = try await User.find(uid, on: app.jobsDB) else {
            throw YishiError.denied(.notSignedIn)
        }
        let grants = try await PrincipalMiddleware.grants(of: uid, on: app.jobsDB)
        let actor = Actor(userId: uid, kind: user.kind, isVerified: user.isVerified, grants: grants)
        let bound = job.node?.territoryPath
        if case .failure(let denial) = Policy.decide(actor, .territoryImport, at: bound) {
            throw YishiError.denied(denial)
        }
        let caller = app.caller(
            .person(actor), auditActor: try await JobRunner.auditActor(for: job, on: app.jobsDB), on: app.jobsDB)
        do {
            let id = try job.requireID()
            let outcome = try await TerritoryImporter.run(
                file.data, by: caller, bound: bound, pool: app.threadPool, preview: preview
            ) {
                done, rows in
                let n = [String(done), String(rows)]
                try? await Job.query(on: app.jobsDB).filter(\.$id == id).set(\.$progress, to: done * 100 / max(rows, 1))
                    .set(\.$messageKey, to: ImportText.progress.key).set(\.$messageArgs, to: JobText.encode(n)).update()
            }
            if !preview { await SQLiteTuning.optimize(app.jobsDB) }
            var result = TerritoryImportResult(outcome: outcome)
            if preview { result.preview = true }
            return try encode(result)
        } catch let stop as TerritoryImporter.Interrupted {
            app.logger.error("territory import \(job.id?.uuidString ?? "") stopped: \(String(reflecting: stop.cause))")
            throw JobRunner.Failure(ImportText.interrupted, [String(stop.written), String(stop.rows)])
        } catch let failure as ImportFailure {
            let id = try job.requireID()
            try await Job.query(on: app.jobsDB).filter(\.$id == id).set(
                \.$result, to: try encode(TerritoryImportResult(failure))
            ).update()
            let n = String(failure.issues.count)
            throw JobRunner.Failure(ImportText.jobFailed, [n])
        }
    }

    static func encode(_ r: TerritoryImportResult) throws -> String {
        String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
    }

    /// The job page's part for a territory import: the outcome, or the refused lines.
    @Sendable static func view(_ job: Job, _ ctx: PageContext) -> [HTMLNode] {
        guard let r = job.territoryImportResult else { return [] }
        var out: [HTMLNode] = []
        if let o = r.outcome {
            let kind = TerritoryImportKind(rawValue: o.kind).map { ctx.t("import.kind.\($0.rawValue)") } ?? o.kind
            let counts = [kind, String(o.added), String(o.updated), String(o.unchanged)]
            if r.preview == true {
                out.append(C.notice(ctx.t(ImportText.preview.key, args: counts), tone: .warning))
                if job.$attachment.id != nil {
                    out.append(
                        Forms.button(
                            ctx, action: Site.importConfirm(job.id!), label: ctx.t(ImportText.confirm), secondary: false
                        ))
                } else {
                    out.append(C.text(ctx.t(ImportText.previewGone), muted: true))
                }
            } else {
                out.append(C.notice(ctx.t(ImportText.done.key, args: counts), tone: .ok))
            }
        }
        if let issues = r.issues, !issues.isEmpty {
            out.append(
                H.el(
                    "div", [("class", "error-summary"), ("role", "alert")],
                    [
                        H.el("p", text: ctx.t(ImportText.failed)),
                        H.el(
                            "ul", [],
                            issues.map { i in
                                H.el(
                                    "li",
                                    text: ctx.t(
                                        ImportText.line.key, String(i.line),
                                        i.message[ctx.lang.rawValue] ?? i.message.values.first ?? ""))
                            }),
                    ]))
        }
        out.append(H.el("p", [], [H.link(ctx.t(ImportText.title), Site.territoryImport)]))
        return out
    }
}
