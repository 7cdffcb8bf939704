import Fluent
import Vapor
import YishiCore

/// One resident's support of a need ("我也是"), the raising included: with their household and
/// building as they were, and the channel it came through. One per resident and need (a unique
/// index decides a race).
final class NeedSupport: Model, @unchecked Sendable {
    static let schema = "need_supports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "need_id") var need: Need
    @Parent(key: "resident_id") var resident: Resident
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "building_id") var buildingID: UUID
    @Field(key: "channel") var channel: String
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(need: UUID, resident: UUID, household: UUID, building: UUID, channel: YishiCore.Channel, enteredBy: UUID?) {
        $need.id = need
        $resident.id = resident
        householdID = household
        buildingID = building
        self.channel = channel.rawValue
        enteredByID = enteredBy
    }
}
