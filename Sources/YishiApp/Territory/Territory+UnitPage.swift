import Vapor
import YishiCore

/// A unit's page: its facts, its owners and households, and for staff the forms to add a
/// household, a resident and an owner.
extension TerritoryPages {
    static func unit(
        _ ctx: PageContext, detail d: TerritoryQueries.UnitDetail, ancestors: [TerritoryNode], may: May,
        errors: FormErrors = FormErrors(), residentForm: ResidentPage.Form? = nil,
        ownerForm: OwnerEditing.Input? = nil, status: HTTPStatus = .ok
    ) -> PageView {
        let u = d.unit
        var facts = [
            (ctx.t(CommonText.code), u.code), (ctx.t(TerritoryText.unitKind), ctx.name(u.kind)),
            (ctx.t(TerritoryText.unitStatus), ctx.name(u.status)),
            (ctx.t(TerritoryText.unitArea), ctx.paren(Area(centi: u.area).description, ctx.name(u.areaSource))),
        ]
        for (key, value) in [
            (TerritoryText.unitRegisterArea.key, u.registerArea), (TerritoryText.unitSurveyArea.key, u.surveyArea),
            (TerritoryText.unitContractArea.key, u.contractArea),
        ] {
            if let value { facts.append((ctx.t(key), Area(centi: value).description)) }
        }
        let addPeople = may.edit && may.personalData
        return PageView(title: ctx.t(TerritoryText.unitTitle, u.number), status: status) {
            crumbs(ctx, ancestors, may: may)
            Forms.summary(ctx, errors, order: ["household", "code", "name", "birthYear", "phone", "flags", "channel"])
            C.facts(facts)
            if may.ownersRegister {
                C.section(ctx.t(TerritoryText.unitOwners)) {
                    if d.owners.isEmpty {
                        C.empty(ctx.t(CommonText.noneText))
                    } else {
                        C.list(
                            d.owners.map { o in
                                [
                                    H.link(o.name, Site.owner(o.id!)),
                                    .text(" " + (o.phone.map { OneTimeCodeRules.mask($0) } ?? "") + " "),
                                ]
                                    + (may.edit
                                        ? [
                                            Forms.button(
                                                ctx, action: Site.unitOwnerRemove(unit: u.id!, owner: o.id!),
                                                label: ctx.t(PeopleText.ownerRemove))
                                        ] : [])
                            })
                    }
                    if may.edit {
                        H.el("details", [("class", "add no-print")] + (ownerForm != nil ? [("open", nil)] : [])) {
                            H.el("summary", text: ctx.t(PeopleText.ownerAdd))
                            Forms.form(
                                ctx, action: Site.unitOwners(u.id!),
                                [
                                    Forms.field(
                                        ctx, "ownerCode", label: ctx.t(PeopleText.ownerCode),
                                        value: ownerForm?.ownerCode ?? "", errors: errors,
                                        hint: ctx.t(PeopleText.ownerCodeHint)),
                                    Forms.field(
                                        ctx, "name", label: ctx.t(TerritoryText.residentName),
                                        value: ownerForm?.name ?? "",
                                        errors: ownerForm != nil ? errors : FormErrors()),
                                    Forms.field(
                                        ctx, "phone", label: ctx.t(PeopleText.phone), value: ownerForm?.phone ?? "",
                                        type: "tel", errors: ownerForm != nil ? errors : FormErrors()),
                                    Forms.submit(ctx.t(PeopleText.ownerAdd)),
                                ])
                        }
                    }
                }
            }
            // The household register (residents, tenants, birth years, flags) needs the personal-data
            // right; the owners' committee holds only the owners' register.
            if may.personalData {
                C.section(ctx.t(TerritoryText.unitHouseholds)) {
                    if d.households.isEmpty { C.empty(ctx.t(CommonText.noneText)) }
                    for h in d.households { household(ctx, h, accounts: d.accounts, may: may) }
                    if addPeople, !d.households.isEmpty {
                        H.el("details", [("class", "add no-print")] + (residentForm != nil ? [("open", nil)] : [])) {
                            H.el("summary", text: ctx.t(PeopleText.addResident))
                            Forms.form(
                                ctx, action: Site.unitResidents(u.id!),
                                [
                                    Forms.select(
                                        ctx, "household", label: ctx.t(PeopleText.household),
                                        options: d.households.map { ($0.id!.uuidString, $0.code) },
                                        selected: residentForm?.household ?? d.households.first?.id?.uuidString,
                                        required: true, errors: errors, includeBlank: false)
                                ]
                                    + ResidentPage.detailFields(
                                        ctx, form: residentForm ?? ResidentPage.Form(),
                                        errors: residentForm != nil ? errors : FormErrors())
                                    + [
                                        ResidentPage.channelField(
                                            ctx, form: residentForm ?? ResidentPage.Form(), errors: errors),
                                        Forms.submit(ctx.t(PeopleText.addResident)),
                                    ])
                        }
                    }
                    if addPeople {
                        H.el(
                            "details",
                            [("class", "add no-print")] + (errors.fields["code"] != nil ? [("open", nil)] : [])
                        ) {
                            H.el("summary", text: ctx.t(PeopleText.addHousehold))
                            Forms.form(
                                ctx, action: Site.unitHouseholds(u.id!),
                                [
                                    Forms.field(
                                        ctx, "code", label: ctx.t(PeopleText.householdCode), errors: errors,
                                        hint: ctx.t(PeopleText.householdCodeHint)),
                                    Forms.submit(ctx.t(PeopleText.addHousehold)),
                                ])
                        }
                    }
                }
            }
        }
    }

    /// One household: its residents, each linked to their record.
    static func household(_ ctx: PageContext, _ h: Household, accounts: Set<UUID>, may: May) -> HTMLNode {
        C.section(ctx.t(TerritoryText.household, h.code), level: 3) {
            C.table(
                caption: ctx.t(TerritoryText.household, h.code),
                headers: [
                    ctx.t(TerritoryText.residentName), ctx.t(TerritoryText.residentBirthYear),
                    ctx.t(TerritoryText.residentPhone), ctx.t(TerritoryText.residentFlags), ctx.t(CommonText.actions),
                ],
                rows: h.residents.sorted { $0.code < $1.code }.map { r in
                    [
                        H.link(r.name, Site.resident(r.id!)), .text(String(r.birthYear)),
                        .text(r.phone.map(OneTimeCodeRules.mask) ?? "—"),
                        .group(r.residentFlags.names.map { C.tag(ctx.t("enum.ResidentFlag.\($0)")) }),
                        may.actForResident && !accounts.contains(r.id!)
                            ? H.link(ctx.t(TerritoryText.residentAssist), Site.assist(r.id!))
                            : (accounts.contains(r.id!) ? .text(ctx.t(AccountText.verified)) : .group([])),
                    ]
                })
            if may.edit && may.personalData {
                H.el("details", [("class", "add no-print")]) {
                    H.el("summary", text: ctx.t(PeopleText.householdRename))
                    // The field's id is the household's, so several households' forms never share one.
                    H.el("form", [("method", "post"), ("action", Site.household(h.id!)), ("class", "stack")]) {
                        H.void("input", [("type", "hidden"), ("name", CSRF.field), ("value", ctx.csrf)])
                        H.el("label", [("for", "code-\(h.id!.uuidString)")], text: ctx.t(PeopleText.householdCode))
                        H.void(
                            "input",
                            [
                                ("id", "code-\(h.id!.uuidString)"), ("name", "code"), ("value", h.code),
                                ("required", nil),
                            ])
                        Forms.submit(ctx.t(CommonText.save))
                    }
                }
            }
        }
    }
}
