import Vapor
import YishiCore

/// Community planners, "1+12+X" (seed 001): the pool, appointments, pairing, the service log,
/// residents' ratings and the annual review.
struct PlannersFeature: Feature {
    var api: [any RouteCollection] { [PlannersAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.plannersOperations, schemas: { OpenAPIDocument.plannersSchemas })
    }
}
