import Vapor
import YishiCore

/// The planners' forms: the pool, joining it, the decision queue with the appointment, the annual
/// review with the platform's figures, and residents' ratings of a project's planners.
extension PlannerPages {
    typealias Option = (value: String, label: String)

    // MARK: The pool

    struct PoolModel: Sendable {
        var district: TerritoryNode
        var planners: [(planner: Planner, tier: PlannerTier?)]
        var status: PlannerStatus?
        var page: Int
        var more: Bool
        /// The place to pair with from this list (the board's unpaired subdistrict), when the caller may.
        var pairPlace: TerritoryNode?
        /// The district's own staff (they read every planner's page; a subdistrict's staff read
        /// those of their subdistrict only, so the list names the others without a link).
        var districtStaff: Bool
    }

    static func pool(_ ctx: PageContext, _ m: PoolModel) -> PageView {
        let base =
            "\(Site.Pattern.plannerPool)?district=\(m.district.id!.uuidString)"
            + (m.pairPlace.map { "&place=\($0.id!.uuidString)" } ?? "")
        func link(_ status: PlannerStatus?, page: Int = 1) -> String {
            base + (status.map { "&status=\($0.rawValue)" } ?? "") + (page > 1 ? "&page=\(page)" : "")
        }
        return PageView(title: ctx.t(PlannerFormText.poolTitle, m.district.name)) {
            C.text(ctx.t(PlannerFormText.poolIntro), muted: true)
            H.el("p", [("class", "actions")]) {
                C.linkButton(ctx.t(PlannerFormText.joinLink), Site.Pattern.plannerJoin)
                C.linkButton(ctx.t(PlannerFormText.queueLink), Site.Pattern.plannerQueue, primary: false)
            }
            H.el("nav", [("aria-label", ctx.t(PlannerFormText.poolFilter))]) {
                H.el("ul", [("class", "link-list")]) {
                    for s in [nil] + PlannerStatus.allCases.map(Optional.some) {
                        let label = s.map { ctx.t(PlannerText.status($0)) } ?? ctx.t(PlannerFormText.poolAll)
                        H.el("li") {
                            if s == m.status {
                                H.el("strong", [("aria-current", "true")], text: label)
                            } else {
                                H.link(label, link(s))
                            }
                        }
                    }
                }
            }
            if m.planners.isEmpty {
                C.empty(
                    ctx.t(PlannerFormText.poolEmpty),
                    action: (ctx.t(PlannerFormText.joinLink), Site.Pattern.plannerJoin))
            } else {
                C.table(
                    caption: ctx.t(PlannerFormText.poolTitle, m.district.name),
                    headers: [
                        ctx.t(PlannerFormText.colName), ctx.t(PlannerFormText.colOrganisation),
                        ctx.t(PlannerPageText.colTier), ctx.t(PlannerFormText.colStatus),
                    ] + (m.pairPlace == nil ? [] : [ctx.t(PlannerFormText.pair)]),
                    rows: m.planners.map { p, tier in
                        [
                            m.districtStaff ? H.link(p.name, Site.planner(p.id!)) : C.text(p.name),
                            C.text(p.organisation),
                            C.text(tier.map { tierName(ctx, $0) } ?? "—"),
                            C.tag(ctx.t(PlannerText.status(p.status)), tone: p.status == .appointed ? .ok : .info),
                        ]
                            + (m.pairPlace.map { place in
                                [
                                    p.status == .appointed
                                        ? Forms.button(
                                            ctx, action: Site.plannerPairings(p.id!),
                                            label: ctx.t(PlannerFormText.pair) + " · " + place.name, secondary: false,
                                            hidden: [("node", place.id!.uuidString), ("back", "board")])
                                        : C.text("—")
                                ]
                            } ?? [])
                    })
                C.pager(
                    ctx.t(PlannerFormText.pager),
                    newer: m.page > 1 ? (ctx.t(PlannerFormText.newer), link(m.status, page: m.page - 1)) : nil,
                    older: m.more ? (ctx.t(PlannerFormText.older), link(m.status, page: m.page + 1)) : nil)
            }
        }
    }

    // MARK: Joining the pool

    struct JoinForm: Sendable {
        var name = ""
        var organisation = ""
        var background: String?
        var qualifications = ""
        var socialWork = false
        var phone = ""
        var email = ""
        var livesOrWorks = ""
        var tier: String?
        var scope: String?
        var area: String?
        var statement = ""
        var source: String?
    }

