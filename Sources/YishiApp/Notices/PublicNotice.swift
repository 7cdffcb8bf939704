import Fluent
import Vapor
import YishiCore

/// 公示: a public notice at a node — a draft staff see, then published for a period during which
/// residents object and staff answer. Once published its words never change. A capability may
/// publish something of its own through it (`subjectKind`/`subjectID`: a frozen needs list, later a
/// vote register or a result), shown inside the notice by that capability's `NoticeSubject`.
final class PublicNotice: Model, @unchecked Sendable {
    static let schema = "public_notices"

    enum Status: String, Codable, Sendable { case draft, published }

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @OptionalField(key: "subject_kind") var subjectKind: String?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    /// The period's length in whole days (0 allowed: published with no time for objections).
    @Field(key: "days") var days: Int
    @Field(key: "status") var status: Status
    @OptionalField(key: "starts_at") var startsAt: Date?
    @OptionalField(key: "ends_at") var endsAt: Date?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @OptionalField(key: "published_by_id") var publishedByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var period: NoticePeriod? {
        guard let startsAt, let endsAt else { return nil }
        return NoticePeriod(starts: startsAt, ends: endsAt)
    }
}

/// 异议: an objection to a notice, from a resident online or entered by staff (a letter, at the
/// desk), and the answer staff give — shown publicly without the objector's name.
final class NoticeObjection: Model, @unchecked Sendable {
    static let schema = "notice_objections"

    @ID(key: .id) var id: UUID?
    @Parent(key: "notice_id") var notice: PublicNotice
    @Field(key: "text") var text: String
    /// The resident it is from; none for an unsigned letter.
    @OptionalParent(key: "resident_id") var resident: Resident?
    @Field(key: "channel") var channel: String
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @OptionalField(key: "answer") var answer: String?
    @OptionalField(key: "answered_by_id") var answeredByID: UUID?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    /// When it was received, by the caller's clock (as the period it falls in is).
    @OptionalField(key: "created_at") var createdAt: Date?

    init() {}
}
