import Fluent
import SQLKit
import Vapor
import YishiAtlas
import YishiCore

/// A version of a community's diagnosis report: what the author wrote, and the figures the
/// platform computed when it was saved (kept as they were, so an old version reads as it did).
final class DiagnosisReport: Model, @unchecked Sendable {
    static let schema = "diagnosis_reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "community_id") var community: TerritoryNode
    @Field(key: "version") var version: Int
    @OptionalField(key: "author_id") var authorID: UUID?
    @OptionalParent(key: "planner_id") var planner: Planner?
    @Field(key: "history") var history: String
    /// The moment it was saved, on the platform's clock (the figures are of that moment too).
    @OptionalField(key: "created_at") var createdAt: Date?
    @Field(key: "resources") var resources: String
    @Field(key: "recommendations") var recommendationsJSON: String
    @Field(key: "snapshot") var snapshotJSON: String
    init() {}

    var recommendations: [Diagnosis.Recommendation] {
        (try? JSONDecoder().decode([Diagnosis.Recommendation].self, from: Data(recommendationsJSON.utf8))) ?? []
    }
    var snapshot: DiagnosisSnapshot? {
        try? JSONDecoder.yishi.decode(DiagnosisSnapshot.self, from: Data(snapshotJSON.utf8))
    }
}

/// The figures of a diagnosis, computed from the registers, the needs list and the atlas.
struct DiagnosisSnapshot: Codable, Sendable {
    struct Compound: Codable, Sendable {
        var name: String
        var kind: String?
        var buildings: Int
        var units: Int
        var households: Int
    }
    struct Reach: Codable, Sendable {
        var compound: String
        var okAtTier: Int
        var types: Int
        var missing: [String]
        var missing15: [String]
        /// Metres to the nearest park, culture and sports facility (nil: none within the cutoff).
        var park: Double?
        var culture: Double?
        var sports: Double?
    }
    struct NeedLine: Codable, Sendable {
        var id: UUID
        var title: String
        var category: String
        var households: Int
        var priority: Double
        var status: String
    }
    var computedAt: Date
    var population: DiagnosisFigures.Population
    var compounds: [Compound]
    var lifeCircle: [Reach]?
    var needsTotal: Int
    var categories: [Diagnosis.CategoryLine]
    var topNeeds: [NeedLine]
}

extension JSONDecoder {
    /// Dates as ISO 8601, the way `JSONEncoder.yishi` writes them.
    static var yishi: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}

extension JSONEncoder {
    static var yishi: JSONEncoder {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        e.outputFormatting = .sortedKeys
        return e
    }
}

/// Community diagnosis reports (社区把脉): written by the community's planner or its staff, read
/// by those who may write them or manage its projects; every save a new version.
enum Diagnoses {
    /// The community, if the caller may read its diagnosis.
    static func community(_ id: UUID?, by caller: Caller) async throws -> TerritoryNode {
        guard let id, let node = try await TerritoryNode.find(id, on: caller.db) else { throw YishiError.notFound }
        guard node.level == .community else {
            throw YishiError.invalid(["community": DiagnosisText.notCommunity.key])
        }
        let path = node.territoryPath
        guard caller.allows(.diagnosisWrite, at: path) || caller.allows(.projectManage, at: path) else {
            throw YishiError.denied(caller.actor == nil ? .notSignedIn : .outsideScope)
        }
        return node
    }

    static func versions(of community: UUID, on db: any Database) async throws -> [DiagnosisReport] {
        try await DiagnosisReport.query(on: db).filter(\.$community.$id == community).with(\.$planner)
            .sort(\.$version, .descending).all()
    }

