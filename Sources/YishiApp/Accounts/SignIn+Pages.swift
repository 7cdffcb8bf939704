import Vapor
import YishiCore

enum SignInPages {
    static func signIn(
        _ ctx: PageContext, next: String, username: String, phone: String, errors: FormErrors, status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(SignInText.title), status: status) {
            [
                Forms.summary(ctx, errors, order: ["phone", "username", "password"]),
                H.el(
                    "div", [("class", "cards")],
                    [
                        H.el(
                            "section", [("class", "card"), ("aria-labelledby", "resident-h")],
                            [
                                H.el("h2", [("id", "resident-h")], text: ctx.t(SignInText.residentTitle)),
                                Forms.form(
                                    ctx, action: Site.signInCode,
                                    [
                                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]),
                                        Forms.field(
                                            ctx, "phone", label: ctx.t(SignInText.phone), value: phone, type: "tel",
                                            required: true, errors: errors,
                                            attributes: [("autocomplete", "tel"), ("inputmode", "tel")]),
                                        Forms.submit(ctx.t(SignInText.sendCode)),
                                    ]),
                                H.el("p", [], [H.link(ctx.t(FooterText.phoneUse), Site.privacy)]),
                                H.el("p", [("class", "muted")], text: ctx.t(SignInText.helpAssisted)),
                            ]),
                        H.el(
                            "section", [("class", "card"), ("aria-labelledby", "staff-h")],
                            [
                                H.el("h2", [("id", "staff-h")], text: ctx.t(SignInText.staffTitle)),
                                Forms.form(
                                    ctx, action: Site.signIn,
                                    [
                                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]),
                                        Forms.field(
                                            ctx, "username", label: ctx.t(SignInText.username), value: username,
                                            required: true, errors: errors,
                                            attributes: [("autocomplete", "username")]),
                                        Forms.field(
                                            ctx, "password", label: ctx.t(SignInText.password), type: "password",
                                            required: true, errors: errors,
                                            attributes: [("autocomplete", "current-password")]),
                                        Forms.submit(ctx.t(SignInText.submit)),
                                    ]),
                            ]),
                    ]),
            ]
        }
    }

    static func code(
        _ ctx: PageContext, phone: String, live: OneTimeCode?, next: String, errors: FormErrors,
        status: HTTPStatus = .ok, outbox: Bool = false
    ) -> PageView {
        let minutes = String(OneTimeCodeRules.validSeconds / 60)
        return PageView(title: ctx.t(SignInText.residentTitle), status: status) {
            [
                Forms.summary(ctx, errors, order: ["code"]),
                H.el("p", text: ctx.t(SignInText.codeSent, OneTimeCodeRules.mask(phone), minutes)),
                Forms.form(
                    ctx, action: Site.signInVerify,
                    [
                        H.void("input", [("type", "hidden"), ("name", "next"), ("value", next)]),
                        Forms.field(
                            ctx, "code", label: ctx.t(SignInText.code), required: true, errors: errors,
                            attributes: [
                                ("autocomplete", "one-time-code"), ("inputmode", "numeric"), ("pattern", "[0-9]{6}"),
                                ("maxlength", "6"),
                            ]),
                        Forms.submit(ctx.t(SignInText.submit)),
                    ]),
                live.map { l in
                    l.extended
                        ? .group([])
                        : Forms.button(
                            ctx, action: "\(Site.signInExtend)?next=\(H.query(next))",
                            label: ctx.t(SignInText.codeExtend))
                } ?? .group([]),
                H.el("p", [], [H.link(ctx.t(SignInText.codeResend), "\(Site.signIn)?next=\(H.query(next))")]),
                H.el("p", [("class", "muted")], text: ctx.t(SignInText.helpAssisted)),
                // Development only: no SMS is sent; the code waits in the outbox.
                outbox
                    ? H.el("p", [("class", "notice warning")], [H.link(ctx.t(NavigationText.outbox), Site.outbox)])
                    : .group([]),
            ]
        }
    }
}
