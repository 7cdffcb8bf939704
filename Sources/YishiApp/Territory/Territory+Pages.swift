import Vapor
import YishiCore

enum TerritoryPages {
    static func kindLabel(_ ctx: PageContext, _ node: TerritoryNode) -> String {
        guard let kind = node.kind else { return ctx.name(node.level) }
        switch node.level {
        case .subdistrict: return SubdistrictKind(rawValue: kind).map(ctx.name) ?? kind
        case .community: return CommunityKind(rawValue: kind).map(ctx.name) ?? kind
        case .compound: return HousingType(rawValue: kind).map(ctx.name) ?? kind
        default: return kind
        }
    }

    static func kindOptions(_ ctx: PageContext, _ level: TerritoryLevel) -> [(value: String, label: String)] {
        switch level {
        case .subdistrict: return SubdistrictKind.allCases.map { ($0.rawValue, ctx.name($0)) }
        case .community: return CommunityKind.allCases.map { ($0.rawValue, ctx.name($0)) }
        case .compound: return HousingType.allCases.map { ($0.rawValue, ctx.name($0)) }
        default: return []
        }
    }

    static func nodeFields(
        _ ctx: PageContext, level: TerritoryLevel, form: TerritoryRoutes.NodeForm, errors: FormErrors
    ) -> [HTMLNode] {
        var fields: [HTMLNode] = [
            Forms.field(
                ctx, "name", label: ctx.t(CommonText.name), value: form.name ?? "", required: true, errors: errors),
            Forms.field(
                ctx, "code", label: ctx.t(CommonText.code), value: form.code ?? "", required: true, errors: errors,
                attributes: [("autocomplete", "off"), ("spellcheck", "false")]),
        ]
        if !level.kinds.isEmpty {
            fields.append(
                Forms.select(
                    ctx, "kind", label: ctx.t(CommonText.kind), options: kindOptions(ctx, level), selected: form.kind,
                    required: true, errors: errors))
        }
        if level == .compound || level == .building {
            fields.append(
                Forms.field(
                    ctx, "address", label: ctx.t(TerritoryText.address) + " " + ctx.t(CommonText.optionalText),
                    value: form.address ?? "", errors: errors))
        }
        return fields
    }

    /// What the viewer may do on a territory page, decided by the route (`May.at`); the views
    /// never ask the policy.
    struct May: Sendable {
        /// The ancestors the viewer may open (the others show as plain names).
        var read: Set<UUID> = []
        var createDistrict = false
        var edit = false
        var personalData = false
        var ownersRegister = false
        var actForResident = false

        /// For a page at `path` with `ancestors` above it.
        static func at(_ path: TerritoryPath?, ancestors: [TerritoryNode] = [], _ actor: Actor?) -> May {
            May(
                read: Set(
                    ancestors.filter { Policy.allows(actor, .territoryRead, at: $0.territoryPath) }.compactMap(\.id)),
                createDistrict: Policy.allows(actor, .districtCreate, at: nil),
                edit: path.map { Policy.allows(actor, .territoryEdit, at: $0) } ?? false,
                personalData: path.map { Policy.allows(actor, .personalDataRead, at: $0) } ?? false,
                ownersRegister: path.map { Policy.allows(actor, .ownersRegisterRead, at: $0) } ?? false,
                actForResident: path.map { Policy.allows(actor, .actForResident, at: $0) } ?? false)
        }
    }

    static func crumbs(_ ctx: PageContext, _ nodes: [TerritoryNode], may: May) -> HTMLNode {
        H.el(
            "nav", [("class", "crumbs"), ("aria-label", ctx.t(TerritoryText.title))],
            [
                H.el(
                    "ol", [],
                    [H.el("li", [], [H.link(ctx.t(TerritoryText.title), Site.territory)])]
                        + nodes.map { n in
                            may.read.contains(n.id!)
                                ? H.el("li", [], [H.link(n.name, Site.node(n.id!))])
                                : H.el("li", text: n.name)
                        })
            ])
    }

    static func roots(
        _ ctx: PageContext, nodes: [TerritoryNode], errors: FormErrors, form: TerritoryRoutes.NodeForm, may: May,
        status: HTTPStatus = .ok
    ) -> PageView {
        var content: [HTMLNode] = [
            Forms.summary(ctx, errors, order: ["code", "name", "kind", "address"]),
            nodes.isEmpty
                ? H.el("p", text: ctx.t(TerritoryText.empty))
                : H.el(
                    "ul", [("class", "cards")],
                    nodes.map { n in
                        H.el(
                            "li", [("class", "card")],
                            [
                                H.el(
                                    "a", [("class", "big"), ("href", Site.node(n.id!))], text: n.name),
                                H.el("p", [("class", "muted")], text: "\(kindLabel(ctx, n)) · \(n.code)"),
                            ])
                    }),
        ]
        if may.createDistrict {
            content += [
                H.el("h2", text: ctx.t(TerritoryText.addChild, ctx.name(TerritoryLevel.district))),
                Forms.form(
                    ctx, action: Site.territory,
                    nodeFields(ctx, level: .district, form: form, errors: errors) + [
                        Forms.submit(ctx.t(CommonText.add))
                    ]),
            ]
        }
        return PageView(title: ctx.t(TerritoryText.title), status: status) { content }
    }

