import Vapor
import YishiCore

/// Public notices (公示): a shared mechanism. Staff publish a notice at a place for a period,
/// residents object, staff answer, and the notice states its outcome; other capabilities publish
/// their own content through it (`Feature.noticeSubjects`: the needs list now; vote registers,
/// results and accounts later).
struct NoticesFeature: Feature {
    var pages: [any RouteCollection] { [NoticeRoutes()] }
    var api: [any RouteCollection] { [NoticesAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.noticesOperations, schemas: { OpenAPIDocument.noticesSchemas })
    }
    var navigation: [NavEntry] { [NavEntry(order: 14, label: NavigationText.notices.key, path: Site.notices)] }
    var notices: [String] {
        [
            NoticeText.created.key, NoticeText.published.key, NoticeText.objected.key, NoticeText.answered.key,
        ]
    }
}
