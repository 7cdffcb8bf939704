import Vapor
import YishiCore

extension MeetingPages {
    /// A vote as the meeting page shows it: its options in the listed order (with their labels),
    /// the ballots so far, and whether this resident may vote now.
    struct VoteView: Sendable {
        var vote: DesignVote
        var options: [DesignOption]
        var ballots: Int
        var mayCast: Bool
        var voted: Bool

        /// The options as people call them ("方案A 第 2 稿").
        func labels(_ lang: Lang) -> [String] {
            options.map { ProjectText.optionVersion.text(lang, [$0.label, String($0.version)]) }
        }
    }

    static func methodName(_ ctx: PageContext, _ m: ChoiceResult.Method) -> String {
        switch m {
        case .plurality: ctx.t(VoteText.plurality)
        case .approval: ctx.t(VoteText.approval)
        case .borda: ctx.t(VoteText.borda)
        }
    }

    /// The ballot's marks for a vote: one (radio), several (boxes), or places in order (a list per place).
    static func marks(_ ctx: PageContext, _ v: VoteView, id: String) -> HTMLNode {
        let options = v.options.enumerated().map {
            (String($0.offset), ctx.t(ProjectText.optionVersion, $0.element.label, String($0.element.version)))
        }
        switch v.vote.choiceMethod {
        case .plurality:
            return Forms.checkboxes(
                ctx, "pick", legend: ctx.t(VoteText.pick), options: options, checked: [], radio: true,
                required: true, hint: ctx.t(VoteText.pluralityHint))
        case .approval:
            return Forms.checkboxes(
                ctx, "pick", legend: ctx.t(VoteText.pick), options: options, checked: [], required: true,
                hint: ctx.t(VoteText.approvalHint))
        case .borda:
            return H.el("fieldset", [("class", "field")]) {
                H.el("legend", text: ctx.t(VoteText.pick))
                H.el("p", [("class", "hint")], text: ctx.t(VoteText.bordaHint))
                for place in options.indices {
                    Forms.select(
                        ctx, "rank", label: ctx.t(VoteText.rank, String(place + 1)), options: options,
                        selected: nil, required: place == 0, id: "\(id)-rank-\(place)")
                }
            }
        }
    }

