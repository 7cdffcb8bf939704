import Fluent
import Vapor
import YishiCore

/// 会议: a meeting at a node, of a kind, maybe for a project (at the stage it was at), with its
/// sign-in code, its attendance (by code, by the roster, or a paper count), minutes and resolutions.
final class Meeting: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @OptionalParent(key: "project_id") var project: Project?
    @OptionalField(key: "project_stage") var projectStage: Int?
    @Field(key: "kind") var kind: MeetingKind
    @Field(key: "title") var title: String
    @Field(key: "agenda") var agenda: String
    @Field(key: "venue") var venue: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "code") var code: String
    @OptionalField(key: "minutes") var minutes: String?
    /// 街镇—居民区—小区—楼组 (`VenueLevel`).
    @OptionalField(key: "venue_level") var venueLevel: String?
    /// The departments and units invited (a case conference's), as entered.
    @OptionalField(key: "invited") var invited: String?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    /// Held: its minutes are recorded.
    var held: Bool { !(minutes ?? "").isEmpty }
}

final class MeetingAttendance: Model, @unchecked Sendable {
    static let schema = "meeting_attendance"

    enum Way: String, Codable, Sendable { case code, roster, paper }

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @OptionalParent(key: "resident_id") var resident: Resident?
    @Field(key: "channel") var channel: Way
    /// People this row stands for (1 for a person; a paper count's number).
    @Field(key: "count") var count: Int
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

final class MeetingResolution: Model, @unchecked Sendable {
    static let schema = "meeting_resolutions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "text") var text: String
    @OptionalField(key: "electorate") var electorate: Int?
    @Field(key: "present") var present: Int
    @Field(key: "yes") var yes: Int
    @Field(key: "status") var status: String
    /// `[TallyCondition]` as JSON: every condition with the numbers put in.
    @Field(key: "conditions") var conditionsJSON: String
    @OptionalField(key: "basis") var basis: String?
    @OptionalField(key: "households") var households: Int?
    @OptionalField(key: "households_present") var householdsPresent: Int?
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var conditions: [TallyCondition] {
        (try? JSONDecoder().decode([TallyCondition].self, from: Data(conditionsJSON.utf8))) ?? []
    }
    var passed: Bool { status == TallyStatus.passed.rawValue }
}

/// A view expressed at a meeting, a follow-up action with its owner and due date (done once done),
/// or a file of its minutes (a scan of the sign-in sheet, a photo of the board).
final class MeetingItem: Model, @unchecked Sendable {
    static let schema = "meeting_items"

    enum Kind: String, Codable, Sendable { case view, action, file }

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: Meeting
    @Field(key: "kind") var kind: Kind
    @Field(key: "text") var text: String
    @OptionalField(key: "owner") var owner: String?
    @OptionalField(key: "due_on") var dueOn: String?
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalParent(key: "attachment_id") var attachment: Attachment?
    @OptionalField(key: "by_id") var byID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
