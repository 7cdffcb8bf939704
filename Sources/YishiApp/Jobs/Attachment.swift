import Fluent
import Vapor
import YishiCore

/// An uploaded file kept in the database, so every instance's worker can read it (`Uploads`
/// checks and stores what people attach to records).
final class Attachment: Model, @unchecked Sendable {
    static let schema = "attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    /// Who sent it (a photo waiting for its need is theirs alone).
    @OptionalField(key: "uploaded_by_id") var uploadedByID: UUID?
    /// A photo held for its sender while they look at similar needs: removed after a day unless it
    /// joined a need. Nothing else is ever removed that way.
    @OptionalField(key: "held") var held: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(name: String, contentType: String, data: Data) {
        self.name = name
        self.contentType = contentType
        size = data.count
        self.data = data
    }
}
