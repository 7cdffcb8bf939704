import Vapor
import YishiCore

/// Community planners, "1+12+X" (seed 001): the pool, appointments, pairing, the service log,
/// residents' ratings and the annual review.
struct PlannersFeature: Feature {
    var pages: [any RouteCollection] { [PlannerRoutes(), PlannerFormRoutes()] }
    var api: [any RouteCollection] { [PlannersAPI()] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 15, label: PlannerPageText.nav.key, path: Site.Pattern.planners) {
                Policy.holdsAnywhere($0, .plannerManage) || Policy.holdsAnywhere($0, .plannerLog)
            }
        ]
    }
    var notices: [String] {
        [PlannerPageText.logged.key]
            + [
                PlannerFormText.joined, .joinedStaff, .decidedNotice, .appointed, .pairedNotice, .pairingEndedNotice,
                .appointmentEndedNotice, .confirmedNotice, .reviewedNotice, .ratedNotice,
            ].map(\.key)
    }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.plannersOperations, schemas: { OpenAPIDocument.plannersSchemas })
    }
    var demoStories: [DemoStory] { [PlannersDemo.story] }
}
