import Fluent
import Vapor
import YishiCore

/// A message the development SMS sender "sent".
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "sms_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone") var phone: String
    @Field(key: "body") var body: String
    @Field(key: "sent_at") var sentAt: Date

    init() {}
    init(phone: String, body: String, sentAt: Date) {
        self.phone = phone
        self.body = body
        self.sentAt = sentAt
    }
}
