import Fluent
import Vapor
import YishiCore

/// A person who signs in: staff with a username and password, residents with a phone.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: Actor.Kind
    @OptionalField(key: "username") var username: String?
    @OptionalField(key: "password_hash") var passwordHash: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "display_name") var displayName: String
    /// The resident record this account was verified against (实名).
    @OptionalParent(key: "resident_id") var resident: Resident?
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @OptionalField(key: "verified_by_id") var verifiedByID: UUID?
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// Provenance: who created the account and through which channel (代录 when not `online`).
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Field(key: "channel") var channel: YishiCore.Channel
    @Children(for: \.$user) var grants: [RoleGrant]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    static func staff(username: String, passwordHash: String, displayName: String, enteredBy: UUID?) -> User {
        let u = User()
        u.kind = .staff; u.username = username; u.passwordHash = passwordHash; u.displayName = displayName
        u.failedLogins = 0; u.enteredByID = enteredBy; u.channel = .online
        return u
    }

    static func resident(phone: String, displayName: String, provenance: Provenance?) -> User {
        let u = User()
        u.kind = .resident; u.phone = phone; u.displayName = displayName; u.failedLogins = 0
        u.enteredByID = provenance?.enteredBy; u.channel = provenance?.channel ?? .online
        return u
    }

    var isVerified: Bool { kind == .staff || verifiedAt != nil }
}

/// A role held by a user at a node (none: platform-wide).
final class RoleGrant: Model, @unchecked Sendable {
    static let schema = "role_grants"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "role") var role: Role
    @OptionalParent(key: "node_id") var node: TerritoryNode?
    @OptionalField(key: "granted_by_id") var grantedByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: UUID, role: Role, nodeID: UUID?, grantedBy: UUID?) {
        self.$user.id = userID; self.role = role; self.$node.id = nodeID; self.grantedByID = grantedBy
    }
}

/// A signed-in browser. The cookie holds the token; the table holds only its SHA-256.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "expires_at") var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(tokenHash: String, userID: UUID, expiresAt: Date) {
        self.tokenHash = tokenHash; self.$user.id = userID; self.expiresAt = expiresAt
    }
}

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
        self.phone = phone; self.codeHash = codeHash; self.expiresAt = expiresAt; self.extended = false; self.attempts = 0
    }
}

/// One counted event for a rate limit (a code sent to a phone, a sign-in from an address).
final class RateEvent: Model, @unchecked Sendable {
    static let schema = "rate_events"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "at") var at: Date

    init() {}
    init(key: String, at: Date) { self.key = key; self.at = at }
}

/// A message the development SMS sender "sent".
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "sms_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone") var phone: String
    @Field(key: "body") var body: String
    @Field(key: "sent_at") var sentAt: Date

    init() {}
    init(phone: String, body: String, sentAt: Date) { self.phone = phone; self.body = body; self.sentAt = sentAt }
}

/// A token for `/api/v1`, scoped like a role; only its hash is kept.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "node_id") var node: TerritoryNode?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: UUID, name: String, tokenHash: String, role: Role, nodeID: UUID?) {
        self.$user.id = userID; self.name = name; self.tokenHash = tokenHash; self.role = role; self.$node.id = nodeID
    }
}

/// The one-time link that creates the first administrator.
final class SetupToken: Model, @unchecked Sendable {
    static let schema = "setup_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
    init(tokenHash: String, expiresAt: Date) { self.tokenHash = tokenHash; self.expiresAt = expiresAt }
}
