import Vapor
import YishiAtlas
import YishiCore

/// The diagnosis report as a page (it prints as it reads: A4, without the header's links) and the
/// form that writes its next version.
enum DiagnosisPages {
    struct Model: Sendable {
        var community: TerritoryNode
        var report: DiagnosisReport?
        var versions: [DiagnosisReport]
        var authors: [UUID: String]
        var mayWrite: Bool
        /// Staff who may open projects here (a recommendation becomes a project draft).
        var mayOpen: Bool
        var needTitles: [UUID: String]
        var projects: [Int: Project]
        var categories: [NeedCategory] = NeedCategory.seeded
    }

    static func categoryName(_ ctx: PageContext, _ key: String, _ categories: [NeedCategory]) -> String {
        NeedCategory.find(key, in: categories)?.name(ctx.lang) ?? key
    }

    static func percent(_ x: Double?) -> String { x.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
    static func metres(_ x: Double?) -> String { x.map { "\(Int($0.rounded())) m" } ?? "—" }
    static func typeNames(_ ctx: PageContext, _ raw: [String]) -> String {
        raw.isEmpty
            ? ctx.t(DiagnosisText.nothingMissing)
            : raw.map { FacilityType(rawValue: $0)?.name(ctx.lang) ?? $0 }.joined(separator: "、")
    }

    static func author(_ ctx: PageContext, _ r: DiagnosisReport, _ authors: [UUID: String]) -> String {
        if let p = r.planner { return ctx.t(DiagnosisText.byPlanner, p.name) }
        return r.authorID.flatMap { authors[$0] } ?? "—"
    }

    static func list(_ ctx: PageContext, _ rows: [(community: TerritoryNode, version: Int?, at: Date?)]) -> PageView {
        PageView(title: ctx.t(DiagnosisText.reportsLink)) {
            C.text(ctx.t(DiagnosisText.intro), muted: true)
            if rows.isEmpty {
                C.empty(ctx.t(DiagnosisText.empty))
            } else {
                C.table(
                    caption: ctx.t(DiagnosisText.reportsLink),
                    headers: [ctx.t(DiagnosisText.colCommunity), ctx.t(DiagnosisText.latest)],
                    rows: rows.map { r in
                        [
                            H.link(r.community.name, Site.diagnosis(r.community.id!)),
                            C.text(
                                r.version.map {
                                    ctx.t(DiagnosisText.version, String($0)) + " · "
                                        + (r.at.map { Show.dateTime($0) } ?? "")
                                } ?? ctx.t(DiagnosisText.notYet)),
                        ]
                    })
            }
        }
    }

    static func report(_ ctx: PageContext, _ m: Model) -> PageView {
        guard let r = m.report else {
            return PageView(title: ctx.t(DiagnosisText.listTitle, m.community.name)) {
                C.text(ctx.t(DiagnosisText.intro), muted: true)
                C.empty(
                    ctx.t(DiagnosisText.empty),
                    action: m.mayWrite ? (ctx.t(DiagnosisText.write), Site.diagnosisNew(m.community.id!)) : nil)
            }
        }
        let s = r.snapshot
        return PageView(title: ctx.t(DiagnosisText.title, m.community.name, String(r.version))) {
            if m.mayWrite {
                H.el("p", [("class", "actions no-print")]) {
                    C.linkButton(ctx.t(DiagnosisText.write), Site.diagnosisNew(m.community.id!))
                }
            }
            C.facts(
                [
                    (ctx.t(DiagnosisText.colBy), author(ctx, r, m.authors)),
                    (ctx.t(DiagnosisText.colWhen), r.createdAt.map { Show.dateTime($0) } ?? "—"),
                ])
            if let s { figures(ctx, s, categories: m.categories) }
            C.section(ctx.t(DiagnosisText.history)) {
                if r.history.isEmpty { C.text("—") } else { HTMLNode.group(C.paragraphs(r.history)) }
            }
            C.section(ctx.t(DiagnosisText.resources)) {
                if r.resources.isEmpty { C.text("—") } else { HTMLNode.group(C.paragraphs(r.resources)) }
            }
            C.section(ctx.t(DiagnosisText.recommendations)) {
                if r.recommendations.isEmpty { C.empty(ctx.t(DiagnosisText.recEmpty)) }
                H.el("ol", [("class", "recommendations")]) {
                    for (i, rec) in r.recommendations.enumerated() {
                        H.el("li", []) {
                            H.el("h3", text: rec.title)
                            if !rec.text.isEmpty { HTMLNode.group(C.paragraphs(rec.text)) }
                            if !rec.needs.isEmpty {
                                C.list(rec.needs.map { m.needTitles[$0] ?? $0.uuidString })
                            }
                            if let p = m.projects[i] {
                                H.el(
                                    "p", [],
                                    [
                                        C.tag(ctx.t(DiagnosisText.projectOpened, ""), tone: .ok), .text(" "),
                                        H.link(p.title, Site.project(p.id!)),
                                    ])
                            } else if m.mayOpen && !rec.needs.isEmpty {
                                H.el("p", [("class", "no-print")]) {
                                    C.linkButton(
                                        ctx.t(DiagnosisText.openProject),
                                        Site.newProject(
                                            node: m.community.id!, title: rec.title, description: rec.text,
                                            needs: rec.needs), primary: false)
                                }
                            }
                        }
                    }
                }
            }
            if m.versions.count > 1 {
                C.section(ctx.t(DiagnosisText.versions)) {
                    C.list(
                        m.versions.map { v in
                            [
                                v.version == r.version
                                    ? H.el("strong", text: ctx.t(DiagnosisText.version, String(v.version)))
                                    : H.link(
                                        ctx.t(DiagnosisText.version, String(v.version)),
                                        Site.diagnosis(m.community.id!, version: v.version)),
                                .text(
                                    " · " + (v.createdAt.map { Show.dateTime($0) } ?? "") + " · "
                                        + author(ctx, v, m.authors)),
                            ]
                        })
                }
            }
        }
    }

    /// The computed part: people, space, the life circle, the needs.
    static func figures(_ ctx: PageContext, _ s: DiagnosisSnapshot, categories: [NeedCategory]) -> HTMLNode {
        let p = s.population
        return .group([
            C.section(ctx.t(DiagnosisText.population)) {
                C.facts([
                    (ctx.t(DiagnosisText.residents), String(p.residents)),
                    (ctx.t(DiagnosisText.households), String(p.households)),
                    (ctx.t(DiagnosisText.elderlyShare), percent(p.elderlyShare)),
                    (ctx.t(DiagnosisText.children), String(p.children)),
                    (ctx.t(DiagnosisText.meanSize), p.meanHouseholdSize.map { String(format: "%.2f", $0) } ?? "—"),
                    (ctx.t(DiagnosisText.unknownAge), String(p.unknownAge)),
                ])
                C.barChart(
                    caption: ctx.t(DiagnosisText.band),
                    bars: DiagnosisFigures.AgeBand.allCases.map { (ctx.t(DiagnosisText.band($0)), p.bands[$0] ?? 0) })
                C.text(
                    ctx.t(DiagnosisText.sizes) + (ctx.lang == .zhHans ? "：" : ": ")
                        + (1...5).map {
                            $0 == 5
                                ? ctx.t(DiagnosisText.sizeFive, String(p.householdSizes[5] ?? 0))
                                : ctx.t(DiagnosisText.sizeLine, String($0), String(p.householdSizes[$0] ?? 0))
                        }.joined(separator: ctx.lang == .zhHans ? "；" : "; "))
            },
            C.section(ctx.t(DiagnosisText.spatial)) {
                if s.compounds.isEmpty {
                    C.text("—")
                } else {
                    C.table(
                        caption: ctx.t(DiagnosisText.compounds),
                        headers: [
                            ctx.t(DiagnosisText.colCompound), ctx.t(DiagnosisText.colKind),
                            ctx.t(DiagnosisText.colBuildings), ctx.t(DiagnosisText.colUnits),
                            ctx.t(DiagnosisText.colHouseholds),
                        ],
                        rows: s.compounds.map { c in
                            [
                                C.text(c.name),
                                C.text(
                                    c.kind.flatMap { HousingType(rawValue: $0) }.map { ctx.name($0) } ?? c.kind
                                        ?? ctx.t(DiagnosisText.kindUnknown)),
                                C.text(String(c.buildings)), C.text(String(c.units)), C.text(String(c.households)),
                            ]
                        })
                }
            },
            C.section(ctx.t(DiagnosisText.lifeCircle)) {
                if let reach = s.lifeCircle {
                    C.table(
                        caption: ctx.t(DiagnosisText.lifeCircle),
                        headers: [
                            ctx.t(DiagnosisText.colCompound), ctx.t(DiagnosisText.colOk),
                            ctx.t(DiagnosisText.colMissing), ctx.t(DiagnosisText.colMissing15),
                            ctx.t(DiagnosisText.colNearest),
                        ],
                        rows: reach.map { r in
                            [
                                C.text(r.compound), C.text("\(r.okAtTier) / \(r.types)"),
                                C.text(typeNames(ctx, r.missing)), C.text(typeNames(ctx, r.missing15)),
                                C.text([r.park, r.culture, r.sports].map(metres).joined(separator: " / ")),
                            ]
                        })
                } else {
                    C.text(ctx.t(DiagnosisText.lifeCircleNone), muted: true)
                }
            },
            C.section(ctx.t(DiagnosisText.needs)) {
                if s.needsTotal == 0 {
                    C.text(ctx.t(DiagnosisText.needsNone))
                } else {
                    C.text(ctx.t(DiagnosisText.needsTotal, String(s.needsTotal)))
                    H.el("h3", text: ctx.t(DiagnosisText.byKind))
                    C.table(
                        caption: ctx.t(DiagnosisText.needs),
                        headers: [
                            ctx.t(DiagnosisText.colCategory), ctx.t(DiagnosisText.colNeeds),
                            ctx.t(DiagnosisText.colSupport),
                        ],
                        rows: s.categories.map { c in
                            [
                                C.text(categoryName(ctx, c.category, categories)),
                                C.text(String(c.needs)), C.text(String(c.households)),
                            ]
                        })
                    H.el("h3", text: ctx.t(DiagnosisText.colTop))
                    C.table(
                        caption: ctx.t(DiagnosisText.colTop),
                        headers: [
                            ctx.t(DiagnosisText.colTop), ctx.t(DiagnosisText.colCategory),
                            ctx.t(DiagnosisText.colSupport), ctx.t(DiagnosisText.colPriority),
                        ],
                        rows: s.topNeeds.map { n in
                            [
                                H.link(n.title, Site.need(n.id)), C.text(categoryName(ctx, n.category, categories)),
                                C.text(String(n.households)),
                                C.text(String(format: "%.1f", n.priority)),
                            ]
                        })
                }
            },
        ])
    }

    // MARK: Writing a version

    struct Form: Sendable {
        var history = ""
        var resources = ""
        var recommendations: [Diagnosis.Recommendation] = []
    }

    static func write(
        _ ctx: PageContext, community: TerritoryNode, form f: Form, needs: [NeedsService.Row], errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        let slots = min(Diagnosis.maxRecommendations, max(2, f.recommendations.count + 1))
        return PageView(title: ctx.t(DiagnosisText.writeTitle, community.name), status: status) {
            C.text(ctx.t(DiagnosisText.writeIntro), muted: true)
            Forms.summary(ctx, errors, order: ["history", "resources", "recommendations"])
            Forms.form(
                ctx, action: Site.diagnosisNew(community.id!),
                [
                    Forms.textArea(
                        ctx, "history", label: ctx.t(DiagnosisText.history), value: f.history,
                        max: Diagnosis.maxSection,
                        rows: 5, errors: errors, hint: ctx.t(DiagnosisText.historyHint)),
                    Forms.textArea(
                        ctx, "resources", label: ctx.t(DiagnosisText.resources), value: f.resources,
                        max: Diagnosis.maxSection, rows: 5, errors: errors, hint: ctx.t(DiagnosisText.resourcesHint)),
                    H.el("fieldset", [("class", "field"), ("id", "field-recommendations")]) {
                        H.el("legend", text: ctx.t(DiagnosisText.recommendations))
                        H.el(
                            "p", [("class", "hint")],
                            text: ctx.t(DiagnosisText.recommendationsHint) + " " + ctx.t(DiagnosisText.moreSlots))
                        if let e = errors.message("recommendations", ctx) { H.el("p", [("class", "error")], text: e) }
                        for i in 0..<slots {
                            let rec = i < f.recommendations.count ? f.recommendations[i] : nil
                            Forms.field(
                                ctx, "rec\(i)_title", label: ctx.t(DiagnosisText.recTitle, String(i + 1)),
                                value: rec?.title ?? "", attributes: [("maxlength", "100")])
                            Forms.textArea(
                                ctx, "rec\(i)_text", label: ctx.t(DiagnosisText.recText, String(i + 1)),
                                value: rec?.text ?? "", max: 1_000, rows: 3)
                            if !needs.isEmpty {
                                Forms.checkboxes(
                                    ctx, "rec\(i)_needs", legend: ctx.t(DiagnosisText.recNeeds, String(i + 1)),
                                    options: needs.enumerated().map { k, n in
                                        (
                                            n.id.uuidString,
                                            "\(k + 1). " + n.title + " · "
                                                + ctx.t(NeedText.households, String(n.score.households))
                                        )
                                    }, checked: Set((rec?.needs ?? []).map(\.uuidString)))
                            }
                        }
                    },
                    Forms.submit(ctx.t(DiagnosisText.submit)),
                ])
        }
    }
}
