import Vapor

/// Double-submit CSRF protection: a random token in an HttpOnly, SameSite=Lax cookie must come
/// back in the form field `_csrf` (or the `X-CSRF-Token` header) of every state-changing request.
/// Requests authenticated by an API token carry no cookie and are exempt.
enum CSRF {
    static let cookie = "yishi_csrf"
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token to put in this page's forms (new when the browser has none yet).
    var csrfToken: String {
        get {
            if let t = storage[CSRFKey.self] { return t }
            let t = cookies[CSRF.cookie]?.string ?? effects.random.token()
            storage[CSRFKey.self] = t
            return t
        }
    }
}

extension Route {
    private static let uploadKey = "yishi.maxBody"
    /// Lets this route take a body up to `bytes` (the default limit is `Settings.maxBodyBytes`).
    @discardableResult
    func allowingBody(upTo bytes: Int) -> Route {
        userInfo[Self.uploadKey] = bytes
        return self
    }
    var maxBody: Int? { userInfo[Self.uploadKey] as? Int }
}

struct CSRFMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let hadCookie = req.cookies[CSRF.cookie]?.string
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), req.principal?.tokenID == nil {
            // The body is read here, within the route's limit, so the form field can be checked.
            let limit = req.route?.maxBody ?? req.settings.maxBodyBytes
            if let data = req.body.data {
                guard data.readableBytes <= limit else { throw Abort(.payloadTooLarge) }
            } else {
                _ = try await req.body.collect(max: limit).get()
            }
            let sent = req.headers.first(name: CSRF.header) ?? req.multipartForm?.field(CSRF.field) ?? (try? req.content.get(String.self, at: CSRF.field))
            guard let hadCookie, let sent, !sent.isEmpty, constantTimeEqual(hadCookie, sent) else {
                throw YishiError.csrf
            }
        }
        let res = try await next.respond(to: req)
        if hadCookie == nil {
            res.cookies[CSRF.cookie] = HTTPCookies.Value(string: req.csrfToken, path: "/", isSecure: req.settings.secureCookies,
                                                         isHTTPOnly: true, sameSite: .lax)
        }
        return res
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