    /// A community's committee office: what residents see, and for its staff the form to change it.
    static func office(
        _ ctx: PageContext, _ node: TerritoryNode, form: TerritoryEditing.OfficeInput?, errors: FormErrors,
        canEdit: Bool
    ) -> HTMLNode {
        let f =
            form
            ?? .init(officeAddress: node.officeAddress, officeHours: node.officeHours, officePhone: node.officePhone)
        return C.section(ctx.t(TerritoryText.officeTitle)) {
            if canEdit {
                C.text(ctx.t(TerritoryText.officeHint), muted: true)
                Forms.form(
                    ctx, action: Site.nodeOffice(node.id!),
                    [
                        Forms.field(
                            ctx, "officeAddress", label: ctx.t(TerritoryText.officeAddress),
                            value: f.officeAddress ?? "", errors: errors),
                        Forms.field(
                            ctx, "officeHours", label: ctx.t(TerritoryText.officeHours), value: f.officeHours ?? "",
                            errors: errors),
                        Forms.field(
                            ctx, "officePhone", label: ctx.t(TerritoryText.officePhone), value: f.officePhone ?? "",
                            type: "tel", errors: errors),
                        Forms.submit(ctx.t(CommonText.save)),
                    ])
            } else {
                C.facts([
                    (ctx.t(TerritoryText.officeAddress), node.officeAddress ?? "—"),
                    (ctx.t(TerritoryText.officeHours), node.officeHours ?? "—"),
                    (ctx.t(TerritoryText.officePhone), node.officePhone ?? "—"),
                ])
            }
        }
    }

