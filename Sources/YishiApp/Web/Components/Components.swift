import Foundation

/// The component vocabulary of every page, over the escaping writer (`H`). Each returns one
/// `HTMLNode`; a view is a dozen lines of these (`HTMLBuilder`). Forms and their fields are in
/// `Forms`. The classes are the stylesheet's (`Styles.swift`), including care mode's.
enum C {
    /// Where the page sits: links up the tree, the last item the page itself.
    static func breadcrumbs(_ label: String, _ trail: [(label: String, href: String)]) -> HTMLNode {
        H.el("nav", [("class", "crumbs"), ("aria-label", label)]) {
            H.el("ol") {
                for (i, item) in trail.enumerated() {
                    if i == trail.count - 1 {
                        H.el("li", [], [H.el("span", [("aria-current", "page")], text: item.label)])
                    } else {
                        H.el("li", [], [H.link(item.label, item.href)])
                    }
                }
            }
        }
    }

    /// A titled part of a page.
    static func section(
        _ title: String, level: Int = 2, id: String? = nil, @HTMLBuilder _ content: () -> [HTMLNode]
    ) -> HTMLNode {
        H.el("section", id.map { [("id", $0)] } ?? [], [H.el("h\(min(max(level, 2), 4))", text: title)] + content())
    }

    /// Label–value pairs.
    static func facts(_ pairs: [(String, String)]) -> HTMLNode {
        H.el("dl", [("class", "facts")], pairs.flatMap { [H.el("dt", text: $0.0), H.el("dd", text: $0.1)] })
    }

    /// A data table; on a phone each row becomes a block with every cell under its column's name
    /// (`stackOnPhone`, on unless a table is narrow enough to stay a table).
    static func table(caption: String, headers: [String], rows: [[HTMLNode]], stackOnPhone: Bool = true) -> HTMLNode {
        Forms.table(caption: caption, stackOnPhone: stackOnPhone, headers: headers, rows: rows)
    }

    /// Cards: a title (linked when `href` is given) and a line under it.
    static func cards(_ items: [(title: String, href: String?, detail: String)]) -> HTMLNode {
        H.el("ul", [("class", "cards")]) {
            for item in items {
                H.el("li", [("class", "card")]) {
                    if let href = item.href {
                        H.el("h3", [], [H.link(item.title, href)])
                    } else {
                        H.el("h3", text: item.title)
                    }
                    if !item.detail.isEmpty { H.el("p", text: item.detail) }
                }
            }
        }
    }

    enum Tone: String, Sendable { case info, ok, warning, error }

    /// A message about the page's state: `status` for news (read out politely), `alert` for errors.
    static func notice(_ text: String, tone: Tone = .info) -> HTMLNode {
        switch tone {
        case .error: H.el("div", [("class", "error-summary"), ("role", "alert")], [H.el("p", text: text)])
        case .warning: H.el("p", [("class", "notice warning"), ("role", "status")], text: text)
        case .info, .ok: H.el("p", [("class", "notice"), ("role", "status")], text: text)
        }
    }

    /// Something went wrong: what, and the details under it (read out at once).
    static func alert(_ text: String, detail: String) -> HTMLNode {
        H.el("div", [("class", "error-summary"), ("role", "alert")], [H.el("p", text: text), H.el("p", text: detail)])
    }

    /// A paragraph of the page's own words; `muted` for a secondary line (a count, a hint).
    /// Text of several lines, one paragraph to a line (a need, a notice).
    static func paragraphs(_ text: String) -> [HTMLNode] {
        text.split(whereSeparator: \.isNewline).map { H.el("p", text: String($0)) }
    }

    static func text(_ text: String, muted: Bool = false) -> HTMLNode {
        H.el("p", muted ? [("class", "muted")] : [], text: text)
    }

    /// A plain list of short lines, or of lines with an action.
    static func list(_ items: [String]) -> HTMLNode { H.el("ul", [], items.map { H.el("li", text: $0) }) }
    static func list(_ items: [[HTMLNode]]) -> HTMLNode { H.el("ul", [], items.map { H.el("li", [], $0) }) }

