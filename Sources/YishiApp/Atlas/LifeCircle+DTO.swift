import Vapor
import YishiAtlas
import YishiCore

extension DTO {
    /// The figures of a life-circle page (schema "LifeCircle" in the OpenAPI document).
    struct LifeCircle: Content {
        struct Source: Content {
            var file: String
            var importedAt: Date?
            var nodes: Int
            var edges: Int
            var homes: Int
            var facilities: Int
        }
        struct Share: Content {
            var type: String
            var name: String
            var radius: Double
            var atStandard: Int
            var within15Minutes: Int
            var places: Int
            var shareAtStandard: Double
            var share15Minutes: Double
        }
        struct Missing: Content {
            var type: String
            var metres: Double?
        }
        struct Compound: Content {
            var code: String?
            var name: String?
            var mapNames: [String]
            var osm: [String]
            /// Metres to the nearest facility of each type; null beyond the cutoff (1,200 m).
            var metres: [String: Double?]
            var missingAtStandard: [Missing]
            var missing15Minutes: [String]
        }

        var node: DTO.Node
        var district: String
        var source: Source?
        var fifteenMinutesMetres: Double
        var places: Int
        var shares: [Share]
        var compounds: [Compound]
        var compoundsNotOnMap: Int

        init(_ s: LifeCircleQueries.Summary, lang: Lang) {
            node = DTO.Node(s.node)
            district = s.district.code
            source = s.atlasImport.map {
                Source(
                    file: $0.sourceName, importedAt: $0.createdAt, nodes: $0.nodes, edges: $0.edges, homes: $0.origins,
                    facilities: $0.facilities)
            }
            fifteenMinutesMetres = s.rules.fifteenMinutes
            places = s.places
            shares = s.shares.map {
                Share(
                    type: $0.type.rawValue, name: $0.type.name(lang), radius: $0.radius, atStandard: $0.atTier,
                    within15Minutes: $0.within15Minutes, places: $0.places, shareAtStandard: $0.shareAtTier,
                    share15Minutes: $0.share15Minutes)
            }
            compounds = s.rows.map { r in
                Compound(
                    code: r.compound?.code, name: r.compound?.name, mapNames: r.mapNames, osm: r.osmRefs,
                    metres: Dictionary(
                        uniqueKeysWithValues: zip(r.coverage.types, r.coverage.metres).map {
                            ($0.rawValue, $1.isFinite ? $1 : nil)
                        }),
                    missingAtStandard: r.gap.missingAtTier.map { Missing(type: $0.type.rawValue, metres: $0.metres) },
                    missing15Minutes: r.gap.missing15Minutes.map(\.rawValue))
            }
            compoundsNotOnMap = s.compoundsNotOnMap
        }
    }
}
