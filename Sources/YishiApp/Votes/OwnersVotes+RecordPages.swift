import Vapor
import YishiCore

/// The register in full (for those who read the owners' register: no phones) with the co-owners'
/// designations, and the signed ballots after the close (each view audited).
enum OwnersVoteRecordPages {

    static func register(
        _ ctx: PageContext, _ v: OwnersVote, _ reg: VoteRegister, manage: Bool, errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) -> PageView {
        let mayDesignate = manage && (v.status == .draft || v.status == .registerPublished)
        return PageView(title: ctx.t(OwnerVotePageText.registerTitle, v.title), status: status) {
            C.breadcrumbs(ctx.t(OwnerVotePageText.register), [(v.title, Site.ownersVote(v.id!))])
            C.facts(
                [
                    (ctx.t(OwnerVotePageText.version), String(reg.version)),
                    (ctx.t(OwnerVotePageText.persons), String(reg.persons.count)),
                    (ctx.t(OwnerVotePageText.areaTotal), Show.area(centi: reg.areaTotal)),
                    (ctx.t(OwnerVotePageText.recordCode), RecordHash.shown(reg.hash)),
                ])
            C.list(reg.notes.map { $0.in(ctx.lang) })
            Forms.summary(ctx, errors)
            C.table(
                caption: ctx.t(OwnerVotePageText.register),
                headers: [
                    ctx.t(OwnerVotePageText.personNumber), ctx.t(OwnerVotePageText.homes),
                    ctx.t(OwnerVotePageText.owners), ctx.t(OwnerVotePageText.area), ctx.t(OwnerVotePageText.designated),
                ],
                rows: reg.persons.map { p in
                    [
                        .text(String(p.number)), .text(p.units.joined(separator: "、")),
                        .text(
                            p.developer
                                ? ctx.t(OwnerVotePageText.developer)
                                : zip(p.names, p.owners).map { "\($0)（\($1)）" }.joined(separator: "、")),
                        .text(Show.area(centi: p.area)), designation(ctx, v, p, mayDesignate),
                    ]
                })
        }
    }

    static func designation(_ ctx: PageContext, _ v: OwnersVote, _ p: RegisterPerson, _ may: Bool) -> HTMLNode {
        guard p.owners.count > 1, !p.developer else { return .text("—") }
        let current = p.designated.flatMap { d in p.owners.firstIndex(of: d).map { p.names[$0] } }
        guard may else { return .text(current ?? ctx.t(OwnerVotePageText.noneDesignated)) }
        return Forms.form(
            ctx, action: Site.ownersVote(Site.Pattern.ownersVoteDesignate, v.id!), class: "inline",
            [
                H.void("input", [("type", "hidden"), ("name", "person"), ("value", String(p.number))]),
                Forms.select(
                    ctx, "owner", label: ctx.t(OwnerVotePageText.designated),
                    options: zip(p.owners, p.names).map { ($0, $1) },
                    selected: p.designated, id: "designate-\(p.number)"),
                Forms.submit(ctx.t(OwnerVotePageText.designate)),
            ])
    }

    static func ballots(_ ctx: PageContext, _ v: OwnersVote, _ list: [BallotEvent]) -> PageView {
        PageView(title: ctx.t(OwnerVotePageText.ballotsTitle, v.title)) {
            C.breadcrumbs(ctx.t(OwnerVotePageText.ballots), [(v.title, Site.ownersVote(v.id!))])
            C.text(ctx.t(OwnerVotePageText.ballotsLead), muted: true)
            H.el("p", [("class", "no-print")]) {
                C.linkButton(
                    ctx.t(OwnerVotePageText.csv), Site.ownersVote(Site.Pattern.ownersVoteBallotsCSV, v.id!),
                    primary: false)
            }
            C.table(
                caption: ctx.t(OwnerVotePageText.ballots), headers: OwnersVotes.csvHeader(ctx.lang),
                rows: list.map { e in OwnersVotes.csvRow(e, ctx.lang).map { HTMLNode.text($0) } })
        }
    }
}
