import Vapor

/// The in-process worker: polls the job table and runs what it claims, one job at a time.
/// Started by `serve`; stopped with the application.
final class JobWorker: LifecycleHandler, @unchecked Sendable {
    static let pollEvery: Duration = .seconds(1)

    private let lock = NSLock()
    private var task: Task<Void, Never>?

    func start(_ app: Application) {
        lock.withLock {
            guard task == nil else { return }
            task = Task {
                while !Task.isCancelled {
                    do {
                        // Drain the queue, then wait for the next poll.
                        while try await JobRunner.runNext(app), !Task.isCancelled {}
                        try await Self.verifyAuditChainIfDue(app)
                        await Self.runDailyTasksIfDue(app)
                    } catch {
                        app.logger.warning("job worker: \(String(reflecting: error))")
                    }
                    try? await Task.sleep(for: Self.pollEvery)
                }
            }
        }
    }

    /// The whole audit chain is checked once a day in the background and the result kept, so
    /// the audit page can show it without reading every entry.
    static let auditCheckEvery: TimeInterval = 86_400

    static func verifyAuditChainIfDue(_ app: Application) async throws {
        let now = app.effects.time.now()
        if let last = try await AuditLog.lastVerification(on: app.jobsDB),
            now.timeIntervalSince(last.verifiedAt) < auditCheckEvery
        {
            return
        }
        try await AuditLog.verifyAndRecord(on: app.jobsDB, time: app.effects.time)
    }

    /// Each capability's daily work, each on its own day's clock: a task that fails is logged and
    /// tried again five minutes later, without holding up the others.
    static func runDailyTasksIfDue(_ app: Application) async {
        let now = app.effects.time.now()
        for task in app.features.daily where app.dailyClock.due(task.name, at: now) {
            do {
                try await task.run(app, now)
            } catch {
                app.dailyClock.retryLater(task.name, at: now)
                app.logger.warning("daily task \(task.name): \(String(reflecting: error))")
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        let running = lock.withLock {
            let t = task
            task = nil
            return t
        }
        running?.cancel()
        _ = await running?.value
    }
}

extension Application {
    private struct JobWorkerKey: StorageKey { typealias Value = JobWorker }

    /// The worker of this application, registered for shutdown on first use.
    var jobWorker: JobWorker {
        if let w = storage[JobWorkerKey.self] { return w }
        let w = JobWorker()
        storage[JobWorkerKey.self] = w
        lifecycle.use(w)
        return w
    }
}
