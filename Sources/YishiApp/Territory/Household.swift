import Fluent
import Vapor
import YishiCore

/// 户: a household living in a unit.
final class Household: Model, @unchecked Sendable {
    static let schema = "households"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Parent(key: "unit_id") var unit: Unit
    @Children(for: \.$household) var residents: [Resident]
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(code: String, unitID: UUID) {
        self.code = code
        self.$unit.id = unitID
    }
}
