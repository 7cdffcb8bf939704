import Vapor
import YishiCore

/// The planner's certificate (an A4 sheet) and the service form a planner fills in on their phone.
extension PlannerPages {
    /// The certificate as an A4 sheet (第七条: the district government for experts, the subdistrict
    /// otherwise): the planner, the place, the tier, the term, its number and the rules it rests on.
    static func certificate(
        _ ctx: PageContext, _ a: PlannerAppointmentRow, planner: Planner, scope: TerritoryNode,
        authority: TerritoryNode, rules: PlannerRules?, issued: String
    ) -> PageView {
        PageView(title: ctx.t(PlannerPageText.certificate) + " · " + planner.name) {
            H.el("p", [("class", "no-print")], [H.link(ctx.t(CommonText.back), Site.planner(planner.id!))])
            H.el("article", [("class", "poster")]) {
                H.el(
                    "p", [("class", ctx.lang == .zhHans ? "poster-kind spaced" : "poster-kind")],
                    text: ctx.t(PlannerPageText.certificateKind))
                H.el(
                    "p", [("class", "poster-period")],
                    text: ctx.t(PlannerPageText.certificateBody, planner.name, scope.name, tierName(ctx, a.tier)))
                H.el("p", [], text: ctx.t(PlannerPageText.certificateTerm, a.startsOn, a.endsOn))
                H.el("p", [], text: ctx.t(PlannerPageText.certificateNumber, a.certificate))
                if let rules {
                    H.el("p", [], text: ctx.t(PlannerPageText.certificateRules, rules.title, String(rules.version)))
                }
                H.el(
                    "p", [("class", "poster-from")],
                    text: ctx.t(
                        PlannerPageText.certificateBy,
                        a.tier == .districtExpert
                            ? ctx.t(PlannerPageText.certificateDistrict, authority.name) : authority.name) + " · "
                        + issued)
            }
        }
    }

    static func hours(_ h: Double) -> String {
        h == h.rounded()
            ? String(Int(h))
            : String(format: "%.2f", h).replacingOccurrences(of: "0$", with: "", options: .regularExpression)
    }

    struct LogForm: Sendable {
        var kind: String?
        var day: String?
        var hours: String?
        var place: String?
        var project: String?
        var meeting: String?
        var note: String?
    }

    static func log(
        _ ctx: PageContext, form: LogForm, places: [(value: String, label: String)],
        work: (projects: [Option], meetings: [Option]), errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(PlannerPageText.logTitle), status: status) {
            C.text(ctx.t(PlannerPageText.logIntro), muted: true)
            Forms.summary(ctx, errors, order: ["kind", "day", "hours", "node", "project", "meeting", "note"])
            Forms.form(
                ctx, action: Site.Pattern.plannerLog,
                [
                    Forms.select(
                        ctx, "kind", label: ctx.t(PlannerPageText.logKind),
                        options: ServiceKind.allCases.map { ($0.rawValue, ctx.t(PlannerText.kind($0))) },
                        selected: form.kind ?? ServiceKind.visit.rawValue, required: true, errors: errors,
                        includeBlank: false),
                    Forms.field(
                        ctx, "day", label: ctx.t(PlannerPageText.logDay), value: form.day ?? "", type: "date",
                        required: true, errors: errors),
                    Forms.field(
                        ctx, "hours", label: ctx.t(PlannerPageText.logHours), value: form.hours ?? "", type: "number",
                        required: true, errors: errors, hint: ctx.t(PlannerPageText.logHoursHint),
                        attributes: [("step", "0.25"), ("min", "0.25"), ("max", "24"), ("inputmode", "decimal")]),
                    Forms.select(
                        ctx, "node", label: ctx.t(PlannerPageText.logPlace), options: places, selected: form.place,
                        errors: errors),
                    Forms.select(
                        ctx, "project", label: ctx.t(PlannerPageText.logProject), options: work.projects,
                        selected: form.project, errors: errors),
                    Forms.select(
                        ctx, "meeting", label: ctx.t(PlannerPageText.logMeeting), options: work.meetings,
                        selected: form.meeting, errors: errors),
                    Forms.textArea(
                        ctx, "note", label: ctx.t(PlannerPageText.logNote), value: form.note ?? "", max: 500,
                        errors: errors),
                    Forms.submit(ctx.t(PlannerPageText.logSubmit)),
                ])
        }
    }
}
