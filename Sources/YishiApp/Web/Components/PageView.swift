import Vapor

/// What a view makes: the page's title, its content and how it is served. A view is a pure
/// function of its page model (plain values, including what the viewer may do) and the page
/// context; it never sees the request, never asks the policy and never makes a `Response` —
/// the route does that with `req.render(_:)`.
struct PageView: Sendable {
    var title: String
    var status: HTTPStatus = .ok
    /// Reloads the page after this many seconds (a job's progress) without any script.
    var refreshSeconds: Int? = nil
    var content: [HTMLNode]

    init(title: String, status: HTTPStatus = .ok, refreshSeconds: Int? = nil, @HTMLBuilder content: () -> [HTMLNode]) {
        self.title = title
        self.status = status
        self.refreshSeconds = refreshSeconds
        self.content = content()
    }
}

extension Request {
    /// The page in the one layout, as the answer to this request; `context` when the route changed
    /// the request's (a notice set after a form was saved without a redirect).
    func render(_ page: PageView, context: PageContext? = nil) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(
            status: page.status, headers: headers, body: .init(buffer: Layout.document(context ?? pageContext, page)))
    }
}
