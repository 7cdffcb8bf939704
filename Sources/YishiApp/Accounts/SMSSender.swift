import Fluent
import Vapor

/// Sends a text message. Production plugs in a gateway; development keeps an outbox.
public protocol SMSSender: Sendable {
    func send(phone: String, text: String, on db: any Database) async throws
}

/// Development and tests: the message is stored and shown at /dev/outbox.
struct OutboxSMSSender: SMSSender {
    var time: any TimeSource
    func send(phone: String, text: String, on db: any Database) async throws {
        try await OutboxMessage(phone: phone, body: text, sentAt: time.now()).create(on: db)
    }
}

/// Production: POSTs `{"phone": …, "text": …}` to the gateway at `YISHI_SMS_WEBHOOK_URL`.
struct WebhookSMSSender: SMSSender {
    var url: URI
    var client: any Client

    struct Message: Content {
        var phone: String
        var text: String
    }

    func send(phone: String, text: String, on db: any Database) async throws {
        let res = try await client.post(url, content: Message(phone: phone, text: text))
        guard (200..<300).contains(res.status.code) else {
            throw Abort(.badGateway, reason: "SMS gateway answered \(res.status.code)")
        }
    }
}
