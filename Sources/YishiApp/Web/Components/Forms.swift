import Vapor
import YishiCore

/// Field errors: field name → catalog key (with arguments). Shown beside the field and in a summary.
struct FormErrors: Sendable {
    var fields: [String: (key: String, args: [String])] = [:]
    /// On a page with several forms whose fields have ids of their own ("r-yuan"), the prefix of the
    /// form these errors belong to: the summary links to its fields, and only its fields show them.
    var idPrefix = ""
    var isEmpty: Bool { fields.isEmpty }
    mutating func add(_ field: String, _ key: String, _ args: String...) {
        if fields[field] == nil { fields[field] = (key, args) }
    }
    func message(_ field: String, _ ctx: PageContext) -> String? { fields[field].map { ctx.t($0.key, args: $0.args) } }

    /// The message for a field with this id (nil for a field of another form on the page).
    func message(_ field: String, id fieldID: String?, _ ctx: PageContext) -> String? {
        guard idPrefix.isEmpty || fieldID == nil || fieldID!.hasPrefix(idPrefix) else { return nil }
        return message(field, ctx)
    }

    func prefixed(_ prefix: String) -> FormErrors {
        var e = self
        e.idPrefix = prefix
        return e
    }
}

/// Form pieces: every field labelled, errors tied to the field, the CSRF token in every form.
enum Forms {
    static func form(
        _ ctx: PageContext, action: String, multipart: Bool = false, class cls: String = "stack", _ children: [HTMLNode]
    ) -> HTMLNode {
        H.el(
            "form",
            [("method", "post"), ("action", action), ("class", cls)]
                + (multipart ? [("enctype", "multipart/form-data")] : []),
            [H.void("input", [("type", "hidden"), ("name", CSRF.field), ("value", ctx.csrf)])] + children)
    }

    /// A one-button form (sign out, revoke): a POST with the CSRF token.
    static func button(
        _ ctx: PageContext, action: String, label: String, secondary: Bool = true, hidden: [(String, String)] = []
    ) -> HTMLNode {
        H.el(
            "form", [("method", "post"), ("action", action), ("class", "inline")],
            [H.void("input", [("type", "hidden"), ("name", CSRF.field), ("value", ctx.csrf)])]
                + hidden.map { H.void("input", [("type", "hidden"), ("name", $0.0), ("value", $0.1)]) }
                + [H.el("button", [("type", "submit"), ("class", secondary ? "secondary" : "primary")], text: label)])
    }

