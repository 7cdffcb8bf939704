import Vapor
import YishiCore

/// The district's needs settings page: added kinds, the ranking's points, the similar-needs words.
struct NeedSettingsRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.needSettings.pathComponents, use: show)
        routes.post(Site.needSettings.pathComponents, use: save)
    }

    /// The district asked for, or the first the administrator holds.
    func district(_ req: Request) async throws -> TerritoryNode {
        try await req.administeredDistrict(for: .needManage)
    }

    func show(req: Request) async throws -> Response {
        let d = try await district(req)
        let s = try await NeedSettingsStore.of(district: d.id, on: req.db)
        return req.render(NeedSettingsPages.page(req.pageContext, district: d, form: .init(s)))
    }

    func save(req: Request) async throws -> Response {
        let d = try await district(req)
        let form = try req.content.decode(NeedSettingsStore.Form.self)
        do {
            _ = try await NeedSettingsStore.save(form, district: d.id, by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                NeedSettingsPages.page(
                    req.pageContext, district: d, form: form, errors: FormErrors(fields), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.needSettings(d.id!, notice: NeedText.settingsSaved.key))
    }
}

enum NeedSettingsPages {
    static func page(
        _ ctx: PageContext, district: TerritoryNode, form: NeedSettingsStore.Form, errors: FormErrors = FormErrors(),
        status: HTTPStatus = .ok
    ) -> PageView {
        let weights: [(String, NeedText, String?)] = [
            ("perBuilding", NeedText.weightBuilding, form.perBuilding),
            ("perAgeBand", NeedText.weightAgeBand, form.perAgeBand),
            ("perExtraChannel", NeedText.weightChannel, form.perExtraChannel),
            ("perVulnerableGroup", NeedText.weightVulnerable, form.perVulnerableGroup),
            ("safety", NeedText.weightSafety, form.safety),
            ("perWaitingMonth", NeedText.weightMonth, form.perWaitingMonth),
            ("waitingMonthsCap", NeedText.weightCap, form.waitingMonthsCap),
        ]
        return PageView(title: ctx.paren(ctx.t(NeedText.settingsTitle), district.name), status: status) {
            C.text(ctx.t(NeedText.settingsIntro), muted: true)
            Forms.summary(ctx, errors, order: ["categories", "weights", "frameWords", "synonyms"])
            Forms.form(
                ctx, action: Site.needSettings(district.id!),
                [
                    C.section(ctx.t(NeedText.settingsKinds)) {
                        C.text(
                            NeedCategory.seeded.map { $0.name(ctx.lang) }.joined(
                                separator: ctx.lang == .zhHans ? "、" : ", "), muted: true)
                        Forms.textArea(
                            ctx, "categories", label: ctx.t(NeedText.settingsCategories), value: form.categories ?? "",
                            max: 3_000, rows: 4, errors: errors, hint: ctx.t(NeedText.settingsCategoriesHint))
                    },
                    C.section(ctx.t(NeedText.settingsWeights)) {
                        C.text(ctx.t(NeedText.settingsWeightsHint), muted: true)
                        if let e = errors.message("weights", ctx) {
                            H.el("p", [("class", "error"), ("id", "field-weights")], text: e)
                        }
                        H.el("div", [("class", "weights")]) {
                            for (name, label, value) in weights {
                                Forms.field(
                                    ctx, name, label: ctx.t(label), value: value ?? "", type: "number",
                                    attributes: [
                                        ("min", "0"), ("max", name == "waitingMonthsCap" ? "24" : "100"),
                                        ("step", name == "waitingMonthsCap" ? "1" : "0.5"), ("inputmode", "decimal"),
                                    ])
                            }
                        }
                    },
                    C.section(ctx.t(NeedText.settingsVocabulary)) {
                        Forms.textArea(
                            ctx, "frameWords", label: ctx.t(NeedText.settingsFrameWords), value: form.frameWords ?? "",
                            max: 3_000, rows: 5, errors: errors)
                        Forms.textArea(
                            ctx, "synonyms", label: ctx.t(NeedText.settingsSynonyms), value: form.synonyms ?? "",
                            max: 5_000, rows: 10, errors: errors, hint: ctx.t(NeedText.settingsSynonymsHint))
                    },
                    Forms.submit(ctx.t(CommonText.save)),
                ])
        }
    }
}
