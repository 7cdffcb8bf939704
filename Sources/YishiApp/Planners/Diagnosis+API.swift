import Fluent
import SQLKit
import Vapor
import YishiCore

extension DTO {
    struct DiagnosisIn: Content {
        struct Recommendation: Content {
            var title: String
            var text: String?
            var needs: [UUID]?
        }
        var history: String?
        var resources: String?
        var recommendations: [Recommendation]?
    }

    struct DiagnosisOut: Content {
        struct Recommendation: Content {
            var title: String
            var text: String
            var needs: [UUID]
            var project: UUID?
        }
        struct Figures: Content {
            var computedAt: Date
            var residents: Int
            var households: Int
            var unknownAge: Int
            var ageBands: [String: Int]
            var elderlyShare: Double?
            var children: Int
            var householdSizes: [String: Int]
            var meanHouseholdSize: Double?
            var compounds: [DiagnosisSnapshot.Compound]
            var lifeCircle: [DiagnosisSnapshot.Reach]?
            var needsTotal: Int
            var categories: [Diagnosis.CategoryLine]
            var topNeeds: [DiagnosisSnapshot.NeedLine]
        }
        var id: UUID
        var community: String
        var version: Int
        var createdAt: Date?
        var planner: UUID?
        var history: String
        var resources: String
        var recommendations: [Recommendation]
        var figures: Figures?
    }

    struct DiagnosisVersions: Content {
        struct Version: Content {
            var version: Int
            var createdAt: Date?
            var planner: UUID?
        }
        var community: String
        var versions: [Version]
        var latest: DiagnosisOut?
    }

    struct HonourIn: Content {
        var kind: String?
        var year: Int?
        var citation: String?
        var project: UUID?
    }

    struct HonourDecisionIn: Content {
        var award: Bool?
    }

    struct HonourOut: Content {
        var id: UUID
        var year: Int
        var kind: String
        var planner: UUID
        var name: String
        var project: UUID?
        var citation: String
        var status: String
    }

    struct PlannerStatistics: Content {
        struct Subdistrict: Content {
            var code: String
            var name: String
            var paired: Bool
            var planners: Int
            var hours: Double
            var confirmedHours: Double
            var projects: Int
        }
        var district: String
        var year: Int
        var tiers: [String: Int]
        var subdistricts: Int
        var paired: Int
        var unpaired: [String]
        var rows: [Subdistrict]
    }
}

/// The diagnosis reports and the planners' statistics under /api/v1.
struct DiagnosesAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("diagnosis", ":nodeID", use: versions)
        api.get("diagnosis", ":nodeID", ":version", use: version)
        api.post("diagnosis", ":nodeID", use: write)
        api.get("planner-statistics", ":districtID", use: statistics)
        api.post("planners", ":plannerID", "honours", use: nominate)
        api.post("planner-honours", ":honourID", "decision", use: decideHonour)
        api.get("planner-honours", ":districtID", use: roll)
    }

    static func out(_ h: PlannerHonour, name: String) -> DTO.HonourOut {
        .init(
            id: h.id!, year: h.year, kind: h.kind.rawValue, planner: h.$planner.id, name: name,
            project: h.$project.id, citation: h.citation, status: h.status.rawValue)
    }

    func nominate(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.HonourIn.self)
        let id = req.parameters.get("plannerID", as: UUID.self)
        let h = try await Planners.nominate(
            id, .init(kind: i.kind, year: i.year, citation: i.citation, project: i.project), by: req.caller)
        let name = try await Planner.find(h.$planner.id, on: req.db)?.name ?? ""
        return try PlannersAPI.created(Self.out(h, name: name))
    }

    func decideHonour(req: Request) async throws -> DTO.HonourOut {
        let i = try req.content.decode(DTO.HonourDecisionIn.self)
        let h = try await Planners.decideHonour(
            req.parameters.get("honourID", as: UUID.self), award: i.award, by: req.caller)
        let name = try await Planner.find(h.$planner.id, on: req.db)?.name ?? ""
        return Self.out(h, name: name)
    }

    /// The public honour roll: the awarded ones.
    func roll(req: Request) async throws -> [DTO.HonourOut] {
        guard let id = req.parameters.get("districtID", as: UUID.self),
            let d = try await TerritoryNode.find(id, on: req.db), d.level == .district
        else { throw YishiError.notFound }
        return try await Planners.honours(id, awardedOnly: true, on: req.db).map { Self.out($0, name: $0.planner.name) }
    }

    static func out(_ r: DiagnosisReport, community: String, on db: any Database) async throws -> DTO.DiagnosisOut {
        let recs = r.recommendations
        let projects = try await Diagnoses.projects(for: recs, on: db)
        return .init(
            id: r.id!, community: community, version: r.version, createdAt: r.createdAt, planner: r.$planner.id,
            history: r.history, resources: r.resources,
            recommendations: recs.enumerated().map { i, x in
                .init(title: x.title, text: x.text, needs: x.needs, project: projects[i]?.id)
            },
            figures: r.snapshot.map { s in
                let p = s.population
                return .init(
                    computedAt: s.computedAt, residents: p.residents, households: p.households,
                    unknownAge: p.unknownAge,
                    ageBands: Dictionary(
                        uniqueKeysWithValues: DiagnosisFigures.AgeBand.allCases.map { ($0.rawValue, p.bands[$0] ?? 0) }),
                    elderlyShare: p.elderlyShare, children: p.children,
                    householdSizes: Dictionary(
                        uniqueKeysWithValues: (1...5).map { ($0 == 5 ? "5+" : String($0), p.householdSizes[$0] ?? 0) }),
                    meanHouseholdSize: p.meanHouseholdSize, compounds: s.compounds, lifeCircle: s.lifeCircle,
                    needsTotal: s.needsTotal, categories: s.categories, topNeeds: s.topNeeds)
            })
    }

    func versions(req: Request) async throws -> DTO.DiagnosisVersions {
        let c = try await Diagnoses.community(req.parameters.get("nodeID", as: UUID.self), by: req.caller)
        let all = try await Diagnoses.versions(of: c.id!, on: req.db)
        return .init(
            community: c.code,
            versions: all.map { .init(version: $0.version, createdAt: $0.createdAt, planner: $0.$planner.id) },
            latest: try await all.first.asyncMap { try await Self.out($0, community: c.code, on: req.db) })
    }

    func version(req: Request) async throws -> DTO.DiagnosisOut {
        let c = try await Diagnoses.community(req.parameters.get("nodeID", as: UUID.self), by: req.caller)
        guard let v = req.parameters.get("version", as: Int.self),
            let r = try await DiagnosisReport.query(on: req.db).filter(\.$community.$id == c.id!)
                .filter(\.$version == v).first()
        else { throw YishiError.notFound }
        return try await Self.out(r, community: c.code, on: req.db)
    }

    func write(req: Request) async throws -> Response {
        let i = try req.content.decode(DTO.DiagnosisIn.self)
        let r = try await Diagnoses.write(
            req.parameters.get("nodeID", as: UUID.self),
            .init(
                history: i.history, resources: i.resources,
                recommendations: (i.recommendations ?? []).map {
                    .init(title: $0.title, text: $0.text ?? "", needs: $0.needs ?? [])
                }), by: req.caller)
        let c = try await TerritoryNode.find(r.$community.id, on: req.db)
        return try PlannersAPI.created(try await Self.out(r, community: c?.code ?? "", on: req.db))
    }

    /// Planners per tier, the pairing coverage, and each subdistrict's planners, service hours and
    /// projects in a year (`?year=`, this year by default), for the district's staff.
    func statistics(req: Request) async throws -> DTO.PlannerStatistics {
        let caller = req.caller
        let district = try await caller.node(req.parameters.get("districtID", as: UUID.self), for: .plannerManage)
        guard district.level == .district else { throw YishiError.notFound }
        let thisYear = CalendarDay(caller.now).year
        let year = (try? req.query.get(Int.self, at: "year")) ?? thisYear
        guard (2000...thisYear).contains(year) else {
            throw YishiError.invalid(["year": PlannerText.yearInvalid.key])
        }
        return try await Planners.statistics(district, year: year, by: caller)
    }
}

