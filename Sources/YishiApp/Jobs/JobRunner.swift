import Fluent
import SQLKit
import Vapor
import YishiAtlas
import YishiCore

/// Claims queued jobs and runs them. Functions of the application only, so the worker, the
/// command line and tests run jobs the same way.
enum JobRunner {
    /// A running job whose worker has not bumped it for this long has lost its worker (a restart,
    /// a crash); it goes back to the queue, and fails visibly after `maxAttempts` starts.
    static let staleAfter: TimeInterval = 60
    static let heartbeat: Duration = .seconds(15)
    static let maxAttempts = 3

    /// What a failed job says, in both languages.
    /// Why a job failed: a text key with its arguments (stored so, and read in the reader's
    /// language), or both sentences for a message made outside the catalog (the map reader's).
    struct Failure: Error, Sendable {
        var key: String?
        var args: [String] = []
        var zh = ""
        var en = ""

        init<T: Texts>(_ text: T, _ args: [String] = []) {
            key = text.key
            self.args = args
        }

        init(key: String, args: [String]) {
            self.key = key
            self.args = args
        }

        init(zh: String, en: String) {
            self.zh = zh
            self.en = en
        }
    }

    /// Puts a job in the queue with its file, in one transaction.
    static func enqueue(_ kind: Job.Kind, file: Attachment, nodeID: UUID?, createdBy: UUID?, on db: any Database)
        async throws -> Job
    {
        try await db.transaction { tx in
            try await file.create(on: tx)
            let job = Job(kind: kind, nodeID: nodeID, attachment: file, createdBy: createdBy)
            try await job.create(on: tx)
            return job
        }
    }

    /// Queues a job for a file another job keeps (an import confirmed after its check), taking the
    /// file from that job in the same transaction: a second confirmation finds it gone (nil).
    static func enqueue(_ kind: Job.Kind, fileOf source: UUID, on db: any Database) async throws -> Job? {
        try await db.transaction { tx in
            guard let from = try await Job.find(source, on: tx), let file = from.$attachment.id else { return nil }
            let taken = try await (tx as! any SQLDatabase).raw(
                "UPDATE jobs SET attachment_id = NULL WHERE id = \(bind: source) AND attachment_id = \(bind: file) RETURNING id"
            ).first()
            guard taken != nil else { return nil }
            let job = Job(kind: kind, nodeID: from.$node.id, attachment: nil, createdBy: from.createdByID)
            job.$attachment.id = file
            job.fileName = from.fileName
            job.fileSize = from.fileSize
            try await job.create(on: tx)
            return job
        }
    }

    /// Claims the oldest queued job and runs it to the end; false when the queue was empty.
    @discardableResult
    static func runNext(_ app: Application) async throws -> Bool {
        try await requeueStale(app)
        guard let id = try await claim(app) else { return false }
        await run(id, app)
        return true
    }

    /// One atomic statement takes the oldest queued job: two workers (in two instances, on
    /// PostgreSQL) never take the same one, since the second finds its status changed.
    static func claim(_ app: Application) async throws -> UUID? {
        let sql = app.jobsDB as! any SQLDatabase
        let now = app.effects.time.now()
        let running = Job.Status.running.rawValue
        let queued = Job.Status.queued.rawValue
        let row = try await sql.raw(
            """
            UPDATE jobs SET status = \(bind: running), attempts = attempts + 1, started_at = \(bind: now), updated_at = \(bind: Date()),
                message_key = \(bind: Job.Status.running.catalogKey), message_args = NULL, message_zh = '', message_en = ''
            WHERE id = (SELECT id FROM jobs WHERE status = \(bind: queued) ORDER BY created_at LIMIT 1) AND status = \(bind: queued)
            RETURNING id
            """
        ).first()
        return try row?.decode(column: "id", as: UUID.self)
    }

