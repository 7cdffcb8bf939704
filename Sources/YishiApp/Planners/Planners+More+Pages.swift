import Vapor
import YishiCore

/// The honour roll, the rules' versions, and case conferences.
extension PlannerPages {
    // MARK: Honours

    static func honours(
        _ ctx: PageContext, district: TerritoryNode, awarded: [PlannerHonour], waiting: [PlannerHonour]?
    ) -> PageView {
        PageView(title: ctx.t(HonourText.rollTitle, district.name)) {
            C.text(ctx.t(HonourText.rollIntro), muted: true)
            if let waiting, !waiting.isEmpty {
                C.section(ctx.t(HonourText.waiting)) {
                    for h in waiting {
                        H.el("article", [("class", "card")]) {
                            H.el("h3", text: "\(h.year) · \(ctx.t(HonourText.kind(h.kind))) · \(h.planner.name)")
                            C.text(h.citation)
                            if let p = h.project { H.el("p", [], [H.link(p.title, Site.project(p.id!))]) }
                            if h.status == .nominated {
                                H.el("p", [("class", "actions")]) {
                                    Forms.button(
                                        ctx, action: Site.honourDecision(h.id!), label: ctx.t(HonourText.award),
                                        secondary: false, hidden: [("decision", "award")])
                                    Forms.button(
                                        ctx, action: Site.honourDecision(h.id!), label: ctx.t(HonourText.decline),
                                        hidden: [("decision", "decline")])
                                }
                            } else {
                                C.tag(ctx.t(HonourText.status(h.status)), tone: h.status == .awarded ? .ok : .info)
                            }
                        }
                    }
                }
            }
            if awarded.isEmpty {
                C.empty(ctx.t(HonourText.rollEmpty))
            } else {
                C.table(
                    caption: ctx.t(HonourText.rollTitle, district.name),
                    headers: [
                        ctx.t(HonourText.colYear), ctx.t(HonourText.colKind), ctx.t(HonourText.colPlanner),
                        ctx.t(HonourText.colCitation), ctx.t(HonourText.colProject),
                    ],
                    rows: awarded.map { h in
                        [
                            C.text(String(h.year)), C.text(ctx.t(HonourText.kind(h.kind))),
                            C.text(h.planner.name + " · " + h.planner.organisation), C.text(h.citation),
                            h.project.map { H.link($0.title, Site.project($0.id!)) } ?? C.text("—"),
                        ]
                    })
            }
        }
    }

    /// The nomination form on a planner's page (their keepers).
    static func nominateForm(_ ctx: PageContext, planner: UUID, year: Int, projects: [Option]) -> HTMLNode {
        H.el("details", [("class", "no-print")]) {
            H.el("summary", [("class", "button secondary")], text: ctx.t(HonourText.nominateTitle))
            Forms.form(
                ctx, action: Site.plannerHonours(planner),
                [
                    Forms.select(
                        ctx, "kind", label: ctx.t(HonourText.kind),
                        options: HonourKind.allCases.map { ($0.rawValue, ctx.t(HonourText.kind($0))) },
                        selected: HonourKind.excellentPlanner.rawValue, required: true, includeBlank: false),
                    Forms.field(
                        ctx, "year", label: ctx.t(HonourText.year), value: String(year), type: "number",
                        required: true, attributes: [("min", "2000"), ("max", String(year)), ("inputmode", "numeric")]),
                    Forms.textArea(
                        ctx, "citation", label: ctx.t(HonourText.citation), max: 200, rows: 3, required: true,
                        hint: ctx.t(HonourText.citationHint)),
                    Forms.select(
                        ctx, "project", label: ctx.t(HonourText.project), options: projects, selected: nil),
                    Forms.submit(ctx.t(HonourText.nominate)),
                ])
        }
    }

    // MARK: The rules' versions

    static func listSeparator(_ ctx: PageContext) -> String { ctx.lang == .zhHans ? "、" : ", " }

