/// Lets a view read like the page's outline: one component per line, `if` and `for` as in Swift.
///
///     @HTMLBuilder var body: [HTMLNode] {
///         C.notice(ctx.t(AuditText.intro))
///         if entries.isEmpty { C.empty(ctx.t(AuditText.none)) } else { C.table(…) }
///     }
@resultBuilder
enum HTMLBuilder {
    static func buildExpression(_ node: HTMLNode) -> [HTMLNode] { [node] }
    static func buildExpression(_ nodes: [HTMLNode]) -> [HTMLNode] { nodes }
    static func buildExpression(_ node: HTMLNode?) -> [HTMLNode] { node.map { [$0] } ?? [] }
    static func buildBlock(_ parts: [HTMLNode]...) -> [HTMLNode] { parts.flatMap { $0 } }
    static func buildOptional(_ part: [HTMLNode]?) -> [HTMLNode] { part ?? [] }
    static func buildEither(first: [HTMLNode]) -> [HTMLNode] { first }
    static func buildEither(second: [HTMLNode]) -> [HTMLNode] { second }
    static func buildArray(_ parts: [[HTMLNode]]) -> [HTMLNode] { parts.flatMap { $0 } }
}

extension H {
    /// An element whose children are built line by line.
    static func el(_ name: String, _ attributes: [(String, String?)] = [], @HTMLBuilder children: () -> [HTMLNode])
        -> HTMLNode
    {
        .element(name, attributes, children())
    }
}
