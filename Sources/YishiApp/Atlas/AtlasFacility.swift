import Fluent
import Vapor

final class AtlasFacility: Model, @unchecked Sendable {
    static let schema = "atlas_facilities"
    @ID(key: .id) var id: UUID?
    @Parent(key: "import_id") var atlasImport: AtlasImport
    @Field(key: "type") var type: String
    @Field(key: "name") var name: String
    @Field(key: "osm_ref") var osmRef: String
    @Field(key: "x") var x: Double
    @Field(key: "y") var y: Double
    init() {}
}
