import Vapor

/// CSRF protection. For a signed-in browser the token is derived from its session (so it is bound
/// to that session and changes at every sign-in); before sign-in it is a random cookie submitted
/// back (double submit). Either way it must come back in the form field `_csrf` (or the
/// `X-CSRF-Token` header) of every state-changing request, and a request that a browser marks as
/// coming from another site (`Origin`, `Sec-Fetch-Site`) is refused first.
/// Requests authenticated by an API token carry no cookie and are exempt.
enum CSRF {
    static let cookie = "yishi_csrf"
    static let field = "_csrf"
    static let header = "X-CSRF-Token"

    /// The token of the browser holding session cookie `session`.
    static func token(forSession session: String) -> String {
        String(sha256Hex("yishi-csrf\u{0}" + session).prefix(43))
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    /// The token to put in this page's forms.
    var csrfToken: String {
        if let t = storage[CSRFKey.self] { return t }
        let t: String
        if principal?.sessionID != nil, let session = cookie(SessionCookie.name) {
            t = CSRF.token(forSession: session)
        } else {
            t = cookie(CSRF.cookie) ?? effects.random.token()
        }
        storage[CSRFKey.self] = t
        return t
    }

    /// True when the browser says the request was started by another site.
    var isCrossSite: Bool {
        if let site = headers.first(name: "Sec-Fetch-Site")?.lowercased(), site == "cross-site" || site == "same-site" {
            return true
        }
        guard let origin = headers.first(name: .origin) else { return false }
        if origin == "null" { return true }
        // Behind a proxy the Host may be rewritten: the configured public address is ours too.
        if let publicURL = settings.publicURL,
            origin.lowercased() == publicURL.lowercased().trimmingCharacters(in: ["/"])
        {
            return false
        }
        guard let host = headers.first(name: .host), let url = URL(string: origin), let originHost = url.host else {
            return true
        }
        let originAuthority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return originAuthority.lowercased() != host.lowercased()
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

struct CSRFMiddleware: Middleware {
    /// On the event loop's futures (see `SecurityHeadersMiddleware`). Routes that never look at
    /// who is asking (`/health`, `/styles.css`) get no token and no cookie.
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if req.route?.isAnonymous == true { return next.respond(to: req) }
        let hadCookie = req.cookie(CSRF.cookie)
        let checked: EventLoopFuture<Void>
        if ![.GET, .HEAD, .OPTIONS].contains(req.method), req.principal?.tokenID == nil {
            guard !req.isCrossSite else { return req.eventLoop.makeFailedFuture(YishiError.csrf) }
            // The body is read here, within the route's limit, so the form field can be checked.
            let limit = req.route?.maxBody ?? req.settings.maxBodyBytes
            let body: EventLoopFuture<Void>
            if let data = req.body.data {
                guard data.readableBytes <= limit else {
                    return req.eventLoop.makeFailedFuture(Abort(.payloadTooLarge))
                }
                body = req.eventLoop.makeSucceededVoidFuture()
            } else {
                body = req.body.collect(max: limit).map { _ in }
            }
            checked = body.flatMapThrowing {
                let sent =
                    req.headers.first(name: CSRF.header) ?? req.multipartForm?.field(CSRF.field)
                    ?? (try? req.content.get(String.self, at: CSRF.field))
                // Signed in: the session's token, whatever cookie came along. Not yet: the cookie's.
                let expected = req.principal?.sessionID != nil ? req.csrfToken : hadCookie
                guard let expected, let sent, !sent.isEmpty, constantTimeEqual(expected, sent) else {
                    throw YishiError.csrf
                }
            }
        } else {
            checked = req.eventLoop.makeSucceededVoidFuture()
        }
        return checked.flatMap { next.respond(to: req) }.map { res in
            if let session = res.cookies[SessionCookie.name] {
                // Signing in or out: a new token for the new state, so a token seen before does not carry over.
                let token = session.string.isEmpty ? req.effects.random.token() : CSRF.token(forSession: session.string)
                res.cookies[CSRF.cookie] = cookie(token, req)
            } else if hadCookie == nil {
                res.cookies[CSRF.cookie] = cookie(req.csrfToken, req)
            }
            return res
        }
    }

    private func cookie(_ value: String, _ req: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, path: "/", isSecure: req.settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Compares secrets in time that does not depend on where they differ.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}
