import Fluent
import SQLKit
import Vapor
import YishiCore

/// 需求清单: the list staff freeze and publish through a public notice. The version keeps every
/// need on the list as it stood — rank, place, kind and every part of its score — so the notice
/// shows the same list for ever, whatever happens to the needs afterwards.
final class NeedsListVersion: Model, @unchecked Sendable {
    static let schema = "needs_list_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @Parent(key: "notice_id") var notice: PublicNotice
    /// `[NeedsList.Frozen]` as JSON.
    @Field(key: "rows") var rows: String
    @OptionalField(key: "published_by_id") var publishedByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

enum NeedsList {
    static let subjectKind = "needsList"

    /// One need as the list was frozen.
    struct Frozen: Codable, Sendable {
        var rank: Int
        var id: UUID
        var title: String
        var category: String
        var categoryZh: String
        var categoryEn: String
        var place: String
        var status: String
        var households: Int
        var buildings: Int
        var ageBands: Int
        var commonGround: Double
        var channels: Int
        var vulnerable: Int
        var safety: Bool
        var waitingMonths: Int
        var priority: Double

        func categoryName(_ lang: Lang) -> String { lang == .zhHans ? categoryZh : categoryEn }
    }

    /// A frozen list as a table of words: every part of each score as it was frozen (the notice,
    /// its poster and its CSV show the same).
    static func table(_ rows: [Frozen], lang: Lang) -> (header: [String], rows: [[String]]) {
        let zh = lang == .zhHans
        let header =
            [NeedText.rank.text(lang)]
            + (zh
                ? ["需求", "类别", "地方", "进展", "户数", "楼栋数", "年龄段数", "共识分", "渠道数", "弱势群体", "安全隐患", "等待月数", "优先分"]
                : [
                    "Need", "Kind", "Place", "Status", "Households", "Buildings", "Age groups", "Common ground",
                    "Channels", "Vulnerable", "Safety", "Months waiting", "Priority",
                ])
        return (
            header,
            rows.map { r in
                [
                    String(r.rank), r.title, r.categoryName(lang), r.place,
                    NeedStatus(rawValue: r.status)?.text.text(lang) ?? r.status, String(r.households),
                    String(r.buildings), String(r.ageBands), String(r.commonGround), String(r.channels),
                    String(r.vulnerable), r.safety ? (zh ? "是" : "yes") : (zh ? "否" : "no"), String(r.waitingMonths),
                    String(r.priority),
                ]
            }
        )
    }

    /// The statuses that are on the list.
    static let listed: Set<NeedStatus> = [.accepted, .takenUp, .done]

    /// Freezes the listed needs of `nodeID`'s communities in their present order and publishes
    /// them as a notice of `days` days, in one audited transaction. Nothing on the list: 422.
    static func publish(_ nodeID: UUID?, days: String?, lang: Lang, by caller: Caller) async throws -> PublicNotice {
        let node = try await caller.node(nodeID, for: .needManage)
        try caller.authorize(.noticeManage, at: node.territoryPath)
        guard let days = NoticePeriod.days(days) else { throw YishiError.invalid(["days": NoticeText.daysInvalid.key]) }
        // The months of waiting as of today, before the order is frozen.
        try await NeedsService.refreshWaiting(below: node, now: caller.now, on: caller.db)
        let frozen = try await freeze(node, on: caller.db)
        guard !frozen.isEmpty else { throw YishiError.invalid(["list": NeedText.nothingToPublish.key]) }
        let now = caller.now
        let user = caller.actor?.userId
        let date = String(Show.dateTime(now).prefix(10))
        let (title, body) = (
            NeedText.noticeTitle.text(lang, [node.name, date]), NeedText.noticeBody.text(lang, [String(frozen.count)])
        )
        return try await caller.audited { tx in
            // The list published before, if still running, gives way to this one.
            try await (tx as! any SQLDatabase).raw(
                """
                UPDATE public_notices SET ends_at = \(bind: now) WHERE node_id = \(bind: node.requireID())
                AND subject_kind = \(bind: subjectKind) AND status = 'published' AND ends_at > \(bind: now)
                """
            ).run()
            let n = try await store(
                frozen, node: node, title: title, body: body, period: .starting(now, days: days), by: user, on: tx)
            return (
                n,
                AuditEvent(
                    action: .needsListPublish, targetType: "notice", targetID: n.id!.uuidString, nodeID: node.id,
                    details: ["needs": String(frozen.count), "days": String(days)])
            )
        }
    }

    /// The listed needs of a node's communities in their present order, as a version keeps them.
    static func freeze(_ node: TerritoryNode, on db: any Database) async throws -> [Frozen] {
        let rows = try await NeedsService.rankedRows(below: node, limit: nil, on: db).filter {
            listed.contains($0.status)
        }
        let categories = try await NeedSettingsStore.of(district: node.territoryPath.ids.first, on: db).categories
        return rows.enumerated().map { i, r in
            Frozen(
                rank: i + 1, id: r.id, title: r.title, category: r.category,
                categoryZh: r.categoryName(.zhHans, in: categories),
                categoryEn: r.categoryName(.en, in: categories), place: r.placeName, status: r.status.rawValue,
                households: r.score.households, buildings: r.score.buildings, ageBands: r.score.ageBands,
                commonGround: NeedRanking.rounded(r.score.commonGround), channels: r.score.channels,
                vulnerable: r.score.vulnerable, safety: r.score.safety, waitingMonths: r.score.waitingMonths,
                priority: NeedRanking.rounded(r.score.priority))
        }
    }