    static func node(
        _ ctx: PageContext, model m: NodePage, errors: FormErrors, childForm: TerritoryRoutes.NodeForm,
        unitForm: TerritoryRoutes.UnitForm, may: May, status: HTTPStatus = .ok,
        officeForm: TerritoryEditing.OfficeInput? = nil
    ) -> PageView {
        let node = m.node
        let id = node.id!.uuidString
        let canEdit = may.edit
        var facts: [HTMLNode] = [H.el("dt", text: ctx.t(TerritoryText.level)), H.el("dd", text: ctx.label(node.level))]
        if node.kind != nil {
            facts += [H.el("dt", text: ctx.t(CommonText.kind)), H.el("dd", text: kindLabel(ctx, node))]
        }
        facts += [H.el("dt", text: ctx.t(CommonText.code)), H.el("dd", text: node.code)]
        if let group = m.buildingGroup {
            facts += [H.el("dt", text: ctx.t(TerritoryText.buildingGroup)), H.el("dd", text: group)]
        }
        if let address = node.address {
            facts += [H.el("dt", text: ctx.t(TerritoryText.address)), H.el("dd", text: address)]
        }
        var content: [HTMLNode] = [
            crumbs(ctx, m.ancestors, may: may),
            Forms.summary(
                ctx, errors,
                order: [
                    "code", "name", "kind", "address", "number", "status", "registerArea", "surveyArea", "contractArea",
                    "officeAddress", "officeHours", "officePhone",
                ]),
            H.el("dl", [("class", "facts")], facts),
            H.el(
                "p",
                text: ctx.t(
                    TerritoryText.stats.key, String(m.stats.units), m.stats.area, String(m.stats.households),
                    String(m.stats.residents))),
            canEdit
                ? H.el(
                    "p", [],
                    [
                        H.link(
                            ctx.t(TerritoryText.edit, ctx.name(node.level)), Site.nodeEdit(id),
                            [("class", "button secondary")])
                    ]) : .group([]),
            may.personalData && [.community, .compound, .building].contains(node.level)
                ? H.el(
                    "p", [], [C.linkButton(ctx.t(PeopleText.listLink), Site.residentsList(node.id!), primary: false)])
                : .group([]),
        ]
        if node.level == .community {
            content.append(office(ctx, node, form: officeForm, errors: errors, canEdit: canEdit))
            if let stats = m.needStats {
                content.append(
                    stats.view(ctx, communityHouseholds: m.stats.households, needsLink: Site.nodeNeeds(node.id!)))
            }
        }
        if !m.lifeCircles.isEmpty {
            content += [
                H.el("h2", text: ctx.t(TerritoryText.lifeCircles)),
                H.el(
                    "ul", [],
                    m.lifeCircles.map { lc in
                        H.el(
                            "li", [],
                            [
                                H.el("strong", text: lc.name),
                                .text(
                                    " · "
                                        + ctx.t(
                                            TerritoryText.communities.key,
                                            lc.communities.map(\.name).joined(separator: "、"))),
                            ])
                    }),
            ]
        }
        if !m.planningAreas.isEmpty {
            content += [
                H.el("h2", text: ctx.t(TerritoryText.planningAreas)),
                H.el(
                    "ul", [],
                    m.planningAreas.map { pa in
                        H.el(
                            "li", [],
                            [
                                H.el("strong", text: pa.name),
                                .text(" · " + pa.lifeCircles.map(\.name).joined(separator: "、")),
                            ])
                    }),
            ]
        }
        if let childLevel = node.level.childLevel {
            content += [
                H.el("h2", text: ctx.t(TerritoryText.children)),
                m.children.isEmpty
                    ? H.el("p", text: ctx.t(TerritoryText.empty))
                    : Forms.table(
                        caption: ctx.t(TerritoryText.children),
                        headers: [ctx.t(CommonText.name), ctx.t(CommonText.kind), ctx.t(CommonText.code)],
                        rows: m.children.map { c in
                            [H.link(c.name, Site.node(c.id!)), .text(kindLabel(ctx, c)), .text(c.code)]
                        }),
            ]
            if canEdit {
                content += [
                    H.el("h2", text: ctx.t(TerritoryText.addChild, ctx.name(childLevel))),
                    Forms.form(
                        ctx, action: Site.nodeChildren(id),
                        nodeFields(ctx, level: childLevel, form: childForm, errors: errors) + [
                            Forms.submit(ctx.t(CommonText.add))
                        ]),
                ]
            }
        } else {
            content += [
                H.el("h2", text: ctx.t(TerritoryText.units)),
                m.units.isEmpty
                    ? H.el("p", text: ctx.t(TerritoryText.empty))
                    : Forms.table(
                        caption: ctx.t(TerritoryText.units),
                        headers: [
                            ctx.t(TerritoryText.unitNumber), ctx.t(TerritoryText.unitKind),
                            ctx.t(TerritoryText.unitStatus), ctx.t(TerritoryText.unitArea),
                            ctx.t(TerritoryText.unitAreaSource),
                        ],
                        rows: m.units.map { u in
                            [
                                H.link(u.number, Site.unit(u.id!)), .text(ctx.name(u.kind)),
                                .text(ctx.name(u.status)),
                                .text(Area(centi: u.area).description), .text(ctx.name(u.areaSource)),
                            ]
                        }),
            ]
            if canEdit {
                content += [
                    H.el("h2", text: ctx.t(TerritoryText.unitAdd)),
                    Forms.form(
                        ctx, action: Site.nodeUnits(id),
                        [
                            Forms.field(
                                ctx, "number", label: ctx.t(TerritoryText.unitNumber), value: unitForm.number ?? "",
                                required: true, errors: errors),
                            Forms.field(
                                ctx, "code", label: ctx.t(CommonText.code), value: unitForm.code ?? "", required: true,
                                errors: errors),
                            Forms.select(
                                ctx, "kind", label: ctx.t(TerritoryText.unitKind),
                                options: UnitKind.allCases.map { ($0.rawValue, ctx.name($0)) },
                                selected: unitForm.kind ?? UnitKind.residential.rawValue, required: true, errors: errors
                            ),
                            Forms.select(
                                ctx, "status", label: ctx.t(TerritoryText.unitStatus),
                                options: UnitStatus.allCases.map { ($0.rawValue, ctx.name($0)) },
                                selected: unitForm.status ?? UnitStatus.delivered.rawValue, required: true,
                                errors: errors),
                            Forms.field(
                                ctx, "registerArea", label: ctx.t(TerritoryText.unitRegisterArea),
                                value: unitForm.registerArea ?? "", errors: errors,
                                attributes: [("inputmode", "decimal")]),
                            Forms.field(
                                ctx, "surveyArea", label: ctx.t(TerritoryText.unitSurveyArea),
                                value: unitForm.surveyArea ?? "", errors: errors, attributes: [("inputmode", "decimal")]
                            ),
                            Forms.field(
                                ctx, "contractArea", label: ctx.t(TerritoryText.unitContractArea),
                                value: unitForm.contractArea ?? "", errors: errors,
                                attributes: [("inputmode", "decimal")]),
                            Forms.submit(ctx.t(CommonText.add)),
                        ]),
                ]
            }
        }
        return PageView(title: node.name, status: status) { content }
    }

    static func edit(
        _ ctx: PageContext, node: TerritoryNode, form: TerritoryRoutes.NodeForm, errors: FormErrors,
        status: HTTPStatus = .ok
    ) -> PageView {
        PageView(title: ctx.t(TerritoryText.edit, ctx.name(node.level)), status: status) {
            [
                Forms.summary(ctx, errors, order: ["code", "name", "kind", "address"]),
                Forms.form(
                    ctx, action: Site.nodeEdit(node.id!),
                    nodeFields(ctx, level: node.level, form: form, errors: errors) + [
                        Forms.submit(ctx.t(CommonText.save))
                    ]),
                H.el("p", [], [H.link(ctx.t(CommonText.back), Site.node(node.id!))]),
            ]
        }
    }
}