    /// The meeting's votes on design options: the rule and tie-break printed, a resident's ballot,
    /// staff's paper entry and closing, and the result explaining itself.
    static func votes(_ ctx: PageContext, _ m: Model) -> HTMLNode {
        H.el("section", [("id", "votes")]) {
            H.el("h2", text: ctx.t(VoteText.title))
            for v in m.votes {
                let id = v.vote.id!.uuidString
                H.el("div", [("class", "card")]) {
                    C.tag(
                        ctx.t(v.vote.isOpen ? VoteText.statusOpen : VoteText.statusClosed),
                        tone: v.vote.isOpen ? .info : .ok)
                    if let r = v.vote.result {
                        // The result names its rule and tie-break itself.
                        let labels = v.labels(ctx.lang)
                        H.el("h3", text: ctx.t(VoteText.resultTitle))
                        C.barChart(
                            caption: ctx.t(VoteText.resultTitle),
                            bars: r.ranking.map { (labels[$0], r.scores[$0]) }, showCaption: false)
                        C.list(OptionVote.explain(r, labels: labels, lang: ctx.lang))
                    } else {
                        C.facts(
                            [
                                (ctx.t(VoteText.method), methodName(ctx, v.vote.choiceMethod)),
                                (ctx.t(VoteText.tieBreak), v.vote.tieBreak.name.in(ctx.lang)),
                                (
                                    ctx.t(VoteText.options),
                                    v.labels(ctx.lang).joined(separator: ctx.lang == .zhHans ? "、" : ", ")
                                ),
                            ] + (v.vote.maxPicks.map { [(ctx.t(VoteText.maxPicks), String($0))] } ?? []))
                        C.text(ctx.t(VoteText.ballotsSoFar, String(v.ballots)), muted: true)
                        if v.voted { C.notice(ctx.t(VoteText.yourBallot), tone: .ok) }
                        if v.mayCast {
                            Forms.form(
                                ctx, action: Site.voteBallots(v.vote.id!),
                                [marks(ctx, v, id: "cast-\(id)"), Forms.submit(ctx.t(VoteText.cast))])
                        }
                        if m.manage {
                            H.el("details", [("class", "more no-print")]) {
                                H.el("summary", [("class", "button secondary")], text: ctx.t(VoteText.paper))
                                Forms.form(
                                    ctx, action: Site.votePaper(v.vote.id!),
                                    [
                                        marks(ctx, v, id: "paper-\(id)"),
                                        Forms.field(
                                            ctx, "count", label: ctx.t(VoteText.paperCount), value: "1",
                                            type: "number", attributes: [("min", "1"), ("inputmode", "numeric")],
                                            id: "count-\(id)"),
                                        Forms.submit(ctx.t(VoteText.paperSubmit)),
                                    ])
                                Forms.form(
                                    ctx, action: Site.votePaper(v.vote.id!),
                                    [
                                        Forms.field(
                                            ctx, "spoilt", label: ctx.t(VoteText.paperSpoilt), type: "number",
                                            required: true, attributes: [("min", "1"), ("inputmode", "numeric")],
                                            id: "spoilt-\(id)"),
                                        Forms.submit(ctx.t(VoteText.paperSubmit)),
                                    ])
                            }
                            Forms.button(ctx, action: Site.voteClose(v.vote.id!), label: ctx.t(VoteText.close))
                        }
                    }
                }
            }
            if m.manage && m.started && m.project != nil && m.votes.isEmpty {
                if m.projectOptions.count < 2 {
                    C.text(ctx.t(VoteText.noOptionsYet), muted: true)
                } else {
                    let latest = m.projectOptions.filter { o in
                        !m.projectOptions.contains { $0.label == o.label && $0.version > o.version }
                    }
                    H.el("details", [("class", "more no-print")] + (m.errors.isEmpty ? [] : [("open", nil)])) {
                        H.el("summary", [("class", "button secondary")], text: ctx.t(VoteText.open))
                        Forms.form(
                            ctx, action: Site.meetingVotes(m.meeting.id!),
                            [
                                Forms.checkboxes(
                                    ctx, "options", legend: ctx.t(VoteText.options),
                                    options: m.projectOptions.map {
                                        (
                                            $0.id!.uuidString,
                                            ctx.t(ProjectText.optionVersion, $0.label, String($0.version))
                                        )
                                    }, checked: Set(latest.map { $0.id!.uuidString }), errors: m.errors,
                                    required: true, hint: ctx.t(VoteText.optionsHint)),
                                Forms.select(
                                    ctx, "method", label: ctx.t(VoteText.method),
                                    options: [ChoiceResult.Method.plurality, .approval, .borda].map {
                                        ($0.rawValue, methodName(ctx, $0))
                                    }, selected: ChoiceResult.Method.plurality.rawValue, required: true,
                                    errors: m.errors, includeBlank: false),
                                Forms.field(
                                    ctx, "maxPicks", label: ctx.t(VoteText.maxPicks), type: "number",
                                    errors: m.errors, hint: ctx.t(VoteText.maxPicksHint),
                                    attributes: [("min", "1"), ("inputmode", "numeric")]),
                                Forms.checkboxes(
                                    ctx, "tieBreak", legend: ctx.t(VoteText.tieBreak),
                                    options: [("listed", ctx.t(VoteText.tieListed)), ("lot", ctx.t(VoteText.tieLot))],
                                    checked: ["listed"], radio: true),
                                Forms.submit(ctx.t(VoteText.open)),
                            ])
                    }
                }
            }
        }
    }
}
