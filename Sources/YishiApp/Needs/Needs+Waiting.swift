import Fluent
import SQLKit
import Vapor
import YishiCore

/// A need's score grows with its months of waiting (T) while nothing else happens to it. The
/// worker brings every open need's months up to date once a day, and a list is brought up to date
/// before it is frozen and published; a recalculation, not a decision, so not audited.
extension NeedsService {
    /// Re-scores the open needs (of the communities at or below `node`, or all) whose months of
    /// waiting have grown; gives how many changed.
    @discardableResult
    static func refreshWaiting(below node: TerritoryNode? = nil, now: Date, on db: any Database) async throws -> Int {
        let q = Need.query(on: db).filter(\.$status ~~ [.new, .accepted]).with(\.$community)
        if let node {
            let path = node.territoryPath
            q.join(TerritoryNode.self, on: \Need.$community.$id == \TerritoryNode.$id)
                .filter(TerritoryNode.self, \.$path >= path.encoded)
                .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
        }
        var settings: [UUID: NeedSettings] = [:]
        var changed = 0
        for need in try await q.all() {
            guard let district = need.community.territoryPath.ids.first else { continue }
            if settings[district] == nil {
                settings[district] = try await NeedSettingsStore.of(district: district, on: db)
            }
            let fresh = NeedRanking.reweighed(
                need.score, firstSubmitted: need.firstSubmittedAt, now: now, weights: settings[district]!.weights)
            guard fresh.waitingMonths != need.waitingMonths else { continue }
            need.setScore(fresh)
            try await need.update(on: db)
            changed += 1
        }
        return changed
    }

    /// Once a day, from the worker.
    static let refreshWaitingDaily = DailyTask(name: "needs.waiting") { app, now in
        _ = try await refreshWaiting(now: now, on: app.jobsDB)
    }
}
