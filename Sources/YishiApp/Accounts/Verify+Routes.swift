import Fluent
import Vapor
import YishiCore

/// Staff confirm residents (实名) and register residents on their behalf (代录).
struct VerifyRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.verify.pathComponents, use: page)
        routes.post(Site.verify.pathComponents, use: verify)
        routes.get(Site.Pattern.assist.pathComponents, use: assistPage)
        routes.post(Site.Pattern.assist.pathComponents, use: assist)
    }

    struct VerifyForm: Content {
        var phone: String?
        var resident: String?
    }
    /// `phoneSource`: "register" (the register's phone), "none", or "other" (the `phone` typed in,
    /// committee staff only). Without it, `phone` alone says what to do (an empty one: none).
    struct AssistForm: Content {
        var phone: String?
        var channel: String?
        var phoneSource: String?
    }

    func page(req: Request) async throws -> Response {
        _ = try req.requirePrincipal()
        guard Policy.holdsAnywhere(req.actor, .residentVerify) else { throw YishiError.denied(.roleLacksAction) }
        return req.render(VerifyPages.verify(req.pageContext, form: VerifyForm(), errors: FormErrors()))
    }

    func verify(req: Request) async throws -> Response {
        let form = try req.content.decode(VerifyForm.self)
        do {
            _ = try await Residents.verify(
                phone: form.phone ?? "", residentCode: (form.resident ?? "").trimmingCharacters(in: .whitespaces),
                by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                VerifyPages.verify(
                    req.pageContext, form: form, errors: FormErrors(fields), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.with(notice: VerifyText.done.key, Site.verify))
    }

    func loadResident(_ req: Request) async throws -> (Resident, VerifyPages.AssistOptions) {
        guard let id = req.parameters.get("residentID", as: UUID.self), let r = try await Resident.find(id, on: req.db),
            let home = try await Residents.home(of: r, on: req.db)
        else { throw YishiError.notFound }
        try req.authorize(.actForResident, at: home.building)
        let options = VerifyPages.AssistOptions(
            registerPhone: r.phone.flatMap(OneTimeCodeRules.normalizePhone),
            otherPhone: Policy.allows(req.actor, .personalDataRead, at: home.building))
        return (r, options)
    }

    func assistPage(req: Request) async throws -> Response {
        let (resident, options) = try await loadResident(req)
        return req.render(
            VerifyPages.assist(
                req.pageContext, resident: resident, options: options, form: AssistForm(), errors: FormErrors()))
    }

    func assist(req: Request) async throws -> Response {
        let (resident, options) = try await loadResident(req)
        let form = try req.content.decode(AssistForm.self)
        func again(_ errors: FormErrors) -> Response {
            req.render(
                VerifyPages.assist(
                    req.pageContext, resident: resident, options: options, form: form, errors: errors,
                    status: .unprocessableEntity))
        }
        guard let channel = form.channel.flatMap(YishiCore.Channel.init), channel != .online else {
            return again(FormErrors(["channel": FieldText.requiredText.key]))
        }
        let phone: String
        switch form.phoneSource {
        case "register": phone = options.registerPhone ?? ""
        case "none": phone = ""
        default: phone = form.phone ?? ""
        }
        if form.phoneSource == "other", phone.trimmingCharacters(in: .whitespaces).isEmpty {
            return again(FormErrors(["phone": FieldText.requiredText.key]))
        }
        do {
            _ = try await Residents.registerAssisted(resident: resident, phone: phone, channel: channel, by: req.caller)
        } catch YishiError.invalid(let fields) {
            return again(FormErrors(fields))
        }
        let unit = try await Household.find(resident.$household.id, on: req.db)?.$unit.id
        return req.redirect(
            to: unit.map { Site.unit($0, notice: AssistedText.done.key) }
                ?? Site.with(notice: AssistedText.done.key, Site.home))
    }
}

enum VerifyPages {
    static func verify(_ ctx: PageContext, form: VerifyRoutes.VerifyForm, errors: FormErrors, status: HTTPStatus = .ok)
        -> PageView
    {
        PageView(title: ctx.t(VerifyText.title), status: status) {
            [
                Forms.summary(ctx, errors, order: ["phone", "resident"]),
                C.text(ctx.t(VerifyText.intro)),
                Forms.form(
                    ctx, action: Site.verify,
                    [
                        Forms.field(
                            ctx, "phone", label: ctx.t(SignInText.phone), value: form.phone ?? "", type: "tel",
                            required: true, errors: errors,
                            attributes: [("inputmode", "tel")]),
                        Forms.field(
                            ctx, "resident", label: ctx.t(VerifyText.resident), value: form.resident ?? "",
                            required: true, errors: errors),
                        Forms.submit(ctx.t(VerifyText.submit)),
                    ]),
                H.el("p", [], [H.link(ctx.t(FooterText.phoneUse), Site.privacy)]),
            ]
        }
    }

    /// What the assist form offers: the register's phone (shown masked only) and, to committee
    /// staff, another phone.
    struct AssistOptions: Sendable {
        var registerPhone: String?
        var otherPhone: Bool
    }

    static func assist(
        _ ctx: PageContext, resident: Resident, options: AssistOptions, form: VerifyRoutes.AssistForm,
        errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(AssistedText.title), status: status) {
            [
                Forms.summary(ctx, errors, order: ["channel", "phoneSource", "phone"]),
                C.text(ctx.t(AssistedText.intro)),
                C.facts([
                    (ctx.t(TerritoryText.residentName), resident.name), (ctx.t(VerifyText.resident), resident.code),
                ]),
                Forms.form(
                    ctx, action: Site.assist(resident.id!),
                    [
                        Forms.select(
                            ctx, "channel", label: ctx.t(AssistedText.channel),
                            options: YishiCore.Channel.allCases.filter { $0 != .online }.map {
                                ($0.rawValue, ctx.name($0))
                            },
                            selected: form.channel, required: true, errors: errors)
                    ] + phoneFields(ctx, options: options, form: form, errors: errors) + [
                        Forms.submit(ctx.t(CommonText.submit))
                    ]),
                H.el("p", [], [H.link(ctx.t(FooterText.phoneUse), Site.privacy)]),
            ]
        }
    }

    /// The phone choice: the register's phone appears masked (never in full); typing another one is
    /// offered only with the personal-data right.
    static func phoneFields(
        _ ctx: PageContext, options: AssistOptions, form: VerifyRoutes.AssistForm, errors: FormErrors
    ) -> [HTMLNode] {
        var sources: [(value: String, label: String)] = []
        if let register = options.registerPhone {
            sources.append(("register", ctx.t(AssistedText.phoneRegister, OneTimeCodeRules.mask(register))))
        }
        sources.append(("none", ctx.t(AssistedText.phoneNone)))
        if options.otherPhone { sources.append(("other", ctx.t(AssistedText.phoneOther))) }
        let selected = form.phoneSource ?? sources[0].value
        var fields = [
            Forms.select(
                ctx, "phoneSource", label: ctx.t(AssistedText.phone), options: sources, selected: selected,
                required: true, errors: errors, includeBlank: false)
        ]
        if options.otherPhone {
            fields.append(
                Forms.field(
                    ctx, "phone", label: ctx.t(AssistedText.phoneOtherNumber), value: form.phone ?? "", type: "tel",
                    errors: errors,
                    // The register is told by SMS only when it has a phone.
                    hint: ctx.t(
                        options.registerPhone == nil ? AssistedText.phoneHintNoRegister.key : AssistedText.phoneHint.key
                    ),
                    attributes: [("inputmode", "tel")]))
        }
        return fields
    }
}