    /// Running jobs nobody has bumped for `staleAfter` go back to the queue, or fail after `maxAttempts`.
    static func requeueStale(_ app: Application) async throws {
        // Wall-clock time, as Fluent stamps `updated_at` with it (not the injected clock).
        let limit = Date().addingTimeInterval(-staleAfter)
        let stale = try await Job.query(on: app.jobsDB).filter(\.$status == .running).filter(\.$updatedAt < limit).all()
        for job in stale {
            if job.attempts >= maxAttempts {
                try await end(
                    job,
                    .failure(
                        Failure(JobText.interrupted)),
                    app)
            } else {
                job.status = .queued
                job.progress = 0
                job.setMessage(Job.Status.queued.catalogKey)
                try await job.save(on: app.jobsDB)
            }
        }
    }

    /// Runs a claimed job, keeping it alive with a heartbeat, and records how it ended.
    static func run(_ id: UUID, _ app: Application) async {
        // The database is taken once: a beat that wakes after the application has shut down then
        // fails quietly (its pool is closed) instead of asking the stopped application for one.
        let db = app.jobsDB
        let beat = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: heartbeat)
                guard !Task.isCancelled else { return }
                // Fluent stamps `updated_at` on every update; setting the status it has is the bump.
                try? await Job.query(on: db).filter(\.$id == id).filter(\.$status == .running)
                    .set(\.$status, to: .running).update()
            }
        }
        defer { beat.cancel() }
        let outcome: Result<String, Failure>
        do {
            outcome = .success(try await perform(id, app))
        } catch let e as Failure {
            outcome = .failure(e)
        } catch let e as OSMExtract.ReadError {
            outcome = .failure(Failure(zh: e.zh, en: e.en))
        } catch let e as YishiError {
            outcome = .failure(Failure(key: e.message.key, args: e.message.args))
        } catch {
            app.logger.error("job \(id) failed: \(String(reflecting: error))")
            outcome = .failure(Failure(JobText.failedUnexpectedly))
        }
        do {
            guard let job = try await Job.find(id, on: app.jobsDB) else { return }
            try await end(job, outcome, app)
        } catch {
            // The row stays "running"; `requeueStale` picks it up again after `staleAfter`.
            app.logger.error("job \(id): could not record the outcome: \(String(reflecting: error))")
        }
    }

    /// Records how a job ended and deletes its upload (its name and size stay on the job).
    private static func end(_ job: Job, _ outcome: Result<String, Failure>, _ app: Application) async throws {
        switch outcome {
        case .success(let result):
            job.status = .succeeded
            job.result = result
            job.progress = 100
        case .failure(let f):
            job.status = .failed
            job.errorKey = f.key
            job.errorArgs = JobText.encode(f.args)
            job.errorZh = f.key == nil ? f.zh : nil
            job.errorEn = f.key == nil ? f.en : nil
        }
        job.finishedAt = app.effects.time.now()
        job.setMessage(job.status.catalogKey)
        if job.status == .succeeded, app.features.jobKinds[job.kind]?.keepsFile == true {
            try await job.save(on: app.jobsDB)
            return
        }
        let file = job.$attachment.id
        job.$attachment.id = nil
        try await job.save(on: app.jobsDB)
        if let file { try await Attachment.query(on: app.jobsDB).filter(\.$id == file).delete() }
    }

    /// The work of each kind.
    private static func perform(_ id: UUID, _ app: Application) async throws -> String {
        guard
            let job = try await Job.query(on: app.jobsDB).filter(\.$id == id).with(\.$attachment).with(\.$node).first(),
            let file = job.attachment
        else { throw YishiError.notFound }
        guard let handler = app.features.jobKinds[job.kind] else { throw YishiError.notFound }
        return try await handler.perform(job, file, app)
    }

    /// The audit entry names the person who queued the work.
    static func auditActor(for job: Job, on db: any Database) async throws -> AuditActor {
        guard let uid = job.createdByID, let user = try await User.find(uid, on: db) else { return .system }
        return AuditActor(id: uid, label: user.username ?? user.displayName)
    }
}
