import Foundation

/// The community diagnosis (社区把脉, seed 000 §三.2): what a planner writes beside the figures the
/// platform computes — history and culture, resources, and recommendations, each of which may
/// propose a project from needs on the list.
public enum Diagnosis {
    /// A recommendation as entered: a title, what to do, and the needs it answers (a proposed
    /// project has at least one).
    public struct Recommendation: Hashable, Sendable, Codable {
        public var title: String
        public var text: String
        public var needs: [UUID]
        public init(title: String, text: String, needs: [UUID]) {
            (self.title, self.text, self.needs) = (title, text, needs)
        }
    }

    public enum Problem: String, Error, Sendable, CaseIterable, Equatable {
        /// A recommendation without a title, or one over 100 characters.
        case recommendationTitle
        /// A recommendation's text over 1,000 characters.
        case recommendationText
        /// More than 10 recommendations, or more than 10 needs on one.
        case tooMany
        /// History or resources over 4,000 characters.
        case sectionTooLong
        /// Nothing written at all: a report needs a recommendation or some text of its own.
        case empty
    }

    public static let maxRecommendations = 10
    public static let maxSection = 4_000

    /// Checks a report as entered; the first problem found, or nil.
    public static func check(history: String, resources: String, recommendations: [Recommendation]) -> Problem? {
        if history.count > maxSection || resources.count > maxSection { return .sectionTooLong }
        if recommendations.count > maxRecommendations || recommendations.contains(where: { $0.needs.count > 10 }) {
            return .tooMany
        }
        for r in recommendations {
            let t = r.title.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty || t.count > 100 { return .recommendationTitle }
            if r.text.count > 1_000 { return .recommendationText }
        }
        let blank = { (s: String) in s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if recommendations.isEmpty && blank(history) && blank(resources) { return .empty }
        return nil
    }

    /// One kind of need in the needs analysis: how many needs and households.
    public struct CategoryLine: Hashable, Sendable, Codable {
        public var category: String
        public var needs: Int
        public var households: Int
        public init(category: String, needs: Int, households: Int) {
            (self.category, self.needs, self.households) = (category, needs, households)
        }
    }

    /// The needs by kind, the most households first (then more needs, then the kind's name).
    public static func byCategory(_ needs: [(category: String, households: Int)]) -> [CategoryLine] {
        var lines: [String: CategoryLine] = [:]
        for n in needs {
            lines[n.category, default: CategoryLine(category: n.category, needs: 0, households: 0)].needs += 1
            lines[n.category]!.households += max(0, n.households)
        }
        return lines.values.sorted {
            ($0.households, $0.needs, $1.category) > ($1.households, $1.needs, $0.category)
        }
    }

    /// The next version of a community's report.
    public static func nextVersion(after versions: [Int]) -> Int { (versions.max() ?? 0) + 1 }
}
