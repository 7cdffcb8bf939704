import Vapor
import YishiCore

/// The money pages around a pot: the pots of a place, the form that opens a pot, and a matcher
/// pot's rules with the form for its next one.
extension FundPages {
    // MARK: The pots of a place

    struct PotRow: Sendable {
        var pot: FundPot
        var reserved: Int64
    }

    static func list(_ ctx: PageContext, node: TerritoryNode, rows: [PotRow], mayCreate: Bool) -> PageView {
        PageView(title: ctx.t(FundPageText.title)) {
            C.text(ctx.t(FundPageText.intro, node.name), muted: true)
            if mayCreate { C.linkButton(ctx.t(FundPageText.newPot), Site.fundPotNew(node: node.id!)) }
            if rows.isEmpty {
                C.empty(ctx.t(FundPageText.noPots))
            } else {
                C.table(
                    caption: ctx.t(FundPageText.title),
                    headers: [
                        ctx.t(FundPageText.pot), ctx.t(FundPageText.kind), ctx.t(FundPageText.custodian),
                        ctx.t(FundPageText.balance), ctx.t(FundPageText.available),
                    ],
                    rows: rows.map { r in
                        [
                            H.link(r.pot.name, Site.fundPot(r.pot.id!)), .text(kindName(ctx, r.pot.kind)),
                            .text(r.pot.custodian), .text(Show.money(fen: r.pot.balance)),
                            .text(Show.money(fen: r.pot.balance - r.reserved)),
                        ]
                    })
            }
        }
    }

    // MARK: A new pot

    struct PotForm: Sendable {
        var values: [String: String] = [:]
        func v(_ k: String) -> String { values[k] ?? "" }
    }

    static func newPot(
        _ ctx: PageContext, node: TerritoryNode, form: PotForm, resolutions: [Option], errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        let kinds: [Option] = PotKind.allCases.map { ($0.rawValue, kindName(ctx, $0)) }
        let schedules: [Option] = FundStatement.Schedule.allCases.map { ($0.rawValue, ctx.t(FundText.schedule($0))) }
        return PageView(title: ctx.t(FundPageText.newPot), status: status) {
            C.text(ctx.t(FundPageText.newPotAt, node.name), muted: true)
            Forms.summary(ctx, errors, order: ["kind", "name", "custodian", "legalOwner", "node"])
            Forms.form(
                ctx, action: Site.fundPotNew(node: node.id!),
                [
                    Forms.select(
                        ctx, "kind", label: ctx.t(FundPageText.kind), options: kinds, selected: form.values["kind"],
                        required: true, errors: errors, hint: ctx.t(FundPageText.kindHint)),
                    Forms.field(
                        ctx, "name", label: ctx.t(FundPageText.name), value: form.v("name"), required: true,
                        errors: errors),
                    Forms.field(
                        ctx, "custodian", label: ctx.t(FundPageText.custodian), value: form.v("custodian"),
                        required: true,
                        errors: errors, hint: ctx.t(FundPageText.custodianHint)),
                    Forms.field(
                        ctx, "legalOwner", label: ctx.t(FundPageText.legalOwner), value: form.v("legalOwner"),
                        required: true, errors: errors, hint: ctx.t(FundPageText.legalOwnerHint)),
                    Forms.textArea(
                        ctx, "purposes", label: ctx.t(FundPageText.purposes), value: form.v("purposes"), max: 500,
                        rows: 2, errors: errors),
                    Forms.select(
                        ctx, "schedule", label: ctx.t(FundPageText.schedule), options: schedules,
                        selected: form.values["schedule"], errors: errors, hint: ctx.t(FundPageText.scheduleHint)),
                    Forms.select(
                        ctx, "resolution", label: ctx.t(FundPageText.resolution), options: resolutions,
                        selected: form.values["resolution"], errors: errors, hint: ctx.t(FundPageText.resolutionHint)),
                    Forms.field(
                        ctx, "authorised", label: ctx.t(FundPageText.authorised), value: form.v("authorised"),
                        errors: errors, attributes: [("inputmode", "decimal")]),
                    Forms.field(
                        ctx, "step2", label: ctx.t(FundPageText.secondStep), value: form.v("step2"), errors: errors,
                        hint: ctx.t(FundPageText.secondStepHint), attributes: [("inputmode", "decimal")]),
                    Forms.checkboxes(
                        ctx, "show", legend: ctx.t(FundPageText.publicShows),
                        options: [
                            ("names", ctx.t(FundPageText.showNames)), ("invoices", ctx.t(FundPageText.showInvoices)),
                        ],
                        checked: Set((form.values["show"] ?? "").split(separator: ",").map(String.init))),
                    Forms.submit(ctx.t(FundPageText.create)),
                ])
        }
    }

