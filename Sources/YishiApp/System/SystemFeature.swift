import Vapor
import YishiCore

/// The platform itself: home, health, metrics, styles, preferences, the API description, and the
/// commands that run, migrate, back up and restore it.
struct SystemFeature: Feature {
    var pages: [any RouteCollection] { [SystemRoutes(), HomeRoutes(), HelpRoutes()] }
    var api: [any RouteCollection] { [OpenAPIRoutes()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.systemOperations, schemas: { OpenAPIDocument.systemSchemas })
    }
    var commands: [FeatureCommand] {
        [
            .init(name: "serve", command: ServeYishiCommand(), isDefault: true),
            .init(name: "migrate", command: MigrateYishiCommand()),
            .init(name: "backup", command: BackupCommand()), .init(name: "restore", command: RestoreCommand()),
            .init(name: "strings", command: StringsCommand()),
        ]
    }
    var navigation: [NavEntry] { [NavEntry(order: 0, label: NavigationText.home.key, path: Site.home)] }
}

/// `GET /api/v1/openapi.json`: the description of every registered capability's API.
struct OpenAPIRoutes: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("openapi.json", use: openAPI)
    }

    func openAPI(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(data: try OpenAPIDocument.json(req.application.features)))
        res.headers.contentType = .json
        return res
    }
}
