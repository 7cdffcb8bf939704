import Fluent
import Vapor

/// A home found in the extract (a residential area or building) with its distance to each type.
final class AtlasOrigin: Model, @unchecked Sendable {
    static let schema = "atlas_origins"
    @ID(key: .id) var id: UUID?
    @Parent(key: "import_id") var atlasImport: AtlasImport
    /// `compound` (a residential area) or `res_building`.
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "osm_ref") var osmRef: String
    @Field(key: "x") var x: Double
    @Field(key: "y") var y: Double
    @Field(key: "snap_m") var snapMetres: Double
    /// Metres to the nearest facility of each type in `AtlasImport.types` order, blank beyond the cutoff: "187.18,,625.40".
    @Field(key: "distances") var distances: String
    /// The territory compound it was matched to (by name, or by hand).
    @OptionalParent(key: "compound_id") var compound: TerritoryNode?
    init() {}
}
