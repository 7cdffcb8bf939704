import Vapor
import YishiCore

/// The projects' views: a place's list, starting a project, the project with its workflow, the
/// district's workflows.
enum ProjectPages {
    struct Model: Sendable {
        var project: Project
        var template: WorkflowTemplate?
        var facts: StageFacts
        var needs: [Need]
        var documents: [ProjectDocument]
        var history: [ProjectMove]
        var manage: Bool
        var errors = FormErrors()
        var meetings: [Meeting] = []
        var meetingForm = MeetingRoutes.CallForm()
        var options: [DesignOption] = []
        var optionComments: [UUID: [DesignOptionComment]] = [:]
        var passedResolutions: [MeetingResolution] = []
        /// A resident of the place (or staff) may comment on the options.
        var mayComment = false
        var records: [ProjectRecord] = []
        var survey: ProjectSurveys.State? = nil
        /// Signed in: whether they follow it (nil: not), with text messages (true).
        var signedIn = false
        var following: Bool? = nil
        var followers = 0
        var members: [ProjectMember] = []
        /// Community planners have logged work on it: residents may rate them.
        var plannersWorked = false
    }

    static func kindName(_ ctx: PageContext, _ k: ProjectKind) -> String {
        switch k {
        case .microRenewal: ctx.t(ProjectText.kindMicroRenewal)
        case .microRetrofit: ctx.t(ProjectText.kindMicroRetrofit)
        case .microDesign: ctx.t(ProjectText.kindMicroDesign)
        case .microGovernance: ctx.t(ProjectText.kindMicroGovernance)
        }
    }

    static func initiatorName(_ ctx: PageContext, _ i: ProjectInitiator) -> String {
        switch i {
        case .government: ctx.t(ProjectText.initiatorGovernment)
        case .selfGovernance: ctx.t(ProjectText.initiatorSelfGovernance)
        case .partner: ctx.t(ProjectText.initiatorPartner)
        }
    }

    /// A requirement in plain words (pages and the API).
    static func describe(_ lang: Lang, _ r: StageRequirement) -> String {
        let or = lang == .zhHans ? "或" : " or "
        switch r {
        case .needs(let n): return ProjectText.reqNeeds.text(lang, [String(n)])
        case .meeting(let kinds, let minutes):
            let names = kinds.map { $0.name.text(lang) }.joined(separator: or)
            return (minutes ? ProjectText.reqMeetingMinutes : ProjectText.reqMeeting).text(lang, [names])
        case .decision(let kinds):
            return ProjectText.reqDecision.text(lang, [kinds.map { $0.name.text(lang) }.joined(separator: or)])
        case .notice: return ProjectText.reqNotice.text(lang)
        case .document(let name): return ProjectText.reqDocument.text(lang, [name.text(lang)])
        case .ownersVote: return ProjectText.reqOwnersVote.text(lang)
        case .funds: return ProjectText.reqFunds.text(lang)
        case .optionChosen: return ProjectText.reqOptionChosen.text(lang)
        case .accepted: return WorksText.reqAccepted.text(lang)
        case .survey: return WorksText.reqSurvey.text(lang)
        }
    }

    static func describe(_ ctx: PageContext, _ r: StageRequirement) -> String { describe(ctx.lang, r) }

    static func stageLine(_ lang: Lang, _ p: Project, _ t: WorkflowTemplate?) -> String {
        guard let t else { return p.templateKey }
        if p.stage >= t.stages.count { return ProjectText.done.text(lang) }
        return ProjectText.stageOf.text(
            lang, [String(p.stage + 1), String(t.stages.count), t.stages[p.stage].name.text(lang)])
    }

    static func stageLine(_ ctx: PageContext, _ p: Project, _ t: WorkflowTemplate?) -> String {
        stageLine(ctx.lang, p, t)
    }