    /// The problems of a refused form, each linked to its field, in `order` — the fields' order on
    /// the page — then any others alphabetically.
    static func summary(_ ctx: PageContext, _ errors: FormErrors, order: [String] = []) -> HTMLNode {
        guard !errors.isEmpty else { return .group([]) }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let keys = errors.fields.keys.sorted { a, b in
            switch (rank[a], rank[b]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
        return H.el(
            "div", [("class", "error-summary"), ("role", "alert"), ("tabindex", "-1")],
            [
                H.el("p", text: ctx.t(ErrorText.code422)),
                H.el(
                    "ul", [],
                    keys.map { f in
                        H.el("li", [], [H.link(errors.message(f, ctx) ?? "", "#field-\(errors.idPrefix)\(f)")])
                    }),
            ])
    }

    static func field(
        _ ctx: PageContext, _ name: String, label: String, value: String = "", type: String = "text",
        required: Bool = false, errors: FormErrors = FormErrors(), hint: String? = nil,
        attributes: [(String, String?)] = [], id fieldID: String? = nil
    ) -> HTMLNode {
        let id = "field-\(fieldID ?? name)"
        let error = errors.message(name, id: fieldID, ctx)
        var described: [String] = []
        if hint != nil { described.append("\(id)-hint") }
        if error != nil { described.append("\(id)-error") }
        var attrs: [(String, String?)] = [("id", id), ("name", name), ("type", type)]
        if type != "password" && type != "file" { attrs.append(("value", value)) }
        if required { attrs.append(("required", nil)) }
        if !described.isEmpty { attrs.append(("aria-describedby", described.joined(separator: " "))) }
        if error != nil { attrs.append(("aria-invalid", "true")) }
        return H.el(
            "div", [("class", error == nil ? "field" : "field has-error")],
            [
                H.el(
                    "label", [("for", id)],
                    [
                        .text(label),
                        required
                            ? H.el("span", [("class", "req")], text: " " + ctx.t(CommonText.requiredText)) : .group([]),
                    ]),
                hint.map { H.el("p", [("class", "hint"), ("id", "\(id)-hint")], text: $0) } ?? .group([]),
                error.map { H.el("p", [("class", "error"), ("id", "\(id)-error")], text: $0) } ?? .group([]),
                H.void("input", attrs + attributes),
            ])
    }

    static func select(
        _ ctx: PageContext, _ name: String, label: String, options: [(value: String, label: String)],
        selected: String?, required: Bool = false, errors: FormErrors = FormErrors(), includeBlank: Bool = true,
        hint: String? = nil, id fieldID: String? = nil
    ) -> HTMLNode {
        let id = "field-\(fieldID ?? name)"
        let error = errors.message(name, id: fieldID, ctx)
        var opts: [HTMLNode] = includeBlank ? [H.el("option", [("value", "")], text: ctx.t(CommonText.choose))] : []
        opts += options.map { o in
            H.el("option", [("value", o.value)] + (o.value == selected ? [("selected", nil)] : []), text: o.label)
        }
        var attrs: [(String, String?)] = [("id", id), ("name", name)]
        if required { attrs.append(("required", nil)) }
        let described = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        if error != nil { attrs.append(("aria-invalid", "true")) }
        if !described.isEmpty { attrs.append(("aria-describedby", described.joined(separator: " "))) }
        return H.el(
            "div", [("class", error == nil ? "field" : "field has-error")],
            [
                H.el(
                    "label", [("for", id)],
                    [
                        .text(label),
                        required
                            ? H.el("span", [("class", "req")], text: " " + ctx.t(CommonText.requiredText)) : .group([]),
                    ]),
                hint.map { H.el("p", [("class", "hint"), ("id", "\(id)-hint")], text: $0) } ?? .group([]),
                error.map { H.el("p", [("class", "error"), ("id", "\(id)-error")], text: $0) } ?? .group([]),
                H.el("select", attrs, opts),
            ])
    }

    /// A labelled text area with its hint, its error and a length limit the browser keeps too.
    static func textArea(
        _ ctx: PageContext, _ name: String, label: String, value: String = "", max: Int, rows: Int = 4,
        required: Bool = false, errors: FormErrors = FormErrors(), hint: String? = nil, id fieldID: String? = nil
    ) -> HTMLNode {
        let id = "field-\(fieldID ?? name)"
        let error = errors.message(name, id: fieldID, ctx)
        let described = [hint.map { _ in "\(id)-hint" }, error.map { _ in "\(id)-error" }].compactMap { $0 }
        var attrs: [(String, String?)] = [
            ("id", id), ("name", name), ("rows", String(rows)), ("maxlength", String(max)),
        ]
        if required { attrs.append(("required", nil)) }
        if error != nil { attrs.append(("aria-invalid", "true")) }
        if !described.isEmpty { attrs.append(("aria-describedby", described.joined(separator: " "))) }
        return H.el("div", [("class", error == nil ? "field" : "field has-error")]) {
            H.el("label", [("for", id)]) {
                HTMLNode.text(label)
                if required { H.el("span", [("class", "req")], text: " " + ctx.t(CommonText.requiredText)) }
            }
            if let hint { H.el("p", [("class", "hint"), ("id", "\(id)-hint")], text: hint) }
            if let error { H.el("p", [("class", "error"), ("id", "\(id)-error")], text: error) }
            H.el("textarea", attrs, text: value)
        }
    }

    /// A file chooser for up to `Uploads.maxFiles` files (`accept` as the browser filters them;
    /// the server checks the content).
    static func files(
        _ ctx: PageContext, _ name: String, label: String, id: String? = nil, accept: String,
        errors: FormErrors = FormErrors(), hint: String? = nil, single: Bool = false
    ) -> HTMLNode {
        field(
            ctx, name, label: label, type: "file", errors: errors, hint: hint,
            attributes: [("accept", accept)] + (single ? [] : [("multiple", nil)]), id: id)
    }

    static func submit(_ label: String) -> HTMLNode {
        H.el("button", [("type", "submit"), ("class", "primary")], text: label)
    }

    /// A table with a caption for screen readers; rows are cells already built. `stackOnPhone`
    /// shows one block per row on a narrow screen, each cell under its column's name.
    static func table(caption: String, stackOnPhone: Bool = false, headers: [String], rows: [[HTMLNode]]) -> HTMLNode {
        H.el(
            "div", [("class", "table-wrap")],
            [
                H.el(
                    "table", stackOnPhone ? [("class", "stack-sm")] : [],
                    [
                        H.el("caption", [("class", "visually-hidden")], text: caption),
                        H.el("thead", [], [H.el("tr", [], headers.map { H.el("th", [("scope", "col")], text: $0) })]),
                        H.el(
                            "tbody", [],
                            rows.map { cells in
                                H.el(
                                    "tr", [],
                                    zip(headers, cells).map { h, c in
                                        H.el("td", stackOnPhone ? [("data-label", h)] : [], [c])
                                    })
                            }),
                    ])
            ])
    }
}

extension Forms {
    /// A group of checkboxes sent as `name[]`, with a legend and its error.
    /// Choices under one legend: checkboxes (`name[]`, several), or radio buttons (`radio`: one);
    /// `row` lays them side by side (a 1–5 score).
    static func checkboxes(
        _ ctx: PageContext, _ name: String, legend: String, options: [(value: String, label: String)],
        checked: Set<String>, errors: FormErrors = FormErrors(), radio: Bool = false, required: Bool = false,
        hint: String? = nil, row: Bool = false, id fieldID: String? = nil
    ) -> HTMLNode {
        let error = errors.message(name, id: fieldID, ctx)
        let base = "field-\(fieldID ?? name)"
        let cls = "field checks" + (row ? " row" : "") + (error == nil ? "" : " has-error")
        return H.el("fieldset", [("class", cls), ("id", base)]) {
            H.el("legend") {
                HTMLNode.text(legend)
                if required { H.el("span", [("class", "req")], text: " " + ctx.t(CommonText.requiredText)) }
            }
            if let hint { H.el("p", [("class", "hint")], text: hint) }
            if let error { H.el("p", [("class", "error")], text: error) }
            for (i, o) in options.enumerated() {
                H.el("label", [("class", "check"), ("for", "\(base)-\(i)")]) {
                    H.void(
                        "input",
                        [
                            ("id", "\(base)-\(i)"), ("type", radio ? "radio" : "checkbox"),
                            ("name", radio ? name : "\(name)[]"), ("value", o.value),
                        ]
                            + (checked.contains(o.value) ? [("checked", nil)] : []))
                    HTMLNode.text(" " + o.label)
                }
            }
        }
    }
}
