import Vapor
import YishiCore

/// Background jobs: a job's page and its JSON (the worker is started by `serve`).
struct JobsFeature: Feature {
    var pages: [any RouteCollection] { [JobRoutes()] }
    var api: [any RouteCollection] { [JobAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.jobsOperations, schemas: { OpenAPIDocument.jobsSchemas })
    }
}
