import Fluent
import SQLKit
import Vapor
import YishiCore

/// The ranked list, read by one plain query from the rank index (pages, the API, the CSV, the bench).
extension NeedsService {
    /// The ranked list as the API gives it: the rows with the district's names of kinds.
    static func rankedDTOs(below node: TerritoryNode, lang: Lang, byCommonGround: Bool = false, on db: any Database)
        async throws -> [DTO.Need]
    {
        async let categories = NeedSettingsStore.of(district: node.territoryPath.ids.first, on: db).categories
        var rows = try await rankedRows(below: node, on: db)
        if byCommonGround {
            rows.sort {
                NeedRanking.before(($0.score, $0.firstSubmittedAt), ($1.score, $1.firstSubmittedAt), by: \.commonGround)
            }
        }
        let names = try await categories
        return rows.map { DTO.Need($0, lang: lang, categories: names) }
    }

    /// The ranked needs of the communities at or below `node` (a community's from its rank index).
    static func rankedRows(below node: TerritoryNode, limit: Int? = 200, on db: any Database) async throws -> [Row] {
        let sql = db as! any SQLDatabase
        let path = node.territoryPath
        let place: SQLQueryString =
            node.level == .community
            ? "n.community_id = \(bind: try node.requireID())"
            : (node.level == .compound || node.level == .building
                ? "p.path >= \(bind: path.encoded) AND p.path < \(bind: path.subtreeUpperBound)"
                : "c.path >= \(bind: path.encoded) AND c.path < \(bind: path.subtreeUpperBound)")
        let rows = try await sql.raw(
            """
            SELECT n.id, n.title, n.body, n.category, n.status, n.channel, n.first_submitted_at, n.safety, n.households,
            n.buildings, n.age_bands, n.depth, n.common_ground, n.channels, n.vulnerable, n.waiting_months, n.priority,
            p.name AS place_name, p.code AS place_code, c.code AS community_code
            FROM needs n JOIN territory_nodes p ON p.id = n.place_id JOIN territory_nodes c ON c.id = n.community_id
            WHERE \(place) AND n.status <> 'merged'
            ORDER BY n.priority DESC, n.households DESC, n.first_submitted_at
            \(unsafeRaw: limit.map { "LIMIT \($0)" } ?? "")
            """
        ).all()
        return try rows.map { r in
            Row(
                id: try r.decode(column: "id", as: UUID.self), title: try r.decode(column: "title", as: String.self),
                body: try r.decode(column: "body", as: String.self),
                category: try r.decode(column: "category", as: String.self),
                status: NeedStatus(rawValue: try r.decode(column: "status", as: String.self)) ?? .new,
                channel: try r.decode(column: "channel", as: String.self),
                firstSubmittedAt: try r.decode(column: "first_submitted_at", as: Date.self),
                placeName: try r.decode(column: "place_name", as: String.self),
                placeCode: try r.decode(column: "place_code", as: String.self),
                communityCode: try r.decode(column: "community_code", as: String.self),
                score: .init(
                    households: try r.decode(column: "households", as: Int.self),
                    buildings: try r.decode(column: "buildings", as: Int.self),
                    ageBands: try r.decode(column: "age_bands", as: Int.self),
                    depth: try r.decode(column: "depth", as: Double.self),
                    commonGround: try r.decode(column: "common_ground", as: Double.self),
                    channels: try r.decode(column: "channels", as: Int.self),
                    vulnerable: try r.decode(column: "vulnerable", as: Int.self),
                    safety: try r.decode(column: "safety", as: Bool.self),
                    waitingMonths: try r.decode(column: "waiting_months", as: Int.self),
                    priority: try r.decode(column: "priority", as: Double.self)))
        }
    }
}
