import Fluent
import Vapor
import YishiCore

/// 业主: holds one or more units; may or may not live there.
final class Owner: Model, @unchecked Sendable {
    static let schema = "owners"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "phone") var phone: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(code: String, name: String, phone: String?) {
        self.code = code
        self.name = name
        self.phone = phone
    }
}
