import Fluent
import SQLKit
import Vapor
import YishiCore

/// A district's needs settings as stored (`need_settings`, one row per district, each part JSON);
/// none stored: the standard ones. The district's administrator edits them; a new vocabulary
/// normalises the district's needs again and a new weighting ranks them again, in the same transaction.
enum NeedSettingsStore {
    static func of(district: UUID?, on db: any Database) async throws -> NeedSettings {
        guard let district,
            let row = try await (db as! any SQLDatabase).raw(
                "SELECT categories, weights, vocabulary FROM need_settings WHERE district_id = \(bind: district)"
            ).first()
        else { return .standard }
        let d = JSONDecoder()
        return NeedSettings(
            extraCategories: (try? d.decode(
                [NeedCategory].self, from: Data(row.decode(column: "categories", as: String.self).utf8)))
                ?? [],
            weights: (try? d.decode(
                NeedRanking.Weights.self, from: Data(row.decode(column: "weights", as: String.self).utf8)))
                ?? .init(),
            vocabulary: (try? d.decode(
                NeedSimilarity.Vocabulary.self, from: Data(row.decode(column: "vocabulary", as: String.self).utf8)))
                ?? .standard)
    }

    /// The settings of the district a community (or any node) is in.
    static func of(node id: UUID, on db: any Database) async throws -> NeedSettings {
        guard
            let path = try await (db as! any SQLDatabase).raw("SELECT path FROM territory_nodes WHERE id = \(bind: id)")
                .first()?.decode(column: "path", as: String.self)
        else { return .standard }
        return try await of(district: TerritoryPath(encoded: path)?.ids.first, on: db)
    }

    struct Form: Content {
        var categories: String?
        var perBuilding: String?
        var perAgeBand: String?
        var perExtraChannel: String?
        var perVulnerableGroup: String?
        var safety: String?
        var perWaitingMonth: String?
        var waitingMonthsCap: String?
        var frameWords: String?
        var synonyms: String?

        init(_ s: NeedSettings) {
            categories = s.extraCategories.map { "\($0.key),\($0.zh),\($0.en)" }.joined(separator: "\n")
            let w = s.weights
            func n(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
            (perBuilding, perAgeBand, perExtraChannel) = (n(w.perBuilding), n(w.perAgeBand), n(w.perExtraChannel))
            (perVulnerableGroup, safety, perWaitingMonth) = (n(w.perVulnerableGroup), n(w.safety), n(w.perWaitingMonth))
            waitingMonthsCap = String(w.waitingMonthsCap)
            frameWords = s.vocabulary.frameWords.joined(separator: "、")
            synonyms = s.vocabulary.synonyms.map { $0.joined(separator: "/") }.joined(separator: "\n")
        }
    }

    /// Checks and saves a district's settings (its administrators only), then brings its needs in line.
    static func save(_ f: Form, district districtID: UUID?, by caller: Caller) async throws -> NeedSettings {
        let district = try await caller.district(districtID, for: .needManage)
        var fields: [String: String] = [:]
        var settings = NeedSettings()
        switch NeedSettings.categories(f.categories ?? "") {
        case .success(let c): settings.extraCategories = c
        case .failure: fields["categories"] = NeedText.settingsCategoriesBad.key
        }
        let weightFields = [
            "perBuilding": f.perBuilding, "perAgeBand": f.perAgeBand, "perExtraChannel": f.perExtraChannel,
            "perVulnerableGroup": f.perVulnerableGroup, "safety": f.safety, "perWaitingMonth": f.perWaitingMonth,
            "waitingMonthsCap": f.waitingMonthsCap,
        ].compactMapValues { $0 }
        switch NeedSettings.weights(weightFields) {
        case .success(let w): settings.weights = w
        case .failure: fields["weights"] = NeedText.settingsWeightsBad.key
        }
        switch NeedSettings.vocabulary(frameWords: f.frameWords ?? "", synonyms: f.synonyms ?? "") {
        case .success(let v): settings.vocabulary = v
        case .failure(.frameWords): fields["frameWords"] = NeedText.settingsVocabularyBad.key
        case .failure: fields["synonyms"] = NeedText.settingsVocabularyBad.key
        }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let id = try district.requireID()
        let before = try await of(district: id, on: caller.db)
        let e = JSONEncoder()
        e.outputFormatting = .sortedKeys
        let (categories, weights, vocabulary) = (
            String(decoding: try e.encode(settings.extraCategories), as: UTF8.self),
            String(decoding: try e.encode(settings.weights), as: UTF8.self),
            String(decoding: try e.encode(settings.vocabulary), as: UTF8.self)
        )
        let now = caller.now
        let user = caller.actor?.userId
        let path = district.territoryPath
        let fixed = settings
        return try await caller.audited { tx in
            let sql = tx as! any SQLDatabase
            try await sql.raw("DELETE FROM need_settings WHERE district_id = \(bind: id)").run()
            try await sql.raw(
                """
                INSERT INTO need_settings (district_id, categories, weights, vocabulary, updated_by_id, updated_at)
                VALUES (\(bind: id), \(bind: categories), \(bind: weights), \(bind: vocabulary), \(bind: user), \(bind: now))
                """
            ).run()
            var renormalised = 0
            var reweighed = 0
            if fixed.vocabulary != before.vocabulary || fixed.weights != before.weights {
                let needs = try await Need.query(on: tx).join(
                    TerritoryNode.self, on: \Need.$community.$id == \TerritoryNode.$id
                )
                .filter(TerritoryNode.self, \.$path >= path.encoded)
                .filter(TerritoryNode.self, \.$path < path.subtreeUpperBound).all()
                for need in needs {
                    if fixed.vocabulary != before.vocabulary {
                        need.normalised = NeedSimilarity.normalise(need.body, vocabulary: fixed.vocabulary)
                        need.bigramCount = NeedSimilarity.bigrams(need.normalised).count
                        try await sql.raw("DELETE FROM need_bigrams WHERE need_id = \(bind: need.requireID())").run()
                        try await NeedsService.indexBigrams(of: need, on: tx)
                        renormalised += 1
                    }
                    if fixed.weights != before.weights {
                        need.setScore(
                            NeedRanking.reweighed(
                                need.score, firstSubmitted: need.firstSubmittedAt, now: now, weights: fixed.weights))
                        reweighed += 1
                    }
                    try await need.update(on: tx)
                }
            }
            return (
                fixed,
                AuditEvent(
                    action: .needSettings, targetType: "district", targetID: id.uuidString, nodeID: id,
                    details: [
                        "categories": categories, "weights": weights, "renormalised": String(renormalised),
                        "reweighed": String(reweighed),
                    ])
            )
        }
    }
}
