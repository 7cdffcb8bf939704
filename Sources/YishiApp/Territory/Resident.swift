import Fluent
import Vapor
import YishiCore

/// 居民 / 村民.
final class Resident: Model, @unchecked Sendable {
    static let schema = "residents"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @OptionalParent(key: "household_id") var household: Household?
    @Field(key: "name") var name: String
    @Field(key: "birth_year") var birthYear: Int
    @OptionalField(key: "phone") var phone: String?
    /// `ResidentFlags.encoded`.
    @Field(key: "flags") var flags: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
    init(code: String, householdID: UUID?, name: String, birthYear: Int, phone: String?, flags: ResidentFlags) {
        self.code = code
        self.$household.id = householdID
        self.name = name
        self.birthYear = birthYear
        self.phone = phone
        self.flags = flags.encoded
    }

    var residentFlags: ResidentFlags { ResidentFlags(encoded: flags) ?? [] }
}