    static func list(
        _ ctx: PageContext, node: TerritoryNode, projects: [Project], templates: [WorkflowTemplate], manage: Bool,
        page: Int = 0, more: Bool = false, figures: ProjectStatistics.Figures? = nil
    ) -> PageView {
        PageView(title: ctx.t(ProjectText.listTitle, node.name)) {
            H.el("p", [("class", "no-print")]) {
                if manage { C.linkButton(ctx.t(ProjectText.newTitle), Site.newProject(node: node.id!)) }
                if node.level >= .community {
                    C.linkButton(ctx.t(MapText.open), Site.planningMap(node.id!), primary: !manage)
                }
                C.linkButton(ctx.t(MeetingText.meetingsTitle), Site.nodeMeetings(node.id!), primary: false)
            }
            if let figures, page == 0, figures.projects > 0 { ProjectStatistics.view(ctx, figures) }
            if projects.isEmpty {
                C.empty(ctx.t(ProjectText.listEmpty))
            } else {
                H.el("ul", [("class", "cards")]) {
                    for p in projects {
                        H.el("li", [("class", "card")]) {
                            H.el("h3", [], [H.link(p.title, Site.project(p.id!))])
                            H.el("p", [("class", "tags")]) { C.tag(kindName(ctx, p.kind)) }
                            C.text(stageLine(ctx, p, templates.first { $0.key == p.templateKey }), muted: true)
                        }
                    }
                }
            }
            if page > 0 || more {
                C.pager(
                    ctx.t(ProjectText.title),
                    newer: page > 0
                        ? (ctx.t(ProjectText.newer), Site.nodeProjects(node.id!) + "?page=\(page - 1)") : nil,
                    older: more ? (ctx.t(ProjectText.older), Site.nodeProjects(node.id!) + "?page=\(page + 1)") : nil)
            }
        }
    }

