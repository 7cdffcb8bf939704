import Fluent
import SQLKit
import Vapor
import YishiCore

/// The planners' pages: the district's board (unpaired subdistricts first), a planner's page, and
/// the form a planner logs service with from their phone.
enum PlannerPages {
    static func tierName(_ ctx: PageContext, _ t: PlannerTier) -> String { ctx.t(PlannerText.tier(t)) }

    static func board(
        _ ctx: PageContext, district: TerritoryNode, board b: Planners.PairingBoard, tiers: [PlannerTier: Int]
    )
        -> PageView
    {
        PageView(title: ctx.t(PlannerPageText.boardTitle, district.name)) {
            H.el("p", [("class", "actions")]) {
                C.linkButton(
                    ctx.t(PlannerFormText.poolLink), "\(Site.Pattern.plannerPool)?district=\(district.id!.uuidString)")
                C.linkButton(ctx.t(PlannerFormText.queueLink), Site.Pattern.plannerQueue, primary: false)
            }
            H.el("ul", [("class", "link-list")]) {
                H.el("li", [], [H.link(ctx.t(HonourText.conferencesLink), Site.Pattern.plannerConferences)])
                H.el(
                    "li", [],
                    [
                        H.link(
                            ctx.t(HonourText.rollLink),
                            "\(Site.Pattern.plannerHonourRoll)?district=\(district.id!.uuidString)")
                    ])
                H.el(
                    "li", [],
                    [
                        H.link(
                            ctx.t(HonourText.rulesLink),
                            "\(Site.Pattern.plannerRules)?district=\(district.id!.uuidString)")
                    ])
            }
            let unpaired = b.rows.filter { b.coverage.unpaired.contains($0.subdistrict.id!) }
            if !unpaired.isEmpty {
                C.alert(
                    ctx.t(PlannerPageText.unpairedAlert, String(unpaired.count)),
                    detail: ctx.t(
                        PlannerPageText.unpairedDetail, unpaired.map(\.subdistrict.name).joined(separator: "、")))
            } else if !b.rows.isEmpty {
                C.text(ctx.t(PlannerPageText.allPaired))
            }
            C.section(ctx.t(PlannerPageText.tiersTitle)) {
                C.facts(
                    PlannerTier.allCases.map {
                        (tierName(ctx, $0), ctx.t(PlannerPageText.tierCount, String(tiers[$0] ?? 0)))
                    }
                        + [
                            (
                                ctx.t(PlannerPageText.coverage),
                                "\(b.coverage.paired) / \(b.coverage.subdistricts)"
                            )
                        ])
            }
            if b.rows.isEmpty {
                C.empty(ctx.t(PlannerPageText.boardEmpty))
            } else {
                // Unpaired first: what needs doing is at the top.
                let rows = unpaired + b.rows.filter { !b.coverage.unpaired.contains($0.subdistrict.id!) }
                C.table(
                    caption: ctx.t(PlannerPageText.boardTitle, district.name),
                    headers: [
                        ctx.t(PlannerPageText.colSubdistrict), ctx.t(PlannerPageText.colPaired),
                        ctx.t(PlannerPageText.colPlanners),
                    ],
                    rows: rows.map { r in
                        let isPaired = !b.coverage.unpaired.contains(r.subdistrict.id!)
                        return [
                            C.text(r.subdistrict.name),
                            isPaired
                                ? C.tag(ctx.t(PlannerPageText.paired), tone: .ok)
                                : H.el("span", []) {
                                    C.tag(ctx.t(PlannerPageText.notPaired), tone: .warning)
                                    HTMLNode.text(" ")
                                    H.link(
                                        ctx.t(PlannerPageText.findPlanner),
                                        Site.plannerPool(district: district.id!, place: r.subdistrict.id!))
                                },
                            r.planners.isEmpty
                                ? C.text("—")
                                : H.el(
                                    "span", [],
                                    r.planners.enumerated().flatMap { i, p in
                                        (i > 0 ? [HTMLNode.text("、")] : [])
                                            + [
                                                H.link(
                                                    p.name + (p.tier.map { " · " + tierName(ctx, $0) } ?? ""),
                                                    Site.planner(p.planner))
                                            ]
                                    }
                                        + (r.total > r.planners.count
                                            ? [HTMLNode.text(ctx.t(PlannerPageText.andMore, String(r.total)))] : [])),
                        ]
                    })
            }
        }
    }

