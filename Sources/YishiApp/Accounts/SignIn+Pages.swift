import Vapor
import YishiCore

enum SignInPages {
    static func signIn(
        _ ctx: PageContext, next: String, username: String, phone: String, errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t("signin.title"), status: status) {
            [
                Forms.summary(ctx, errors),
                H.el(
                    "div", [("class", "cards")],
                    [
                        H.el(
                            "section", [("class", "card"), ("aria-labelledby", "resident-h")],
                            [
                                H.el("h2", [("id", "resident-h")], text: ctx.t("signin.resident.title")),
                                Forms.form(
                                    ctx, action: Site.signInCode,
                                    [
                                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]),
                                        Forms.field(
                                            ctx, "phone", label: ctx.t("signin.phone"), value: phone, type: "tel",
                                            required: true, errors: errors,
                                            attributes: [("autocomplete", "tel"), ("inputmode", "tel")]),
                                        Forms.submit(ctx.t("signin.sendCode")),
                                    ]),
                                H.el("p", [("class", "muted")], text: ctx.t("signin.help.assisted")),
                            ]),
                        H.el(
                            "section", [("class", "card"), ("aria-labelledby", "staff-h")],
                            [
                                H.el("h2", [("id", "staff-h")], text: ctx.t("signin.staff.title")),
                                Forms.form(
                                    ctx, action: Site.signIn,
                                    [
                                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]),
                                        Forms.field(
                                            ctx, "username", label: ctx.t("signin.username"), value: username,
                                            required: true, errors: errors,
                                            attributes: [("autocomplete", "username")]),
                                        Forms.field(
                                            ctx, "password", label: ctx.t("signin.password"), type: "password",
                                            required: true, errors: errors,
                                            attributes: [("autocomplete", "current-password")]),
                                        Forms.submit(ctx.t("signin.submit")),
                                    ]),
                            ]),
                    ]),
            ]
        }
    }

    static func code(
        _ ctx: PageContext, phone: String, live: OneTimeCode?, next: String, errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        let minutes = String(OneTimeCodeRules.validSeconds / 60)
        return PageView(title: ctx.t("signin.resident.title"), status: status) {
            [
                Forms.summary(ctx, errors),
                H.el("p", text: ctx.t("signin.code.sent", OneTimeCodeRules.mask(phone), minutes)),
                Forms.form(
                    ctx, action: Site.signInVerify,
                    [
                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]),
                        Forms.field(
                            ctx, "code", label: ctx.t("signin.code"), required: true, errors: errors,
                            attributes: [
                                ("autocomplete", "one-time-code"), ("inputmode", "numeric"), ("pattern", "[0-9]{6}"),
                                ("maxlength", "6"),
                            ]),
                        Forms.submit(ctx.t("signin.submit")),
                    ]),
                live.map { l in
                    l.extended
                        ? .group([])
                        : Forms.button(
                            ctx, action: "\(Site.signInExtend)?next=\(H.query(next))",
                            label: ctx.t("signin.code.extend"))
                } ?? .group([]),
                H.el("p", [], [H.link(ctx.t("signin.code.resend"), "\(Site.signIn)?next=\(H.query(next))")]),
                H.el("p", [("class", "muted")], text: ctx.t("signin.help.assisted")),
            ]
        }
    }
}
