import Vapor
import YishiCore

/// Language and care mode live in cookies so that they work without JavaScript and without an account.
enum Preferences {
    static let langCookie = "yishi_lang"
    static let careCookie = "yishi_care"

    /// `GET /preferences?lang=en&care=on&next=/path`: sets the cookies and goes back.
    /// Only a local path is followed, never another site.
    static func update(_ req: Request) throws -> Response {
        let next = safeNext((try? req.query.get(String.self, at: "next")) ?? "/")
        let res = req.redirect(to: next)
        if let l = (try? req.query.get(String.self, at: "lang")).flatMap(Lang.init) {
            res.cookies[langCookie] = cookie(l.rawValue, req)
        }
        if let c = (try? req.query.get(String.self, at: "care")).flatMap(CareMode.init) {
            res.cookies[careCookie] = cookie(c.rawValue, req)
        }
        return res
    }

    static func cookie(_ value: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: 365 * 86_400, path: "/", isSecure: req.settings.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
    }

    /// Where a `next` may send the browser: the one rule, `RedirectTarget`, shared by every redirect
    /// whose target comes from a request.
    static func safeNext(_ s: String?) -> String { RedirectTarget.safe(s) }
}

extension Request {
    private struct CookiesKey: StorageKey { typealias Value = HTTPCookies }

    /// The value of the request's cookie `name`. The `Cookie` header is parsed once per request
    /// (Vapor's `req.cookies` parses it on every read: a tenth of a signed-in API call's cost).
    func cookie(_ name: String) -> String? {
        if let parsed = storage[CookiesKey.self] { return parsed[name]?.string }
        let parsed = headers.cookie ?? HTTPCookies()
        storage[CookiesKey.self] = parsed
        return parsed[name]?.string
    }
}
