import Vapor

/// Headers every answer carries, and the methods the platform answers at all.
///
/// - `Content-Security-Policy`: our own stylesheet and images only, no script at all (every page
///   works without JavaScript), no framing, forms post only to us. Inline `style` attributes are
///   allowed (the share bars' widths); they cannot run code.
/// - `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin`.
/// - `Strict-Transport-Security` where the public address is https (production).
/// - A method the platform never routes (TRACE, CONNECT, anything unknown) is 405, not 404.
///
/// Written on the event loop's futures, like the other three middlewares: a request then makes one
/// hop into Swift concurrency (its handler) instead of one per middleware, which was a third of
/// the cost of a small answer.
struct SecurityHeadersMiddleware: Middleware {
    static let csp =
        "default-src 'none'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    static let routedMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        guard Self.routedMethods.contains(req.method.rawValue) else {
            let res = Response(status: .methodNotAllowed)
            res.headers.replaceOrAdd(name: .allow, value: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS")
            return req.eventLoop.makeSucceededFuture(Self.secure(res, req))
        }
        return next.respond(to: req).map { Self.secure($0, req) }
    }

    static func secure(_ res: Response, _ req: Request) -> Response {
        if !res.headers.contains(name: "Content-Security-Policy") {
            res.headers.replaceOrAdd(name: "Content-Security-Policy", value: csp)
        }
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if req.settings.secureCookies {
            res.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains")
        }
        return res
    }
}

extension Request {
    /// True only when the socket's peer is this machine. A request without a socket (an in-process
    /// test) is not loopback. Forwarding headers are never read here.
    var peerIsLoopback: Bool {
        guard let ip = remoteAddress?.ipAddress else { return false }
        return ip == "::1" || ip.hasPrefix("127.") || ip.hasPrefix("::ffff:127.")
    }
}
