import Vapor
import YishiCore

/// Ballots on screen: the owner's own (three large buttons that work in care mode), staff's entry of
/// paper and proxy ballots (the form stays open for the next), the projector page, a receipt checked.
enum OwnersVoteBallotPages {

    struct Entry: Sendable {
        var owner: String
        var person: Int
        var names: [String]
        var units: [String]
        var ballot: (choice: BallotChoice, receipt: String)?
        /// Not when the home is co-owned and another (or no) co-owner is designated.
        var mayCast = true
    }

    static func ballot(
        _ ctx: PageContext, _ v: OwnersVote, entries: [Entry], receipt: String?, files: [(id: UUID, name: String)],
        errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(OwnerVotePageText.ballotTitle, v.title), status: status) {
            if let receipt {
                C.notice(ctx.t(OwnerVotePageText.castDone, receipt), tone: .ok)
                H.el(
                    "p", [],
                    [C.linkButton(ctx.t(OwnerVotePageText.checkReceipt), Site.receipt(receipt), primary: false)])
            }
            Forms.summary(ctx, errors)
            C.section(ctx.t(OwnerVotePageText.motion)) {
                C.paragraphs(v.text)
                if !files.isEmpty { C.list(files.map { [H.link($0.name, Site.ownersVoteFile(v.id!, $0.id))] }) }
                C.text(ctx.t(OwnerVotePageText.deadline, Show.dateTime(v.closesAt)), muted: v.closesAt == nil)
            }
            if v.status != .open {
                C.notice(
                    ctx.t(
                        v.status == .closed || v.status == .resultPublished
                            ? OwnerVotePageText.ballotClosed : OwnerVotePageText.ballotNotYet))
            } else if entries.isEmpty {
                C.empty(ctx.t(OwnerVotePageText.notOwner))
            } else {
                for e in entries {
                    C.section(ctx.t(OwnerVotePageText.forHome, e.units.joined(separator: "、"))) {
                        if let b = e.ballot {
                            C.text(
                                ctx.t(OwnerVotePageText.currentChoice, ctx.t(OwnerVoteText.choice(b.choice)), b.receipt)
                            )
                        }
                        if e.mayCast {
                            choiceForm(ctx, v, e)
                        } else {
                            C.notice(ctx.t(OwnerVoteText.notDesignated), tone: .warning)
                        }
                    }
                }
            }
        }
    }

    /// The three large buttons of a ballot (a correction when one is cast already).
    static func choiceForm(_ ctx: PageContext, _ v: OwnersVote, _ e: Entry) -> HTMLNode {
        Forms.form(
            ctx, action: Site.ownersVote(Site.Pattern.ownersVoteBallot, v.id!), class: "ballot",
            [
                H.void("input", [("type", "hidden"), ("name", "owner"), ("value", e.owner)]),
                H.void(
                    "input",
                    [("type", "hidden"), ("name", "correction"), ("value", e.ballot == nil ? "" : "1")]),
                H.el("p", [("class", "hint")], text: ctx.t(OwnerVotePageText.choose)),
                H.el("div", [("class", "ballot-choices")]) {
                    for c in [BallotChoice.agree, .against, .abstain] {
                        H.el(
                            "button",
                            [
                                ("type", "submit"), ("name", "choice"), ("value", c.rawValue),
                                ("class", "ballot-choice \(c.rawValue)"),
                            ], text: ctx.t(OwnerVoteText.choice(c)))
                    }
                },
                H.el("p", [("class", "hint")], text: ctx.t(OwnerVotePageText.correctHint)),
            ])
    }

    struct EnterForm: Sendable {
        var owner: String?
        var channel: String?
        var choice: String?
        var serial: String?
        var invalidReason: String?
        var proxyName: String?
        var instruction: String?
        var correction = false
    }

    static func enter(
        _ ctx: PageContext, _ v: OwnersVote, turnout: OwnerVote.Turnout, form f: EnterForm, done: String?,
        errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        let choices = BallotChoice.allCases.map { ($0.rawValue, ctx.t(OwnerVoteText.choice($0))) }
        return PageView(title: ctx.t(OwnerVotePageText.enterTitle, v.title), status: status) {
            C.breadcrumbs(ctx.t(OwnerVotePageText.enter), [(v.title, Site.ownersVote(v.id!))])
            if let done { C.notice(ctx.t(OwnerVotePageText.entered, done), tone: .ok) }
            OwnersVoteSections.turnout(ctx, turnout)
            Forms.summary(ctx, errors, order: ["owner", "channel", "choice", "serial", "invalidReason", "authority"])
            Forms.form(
                ctx, action: Site.ownersVote(Site.Pattern.ownersVoteEnter, v.id!), multipart: true,
                [
                    Forms.field(
                        ctx, "owner", label: ctx.t(OwnerVotePageText.ownerCode), value: f.owner ?? "", required: true,
                        errors: errors,
                        hint: ctx.t(OwnerVotePageText.ownerCodeHint),
                        attributes: [("autofocus", nil), ("autocomplete", "off")]),
                    Forms.checkboxes(
                        ctx, "channel", legend: ctx.t(OwnerVotePageText.channel),
                        options: [OwnerVote.Channel.paper, .proxy].map {
                            ($0.rawValue, ctx.t(OwnerVoteText.channel($0)))
                        },
                        checked: [f.channel ?? "paper"], errors: errors, radio: true, required: true, row: true),
                    Forms.select(
                        ctx, "choice", label: ctx.t(OwnerVotePageText.choice), options: choices, selected: f.choice,
                        required: true,
                        errors: errors),
                    Forms.field(
                        ctx, "serial", label: ctx.t(OwnerVotePageText.serial), value: f.serial ?? "", errors: errors,
                        hint: ctx.t(OwnerVotePageText.serialHint)),
                    Forms.select(
                        ctx, "invalidReason", label: ctx.t(OwnerVotePageText.invalidReason),
                        options: OwnerVote.InvalidReason.allCases.map {
                            ($0.rawValue, ctx.t(OwnerVoteText.reason($0)))
                        },
                        selected: f.invalidReason, errors: errors, hint: ctx.t(OwnerVotePageText.invalidReasonHint)),
                    Forms.files(
                        ctx, "scan", label: ctx.t(OwnerVotePageText.scan), accept: ".pdf,image/*", errors: errors,
                        single: true),
                    H.el("fieldset", [("class", "field")]) {
                        H.el("legend", text: ctx.t(OwnerVotePageText.proxy))
                        Forms.field(
                            ctx, "proxyName", label: ctx.t(OwnerVotePageText.proxyName), value: f.proxyName ?? "",
                            errors: errors)
                        Forms.select(
                            ctx, "instruction", label: ctx.t(OwnerVotePageText.instruction),
                            options: Array(choices.prefix(3)),
                            selected: f.instruction, errors: errors)
                        Forms.files(
                            ctx, "authority", label: ctx.t(OwnerVotePageText.authority), accept: ".pdf,image/*",
                            errors: errors, single: true)
                    },
                    Forms.checkboxes(
                        ctx, "correction", legend: ctx.t(OwnerVotePageText.correction),
                        options: [("1", ctx.t(OwnerVotePageText.correctionBox))],
                        checked: f.correction ? ["1"] : []),
                    Forms.submit(ctx.t(OwnerVotePageText.enterDo)),
                ])
        }
    }

    /// The projector page for an assembly: persons and area against the quorum, large, refreshed
    /// every ten seconds; never the choices.
    static func projector(_ ctx: PageContext, _ v: OwnersVote, _ t: OwnerVote.Turnout) -> PageView {
        PageView(title: v.title, refreshSeconds: v.status == .open ? 10 : nil) {
            H.el("div", [("class", "projector")]) {
                OwnersVoteSections.turnout(ctx, t)
                H.el("p", [("class", "projector-figure")]) {
                    H.el("span", [("class", "big")], text: "\(t.personsIn) / \(t.personsTotal)")
                    H.el("span", text: ctx.t(OwnerVotePageText.projectorPersons, String(t.personsNeeded)))
                }
                H.el("p", [("class", "projector-figure")]) {
                    H.el("span", [("class", "big")], text: "\(Area(centi: t.areaIn)) ㎡")
                    H.el(
                        "span",
                        text: ctx.t(
                            OwnerVotePageText.projectorArea, Show.area(centi: t.areaTotal),
                            Show.area(centi: t.areaNeeded)))
                }

                C.text(
                    ctx.t(v.status == .open ? OwnerVotePageText.projectorLive : OwnerVotePageText.ballotClosed),
                    muted: true)
            }
        }
    }

    static func receiptForm(_ ctx: PageContext, code: String = "", status: HTTPStatus = .ok) -> PageView {
        PageView(title: ctx.t(OwnerVotePageText.receiptTitle), status: status) {
            C.text(ctx.t(OwnerVotePageText.receiptLead))
            if status == .notFound { C.notice(ctx.t(OwnerVotePageText.receiptUnknown), tone: .warning) }
            H.el("form", [("method", "get"), ("action", Site.Pattern.receipts), ("class", "stack")]) {
                Forms.field(
                    ctx, "code", label: ctx.t(OwnerVotePageText.receiptCode), value: code, required: true,
                    hint: ctx.t(OwnerVotePageText.receiptCodeHint),
                    attributes: [("autocomplete", "off"), ("autocapitalize", "characters")])
                Forms.submit(ctx.t(OwnerVotePageText.receiptCheck))
            }
        }
    }

    static func receipt(_ ctx: PageContext, _ r: OwnersVotes.ReceiptView) -> PageView {
        let closed = r.vote.status == .closed || r.vote.status == .resultPublished
        return PageView(title: ctx.t(OwnerVotePageText.receiptTitle)) {
            C.notice(
                ctx.t(
                    r.counts
                        ? (closed ? OwnerVotePageText.receiptCounted : OwnerVotePageText.receiptStands)
                        : OwnerVotePageText.receiptReplaced),
                tone: r.counts ? .ok : .warning)
            C.facts(
                [
                    (ctx.t(OwnerVotePageText.receiptCode), r.event.receipt),
                    (ctx.t(OwnerVotePageText.voteLabel), r.vote.title),
                    (ctx.t(OwnerVotePageText.choice), ctx.t(OwnerVoteText.choice(r.event.choice))),
                    (ctx.t(OwnerVotePageText.channel), ctx.t(OwnerVoteText.channel(r.event.channel))),
                    (ctx.t(OwnerVotePageText.when), Show.dateTime(r.event.at)),
                ])
            H.el("p", [], [C.linkButton(ctx.t(OwnerVotePageText.toVote), Site.ownersVote(r.vote.id!), primary: false)])
        }
    }
}