    static func join(
        _ ctx: PageContext, form f: JoinForm, scopes: [Option], areas: [Option], staff: Bool, errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(PlannerFormText.joinTitle), status: status) {
            C.text(ctx.t(staff ? PlannerFormText.joinStaffIntro : PlannerFormText.joinIntro), muted: true)
            Forms.summary(
                ctx, errors,
                order: [
                    "source", "name", "organisation", "background", "qualifications", "phone", "email", "tier", "scope",
                    "area", "livesOrWorks", "statement",
                ])
            Forms.form(
                ctx, action: Site.Pattern.plannerJoin,
                (staff
                    ? [
                        Forms.select(
                            ctx, "source", label: ctx.t(PlannerFormText.source),
                            options: [PlannerSource.recommended, .recruited].map {
                                ($0.rawValue, ctx.t(PlannerText.source($0)))
                            }, selected: f.source ?? PlannerSource.recommended.rawValue, required: true,
                            errors: errors, includeBlank: false)
                    ] : [])
                    + [
                        Forms.field(
                            ctx, "name", label: ctx.t(PlannerFormText.name), value: f.name, required: true,
                            errors: errors, attributes: [("maxlength", "50"), ("autocomplete", "name")]),
                        Forms.field(
                            ctx, "organisation", label: ctx.t(PlannerFormText.organisation), value: f.organisation,
                            required: true, errors: errors, attributes: [("maxlength", "100")]),
                        Forms.select(
                            ctx, "background", label: ctx.t(PlannerFormText.background),
                            options: PlannerBackground.allCases.map {
                                ($0.rawValue, ctx.t(PlannerText.background($0)))
                            },
                            selected: f.background, required: true, errors: errors),
                        Forms.field(
                            ctx, "qualifications", label: ctx.t(PlannerFormText.qualifications),
                            value: f.qualifications, errors: errors, attributes: [("maxlength", "500")]),
                        Forms.checkboxes(
                            ctx, "socialWork", legend: ctx.t(PlannerPageText.socialWork),
                            options: [("yes", ctx.t(PlannerFormText.socialWork))],
                            checked: f.socialWork ? ["yes"] : []),
                        Forms.field(
                            ctx, "phone", label: ctx.t(PlannerFormText.phone), value: f.phone, type: "tel",
                            errors: errors, attributes: [("inputmode", "tel"), ("autocomplete", "tel")]),
                        Forms.field(
                            ctx, "email", label: ctx.t(PlannerFormText.email), value: f.email, type: "email",
                            errors: errors, attributes: [("autocomplete", "email")]),
                        Forms.select(
                            ctx, "tier", label: ctx.t(PlannerFormText.tier),
                            options: PlannerTier.allCases.map { ($0.rawValue, tierName(ctx, $0)) },
                            selected: f.tier ?? PlannerTier.subdistrict.rawValue, required: true, errors: errors,
                            includeBlank: false),
                        Forms.select(
                            ctx, "scope", label: ctx.t(PlannerFormText.scope), options: scopes, selected: f.scope,
                            required: true, errors: errors, hint: ctx.t(PlannerFormText.scopeHint)),
                        Forms.select(
                            ctx, "area", label: ctx.t(PlannerFormText.area), options: areas, selected: f.area,
                            errors: errors, hint: ctx.t(PlannerFormText.areaHint)),
                        Forms.field(
                            ctx, "livesOrWorks", label: ctx.t(PlannerFormText.livesOrWorks), value: f.livesOrWorks,
                            errors: errors, hint: ctx.t(PlannerFormText.livesOrWorksHint),
                            attributes: [("maxlength", "200")]),
                        Forms.textArea(
                            ctx, "statement", label: ctx.t(PlannerFormText.statement), value: f.statement, max: 1_000,
                            required: true, errors: errors, hint: ctx.t(PlannerFormText.statementHint)),
                        Forms.submit(ctx.t(PlannerFormText.joinSubmit)),
                    ])
        }
    }

    // MARK: The decision queue

    struct QueueItem: Sendable {
        var application: PlannerApplication
        var planner: Planner
        var scope: String
        var area: String?
        /// Whether the caller may appoint this one (the tier's authority).
        var mayAppoint: Bool
    }

    static func queue(
        _ ctx: PageContext, items: [QueueItem], today: String, errors: FormErrors, status: HTTPStatus = .ok
    )
        -> PageView
    {
        PageView(title: ctx.t(PlannerFormText.queueTitle), status: status) {
            C.text(ctx.t(PlannerFormText.queueIntro), muted: true)
            Forms.summary(ctx, errors, order: ["decision", "reason", "startsOn"])
            if items.isEmpty {
                C.empty(ctx.t(PlannerFormText.queueEmpty))
            }
            for item in items {
                let a = item.application
                let p = item.planner
                H.el("article", [("class", "card"), ("id", "application-\(a.id!.uuidString)")]) {
                    H.el("h2", [], [H.link(p.name, Site.planner(p.id!))])
                    C.text(
                        ctx.t(
                            PlannerFormText.applied, a.createdAt.map { Show.dateTime($0) } ?? "",
                            tierName(ctx, a.tier), item.scope + (item.area.map { " · " + $0 } ?? "")), muted: true)
                    C.facts([
                        (ctx.t(PlannerPageText.organisation), p.organisation),
                        (ctx.t(PlannerPageText.background), ctx.t(PlannerText.background(p.background))),
                        (ctx.t(PlannerPageText.source), ctx.t(PlannerText.source(a.source))),
                        (ctx.t(PlannerFormText.statement), a.statement),
                    ])
                    if a.status == .pending {
                        Forms.form(
                            ctx, action: Site.plannerDecision(a.id!),
                            [
                                Forms.textArea(
                                    ctx, "reason", label: ctx.t(PlannerFormText.reason), max: 500, rows: 2,
                                    errors: errors, hint: ctx.t(PlannerFormText.reasonHint),
                                    id: "reason-\(a.id!.uuidString)"),
                                H.el("p", [("class", "actions")]) {
                                    H.el(
                                        "button",
                                        [
                                            ("type", "submit"), ("name", "decision"), ("value", "approve"),
                                            ("class", "primary"),
                                        ],
                                        text: ctx.t(PlannerFormText.approve))
                                    H.el(
                                        "button",
                                        [
                                            ("type", "submit"), ("name", "decision"), ("value", "decline"),
                                            ("class", "secondary"),
                                        ],
                                        text: ctx.t(PlannerFormText.decline))
                                },
                            ])
                    } else if item.mayAppoint {
                        C.tag(ctx.t(PlannerFormText.approved), tone: .ok)
                        Forms.form(
                            ctx, action: Site.plannerAppointments(p.id!),
                            [
                                H.void(
                                    "input", [("type", "hidden"), ("name", "application"), ("value", a.id!.uuidString)]),
                                Forms.field(
                                    ctx, "startsOn", label: ctx.t(PlannerFormText.startsOn), value: today, type: "date",
                                    required: true, errors: errors, hint: ctx.t(PlannerFormText.startsOnHint),
                                    id: "starts-\(a.id!.uuidString)"),
                                Forms.submit(ctx.t(PlannerFormText.appoint)),
                            ])
                    } else {
                        C.tag(ctx.t(PlannerFormText.approved), tone: .ok)
                    }
                }
            }
        }
    }

    // MARK: The annual review

    struct ReviewModel: Sendable {
        var planner: Planner
        var year: Int
        var facts: PlannerReview.Facts
        var rules: PlannerRules
        var done: PlannerReviewRow?
    }

    struct ReviewForm: Sendable {
        var scores: [String: String] = [:]
        var reasons = ""
        var reviewers = ""
    }

    static func review(
        _ ctx: PageContext, _ m: ReviewModel, form f: ReviewForm, errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        let facts = m.facts
        let suggested = PlannerReview.suggestedFeedback(facts)
        return PageView(title: ctx.t(PlannerFormText.reviewTitle, m.planner.name, String(m.year)), status: status) {
            H.el("p", [], [H.link(ctx.t(CommonText.back), Site.planner(m.planner.id!))])
            C.text(ctx.t(PlannerFormText.reviewIntro))
            C.section(ctx.t(PlannerFormText.facts)) {
                C.facts([
                    (ctx.t(PlannerFormText.factsHours), ctx.t(PlannerFormText.hoursValue, hours(facts.hours))),
                    (
                        ctx.t(PlannerFormText.factsConfirmed),
                        ctx.t(PlannerFormText.hoursValue, hours(facts.confirmedHours))
                    ),
                    (ctx.t(PlannerFormText.factsEntries), String(facts.entries)),
                    (ctx.t(PlannerFormText.factsProjects), String(facts.projects)),
                    (
                        ctx.t(PlannerFormText.factsRatings),
                        facts.ratingMean.map {
                            ctx.t(PlannerFormText.factsRatingMean, String(facts.ratings), String(format: "%.1f", $0))
                        } ?? "0"
                    ),
                ])
            }
            if let done = m.done {
                C.notice(
                    ctx.t(
                        PlannerFormText.reviewDone, String(done.year), String(done.total),
                        ctx.t(done.passed ? PlannerPageText.pass : PlannerPageText.fail)),
                    tone: done.passed ? .ok : .warning)
                if !done.reasons.isEmpty { C.paragraphs(done.reasons) }
            } else {
                C.text(ctx.t(PlannerFormText.passMark, String(m.rules.passMark)), muted: true)
                Forms.summary(ctx, errors, order: ["scores", "reasons", "reviewers"])
                Forms.form(
                    ctx, action: Site.plannerReview(m.planner.id!, year: nil),
                    [H.void("input", [("type", "hidden"), ("name", "year"), ("value", String(m.year))])]
                        + ReviewGround.allCases.map { g in
                            Forms.field(
                                ctx, "score_\(g.rawValue)", label: ctx.t(PlannerText.ground(g)),
                                value: f.scores[g.rawValue]
                                    ?? (g == .feedback ? suggested.map(String.init) ?? "" : ""), type: "number",
                                required: true, errors: errors,
                                hint: ctx.t(PlannerFormText.scoreHint, String(m.rules.weights[g] ?? 0))
                                    + (g == .feedback
                                        ? suggested.map { "；" + ctx.t(PlannerFormText.suggested, String($0)) } ?? ""
                                        : ""),
                                attributes: [("min", "0"), ("max", "100"), ("step", "1"), ("inputmode", "numeric")])
                        }
                        + [
                            Forms.textArea(
                                ctx, "reasons", label: ctx.t(PlannerFormText.reasons), value: f.reasons, max: 1_000,
                                errors: errors, hint: ctx.t(PlannerFormText.reasonsHint)),
                            Forms.textArea(
                                ctx, "reviewers", label: ctx.t(PlannerFormText.reviewers), value: f.reviewers, max: 500,
                                rows: 3, errors: errors, hint: ctx.t(PlannerFormText.reviewersHint)),
                            Forms.submit(ctx.t(PlannerFormText.reviewSubmit)),
                        ])
            }
        }
    }

    // MARK: Residents rate the planners of a project

    struct RateModel: Sendable {
        var project: Project
        var planners: [(planner: Planner, mine: Int?)]
        var mayRate: Bool
    }

    static func rate(_ ctx: PageContext, _ m: RateModel, errors: FormErrors, status: HTTPStatus = .ok) -> PageView {
        PageView(title: ctx.t(PlannerFormText.rateTitle), status: status) {
            H.el("p", [], [H.link(m.project.title, Site.project(m.project.id!))])
            C.text(ctx.t(PlannerFormText.rateIntro))
            Forms.summary(ctx, errors, order: ["stars", "comment"])
            if m.planners.isEmpty { C.empty(ctx.t(PlannerFormText.rateEmpty)) }
            for (p, mine) in m.planners {
                H.el("section", [("class", "card")]) {
                    H.el("h2", text: p.name)
                    C.text(p.organisation, muted: true)
                    if let mine {
                        C.tag(ctx.t(PlannerFormText.alreadyRatedHere, String(mine)), tone: .ok)
                    } else if m.mayRate {
                        Forms.form(
                            ctx, action: Site.plannerRate(m.project.id!),
                            [
                                H.void(
                                    "input", [("type", "hidden"), ("name", "planner"), ("value", p.id!.uuidString)]),
                                Forms.checkboxes(
                                    ctx, "stars", legend: ctx.t(PlannerFormText.stars),
                                    options: (1...5).map {
                                        (String($0), ctx.t(PlannerFormText.starsLabel, String($0)))
                                    },
                                    checked: [], errors: errors, radio: true, required: true, row: true,
                                    id: "stars-\(p.id!.uuidString)"),
                                Forms.textArea(
                                    ctx, "comment", label: ctx.t(PlannerFormText.comment), max: 500, rows: 3,
                                    errors: errors, id: "comment-\(p.id!.uuidString)"),
                                Forms.submit(ctx.t(PlannerFormText.rateSubmit)),
                            ])
                    }
                }
            }
        }
    }
}
