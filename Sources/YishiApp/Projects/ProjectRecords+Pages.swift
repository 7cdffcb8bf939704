import Vapor
import YishiCore

extension ProjectPages {
    static func recordKindName(_ ctx: PageContext, _ k: ProjectRecordKind) -> String {
        switch k {
        case .procurement: ctx.t(WorksText.kindProcurement)
        case .progress: ctx.t(WorksText.kindProgress)
        case .problem: ctx.t(WorksText.kindProblem)
        case .acceptance: ctx.t(WorksText.kindAcceptance)
        case .operations: ctx.t(WorksText.kindOperations)
        case .convention: ctx.t(WorksText.kindConvention)
        case .assessment: ctx.t(WorksText.kindAssessment)
        case .audit: ctx.t(WorksText.kindAudit)
        case .beforeAfter: ctx.t(WorksText.kindBeforeAfter)
        case .reminder: ctx.t(WorksText.kindReminder)
        case .exemplary: ctx.t(WorksText.kindExemplary)
        }
    }

    static func methodName(_ ctx: PageContext, _ m: ProcurementMethod) -> String {
        switch m {
        case .publicTender: ctx.t(WorksText.methodPublicTender)
        case .invitedTender: ctx.t(WorksText.methodInvitedTender)
        case .competitiveNegotiation: ctx.t(WorksText.methodCompetitiveNegotiation)
        case .quotation: ctx.t(WorksText.methodQuotation)
        case .directAward: ctx.t(WorksText.methodDirectAward)
        }
    }

    static func resultName(_ ctx: PageContext, _ r: AcceptanceResult) -> String {
        switch r {
        case .passed: ctx.t(WorksText.resultPassed)
        case .passedWithConditions: ctx.t(WorksText.resultPassedWithConditions)
        case .failed: ctx.t(WorksText.resultFailed)
        }
    }

    /// The line that says what a record is, in the words of its kind.
    static func recordLine(_ ctx: PageContext, _ r: ProjectRecord, meetings: [Meeting]) -> String? {
        let party = r.party ?? ""
        switch r.kind {
        case .procurement:
            return ctx.t(
                WorksText.supplierLine, r.procurement.map { methodName(ctx, $0) } ?? "", party,
                r.amountFen.map { Show.money(fen: $0) } ?? "")
        case .progress: return r.percent.map { ctx.t(WorksText.percentLine, String($0)) }
        case .acceptance:
            return ctx.t(WorksText.acceptedLine, r.acceptance.map { resultName(ctx, $0) } ?? "", party)
        case .operations: return ctx.t(WorksText.responsibleLine, party)
        case .convention, .problem:
            return meetings.first { $0.id == r.meetingID }.map {
                r.kind == .problem
                    ? ctx.t(WorksText.problemLinked) + " " + $0.title : ctx.t(WorksText.adoptedAt, $0.title)
            }
        case .assessment, .audit: return ctx.t(WorksText.byLine, party)
        case .reminder: return ctx.t(WorksText.reminderDue, r.date ?? "")
        case .beforeAfter: return nil
        case .exemplary: return nil
        }
    }

