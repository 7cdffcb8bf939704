import Vapor
import YishiCore

/// The parts of a vote's page, each shown at the stages where it means something.
enum OwnersVoteSections {

    /// The signed-in owner: their entry on the register, an objection while it is published, their
    /// ballot while voting is open.
    static func owner(_ ctx: PageContext, _ m: OwnersVotePages.Model) -> HTMLNode {
        let v = m.vote
        guard !m.mine.isEmpty, let reg = m.register else { return .group([]) }
        // A co-owned home votes online only through the co-owner the others designated.
        let mayCast = m.mine.contains { e in
            reg.persons.first { $0.number == e.person }.map { $0.owners.count == 1 || $0.designated == e.owner }
                ?? false
        }
        return C.section(ctx.t(OwnerVotePageText.yourEntry)) {
            for e in m.mine {
                if let p = reg.persons.first(where: { $0.number == e.person }) {
                    C.facts(
                        [
                            (ctx.t(OwnerVotePageText.personNumber), String(p.number)),
                            (
                                ctx.t(OwnerVotePageText.homes),
                                p.units.map { m.unitNames[$0] ?? $0 }.joined(separator: "、")
                            ),
                            (ctx.t(OwnerVotePageText.owners), p.names.joined(separator: "、")),
                            (ctx.t(OwnerVotePageText.area), Show.area(centi: p.area)),
                        ])
                    if p.owners.count > 1 {
                        C.text(
                            p.designated.map { d in
                                ctx.t(OwnerVotePageText.designatedIs, p.names[p.owners.firstIndex(of: d) ?? 0])
                            }
                                ?? ctx.t(OwnerVotePageText.designateNeeded), muted: true)
                    }
                }
            }
            if v.status == .open && !mayCast {
                C.notice(ctx.t(OwnerVoteText.notDesignated), tone: .warning)
            }
            if v.status == .registerPublished {
                Forms.form(
                    ctx, action: Site.ownersVote(Site.Pattern.ownersVoteObject, v.id!),
                    [
                        Forms.textArea(
                            ctx, "text", label: ctx.t(OwnerVotePageText.objection), max: 500, rows: 3, required: true,
                            errors: m.errors,
                            hint: ctx.t(OwnerVotePageText.objectionHint)),
                        Forms.submit(ctx.t(OwnerVotePageText.objectionSend)),
                    ])
            }
            if v.status == .open && mayCast {
                if let b = m.myBallot {
                    C.notice(
                        ctx.t(OwnerVotePageText.youVoted, ctx.t(OwnerVoteText.choice(b.choice)), b.receipt), tone: .ok)
                }
                H.el(
                    "p", [],
                    [
                        C.linkButton(
                            ctx.t(m.myBallot == nil ? OwnerVotePageText.castYours : OwnerVotePageText.correctYours),
                            Site.ownersVote(Site.Pattern.ownersVoteBallot, v.id!))
                    ])
            }
        }
    }

    /// The register: its totals, notes and version; for organisers, freezing it (again, with a
    /// reason) and opening the vote.
    static func register(_ ctx: PageContext, _ m: OwnersVotePages.Model) -> HTMLNode {
        let v = m.vote
        let id = v.id!
        return C.section(ctx.t(OwnerVotePageText.register)) {
            if let reg = m.register {
                C.facts(
                    [
                        (ctx.t(OwnerVotePageText.version), String(reg.version)),
                        (ctx.t(OwnerVotePageText.persons), String(reg.personsTotal)),
                        (ctx.t(OwnerVotePageText.areaTotal), Show.area(centi: reg.areaTotal)),
                        (
                            ctx.t(OwnerVotePageText.correctionEnds),
                            v.noticeDays == 0
                                ? ctx.t(OwnerVotePageText.noCorrectionPeriod)
                                : Show.dateTime(
                                    OwnerVote.correctionEnds(publishedAt: v.registerPublishedAt, days: v.noticeDays))
                        ),
                        (ctx.t(OwnerVotePageText.recordCode), RecordHash.shown(reg.hash)),
                    ])
                C.list(reg.notes.map { $0.in(ctx.lang) })
                H.el("p", [("class", "no-print")]) {
                    if let notice = v.registerNoticeID {
                        C.linkButton(ctx.t(OwnerVotePageText.registerNotice), Site.notice(notice), primary: false)
                    }
                    if m.readRegister {
                        C.linkButton(
                            ctx.t(OwnerVotePageText.registerFull), Site.ownersVote(Site.Pattern.ownersVoteRegister, id),
                            primary: false)
                    }
                }
            } else {
                C.empty(ctx.t(m.manage ? OwnerVotePageText.registerNoneStaff : OwnerVotePageText.registerNone))
            }
            if m.manage && v.status == .draft {
                Forms.button(
                    ctx, action: Site.ownersVote(Site.Pattern.ownersVoteRegister, id),
                    label: ctx.t(OwnerVotePageText.freeze), secondary: false)
            }
            if m.manage && v.status == .registerPublished {
                if m.unanswered > 0 {
                    C.notice(ctx.t(OwnerVotePageText.unanswered, String(m.unanswered)), tone: .warning)
                }
                Forms.button(
                    ctx, action: Site.ownersVote(Site.Pattern.ownersVoteOpen, id), label: ctx.t(OwnerVotePageText.open),
                    secondary: false)
                H.el("details", [("class", "no-print")]) {
                    H.el("summary", text: ctx.t(OwnerVotePageText.refreeze))
                    Forms.form(
                        ctx, action: Site.ownersVote(Site.Pattern.ownersVoteRegister, id),
                        [
                            Forms.textArea(
                                ctx, "reason", label: ctx.t(OwnerVotePageText.reason), max: 500, rows: 2,
                                required: true, errors: m.errors,
                                hint: ctx.t(OwnerVotePageText.reasonHint)),
                            Forms.submit(ctx.t(OwnerVotePageText.refreezeDo)),
                        ])
                }
            }
        }
    }