    /// Nothing here yet: what that means and, when there is one, what to do.
    static func empty(_ text: String, action: (label: String, href: String)? = nil) -> HTMLNode {
        H.el("div", [("class", "empty")]) {
            H.el("p", text: text)
            if let action { H.el("p", [], [linkButton(action.label, action.href)]) }
        }
    }

    /// A short state word (待审核, 已通过 …) in a colour that is never its only sign.
    static func tag(_ text: String, tone: Tone = .info) -> HTMLNode {
        H.el("span", [("class", "tag tag-\(tone.rawValue)")], text: text)
    }

    /// A link that looks like a button (a main action that only navigates).
    static func linkButton(_ label: String, _ href: String, primary: Bool = true) -> HTMLNode {
        H.el("a", [("class", primary ? "button primary" : "button secondary"), ("href", href)], text: label)
    }

    /// Newer / older pages of a list.
    static func pager(_ label: String, newer: (String, String)?, older: (String, String)?) -> HTMLNode {
        H.el("nav", [("class", "pager"), ("aria-label", label)]) {
            if let newer { H.link(newer.0, newer.1, [("rel", "prev")]) }
            if let older { H.link(older.0, older.1, [("rel", "next")]) }
        }
    }

    /// Progress of long work, as text (read out) and as a bar.
    static func progress(_ percent: Int, text: String, label: String) -> HTMLNode {
        .group([
            H.el("p", [("class", "progress-text"), ("role", "status")], text: text),
            H.el("progress", [("max", "100"), ("value", String(percent)), ("aria-label", label)], text: "\(percent)%"),
        ])
    }

    /// What happened when, newest last.
    static func timeline(_ caption: String, _ events: [(at: String, text: String)]) -> HTMLNode {
        timeline(caption, events.map { (at: $0.at, nodes: [HTMLNode.text($0.text)]) })
    }

    /// The same, each event's words given as nodes (a link among them).
    static func timeline(_ caption: String, _ events: [(at: String, nodes: [HTMLNode])]) -> HTMLNode {
        H.el("ol", [("class", "timeline"), ("aria-label", caption)]) {
            for e in events { H.el("li", [], [H.el("time", text: e.at), .text(" ")] + e.nodes) }
        }
    }

    /// A bar chart as SVG (no script, prints as drawn): for each label a line of text, its bar
    /// under it with the value at its end, so it reads on a phone without the picture too; long
    /// labels are shortened with the whole one as the element's title. Sized so that its text
    /// stays about as large as the page's on a phone (the caption names it for screen readers).
    static func barChart(caption: String, bars: [(label: String, value: Int)], showCaption: Bool = true) -> HTMLNode {
        let top = max(bars.map(\.value).max() ?? 0, 1)
        let (width, rowH, barH, valueW) = (360, 62, 16, 48)
        let height = max(bars.count, 1) * rowH + 4
        var items: [HTMLNode] = [H.el("title", text: caption)]
        for (i, b) in bars.enumerated() {
            let y = i * rowH
            let w = b.value == 0 ? 0 : max(3, b.value * (width - valueW) / top)
            let short = b.label.count > 30 ? String(b.label.prefix(29)) + "…" : b.label
            items.append(
                H.el(
                    "text", [("x", "0"), ("y", String(y + 24)), ("class", "chart-label")],
                    [H.el("title", text: b.label), .text(short)]))
            items.append(
                H.el(
                    "rect",
                    [
                        ("x", "0"), ("y", String(y + 34)), ("width", String(w)), ("height", String(barH)),
                        ("class", "chart-bar"),
                    ], []))
            items.append(
                H.el(
                    "text", [("x", String(w + 6)), ("y", String(y + 49)), ("class", "chart-value")],
                    text: String(b.value)))
        }
        return H.el(
            "figure", [("class", "chart")],
            [
                H.el(
                    "svg",
                    [
                        ("viewBox", "0 0 \(width) \(height)"), ("role", "img"), ("aria-label", caption),
                        ("xmlns", "http://www.w3.org/2000/svg"),
                    ], items),
                showCaption ? H.el("figcaption", [("class", "muted")], text: caption) : .group([]),
            ])
    }
}
