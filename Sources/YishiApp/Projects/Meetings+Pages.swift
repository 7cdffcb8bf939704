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
    }

    static func statusText(_ ctx: PageContext, _ status: String) -> String {
        switch status {
        case TallyStatus.passed.rawValue: ctx.t(MeetingText.statusPassed)
        case TallyStatus.noQuorum.rawValue: ctx.t(MeetingText.statusNoQuorum)
        default: ctx.t(MeetingText.statusFailed)
        }
    }

    static func meeting(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> PageView {
        let mt = m.meeting
        return PageView(title: mt.title, status: status) {
            H.el("p", [("class", "tags")]) {
                C.tag(mt.kind.name.text(ctx.lang))
                C.tag(ctx.t(mt.held ? MeetingText.held : MeetingText.planned), tone: mt.held ? .ok : .info)
            }
            if mt.kind.isInternal { C.text(ctx.t(MeetingText.internalNote), muted: true) }
            C.facts([(ctx.t(MeetingText.startsAt), Show.dateTime(mt.startsAt)), (ctx.t(MeetingText.venue), mt.venue)])
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
                    "code", "resident", "count", "minutes", "resolution", "electorate", "yes", "options", "method",
                    "maxPicks", "ballot", "spoilt",
                ])
            C.section(ctx.t(MeetingText.signIn)) {
                C.text(ctx.t(MeetingText.attendance, String(m.attendance.total)))
                if m.manage {
                    H.el(
                        "p", [("class", "no-print")],
                        [C.linkButton(ctx.t(MeetingText.sheet), Site.meetingSheet(mt.id!), primary: false)])
                    if !mt.held && !mt.kind.isInternal {
                        Forms.button(ctx, action: Site.meetingNotice(mt.id!), label: ctx.t(MeetingText.announce))
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
                if m.manage {
                    Forms.form(
                        ctx, action: Site.meetingMinutes(mt.id!),
                        [
                            Forms.textArea(
                                ctx, "minutes", label: ctx.t(MeetingText.minutes), value: mt.minutes ?? "", max: 10_000,
                                rows: 6, required: true, errors: m.errors),
                            Forms.submit(ctx.t(MeetingText.minutesSave)),
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
                        C.list(r.conditions.map { "\($0.check) \($0.passed ? "✓" : "✗")" })
                    }
                }
                if m.manage && mt.kind != .ownersAssembly && mt.kind != .ownersRepresentatives {
                    Forms.form(
                        ctx, action: Site.meetingResolutions(mt.id!),
                        [
                            Forms.field(
                                ctx, "resolution", label: ctx.t(MeetingText.resolution), required: true,
                                errors: m.errors),
                            mt.kind == .residentsAssembly
                                ? Forms.field(
                                    ctx, "electorate", label: ctx.t(MeetingText.electorate), type: "number",
                                    required: true,
                                    errors: m.errors, hint: ctx.t(MeetingText.electorateHint)) : .group([]),
                            Forms.field(
                                ctx, "present", label: ctx.t(MeetingText.present), type: "number", errors: m.errors,
                                hint: ctx.t(MeetingText.presentHint)),
                            Forms.field(
                                ctx, "yes", label: ctx.t(MeetingText.yes), type: "number", required: true,
                                errors: m.errors),
                            Forms.submit(ctx.t(MeetingText.resolve)),
                        ])
                }
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
            }
            if manage {
                H.el("details", [("class", "more no-print")] + (errors.isEmpty ? [] : [("open", nil)])) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(MeetingText.callTitle))
                    Forms.form(
                        ctx, action: Site.projectMeetings(project.id!),
                        [
                            Forms.select(
                                ctx, "kind", label: ctx.t(MeetingText.kind),
                                options: MeetingKind.allCases.map { ($0.rawValue, $0.name.text(ctx.lang)) },
                                selected: form.kind, required: true, errors: errors),
                            Forms.field(
                                ctx, "title", label: ctx.t(MeetingText.fieldTitle), value: form.title ?? "",
                                required: true,
                                errors: errors),
                            Forms.field(
                                ctx, "startsAt", label: ctx.t(MeetingText.startsAt), value: form.startsAt ?? "",
                                required: true, errors: errors, hint: ctx.t(MeetingText.startsHint)),
                            Forms.field(
                                ctx, "venue", label: ctx.t(MeetingText.venue), value: form.venue ?? "", required: true,
                                errors: errors),
                            Forms.textArea(
                                ctx, "agenda", label: ctx.t(MeetingText.agenda), value: form.agenda ?? "", max: 2_000,
                                rows: 3, required: true, errors: errors),
                            Forms.submit(ctx.t(MeetingText.call)),
                        ])
                }
            }
        }
    }
}