    static func new(
        _ ctx: PageContext, node: TerritoryNode, needs: [NeedsService.Row], templates: [WorkflowTemplate],
        form: ProjectRoutes.NewForm, errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(ProjectText.newTitle), status: status) {
            C.text(ctx.t(ProjectText.newIntro), muted: true)
            Forms.summary(
                ctx, errors,
                order: ["needs", "title", "description", "kind", "initiator", "budget", "point", "template"])
            if needs.isEmpty {
                C.empty(ctx.t(ProjectText.noNeeds), action: (ctx.t(NeedText.title), Site.nodeNeeds(node.id!)))
            } else {
                Forms.form(
                    ctx, action: Site.projects,
                    [
                        H.void("input", [("type", "hidden"), ("name", "node"), ("value", node.id!.uuidString)]),
                        Forms.checkboxes(
                            ctx, "needs", legend: ctx.t(ProjectText.fieldNeeds),
                            options: needs.map {
                                (
                                    $0.id.uuidString,
                                    $0.title + " · " + ctx.t(NeedText.households, String($0.score.households))
                                )
                            }, checked: Set(form.needs), errors: errors, required: true),
                        Forms.field(
                            ctx, "title", label: ctx.t(ProjectText.fieldTitle), value: form.title ?? "", required: true,
                            errors: errors, attributes: [("maxlength", "100")]),
                        Forms.textArea(
                            ctx, "description", label: ctx.t(ProjectText.fieldDescription),
                            value: form.description ?? "", max: 2_000, rows: 4, errors: errors),
                        Forms.select(
                            ctx, "kind", label: ctx.t(ProjectText.fieldKind),
                            options: ProjectKind.allCases.map { ($0.rawValue, kindName(ctx, $0)) }, selected: form.kind,
                            required: true, errors: errors),
                        Forms.select(
                            ctx, "initiator", label: ctx.t(ProjectText.fieldInitiator),
                            options: ProjectInitiator.allCases.map { ($0.rawValue, initiatorName(ctx, $0)) },
                            selected: form.initiator ?? ProjectInitiator.selfGovernance.rawValue, required: true,
                            errors: errors, includeBlank: false),
                        Forms.field(
                            ctx, "budget", label: ctx.t(ProjectText.fieldBudget), value: form.budget ?? "",
                            errors: errors, hint: ctx.t(ProjectText.budgetHint), attributes: [("inputmode", "decimal")]),
                        Forms.field(
                            ctx, "point", label: ctx.t(ProjectText.fieldPoint), value: form.point ?? "",
                            errors: errors, hint: ctx.t(ProjectText.pointHint), attributes: [("inputmode", "decimal")]),
                        Forms.select(
                            ctx, "template", label: ctx.t(ProjectText.fieldTemplate),
                            options: templates.map { ($0.key, $0.name.text(ctx.lang)) },
                            selected: form.template, required: true, errors: errors),
                        Forms.submit(ctx.t(ProjectText.create)),
                    ])
            }
        }
    }

    static func project(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> PageView {
        let p = m.project
        let stages = m.template?.stages ?? []
        let current = p.stage < stages.count ? stages[p.stage] : nil
        let lacking = current.map { WorkflowRules.missing($0, m.facts) } ?? []
        return PageView(title: p.title, status: status) {
            H.el("p", [("class", "tags")]) {
                C.tag(kindName(ctx, p.kind))
                C.tag(m.template?.name.text(ctx.lang) ?? p.templateKey, tone: .ok)
            }
            HTMLNode.group(C.paragraphs(p.description))
            C.facts(
                [
                    (ctx.t(ProjectText.initiatorLabel), initiatorName(ctx, p.initiator)),
                    (ctx.t(ProjectText.stage), stageLine(ctx, p, m.template)),
                ] + (p.budgetFen.map { [(ctx.t(ProjectText.budgetLabel), Show.money(fen: $0))] } ?? [])
                    + (p.lat.flatMap { lat in p.lon.map { [(ctx.t(ProjectText.pointLabel), "\(lat), \($0)")] } } ?? []))
            follow(ctx, m)
            H.el("p", [], [H.link(ctx.t(FundPageText.moneyLink), Site.projectMoney(p.id!))])
            if m.plannersWorked {
                H.el("p", [], [H.link(ctx.t(PlannerFormText.rateLink), Site.plannerRate(p.id!))])
            }
            Forms.summary(
                ctx, m.errors,
                order: [
                    "reason", "name", "file", "kind", "date", "party", "method", "amount", "percent", "result",
                    "meeting",
                    "text", "photos", "role", "who",
                ])
            H.el("ol", [("class", "steps")]) {
                for (i, s) in stages.enumerated() {
                    H.el(
                        "li",
                        i == p.stage
                            ? [("class", "current"), ("aria-current", "step")]
                            : (i < p.stage ? [("class", "past")] : [])
                    ) {
                        HTMLNode.text((i < p.stage ? "✓ " : "") + s.name.text(ctx.lang))
                    }
                }
            }
            if let current {
                C.section(ctx.t(ProjectText.requirementsTitle)) {
                    if current.requires.isEmpty { C.text(ctx.t(ProjectText.met), muted: true) }
                    C.list(
                        current.requires.map { r in
                            [
                                C.tag(
                                    ctx.t(lacking.contains(r) ? ProjectText.missing : ProjectText.met),
                                    tone: lacking.contains(r) ? .warning : .ok),
                                .text(" " + describe(ctx, r)),
                            ]
                        })
                    if m.manage && lacking.isEmpty {
                        Forms.button(
                            ctx, action: Site.projectMove(p.id!), label: ctx.t(ProjectText.moveOn), secondary: false,
                            hidden: [("direction", "forward")])
                    }
                }
            } else {
                C.notice(ctx.t(ProjectText.finished), tone: .ok)
            }
            MeetingPages.projectMeetings(
                ctx, project: p, meetings: m.meetings, manage: m.manage, form: m.meetingForm, errors: m.errors)
            if m.manage && current != nil {
                H.el("details", [("class", "more no-print")]) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(ProjectText.noticeDraft))
                    Forms.form(
                        ctx, action: Site.projectNotices(p.id!),
                        [
                            Forms.field(
                                ctx, "title", label: ctx.t(NoticeText.fieldTitle), required: true, errors: m.errors,
                                attributes: [("maxlength", "100")], id: "notice-title"),
                            Forms.textArea(
                                ctx, "body", label: ctx.t(NoticeText.fieldBody), max: 5_000, rows: 4, required: true,
                                errors: m.errors),
                            Forms.field(
                                ctx, "days", label: ctx.t(NoticeText.fieldDays),
                                value: String(NoticePeriod.defaultDays),
                                type: "number", errors: m.errors, hint: ctx.t(NoticeText.daysHint), id: "notice-days"),
                            Forms.submit(ctx.t(NoticeText.create)),
                        ])
                }
            }
            workingGroup(ctx, m)
            options(ctx, m)
            works(ctx, m)
            review(ctx, m)
            C.section(ctx.t(ProjectText.linkedNeeds)) {
                C.list(
                    m.needs.map {
                        [
                            H.link($0.title, Site.need($0.id!)),
                            .text(" · " + ctx.t(NeedText.households, String($0.households))),
                        ]
                    })
            }
            C.section(ctx.t(ProjectText.documents)) {
                if m.documents.isEmpty {
                    C.text(ctx.t(ProjectText.documentsEmpty), muted: true)
                } else {
                    C.list(
                        m.documents.map { d in
                            [
                                H.link(d.name, Site.projectDocument(p.id!, document: d.id!)),
                                .text(
                                    " · " + (d.stage < stages.count ? stages[d.stage].name.text(ctx.lang) : "") + " · "
                                        + Show.dateTime(d.createdAt)),
                            ]
                        })
                    latestOnly(ctx, p, count: m.documents.count)
                }
                if m.manage && current != nil {
                    Forms.form(
                        ctx, action: Site.projectDocuments(p.id!), multipart: true,
                        [
                            Forms.field(
                                ctx, "name", label: ctx.t(ProjectText.documentName), required: true, errors: m.errors,
                                attributes: [("maxlength", "60")]),
                            Forms.files(
                                ctx, "file", label: ctx.t(ProjectText.documentFile), id: "document-file",
                                accept: "image/jpeg,image/png,image/webp,application/pdf", errors: m.errors,
                                single: true),
                            Forms.submit(ctx.t(ProjectText.documentAdd)),
                        ])
                }
            }
            C.section(ctx.t(ProjectText.history)) {
                C.timeline(
                    ctx.t(ProjectText.history),
                    m.history.map { mv in
                        let name =
                            mv.toStage < stages.count ? stages[mv.toStage].name.text(ctx.lang) : ctx.t(ProjectText.done)
                        return (
                            Show.dateTime(mv.createdAt),
                            mv.reason.map { ctx.t(ProjectText.historyBack, name, $0) }
                                ?? ctx.t(ProjectText.historyForward, name)
                        )
                    })
                latestOnly(ctx, p, count: m.history.count)
                if m.manage && p.stage > 0 {
                    Forms.form(
                        ctx, action: Site.projectMove(p.id!),
                        [
                            H.void("input", [("type", "hidden"), ("name", "direction"), ("value", "back")]),
                            Forms.textArea(
                                ctx, "reason", label: ctx.t(ProjectText.reason), max: 500, rows: 2, required: true,
                                errors: m.errors, hint: ctx.t(ProjectText.reasonHint)),
                            H.el(
                                "button", [("type", "submit"), ("class", "secondary")],
                                text: ctx.t(ProjectText.moveBack)),
                        ])
                }
            }
        }
    }

    static func workflows(
        _ ctx: PageContext, district: TerritoryNode, templates: [WorkflowTemplate],
        refused: [WorkflowRules.Problem] = []
    ) -> PageView {
        PageView(
            title: ctx.paren(ctx.t(ProjectText.templatesTitle), district.name),
            status: refused.isEmpty ? .ok : .unprocessableEntity
        ) {
            for t in templates {
                C.section(t.name.text(ctx.lang)) {
                    C.text(t.source.text(ctx.lang), muted: true)
                    H.el("ol", [], t.stages.map { H.el("li", text: $0.name.text(ctx.lang)) })
                }
            }
            C.section(ctx.t(ProjectText.templateAdd)) {
                if !refused.isEmpty {
                    C.notice(
                        ctx.t(ProjectText.templateRefused, refused.map { "\($0)" }.joined(separator: "; ")),
                        tone: .error)
                }
                Forms.form(
                    ctx, action: Site.projectWorkflows(district.id!), multipart: true,
                    [
                        Forms.field(
                            ctx, "file", label: ctx.t(ProjectText.templateFile), type: "file",
                            hint: ctx.t(ProjectText.templateHint), attributes: [("accept", "application/json,.json")]),
                        Forms.submit(ctx.t(ProjectText.templateAdd)),
                    ])
            }
        }
    }
}
