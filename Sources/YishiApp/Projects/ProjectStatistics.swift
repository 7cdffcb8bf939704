import Fluent
import SQLKit
import Vapor
import YishiCore

/// A place's figures (issue 18 §10): projects by the stage they are at, meetings held,
/// attendance in person-times (offline — the roster and paper — counted and shown apart),
/// decisions passed (resolutions and votes counted), and needs taken up by projects.
enum ProjectStatistics {
    struct Stage: Content {
        var stage: String
        var projects: Int
    }

    struct Figures: Content {
        var projects: Int
        var byStage: [Stage]
        var meetingsHeld: Int
        var attendance: Int
        var attendanceOffline: Int
        var decisions: Int
        var votesCounted: Int
        var needsTakenUp: Int
    }

    static func int(_ row: (any SQLRow)?, _ column: String) throws -> Int {
        try row?.decode(column: column, as: Int?.self) ?? 0
    }

    static func figures(below node: TerritoryNode, lang: Lang, on db: any Database) async throws -> Figures {
        let sql = db as! any SQLDatabase
        let path = node.territoryPath
        let (low, high) = (path.encoded, path.subtreeUpperBound)
        let stages = try await sql.raw(
            """
            SELECT p.template_key, p.stage, COUNT(*) AS n FROM projects p JOIN territory_nodes t ON t.id = p.node_id
            WHERE t.path >= \(bind: low) AND t.path < \(bind: high) GROUP BY p.template_key, p.stage
            """
        ).all()
        let templates = try await Workflows.available(for: node, on: db)
        var byName: [(String, Int)] = []
        var total = 0
        for row in stages {
            let key = try row.decode(column: "template_key", as: String.self)
            let stage = try row.decode(column: "stage", as: Int.self)
            let n = try row.decode(column: "n", as: Int.self)
            total += n
            let t = templates.first { $0.key == key }
            let name =
                t.map { stage < $0.stages.count ? $0.stages[stage].name.text(lang) : ProjectText.done.text(lang) }
                ?? key
            if let i = byName.firstIndex(where: { $0.0 == name }) { byName[i].1 += n } else { byName.append((name, n)) }
        }
        let meetings = try await sql.raw(
            """
            SELECT COUNT(*) AS held FROM meetings m JOIN territory_nodes t ON t.id = m.node_id
            WHERE t.path >= \(bind: low) AND t.path < \(bind: high) AND m.minutes IS NOT NULL AND m.minutes <> ''
            """
        ).first()
        let attendance = try await sql.raw(
            """
            SELECT CAST(COALESCE(SUM(a.count), 0) AS BIGINT) AS total,
            CAST(COALESCE(SUM(CASE WHEN a.channel <> 'code' THEN a.count ELSE 0 END), 0) AS BIGINT) AS offline
            FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id JOIN territory_nodes t ON t.id = m.node_id
            WHERE t.path >= \(bind: low) AND t.path < \(bind: high)
            """
        ).first()
        let decisions = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM meeting_resolutions r JOIN meetings m ON m.id = r.meeting_id
            JOIN territory_nodes t ON t.id = m.node_id
            WHERE t.path >= \(bind: low) AND t.path < \(bind: high) AND r.status = 'passed'
            """
        ).first()
        let votes = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM option_votes v JOIN meetings m ON m.id = v.meeting_id
            JOIN territory_nodes t ON t.id = m.node_id
            WHERE t.path >= \(bind: low) AND t.path < \(bind: high) AND v.status = 'closed'
            """
        ).first()
        let needs = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM project_needs pn JOIN projects p ON p.id = pn.project_id
            JOIN territory_nodes t ON t.id = p.node_id WHERE t.path >= \(bind: low) AND t.path < \(bind: high)
            """
        ).first()
        return Figures(
            projects: total, byStage: byName.map { Stage(stage: $0.0, projects: $0.1) },
            meetingsHeld: try int(meetings, "held"), attendance: try int(attendance, "total"),
            attendanceOffline: try int(attendance, "offline"), decisions: try int(decisions, "n"),
            votesCounted: try int(votes, "n"), needsTakenUp: try int(needs, "n"))
    }

    /// The figures on the place's project list.
    static func view(_ ctx: PageContext, _ f: Figures) -> HTMLNode {
        C.section(ctx.t(ProjectText.statistics)) {
            C.facts([
                (ctx.t(ProjectText.statProjects), String(f.projects)),
                (ctx.t(ProjectText.statMeetings), String(f.meetingsHeld)),
                (
                    ctx.t(ProjectText.statAttendance),
                    ctx.t(ProjectText.statAttendanceLine, String(f.attendance), String(f.attendanceOffline))
                ),
                (ctx.t(ProjectText.statDecisions), String(f.decisions + f.votesCounted)),
                (ctx.t(ProjectText.statNeeds), String(f.needsTakenUp)),
            ])
            if !f.byStage.isEmpty {
                C.barChart(
                    caption: ctx.t(ProjectText.statByStage), bars: f.byStage.map { ($0.stage, $0.projects) })
            }
        }
    }
}
