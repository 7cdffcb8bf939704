import Vapor
import YishiCore

enum NeedPages {
    struct May: Sendable {
        var raise = false
        var manage = false
        /// Staff see who raised a need even when its name is hidden on public pages.
        var names = false
        /// Freeze the list and publish it as a notice.
        var publish = false
        /// The district whose needs settings the viewer may change.
        var settingsDistrict: UUID? = nil
    }

    /// A need page's photos (of it and of the needs joined into it) and comments.
    struct Extra: Sendable {
        var photos: [(need: UUID, photo: UUID)] = []
        var comments: [NeedComment] = []
        var mayComment = false
        var mayAddPhotos = false
        /// The viewer's support came with a need joined into this one.
        var joined = false
        /// The needs joined into this one.
        var joinedNeeds: [(id: UUID, title: String)] = []
        /// A "me too" for a resident that did not go through.
        var support: SupportAttempt? = nil
        var year = 2026
    }

    struct SupportAttempt: Sendable {
        var form: NeedRoutes.SupportForm
        var errors: FormErrors
        var candidates: [ResidentCandidate]
    }

    static func statusTag(_ ctx: PageContext, _ s: NeedStatus) -> HTMLNode {
        C.tag(ctx.t(s.text), tone: s == .declined ? .warning : (s == .new ? .info : .ok))
    }

    static func list(
        _ ctx: PageContext, node: TerritoryNode, needs: [NeedsService.Row], may: May,
        counts: (byCategory: [(String, Int)], byStatus: [(NeedStatus, Int)]) = ([], []),
        versions: [NeedsListVersion] = [], categories: [NeedCategory] = NeedCategory.seeded
    ) -> PageView {
        PageView(title: ctx.paren(ctx.t(NeedText.title), node.name)) {
            C.text(ctx.t(NeedText.listIntro), muted: true)
            if may.raise { H.el("p", [], [C.linkButton(ctx.t(NeedText.raise), Site.newNeed)]) }
            if may.manage { H.el("p", [], [C.linkButton(ctx.t(NeedText.enterTitle), Site.enterNeed, primary: false)]) }
            if let d = may.settingsDistrict {
                H.el("p", [], [C.linkButton(ctx.t(NeedText.settingsTitle), Site.needSettings(d), primary: false)])
            }
            if needs.isEmpty {
                C.empty(ctx.t(NeedText.listEmpty))
            } else {
                H.el(
                    "p", [("class", "no-print")],
                    [C.linkButton(ctx.t(NeedText.csv), Site.nodeNeedsCSV(node.id!), primary: false)])
                H.el("ol", [("class", "needs")]) {
                    for n in needs {
                        H.el("li", [("class", "card")]) {
                            H.el("h3", [], [H.link(n.title, Site.need(n.id))])
                            H.el("p", [("class", "tags")]) {
                                statusTag(ctx, n.status)
                                C.tag(n.categoryName(ctx.lang, in: categories))
                                if n.score.safety { C.tag(ctx.t(NeedText.safetyMark), tone: .error) }
                            }
                            H.el("p", [("class", "muted")]) {
                                for (i, part) in [
                                    ctx.t(NeedText.households, String(n.score.households)), n.placeName,
                                    ctx.t(NeedText.priority, String(NeedRanking.rounded(n.score.priority))),
                                ].enumerated() {
                                    if i > 0 { HTMLNode.text(" · ") }
                                    H.el("span", [("class", "nowrap")], text: part)
                                }
                            }
                        }
                    }
                }
                C.section(ctx.t(NeedText.byCategory)) {
                    C.barChart(
                        caption: ctx.t(NeedText.chartCaption),
                        bars: counts.byCategory.map {
                            (NeedCategory.find($0.0, in: categories)?.name(ctx.lang) ?? $0.0, $0.1)
                        })
                }
                C.section(ctx.t(NeedText.byStatus)) {
                    C.facts(counts.byStatus.map { (ctx.t($0.0.text), String($0.1)) })
                }
            }
            if may.publish && !needs.isEmpty {
                C.section(ctx.t(NeedText.publishList)) {
                    C.text(ctx.t(NeedText.publishIntro))
                    Forms.form(
                        ctx, action: Site.nodeNeedsPublish(node.id!),
                        [
                            Forms.field(
                                ctx, "days", label: ctx.t(NoticeText.fieldDays),
                                value: String(NoticePeriod.defaultDays),
                                type: "number", hint: ctx.t(NoticeText.daysHint),
                                attributes: [("min", "0"), ("max", "90"), ("inputmode", "numeric")]),
                            Forms.submit(ctx.t(NeedText.publishList)),
                        ])
                }
            }
            if !versions.isEmpty {
                C.section(ctx.t(NeedText.publishedVersions)) {
                    C.list(versions.map { [H.link($0.notice.title, Site.notice($0.$notice.id))] })
                }
            }
        }
    }

