import Vapor
import YishiCore

extension DTO {
    /// A need as the API gives it, with every part of its score (scores to one decimal).
    struct Need: Content {
        struct Score: Content {
            var households: Int
            var buildings: Int
            var ageBands: Int
            /// Points of several households in one building (Σ√h), to one decimal.
            var depth: Double
            var commonGround: Double
            var channels: Int
            var vulnerable: Int
            var safety: Bool
            var waitingMonths: Int
            var priority: Double
        }
        var id: UUID
        var title: String
        var text: String
        var category: String
        var categoryName: String
        var node: String
        var community: String
        var status: String
        var channel: String
        var raisedAt: Date
        var score: Score

        init(_ r: NeedsService.Row, lang: Lang, categories: [NeedCategory] = NeedCategory.seeded) {
            let s = r.score
            id = r.id
            title = r.title
            text = r.body
            category = r.category
            categoryName = r.categoryName(lang, in: categories)
            node = r.placeCode
            community = r.communityCode
            status = r.status.rawValue
            channel = r.channel
            raisedAt = r.firstSubmittedAt
            score = .init(
                households: s.households, buildings: s.buildings, ageBands: s.ageBands,
                depth: NeedRanking.rounded(s.depth),
                commonGround: NeedRanking.rounded(s.commonGround), channels: s.channels, vulnerable: s.vulnerable,
                safety: s.safety, waitingMonths: s.waitingMonths, priority: NeedRanking.rounded(s.priority))
        }

        init(
            _ n: YishiApp.Need, place: TerritoryNode, community: TerritoryNode, lang: Lang,
            categories: [NeedCategory] = NeedCategory.seeded
        ) {
            let s = n.score
            id = n.id!
            title = n.title
            text = n.body
            category = n.category
            categoryName = n.categoryName(lang, in: categories)
            node = place.code
            self.community = community.code
            status = n.status.rawValue
            channel = n.channel
            raisedAt = n.firstSubmittedAt
            score = .init(
                households: s.households, buildings: s.buildings, ageBands: s.ageBands,
                depth: NeedRanking.rounded(s.depth),
                commonGround: NeedRanking.rounded(s.commonGround), channels: s.channels, vulnerable: s.vulnerable,
                safety: s.safety, waitingMonths: s.waitingMonths, priority: NeedRanking.rounded(s.priority))
        }
    }

    struct OnBehalfOf: Content { var resident: String }

    struct NeedIn: Content {
        var text: String
        var category: String
        var node: String?
        var hideName: Bool?
        var onBehalfOf: OnBehalfOf?
        var channel: String?
        /// The meeting it was heard at (the channel `meeting`).
        var meeting: String?
        /// Up to five photos as base64 (JPEG, PNG or WebP; their location is removed).
        var photos: [String]?
    }

    struct SupportIn: Content {
        var onBehalfOf: OnBehalfOf?
        var channel: String?
    }

    struct SimilarNeed: Content {
        var id: UUID
        var title: String
        var households: Int
        var dice: Double
        /// similarText, samePlaceAndCategory or differentBuildings.
        var reason: String
    }
}
