import Foundation
import Vapor

/// When this application last ran each daily task (`DailyTask`), by its name.
final class DailyClock: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String: Date] = [:]

    /// True (and remembered) when a day has passed since the task last ran, or it never has.
    func due(_ name: String, at now: Date) -> Bool {
        lock.withLock {
            guard last[name].map({ now.timeIntervalSince($0) >= 86_400 }) ?? true else { return false }
            last[name] = now
            return true
        }
    }

    /// A run that failed is tried again in five minutes (not at every poll).
    func retryLater(_ name: String, at now: Date) {
        lock.withLock { last[name] = now.addingTimeInterval(-86_400 + 300) }
    }
}

extension Application {
    private struct DailyClockKey: StorageKey { typealias Value = DailyClock }

    var dailyClock: DailyClock {
        if let c = storage[DailyClockKey.self] { return c }
        let c = DailyClock()
        storage[DailyClockKey.self] = c
        return c
    }
}
