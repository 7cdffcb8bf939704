import Fluent
import SQLKit
import Vapor
import YishiCore

extension Site.Pattern {
    static let diagnoses = "/diagnosis"
    static let diagnosis = "/diagnosis/:nodeID"
    static let diagnosisNew = "/diagnosis/:nodeID/new"
}

extension Site {
    static func diagnosis(_ community: UUID, version: Int? = nil, notice: String? = nil) -> String {
        let base = fill(Pattern.diagnosis, community.uuidString)
        if let version { return base + "?version=\(version)" }
        return with(base, notice)
    }
    static func diagnosisNew(_ community: UUID) -> String { fill(Pattern.diagnosisNew, community.uuidString) }
    /// The new-project form with a diagnosis recommendation's title, text and needs filled in.
    static func newProject(node: UUID, title: String, description: String, needs: [UUID]) -> String {
        newProject(node: node) + "&title=" + H.query(title) + "&description=" + H.query(description)
            + needs.map { "&needs%5B%5D=" + $0.uuidString }.joined()
    }
}

/// The diagnosis report's pages: the latest version (or one asked for), and the form that writes
/// the next one, filled with the latest.
struct DiagnosisRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.Pattern.diagnoses.pathComponents, use: list)
        routes.get(Site.Pattern.diagnosis.pathComponents, use: show)
        routes.get(Site.Pattern.diagnosisNew.pathComponents, use: form)
        routes.post(Site.Pattern.diagnosisNew.pathComponents, use: write)
    }

    static func model(_ id: UUID?, version: Int?, by caller: Caller) async throws -> DiagnosisPages.Model {
        let community = try await Diagnoses.community(id, by: caller)
        let versions = try await Diagnoses.versions(of: community.id!, on: caller.db)
        let report = version.map { v in versions.first { $0.version == v } } ?? versions.first
        if version != nil && report == nil { throw YishiError.notFound }
        let recs = report?.recommendations ?? []
        let ids = Array(Set(recs.flatMap(\.needs)))
        var titles: [UUID: String] = [:]
        if !ids.isEmpty {
            for n in try await Need.query(on: caller.db).filter(\.$id ~~ ids).all() { titles[n.id!] = n.title }
        }
        let authorIDs = Array(Set(versions.compactMap(\.authorID)))
        var authors: [UUID: String] = [:]
        if !authorIDs.isEmpty {
            for u in try await User.query(on: caller.db).filter(\.$id ~~ authorIDs).all() {
                authors[u.id!] = u.displayName
            }
        }
        let path = community.territoryPath
        return .init(
            community: community, report: report, versions: versions, authors: authors,
            mayWrite: caller.allows(.diagnosisWrite, at: path), mayOpen: caller.allows(.projectManage, at: path),
            needTitles: titles, projects: try await Diagnoses.projects(for: recs, on: caller.db),
            categories: try await NeedSettingsStore.of(district: path.ids.first, on: caller.db).categories)
    }

    /// The communities the caller may diagnose, each with its latest version.
    func list(req: Request) async throws -> Response {
        let caller = req.caller
        let scopes = Policy.scopes(caller.actor, for: .diagnosisWrite)
        guard !scopes.isEmpty else { throw YishiError.denied(caller.actor == nil ? .notSignedIn : .roleLacksAction) }
        let q = TerritoryNode.query(on: req.db).filter(\.$level == .community)
        if !scopes.contains(where: { $0 == nil }) {
            q.group(.or) { g in for p in scopes.compactMap({ $0 }) { g.group(.and) { $0.inSubtree(p) } } }
        }
        let communities = try await q.sort(\.$path).limit(300).all()
        let ids = communities.compactMap(\.id)
        var latest: [UUID: (Int, Date?)] = [:]
        if !ids.isEmpty {
            for r in try await DiagnosisReport.query(on: req.db).filter(\.$community.$id ~~ ids)
                .field(\.$community.$id).field(\.$version).field(\.$createdAt).all()
            where (latest[r.$community.id]?.0 ?? 0) < r.version {
                latest[r.$community.id] = (r.version, r.createdAt)
            }
        }
        return req.render(
            DiagnosisPages.list(req.pageContext, communities.map { ($0, latest[$0.id!]?.0, latest[$0.id!]?.1) }))
    }

    func show(req: Request) async throws -> Response {
        let m = try await Self.model(
            req.parameters.get("nodeID", as: UUID.self), version: try? req.query.get(Int.self, at: "version"),
            by: req.caller)
        return req.render(DiagnosisPages.report(req.pageContext, m))
    }

    /// The needs a recommendation may answer: the community's list, ranked (merged ones left out).
    static func needs(_ community: TerritoryNode, on db: any Database) async throws -> [NeedsService.Row] {
        try await NeedsService.rankedRows(below: community, limit: 30, on: db)
    }

    func form(req: Request) async throws -> Response {
        let community = try await Diagnoses.community(req.parameters.get("nodeID", as: UUID.self), by: req.caller)
        try req.caller.authorize(.diagnosisWrite, at: community.territoryPath)
        let latest = try await Diagnoses.versions(of: community.id!, on: req.db).first
        return req.render(
            DiagnosisPages.write(
                req.pageContext, community: community,
                form: .init(
                    history: latest?.history ?? "", resources: latest?.resources ?? "",
                    recommendations: latest?.recommendations ?? []),
                needs: try await Self.needs(community, on: req.db), errors: FormErrors()))
    }

    /// The form's fields, with each recommendation's ticked needs (`rec0_needs[]` …).
    static func parse(_ req: Request) -> DiagnosisPages.Form {
        let items = req.formItems
        func one(_ name: String) -> String { items.first { $0.name == name }?.value ?? "" }
        var recs: [Diagnosis.Recommendation] = []
        for i in 0..<Diagnosis.maxRecommendations + 1 {
            let title = one("rec\(i)_title").trimmed
            let text = one("rec\(i)_text").trimmed
            let needs = items.filter { $0.name == "rec\(i)_needs[]" }.compactMap {
                $0.value.flatMap { UUID(uuidString: $0) }
            }
            if title.isEmpty && text.isEmpty && needs.isEmpty { continue }
            recs.append(.init(title: title, text: text, needs: needs))
        }
        return .init(history: one("history"), resources: one("resources"), recommendations: recs)
    }

    func write(req: Request) async throws -> Response {
        let id = req.parameters.get("nodeID", as: UUID.self)
        let f = Self.parse(req)
        do {
            let r = try await Diagnoses.write(
                id, .init(history: f.history, resources: f.resources, recommendations: f.recommendations),
                by: req.caller)
            return req.redirect(to: Site.diagnosis(r.$community.id, notice: DiagnosisText.saved.key))
        } catch YishiError.invalid(let fields) {
            let community = try await Diagnoses.community(id, by: req.caller)
            return req.render(
                DiagnosisPages.write(
                    req.pageContext, community: community, form: f, needs: try await Self.needs(community, on: req.db),
                    errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }
}
