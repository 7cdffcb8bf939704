import Vapor
import YishiCore

/// Care mode (长辈版): off, large, extra large (DECISION-RULES.md §5: ≥ 18 px, 30 px reachable).
enum CareMode: String, Sendable, CaseIterable, Codable {
    case off, on, xl
}

/// What every page needs from the request: language, care mode, who is signed in, the CSRF token.
struct PageContext: Sendable {
    var lang: Lang
    var care: CareMode
    var principal: Principal?
    var csrf: String
    /// The path and query of this page, for "come back here" links.
    var here: String
    var notice: String?
    /// The main navigation's entries this viewer sees (`Feature`, `NavEntry.shows`).
    var navigation: [NavEntry]
    /// Who runs the platform and how to reach them (`YISHI_OPERATOR_NAME`, `YISHI_OPERATOR_CONTACT`).
    var operatorName: String? = nil
    var operatorContact: String? = nil

    func t(_ key: String, _ args: String...) -> String { Catalog.text(key, lang, args) }
    /// A typed text (`Texts`) in the reader's language.
    func t<T: Texts>(_ text: T, _ args: String...) -> String { text.text(lang, args) }
    func t(_ key: String, args: [String]) -> String { Catalog.text(key, lang, args) }
    func name<E: RawRepresentable>(_ value: E) -> String where E.RawValue == String { Catalog.name(value, lang) }

    /// "宝林一村（BS01-C1）" in Chinese, "宝林一村 (BS01-C1)" in English: punctuation of the page's language.
    func paren(_ main: String, _ aside: String) -> String {
        lang == .zhHans ? "\(main)（\(aside)）" : "\(main) (\(aside))"
    }

    /// A name that starts a line or a label: capitalised in English ("Community"), as it is in Chinese.
    func label<E: RawRepresentable>(_ value: E) -> String where E.RawValue == String {
        let n = name(value)
        return lang == .en ? n.prefix(1).uppercased() + n.dropFirst() : n
    }

    /// Times are stored in UTC and shown in Shanghai time.
    func time(_ date: Date?) -> String { Show.dateTime(date) }
}

extension Request {
    var lang: Lang {
        if let c = cookie(Preferences.langCookie), let l = Lang(rawValue: c) { return l }
        if url.path.hasPrefix("/api/"), headers.first(name: .acceptLanguage)?.lowercased().hasPrefix("en") == true {
            return .en
        }
        return .default
    }

    var careMode: CareMode { cookie(Preferences.careCookie).flatMap { CareMode(rawValue: $0) } ?? .off }

    var pageContext: PageContext {
        // Notices shown after a redirect travel as a catalog key in `?notice=`; only the keys the
        // capabilities registered show.
        let features = application.features
        let noticeKey = (try? query.get(String.self, at: "notice")).flatMap { key in
            features.notices.contains(key) && Catalog.entries[key] != nil ? key : nil
        }
        let here = url.query.map { "\(url.path)?\($0)" } ?? url.path
        return PageContext(
            lang: lang, care: careMode, principal: principal, csrf: csrfToken, here: here,
            notice: noticeKey.map { Catalog.text($0, lang) },
            navigation: features.navigation.filter { $0.shows(actor) },
            operatorName: settings.operatorName, operatorContact: settings.operatorContact)
    }
}
