import Vapor
import YishiCore

/// The questionnaires' views: a place's list, the draft form, the questionnaire (building it,
/// answering it, entering a paper form) and its results with a chart per question.
enum QuestionnairePages {
    struct Model: Sendable {
        var questionnaire: Questionnaire
        var now: Date
        var manage: Bool
        var mayAnswer: Bool
        var answered: Bool
        var signedIn: Bool
        var errors = FormErrors()
        var raw: [Int: [String]] = [:]
        var questionForm = QuestionnaireRoutes.QuestionForm()
        /// The kinds of need written answers may become (the district's).
        var categories: [NeedCategory] = NeedCategory.seeded
    }

    static func stateTag(_ ctx: PageContext, _ q: Questionnaire, now: Date) -> HTMLNode {
        switch q.state(at: now) {
        case .draft: C.tag(ctx.t(SurveyText.statusDraft), tone: .warning)
        case .open: C.tag(ctx.t(SurveyText.statusOpen), tone: .ok)
        case .closed: C.tag(ctx.t(SurveyText.statusClosed))
        }
    }

    static func kindName(_ ctx: PageContext, _ k: QuestionKind) -> String {
        switch k {
        case .single: ctx.t(SurveyText.kindSingle)
        case .multiple: ctx.t(SurveyText.kindMultiple)
        case .scale: ctx.t(SurveyText.kindScale)
        case .text: ctx.t(SurveyText.kindText)
        }
    }

    /// An answer in words, as the CSV and the results give it.
    static func words(_ a: Answer?, _ q: Question) -> String {
        switch a {
        case .choice(let n)?: q.options.indices.contains(n) ? q.options[n] : ""
        case .choices(let ns)?: ns.filter(q.options.indices.contains).map { q.options[$0] }.joined(separator: "；")
        case .scale(let n)?: String(n)
        case .text(let t)?: t
        case nil: ""
        }
    }

    static func list(_ ctx: PageContext, node: TerritoryNode, items: [Questionnaire], now: Date, manage: Bool)
        -> PageView
    {
        PageView(title: ctx.t(SurveyText.listTitle, node.name)) {
            if manage {
                H.el("p", [], [C.linkButton(ctx.t(SurveyText.newTitle), Site.newQuestionnaire(node: node.id!))])
            }
            if items.isEmpty {
                C.empty(ctx.t(SurveyText.listEmpty))
            } else {
                H.el("ul", [("class", "cards")]) {
                    for q in items {
                        H.el("li", [("class", "card")]) {
                            H.el("h3", [], [H.link(q.title, Site.questionnaire(q.id!))])
                            H.el("p", [("class", "tags")]) { stateTag(ctx, q, now: now) }
                            if let closes = q.closesAt {
                                C.text(
                                    ctx.t(SurveyText.openUntil, Show.dateTime(closes)) + " · " + q.node.name,
                                    muted: true)
                            }
                        }
                    }
                }
            }
        }
    }

