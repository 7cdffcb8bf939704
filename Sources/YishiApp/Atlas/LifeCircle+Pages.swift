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
        /// Turn the listed compounds' gaps into needs (staff and planners, on a community's page or below).
        var raiseNeeds = false
        /// The signed-in resident's compound, marked on the map.
        var mine: UUID? = nil
        /// For a district: one line per subdistrict.
        var subdistricts: [SubdistrictLine] = []
    }

    /// A district's subdistrict at a glance: its compounds on the map, how many reach every type
    /// at the standard distance, and the type most often missing.
    struct SubdistrictLine: Sendable {
        var node: TerritoryNode
        var compounds: Int
        var allReached: Int
        var worst: FacilityType?
    }

    static func subdistrictLines(_ s: LifeCircleQueries.Summary, children: [TerritoryNode]) -> [SubdistrictLine] {
        children.filter { $0.level == .subdistrict }.map { sub in
            let rows = s.rows.filter { r in r.compound.map { sub.territoryPath.contains($0.territoryPath) } ?? false }
            var missing: [FacilityType: Int] = [:]
            for r in rows { for m in r.gap.missingAtTier { missing[m.type, default: 0] += 1 } }
            return SubdistrictLine(
                node: sub, compounds: rows.count, allReached: rows.filter { $0.gap.missingAtTier.isEmpty }.count,
                worst: missing.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key)
        }
    }

    /// The gaps of compounds, one row each.
    static func compoundTable(_ ctx: PageContext, _ rows: [LifeCircleQueries.Row], rules: CoverageRules) -> HTMLNode {
        C.table(
            caption: ctx.t(LifeCircleText.compoundsTitle),
            headers: [
                ctx.t(LifeCircleText.colCompound), ctx.t(LifeCircleText.colMissing), ctx.t(LifeCircleText.colMissing15),
            ],
            rows: rows.map { r in
                [
                    H.el("strong", text: r.compound?.name ?? ""),
                    .text(missingText(ctx, r.gap, rules: rules)),
                    .text(
                        r.gap.missing15Minutes.isEmpty
                            ? ctx.t(LifeCircleText.allReached)
                            : r.gap.missing15Minutes.map { $0.name(ctx.lang) }.joined(
                                separator: ctx.lang == .zhHans ? "、" : ", ")),
                ]
            })
    }

    /// The map's legend, in the page's language: the gap scale with how many of the table's
    /// compounds have each number, every facility symbol, and the ring for one's own compound.
    static func legend(_ ctx: PageContext, _ rows: [LifeCircleQueries.Row], types: [FacilityType], mine: UUID?)
        -> HTMLNode
    {
        let counts = (0...5).map { k in rows.filter { min($0.gap.missingAtTier.count, 5) == k }.count }
        func swatch(_ inner: HTMLNode) -> HTMLNode {
            H.el(
                "svg",
                [
                    ("class", "swatch"), ("viewBox", "0 0 24 24"), ("width", "24"), ("height", "24"),
                    ("aria-hidden", "true"),
                ],
                [inner])
        }
        func symbol(_ t: FacilityType) -> HTMLNode {
            let (shape, colour) = PlaceMap.symbols[t] ?? (.circle, "#000000")
            let style: [(String, String?)] = [("fill", colour), ("stroke", "#222")]
            switch shape {
            case .circle: return H.void("circle", [("cx", "12"), ("cy", "12"), ("r", "8")] + style)
            case .square: return H.void("rect", [("x", "4"), ("y", "4"), ("width", "16"), ("height", "16")] + style)
            case .triangle: return H.void("path", [("d", "M12 4L20 20L4 20Z")] + style)
            case .diamond: return H.void("path", [("d", "M12 4L20 12L12 20L4 12Z")] + style)
            }
        }
        return H.el("figcaption", [("class", "legend")]) {
            H.el("p", [("class", "legend-title")], text: ctx.t(LifeCircleText.legendGaps))
            H.el("ul", [("class", "legend-items")]) {
                for k in 0...5 where counts[k] > 0 {
                    H.el("li") {
                        swatch(
                            H.void(
                                "circle",
                                [
                                    ("cx", "12"), ("cy", "12"), ("r", "10"), ("fill", PlaceMap.gapColours[k]),
                                    ("stroke", "#222"),
                                ]))
                        HTMLNode.text(
                            " " + ctx.t(LifeCircleText.legendCount, k == 5 ? "5+" : String(k), String(counts[k])))
                    }
                }
            }
            H.el("p", [("class", "legend-title")], text: ctx.t(LifeCircleText.legendFacilities))
            H.el("ul", [("class", "legend-items")]) {
                for t in types {
                    H.el("li") {
                        swatch(symbol(t))
                        HTMLNode.text(" " + t.name(ctx.lang))
                    }
                }
            }
            if mine != nil { H.el("p", [], [.text(ctx.t(LifeCircleText.legendMine))]) }
            H.el("p", [("class", "muted")], text: "© OpenStreetMap contributors")
        }
    }

    static func index(_ ctx: PageContext, districts: [TerritoryNode], may: May) -> PageView {
        var content: [HTMLNode] = []
        if districts.isEmpty {
            content.append(C.empty(ctx.t(LifeCircleText.indexNone)))
        } else {
            content.append(C.text(ctx.t(LifeCircleText.indexIntro)))
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
        // A district leads with its subdistricts, each a line that links down.
        if s.node.level == .district, !may.subdistricts.isEmpty {
            content.append(H.el("h2", text: ctx.t(LifeCircleText.bySubdistrict)))
            content.append(
                C.table(
                    caption: ctx.t(LifeCircleText.bySubdistrict),
                    headers: [
                        ctx.t(LifeCircleText.colSubdistrict), ctx.t(LifeCircleText.colHomes),
                        ctx.t(LifeCircleText.colAllReached), ctx.t(LifeCircleText.colWorst),
                    ],
                    rows: may.subdistricts.map { line in
                        [
                            H.link(line.node.name, Site.lifeCircle(line.node.code)), .text(String(line.compounds)),
                            .text(
                                line.compounds == 0
                                    ? "—"
                                    : ctx.t(
                                        LifeCircleText.share, percent(Double(line.allReached) / Double(line.compounds)),
                                        String(line.allReached), String(line.compounds))),
                            .text(line.worst.map { $0.name(ctx.lang) } ?? "—"),
                        ]
                    }))
        }
        // The map: this place's own homes (those of the table below), with the legend here in the
        // page's language.
        let listed = s.rows.filter { $0.compound != nil }
        content.append(H.el("h2", text: ctx.t(LifeCircleText.mapTitle)))
        if !listed.isEmpty {
            content.append(
                H.el(
                    "figure", [("class", "lc-map")],
                    [
                        H.void(
                            "img",
                            [
                                ("src", Site.lifeCircleMap(s.node.code)),
                                ("alt", ctx.t(LifeCircleText.mapAlt, s.node.name)), ("loading", "lazy"),
                            ]),
                        legend(ctx, listed, types: s.types, mine: may.mine),
                    ]))
        }
        if s.node.level == .district {
            if listed.isEmpty {
                content.append(
                    H.el(
                        "figure", [("class", "lc-map")],
                        [
                            H.void(
                                "img",
                                [
                                    ("src", Site.lifeCircleMap(s.node.code) + "?roads=1"),
                                    ("alt", ctx.t(LifeCircleText.mapAlt, s.node.name)), ("loading", "lazy"),
                                ])
                        ]))
            }
            content.append(
                H.el(
                    "p", [("class", "no-print")],
                    [H.link(ctx.t(LifeCircleText.mapFull), Site.lifeCircleMap(s.node.code) + "?roads=1")]))
        }
        // Gaps by compound.
        content.append(H.el("h2", text: ctx.t(LifeCircleText.compoundsTitle)))
        if !listed.isEmpty {
            content.append(C.text(ctx.t(LifeCircleText.compoundsIntro)))
            content.append(compoundTable(ctx, Array(listed.prefix(20)), rules: s.rules))
            if listed.count > 20 {
                content.append(
                    H.el("details", [("class", "more")]) {
                        H.el(
                            "summary", [("class", "button secondary")],
                            text: ctx.t(LifeCircleText.moreRows, String(listed.count - 20)))
                        compoundTable(ctx, Array(listed.dropFirst(20)), rules: s.rules)
                    })
            }
        }
        if may.raiseNeeds {
            let gaps = listed.filter { $0.compound != nil && !$0.gap.missing15Minutes.isEmpty }
            if !gaps.isEmpty {
                content.append(
                    C.section(ctx.t(NeedText.fromGapTitle)) {
                        C.text(ctx.t(NeedText.fromGapIntro), muted: true)
                        for r in gaps {
                            H.el("h3", text: r.compound!.name)
                            H.el("p", [("class", "actions")]) {
                                for type in r.gap.missing15Minutes {
                                    Forms.button(
                                        ctx, action: Site.needsFromGap,
                                        label: ctx.t(NeedText.fromGapButton, type.name(ctx.lang)),
                                        hidden: [("compound", r.compound!.id!.uuidString), ("type", type.rawValue)])
                                }
                            }
                        }
                    })
            }
        }
        let unlisted = s.rows.count - listed.count
        if unlisted > 0 {
            content.append(C.text(ctx.t(LifeCircleText.unlistedPlaces, String(unlisted)), muted: true))
        }
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
        content.append(
            H.el(
                "p", [("class", "muted")],
                text: ctx.t(LifeCircleText.source.key, imp.sourceName, ctx.time(imp.createdAt))))
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
            H.el("ul", [("class", "no-print link-list")], links),
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
