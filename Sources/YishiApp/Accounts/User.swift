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
        u.kind = .staff
        u.username = username
        u.passwordHash = passwordHash
        u.displayName = displayName
        u.failedLogins = 0
        u.enteredByID = enteredBy
        u.channel = .online
        return u
    }

    static func resident(phone: String, displayName: String, provenance: Provenance?) -> User {
        let u = User()
        u.kind = .resident
        u.phone = phone
        u.displayName = displayName
        u.failedLogins = 0
        u.enteredByID = provenance?.enteredBy
        u.channel = provenance?.channel ?? .online
        return u
    }

    var isVerified: Bool { kind == .staff || verifiedAt != nil }
}
