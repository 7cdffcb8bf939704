import Vapor
import YishiCore

/// The help page and the privacy notice: public, in plain words, linked from every footer and
/// wherever a mobile number is asked for.
struct HelpRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.help.pathComponents, use: help)
        routes.get(Site.privacy.pathComponents, use: privacy)
    }

    func help(req: Request) async throws -> Response {
        let staff = req.actor.map { $0.kind == .staff } ?? false
        return req.render(HelpPages.help(req.pageContext, staff: staff))
    }

    func privacy(req: Request) async throws -> Response {
        req.render(HelpPages.privacy(req.pageContext))
    }
}

enum HelpPages {
    static func help(_ ctx: PageContext, staff: Bool) -> PageView {
        PageView(title: ctx.t(HelpText.title)) {
            C.section(ctx.t(HelpText.whatTitle)) { C.text(ctx.t(HelpText.what)) }
            C.section(ctx.t(HelpText.signInTitle)) {
                C.text(ctx.t(HelpText.signInResident))
                C.text(ctx.t(HelpText.signInStaff))
            }
            C.section(ctx.t(HelpText.careTitle)) { C.text(ctx.t(HelpText.care)) }
            C.section(ctx.t(HelpText.verifyTitle)) { C.text(ctx.t(HelpText.verify)) }
            if staff {
                C.section(ctx.t(HelpText.staffTitle)) {
                    C.text(ctx.t(HelpText.staff))
                    H.el("p", [], [H.link(ctx.t(HelpText.importHelp), Site.importHelp)])
                }
            }
            H.el("p", [], [H.link(ctx.t(HelpText.privacyTitle), Site.privacy)])
        }
    }

    static func privacy(_ ctx: PageContext) -> PageView {
        PageView(title: ctx.t(HelpText.privacyTitle)) {
            C.text(ctx.t(HelpText.privacyIntro))
            C.section(ctx.t(HelpText.collectTitle)) { C.text(ctx.t(HelpText.collect)) }
            C.section(ctx.t(HelpText.whyTitle)) { C.text(ctx.t(HelpText.why)) }
            C.section(ctx.t(HelpText.whoTitle)) { C.text(ctx.t(HelpText.who)) }
            C.section(ctx.t(HelpText.phoneTitle)) { C.text(ctx.t(HelpText.phone)) }
            C.section(ctx.t(HelpText.keepTitle)) { C.text(ctx.t(HelpText.keep)) }
            C.section(ctx.t(HelpText.rightsTitle)) { C.text(ctx.t(HelpText.rights)) }
            C.section(ctx.t(HelpText.contactTitle)) {
                if let name = ctx.operatorName {
                    C.text([name, ctx.operatorContact].compactMap { $0 }.joined(separator: " · "))
                } else {
                    C.text(ctx.t(FooterText.noOperator))
                }
            }
        }
    }
}
