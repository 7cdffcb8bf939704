import Vapor
import YishiCore

/// The needs' forms: raising one (a resident), the similar needs offered first, and staff's
/// entry for a resident, with the residents found to pick one.
extension NeedPages {
    static func raise(
        _ ctx: PageContext, form: NeedRoutes.RaiseForm, places: [TerritoryNode], errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok, categories: [NeedCategory] = NeedCategory.seeded
    ) -> PageView {
        PageView(title: ctx.t(NeedText.raise), status: status) {
            Forms.summary(ctx, errors, order: ["text", "category", "place", "photos"])
            Forms.form(
                ctx, action: Site.needs, multipart: true,
                [
                    textArea(ctx, value: form.text ?? "", errors: errors),
                    Forms.select(
                        ctx, "category", label: ctx.t(NeedText.category), options: categoryOptions(ctx, categories),
                        selected: form.category, required: true, errors: errors),
                    Forms.select(
                        ctx, "place", label: ctx.t(NeedText.place),
                        options: places.map { ($0.id!.uuidString, $0.name) }, selected: form.place,
                        errors: errors, includeBlank: false),
                    H.el("label", [("class", "check"), ("for", "field-hideName")]) {
                        H.void(
                            "input",
                            [("id", "field-hideName"), ("type", "checkbox"), ("name", "hideName"), ("value", "on")]
                                + (form.hideName == "on" ? [("checked", nil)] : []))
                        HTMLNode.text(" " + ctx.t(NeedText.hideName))
                    },
                    photoField(ctx, errors),
                    Forms.submit(ctx.t(NeedText.submit)),
                ])
        }
    }

    static func textArea(_ ctx: PageContext, value: String, errors: FormErrors, label: String? = nil) -> HTMLNode {
        Forms.textArea(
            ctx, "text", label: label ?? ctx.t(NeedText.text), value: value, max: 500, required: true, errors: errors,
            hint: ctx.t(NeedText.textHint))
    }

    static func photoField(_ ctx: PageContext, _ errors: FormErrors, label: String? = nil) -> HTMLNode {
        Forms.files(
            ctx, "photos", label: label ?? ctx.t(NeedText.photos), accept: "image/jpeg,image/png,image/webp",
            errors: errors,
            hint: ctx.t(NeedText.photosHint))
    }

    /// Similar needs offered before a new one is sent: "me too" on one of them, or send it anyway.
    static func similar(
        _ ctx: PageContext, form: NeedRoutes.RaiseForm,
        similar: [(need: Need, verdict: NeedSimilarity.Verdict, dice: Double)], supported: Set<UUID> = []
    ) -> PageView {
        PageView(title: ctx.t(NeedText.similarTitle)) {
            C.text(ctx.t(NeedText.similarIntro))
            H.el("ul", [("class", "cards")]) {
                for s in similar {
                    H.el("li", [("class", "card")]) {
                        H.el("h3", [], [H.link(s.need.title, Site.need(s.need.id!))])
                        C.text(s.need.body)
                        if s.verdict == .differentBuildings {
                            C.tag(ctx.t(NeedText.differentBuilding), tone: .warning)
                        } else if supported.contains(s.need.id!) {
                            C.text(ctx.t(NeedText.households, String(s.need.households)), muted: true)
                            C.tag(ctx.t(NeedText.alreadySupported), tone: .ok)
                        } else {
                            C.text(ctx.t(NeedText.households, String(s.need.households)), muted: true)
                            Forms.button(
                                ctx, action: Site.needSupports(s.need.id!), label: ctx.t(NeedText.meToo),
                                secondary: false)
                        }
                    }
                }
            }
            H.el("form", [("method", "post"), ("action", Site.needs), ("class", "stack")]) {
                H.void("input", [("type", "hidden"), ("name", CSRF.field), ("value", ctx.csrf)])
                for (k, v) in [
                    ("text", form.text), ("category", form.category), ("place", form.place),
                    ("hideName", form.hideName), ("held", form.held),
                    ("confirmed", "1"),
                ] {
                    if let v { H.void("input", [("type", "hidden"), ("name", k), ("value", v)]) }
                }
                H.el("button", [("type", "submit"), ("class", "secondary")], text: ctx.t(NeedText.submitAnyway))
            }
        }
    }

    static func enter(
        _ ctx: PageContext, form: NeedRoutes.RaiseForm, errors: FormErrors = FormErrors(), status: HTTPStatus = .ok,
        categories: [NeedCategory] = NeedCategory.seeded, last: (id: UUID, title: String, who: String)? = nil,
        candidates: [ResidentCandidate] = [], year: Int = 2026
    ) -> PageView {
        PageView(title: ctx.t(NeedText.enterTitle), status: status) {
            if let last {
                H.el(
                    "p", [("class", "notice")],
                    [.text(ctx.t(NeedText.enteredFor, last.who)), H.link(last.title, Site.need(last.id))])
            }
            C.text(ctx.t(NeedText.enterIntro), muted: true)
            Forms.summary(ctx, errors, order: ["resident", "channel", "meeting", "text", "category", "photos"])
            Forms.form(
                ctx, action: Site.enterNeed, multipart: true,
                [
                    Forms.field(
                        ctx, "resident", label: ctx.t(NeedText.resident), value: form.resident ?? "", required: true,
                        errors: errors, hint: ctx.t(NeedText.residentHint), attributes: [("autofocus", nil)]),
                    residentPicker(ctx, candidates, year: year),
                    Forms.select(
                        ctx, "channel", label: ctx.t(PeopleText.channel),
                        options: ResidentPage.channels.map { ($0.rawValue, ctx.name($0)) },
                        selected: form.channel ?? YishiCore.Channel.visit.rawValue, required: true, errors: errors,
                        includeBlank: false),
                    Forms.field(
                        ctx, "meeting", label: ctx.t(NeedText.meeting), value: form.meeting ?? "", errors: errors,
                        hint: ctx.t(NeedText.meetingHint), attributes: [("maxlength", "100")]),
                    textArea(ctx, value: form.text ?? "", errors: errors, label: ctx.t(NeedText.staffText)),
                    Forms.select(
                        ctx, "category", label: ctx.t(NeedText.category), options: categoryOptions(ctx, categories),
                        selected: form.category, required: true, errors: errors),
                    photoField(ctx, errors),
                    Forms.submit(ctx.t(NeedText.submit)),
                ])
        }
    }

    /// The residents found for what staff typed, to pick one (a radio each: name, age, where).
    static func residentPicker(_ ctx: PageContext, _ candidates: [ResidentCandidate], year: Int) -> HTMLNode {
        guard !candidates.isEmpty else { return .group([]) }
        return Forms.checkboxes(
            ctx, "pick", legend: ctx.t(NeedText.pickResident),
            options: candidates.map {
                ($0.code, ctx.t(NeedText.candidate, $0.name, String(year - $0.birthYear), $0.place))
            }, checked: [], radio: true)
    }
}
