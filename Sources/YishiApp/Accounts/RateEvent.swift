import Fluent
import Vapor
import YishiCore

/// One counted event for a rate limit (a code sent to a phone, a sign-in from an address).
final class RateEvent: Model, @unchecked Sendable {
    static let schema = "rate_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Date

    init() {}
    init(key: String, at: Date) {
        self.key = key
        self.at = at
    }
}
