import Vapor
import YishiAtlas
import YishiCore

/// The public life-circle pages: large type and plain tables, so they read on a phone, in care
/// mode and on paper. Views of their models: what the viewer may do comes in (`May`), the views
/// never ask the policy.
enum LifeCirclePages {
    /// What the viewer may do on a life-circle page.
    struct May: Sendable {
        var importMaps = false
        var linkCompounds = false
    }

    static func index(_ ctx: PageContext, districts: [TerritoryNode], may: May) -> PageView {
        var content: [HTMLNode] = [H.el("p", text: ctx.t(LifeCircleText.indexIntro))]
        if districts.isEmpty {
            content.append(H.el("p", [("class", "muted")], text: ctx.t(LifeCircleText.indexNone)))
        } else {
            content.append(
                H.el(
                    "ul", [("class", "cards")],
                    districts.map { d in
                        H.el(
                            "li", [("class", "card")],
                            [
                                H.el(
                                    "a", [("class", "big"), ("href", Site.lifeCircle(d.code))],
                                    text: ctx.t(LifeCircleText.titleOf, d.name))
                            ])
                    }))
        }
        if may.importMaps {
            content.append(H.el("p", [], [H.link(ctx.t(LifeCircleText.importLink), Site.atlasImport)]))
        }
        return PageView(title: ctx.t(LifeCircleText.title)) { content }
    }

