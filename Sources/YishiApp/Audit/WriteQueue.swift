/// Lets audited transactions in this process start one at a time, before they take a connection.
///
/// The database already orders them (the audit head is locked first), but SQLite makes a waiting
/// writer spin inside a pool thread while holding its connection; with two connections that can
/// starve the pool. Waiting here costs nothing. Across instances the database lock still rules.
actor WriteQueue {
    static let audited = WriteQueue()

    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        defer { leave() }
        return try await body()
    }

    private func enter() async {
        if !busy { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
