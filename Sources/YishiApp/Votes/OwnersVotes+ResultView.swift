import Vapor
import YishiCore

/// A result that explains itself, on the vote's page, its own page and the notice's poster.
enum OwnersVoteResultView {

    static func conditionName(_ ctx: PageContext, _ name: String) -> String {
        (TallyReport.conditionNames[name] ?? .init(name, name)).in(ctx.lang)
    }

    static func conditions(_ ctx: PageContext, _ list: [TallyCondition]) -> HTMLNode {
        H.el(
            "ul", [("class", "conditions")],
            list.map { c in
                H.el(
                    "li", [],
                    [
                        C.tag(
                            ctx.t(c.passed ? OwnerVotePageText.met : OwnerVotePageText.notMet),
                            tone: c.passed ? .ok : .warning),
                        .text(" \(conditionName(ctx, c.name)): "), H.el("code", text: c.check),
                    ])
            })
    }

    static func figures(_ ctx: PageContext, _ r: TallyReport, notes: Bool = true) -> HTMLNode {
        let status = r.status
        return H.el("div", [("class", "result")]) {
            H.el(
                "p", [("class", "lead")],
                text: ctx.t(OwnerVotePageText.resultIs, OwnersTally.statusName(status).in(ctx.lang)))
            C.table(
                caption: ctx.t(OwnerVotePageText.figures),
                headers: ["", ctx.t(OwnerVotePageText.persons), ctx.t(OwnerVotePageText.area)], rows: rows(ctx, r),
                stackOnPhone: false)
            H.el("h3", text: ctx.t(OwnerVotePageText.conditions))
            conditions(ctx, r.conditions)
            if r.invalid_as_participating.status != r.invalid_as_not_participating.status {
                C.notice(
                    ctx.t(
                        OwnerVotePageText.readings, statusName(ctx, r.invalid_as_participating.status),
                        statusName(ctx, r.invalid_as_not_participating.status)), tone: .warning)
                H.el("h3", text: ctx.t(OwnerVotePageText.withoutInvalid))
                conditions(ctx, r.invalid_as_not_participating.conditions)
            }
            if let s = r.silence_follows_majority {
                C.notice(ctx.t(OwnerVotePageText.withClause, statusName(ctx, s.status)), tone: .warning)
                conditions(ctx, s.conditions)
            }
            if notes {
                H.el("h3", text: ctx.t(OwnerVotePageText.notes))
                C.list(r.notes.map { ctx.lang == .zhHans ? $0.zh : $0.en })
            }
        }
    }

    static func rows(_ ctx: PageContext, _ r: TallyReport) -> [[HTMLNode]] {
        let lines: [(OwnerVotePageText, Int, String?)] = [
            (OwnerVotePageText.total, r.persons_total, r.area_total),
            (OwnerVotePageText.participating, r.persons_participating, r.area_participating),
            (OwnerVotePageText.agreeing, r.persons_agree, r.area_agree),
            (OwnerVotePageText.against, r.persons_against, r.area_against),
            (OwnerVotePageText.abstaining, r.persons_abstain, r.area_abstain),
            (OwnerVotePageText.invalid, r.persons_invalid, r.area_invalid),
            (OwnerVotePageText.notReturned, r.persons_not_returned, nil),
        ]
        return lines.map { line in
            let area: String = line.2.map { $0 + " ㎡" } ?? "—"
            return [HTMLNode.text(ctx.t(line.0)), HTMLNode.text(String(line.1)), HTMLNode.text(area)]
        }
    }

    static func statusName(_ ctx: PageContext, _ s: TallyStatus) -> String { OwnersTally.statusName(s).in(ctx.lang) }

    /// The result's own page: printable, with the record's codes.
    static func page(_ ctx: PageContext, _ v: OwnersVote, _ r: TallyReport) -> PageView {
        PageView(title: ctx.t(OwnerVotePageText.resultTitle, v.title)) {
            C.breadcrumbs(ctx.t(OwnerVotePageText.result), [(v.title, Site.ownersVote(v.id!))])
            C.facts(
                [
                    (ctx.t(OwnerVotePageText.matter), "\(v.matterNumber). \(v.matter.name.in(ctx.lang))"),
                    (ctx.t(OwnerVotePageText.scope), OwnersVotePages.scopeLine(ctx, v)),
                    (ctx.t(OwnerVotePageText.closedAt), Show.dateTime(v.closedAt)),
                    (ctx.t(OwnerVotePageText.recordCode), v.resultHash.map(RecordHash.shown) ?? "—"),
                ])
            figures(ctx, r)
            C.text(ctx.t(OwnerVotePageText.verifyHint), muted: true)
        }
    }
}