    static func crumbs(_ ctx: PageContext, _ nodes: [TerritoryNode]) -> HTMLNode {
        H.el(
            "nav", [("class", "crumbs"), ("aria-label", ctx.t(LifeCircleText.title))],
            [
                H.el(
                    "ol", [],
                    [H.el("li", [], [H.link(ctx.t(LifeCircleText.title), Site.lifeCircles)])]
                        + nodes.map { n in H.el("li", [], [H.link(n.name, Site.lifeCircle(n.code))]) })
            ])
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f", share * 100) }

    static func page(
        _ ctx: PageContext, _ s: LifeCircleQueries.Summary, ancestors: [TerritoryNode], children: [TerritoryNode],
        may: May
    ) -> PageView {
        let title = ctx.t(LifeCircleText.titleOf, s.node.name)
        var content: [HTMLNode] = [crumbs(ctx, ancestors), H.el("p", text: ctx.t(LifeCircleText.intro))]
        let mayImport = may.importMaps
        let mayLink = may.linkCompounds
        guard let imp = s.atlasImport else {
            content.append(H.el("p", [("class", "notice")], text: ctx.t(LifeCircleText.noneText, s.district.name)))
            if mayImport {
                content.append(
                    H.el(
                        "p", [],
                        [H.link(ctx.t(LifeCircleText.importLink), Site.atlasImport(district: s.district.code))]))
            }
            content.append(below(ctx, children))
            return PageView(title: title) { content }
        }
        content.append(
            H.el(
                "p", [("class", "muted")],
                text: ctx.t(
                    LifeCircleText.source.key, imp.sourceName, ctx.time(imp.createdAt), String(imp.nodes),
                    String(imp.edges), String(imp.origins), String(imp.facilities))))
        // Shares by type.
        content.append(H.el("h2", text: ctx.t(LifeCircleText.sharesTitle)))
        if s.places == 0 {
            content.append(H.el("p", [("class", "notice")], text: ctx.t(LifeCircleText.sharesNone)))
        } else {
            content.append(H.el("p", text: ctx.t(LifeCircleText.sharesOf, String(s.places))))
            content.append(
                Forms.table(
                    caption: ctx.t(LifeCircleText.sharesTitle), stackOnPhone: true,
                    headers: [
                        ctx.t(LifeCircleText.colType), ctx.t(LifeCircleText.colRadius), ctx.t(LifeCircleText.colAtTier),
                        ctx.t(LifeCircleText.colWithin15, String(Int(s.rules.fifteenMinutes))),
                    ],
                    rows: s.shares.map { sh in
                        [
                            H.el("strong", text: sh.type.name(ctx.lang)),
                            .text(ctx.t(LifeCircleText.metres, String(Int(sh.radius)))),
                            bar(ctx, sh.shareAtTier, sh.atTier, sh.places),
                            bar(ctx, sh.share15Minutes, sh.within15Minutes, sh.places),
                        ]
                    }))
        }
        // The map.
        content.append(H.el("h2", text: ctx.t(LifeCircleText.mapTitle)))
        content.append(
            H.el(
                "figure", [("class", "lc-map")],
                [
                    H.void(
                        "img",
                        [
                            ("src", Site.lifeCircleMap(s.node.code)),
                            ("alt", ctx.t(LifeCircleText.mapAlt, s.district.name)), ("loading", "lazy"),
                        ]),
                    H.el("figcaption", [], [H.link(ctx.t(LifeCircleText.mapOpen), Site.lifeCircleMap(s.node.code))]),
                ]))
        // Gaps by compound.
        content.append(H.el("h2", text: ctx.t(LifeCircleText.compoundsTitle)))
        if !s.rows.isEmpty {
            content.append(H.el("p", text: ctx.t(LifeCircleText.compoundsIntro)))
            content.append(
                Forms.table(
                    caption: ctx.t(LifeCircleText.compoundsTitle), stackOnPhone: true,
                    headers: [
                        ctx.t(LifeCircleText.colCompound), ctx.t(LifeCircleText.colMapName),
                        ctx.t(LifeCircleText.colMissing), ctx.t(LifeCircleText.colMissing15),
                    ],
                    rows: s.rows.map { r in
                        [
                            r.compound.map { H.el("strong", text: $0.name) }
                                ?? H.el("span", [("class", "muted")], text: ctx.t(LifeCircleText.unlinked)),
                            .text(
                                r.mapNames.isEmpty
                                    ? ctx.t(LifeCircleText.unnamed)
                                    : r.mapNames.joined(separator: ctx.lang == .zhHans ? "、" : ", ")),
                            .text(missingText(ctx, r.gap, rules: s.rules)),
                            .text(
                                r.gap.missing15Minutes.isEmpty
                                    ? ctx.t(LifeCircleText.allReached)
                                    : r.gap.missing15Minutes.map { $0.name(ctx.lang) }.joined(
                                        separator: ctx.lang == .zhHans ? "、" : ", ")),
                        ]
                    }))
        }
        if s.compoundsNotOnMap > 0 {
            content.append(
                H.el("p", [("class", "muted")], text: ctx.t(LifeCircleText.notOnMap, String(s.compoundsNotOnMap))))
        }
        content.append(below(ctx, children))
        // Downloads and staff links.
        var links: [HTMLNode] = [
            H.el("li", [], [H.link(ctx.t(LifeCircleText.csv), Site.apiGaps(s.node.code))]),
            H.el("li", [], [H.link(ctx.t(LifeCircleText.json), Site.apiLifeCircle(s.node.code))]),
        ]
        if mayLink {
            links.append(
                H.el("li", [], [H.link(ctx.t(LifeCircleText.linksLink), Site.lifeCircleLinks(s.district.code))]))
        }
        if mayImport {
            links.append(
                H.el(
                    "li", [],
                    [H.link(ctx.t(LifeCircleText.importLink), Site.atlasImport(district: s.district.code))]))
        }
        content += [
            H.el("h2", [("class", "no-print")], text: ctx.t(LifeCircleText.downloads)),
            H.el("ul", [("class", "no-print")], links),
            H.el("p", [("class", "muted no-print")], text: ctx.t(LifeCircleText.print)),
        ]
        return PageView(title: title) { content }
    }

    /// "药店（625 米）、公园绿地" : what is not reached at the standard distance, with the walk when it
    /// is within 15 minutes (beyond that the type shows in the next column too).
    static func missingText(_ ctx: PageContext, _ gap: Coverage.Gap, rules: CoverageRules) -> String {
        guard !gap.missingAtTier.isEmpty else { return ctx.t(LifeCircleText.allReached) }
        return gap.missingAtTier.map { m in
            m.metres.map {
                ctx.t(LifeCircleText.missingItem, m.type.name(ctx.lang), ctx.t(LifeCircleText.metres, String(Int($0))))
            } ?? m.type.name(ctx.lang)
        }.joined(separator: ctx.lang == .zhHans ? "、" : ", ")
    }

    /// A share as text with a bar behind it; the text carries the meaning, the bar only helps the eye.
    static func bar(_ ctx: PageContext, _ share: Double, _ n: Int, _ of: Int) -> HTMLNode {
        H.el(
            "span", [("class", "share")],
            [
                H.el(
                    "span", [("class", "share-bar"), ("aria-hidden", "true")],
                    [H.el("span", [("style", "width: \(percent(share))%")], text: "")]),
                H.el(
                    "span", [("class", "share-text")],
                    text: ctx.t(LifeCircleText.share, percent(share), String(n), String(of))),
            ])
    }

    static func below(_ ctx: PageContext, _ children: [TerritoryNode]) -> HTMLNode {
        let pages = children.filter { $0.level == .subdistrict || $0.level == .community }
        guard !pages.isEmpty else { return .group([]) }
        return .group([
            H.el("h2", text: ctx.t(LifeCircleText.below)),
            H.el(
                "ul", [("class", "cards")],
                pages.map { c in
                    H.el(
                        "li", [("class", "card")],
                        [H.el("a", [("class", "big"), ("href", Site.lifeCircle(c.code))], text: c.name)])
                }),
        ])
    }
}
