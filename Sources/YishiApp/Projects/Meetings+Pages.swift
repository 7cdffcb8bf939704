import Vapor
import YishiCore

/// The meeting page: when and where, its agenda, sign-in (the code for residents; the roster and
/// a paper count for staff, with the code shown to announce), attendance in person-times, minutes
/// and resolutions with every condition of their rule.
enum MeetingPages {
    struct Model: Sendable {
        var meeting: Meeting
        var project: Project?
        var attendance: (total: Int, byWay: [MeetingAttendance.Way: Int])
        var resolutions: [MeetingResolution]
        var manage: Bool
        /// A resident may sign in with the code now.
        var mayCode: Bool
        /// The code works now (staff show it to announce).
        var codeValid = false
        var errors = FormErrors()
        var votes: [VoteView] = []
        /// The project's design options (to open a vote between them).
        var projectOptions: [DesignOption] = []
        var items: [MeetingItem] = []
        /// At a village (its meetings also count households).
        var village = false
        /// The meeting has begun (from an hour before its start): its record may be kept.
        var started = true
        /// Residents signed in (for staff ticking hands), and the hands each resolution counted by name.
        var attendees: [(id: UUID, name: String)] = []
        var hands: [UUID: Int] = [:]
    }

    static func statusText(_ ctx: PageContext, _ status: String) -> String {
        switch status {
        case TallyStatus.passed.rawValue: ctx.t(MeetingText.statusPassed)
        case TallyStatus.noQuorum.rawValue: ctx.t(MeetingText.statusNoQuorum)
        default: ctx.t(MeetingText.statusFailed)
        }
    }

    static func levelName(_ ctx: PageContext, _ l: VenueLevel) -> String {
        switch l {
        case .subdistrict: ctx.t(MeetingText.levelSubdistrict)
        case .community: ctx.t(MeetingText.levelCommunity)
        case .compound: ctx.t(MeetingText.levelCompound)
        case .buildingGroup: ctx.t(MeetingText.levelBuildingGroup)
        }
    }

    /// Views expressed and follow-up actions (owner, due date, done), and staff's forms for both.
    static func items(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        let mt = m.meeting
        let views = m.items.filter { $0.kind == .view }
        let actions = m.items.filter { $0.kind == .action }
        return .group([
            C.section(ctx.t(MeetingText.views)) {
                if views.isEmpty { C.text(ctx.t(MeetingText.noViews), muted: true) }
                C.list(views.map(\.text))
                if m.manage && m.started {
                    Forms.form(
                        ctx, action: Site.meetingItems(mt.id!),
                        [
                            H.void("input", [("type", "hidden"), ("name", "kind"), ("value", "view")]),
                            Forms.textArea(
                                ctx, "view", label: ctx.t(MeetingText.viewText), max: 1_000, rows: 2, required: true,
                                errors: m.errors),
                            Forms.submit(ctx.t(MeetingText.viewAdd)),
                        ])
                }
            },
            C.section(ctx.t(MeetingText.actions)) {
                if actions.isEmpty { C.text(ctx.t(MeetingText.noActions), muted: true) }
                C.list(
                    actions.map { a in
                        [
                            .text(ctx.t(MeetingText.actionLine, a.text, a.owner ?? "", a.dueOn ?? "") + " "),
                            a.doneAt != nil
                                ? C.tag(ctx.t(MeetingText.done), tone: .ok)
                                : (m.manage
                                    ? Forms.button(
                                        ctx, action: Site.itemDone(a.id!), label: ctx.t(MeetingText.markDone))
                                    : .group([])),
                        ]
                    })
                if m.manage && m.started {
                    Forms.form(
                        ctx, action: Site.meetingItems(mt.id!),
                        [
                            H.void("input", [("type", "hidden"), ("name", "kind"), ("value", "action")]),
                            Forms.field(
                                ctx, "action", label: ctx.t(MeetingText.actionText), required: true, errors: m.errors),
                            Forms.field(
                                ctx, "owner", label: ctx.t(MeetingText.owner), required: true, errors: m.errors),
                            Forms.field(
                                ctx, "due", label: ctx.t(MeetingText.due), required: true, errors: m.errors,
                                hint: ctx.t(WorksText.dateHint)),
                            Forms.submit(ctx.t(MeetingText.actionAdd)),
                        ])
                }
            },
        ])
    }