    /// The figures of `community` now: its people by household, its compounds, the ranked needs
    /// and each compound's reach in the life circle.
    static func snapshot(of community: TerritoryNode, now: Date, on db: any Database) async throws
        -> DiagnosisSnapshot
    {
        let sql = db as! any SQLDatabase
        let path = community.territoryPath
        // People by household, within the community's buildings.
        let people = try await sql.raw(
            """
            SELECT r.birth_year, r.household_id FROM residents r
            JOIN households h ON h.id = r.household_id JOIN units u ON u.id = h.unit_id
            JOIN territory_nodes b ON b.id = u.building_id
            WHERE b.path >= \(bind: path.encoded) AND b.path < \(bind: path.subtreeUpperBound)
            """
        ).all().map {
            DiagnosisFigures.Person(
                birthYear: try $0.decode(column: "birth_year", as: Int?.self),
                household: try $0.decode(column: "household_id", as: UUID.self))
        }
        let households = try await sql.raw(
            """
            SELECT h.id FROM households h JOIN units u ON u.id = h.unit_id JOIN territory_nodes b ON b.id = u.building_id
            WHERE b.path >= \(bind: path.encoded) AND b.path < \(bind: path.subtreeUpperBound)
            """
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let population = DiagnosisFigures.population(
            people, households: Set(households), year: CalendarDay(now).year)
        // Compounds with their buildings, homes and households.
        let compoundRows = try await sql.raw(
            """
            SELECT c.id, c.name, c.kind, c.code,
              (SELECT COUNT(*) FROM territory_nodes b WHERE b.parent_id = c.id AND b.level = 'building') AS buildings,
              (SELECT COUNT(*) FROM units u JOIN territory_nodes b ON b.id = u.building_id WHERE b.parent_id = c.id) AS units,
              (SELECT COUNT(*) FROM households h JOIN units u ON u.id = h.unit_id
                 JOIN territory_nodes b ON b.id = u.building_id WHERE b.parent_id = c.id) AS households
            FROM territory_nodes c WHERE c.level = 'compound'
              AND c.path >= \(bind: path.encoded) AND c.path < \(bind: path.subtreeUpperBound)
            ORDER BY c.code
            """
        ).all()
        let compounds = try compoundRows.map {
            DiagnosisSnapshot.Compound(
                name: try $0.decode(column: "name", as: String.self),
                kind: try $0.decode(column: "kind", as: String?.self),
                buildings: try $0.decode(column: "buildings", as: Int.self),
                units: try $0.decode(column: "units", as: Int.self),
                households: try $0.decode(column: "households", as: Int.self))
        }
        // The ranked needs list.
        let ranked = try await NeedsService.rankedRows(below: community, limit: nil, on: db)

        let lines = Diagnosis.byCategory(ranked.map { ($0.category, $0.score.households) })
        // The life circle of each compound linked to the map.
        let summary = try await LifeCircleQueries.summary(for: community, on: db)
        let reach: [DiagnosisSnapshot.Reach]? =
            summary.atlasImport == nil || summary.rows.isEmpty
            ? nil
            : summary.rows.map { r in
                func m(_ t: FacilityType) -> Double? { r.coverage.metres(to: t).flatMap { $0.isFinite ? $0 : nil } }
                return .init(
                    compound: r.compound?.name ?? r.mapNames.first ?? "", okAtTier: r.gap.okAtTier,
                    types: r.coverage.types.count, missing: r.gap.missingAtTier.map(\.type.rawValue),
                    missing15: r.gap.missing15Minutes.map(\.rawValue), park: m(.park), culture: m(.culture),
                    sports: m(.sports))
            }
        return DiagnosisSnapshot(
            computedAt: now, population: population, compounds: compounds, lifeCircle: reach,
            needsTotal: ranked.count, categories: lines,
            topNeeds: ranked.prefix(10).map {
                .init(
                    id: $0.id, title: $0.title, category: $0.category,
                    households: $0.score.households, priority: $0.score.priority, status: $0.status.rawValue)
            })
    }

    struct NewReport: Sendable {
        var history: String?
        var resources: String?
        var recommendations: [Diagnosis.Recommendation]
    }

    /// Saves a new version: the text as written, checked by the one rule, and the figures of now.
    static func write(_ communityID: UUID?, _ n: NewReport, by caller: Caller) async throws -> DiagnosisReport {
        let community = try await community(communityID, by: caller)
        try caller.authorize(.diagnosisWrite, at: community.territoryPath)
        let history = (n.history ?? "").trimmed
        let resources = (n.resources ?? "").trimmed
        let recs = n.recommendations.map {
            Diagnosis.Recommendation(title: $0.title.trimmed, text: $0.text.trimmed, needs: Array(Set($0.needs)))
        }
        if FieldRules.hasControlCharacter(history.replacingOccurrences(of: "\n", with: ""))
            || FieldRules.hasControlCharacter(resources.replacingOccurrences(of: "\n", with: ""))
        {
            throw YishiError.invalid(["history": FieldText.invalid.key])
        }
        if let problem = Diagnosis.check(history: history, resources: resources, recommendations: recs) {
            let field =
                switch problem {
                case .sectionTooLong: history.count > Diagnosis.maxSection ? "history" : "resources"
                case .empty: "history"
                default: "recommendations"
                }
            throw YishiError.invalid([field: DiagnosisText.problem(problem).key])
        }
        // The needs: on this community's list.
        let asked = Set(recs.flatMap(\.needs))
        if !asked.isEmpty {
            let found = try await Need.query(on: caller.db).filter(\.$id ~~ Array(asked))
                .filter(\.$community.$id == community.id!).filter(\.$status != .merged).count()
            guard found == asked.count else {
                throw YishiError.invalid(["recommendations": DiagnosisText.needsInvalid.key])
            }
        }
        let snapshot = try await snapshot(of: community, now: caller.now, on: caller.db)
        let planner = try await caller.actor.asyncMap {
            try await Planner.query(on: caller.db).filter(\.$user.$id == $0.userId).first()
        }
        let (user, snapJSON, recJSON) = (
            caller.actor?.userId, String(decoding: try JSONEncoder.yishi.encode(snapshot), as: UTF8.self),
            String(decoding: try JSONEncoder.yishi.encode(recs), as: UTF8.self)
        )
        do {
            return try await caller.audited { tx in
                // The next number, read in the writer's transaction; the unique index is the backstop.
                let versions = try await DiagnosisReport.query(on: tx).filter(\.$community.$id == community.id!)
                    .all(\.$version)
                let r = DiagnosisReport()
                r.$community.id = community.id!
                r.version = Diagnosis.nextVersion(after: versions)
                r.authorID = user
                r.$planner.id = planner??.id
                r.history = history
                r.resources = resources
                r.recommendationsJSON = recJSON
                r.snapshotJSON = snapJSON
                r.createdAt = snapshot.computedAt
                try await r.create(on: tx)
                return (
                    r,
                    AuditEvent(
                        action: .diagnosisWrite, targetType: "diagnosis", targetID: r.id!.uuidString,
                        nodeID: community.id,
                        details: ["version": String(r.version), "recommendations": String(recs.count)])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: ErrorText.code409.key)
        }
    }

    /// For each recommendation, the project its needs were taken up by (if any).
    static func projects(for recs: [Diagnosis.Recommendation], on db: any Database) async throws -> [Int: Project] {
        let ids = Array(Set(recs.flatMap(\.needs)))
        guard !ids.isEmpty else { return [:] }
        let rows = try await (db as! any SQLDatabase).raw(
            "SELECT project_id, need_id FROM project_needs WHERE need_id IN (\(binds: ids))"
        ).all()
        var byNeed: [UUID: UUID] = [:]
        for r in rows {
            byNeed[try r.decode(column: "need_id", as: UUID.self)] = try r.decode(column: "project_id", as: UUID.self)
        }
        let projects = Dictionary(
            uniqueKeysWithValues: try await Project.query(on: db).filter(\.$id ~~ Array(Set(byNeed.values))).all().map {
                ($0.id!, $0)
            })
        var out: [Int: Project] = [:]
        for (i, r) in recs.enumerated() {
            if let p = r.needs.lazy.compactMap({ byNeed[$0] }).first.flatMap({ projects[$0] }) { out[i] = p }
        }
        return out
    }
}
