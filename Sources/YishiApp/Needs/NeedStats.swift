import Fluent
import SQLKit
import Vapor
import YishiCore

/// How a community takes part (issue 17 §10): needs and supporting households by the channel they
/// came through, the share of the community's households that raised or supported a need, and how
/// much was entered by staff — offline participation counts in every figure.
struct NeedStats: Sendable {
    struct Line: Sendable {
        var channel: YishiCore.Channel
        var needs: Int
        var households: Int
    }
    var lines: [Line]
    /// Households that raised or supported at least one need.
    var households: Int
    /// Supports entered by staff for residents, of all supports.
    var enteredByStaff: Int
    var supports: Int

    /// Kept five seconds (emptied by any audited change, as every read cache is).
    static let cache = ReadCache<NeedStats>(lifetime: .seconds(5), capacity: 5_000)

    static func cached(community: UUID, on db: any Database, namespace: String) async throws -> NeedStats {
        let key = namespace + "|" + community.uuidString
        if let kept = cache.value(key) { return kept }
        let generation = cache.generation
        let stats = try await load(community: community, on: db)
        cache.keep(stats, key, generation: generation)
        return stats
    }

    static func load(community: UUID, on db: any Database) async throws -> NeedStats {
        let sql = db as! any SQLDatabase
        var needs: [String: Int] = [:]
        for row in try await sql.raw(
            """
            SELECT channel, COUNT(*) AS n FROM needs WHERE community_id = \(bind: community) AND status <> 'merged'
            GROUP BY channel
            """
        ).all() {
            needs[try row.decode(column: "channel", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        var households: [String: Int] = [:]
        var staff = 0
        var supports = 0
        for row in try await sql.raw(
            """
            SELECT s.channel, COUNT(DISTINCT s.household_id) AS h, COUNT(*) AS n,
            SUM(CASE WHEN s.entered_by_id IS NULL THEN 0 ELSE 1 END) AS staff
            FROM need_supports s JOIN needs n ON n.id = s.need_id WHERE n.community_id = \(bind: community)
            GROUP BY s.channel
            """
        ).all() {
            households[try row.decode(column: "channel", as: String.self)] = try row.decode(column: "h", as: Int.self)
            supports += try row.decode(column: "n", as: Int.self)
            staff += try row.decode(column: "staff", as: Int?.self) ?? 0
        }
        let total =
            try await sql.raw(
                """
                SELECT COUNT(DISTINCT s.household_id) AS h FROM need_supports s JOIN needs n ON n.id = s.need_id
                WHERE n.community_id = \(bind: community)
                """
            ).first()?.decode(column: "h", as: Int.self) ?? 0
        let lines = YishiCore.Channel.allCases.compactMap { c -> Line? in
            let n = needs[c.rawValue] ?? 0
            let h = households[c.rawValue] ?? 0
            return n == 0 && h == 0 ? nil : Line(channel: c, needs: n, households: h)
        }
        return NeedStats(lines: lines, households: total, enteredByStaff: staff, supports: supports)
    }

    /// "12.5": a share of the community's households, in per cent with one decimal.
    static func percent(_ part: Int, of whole: Int) -> String {
        whole == 0 ? "0" : String(format: "%.1f", Double(part) * 100 / Double(whole))
    }

    func view(_ ctx: PageContext, communityHouseholds: Int, needsLink: String) -> HTMLNode {
        C.section(ctx.t(NeedText.statsTitle)) {
            if lines.isEmpty {
                C.empty(ctx.t(NeedText.listEmpty))
            } else {
                C.text(
                    ctx.t(
                        NeedText.statsShare, String(households), String(communityHouseholds),
                        Self.percent(households, of: communityHouseholds)))
                C.text(ctx.t(NeedText.statsStaff, String(enteredByStaff), String(supports)), muted: true)
                C.table(
                    caption: ctx.t(NeedText.statsTitle),
                    headers: [ctx.t(PeopleText.channel), ctx.t(NeedText.statsNeeds), ctx.t(NeedText.statsHouseholds)],
                    rows: lines.map { l in
                        [.text(ctx.name(l.channel)), .text(String(l.needs)), .text(String(l.households))]
                    })
            }
            H.el("p", [], [C.linkButton(ctx.t(NeedText.title), needsLink, primary: false)])
        }
    }
}