    static func rules(
        _ ctx: PageContext, district: TerritoryNode, versions: [PlannerRules], today: CalendarDay, mayAdd: Bool,
        errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        let current = PlannerRules.inForce(on: today, among: versions)
        return PageView(title: ctx.t(HonourText.rulesTitle, district.name), status: status) {
            C.text(ctx.t(HonourText.rulesIntro), muted: true)
            if current == nil { C.notice(ctx.t(HonourText.rulesLapsedAlert), tone: .warning) }
            C.table(
                caption: ctx.t(HonourText.rulesTitle, district.name),
                headers: [
                    ctx.t(HonourText.colVersion), ctx.t(HonourText.colTitle), ctx.t(HonourText.colValid),
                    ctx.t(HonourText.colTerm), ctx.t(HonourText.colTiers), ctx.t(HonourText.colWeights),
                    ctx.t(HonourText.colPass),
                ],
                rows: versions.reversed().map { r in
                    [
                        H.el("span", []) {
                            HTMLNode.text("v\(r.version) ")
                            if r.version == current?.version {
                                C.tag(ctx.t(HonourText.inForce), tone: .ok)
                            } else if let until = r.validUntil, until < today {
                                C.tag(ctx.t(HonourText.lapsed))
                            }
                        },
                        C.text(r.title),
                        C.text("\(r.validFrom) — \(r.validUntil?.description ?? ctx.t(HonourText.untilOpen))"),
                        C.text(ctx.t(HonourText.termYearsValue, String(r.termYears))),
                        C.text(r.tiers.map { tierName(ctx, $0) }.joined(separator: listSeparator(ctx))),
                        C.text(
                            ReviewGround.allCases.map { "\(ctx.t(PlannerText.ground($0))) \(r.weights[$0] ?? 0)" }
                                .joined(separator: listSeparator(ctx))),
                        C.text(String(r.passMark)),
                    ]
                })
            if mayAdd {
                C.section(ctx.t(HonourText.addRules)) {
                    Forms.summary(
                        ctx, errors,
                        order: ["title", "validFrom", "validUntil", "termYears", "tiers", "weights", "passMark"])
                    Forms.form(
                        ctx, action: Site.Pattern.plannerRules + "?district=\(district.id!.uuidString)",
                        [
                            Forms.field(
                                ctx, "title", label: ctx.t(HonourText.rulesTitleField), required: true, errors: errors,
                                attributes: [("maxlength", "200")]),
                            Forms.field(
                                ctx, "validFrom", label: ctx.t(HonourText.validFrom),
                                value: (versions.last?.validUntil?.adding(days: 1) ?? today).description, type: "date",
                                required: true, errors: errors),
                            Forms.field(
                                ctx, "validUntil", label: ctx.t(HonourText.validUntil), type: "date", errors: errors,
                                hint: ctx.t(HonourText.validUntilHint)),
                            Forms.field(
                                ctx, "termYears", label: ctx.t(HonourText.termYears),
                                value: String(versions.last?.termYears ?? 2), type: "number", required: true,
                                errors: errors, attributes: [("min", "1"), ("max", "5"), ("inputmode", "numeric")]),
                            Forms.checkboxes(
                                ctx, "tiers", legend: ctx.t(HonourText.tiers),
                                options: PlannerTier.allCases.map { ($0.rawValue, tierName(ctx, $0)) },
                                checked: Set((versions.last?.tiers ?? PlannerTier.allCases).map(\.rawValue)),
                                errors: errors),
                            H.el("fieldset", [("class", "field"), ("id", "field-weights")]) {
                                H.el("legend", text: ctx.t(HonourText.weightsLegend))
                                if let e = errors.message("weights", ctx) { H.el("p", [("class", "error")], text: e) }
                                for g in ReviewGround.allCases {
                                    Forms.field(
                                        ctx, "weight_\(g.rawValue)", label: ctx.t(PlannerText.ground(g)),
                                        value: String(versions.last?.weights[g] ?? 25), type: "number", required: true,
                                        attributes: [("min", "0"), ("max", "100"), ("inputmode", "numeric")])
                                }
                            },
                            Forms.field(
                                ctx, "passMark", label: ctx.t(HonourText.passMark),
                                value: String(versions.last?.passMark ?? 60), type: "number", required: true,
                                errors: errors, attributes: [("min", "0"), ("max", "100"), ("inputmode", "numeric")]),
                            Forms.submit(ctx.t(HonourText.addRulesSubmit)),
                        ])
                }
            }
        }
    }

    // MARK: Case conferences

    struct ConferenceForm: Sendable {
        var node: String?
        var title = ""
        var agenda = ""
        var venue = ""
        var startsAt = ""
        var invited = ""
    }

    static func conferences(
        _ ctx: PageContext, meetings: [(meeting: Meeting, place: String)], places: [Option], form f: ConferenceForm,
        now: Date, errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(HonourText.conferencesTitle), status: status) {
            C.text(ctx.t(HonourText.conferencesIntro), muted: true)
            if meetings.isEmpty {
                C.empty(ctx.t(HonourText.conferencesEmpty))
            } else {
                C.table(
                    caption: ctx.t(HonourText.conferencesTitle),
                    headers: [
                        ctx.t(HonourText.difficulty), ctx.t(HonourText.colWhen), ctx.t(HonourText.colPlace),
                        ctx.t(HonourText.colInvited), ctx.t(HonourText.colState),
                    ],
                    rows: meetings.map { m, place in
                        [
                            H.link(m.title, Site.meeting(m.id!)), C.text(Show.dateTime(m.startsAt)), C.text(place),
                            C.text(m.invited ?? "—"),
                            m.held
                                ? C.tag(ctx.t(HonourText.held), tone: .ok)
                                : m.startsAt < now
                                    ? C.tag(ctx.t(HonourText.toRecord), tone: .warning)
                                    : C.tag(ctx.t(HonourText.upcoming)),
                        ]
                    })
            }
            if !places.isEmpty {
                C.section(ctx.t(HonourText.callConference)) {
                    Forms.summary(ctx, errors, order: ["node", "title", "startsAt", "venue", "invited", "agenda"])
                    Forms.form(
                        ctx, action: Site.Pattern.plannerConferences,
                        [
                            Forms.select(
                                ctx, "node", label: ctx.t(HonourText.place), options: places, selected: f.node,
                                required: true, errors: errors),
                            Forms.field(
                                ctx, "title", label: ctx.t(HonourText.difficulty), value: f.title, required: true,
                                errors: errors, attributes: [("maxlength", "100")]),
                            Forms.field(
                                ctx, "startsAt", label: ctx.t(HonourText.startsAt), value: f.startsAt, required: true,
                                errors: errors, hint: ctx.t(HonourText.startsAtHint)),
                            Forms.field(
                                ctx, "venue", label: ctx.t(HonourText.venue), value: f.venue, required: true,
                                errors: errors, attributes: [("maxlength", "100")]),
                            Forms.field(
                                ctx, "invited", label: ctx.t(HonourText.invited), value: f.invited, errors: errors,
                                hint: ctx.t(HonourText.invitedHint), attributes: [("maxlength", "300")]),
                            Forms.textArea(
                                ctx, "agenda", label: ctx.t(HonourText.agenda), value: f.agenda, max: 2_000, rows: 4,
                                required: true, errors: errors),
                            Forms.submit(ctx.t(HonourText.callSubmit)),
                        ])
                }
            }
        }
    }
}