    /// Voting: the turnout against what the quorum needs (never the choices); organisers enter
    /// ballots, show the projector page and close.
    static func voting(_ ctx: PageContext, _ m: OwnersVotePages.Model) -> HTMLNode {
        let v = m.vote
        guard v.status == .open, let t = m.turnout else { return .group([]) }
        let id = v.id!
        return C.section(ctx.t(OwnerVotePageText.turnout)) {
            turnout(ctx, t)
            H.el("p", [("class", "no-print")]) {
                C.linkButton(ctx.t(OwnerVotePageText.checkReceipts), Site.Pattern.receipts, primary: false)
            }
            if m.manage {
                H.el("p", [("class", "no-print")]) {
                    C.linkButton(ctx.t(OwnerVotePageText.enter), Site.ownersVote(Site.Pattern.ownersVoteEnter, id))
                    C.linkButton(
                        ctx.t(OwnerVotePageText.projector), Site.ownersVote(Site.Pattern.ownersVoteProjector, id),
                        primary: false)
                }
                Forms.button(
                    ctx, action: Site.ownersVote(Site.Pattern.ownersVoteClose, id),
                    label: ctx.t(OwnerVotePageText.close))
            }
        }
    }

    static func turnout(_ ctx: PageContext, _ t: OwnerVote.Turnout) -> HTMLNode {
        let pp = t.personsTotal == 0 ? 0 : min(100, t.personsIn * 100 / t.personsTotal)
        let ap = t.areaTotal == 0 ? 0 : Int(min(100, t.areaIn * 100 / t.areaTotal))
        return H.el("div", [("class", "turnout")]) {
            C.progress(
                pp,
                text: ctx.t(
                    OwnerVotePageText.personsIn, String(t.personsIn), String(t.personsTotal), String(t.personsNeeded)),
                label: ctx.t(OwnerVotePageText.persons))
            C.progress(
                ap,
                text: ctx.t(
                    OwnerVotePageText.areaIn, Show.area(centi: t.areaIn), Show.area(centi: t.areaTotal),
                    Show.area(centi: t.areaNeeded)),
                label: ctx.t(OwnerVotePageText.area))
            C.text(
                t.personsMet && t.areaMet
                    ? ctx.t(OwnerVotePageText.quorumReached)
                    : ctx.t(
                        OwnerVotePageText.quorumStill, String(t.personsStillNeeded), Show.area(centi: t.areaStillNeeded)
                    ))
        }
    }

    /// The result: every figure, every condition with the numbers put in, both readings of invalid
    /// ballots, the clause's outcome when it is on, the notes; publishing and the ballots for organisers.
    static func result(_ ctx: PageContext, _ m: OwnersVotePages.Model) -> HTMLNode {
        let v = m.vote
        guard let r = m.result else { return .group([]) }
        let id = v.id!
        return C.section(ctx.t(OwnerVotePageText.result)) {
            OwnersVoteResultView.figures(ctx, r)
            H.el("p", [("class", "no-print")]) {
                C.linkButton(
                    ctx.t(OwnerVotePageText.resultPage), Site.ownersVote(Site.Pattern.ownersVoteResult, id),
                    primary: false)
                if let n = v.resultNoticeID {
                    C.linkButton(ctx.t(OwnerVotePageText.resultNotice), Site.notice(n), primary: false)
                }
                C.linkButton(ctx.t(OwnerVotePageText.checkReceipts), Site.Pattern.receipts, primary: false)
                if m.manage || !m.mine.isEmpty {
                    C.linkButton(
                        ctx.t(OwnerVotePageText.ballots), Site.ownersVote(Site.Pattern.ownersVoteBallots, id),
                        primary: false)
                }
            }
            if m.manage && v.status == .closed {
                Forms.button(
                    ctx, action: Site.ownersVote(Site.Pattern.ownersVotePublish, id),
                    label: ctx.t(OwnerVotePageText.publish), secondary: false)
            }
        }
    }
}
