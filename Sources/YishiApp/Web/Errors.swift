import Vapor
import YishiCore

/// Errors the platform means to show. Each maps to a status and a message in both languages.
enum YishiError: Error, Sendable {
    case denied(Denial)
    case invalidToken
    case notFound
    case csrf
    case badRequest(key: String, args: [String])
    /// Field name → catalog key: 422 naming each field.
    case invalid([String: String])
    case tooManyRequests
    case importFailed(ImportFailure)
    /// The record is not in a state that allows this (published already, closed): 409 with why.
    case conflict(key: String)
    /// An owners' register that cannot be frozen: 422 with each problem and where to fix it.
    case registerProblems([OwnersVotes.RegisterIssue])

    var status: HTTPStatus {
        switch self {
        case .denied(.notSignedIn), .invalidToken: return .unauthorized
        case .denied: return .forbidden
        case .notFound: return .notFound
        case .csrf: return .forbidden
        case .badRequest: return .badRequest
        case .invalid, .importFailed, .registerProblems: return .unprocessableEntity
        case .tooManyRequests: return .tooManyRequests
        case .conflict: return .conflict
        }
    }

    /// What went wrong, as a text key and its arguments (a job stores it so).
    var message: (key: String, args: [String]) {
        switch self {
        case .denied(let d): (Catalog.nameKey(d), [])
        case .invalidToken: (ErrorText.code401.key, [])
        case .notFound: (ErrorText.code404.key, [])
        case .csrf: (ErrorText.csrf.key, [])
        case .badRequest(let key, let args): (key, args)
        case .invalid: (ErrorText.code422.key, [])
        case .tooManyRequests: (ErrorText.code429.key, [])
        case .importFailed: (ImportText.failed.key, [])
        case .conflict(let key): (key, [])
        case .registerProblems: (OwnerVoteText.registerProblems.key, [])
        }
    }

    func reason(_ lang: Lang) -> String { Catalog.text(message.key, lang, message.args) }
}

/// The JSON error body of the API.
struct APIError: Content {
    var error = true
    var reason: String
    var fields: [String: String]?
    var lines: [LineError]?
    var problems: [Problem]?

    /// A problem to fix elsewhere, and where.
    struct Problem: Content {
        var reason: String
        var link: String?
    }

    struct LineError: Content {
        var line: Int
        var reason: String
    }
}

/// Turns every error into a page (for people) or JSON (under /api): in the user's language, with
/// the right status, and without internal detail unless settings allow it (development, tests).
struct ErrorMiddleware: Middleware {
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        next.respond(to: req).flatMapErrorThrowing { Self.response(for: $0, req) }
    }

    static func response(for error: any Error, _ req: Request) -> Response {
        let lang = req.lang
        var status: HTTPStatus
        var reason: String
        var fields: [String: String]? = nil
        var lines: [APIError.LineError]? = nil
        var problems: [APIError.Problem]? = nil
        let error: any Error = (error as? ImportFailure).map { YishiError.importFailed($0) } ?? error
        switch error {
        case let e as YishiError:
            status = e.status
            reason = e.reason(lang)
            if case .invalid(let f) = e { fields = f.mapValues { Catalog.text($0, lang) } }
            if case .registerProblems(let list) = e {
                problems = list.map { APIError.Problem(reason: $0.message.in(lang), link: $0.link) }
            }
            if case .importFailed(let failure) = e {
                lines = failure.issues.map {
                    APIError.LineError(
                        line: $0.line, reason: Catalog.text($0.problem.message.key, lang, $0.problem.message.args))
                }
            }
        case let e as DecodingError:
            (status, reason, fields) = decoding(e, lang)
        case let e as any AbortError:
            status = e.status
            reason =
                Catalog.entries["error.\(e.status.code)"] != nil
                ? Catalog.text("error.\(e.status.code)", lang) : e.reason
            if req.settings.showInternalErrors, e.status == .internalServerError { reason += " — " + e.reason }
        default:
            status = .internalServerError
            reason = Catalog.text(ErrorText.code500, lang)
            if req.settings.showInternalErrors { reason += " — \(String(reflecting: error))" }
        }
        if status == .internalServerError { req.logger.report(error: error) }

        if req.url.path.hasPrefix("/api/") {
            let body = APIError(reason: reason, fields: fields, lines: lines, problems: problems)
            let res = Response(status: status)
            try? res.content.encode(body, as: .json)
            return res
        }
        // A page asked without a session goes to sign-in; one asked with a bad API token gets its
        // 401 here (sign-in would send it back with the same token, for ever).
        if status == .unauthorized, req.method == .GET, req.headers.bearerAuthorization == nil {
            let here = req.url.query.map { "\(req.url.path)?\($0)" } ?? req.url.path
            // The sign-in page says why it was shown.
            return req.redirect(to: "\(Site.signIn)?notice=\(SignInText.required.key)&next=\(H.query(here))")
        }
        return req.render(
            errorPage(reason: reason, lines: lines, problems: problems, status: status, req.pageContext))
    }

    /// The error page: what went wrong in the reader's language, the refused lines of a file, the way home.
    static func errorPage(
        reason: String, lines: [APIError.LineError]?, problems: [APIError.Problem]? = nil, status: HTTPStatus,
        _ ctx: PageContext
    ) -> PageView {
        let title: ErrorText =
            switch status {
            case .notFound: .titleNotFound
            case .forbidden: .titleForbidden
            case .conflict: .titleConflict
            default: .title
            }
        return PageView(title: ctx.t(title), status: status) {
            H.el("p", [("class", "lead")], text: reason)
            if let lines {
                H.el("ul", [], lines.map { H.el("li", text: ctx.t(ImportText.line, String($0.line), $0.reason)) })
            }
            if let problems {
                H.el(
                    "ul", [],
                    problems.map { p in
                        H.el(
                            "li", [],
                            [H.text(p.reason + " ")] + (p.link.map { [H.link(ctx.t(OwnerVoteText.fixIt), $0)] } ?? []))
                    })
            }
            H.el("p", [], [C.linkButton(ctx.t(ErrorText.backHome), Site.home, primary: false)])
        }
    }

    /// Malformed JSON is 400; a missing or mistyped field is 422 naming the field.
    static func decoding(_ e: DecodingError, _ lang: Lang) -> (HTTPStatus, String, [String: String]?) {
        func name(_ path: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            (path + (key.map { [$0] } ?? [])).map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(
                separator: ".")
        }
        switch e {
        case .keyNotFound(let key, let ctx):
            return (
                .unprocessableEntity, Catalog.text(ErrorText.code422, lang),
                [name(ctx.codingPath, key): Catalog.text(FieldText.requiredText, lang)]
            )
        case .valueNotFound(_, let ctx), .typeMismatch(_, let ctx):
            return (
                .unprocessableEntity, Catalog.text(ErrorText.code422, lang),
                [name(ctx.codingPath): Catalog.text(FieldText.invalid, lang)]
            )
        case .dataCorrupted(let ctx):
            if ctx.codingPath.isEmpty {
                let detail =
                    (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                    ?? ctx.debugDescription
                return (.badRequest, Catalog.text(ErrorText.malformedJSON, lang, [detail]), nil)
            }
            return (
                .unprocessableEntity, Catalog.text(ErrorText.code422, lang),
                [name(ctx.codingPath): Catalog.text(FieldText.invalid, lang)]
            )
        @unknown default:
            return (.badRequest, Catalog.text(ErrorText.code400, lang), nil)
        }
    }
}
