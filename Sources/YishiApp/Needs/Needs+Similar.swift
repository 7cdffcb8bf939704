import Fluent
import SQLKit
import Vapor
import YishiCore

/// Similar needs and duplicates: the bigram index, suggestions, joining and separating needs,
/// and pairs staff said are not the same.
extension NeedsService {
    /// Stores a need's bigrams (`need_bigrams`), the index similar needs are found by.
    static func indexBigrams(of need: Need, on db: any Database) async throws {
        var rows = BatchInsert(table: "need_bigrams", columns: ["need_id", "community_id", "bigram"])
        for g in NeedSimilarity.bigrams(need.normalised).sorted() {
            rows.add([try need.requireID(), need.$community.id, g])
        }
        try await rows.insert(on: db)
    }

    /// Needs of the same community that may say the same as `text` (suggestions only): those that
    /// share enough bigrams (found through `need_bigrams`, Dice ≥ 0.30), and those of the same
    /// category at the same place; then the rule that different buildings are never the same.
    static func similar(
        _ text: String, community: UUID, category: String?, place: UUID?, excluding: UUID? = nil, on db: any Database
    ) async throws -> [(need: Need, verdict: NeedSimilarity.Verdict, dice: Double)] {
        let sql = db as! any SQLDatabase
        let vocabulary = try await NeedSettingsStore.of(node: community, on: db).vocabulary
        let mine = NeedSimilarity.normalise(text, vocabulary: vocabulary)
        let grams = NeedSimilarity.bigrams(mine)
        var candidates: [UUID: (normalised: String, category: String, place: UUID, dice: Double)] = [:]
        if !grams.isEmpty {
            let list = SQLList(grams.sorted().map { SQLBind($0) })
            // Counted in the bigram index alone (it covers need_id), then only those at Dice ≥ 0.30
            // joined to their needs: the best hundred, enough for the eight shown.
            let q = grams.count
            let rows = try await sql.raw(
                """
                SELECT n.id, n.normalised, n.category, n.place_id, n.bigram_count, s.shared
                FROM (SELECT need_id, COUNT(*) AS shared FROM need_bigrams
                      WHERE community_id = \(bind: community) AND bigram IN (\(list)) GROUP BY need_id) s
                JOIN needs n ON n.id = s.need_id
                WHERE n.status IN ('new', 'accepted')
                AND 20 * s.shared >= \(unsafeRaw: String(Int(NeedSimilarity.threshold * 10))) * (\(unsafeRaw: String(q)) + n.bigram_count)
                ORDER BY 1.0 * s.shared / (\(unsafeRaw: String(q)) + n.bigram_count) DESC, n.id LIMIT 100
                """
            ).all()
            for row in rows {
                let shared = try row.decode(column: "shared", as: Int.self)
                let total = q + (try row.decode(column: "bigram_count", as: Int.self))
                let dice = total == 0 ? 0 : 2 * Double(shared) / Double(total)
                guard dice >= NeedSimilarity.threshold else { continue }
                candidates[try row.decode(column: "id", as: UUID.self)] = (
                    try row.decode(column: "normalised", as: String.self),
                    try row.decode(column: "category", as: String.self),
                    try row.decode(column: "place_id", as: UUID.self), dice
                )
            }
        }
        if let category, let place {
            let rows = try await sql.raw(
                """
                SELECT id, normalised, category, place_id FROM needs
                WHERE community_id = \(bind: community) AND category = \(bind: category) AND place_id = \(bind: place)
                AND status IN ('new', 'accepted') LIMIT 50
                """
            ).all()
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                if candidates[id] == nil {
                    let n = try row.decode(column: "normalised", as: String.self)
                    candidates[id] = (n, category, place, NeedSimilarity.dice(grams, NeedSimilarity.bigrams(n)))
                }
            }
        }
        var distinct: Set<UUID> = []
        if let excluding { distinct = try await Self.distinct(from: excluding, on: db) }
        var kept: [(UUID, NeedSimilarity.Verdict, Double)] = []
        for (id, c) in candidates where id != excluding && !distinct.contains(id) {
            let a = NeedSimilarity.assessNormalised(
                mine, c.normalised, sameCategory: category == c.category, samePlace: place == c.place,
                bigramsOfA: grams)
            if a.verdict != .unrelated { kept.append((id, a.verdict, a.dice)) }
        }
        kept.sort { a, b in
            if (a.1 == .differentBuildings) != (b.1 == .differentBuildings) { return b.1 == .differentBuildings }
            return a.2 != b.2 ? a.2 > b.2 : a.0.uuidString < b.0.uuidString
        }
        let top = Array(kept.prefix(8))
        guard !top.isEmpty else { return [] }
        let needs = try await Need.query(on: db).filter(\.$id ~~ top.map(\.0)).all()
        return top.compactMap { t in needs.first { $0.id == t.0 }.map { ($0, t.1, t.2) } }
    }

    /// Joins `source` into `target` (the same community, both open, neither joined already): the
    /// source keeps everything it had and shows where it went; its support counts in the target.
    static func merge(_ sourceID: UUID?, into targetID: UUID?, by caller: Caller) async throws -> Need {
        guard let sourceID, let targetID, sourceID != targetID,
            let source = try await Need.query(on: caller.db).filter(\.$id == sourceID).with(\.$community).first(),
            let target = try await Need.find(targetID, on: caller.db)
        else { throw YishiError.invalid(["merge": NeedText.mergeRefused.key]) }
        try caller.authorize(.needManage, at: source.community.territoryPath)
        guard source.$community.id == target.$community.id, source.status.open, target.status.open,
            source.$mergedInto.id == nil, target.$mergedInto.id == nil
        else { throw YishiError.invalid(["merge": NeedText.mergeRefused.key]) }
        let now = caller.now
        let weights = try await NeedSettingsStore.of(district: source.community.territoryPath.ids.first, on: caller.db)
            .weights
        return try await caller.audited { tx in
            source.statusBeforeMerge = source.status
            source.status = .merged
            source.$mergedInto.id = targetID
            try await source.update(on: tx)
            // Needs joined into the source before now count in the target too.
            try await Need.query(on: tx).filter(\.$mergedInto.$id == sourceID).set(\.$mergedInto.$id, to: targetID)
                .update()
            try await rescore(target, on: tx, now: now, weights: weights)
            return (
                target,
                AuditEvent(
                    action: .needMerge, targetType: "need", targetID: targetID.uuidString, nodeID: target.$place.id,
                    details: ["from": source.title, "to": target.title])
            )
        }
    }

    /// Undoes a merge: the source stands where it stood before, both scores recomputed.
    static func unmerge(_ sourceID: UUID?, by caller: Caller) async throws -> Need {
        guard let sourceID,
            let source = try await Need.query(on: caller.db).filter(\.$id == sourceID).with(\.$community).first(),
            let targetID = source.$mergedInto.id, let target = try await Need.find(targetID, on: caller.db)
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: source.community.territoryPath)
        let now = caller.now
        let weights = try await NeedSettingsStore.of(district: source.community.territoryPath.ids.first, on: caller.db)
            .weights
        return try await caller.audited { tx in
            source.status = source.statusBeforeMerge ?? .new
            source.statusBeforeMerge = nil
            source.$mergedInto.id = nil
            try await source.update(on: tx)
            try await rescore(source, on: tx, now: now, weights: weights)
            try await rescore(target, on: tx, now: now, weights: weights)
            return (
                source,
                AuditEvent(
                    action: .needUnmerge, targetType: "need", targetID: sourceID.uuidString, nodeID: source.$place.id,
                    details: ["from": source.title, "to": target.title])
            )
        }
    }

    /// Remembers that two needs are not the same: they are never offered as duplicates again.
    static func markDistinct(_ a: UUID?, _ b: UUID?, by caller: Caller) async throws {
        guard let a, let b, a != b,
            let first = try await Need.query(on: caller.db).filter(\.$id == a).with(\.$community).first(),
            let second = try await Need.find(b, on: caller.db), first.$community.id == second.$community.id
        else { throw YishiError.notFound }
        try caller.authorize(.needManage, at: first.community.territoryPath)
        let (x, y) = a.uuidString < b.uuidString ? (a, b) : (b, a)
        do {
            try await caller.audited { tx in
                try await (tx as! any SQLDatabase).insert(into: "need_distinct_pairs").columns("need_a", "need_b")
                    .values(SQLBind(x), SQLBind(y)).run()
                return (
                    (),
                    AuditEvent(
                        action: .needDistinct, targetType: "need", targetID: a.uuidString, nodeID: first.$place.id,
                        details: ["from": first.title, "to": second.title])
                )
            }
        } catch let error where error.isUniqueViolation {
            return  // marked already: what was asked holds
        }
    }

    /// The needs marked as not the same as `need`.
    static func distinct(from need: UUID, on db: any Database) async throws -> Set<UUID> {
        let rows = try await (db as! any SQLDatabase).raw(
            "SELECT need_a, need_b FROM need_distinct_pairs WHERE need_a = \(bind: need) OR need_b = \(bind: need)"
        ).all()
        var out: Set<UUID> = []
        for r in rows {
            out.insert(try r.decode(column: "need_a", as: UUID.self))
            out.insert(try r.decode(column: "need_b", as: UUID.self))
        }
        return out
    }
}