    static func draft(
        _ ctx: PageContext, node: TerritoryNode, form: QuestionnaireRoutes.DraftForm, errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(SurveyText.newTitle), status: status) {
            C.text(ctx.t(NoticeText.publishedBy, node.name), muted: true)
            Forms.summary(ctx, errors, order: ["title", "intro", "days"])
            Forms.form(
                ctx, action: Site.questionnaires,
                [
                    H.void("input", [("type", "hidden"), ("name", "node"), ("value", node.id!.uuidString)]),
                    Forms.field(
                        ctx, "title", label: ctx.t(SurveyText.fieldTitle), value: form.title ?? "", required: true,
                        errors: errors, attributes: [("maxlength", "100")]),
                    Forms.textArea(
                        ctx, "intro", label: ctx.t(SurveyText.fieldIntro), value: form.intro ?? "", max: 2_000,
                        errors: errors),
                    Forms.field(
                        ctx, "days", label: ctx.t(SurveyText.fieldDays),
                        value: form.days ?? String(QuestionnairesService.defaultDays), type: "number", errors: errors,
                        hint: ctx.t(SurveyText.daysHint),
                        attributes: [("min", "1"), ("max", "90"), ("inputmode", "numeric")]),
                    Forms.submit(ctx.t(SurveyText.create)),
                ])
        }
    }

    static func page(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> PageView {
        let q = m.questionnaire
        let questions = q.questions
        return PageView(title: q.title, status: status) {
            H.el("p", [("class", "tags")]) { stateTag(ctx, q, now: m.now) }
            if let closes = q.closesAt { C.text(ctx.t(SurveyText.openUntil, Show.dateTime(closes)), muted: true) }
            HTMLNode.group(C.paragraphs(q.intro))
            Forms.summary(ctx, m.errors, order: (0..<questions.count).map { "q\($0)" } + ["kind", "prompt", "options"])
            if q.status == .draft {
                builder(ctx, m, questions)
            } else if m.mayAnswer {
                Forms.form(
                    ctx, action: Site.questionnaireResponses(q.id!),
                    answerFields(ctx, questions, m) + [Forms.submit(ctx.t(SurveyText.submit))])
            } else if m.answered {
                C.notice(ctx.t(SurveyText.alreadyAnswered), tone: .ok)
            } else if q.isOpen(at: m.now) && !m.signedIn {
                C.text(ctx.t(SurveyText.signInToAnswer))
            } else if !q.isOpen(at: m.now) {
                C.text(ctx.t(SurveyText.notOpen), muted: true)
            }
            if q.status != .draft {
                H.el(
                    "p", [],
                    [C.linkButton(ctx.t(SurveyText.resultsTitle), Site.questionnaireResults(q.id!), primary: false)])
            }
            if m.manage && q.isOpen(at: m.now) {
                C.section(ctx.t(SurveyText.paperTitle)) {
                    Forms.form(
                        ctx, action: Site.questionnaireResponses(q.id!),
                        [
                            Forms.field(ctx, "resident", label: ctx.t(SurveyText.paperResident), errors: m.errors),
                            Forms.select(
                                ctx, "channel", label: ctx.t(PeopleText.channel),
                                options: ResidentPage.channels.map { ($0.rawValue, ctx.name($0)) },
                                selected: YishiCore.Channel.paper.rawValue, required: true, errors: m.errors,
                                includeBlank: false),
                        ] + answerFields(ctx, questions, m) + [Forms.submit(ctx.t(SurveyText.submit))])
                }
                Forms.button(ctx, action: Site.questionnaireClose(q.id!), label: ctx.t(SurveyText.close))
            }
        }
    }

    static func builder(_ ctx: PageContext, _ m: Model, _ questions: [Question]) -> HTMLNode {
        let q = m.questionnaire
        let f = m.questionForm
        return .group([
            C.section(ctx.t(SurveyText.questionsTitle)) {
                if questions.isEmpty {
                    C.empty(ctx.t(SurveyText.noQuestions))
                } else {
                    H.el("ol") {
                        for question in questions {
                            H.el("li") {
                                H.el("p", text: question.prompt)
                                C.text(
                                    ([kindName(ctx, question.kind)] + question.options
                                        + [ctx.t(question.required ? SurveyText.requiredLabel : SurveyText.optional)])
                                        .joined(separator: " · "), muted: true)
                            }
                        }
                    }
                }
            },
            m.manage
                ? C.section(ctx.t(SurveyText.addQuestion)) {
                    Forms.form(
                        ctx, action: Site.questionnaireQuestions(q.id!),
                        [
                            Forms.select(
                                ctx, "kind", label: ctx.t(SurveyText.kind),
                                options: QuestionKind.allCases.map { ($0.rawValue, kindName(ctx, $0)) },
                                selected: f.kind ?? QuestionKind.single.rawValue, required: true, errors: m.errors,
                                includeBlank: false),
                            Forms.field(
                                ctx, "prompt", label: ctx.t(SurveyText.prompt), value: f.prompt ?? "", required: true,
                                errors: m.errors, attributes: [("maxlength", "200")]),
                            Forms.textArea(
                                ctx, "options", label: ctx.t(SurveyText.options), value: f.options ?? "", max: 600,
                                rows: 4, errors: m.errors),
                            Forms.checkboxes(
                                ctx, "required", legend: ctx.t(SurveyText.requiredLabel),
                                options: [("on", ctx.t(SurveyText.requiredLabel))],
                                checked: f.required == "on" ? ["on"] : [], radio: true),
                            Forms.select(
                                ctx, "needCategory", label: ctx.t(SurveyText.needCategory),
                                options: NeedPages.categoryOptions(ctx, m.categories), selected: f.needCategory,
                                errors: m.errors),
                            Forms.submit(ctx.t(SurveyText.addQuestion)),
                        ])
                    if !questions.isEmpty {
                        Forms.button(
                            ctx, action: Site.questionnairePublish(q.id!), label: ctx.t(SurveyText.publish),
                            secondary: false)
                    }
                } : .group([]),
        ])
    }

    /// One field per question, named `q0`, `q1` …, keeping what was sent when the form comes back.
    static func answerFields(_ ctx: PageContext, _ questions: [Question], _ m: Model) -> [HTMLNode] {
        questions.enumerated().map { i, q in
            let name = "q\(i)"
            let given = Set(m.raw[i] ?? [])
            switch q.kind {
            case .single, .multiple:
                return Forms.checkboxes(
                    ctx, name, legend: q.prompt, options: q.options.enumerated().map { (String($0), $1) },
                    checked: given, errors: m.errors, radio: q.kind == .single, required: q.required)
            case .scale:
                return Forms.checkboxes(
                    ctx, name, legend: q.prompt, options: (1...5).map { (String($0), String($0)) }, checked: given,
                    errors: m.errors, radio: true, required: q.required, hint: ctx.t(SurveyText.scaleHint), row: true)
            case .text:
                return Forms.textArea(
                    ctx, name, label: q.prompt, value: m.raw[i]?.first ?? "", max: Questionnaires.maxText, rows: 3,
                    required: q.required, errors: m.errors)
            }
        }
    }

    static func results(_ ctx: PageContext, _ q: Questionnaire, responses: [QuestionnaireResponse], texts: Bool)
        -> PageView
    {
        let questions = q.questions
        let results = Questionnaires.results(questions, responses: responses.map(\.answers))
        let staff = responses.filter { $0.enteredByID != nil }.count
        return PageView(title: ctx.paren(ctx.t(SurveyText.resultsTitle), q.title)) {
            C.text(ctx.t(SurveyText.responses, String(responses.count), String(staff)))
            if texts && !responses.isEmpty {
                H.el(
                    "p", [("class", "no-print")],
                    [C.linkButton(ctx.t(SurveyText.csv), Site.questionnaireCSV(q.id!), primary: false)])
            }
            for (i, question) in questions.enumerated() {
                C.section(question.prompt) {
                    C.text(ctx.t(SurveyText.answeredCount, String(results[i].answered)), muted: true)
                    switch question.kind {
                    case .single, .multiple:
                        C.barChart(
                            caption: question.prompt, bars: zip(question.options, results[i].counts).map { ($0, $1) },
                            showCaption: false)
                    case .scale:
                        C.barChart(
                            caption: question.prompt,
                            bars: results[i].counts.enumerated().map { (ctx.t(SurveyText.point, String($0 + 1)), $1) },
                            showCaption: false)
                        if let mean = results[i].mean { C.text(ctx.t(SurveyText.mean, String(mean))) }
                    case .text:
                        if texts {
                            C.list(
                                grouped(results[i].texts).map { ctx.t(SurveyText.timesCount, $0.text, String($0.n)) })
                        } else {
                            C.text(ctx.t(SurveyText.textsPrivate), muted: true)
                        }
                        if question.needCategory != nil { C.text(ctx.t(SurveyText.becameNeeds), muted: true) }
                    }
                }
            }
            H.el("p", [], [C.linkButton(ctx.t(CommonText.back), Site.questionnaire(q.id!), primary: false)])
        }
    }

    /// The same written answer once, with how many gave it, the most given first.
    static func grouped(_ texts: [String]) -> [(text: String, n: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for t in texts {
            if counts[t] == nil { order.append(t) }
            counts[t, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.n > $1.n }
    }
}