    static func categoryOptions(_ ctx: PageContext, _ categories: [NeedCategory] = NeedCategory.seeded) -> [(
        value: String, label: String
    )] {
        categories.map { ($0.key, $0.name(ctx.lang)) }
    }

    static func need(
        _ ctx: PageContext, _ n: Need, may: May, supported: Bool,
        similar: [(need: Need, verdict: NeedSimilarity.Verdict, dice: Double)] = [], mergedInto: Need? = nil,
        extra: Extra = Extra(), settings: NeedSettings = .standard, status: HTTPStatus = .ok
    ) -> PageView {
        let s = n.score
        let w = settings.weights
        let who =
            n.resident == nil
            ? ctx.t(NeedText.fromLifeCircle) : (n.hideName && !may.names ? ctx.t(NeedText.aResident) : n.resident!.name)
        return PageView(title: n.title, status: status) {
            H.el("p", [("class", "tags")]) {
                statusTag(ctx, n.status)
                C.tag(n.categoryName(ctx.lang, in: settings.categories))
                if n.safety { C.tag(ctx.t(NeedText.safetyMark), tone: .error) }
            }
            if let into = mergedInto {
                H.el("div", [("class", "notice"), ("role", "status")]) {
                    H.el("p", [], [.text(ctx.t(NeedText.mergedInto, "")), H.link(into.title, Site.need(into.id!))])
                    if may.manage { Forms.button(ctx, action: Site.needUnmerge(n.id!), label: ctx.t(NeedText.unmerge)) }
                }
            }
            if n.body != n.title { HTMLNode.group(C.paragraphs(n.body)) }
            if !extra.photos.isEmpty {
                H.el("ul", [("class", "photos")]) {
                    for (i, p) in extra.photos.enumerated() {
                        H.el("li") {
                            H.el("a", [("href", Site.needPhoto(p.need, photo: p.photo))]) {
                                H.void(
                                    "img",
                                    [
                                        ("src", Site.needPhoto(p.need, photo: p.photo)), ("loading", "lazy"),
                                        ("alt", ctx.t(NeedText.photosTitle) + " \(i + 1)"),
                                    ])
                            }
                        }
                    }
                }
            }
            C.facts(
                [
                    (ctx.t(NeedText.place), n.place.name), (ctx.t(NeedText.by), who),
                    (ctx.t(NeedText.submittedAt), ctx.time(n.firstSubmittedAt)),
                    (ctx.t(NeedText.statusLabel), ctx.t(n.status.text)),
                ] + (n.meeting.map { [(ctx.t(NeedText.meeting), $0)] } ?? [])
                    + (n.evidence.map { [(ctx.t(NeedText.evidence), $0)] } ?? []))
            if n.status == .declined, let r = n.declineReason {
                C.notice(ctx.t(NeedText.declineReason) + "：" + r, tone: .warning)
            }
            C.text(ctx.t(NeedText.households, String(s.households)))
            if may.raise {
                Forms.button(ctx, action: Site.needSupports(n.id!), label: ctx.t(NeedText.meToo), secondary: false)
            }
            if extra.joined { C.notice(ctx.t(NeedText.joinedNote)) }
            if !extra.joinedNeeds.isEmpty {
                C.section(ctx.t(NeedText.joinedHere)) {
                    C.list(extra.joinedNeeds.map { [H.link($0.title, Site.need($0.id))] })
                }
            }
            if may.manage && n.status.open {
                let attempt = extra.support
                H.el(
                    "details",
                    attempt == nil ? [("class", "more no-print")] : [("class", "more no-print"), ("open", nil)]
                ) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(NeedText.supportForTitle))
                    Forms.form(
                        ctx, action: Site.needSupports(n.id!),
                        [
                            Forms.field(
                                ctx, "resident", label: ctx.t(NeedText.resident), value: attempt?.form.resident ?? "",
                                required: true, errors: attempt?.errors ?? FormErrors(),
                                hint: ctx.t(NeedText.residentHint)),
                            residentPicker(ctx, attempt?.candidates ?? [], year: extra.year),
                            Forms.select(
                                ctx, "channel", label: ctx.t(PeopleText.channel),
                                options: ResidentPage.channels.map { ($0.rawValue, ctx.name($0)) },
                                selected: attempt?.form.channel ?? YishiCore.Channel.visit.rawValue, required: true,
                                includeBlank: false),
                            Forms.submit(ctx.t(NeedText.supportFor)),
                        ])
                }
            }
            if supported {
                C.text(ctx.t(NeedText.alreadySupported), muted: true)
                if n.status.open {
                    Forms.button(ctx, action: Site.needWithdraw(n.id!), label: ctx.t(NeedText.withdraw))
                }
            }
            C.section(ctx.t(NeedText.why)) {
                C.text(
                    ctx.t(NeedText.commonGround, String(NeedRanking.rounded(s.commonGround))) + " · "
                        + ctx.t(NeedText.priority, String(NeedRanking.rounded(s.priority))))
                C.list([
                    ctx.t(NeedText.partBuildings, String(s.buildings), String(Int(w.perBuilding))),
                    ctx.t(NeedText.partAgeBands, String(s.ageBands), String(Int(w.perAgeBand))),
                    ctx.t(NeedText.partDepth, String(NeedRanking.rounded(s.depth))),
                    ctx.t(
                        NeedText.partChannels, String(s.channels),
                        String(Int(w.perExtraChannel) * max(s.channels - 1, 0))),
                    ctx.t(
                        NeedText.partVulnerable, String(s.vulnerable), String(Int(w.perVulnerableGroup) * s.vulnerable)),
                    s.safety ? ctx.t(NeedText.partSafety, String(Int(w.safety))) : ctx.t(NeedText.partNoSafety),
                    ctx.t(NeedText.partWaiting, String(s.waitingMonths), String(s.waitingMonths)),
                ])
            }
            if may.manage && n.status.open {
                Forms.button(
                    ctx, action: Site.needSafety(n.id!),
                    label: ctx.t(n.safety ? NeedText.unmarkSafety : NeedText.markSafety),
                    hidden: [("safety", n.safety ? "off" : "on")])
            }
            if may.manage && !similar.isEmpty {
                C.section(ctx.t(NeedText.duplicatesTitle)) {
                    H.el("ul", [("class", "cards")]) {
                        for s in similar {
                            H.el("li", [("class", "card")]) {
                                H.el("h3", [], [H.link(s.need.title, Site.need(s.need.id!))])
                                C.text(ctx.t(NeedText.households, String(s.need.households)), muted: true)
                                if s.verdict == .differentBuildings {
                                    C.tag(ctx.t(NeedText.differentBuilding), tone: .warning)
                                } else {
                                    Forms.button(
                                        ctx, action: Site.needMerge(n.id!), label: ctx.t(NeedText.mergeHere),
                                        hidden: [("other", s.need.id!.uuidString)])
                                }
                                Forms.button(
                                    ctx, action: Site.needDistinct(n.id!), label: ctx.t(NeedText.notDuplicate),
                                    hidden: [("other", s.need.id!.uuidString)])
                            }
                        }
                    }
                }
            }
            if may.manage && n.status == .new {
                C.section(ctx.t(NeedText.statusLabel)) {
                    H.el(
                        "p", [],
                        [
                            Forms.button(
                                ctx, action: Site.needTriage(n.id!), label: ctx.t(NeedText.accept), secondary: false,
                                hidden: [("decision", "accept")])
                        ])
                    Forms.form(
                        ctx, action: Site.needTriage(n.id!),
                        [
                            H.void("input", [("type", "hidden"), ("name", "decision"), ("value", "decline")]),
                            Forms.field(ctx, "reason", label: ctx.t(NeedText.declineReason), required: true),
                            H.el(
                                "button", [("type", "submit"), ("class", "secondary")], text: ctx.t(NeedText.decline)),
                        ])
                }
            }
            comments(ctx, n, extra, names: may.names)
            if extra.mayAddPhotos {
                C.section(ctx.t(NeedText.photosTitle)) {
                    if extra.photos.isEmpty { C.text(ctx.t(NeedText.photosNone), muted: true) }
                    Forms.form(
                        ctx, action: Site.needPhotos(n.id!), multipart: true,
                        [
                            photoField(ctx, FormErrors(), label: ctx.t(NeedText.photoChoose)),
                            Forms.submit(ctx.t(NeedText.addPhotos)),
                        ])
                }
            }
            H.el("p", [], [C.linkButton(ctx.t(NeedText.title), Site.nodeNeeds(n.$community.id), primary: false)])
        }
    }
}