    static func meeting(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> PageView {
        let mt = m.meeting
        return PageView(title: mt.title, status: status) {
            H.el("p", [("class", "tags")]) {
                C.tag(mt.kind.name.text(ctx.lang))
                C.tag(ctx.t(mt.held ? MeetingText.held : MeetingText.planned), tone: mt.held ? .ok : .info)
            }
            if mt.kind.isInternal { C.text(ctx.t(MeetingText.internalNote), muted: true) }
            C.facts(
                [(ctx.t(MeetingText.startsAt), Show.dateTime(mt.startsAt)), (ctx.t(MeetingText.venue), mt.venue)]
                    + (mt.venueLevel.flatMap(VenueLevel.init(rawValue:)).map {
                        [(ctx.t(MeetingText.venueLevel), levelName(ctx, $0))]
                    } ?? []) + (mt.invited.map { [(ctx.t(HonourText.invited), $0)] } ?? []))
            if let p = m.project {
                H.el(
                    "p", [],
                    [
                        .text(ctx.t(ProjectText.projectLabel) + (ctx.lang == .zhHans ? "：" : ": ")),
                        H.link(p.title, Site.project(p.id!)),
                    ])
            }
            C.section(ctx.t(MeetingText.agenda)) { HTMLNode.group(C.paragraphs(mt.agenda)) }
            Forms.summary(
                ctx, m.errors,
                order: [
                    "code", "resident", "count", "minutes", "resolution", "basis", "electorate", "households",
                    "householdsPresent", "hands", "yes", "view", "action", "owner", "due", "options", "method",
                    "maxPicks",
                    "ballot", "spoilt", "files",
                ])
            C.section(ctx.t(MeetingText.signIn)) {
                C.text(ctx.t(MeetingText.attendance, String(m.attendance.total)))
                if m.manage {
                    H.el(
                        "p", [("class", "no-print")],
                        [C.linkButton(ctx.t(MeetingText.sheet), Site.meetingSheet(mt.id!), primary: false)])
                    if !mt.held && !mt.kind.isInternal {
                        H.el(
                            "p", [("class", "no-print")],
                            [Forms.button(ctx, action: Site.meetingNotice(mt.id!), label: ctx.t(MeetingText.announce))])
                    }
                    C.text(
                        ctx.t(
                            MeetingText.attendanceBy, String(m.attendance.byWay[.code] ?? 0),
                            String(m.attendance.byWay[.roster] ?? 0), String(m.attendance.byWay[.paper] ?? 0)),
                        muted: true)
                    if m.codeValid {
                        C.notice(ctx.t(MeetingText.code, mt.code))
                        C.text(ctx.t(MeetingText.codeHint), muted: true)
                    }
                    Forms.form(
                        ctx, action: Site.meetingSignIn(mt.id!),
                        [
                            Forms.field(
                                ctx, "resident", label: ctx.t(MeetingText.roster), errors: m.errors,
                                hint: ctx.t(MeetingText.rosterHint)),
                            Forms.submit(ctx.t(MeetingText.signIn)),
                        ])
                    Forms.form(
                        ctx, action: Site.meetingSignIn(mt.id!),
                        [
                            Forms.field(
                                ctx, "count", label: ctx.t(MeetingText.paper), type: "number", errors: m.errors,
                                hint: ctx.t(MeetingText.paperHint),
                                attributes: [("min", "1"), ("inputmode", "numeric")]),
                            Forms.submit(ctx.t(MeetingText.paperSubmit)),
                        ])
                } else if m.mayCode {
                    Forms.form(
                        ctx, action: Site.meetingSignIn(mt.id!),
                        [
                            Forms.field(
                                ctx, "code", label: ctx.t(MeetingText.signInCode), required: true, errors: m.errors,
                                attributes: [
                                    ("inputmode", "numeric"), ("autocomplete", "one-time-code"), ("maxlength", "6"),
                                ]),
                            Forms.submit(ctx.t(MeetingText.signIn)),
                        ])
                }
            }
            C.section(ctx.t(MeetingText.minutes)) {
                if let text = mt.minutes, !text.isEmpty { HTMLNode.group(C.paragraphs(text)) }
                if m.manage && !m.started { C.text(ctx.t(MeetingText.notStarted), muted: true) }
                let files = m.items.filter { $0.kind == .file }
                if !files.isEmpty { C.list(files.map { [H.link($0.text, Site.itemFile($0.id!))] }) }
                if m.manage && m.started {
                    Forms.form(
                        ctx, action: Site.meetingMinutes(mt.id!),
                        [
                            Forms.textArea(
                                ctx, "minutes", label: ctx.t(MeetingText.minutes), value: mt.minutes ?? "", max: 10_000,
                                rows: 6, required: true, errors: m.errors),
                            Forms.submit(ctx.t(MeetingText.minutesSave)),
                        ])
                    Forms.form(
                        ctx, action: Site.meetingFiles(mt.id!), multipart: true,
                        [
                            Forms.files(
                                ctx, "files", label: ctx.t(MeetingText.minutesFiles), id: "minutes-files",
                                accept: "image/jpeg,image/png,image/webp,application/pdf", errors: m.errors,
                                hint: ctx.t(WorksText.photosHint)),
                            Forms.submit(ctx.t(MeetingText.minutesFilesAdd)),
                        ])
                }
            }
            C.section(ctx.t(MeetingText.resolutions)) {
                if m.resolutions.isEmpty { C.text(ctx.t(MeetingText.noResolutions), muted: true) }
                for r in m.resolutions {
                    H.el("div", [("class", "card")]) {
                        H.el("p", text: r.text)
                        C.tag(statusText(ctx, r.status), tone: r.passed ? .ok : .warning)
                        C.text(ctx.t(MeetingText.countsLine, String(r.yes), String(r.present)))
                        if let n = m.hands[r.id!], n > 0 {
                            C.text(ctx.t(MeetingText.handsLine, String(n)), muted: true)
                        }
                        C.list(r.conditions.map { $0.plain(ctx.lang) })
                    }
                }
                if m.manage && m.started && mt.kind != .ownersAssembly && mt.kind != .ownersRepresentatives {
                    Forms.form(
                        ctx, action: Site.meetingResolutions(mt.id!),
                        [
                            Forms.field(
                                ctx, "resolution", label: ctx.t(MeetingText.resolution), required: true,
                                errors: m.errors),
                            mt.kind == .residentsAssembly && !m.village
                                ? Forms.select(
                                    ctx, "basis", label: ctx.t(MeetingText.basis),
                                    options: [
                                        ("adults", ctx.t(MeetingText.basisAdults)),
                                        ("households", ctx.t(MeetingText.basisHouseholds)),
                                        ("groupRepresentatives", ctx.t(MeetingText.basisGroups)),
                                    ], selected: "adults", required: true, errors: m.errors, includeBlank: false,
                                    hint: ctx.t(MeetingText.basisHint)) : .group([]),
                            MeetingRules.needs(mt.kind, village: m.village).electorate
                                ? Forms.field(
                                    ctx, "electorate",
                                    label: ctx.t(m.village ? MeetingText.villageElectorate : MeetingText.electorate),
                                    type: "number", errors: m.errors, hint: ctx.t(MeetingText.electorateHint))
                                : .group([]),
                            MeetingRules.needs(mt.kind, village: m.village).households
                                ? .group([
                                    Forms.field(
                                        ctx, "households", label: ctx.t(MeetingText.households), type: "number",
                                        errors: m.errors, hint: ctx.t(MeetingText.householdsHint)),
                                    Forms.field(
                                        ctx, "householdsPresent", label: ctx.t(MeetingText.householdsPresent),
                                        type: "number", required: true, errors: m.errors),
                                ]) : .group([]),
                            Forms.field(
                                ctx, "present", label: ctx.t(MeetingText.present), type: "number", errors: m.errors,
                                hint: ctx.t(MeetingText.presentHint)),
                            m.attendees.isEmpty
                                ? .group([])
                                : Forms.checkboxes(
                                    ctx, "hands", legend: ctx.t(MeetingText.hands),
                                    options: m.attendees.map { ($0.id.uuidString, $0.name) }, checked: [],
                                    errors: m.errors, hint: ctx.t(MeetingText.handsHint), row: true),
                            Forms.field(
                                ctx, "yes", label: ctx.t(m.attendees.isEmpty ? MeetingText.yes : MeetingText.yesMore),
                                type: "number", required: m.attendees.isEmpty, errors: m.errors),
                            Forms.submit(ctx.t(MeetingText.resolve)),
                        ])
                }
            }
            items(ctx, m)
            if m.manage && mt.held && !mt.kind.isInternal {
                H.el(
                    "p", [("class", "no-print")],
                    [Forms.button(ctx, action: Site.meetingOutcome(mt.id!), label: ctx.t(MeetingText.outcome))])
            }
            if m.project != nil && (m.manage || !m.votes.isEmpty) { votes(ctx, m) }
        }
    }

    /// The A4 sign-in sheet: the meeting, then a numbered line per household with blank name and signature.
    static func sheet(_ ctx: PageContext, _ mt: Meeting, households: [(building: String, unit: String)]) -> PageView {
        PageView(title: mt.title) {
            H.el("p", [("class", "no-print")], [H.link(ctx.t(CommonText.back), Site.meeting(mt.id!))])
            H.el("article", [("class", "poster sheet")]) {
                H.el("p", [("class", "poster-kind")], text: ctx.t(MeetingText.sheetKind))
                H.el("h2", text: mt.title)
                H.el("p", [("class", "poster-period")], text: Show.dateTime(mt.startsAt) + " · " + mt.venue)
                Forms.table(
                    caption: ctx.t(MeetingText.sheetKind),
                    headers: [
                        "#", ctx.t(MeetingText.sheetBuilding), ctx.t(MeetingText.sheetUnit),
                        ctx.t(MeetingText.sheetName),
                        ctx.t(MeetingText.sheetSignature),
                    ],
                    rows: households.enumerated().map { i, h in
                        [.text(String(i + 1)), .text(h.building), .text(h.unit), .text(""), .text("")]
                    })
                H.el("p", [("class", "poster-from")], text: ctx.t(MeetingText.sheetCount, String(households.count)))
            }
        }
    }

    /// A place's meetings (for projects or not, newest first) and, for staff, calling one that
    /// belongs to no project — a building group's own meeting, a joint meeting.
    static func placeMeetings(
        _ ctx: PageContext, node: TerritoryNode, meetings: [Meeting], manage: Bool, form: MeetingRoutes.CallForm,
        errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.paren(ctx.t(MeetingText.meetingsTitle), node.name), status: status) {
            if meetings.isEmpty { C.empty(ctx.t(MeetingText.noMeetings)) }
            C.list(
                meetings.map { mt in
                    [
                        H.link(mt.title, Site.meeting(mt.id!)),
                        .text(" · " + mt.kind.name.text(ctx.lang) + " · " + Show.dateTime(mt.startsAt) + " "),
                        C.tag(ctx.t(mt.held ? MeetingText.held : MeetingText.planned), tone: mt.held ? .ok : .info),
                    ]
                })
            if manage {
                callForm(
                    ctx, action: Site.nodeMeetings(node.id!), summary: ctx.t(MeetingText.call), form: form,
                    errors: errors)
            }
        }
    }

