import Fluent
import Vapor
import YishiCore

/// 需求: a need raised in a community, with its provenance and its score (stored with its parts,
/// recomputed whenever its support changes).
final class Need: Model, @unchecked Sendable {
    static let schema = "needs"

    @ID(key: .id) var id: UUID?
    @Parent(key: "community_id") var community: TerritoryNode
    /// The community, a compound or a building of it.
    @Parent(key: "place_id") var place: TerritoryNode
    @Field(key: "category") var category: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    /// The body as similar needs are compared (`NeedSimilarity.normalise`), kept so a search does
    /// not normalise every need of a community again.
    @Field(key: "normalised") var normalised: String
    /// How many distinct bigrams it has (`need_bigrams` holds them), for Dice's denominator.
    @Field(key: "bigram_count") var bigramCount: Int
    @Field(key: "status") var status: NeedStatus
    @OptionalField(key: "decline_reason") var declineReason: String?
    /// The need it was merged into (its support counts there), and where it stood before.
    @OptionalParent(key: "merged_into_id") var mergedInto: Need?
    @OptionalField(key: "status_before_merge") var statusBeforeMerge: NeedStatus?
    @Field(key: "hide_name") var hideName: Bool
    @Field(key: "safety") var safety: Bool
    /// The resident who raised it (online, or entered for them by staff); none for a need raised
    /// from a life-circle gap (`origin`), whose evidence is the distances.
    @OptionalParent(key: "resident_id") var resident: Resident?
    /// Where a need came from other than a resident: `lifeCircle` (a gap in the 15-minute life circle).
    @OptionalField(key: "origin") var origin: String?
    /// What supports a need raised from data ("卫生站：最近 1.8 公里，步行 30 分钟").
    @OptionalField(key: "evidence") var evidence: String?
    /// The meeting it was heard at, for the channel `meeting` (议事会).
    @OptionalField(key: "meeting") var meeting: String?
    @Field(key: "channel") var channel: String
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Field(key: "first_submitted_at") var firstSubmittedAt: Date
    @Field(key: "households") var households: Int
    @Field(key: "buildings") var buildings: Int
    @Field(key: "age_bands") var ageBands: Int
    @Field(key: "depth") var depth: Double
    @Field(key: "common_ground") var commonGround: Double
    @Field(key: "channels") var channels: Int
    @Field(key: "vulnerable") var vulnerable: Int
    @Field(key: "waiting_months") var waitingMonths: Int
    @Field(key: "priority") var priority: Double
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var score: NeedRanking.Score {
        .init(
            households: households, buildings: buildings, ageBands: ageBands, depth: depth,
            commonGround: commonGround, channels: channels, vulnerable: vulnerable, safety: safety,
            waitingMonths: waitingMonths, priority: priority)
    }

    func setScore(_ s: NeedRanking.Score) {
        households = s.households
        buildings = s.buildings
        ageBands = s.ageBands
        depth = s.depth
        commonGround = s.commonGround
        channels = s.channels
        vulnerable = s.vulnerable
        waitingMonths = s.waitingMonths
        priority = s.priority
    }

    func categoryName(_ lang: Lang, in categories: [NeedCategory] = NeedCategory.seeded) -> String {
        NeedCategory.find(category, in: categories)?.name(lang) ?? category
    }
}