    /// One rule as a line: its version, ratio, target, what it has matched and what is left.
    static func ruleLine(
        _ ctx: PageContext, _ r: FundMatchingRule, matched: Int64, target: String, shares: [(String, Int64)]
    ) -> String {
        let rule = r.rule
        // What is left to match, while the rule still matches.
        let cap =
            r.status == .open
            ? rule?.total.map { ctx.t(FundPageText.remaining, Show.money(fen: $0 - matched)) } ?? "" : ""
        let when: String =
            switch r.trigger {
            case .receipt: ctx.t(FundPageText.triggerReceipt)
            case .projectApproval: ctx.t(FundPageText.triggerProjectApproval)
            case .roundClose: ctx.t(FundPageText.triggerRoundClose)
            }
        let split =
            shares.isEmpty
            ? ""
            : " · "
                + ctx.t(
                    FundPageText.sharedBy,
                    shares.map { ctx.t(FundPageText.shareOf, $0.0, String($0.1)) }.joined(
                        separator: ctx.lang == .zhHans ? "、" : ", ")) + ctx.t(FundPageText.remainderRule)
        return ctx.t(
            FundPageText.ruleLine, String(r.version), "\(rule?.numerator ?? 0):\(rule?.denominator ?? 1)", target,
            Show.money(fen: matched)) + cap + " · " + when + split
            + (r.status == .closed ? " · " + ctx.t(FundPageText.closed) : "")
    }

    /// A matcher pot's form for its next rule.
    static func ruleForm(_ ctx: PageContext, _ p: FundPot, _ m: PotModel, form: [String: String], errors: FormErrors)
        -> HTMLNode
    {
        Forms.form(
            ctx, action: Site.fundRules(p.id!),
            [
                H.el("h3", text: ctx.t(FundPageText.ruleTitle)),
                Forms.select(
                    ctx, "target", label: ctx.t(FundPageText.ruleTarget), options: m.targets, selected: form["target"],
                    required: true, errors: errors, id: "m-target"),
                Forms.field(
                    ctx, "numerator", label: ctx.t(FundPageText.ruleNumerator), value: form["numerator"] ?? "1",
                    required: true, errors: errors, attributes: [("inputmode", "numeric")], id: "m-numerator"),
                Forms.field(
                    ctx, "denominator", label: ctx.t(FundPageText.ruleDenominator), value: form["denominator"] ?? "1",
                    required: true, errors: errors, attributes: [("inputmode", "numeric")], id: "m-denominator"),
                Forms.field(
                    ctx, "perHousehold", label: ctx.t(FundPageText.rulePerHousehold), value: form["perHousehold"] ?? "",
                    errors: errors, attributes: [("inputmode", "decimal")], id: "m-perHousehold"),
                Forms.field(
                    ctx, "total", label: ctx.t(FundPageText.ruleTotal), value: form["total"] ?? "", errors: errors,
                    attributes: [("inputmode", "decimal")], id: "m-total"),
                Forms.field(
                    ctx, "threshold", label: ctx.t(FundPageText.ruleThreshold), value: form["threshold"] ?? "",
                    errors: errors, attributes: [("inputmode", "decimal")], id: "m-threshold"),
                Forms.select(
                    ctx, "trigger", label: ctx.t(FundPageText.ruleTrigger),
                    options: [
                        (MatchTrigger.receipt.rawValue, ctx.t(FundPageText.triggerReceipt)),
                        (MatchTrigger.projectApproval.rawValue, ctx.t(FundPageText.triggerProjectApproval)),
                        (MatchTrigger.roundClose.rawValue, ctx.t(FundPageText.triggerRoundClose)),
                    ], selected: form["trigger"] ?? MatchTrigger.receipt.rawValue, errors: errors, includeBlank: false,
                    hint: ctx.t(FundPageText.triggerHint), id: "m-trigger"),
                // Several matchers: only where another matching pot could pay with this one.
                m.coMatchers.isEmpty
                    ? .group([])
                    : .group([
                        C.text(ctx.t(FundPageText.ruleCoHint), muted: true),
                        Forms.field(
                            ctx, "weight", label: ctx.t(FundPageText.ruleWeight), value: form["weight"] ?? "1",
                            errors: errors, attributes: [("inputmode", "numeric")], id: "m-weight"),
                        Forms.select(
                            ctx, "coMatcher", label: ctx.t(FundPageText.ruleCoMatcher), options: m.coMatchers,
                            selected: form["coMatcher"], errors: errors, includeBlank: true, id: "m-coMatcher"),
                        Forms.field(
                            ctx, "coWeight", label: ctx.t(FundPageText.ruleCoWeight), value: form["coWeight"] ?? "1",
                            errors: errors, attributes: [("inputmode", "numeric")], id: "m-coWeight"),
                    ]),
                Forms.field(
                    ctx, "validUntil", label: ctx.t(FundPageText.ruleUntil), value: form["validUntil"] ?? "",
                    type: "date", errors: errors, id: "m-validUntil"),
                Forms.submit(ctx.t(FundPageText.ruleCreate)),
            ])
    }
}
