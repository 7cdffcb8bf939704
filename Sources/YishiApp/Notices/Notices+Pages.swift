import Vapor
import YishiCore

/// The notices' views: a place's list, the draft form, a notice with its objections and answers,
/// and its A4 poster. Notices are public: no objector's name is shown, not even to staff here.
enum NoticePages {
    struct Model: Sendable {
        var notice: PublicNotice
        var objections: [NoticeObjection]
        var files: [(id: UUID, name: String, type: String)]
        var outcome: NoticeOutcome?
        var subject: [HTMLNode]
        var posterSubject: [HTMLNode]
        /// The period is running.
        var open: Bool
        /// The viewer is a resident who may object to it.
        var mayObject: Bool
        var manage: Bool
        var signedIn: Bool
        /// The notice's address, printed on its poster.
        var link: String
        /// Where the committee can be found, printed on the poster, when known.
        var office: (name: String, address: String, phone: String)? = nil
        var form = NoticeRoutes.ObjectionForm()
        var errors = FormErrors()
    }

    static func stateTag(_ ctx: PageContext, _ n: PublicNotice, now: Date) -> HTMLNode {
        guard let p = n.period else { return C.tag(ctx.t(NoticeText.draft), tone: .warning) }
        return p.hasEnded(at: now)
            ? C.tag(ctx.t(NoticeText.ended))
            : C.tag(ctx.t(NoticeText.running), tone: .ok)
    }

    static func period(_ ctx: PageContext, _ n: PublicNotice) -> String {
        guard let p = n.period else { return ctx.t(NoticeText.draft) }
        return ctx.t(NoticeText.period, unbroken(Show.dateTime(p.starts)), unbroken(Show.dateTime(p.ends)))
    }