    /// A frozen list and the published notice that carries it (inside the caller's transaction).
    static func store(
        _ frozen: [Frozen], node: TerritoryNode, title: String, body: String, period: NoticePeriod, by user: UUID?,
        on tx: any Database
    ) async throws -> PublicNotice {
        let versionID = UUID()
        let n = PublicNotice()
        n.$node.id = try node.requireID()
        n.title = title
        n.body = body
        n.days = Int((period.ends.timeIntervalSince(period.starts) / 86_400).rounded())
        n.status = .published
        n.startsAt = period.starts
        n.endsAt = period.ends
        n.subjectKind = subjectKind
        n.subjectID = versionID
        n.createdByID = user
        n.publishedByID = user
        try await n.create(on: tx)
        let v = NeedsListVersion()
        v.id = versionID
        v.$node.id = try node.requireID()
        v.$notice.id = try n.requireID()
        v.rows = String(decoding: try JSONEncoder().encode(frozen), as: UTF8.self)
        v.publishedByID = user
        try await v.create(on: tx)
        return n
    }

    /// The published versions of a node's list, newest first, with their notices.
    static func versions(of node: TerritoryNode, on db: any Database) async throws -> [NeedsListVersion] {
        try await NeedsListVersion.query(on: db).filter(\.$node.$id == node.requireID()).with(\.$notice)
            .sort(\.$createdAt, .descending).limit(20).all()
    }

    /// Counts of the needs about places at or below a node, by category and by status (merged ones
    /// are counted in the need they joined).
    static func counts(below node: TerritoryNode, on db: any Database) async throws -> (
        byCategory: [(String, Int)], byStatus: [(NeedStatus, Int)]
    ) {
        let path = node.territoryPath
        let rows = try await (db as! any SQLDatabase).raw(
            """
            SELECT n.category, n.status, COUNT(*) AS c FROM needs n JOIN territory_nodes c ON c.id = n.place_id
            WHERE c.path >= \(bind: path.encoded) AND c.path < \(bind: path.subtreeUpperBound) AND n.status <> 'merged'
            GROUP BY n.category, n.status
            """
        ).all()
        var cat: [String: Int] = [:]
        var st: [NeedStatus: Int] = [:]
        for r in rows {
            let c = try r.decode(column: "c", as: Int.self)
            cat[try r.decode(column: "category", as: String.self), default: 0] += c
            if let s = NeedStatus(rawValue: try r.decode(column: "status", as: String.self)) { st[s, default: 0] += c }
        }
        return (
            cat.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) },
            NeedStatus.allCases.compactMap { s in st[s].map { (s, $0) } }
        )
    }

    /// What a needs-list notice shows: the frozen list with its chart and every part of each score,
    /// and its CSV; on the poster, without links.
    static let noticeSubject = NoticeSubject(kind: subjectKind) { id, db, ctx, poster in
        guard let v = try await NeedsListVersion.find(id, on: db) else { return [] }
        let rows = try JSONDecoder().decode([Frozen].self, from: Data(v.rows.utf8))
        var byCategory: [String: (name: String, n: Int)] = [:]
        for r in rows { byCategory[r.category, default: (r.categoryName(ctx.lang), 0)].n += 1 }
        let bars = byCategory.values.sorted { $0.n != $1.n ? $0.n > $1.n : $0.name < $1.name }.map { ($0.name, $0.n) }
        var (header, cells) = table(rows, lang: ctx.lang)
        // On the poster, without the place (the notice's own) and the status: every part of the score
        // still, in print large enough to read.
        if poster {
            let keep = header.indices.filter { $0 != 3 && $0 != 4 }
            header = keep.map { header[$0] }
            cells = cells.map { line in keep.map { line[$0] } }
        }
        return [
            C.text(
                ctx.t(NeedText.frozenNote, Show.dateTime(try await v.$notice.get(on: db).startsAt ?? v.createdAt)),
                muted: true),
            C.barChart(caption: ctx.t(NeedText.chartCaption), bars: bars),
            H.el(
                "div", [("class", "score-table")],
                [
                    C.table(
                        caption: ctx.t(NeedText.title), headers: header,
                        rows: zip(rows, cells).map { r, line in
                            line.enumerated().map { i, cell in
                                i == 1 && !poster ? H.link(cell, Site.need(r.id)) : .text(cell)
                            }
                        }, stackOnPhone: !poster)
                ]),
            poster
                ? .group([])
                : H.el(
                    "p", [("class", "no-print")],
                    [C.linkButton(ctx.t(NeedText.frozenCSV), Site.needsListCSV(id), primary: false)]),
        ]
    }
}
