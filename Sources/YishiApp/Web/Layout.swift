import Vapor
import YishiCore

/// The one layout: language, care mode, navigation, notices. Pages give a title and their content.
enum Layout {
    /// The whole document of a page: a pure function of the context and the page (snapshot tests
    /// write it as text).
    static func document(_ ctx: PageContext, title: String, refreshSeconds: Int? = nil, _ content: [HTMLNode])
        -> ByteBuffer
    {
        let htmlClass = ctx.care == .off ? "" : "care care-\(ctx.care.rawValue)"
        var head: [HTMLNode] = [
            H.void("meta", [("charset", "UTF-8")]),
            H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
            H.el("title", text: "\(title) · \(ctx.t(AppText.name))"),
            H.void("link", [("rel", "stylesheet"), ("href", Site.styles)]),
        ]
        if let refreshSeconds {
            head.append(H.void("meta", [("http-equiv", "refresh"), ("content", String(refreshSeconds))]))
        }
        let body: [HTMLNode] = [
            H.el("a", [("class", "skip"), ("href", "#main")], text: ctx.t(NavigationText.skip)),
            header(ctx),
            H.el(
                "main", [("id", "main"), ("tabindex", "-1")],
                [
                    ctx.notice.map { H.el("p", [("class", "notice"), ("role", "status")], text: $0) } ?? .group([]),
                    H.el("h1", text: title),
                ] + content),
            footer(ctx),
        ]
        return H.document(lang: ctx.lang.rawValue, class: htmlClass, head: head, body: body)
    }

    static func document(_ ctx: PageContext, _ page: PageView) -> ByteBuffer {
        document(ctx, title: page.title, refreshSeconds: page.refreshSeconds, page.content)
    }

    /// The header. On a wide screen: the name, the display settings and sign-out on one line, the
    /// navigation under it. On a phone (below 40rem) all of that folds into one "menu" button (a
    /// `<details>`, no script), so the page's own heading shows on the first screen in every mode.
    static func header(_ ctx: PageContext) -> HTMLNode {
        let items = ctx.navigation
        let path = ctx.here.split(separator: "?").first.map(String.init) ?? Site.home
        let current = Self.current(path, among: items.map(\.path))
        func links(_ cls: String) -> HTMLNode {
            H.el("ul", [("class", cls)]) {
                for item in items {
                    H.el("li") {
                        H.el(
                            "a", [("href", item.path)] + (item.path == current ? [("aria-current", "page")] : []),
                            text: ctx.t(item.label))
                    }
                }
            }
        }
        return H.el("header", [("class", "site")]) {
            H.el("div", [("class", "bar")]) {
                H.el("a", [("class", "brand"), ("href", Site.home)]) {
                    H.el("span", [("class", "brand-name")], text: ctx.t(AppText.name))
                    H.el("span", [("class", "brand-tagline")], text: ctx.t(AppText.tagline))
                }
                H.el(
                    "div", [("class", "tools wide"), ("role", "group"), ("aria-label", ctx.t(PreferencesText.label))],
                    tools(ctx))
                H.el("details", [("class", "menu narrow")]) {
                    H.el("summary", [("class", "button secondary")], text: ctx.t(NavigationText.menu))
                    H.el("div", [("class", "menu-panel")]) {
                        H.el("nav", [("aria-label", ctx.t(NavigationText.main))], [links("menu-links")])
                        H.el(
                            "div",
                            [("class", "tools"), ("role", "group"), ("aria-label", ctx.t(PreferencesText.label))],
                            tools(ctx))
                    }
                }
            }
            H.el("nav", [("class", "main-nav wide"), ("aria-label", ctx.t(NavigationText.main))], [links("")])
        }
    }

    /// Language, text size, and — when signed in — who, and sign-out.
    static func tools(_ ctx: PageContext) -> [HTMLNode] {
        let other: Lang = ctx.lang == .zhHans ? .en : .zhHans
        let next = H.query(ctx.here)
        // Off → care mode; in care mode: larger still, or back to standard.
        let careChoices: [(CareMode, String)] =
            switch ctx.care {
            case .off: [(.on, ctx.t(PreferencesText.careOn))]
            case .on: [(.xl, ctx.t(PreferencesText.careXl)), (.off, ctx.t(PreferencesText.careOff))]
            case .xl: [(.on, ctx.t(PreferencesText.careSmaller)), (.off, ctx.t(PreferencesText.careOff))]
            }
        var out: [HTMLNode] = [
            H.el(
                "a",
                [
                    ("href", "\(Site.preferences)?lang=\(other.rawValue)&next=\(next)"), ("lang", other.rawValue),
                    ("class", "button secondary"),
                ], text: ctx.t(PreferencesText.switchLanguage))
        ]
        out += careChoices.map { mode, label in
            H.el(
                "a",
                [("href", "\(Site.preferences)?care=\(mode.rawValue)&next=\(next)"), ("class", "button secondary")],
                text: label)
        }
        if let p = ctx.principal {
            out.append(H.el("span", [("class", "who")], text: ctx.t(FooterText.signedInAs, p.displayName)))
            out.append(Forms.button(ctx, action: Site.signOut, label: ctx.t(SignoutText.button)))
        }
        return out
    }

    /// The footer: what Yishi is, who runs it and how to reach them, help, and the privacy notice.
    static func footer(_ ctx: PageContext) -> HTMLNode {
        H.el("footer", [("class", "site")]) {
            H.el("p", text: ctx.t(FooterText.text))
            if let name = ctx.operatorName {
                H.el(
                    "p",
                    text: ctx.t(
                        FooterText.operatorLine, [name, ctx.operatorContact].compactMap { $0 }.joined(separator: " · "))
                )
            } else {
                H.el("p", text: ctx.t(FooterText.noOperator))
            }
            H.el("ul", [("class", "footer-links")]) {
                H.el("li", [], [H.link(ctx.t(NavigationText.help), Site.help)])
                H.el("li", [], [H.link(ctx.t(NavigationText.privacy), Site.privacy)])
            }
        }
    }

    /// The entry a page belongs to: the longest entry path that is the page's path or a folder
    /// above it ("/" only for the home page), so `/territory/import` is "import", not "territory".
    /// A place's page of a capability (`/territory/{id}/needs`) belongs to that capability's entry.
    static func current(_ path: String, among paths: [String]) -> String? {
        if let own = paths.filter({ $0 != "/" && path != $0 && path.hasSuffix($0) }).max(by: { $0.count < $1.count }) {
            return own
        }
        return paths.filter { $0 == "/" ? path == "/" : path == $0 || path.hasPrefix($0 + "/") }.max {
            $0.count < $1.count
        }
    }
}
