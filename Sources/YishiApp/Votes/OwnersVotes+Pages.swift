import Vapor
import YishiCore

/// The owners' votes' views: a place's votes, the form that creates one, and a vote's page — its
/// motion, its register and the owner's own entry, the turnout, the result — with what the
/// viewer may do at its stage.
enum OwnersVotePages {

    struct Model: Sendable {
        var vote: OwnersVote
        var register: VoteRegister?
        var turnout: OwnerVote.Turnout?
        var result: TallyReport?
        var files: [(id: UUID, name: String)]
        /// The organisers' controls.
        var manage: Bool
        /// May read the whole register (staff with the owners' register right).
        var readRegister: Bool
        /// The signed-in owner's entries on this register, and their current ballot's receipt.
        var mine: [(owner: String, person: Int)] = []
        var myBallot: (choice: BallotChoice, receipt: String, version: Int)? = nil
        /// Their homes as people name them, by unit code.
        var unitNames: [String: String] = [:]
        var unanswered = 0
        var now: Date
        var errors = FormErrors()
    }

    static func statusText(_ s: OwnerVote.Status) -> OwnerVotePageText {
        switch s {
        case .draft: OwnerVotePageText.statusDraft
        case .registerPublished: OwnerVotePageText.statusRegister
        case .open: OwnerVotePageText.statusOpen
        case .closed: OwnerVotePageText.statusClosed
        case .resultPublished: OwnerVotePageText.statusPublished
        }
    }

    static func statusTag(_ ctx: PageContext, _ s: OwnerVote.Status) -> HTMLNode {
        C.tag(ctx.t(statusText(s)), tone: s == .open ? .ok : (s == .draft ? .warning : .info))
    }

    static func resultTag(_ ctx: PageContext, _ status: String?) -> HTMLNode {
        guard let s = status.flatMap(TallyStatus.init(rawValue:)) else { return .group([]) }
        return C.tag(
            OwnersTally.statusName(s).in(ctx.lang), tone: s == .passed ? .ok : (s == .needsReview ? .warning : .info))
    }

    static func list(_ ctx: PageContext, node: TerritoryNode, votes: [OwnersVote], manage: Bool) -> PageView {
        PageView(title: ctx.t(OwnerVotePageText.listTitle, node.name)) {
            if manage && (node.level == .compound || node.level == .building) {
                H.el("p", [], [C.linkButton(ctx.t(OwnerVotePageText.newTitle), Site.ownersVoteNew(node: node.id!))])
            }
            if votes.isEmpty {
                C.empty(ctx.t(manage ? OwnerVotePageText.listEmptyStaff : OwnerVotePageText.listEmpty))
            } else {
                H.el("ul", [("class", "cards")]) {
                    for v in votes {
                        H.el("li", [("class", "card")]) {
                            H.el("h3", [], [H.link(v.title, Site.ownersVote(v.id!))])
                            H.el("p", [("class", "tags")]) {
                                statusTag(ctx, v.status)
                                resultTag(ctx, v.resultStatus)
                            }
                            C.text(
                                v.node.name + " · "
                                    + ctx.t(
                                        OwnerVotePageText.matterLine, String(v.matterNumber), v.matter.name.in(ctx.lang)
                                    ), muted: true)
                        }
                    }
                }
            }
        }
    }

    struct NewForm: Sendable {
        var node: String?
        var matter: String?
        var title: String?
        var text: String?
        var countParking: Bool = false
        var silence: Bool = false
        var silenceRule: String?
        var noticeDays: String?
        var opensAt: String?
        var closesAt: String?
        var sharedPart: String?
        var partBuildings: [String] = []
        var project: String?
    }