extension Planners {
    /// The figures of the statistics API: counted in the database, grouped by subdistrict here.
    static func statistics(_ district: TerritoryNode, year: Int, by caller: Caller) async throws
        -> DTO.PlannerStatistics
    {
        let sql = caller.db as! any SQLDatabase
        // The board as the caller may see it (one name per subdistrict read; the totals counted).
        let b = try await pairing(district.id, by: caller, first: 1)
        // Service by the place it was given at, in the year.
        let (from, to) = ("\(year)-01-01", "\(year)-12-31")
        let rows = try await sql.raw(
            """
            SELECT n.path, CAST(SUM(s.quarter_hours) AS BIGINT) AS q,
              CAST(SUM(CASE WHEN s.confirmed_at IS NULL THEN 0 ELSE s.quarter_hours END) AS BIGINT) AS c
            FROM planner_service s JOIN territory_nodes n ON n.id = s.node_id
            JOIN planners p ON p.id = s.planner_id
            WHERE p.district_id = \(bind: district.id!) AND s.day >= \(bind: from) AND s.day <= \(bind: to)
            GROUP BY n.path
            """
        ).all()
        var quarters: [UUID: (all: Int, confirmed: Int)] = [:]
        for r in rows {
            guard let path = TerritoryPath(encoded: try r.decode(column: "path", as: String.self)), path.ids.count >= 2
            else { continue }
            let q = try r.decode(column: "q", as: Int?.self) ?? 0
            let c = try r.decode(column: "c", as: Int?.self) ?? 0
            quarters[path.ids[1], default: (0, 0)].all += q
            quarters[path.ids[1], default: (0, 0)].confirmed += c
        }
        let projectRows = try await sql.raw(
            """
            SELECT DISTINCT n.path, s.project_id FROM planner_service s JOIN territory_nodes n ON n.id = s.node_id
            JOIN planners p ON p.id = s.planner_id
            WHERE p.district_id = \(bind: district.id!) AND s.project_id IS NOT NULL
              AND s.day >= \(bind: from) AND s.day <= \(bind: to)
            """
        ).all()
        var projects: [UUID: Set<UUID>] = [:]
        for r in projectRows {
            guard let path = TerritoryPath(encoded: try r.decode(column: "path", as: String.self)), path.ids.count >= 2
            else { continue }
            projects[path.ids[1], default: []].insert(try r.decode(column: "project_id", as: UUID.self))
        }
        return .init(
            district: district.code, year: year,
            tiers: Dictionary(uniqueKeysWithValues: PlannerTier.allCases.map { ($0.rawValue, b.tiers[$0] ?? 0) }),
            subdistricts: b.coverage.subdistricts, paired: b.coverage.paired,
            unpaired: b.rows.filter { b.coverage.unpaired.contains($0.subdistrict.id!) }.map(\.subdistrict.code),
            rows: b.rows.map { r in
                let id = r.subdistrict.id!
                let q = quarters[id] ?? (0, 0)
                return .init(
                    code: r.subdistrict.code, name: r.subdistrict.name, paired: !b.coverage.unpaired.contains(id),
                    planners: r.total, hours: Double(q.all) / 4, confirmedHours: Double(q.confirmed) / 4,
                    projects: projects[id]?.count ?? 0)
            })
    }
}
