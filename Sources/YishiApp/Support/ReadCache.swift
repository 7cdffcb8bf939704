import Dispatch
import NIOConcurrencyHelpers
import Vapor

/// Answers kept in memory for a short `lifetime` (signed-in principals, a subtree's counts), so
/// that a burst of requests costs one query.
///
/// Exact on this server: every audited change that may alter what pages read empties the caches
/// when it commits (`ReadCaches.changed`), and an answer read by a query that began before such a
/// change is not kept (`generation`). Several servers sharing one PostgreSQL database each keep
/// their own; a change made on another server shows here within `lifetime`.
final class ReadCache<Value: Sendable>: @unchecked Sendable {
    private struct Entry {
        var value: Value
        var keptAt: UInt64
    }

    private let lock = NIOLock()
    private var entries: [String: Entry] = [:]
    private var _generation: UInt64 = 0
    let lifetime: UInt64
    let capacity: Int

    init(lifetime: Duration, capacity: Int) {
        let (s, atto) = lifetime.components
        self.lifetime = UInt64(s) * 1_000_000_000 + UInt64(atto / 1_000_000_000)
        self.capacity = capacity
    }

    /// Read before the query whose answer `keep` is given.
    var generation: UInt64 { lock.withLock { _generation } }

    /// The kept value while it is fresh and `valid` holds.
    func value(_ key: String, valid: (Value) -> Bool = { _ in true }) -> Value? {
        let now = DispatchTime.now().uptimeNanoseconds
        return lock.withLock {
            guard let e = entries[key] else { return nil }
            guard now &- e.keptAt < lifetime, valid(e.value) else {
                entries[key] = nil
                return nil
            }
            return e.value
        }
    }

    /// Keeps `value` unless the cache was emptied since `generation` was read.
    func keep(_ value: Value, _ key: String, generation: UInt64) {
        let now = DispatchTime.now().uptimeNanoseconds
        lock.withLock {
            guard generation == _generation else { return }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(value: value, keptAt: now)
        }
    }

    func clear() {
        lock.withLock {
            _generation &+= 1
            entries.removeAll(keepingCapacity: true)
        }
    }
}

extension Application {
    private struct ReadNamespaceKey: StorageKey { typealias Value = String }

    /// A name for this application's entries in the process-wide read caches, made at start.
    var readNamespace: String {
        get { storage[ReadNamespaceKey.self] ?? "" }
        set { storage[ReadNamespaceKey.self] = newValue }
    }

    private struct AuditKeyKey: StorageKey { typealias Value = String }

    /// `AuditGroupCommit.key(db)` of the default database (the one requests use), made at start.
    var auditKey: String? {
        get { storage[AuditKeyKey.self] }
        set { storage[AuditKeyKey.self] = newValue }
    }
}

/// Reads under way by key, so that a value missing from a cache is read once however many ask at
/// the same moment (the others wait for that read).
final class SingleFlight<Value: Sendable>: @unchecked Sendable {
    private let lock = NIOLock()
    private var running: [String: Task<Value, any Error>] = [:]

    func read(_ key: String, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = lock.withLock { () -> Task<Value, any Error> in
            if let t = running[key] { return t }
            let t = Task { try await body() }
            running[key] = t
            return t
        }
        defer { lock.withLock { running[key] = nil } }
        return try await task.value
    }
}

/// Every read cache, emptied together after a change.
enum ReadCaches {
    /// Called when an audited change has committed (`AuditGroupCommit`, `AuditLog.ownTransaction`).
    static func changed() {
        PrincipalCache.shared.clear()
        TerritoryQueries.counts.clear()
        HomePage.work.clear()
        NeedStats.cache.clear()
        Planners.boardCache.clear()
        FundRoutes.moneyCache.clear()
    }
}
