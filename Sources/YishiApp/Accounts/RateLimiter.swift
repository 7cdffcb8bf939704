import Fluent
import Vapor
import YishiCore

/// Counts events in the database, so that limits hold across every instance of the server.
enum RateLimiter {
    /// True when one more event is allowed under every limit.
    static func allows(_ limits: [(key: String, limit: RateLimit)], now: Date, on db: any Database) async throws -> Bool {
        for (key, limit) in limits {
            let since = now.addingTimeInterval(-Double(limit.windowSeconds))
            let n = try await RateEvent.query(on: db).filter(\.$key == key).filter(\.$at > since).count()
            if !limit.allows(eventsInWindow: n) { return false }
        }
        return true
    }

    /// Records one event under each key and forgets that key's events older than a day.
    static func record(_ keys: [String], now: Date, on db: any Database) async throws {
        for key in keys {
            try await RateEvent(key: key, at: now).create(on: db)
            try await RateEvent.query(on: db).filter(\.$key == key).filter(\.$at < now.addingTimeInterval(-86_400)).delete()
        }
    }
}

extension Request {
    /// The client's address, for per-address limits.
    var clientAddress: String {
        headers.forwarded.first?.for ?? headers.first(name: "X-Forwarded-For")?.split(separator: ",").first.map { String($0).trimmingCharacters(in: .whitespaces) }
            ?? remoteAddress?.ipAddress ?? "unknown"
    }
}
