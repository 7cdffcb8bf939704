import Fluent
import Vapor
import YishiCore

/// 问卷: a questionnaire at a node — a draft staff build, open for a period once published, then
/// closed. Its questions (`[Question]` as JSON) never change once it is published.
final class Questionnaire: Model, @unchecked Sendable {
    static let schema = "questionnaires"

    enum Status: String, Codable, Sendable { case draft, open, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @Field(key: "title") var title: String
    @Field(key: "intro") var intro: String
    @Field(key: "questions") var questionsJSON: String
    @Field(key: "status") var status: Status
    @Field(key: "days") var days: Int
    @OptionalField(key: "opens_at") var opensAt: Date?
    @OptionalField(key: "closes_at") var closesAt: Date?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    /// The project whose satisfaction survey it is.
    @OptionalField(key: "project_id") var projectID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var questions: [Question] {
        (try? JSONDecoder().decode([Question].self, from: Data(questionsJSON.utf8))) ?? []
    }

    /// Taking answers at `now`: published and its period not over.
    func isOpen(at now: Date) -> Bool { status == .open && (closesAt.map { now < $0 } ?? false) }

    /// Where it stands at `now` (an open one whose period is over is closed).
    func state(at now: Date) -> Status { status == .open && !isOpen(at: now) ? .closed : status }
}

/// One person's answers (or one unsigned paper form), with how they came in.
final class QuestionnaireResponse: Model, @unchecked Sendable {
    static let schema = "questionnaire_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "questionnaire_id") var questionnaire: Questionnaire
    @OptionalParent(key: "resident_id") var resident: Resident?
    @Field(key: "channel") var channel: String
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    /// `[Int: Answer]` as JSON.
    @Field(key: "answers") var answersJSON: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var answers: [Int: Answer] {
        (try? JSONDecoder().decode([Int: Answer].self, from: Data(answersJSON.utf8))) ?? [:]
    }
}
