import Vapor
import YishiCore

/// A resident's record as staff see it: who, where, marks, and — for those who may — the forms
/// to correct the details, move them to another household and show the whole phone number.
struct ResidentPage: Sendable {
    var home: ResidentHome
    /// The building's ancestors, district first (for the address and the breadcrumbs).
    var ancestors: [TerritoryNode]
    var hasAccount: Bool
    var currentYear: Int
    var may: May
    /// The whole number, just revealed (and audited).
    var revealedPhone: String?

    struct May: Sendable {
        var edit = false
        var reveal = false
        var assist = false
    }

    static let channels: [YishiCore.Channel] = [.visit, .reception, .phone, .paper, .meeting, .questionnaire]

    /// The form's values: the stored details, or what was typed when it was refused.
    struct Form: Content {
        var name: String?
        var birthYear: String?
        var phone: String?
        var flags: [String]?
        var channel: String?
        var household: String?
    }

    /// "1950（76 岁）": a year of birth with the age it makes this year, as every register page shows it.
    static func birthYear(_ ctx: PageContext, _ year: Int, currentYear: Int) -> String {
        ctx.paren(
            String(year), ctx.t(PeopleText.age, String(ResidentRules.age(birthYear: year, currentYear: currentYear))))
    }

    static func address(_ ancestors: [TerritoryNode], building: TerritoryNode, unit: Unit) -> String {
        (ancestors.map(\.name) + [building.name, unit.number]).joined(separator: " ")
    }

    static func flagOptions(_ ctx: PageContext) -> [(value: String, label: String)] {
        ResidentFlags.named.map { ($0.name, ctx.t("enum.ResidentFlag.\($0.name)")) }
    }

    static func view(
        _ m: ResidentPage, _ ctx: PageContext, form: Form? = nil, errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) -> PageView {
        let r = m.home.resident
        let id = r.id!
        let phone: String =
            m.revealedPhone ?? r.phone.map(OneTimeCodeRules.mask) ?? ctx.t(PeopleText.phoneNone)
        let form =
            form
            ?? Form(
                name: r.name, birthYear: String(r.birthYear), phone: r.phone.map(OneTimeCodeRules.mask) ?? "",
                flags: r.residentFlags.names, channel: nil, household: nil)
        let trail =
            [(ctx.t(TerritoryText.title), Site.territory)] + m.ancestors.map { ($0.name, Site.node($0.id!)) } + [
                (m.home.building.name, Site.node(m.home.building.id!)),
                (m.home.unit.number, Site.unit(m.home.unit.id!)), (r.name, ""),
            ]
        return PageView(title: r.name, status: status) {
            C.breadcrumbs(ctx.t(TerritoryText.title), trail)
            Forms.summary(
                ctx, errors, order: ["name", "birthYear", "phone", "flags", "channel", "household", "moveChannel"])
            C.facts([
                (
                    ctx.t(PeopleText.birthYear),
                    ResidentPage.birthYear(ctx, r.birthYear, currentYear: m.currentYear)
                ),
                (m.revealedPhone == nil ? ctx.t(PeopleText.phone) : ctx.t(PeopleText.revealed), phone),
                (ctx.t(PeopleText.home), address(m.ancestors, building: m.home.building, unit: m.home.unit)),
                (ctx.t(PeopleText.household), m.home.household.code),
                (ctx.t(PeopleText.account), m.hasAccount ? ctx.t(AccountText.verified) : ctx.t(CommonText.no)),
            ])
            if !r.residentFlags.names.isEmpty {
                H.el("p", [("class", "tags")], r.residentFlags.names.map { C.tag(ctx.t("enum.ResidentFlag.\($0)")) })
            }
            if m.may.reveal, r.phone != nil, m.revealedPhone == nil {
                H.el("div", [("class", "no-print")]) {
                    Forms.button(ctx, action: Site.residentReveal(id), label: ctx.t(PeopleText.reveal))
                    C.text(ctx.t(PeopleText.revealNote), muted: true)
                }
            }
            if m.may.assist, !m.hasAccount {
                H.el("p", [], [C.linkButton(ctx.t(TerritoryText.residentAssist), Site.assist(id), primary: false)])
            }
            if m.may.edit {
                C.section(ctx.t(PeopleText.edit)) {
                    Forms.form(
                        ctx, action: Site.resident(id),
                        detailFields(ctx, form: form, errors: errors) + [
                            channelField(ctx, form: form, errors: errors), Forms.submit(ctx.t(CommonText.save)),
                        ])
                }
                C.section(ctx.t(PeopleText.move)) {
                    Forms.form(
                        ctx, action: Site.residentMove(id),
                        [
                            Forms.field(
                                ctx, "household", label: ctx.t(PeopleText.moveHousehold), value: form.household ?? "",
                                required: true, errors: errors, hint: ctx.t(PeopleText.moveHint)),
                            channelField(ctx, form: form, errors: errors, name: "moveChannel"),
                            Forms.submit(ctx.t(PeopleText.move)),
                        ])
                }
            }
        }
    }

    /// Name, year of birth, phone and marks: the same fields for a change and for a new resident.
    static func detailFields(_ ctx: PageContext, form: Form, errors: FormErrors) -> [HTMLNode] {
        [
            Forms.field(
                ctx, "name", label: ctx.t(TerritoryText.residentName), value: form.name ?? "", required: true,
                errors: errors),
            Forms.field(
                ctx, "birthYear", label: ctx.t(PeopleText.birthYear), value: form.birthYear ?? "", required: true,
                errors: errors, attributes: [("inputmode", "numeric"), ("maxlength", "4")]),
            Forms.field(
                ctx, "phone", label: ctx.t(PeopleText.phone), value: form.phone ?? "", type: "tel", errors: errors,
                hint: (form.phone ?? "").contains("*") ? ctx.t(PeopleText.phoneKept) : nil,
                attributes: [("inputmode", "tel")]),
            Forms.checkboxes(
                ctx, "flags", legend: ctx.t(PeopleText.flags), options: flagOptions(ctx),
                checked: Set(form.flags ?? []), errors: errors),
        ]
    }

    static func channelField(_ ctx: PageContext, form: Form, errors: FormErrors, name: String = "channel") -> HTMLNode {
        Forms.select(
            ctx, name, label: ctx.t(PeopleText.channel), options: channels.map { ($0.rawValue, ctx.name($0)) },
            selected: form.channel ?? YishiCore.Channel.visit.rawValue, required: true, errors: errors,
            includeBlank: false,
            hint: ctx.t(PeopleText.channelHint))
    }
}
