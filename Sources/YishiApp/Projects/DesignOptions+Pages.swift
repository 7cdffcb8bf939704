import Vapor
import YishiCore

extension ProjectPages {
    /// The project page's design options: each version with its drawing, cost, comments; choosing
    /// one by a passed resolution (staff); two side by side.
    static func options(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        let p = m.project
        return H.el("section", [("id", "options")]) {
            H.el("h2", text: ctx.t(ProjectText.optionsTitle))
            if m.options.isEmpty { C.text(ctx.t(ProjectText.optionsEmpty), muted: true) }
            if m.options.count >= 2 {
                let last = m.options.suffix(2).map { $0.id! }
                H.el(
                    "p", [],
                    [
                        C.linkButton(
                            ctx.t(ProjectText.compare), Site.projectCompare(p.id!, last[0], last[1]), primary: false)
                    ])
            }
            for o in m.options {
                let superseded = m.options.contains { $0.label == o.label && $0.version > o.version }
                H.el("div", [("class", o.chosen ? "card reply" : "card")]) {
                    H.el("h3", text: ctx.t(ProjectText.optionVersion, o.label, String(o.version)))
                    if o.chosen { C.tag(ctx.t(ProjectText.optionChosen), tone: .ok) }
                    if o.chosen && o.chosenByVoteID != nil { C.tag(ctx.t(VoteText.chosenByVote), tone: .ok) }
                    if superseded { C.tag(ctx.t(ProjectText.superseded)) }
                    HTMLNode.group(C.paragraphs(o.description))
                    if let fen = o.costFen {
                        C.text(ctx.t(ProjectText.budgetLabel) + " " + Show.money(fen: fen), muted: true)
                    }
                    if o.$attachment.id != nil {
                        H.el("p", [], [H.link(ctx.t(ProjectText.drawing), Site.optionDrawing(o.id!))])
                    }
                    if let views = m.optionComments[o.id!], !views.isEmpty {
                        H.el("h4", text: ctx.t(ProjectText.residentsViews))
                        C.list(
                            views.map {
                                ($0.staff ? ctx.t(NeedText.replyLine, $0.text) : $0.text) + " · "
                                    + Show.dateTime($0.createdAt)
                            })
                    }
                    if m.mayComment && !superseded {
                        Forms.form(
                            ctx, action: Site.optionComments(o.id!),
                            [
                                Forms.textArea(
                                    ctx, "comment", label: ctx.t(ProjectText.optionComment), max: 500, rows: 2,
                                    required: true, id: "comment-\(o.id!.uuidString)"),
                                Forms.submit(ctx.t(NeedText.comment)),
                            ])
                    }
                }
            }
            let choosable = m.options.filter { o in
                !o.chosen && !m.options.contains { $0.label == o.label && $0.version > o.version }
            }
            if m.manage && !choosable.isEmpty && !m.passedResolutions.isEmpty && !m.facts.optionChosen {
                // One form for the project: the option, and the resolution it rests on.
                Forms.form(
                    ctx, action: Site.projectChoose(p.id!),
                    [
                        Forms.select(
                            ctx, "option", label: ctx.t(ProjectText.optionLabel),
                            options: choosable.map {
                                ($0.id!.uuidString, ctx.t(ProjectText.optionVersion, $0.label, String($0.version)))
                            },
                            selected: nil, required: true, includeBlank: false, id: "choose-option"),
                        Forms.select(
                            ctx, "resolution", label: ctx.t(ProjectText.chooseBy),
                            options: m.passedResolutions.map { ($0.id!.uuidString, $0.text) }, selected: nil,
                            required: true, includeBlank: false, id: "choose-resolution"),
                        Forms.submit(ctx.t(ProjectText.choose)),
                    ])
            }
            if m.manage {
                H.el("details", [("class", "more no-print")]) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(ProjectText.optionAdd))
                    Forms.form(
                        ctx, action: Site.projectOptions(p.id!), multipart: true,
                        [
                            Forms.field(
                                ctx, "label", label: ctx.t(ProjectText.optionLabel), required: true, errors: m.errors,
                                hint: ctx.t(ProjectText.optionLabelHint), attributes: [("maxlength", "30")],
                                id: "option-label"),
                            Forms.textArea(
                                ctx, "description", label: ctx.t(ProjectText.optionDescription), max: 2_000, rows: 3,
                                required: true, errors: m.errors, id: "option-description"),
                            Forms.field(
                                ctx, "cost", label: ctx.t(ProjectText.optionCost), errors: m.errors,
                                attributes: [("inputmode", "decimal")], id: "option-cost"),
                            Forms.files(
                                ctx, "file", label: ctx.t(ProjectText.optionDrawing), id: "option-file",
                                accept: "image/jpeg,image/png,image/webp,application/pdf", errors: m.errors,
                                single: true),
                            Forms.submit(ctx.t(ProjectText.optionAdd)),
                        ])
                }
            }
        }
    }

    /// Two versions side by side (stacked on a phone).
    static func compare(_ ctx: PageContext, _ p: Project, _ options: [DesignOption]) -> PageView {
        PageView(title: ctx.paren(ctx.t(ProjectText.compareTitle), p.title)) {
            H.el("div", [("class", "compare")]) {
                for o in options {
                    H.el("div", [("class", "card")]) {
                        H.el("h2", text: ctx.t(ProjectText.optionVersion, o.label, String(o.version)))
                        if o.chosen { C.tag(ctx.t(ProjectText.optionChosen), tone: .ok) }
                        if let a = o.attachment, a.contentType.hasPrefix("image/") {
                            H.void("img", [("src", Site.optionDrawing(o.id!)), ("alt", o.label), ("class", "drawing")])
                        } else if o.$attachment.id != nil {
                            H.el("p", [], [H.link(ctx.t(ProjectText.drawing), Site.optionDrawing(o.id!))])
                        }
                        HTMLNode.group(C.paragraphs(o.description))
                        if let fen = o.costFen { C.text(ctx.t(ProjectText.budgetLabel) + " " + Show.money(fen: fen)) }
                    }
                }
            }
            H.el("p", [], [C.linkButton(ctx.t(CommonText.back), Site.project(p.id!), primary: false)])
        }
    }
}
