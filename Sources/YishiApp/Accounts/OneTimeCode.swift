import Fluent
import Vapor
import YishiCore

/// A resident's one-time sign-in code; only its hash is kept.
final class OneTimeCode: Model, @unchecked Sendable {
    static let schema = "one_time_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone") var phone: String
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "extended") var extended: Bool
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "consumed_at") var consumedAt: Date?
    /// SHA-256 of the nonce kept in the cookie of the browser that asked for the code.
    @OptionalField(key: "browser_hash") var browserHash: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(phone: String, codeHash: String, expiresAt: Date) {
        self.phone = phone
        self.codeHash = codeHash
        self.expiresAt = expiresAt
        self.extended = false
        self.attempts = 0
    }
}