    static func newVote(
        _ ctx: PageContext, node: TerritoryNode, buildings: [TerritoryNode], days: Int, form f: NewForm,
        errors: FormErrors = FormErrors(), status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(OwnerVotePageText.newTitle), status: status) {
            C.text(ctx.t(OwnerVotePageText.newLead, node.name))
            Forms.summary(ctx, errors, order: ["matter", "title", "text", "silenceRule", "noticeDays", "closesAt"])
            Forms.form(
                ctx, action: Site.Pattern.ownersVotes, multipart: true,
                [
                    H.void("input", [("type", "hidden"), ("name", "node"), ("value", node.id!.uuidString)]),
                    H.void("input", [("type", "hidden"), ("name", "project"), ("value", f.project ?? "")]),
                    Forms.select(
                        ctx, "matter", label: ctx.t(OwnerVotePageText.matter),
                        options: OwnersMatter.allCases.map {
                            (String($0.rawValue), "\($0.rawValue). \($0.name.in(ctx.lang))")
                        }, selected: f.matter, required: true, errors: errors, hint: ctx.t(OwnerVotePageText.matterHint)
                    ),
                    Forms.field(
                        ctx, "title", label: ctx.t(OwnerVotePageText.voteTitle), value: f.title ?? "", required: true,
                        errors: errors),
                    Forms.textArea(
                        ctx, "text", label: ctx.t(OwnerVotePageText.motion), value: f.text ?? "", max: 5_000, rows: 6,
                        required: true,
                        errors: errors, hint: ctx.t(OwnerVotePageText.motionHint)),
                    Forms.files(
                        ctx, "files", label: ctx.t(OwnerVotePageText.documents), accept: ".pdf,image/*", errors: errors),
                    Forms.checkboxes(
                        ctx, "countParking", legend: ctx.t(OwnerVotePageText.settings),
                        options: [("1", ctx.t(OwnerVotePageText.countParking))], checked: f.countParking ? ["1"] : [],
                        hint: ctx.t(OwnerVotePageText.countParkingHint)),
                    Forms.checkboxes(
                        ctx, "silence", legend: ctx.t(OwnerVotePageText.silence),
                        options: [("1", ctx.t(OwnerVotePageText.silenceOn))],
                        checked: f.silence ? ["1"] : [], hint: ctx.t(OwnerVotePageText.silenceHint)),
                    Forms.textArea(
                        ctx, "silenceRule", label: ctx.t(OwnerVotePageText.silenceRule), value: f.silenceRule ?? "",
                        max: 2_000, rows: 3,
                        errors: errors),
                    Forms.field(
                        ctx, "noticeDays", label: ctx.t(OwnerVotePageText.noticeDays),
                        value: f.noticeDays ?? String(days), type: "number",
                        errors: errors, hint: ctx.t(OwnerVotePageText.noticeDaysHint, String(days)),
                        attributes: [("min", "0"), ("max", "90")]),
                    Forms.field(
                        ctx, "closesAt", label: ctx.t(OwnerVotePageText.closesAt), value: f.closesAt ?? "",
                        type: "datetime-local",
                        errors: errors, hint: ctx.t(OwnerVotePageText.closesAtHint)),
                ]
                    + (buildings.isEmpty
                        ? []
                        : [
                            Forms.field(
                                ctx, "sharedPart", label: ctx.t(OwnerVotePageText.sharedPart),
                                value: f.sharedPart ?? "", errors: errors,
                                hint: ctx.t(OwnerVotePageText.sharedPartHint)),
                            Forms.checkboxes(
                                ctx, "partBuildings", legend: ctx.t(OwnerVotePageText.partBuildings),
                                options: buildings.map { ($0.id!.uuidString, $0.name) }, checked: Set(f.partBuildings),
                                errors: errors, row: true),
                        ]) + [Forms.submit(ctx.t(OwnerVotePageText.create))])
        }
    }

    static func threshold(_ ctx: PageContext, _ m: OwnersMatter) -> String {
        ctx.t(m.threshold == .half ? OwnerVotePageText.thresholdHalf : OwnerVotePageText.thresholdThreeQuarters)
    }

    /// The vote's page.
    static func vote(_ ctx: PageContext, _ m: Model, status: HTTPStatus = .ok) -> PageView {
        let v = m.vote
        let id = v.id!
        return PageView(title: v.title, status: status) {
            H.el("p", [("class", "tags")]) {
                statusTag(ctx, v.status)
                resultTag(ctx, v.resultStatus)
            }
            C.breadcrumbs(
                v.title, [(ctx.t(OwnerVotePageText.listTitle, v.node.name), Site.ownersVotes(node: v.$node.id))])
            C.facts(
                [
                    (ctx.t(OwnerVotePageText.matter), "\(v.matterNumber). \(v.matter.name.in(ctx.lang))"),
                    (ctx.t(OwnerVotePageText.needs), threshold(ctx, v.matter)),
                    (ctx.t(OwnerVotePageText.scope), scopeLine(ctx, v)),
                    (
                        ctx.t(OwnerVotePageText.settings),
                        ctx.t(v.countParking ? OwnerVotePageText.parkingCounted : OwnerVotePageText.parkingNotCounted)
                    ),
                    (ctx.t(OwnerVotePageText.closesAt), Show.dateTime(v.closesAt)),
                ])
            C.section(ctx.t(OwnerVotePageText.motion)) {
                C.paragraphs(v.text)
                if !m.files.isEmpty {
                    C.list(m.files.map { [H.link($0.name, Site.ownersVoteFile(id, $0.id))] })
                }
                if v.silence {
                    C.notice(ctx.t(OwnerVotePageText.silenceWarning, v.silenceRule ?? ""), tone: .warning)
                }
            }
            OwnersVoteSections.owner(ctx, m)
            OwnersVoteSections.register(ctx, m)
            OwnersVoteSections.voting(ctx, m)
            OwnersVoteSections.result(ctx, m)
        }
    }

    static func scopeLine(_ ctx: PageContext, _ v: OwnersVote) -> String {
        switch v.decisionScope {
        case .wholeEstate: ctx.t(OwnerVotePageText.scopeWhole, v.node.name)
        case .sharedPart(let part): ctx.t(OwnerVotePageText.scopePart, v.node.name, part)
        case .buildingGroup(let b): ctx.t(OwnerVotePageText.scopeBuilding, b)
        }
    }
}

extension OwnersVotePages {
    /// The resident home's votes: each open one they may cast, with its deadline and one large button.
    static func home(_ ctx: PageContext, _ votes: [OwnersVotes.Waiting]) -> HTMLNode {
        C.section(ctx.t(HomeText.votes)) {
            if votes.isEmpty { C.empty(ctx.t(HomeText.votesEmpty)) }
            for v in votes {
                H.el("div", [("class", "card")]) {
                    H.el(
                        "h3", [],
                        [
                            H.link(
                                ctx.t(OwnerVotePageText.homeVote, v.title, Show.dateTime(v.closes)),
                                Site.ownersVote(v.id))
                        ])
                    H.el(
                        "p", [],
                        [
                            C.linkButton(
                                ctx.t(v.voted ? OwnerVotePageText.correctYours : OwnerVotePageText.castYours),
                                Site.ownersVote(Site.Pattern.ownersVoteBallot, v.id), primary: !v.voted)
                        ])
                }
            }
        }
    }
}
