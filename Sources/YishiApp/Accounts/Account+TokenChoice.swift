import Vapor
import YishiCore

/// The "also revoke my API tokens" choice on sign-out-everywhere and password change: a checkbox,
/// checked by default. A form that did not offer it (an older page, a script) revokes, because the
/// form carries a marker only when the choice was shown.
enum TokenChoice {
    static let offered = "tokensChoice"
    static let revoke = "revokeTokens"

    struct Form: Content {
        var tokensChoice: String?
        var revokeTokens: String?
    }

    static func revokes(_ req: Request) -> Bool {
        let form = (try? req.content.decode(Form.self)) ?? Form()
        return form.tokensChoice == nil || form.revokeTokens != nil
    }

    static func fields(_ ctx: PageContext) -> [HTMLNode] {
        [
            H.void("input", [("type", "hidden"), ("name", offered), ("value", "1")]),
            H.el(
                "label", [("class", "check")],
                [
                    H.void("input", [("type", "checkbox"), ("name", revoke), ("value", "1"), ("checked", nil)]),
                    .text(" " + ctx.t(AccountText.tokensAlsoRevoke)),
                ]),
        ]
    }
}
