import Foundation

/// The ranking of needs (issue 17 §5): the common ground (共识分) and the priority (优先分), a pure
/// function of who supports a need, so a need's page can show every part with its numbers.
///
/// Support counts **households**: one household counts once however many of its members submit or
/// support it, and through however many channels; support entered by staff for a resident counts
/// exactly like support online.
public enum NeedRanking {
    /// The district's weights; these are the defaults.
    public struct Weights: Hashable, Sendable, Codable {
        public var perBuilding: Double = 10
        public var perAgeBand: Double = 10
        public var perExtraChannel: Double = 2
        public var perVulnerableGroup: Double = 3
        public var safety: Double = 15
        public var perWaitingMonth: Double = 1
        public var waitingMonthsCap: Int = 6
        public init() {}
    }

    /// One support: who (their household, its building, their year of birth) and how it came.
    public struct Support: Hashable, Sendable {
        public var household: UUID
        public var building: UUID
        /// The supporting resident's year of birth (nil: not known, no age band).
        public var birthYear: Int?
        public var channel: Channel
        public init(household: UUID, building: UUID, birthYear: Int?, channel: Channel) {
            (self.household, self.building, self.birthYear, self.channel) = (household, building, birthYear, channel)
        }
    }

    /// The members of a supporting household, for the vulnerable groups present in it.
    public struct Member: Hashable, Sendable {
        public var birthYear: Int
        public var disability: Bool
        public init(birthYear: Int, disability: Bool) {
            self.birthYear = birthYear
            self.disability = disability
        }
    }

    /// The age bands supporting residents fall in: 18–39, 40–59, 60–74, 75+ (none under 18).
    public enum AgeBand: Int, CaseIterable, Sendable {
        case from18, from40, from60, from75

        public static func of(age: Int) -> AgeBand? {
            switch age {
            case ..<18: nil
            case 18...39: .from18
            case 40...59: .from40
            case 60...74: .from60
            default: .from75
            }
        }
    }

    /// Every part of a need's score, and the two scores.
    public struct Score: Hashable, Sendable, Codable {
        /// Supporting households (each once).
        public var households: Int
        /// `B`: buildings with at least one supporting household.
        public var buildings: Int
        /// `A`: age bands of supporting residents (0–4).
        public var ageBands: Int
        /// `Σ_b √h_b`: depth, with diminishing returns within a building.
        public var depth: Double
        /// `S = wB·B + wA·A + Σ √h_b`.
        public var commonGround: Double
        /// `K`: distinct channels the need and its support came through.
        public var channels: Int
        /// `V`: vulnerable groups present in supporting households (60+, under 14, disability; 0–3).
        public var vulnerable: Int
        /// `U`: staff marked it a safety matter.
        public var safety: Bool
        /// `T`: whole 30-day months since the first submission, capped.
        public var waitingMonths: Int
        /// `P = S + wK·(K − 1) + wV·V + wU·U + wT·T`.
        public var priority: Double

        public init(
            households: Int, buildings: Int, ageBands: Int, depth: Double, commonGround: Double, channels: Int,
            vulnerable: Int, safety: Bool, waitingMonths: Int, priority: Double
        ) {
            (self.households, self.buildings, self.ageBands, self.depth, self.commonGround) =
                (households, buildings, ageBands, depth, commonGround)
            (self.channels, self.vulnerable, self.safety, self.waitingMonths, self.priority) =
                (channels, vulnerable, safety, waitingMonths, priority)
        }
    }

    /// The score of a need from its supports (the submissions count as supports), the members of
    /// the supporting households, the safety flag and its first submission, computed at `now`.
    public static func score(
        supports: [Support], members: [UUID: [Member]], safety: Bool, firstSubmitted: Date, now: Date,
        currentYear: Int, weights w: Weights = Weights()
    ) -> Score {
        let households = Set(supports.map(\.household))
        var perBuilding: [UUID: Set<UUID>] = [:]
        for s in supports { perBuilding[s.building, default: []].insert(s.household) }
        let bands = Set(supports.compactMap { s in s.birthYear.flatMap { AgeBand.of(age: currentYear - $0) } })
        let depth = perBuilding.values.map { Double($0.count).squareRoot() }.reduce(0, +)
        let commonGround = w.perBuilding * Double(perBuilding.count) + w.perAgeBand * Double(bands.count) + depth
        let channels = Set(supports.map(\.channel)).count
        var elderly = false
        var child = false
        var disability = false
        for h in households {
            for m in members[h] ?? [] {
                let age = currentYear - m.birthYear
                if age >= 60 { elderly = true }
                if age < 14 { child = true }
                if m.disability { disability = true }
            }
        }
        let vulnerable = [elderly, child, disability].filter { $0 }.count
        let days = max(0, now.timeIntervalSince(firstSubmitted)) / 86_400
        let months = min(Int((days / 30).rounded(.down)), w.waitingMonthsCap)
        let priority =
            commonGround + w.perExtraChannel * Double(max(channels - 1, 0)) + w.perVulnerableGroup * Double(vulnerable)
            + (safety ? w.safety : 0) + w.perWaitingMonth * Double(months)
        return Score(
            households: households.count, buildings: perBuilding.count, ageBands: bands.count, depth: depth,
            commonGround: commonGround, channels: channels, vulnerable: vulnerable, safety: safety,
            waitingMonths: months, priority: priority)
    }

    /// A score as the API and the pages show it: one decimal.
    public static func rounded(_ x: Double) -> Double { (x * 10).rounded() / 10 }

    /// The ranked order: higher priority first; ties broken by more households, then the earlier
    /// first submission.
    public static func before(
        _ a: (score: Score, firstSubmitted: Date), _ b: (score: Score, firstSubmitted: Date), by: KeyPath<Score, Double>
    ) -> Bool {
        let x = rounded(a.score[keyPath: by])
        let y = rounded(b.score[keyPath: by])
        if x != y { return x > y }
        if a.score.households != b.score.households { return a.score.households > b.score.households }
        return a.firstSubmitted < b.firstSubmitted
    }
}