    /// The form that calls a meeting (for a project, or at a place).
    static func callForm(
        _ ctx: PageContext, action: String, summary: String, form: MeetingRoutes.CallForm, errors: FormErrors
    ) -> HTMLNode {
        H.el("details", [("class", "more no-print")] + (errors.isEmpty ? [] : [("open", nil)])) {
            H.el("summary", [("class", "button secondary")], text: summary)
            Forms.form(
                ctx, action: action,
                [
                    Forms.select(
                        ctx, "kind", label: ctx.t(MeetingText.kind),
                        options: MeetingKind.allCases.map { ($0.rawValue, $0.name.text(ctx.lang)) },
                        selected: form.kind, required: true, errors: errors),
                    Forms.field(
                        ctx, "title", label: ctx.t(MeetingText.fieldTitle), value: form.title ?? "", required: true,
                        errors: errors),
                    Forms.field(
                        ctx, "startsAt", label: ctx.t(MeetingText.startsAt), value: form.startsAt ?? "",
                        required: true, errors: errors, hint: ctx.t(MeetingText.startsHint)),
                    Forms.field(
                        ctx, "venue", label: ctx.t(MeetingText.venue), value: form.venue ?? "", required: true,
                        errors: errors),
                    Forms.select(
                        ctx, "venueLevel", label: ctx.t(MeetingText.venueLevel),
                        options: VenueLevel.allCases.map { ($0.rawValue, levelName(ctx, $0)) },
                        selected: form.venueLevel ?? VenueLevel.community.rawValue, errors: errors),
                    Forms.textArea(
                        ctx, "agenda", label: ctx.t(MeetingText.agenda), value: form.agenda ?? "", max: 2_000,
                        rows: 3, required: true, errors: errors),
                    Forms.submit(ctx.t(MeetingText.call)),
                ])
        }
    }

    /// The project page's part: its meetings, and calling one.
    static func projectMeetings(
        _ ctx: PageContext, project: Project, meetings: [Meeting], manage: Bool, form: MeetingRoutes.CallForm,
        errors: FormErrors
    ) -> HTMLNode {
        C.section(ctx.t(MeetingText.meetingsTitle)) {
            if meetings.isEmpty {
                C.text(ctx.t(MeetingText.noMeetings), muted: true)
            } else {
                C.list(
                    meetings.map { mt in
                        [
                            H.link(mt.title, Site.meeting(mt.id!)),
                            .text(" · " + mt.kind.name.text(ctx.lang) + " · " + Show.dateTime(mt.startsAt) + " "),
                            C.tag(ctx.t(mt.held ? MeetingText.held : MeetingText.planned), tone: mt.held ? .ok : .info),
                        ]
                    })
                ProjectPages.latestOnly(ctx, project, count: meetings.count)
            }
            if manage {
                callForm(
                    ctx, action: Site.projectMeetings(project.id!), summary: ctx.t(MeetingText.callTitle), form: form,
                    errors: errors)
            }
        }
    }
}