    struct PlannerModel: Sendable {
        var planner: Planner
        var reveal: Bool
        var appointments: [(row: PlannerAppointmentRow, scope: String)]
        var pairings: [(row: PlannerPairingRow, place: String)]
        var service: [PlannerServiceEntry]
        var facts: PlannerReview.Facts
        var year: Int
        var reviews: [PlannerReviewRow]
        var mine: Bool
        var keeper = false
        var reviewer = false
        var pairPlaces: [Option] = []
        /// The active appointments the caller may end (the tier's authority).
        var endable: Set<UUID> = []
        var applications: [PlannerApplication] = []
        var honours: [PlannerHonour] = []
        /// The projects they worked on (for a nomination), for their keepers.
        var projects: [Option] = []
        var today: CalendarDay? = nil
        /// Appointed with an account that does not hold the planner role (a user manager grants it).
        var needsRole = false
        /// For the keepers, each active appointment ending within the reminder's window: whether it
        /// may be renewed, or why not.
        var renewals: [UUID: PlannerReview.NotRenewable?] = [:]
    }

    static func planner(_ ctx: PageContext, _ m: PlannerModel, errors: FormErrors, status: HTTPStatus = .ok)
        -> PageView
    {
        let p = m.planner
        return PageView(title: ctx.t(PlannerPageText.plannerTitle, p.name), status: status) {
            Forms.summary(ctx, errors, order: ["reason", "node", "kind", "year", "citation", "project"])
            if m.needsRole { C.notice(ctx.t(PlannerPageText.needsRole), tone: .warning) }
            if let today = m.today {
                for (a, _) in m.appointments where a.status == .active {
                    if let term = a.term, term.reminderDue(on: today, before: PlannerReminders.before) {
                        C.notice(
                            ctx.t(PlannerPageText.termEnds, String(term.daysLeft(on: today)), a.endsOn), tone: .warning)
                        if let r = m.renewals[a.id!] {
                            C.text(ctx.t(r.map(PlannerText.notRenewable) ?? PlannerText.renewable))
                        }
                    }
                }
            }
            if (m.mine && p.status == .appointed) || m.reviewer {
                H.el("p", [("class", "actions")]) {
                    if m.mine && p.status == .appointed {
                        C.linkButton(ctx.t(PlannerPageText.logLink), Site.Pattern.plannerLog)
                    }
                    if m.reviewer {
                        C.linkButton(
                            ctx.t(PlannerFormText.reviewLink), Site.plannerReview(p.id!, year: nil), primary: !m.mine)
                    }
                }
            }
            if !m.applications.isEmpty && (m.mine || m.keeper) {
                C.section(ctx.t(PlannerFormText.applicationsTitle)) {
                    C.list(
                        m.applications.map { a in
                            [
                                HTMLNode.text(
                                    ctx.t(
                                        PlannerFormText.applied, a.createdAt.map { Show.dateTime($0) } ?? "",
                                        tierName(ctx, a.tier), a.scope.name) + " "),
                                a.status == .pending
                                    ? C.tag(ctx.t(PlannerFormText.decide), tone: .warning)
                                    : a.status == .approved
                                        ? C.tag(ctx.t(PlannerPageText.pass), tone: .ok)
                                        : C.tag(ctx.t(PlannerFormText.declined, a.reason ?? ""), tone: .warning),
                            ]
                        })
                }
            }
            C.section(ctx.t(PlannerPageText.profile)) {
                C.facts(
                    [
                        (ctx.t(PlannerPageText.status), ctx.t(PlannerText.status(p.status))),
                        (ctx.t(PlannerPageText.organisation), p.organisation),
                        (ctx.t(PlannerPageText.background), ctx.t(PlannerText.background(p.background))),
                        (ctx.t(PlannerPageText.qualifications), p.qualifications.isEmpty ? "—" : p.qualifications),
                        (
                            ctx.t(PlannerPageText.socialWork),
                            ctx.t(p.socialWorkCertificate ? PlannerPageText.yes : PlannerPageText.no)
                        ),
                        (ctx.t(PlannerPageText.source), ctx.t(PlannerText.source(p.source))),
                        (
                            ctx.t(PlannerPageText.contact),
                            (p.phone.map { m.reveal ? $0 : OneTimeCodeRules.mask($0) } ?? "—")
                        ),
                    ] + (p.livesOrWorks.map { [(ctx.t(PlannerPageText.livesOrWorks), $0)] } ?? []))
            }
            C.section(ctx.t(PlannerPageText.appointments)) {
                if m.appointments.isEmpty {
                    C.empty(ctx.t(PlannerPageText.noAppointments))
                } else {
                    C.table(
                        caption: ctx.t(PlannerPageText.appointments),
                        headers: [
                            ctx.t(PlannerPageText.colTier), ctx.t(PlannerPageText.colScope),
                            ctx.t(PlannerPageText.colTerm),
                            ctx.t(PlannerPageText.colCertificate), ctx.t(PlannerPageText.colRules),
                            ctx.t(PlannerPageText.colState),
                        ],
                        rows: m.appointments.map { a, scope in
                            [
                                C.text(tierName(ctx, a.tier)), C.text(scope),
                                C.text("\(a.startsOn) — \(a.endedOn ?? a.endsOn)"),
                                H.link(a.certificate, Site.plannerCertificate(a.id!)),
                                C.text("v\(a.rulesVersion)"),
                                C.tag(
                                    ctx.t(a.status == .active ? PlannerPageText.active : PlannerPageText.ended),
                                    tone: a.status == .active ? .ok : .info),
                            ]
                        })
                    for (a, _) in m.appointments where m.endable.contains(a.id!) {
                        reasonForm(
                            ctx, Site.plannerAppointmentEnd(a.id!),
                            summary: ctx.t(PlannerFormText.endAppointment) + " · " + a.certificate,
                            label: ctx.t(PlannerFormText.endAppointmentReason), id: a.id!)
                    }
                }
            }
            C.section(ctx.t(PlannerPageText.pairings)) {
                if m.pairings.isEmpty {
                    C.empty(ctx.t(PlannerPageText.noPairings))
                } else {
                    C.table(
                        caption: ctx.t(PlannerPageText.pairings),
                        headers: [
                            ctx.t(PlannerPageText.colPlace), ctx.t(PlannerPageText.colSince),
                            ctx.t(PlannerPageText.colUntil),
                        ],
                        rows: m.pairings.map { r, place in
                            [
                                C.text(place), C.text(r.startedOn),
                                C.text(r.endedOn.map { "\($0) \(r.endReason ?? "")" } ?? "—"),
                            ]
                        })
                    if m.keeper {
                        for (r, place) in m.pairings where r.endedOn == nil {
                            reasonForm(
                                ctx, Site.plannerPairingEnd(r.id!),
                                summary: ctx.t(PlannerFormText.endPairing) + " · " + place,
                                label: ctx.t(PlannerFormText.endPairingReason), id: r.id!)
                        }
                    }
                }
                if !m.pairPlaces.isEmpty {
                    Forms.form(
                        ctx, action: Site.plannerPairings(p.id!),
                        [
                            Forms.select(
                                ctx, "node", label: ctx.t(PlannerFormText.pairWith), options: m.pairPlaces,
                                selected: nil, required: true, errors: errors),
                            Forms.submit(ctx.t(PlannerFormText.pair)),
                        ])
                }
            }
            C.section(ctx.t(PlannerPageText.service), id: "service") {
                C.text(
                    ctx.t(
                        PlannerPageText.serviceYear, String(m.year), Self.hours(m.facts.hours),
                        Self.hours(m.facts.confirmedHours), String(m.facts.projects)))
                if m.service.count >= PlannerRoutes.serviceShown {
                    C.text(ctx.t(PlannerPageText.latestEntries, String(PlannerRoutes.serviceShown)), muted: true)
                }
                let confirming = m.keeper && m.service.contains { $0.confirmedAt == nil }
                if m.service.isEmpty {
                    C.empty(ctx.t(PlannerPageText.noService))
                } else {
                    C.table(
                        caption: ctx.t(PlannerPageText.service),
                        headers: [
                            ctx.t(PlannerPageText.colDay), ctx.t(PlannerPageText.colKind),
                            ctx.t(PlannerPageText.colHours),
                            ctx.t(PlannerPageText.colNote), ctx.t(PlannerPageText.colState),
                        ] + (confirming ? [ctx.t(PlannerFormText.actions)] : []),
                        rows: m.service.map { e in
                            [
                                C.text(e.day), C.text(ctx.t(PlannerText.kind(e.kind))), C.text(Self.hours(e.hours)),
                                C.text(e.note.isEmpty ? "—" : e.note),
                                C.tag(
                                    ctx.t(
                                        e.confirmedAt == nil ? PlannerPageText.notConfirmed : PlannerPageText.confirmed),
                                    tone: e.confirmedAt == nil ? .warning : .ok),
                            ]
                                + (confirming
                                    ? [
                                        e.confirmedAt == nil
                                            ? Forms.button(
                                                ctx, action: Site.plannerConfirm(e.id!),
                                                label: ctx.t(PlannerFormText.confirm))
                                            : C.text("—")
                                    ] : [])
                        })
                }
            }
            if !m.honours.isEmpty || m.keeper {
                C.section(ctx.t(HonourText.rollLink)) {
                    if !m.honours.isEmpty {
                        C.list(
                            m.honours.map { h in
                                [
                                    HTMLNode.text("\(h.year) · \(ctx.t(HonourText.kind(h.kind))) · \(h.citation) "),
                                    C.tag(ctx.t(HonourText.status(h.status)), tone: h.status == .awarded ? .ok : .info),
                                ]
                            })
                    }
                    if m.keeper { nominateForm(ctx, planner: p.id!, year: m.year, projects: m.projects) }
                }
            }
            C.section(ctx.t(PlannerPageText.reviews)) {
                if m.reviews.isEmpty {
                    C.empty(ctx.t(PlannerPageText.noReviews))
                } else {
                    C.table(
                        caption: ctx.t(PlannerPageText.reviews),
                        headers: [
                            ctx.t(PlannerPageText.colYear), ctx.t(PlannerPageText.colTotal),
                            ctx.t(PlannerPageText.colOutcome),
                        ],
                        rows: m.reviews.map { r in
                            [
                                C.text(String(r.year)), C.text(String(r.total)),
                                C.tag(
                                    ctx.t(r.passed ? PlannerPageText.pass : PlannerPageText.fail),
                                    tone: r.passed ? .ok : .warning),
                            ]
                        })
                }
            }
        }
    }

    /// A form that ends something with its reason, folded away so it is not pressed by chance.
    static func reasonForm(_ ctx: PageContext, _ action: String, summary: String, label: String, id: UUID)
        -> HTMLNode
    {
        H.el("details", [("class", "no-print")]) {
            H.el("summary", [("class", "button secondary")], text: summary)
            Forms.form(
                ctx, action: action,
                [
                    Forms.textArea(
                        ctx, "reason", label: label, max: 500, rows: 2, required: true, id: "reason-\(id.uuidString)"),
                    H.el("button", [("type", "submit"), ("class", "secondary")], text: summary),
                ])
        }
    }
}