    /// A date that does not break at its hyphens on a narrow screen.
    static func unbroken(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "\u{2011}") }

    static func list(_ ctx: PageContext, node: TerritoryNode?, notices: [PublicNotice], now: Date, manage: Bool)
        -> PageView
    {
        PageView(title: node.map { ctx.t(NoticeText.listTitle, $0.name) } ?? ctx.t(NoticeText.title)) {
            if manage, let node {
                H.el("p", [], [C.linkButton(ctx.t(NoticeText.newTitle), Site.newNotice(node: node.id!))])
            }
            if notices.isEmpty {
                C.empty(ctx.t(NoticeText.listEmpty))
            } else {
                H.el("ul", [("class", "cards")]) {
                    for n in notices {
                        H.el("li", [("class", "card")]) {
                            H.el("h3", [], [H.link(n.title, Site.notice(n.id!))])
                            H.el("p", [("class", "tags")]) { stateTag(ctx, n, now: now) }
                            C.text(period(ctx, n) + " · " + ctx.t(NoticeText.publishedBy, n.node.name), muted: true)
                        }
                    }
                }
            }
        }
    }

    static func draft(
        _ ctx: PageContext, node: TerritoryNode, form: NoticeRoutes.DraftForm, errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(NoticeText.newTitle), status: status) {
            C.text(ctx.t(NoticeText.publishedBy, node.name), muted: true)
            Forms.summary(ctx, errors, order: ["title", "body", "days", "files"])
            Forms.form(
                ctx, action: Site.notices, multipart: true,
                [
                    H.void("input", [("type", "hidden"), ("name", "node"), ("value", node.id!.uuidString)]),
                    Forms.field(
                        ctx, "title", label: ctx.t(NoticeText.fieldTitle), value: form.title ?? "", required: true,
                        errors: errors, attributes: [("maxlength", "100")]),
                    Forms.textArea(
                        ctx, "body", label: ctx.t(NoticeText.fieldBody), value: form.body ?? "", max: 5_000, rows: 8,
                        required: true, errors: errors),
                    Forms.field(
                        ctx, "days", label: ctx.t(NoticeText.fieldDays),
                        value: form.days ?? String(NoticePeriod.defaultDays), type: "number", errors: errors,
                        hint: ctx.t(NoticeText.daysHint),
                        attributes: [("min", "0"), ("max", "90"), ("inputmode", "numeric")]),
                    Forms.files(
                        ctx, "files", label: ctx.t(NoticeText.fieldFiles),
                        accept: "image/jpeg,image/png,image/webp,application/pdf",
                        errors: errors, hint: ctx.t(NoticeText.filesHint)),
                    Forms.submit(ctx.t(NoticeText.create)),
                ])
        }
    }

    static func outcomeLine(_ ctx: PageContext, _ o: NoticeOutcome?) -> HTMLNode {
        switch o {
        case nil: C.notice(ctx.t(NoticeText.draft), tone: .warning)
        case .running(let all, let waiting)?: C.notice(ctx.t(NoticeText.runningCount, String(all), String(waiting)))
        case .noObjection?: C.notice(ctx.t(NoticeText.outcomeNoObjection), tone: .ok)
        case .answered(let all)?: C.notice(ctx.t(NoticeText.outcomeAnswered, String(all)), tone: .ok)
        case .waiting(let all, let waiting)?:
            C.notice(ctx.t(NoticeText.outcomeWaiting, String(all), String(waiting)), tone: .warning)
        }
    }

    static func notice(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> PageView {
        let n = m.notice
        return PageView(title: n.title, status: status) {
            C.text(ctx.t(NoticeText.publishedBy, n.node.name) + " · " + period(ctx, n), muted: true)
            outcomeLine(ctx, m.outcome)
            Forms.summary(ctx, m.errors, order: ["text", "resident", "channel", "answer"])
            if m.manage && n.status == .draft {
                H.el(
                    "p", [],
                    [
                        Forms.button(
                            ctx, action: Site.noticePublish(n.id!), label: ctx.t(NoticeText.publish), secondary: false)
                    ])
            }
            H.el("div", [("class", "notice-body")], C.paragraphs(n.body))
            HTMLNode.group(m.subject)
            if !m.files.isEmpty {
                C.section(ctx.t(NoticeText.files)) {
                    C.list(m.files.map { [H.link($0.name, Site.noticeFile(n.id!, file: $0.id))] })
                }
            }
            if n.status == .published {
                H.el(
                    "p", [("class", "no-print")],
                    [C.linkButton(ctx.t(NoticeText.poster), Site.noticePoster(n.id!), primary: false)])
                objections(ctx, m)
            }
        }
    }

    static func objections(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        let n = m.notice
        return C.section(ctx.t(NoticeText.objectionsTitle)) {
            if m.objections.isEmpty {
                // Once ended, the outcome at the top already says there was none.
                if m.open { C.text(ctx.t(NoticeText.noObjectionsYet), muted: true) }
            } else {
                H.el("ol", [("class", "objections")]) {
                    for o in m.objections {
                        H.el("li", [("class", "card")]) {
                            H.el("p", text: o.text)
                            C.text(
                                ctx.t(
                                    NoticeText.received, Show.dateTime(o.createdAt),
                                    ctx.name(YishiCore.Channel(rawValue: o.channel) ?? .online)), muted: true)
                            if let a = o.answer {
                                H.el(
                                    "p", [("class", "answer")],
                                    text: ctx.paren(ctx.t(NoticeText.answerBy, a), Show.dateTime(o.answeredAt)))
                            } else {
                                C.tag(ctx.t(NoticeText.notAnswered), tone: .warning)
                            }
                            if m.manage {
                                Forms.form(
                                    ctx, action: Site.noticeAnswer(n.id!, objection: o.id!),
                                    [
                                        Forms.textArea(
                                            ctx, "answer",
                                            label: ctx.t(
                                                o.answer != nil ? NoticeText.changeAnswer : NoticeText.answerLabel),
                                            value: o.answer ?? "", max: 1_000, rows: 3, required: true,
                                            id: "answer-\(o.id!.uuidString)"),
                                        Forms.submit(
                                            ctx.t(o.answer != nil ? NoticeText.changeAnswer : NoticeText.answer)),
                                    ])
                            }
                        }
                    }
                }
            }
            if m.mayObject {
                Forms.form(
                    ctx, action: Site.noticeObjections(n.id!),
                    [
                        Forms.textArea(
                            ctx, "text", label: ctx.t(NoticeText.objectText), value: m.form.text ?? "", max: 500,
                            required: true, errors: m.errors, hint: ctx.t(NoticeText.objectHint)),
                        Forms.submit(ctx.t(NoticeText.object)),
                    ])
            } else if m.open && !m.signedIn {
                H.el(
                    "p", [],
                    [
                        .text(ctx.t(NoticeText.signInToObject) + " "),
                        H.link(ctx.t(NoticeText.signIn), Site.signIn + "?next=" + H.query(Site.notice(n.id!))),
                    ])
            } else if !m.open && !m.manage {
                C.text(
                    ctx.t(n.status == .published ? NoticeText.objectionEnded : NoticeText.objectionClosed), muted: true)
            }
            if m.manage && m.open {
                C.section(ctx.t(NoticeText.paperTitle), level: 3) {
                    Forms.form(
                        ctx, action: Site.noticeObjections(n.id!),
                        [
                            Forms.field(
                                ctx, "resident", label: ctx.t(NoticeText.residentOptional),
                                value: m.form.resident ?? "",
                                errors: m.errors, hint: ctx.t(NoticeText.residentHint)),
                            Forms.select(
                                ctx, "channel", label: ctx.t(PeopleText.channel),
                                options: ResidentPage.channels.map { ($0.rawValue, ctx.name($0)) },
                                selected: m.form.channel ?? YishiCore.Channel.paper.rawValue, required: true,
                                errors: m.errors, includeBlank: false),
                            Forms.textArea(
                                ctx, "text", label: ctx.t(NoticeText.paperText), value: m.form.text ?? "", max: 500,
                                required: true, errors: m.errors, id: "paper-text"),
                            Forms.submit(ctx.t(NoticeText.paperSubmit)),
                        ])
                }
            }
        }
    }

    /// The notice as an A4 sheet for the notice board: large type, the period, the outcome so far,
    /// and where to object. The screen shows it framed; printing gives the sheet alone.
    static func poster(_ ctx: PageContext, _ m: Model) -> PageView {
        let n = m.notice
        return PageView(title: n.title) {
            H.el("p", [("class", "no-print")], [H.link(ctx.t(CommonText.back), Site.notice(n.id!))])
            H.el("article", [("class", "poster")]) {
                H.el(
                    "p", [("class", ctx.lang == .zhHans ? "poster-kind spaced" : "poster-kind")],
                    text: ctx.t(NoticeText.posterKind))
                H.el("h2", text: unbroken(n.title))
                H.el("p", [("class", "poster-period")], text: period(ctx, n))
                H.el("div", [("class", "notice-body")], C.paragraphs(n.body))
                HTMLNode.group(m.posterSubject)
                H.el("p", [("class", "poster-footer")], text: ctx.t(NoticeText.posterFooter, m.link))
                if let office = m.office {
                    H.el(
                        "p", [("class", "poster-office")],
                        text: ctx.t(NoticeText.posterOffice, office.name + " " + office.address, office.phone))
                }
                H.el("p", [("class", "poster-from")], text: n.node.name + " · " + Show.dateTime(n.startsAt))
            }
        }
    }
}
