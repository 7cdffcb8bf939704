import Fluent
import Vapor

/// The life-circle data of one district: the latest import replaces the previous one.
final class AtlasImport: Model, @unchecked Sendable {
    static let schema = "atlas_imports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "district_id") var district: TerritoryNode
    @Field(key: "source_name") var sourceName: String
    @Field(key: "nodes") var nodes: Int
    @Field(key: "edges") var edges: Int
    @Field(key: "origins") var origins: Int
    @Field(key: "facilities") var facilities: Int
    /// The facility types present, comma-separated in alphabetical order (the distance columns).
    @Field(key: "types") var types: String
    @Field(key: "svg") var svg: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
