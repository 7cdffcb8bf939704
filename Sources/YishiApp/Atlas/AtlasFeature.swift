import Vapor
import YishiCore

/// The 15-minute life-circle atlas: public pages, map and gap list; map imports and compound links.
/// Its route collections register their own API routes (`/api/v1/lifecircle/…`).
struct AtlasFeature: Feature {
    var pages: [any RouteCollection] { [LifeCircleRoutes(), AtlasLinkRoutes(), AtlasImportRoutes()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.atlasOperations, schemas: { OpenAPIDocument.atlasSchemas })
    }
    var commands: [FeatureCommand] { [.init(name: "atlas", command: AtlasCommand())] }
    var navigation: [NavEntry] { [NavEntry(order: 20, label: NavigationText.lifeCircle.key, path: Site.lifeCircles)] }
    var jobKinds: [JobKindHandler] { [AtlasImportJob.handler] }
    var notices: [String] { [LifeCircleText.linksSaved.key] }
}