    /// One record: its kind and date, its line, its words, its photos (before/after side by side).
    static func record(_ ctx: PageContext, _ p: Project, _ r: ProjectRecord, meetings: [Meeting]) -> HTMLNode {
        H.el("div", [("class", "card")]) {
            H.el("p", [("class", "tags")]) {
                C.tag(recordKindName(ctx, r.kind), tone: r.kind == .problem ? .warning : .info)
                if let a = r.acceptance { C.tag(resultName(ctx, a), tone: a.accepts ? .ok : .warning) }
                HTMLNode.text(" " + (r.date ?? Show.dateTime(r.createdAt)))
            }
            if let line = recordLine(ctx, r, meetings: meetings) { H.el("p", text: line) }
            if r.kind == .exemplary {
                H.el("p", text: ctx.t(WorksText.exemplaryLine, r.text))
            } else {
                HTMLNode.group(C.paragraphs(r.text))
            }
            let files = r.attachmentIDs.indices.map { Site.projectRecordFile(p.id!, record: r.id!, $0) }
            if r.kind == .beforeAfter, files.count == 2 {
                H.el("div", [("class", "compare")]) {
                    for (i, label) in [ctx.t(WorksText.before), ctx.t(WorksText.after)].enumerated() {
                        H.el("figure", []) {
                            H.void("img", [("src", files[i]), ("alt", label), ("class", "drawing")])
                            H.el("figcaption", text: label)
                        }
                    }
                }
            } else if !files.isEmpty {
                H.el("ul", [("class", "photos")]) {
                    for (i, f) in files.enumerated() {
                        H.el("li") {
                            H.el("a", [("href", f)]) {
                                H.void(
                                    "img",
                                    [
                                        ("src", f), ("alt", recordKindName(ctx, r.kind) + " \(i + 1)"),
                                        ("loading", "lazy"),
                                    ])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Staff's one form for a record of the works (or the review): the kind, then the fields it asks.
    static func recordForm(_ ctx: PageContext, _ m: Model, kinds: [ProjectRecordKind], id: String) -> HTMLNode {
        let p = m.project
        return H.el("details", [("class", "more no-print")]) {
            H.el("summary", [("class", "button secondary")], text: ctx.t(WorksText.add))
            Forms.form(
                ctx, action: Site.projectRecords(p.id!), multipart: true,
                [
                    Forms.select(
                        ctx, "kind", label: ctx.t(WorksText.kind),
                        options: kinds.map { ($0.rawValue, recordKindName(ctx, $0)) }, selected: nil, required: true,
                        errors: m.errors, includeBlank: false, id: "\(id)-kind"),
                    Forms.field(
                        ctx, "date", label: ctx.t(WorksText.fieldDate), errors: m.errors,
                        hint: ctx.t(WorksText.dateHint), attributes: [("inputmode", "numeric")], id: "\(id)-date"),
                    Forms.field(
                        ctx, "party", label: ctx.t(WorksText.fieldParty), errors: m.errors,
                        hint: ctx.t(WorksText.partyHint), attributes: [("maxlength", "100")], id: "\(id)-party"),
                    kinds.contains(.procurement)
                        ? Forms.select(
                            ctx, "method", label: ctx.t(WorksText.fieldMethod),
                            options: ProcurementMethod.allCases.map { ($0.rawValue, methodName(ctx, $0)) },
                            selected: nil, errors: m.errors, id: "\(id)-method") : .group([]),
                    kinds.contains(.procurement)
                        ? Forms.field(
                            ctx, "amount", label: ctx.t(WorksText.fieldAmount), errors: m.errors,
                            attributes: [("inputmode", "decimal")], id: "\(id)-amount") : .group([]),
                    kinds.contains(.progress)
                        ? Forms.field(
                            ctx, "percent", label: ctx.t(WorksText.fieldPercent), type: "number", errors: m.errors,
                            attributes: [("min", "0"), ("max", "100"), ("inputmode", "numeric")],
                            id: "\(id)-percent") : .group([]),
                    kinds.contains(.acceptance)
                        ? Forms.select(
                            ctx, "result", label: ctx.t(WorksText.fieldResult),
                            options: AcceptanceResult.allCases.map { ($0.rawValue, resultName(ctx, $0)) },
                            selected: nil, errors: m.errors, id: "\(id)-result") : .group([]),
                    kinds.contains(.convention)
                        ? Forms.select(
                            ctx, "meeting", label: ctx.t(WorksText.fieldMeeting),
                            options: m.meetings.map { ($0.id!.uuidString, $0.title) }, selected: nil,
                            errors: m.errors, id: "\(id)-meeting") : .group([]),
                    Forms.textArea(
                        ctx, "text", label: ctx.t(WorksText.fieldText), max: 2_000, rows: 3, errors: m.errors,
                        id: "\(id)-text"),
                    Forms.files(
                        ctx, "photos", label: ctx.t(WorksText.fieldPhotos), id: "\(id)-photos",
                        accept: "image/jpeg,image/png,image/webp,application/pdf", errors: m.errors,
                        hint: ctx.t(WorksText.photosHint)),
                    Forms.submit(ctx.t(WorksText.add)),
                ])
        }
    }

    /// The works: procurement, progress, problems (a resident reports one; staff take it to a
    /// meeting), acceptance, upkeep and the rules adopted.
    static func works(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        let p = m.project
        let records = m.records.filter { !$0.kind.isReview }
        return H.el("section", [("id", "works")]) {
            H.el("h2", text: ctx.t(WorksText.worksTitle))
            ProjectPages.latestOnly(ctx, p, count: m.records.count)
            if records.isEmpty { C.text(ctx.t(WorksText.worksEmpty), muted: true) }
            if let last = records.last(where: { $0.kind == .progress }), let pc = last.percent {
                H.el("p", [("class", "progress-line")]) {
                    HTMLNode.text(ctx.t(WorksText.kindProgress) + (ctx.lang == .zhHans ? "：" : ": "))
                    H.el(
                        "progress",
                        [("max", "100"), ("value", String(pc)), ("aria-label", ctx.t(WorksText.kindProgress))])
                    HTMLNode.text(" " + ctx.t(WorksText.percentLine, String(pc)))
                }
            }
            for r in records {
                record(ctx, p, r, meetings: m.meetings)
                if m.manage && r.kind == .problem && r.meetingID == nil && !m.meetings.isEmpty {
                    Forms.form(
                        ctx, action: Site.recordMeeting(r.id!), class: "inline no-print",
                        [
                            Forms.select(
                                ctx, "meeting", label: ctx.t(WorksText.linkToMeeting),
                                options: m.meetings.map { ($0.id!.uuidString, $0.title) }, selected: nil,
                                required: true, includeBlank: false, id: "link-\(r.id!.uuidString)"),
                            Forms.submit(ctx.t(WorksText.link)),
                        ])
                }
            }
            if m.manage {
                recordForm(
                    ctx, m, kinds: ProjectRecordKind.allCases.filter { !$0.isReview && $0 != .problem }, id: "works")
            } else if m.mayComment {
                H.el("details", [("class", "more no-print")] + (m.errors.isEmpty ? [] : [("open", nil)])) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(WorksText.raiseProblem))
                    Forms.form(
                        ctx, action: Site.projectRecords(p.id!), multipart: true,
                        [
                            H.void("input", [("type", "hidden"), ("name", "kind"), ("value", "problem")]),
                            Forms.textArea(
                                ctx, "text", label: ctx.t(WorksText.kindProblem), max: 2_000, rows: 3, required: true,
                                errors: m.errors, hint: ctx.t(WorksText.problemHint), id: "problem-text"),
                            Forms.files(
                                ctx, "photos", label: ctx.t(WorksText.fieldPhotos), id: "problem-photos",
                                accept: "image/jpeg,image/png,image/webp", errors: m.errors,
                                hint: ctx.t(WorksText.photosHint)),
                            Forms.submit(ctx.t(WorksText.raiseProblem)),
                        ])
                }
            }
        }
    }

    /// The survey's figures as the engine gives them: mean, count, the spread over 1–5.
    static func satisfaction(_ ctx: PageContext, _ s: Consultative.Satisfaction) -> HTMLNode {
        .group([
            C.text(ctx.t(WorksText.satisfactionLine, s.mean, String(s.count))),
            C.barChart(
                caption: ctx.t(WorksText.surveyResult),
                bars: s.distribution.enumerated().map {
                    (ctx.t(WorksText.distributionLine, String($0.offset + 1)), $0.element)
                },
                showCaption: false),
        ])
    }

    /// The review: the satisfaction survey, assessments, audits, before/after photos, the reminder,
    /// a nomination.
    static func review(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        let p = m.project
        let records = m.records.filter(\.kind.isReview)
        return H.el("section", [("id", "review")]) {
            H.el("h2", text: ctx.t(WorksText.reviewTitle))
            H.el("h3", text: ctx.t(WorksText.survey))
            if let s = m.survey {
                if s.closed {
                    satisfaction(ctx, s.satisfaction)
                } else if s.questionnaire.status == .open {
                    C.text(ctx.t(WorksText.surveyOpen, String(s.responses)))
                }
                H.el("p", [], [H.link(s.questionnaire.title, Site.questionnaire(s.questionnaire.id!))])
            } else {
                C.text(ctx.t(WorksText.surveyNone), muted: true)
            }
            if m.manage && (m.survey == nil || m.survey?.closed == true) {
                H.el(
                    "p", [("class", "no-print")],
                    [Forms.button(ctx, action: Site.projectSurvey(p.id!), label: ctx.t(WorksText.surveyStart))])
            }
            if records.isEmpty { C.text(ctx.t(WorksText.reviewEmpty), muted: true) }
            for r in records { record(ctx, p, r, meetings: m.meetings) }
            if m.manage {
                recordForm(ctx, m, kinds: ProjectRecordKind.allCases.filter(\.isReview), id: "review")
            }
        }
    }
}
