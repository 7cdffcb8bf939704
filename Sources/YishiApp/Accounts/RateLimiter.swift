import Fluent
import Vapor
import YishiCore

/// Counts events in the database, so that limits hold across every instance of the server.
enum RateLimiter {
    /// True when one more event is allowed under every limit.
    static func allows(_ limits: [(key: String, limit: RateLimit)], now: Date, on db: any Database) async throws -> Bool
    {
        for (key, limit) in limits {
            if try await count(key, limit, now: now, on: db) >= limit.max { return false }
        }
        return true
    }

    /// Records the event first and then counts it with the others, so that requests arriving together
    /// cannot all pass a count taken before any of them was recorded. A refused event stays recorded:
    /// whoever keeps knocking keeps being refused.
    static func take(_ limits: [(key: String, limit: RateLimit)], now: Date, on db: any Database) async throws -> Bool {
        var seen: Set<String> = []
        try await record(limits.map(\.key).filter { seen.insert($0).inserted }, now: now, on: db)
        for (key, limit) in limits {
            if try await count(key, limit, now: now, on: db) > limit.max { return false }
        }
        return true
    }

    /// Records one event under each key and forgets that key's events older than a day.
    static func record(_ keys: [String], now: Date, on db: any Database) async throws {
        for key in keys {
            try await RateEvent(key: key, at: now).create(on: db)
            try await RateEvent.query(on: db).filter(\.$key == key).filter(\.$at < now.addingTimeInterval(-86_400))
                .delete()
        }
    }

    private static func count(_ key: String, _ limit: RateLimit, now: Date, on db: any Database) async throws -> Int {
        let since = now.addingTimeInterval(-Double(limit.windowSeconds))
        return try await RateEvent.query(on: db).filter(\.$key == key).filter(\.$at > since).count()
    }
}

extension Request {
    /// The client's address, for per-address limits: the socket's peer, unless that peer is a
    /// trusted proxy (`YISHI_TRUSTED_PROXIES`); then the right-most `X-Forwarded-For` entry that is
    /// not one. A header from anyone else is ignored, so rotating it lifts no limit.
    var clientAddress: String {
        let forwarded = headers[.xForwardedFor].flatMap { $0.split(separator: ",").map(String.init) }
        return ClientAddress.choose(
            peer: remoteAddress?.ipAddress, forwardedFor: forwarded,
            trusted: settings.trustedProxies) ?? "unknown"
    }
}
