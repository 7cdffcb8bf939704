import Vapor
import YishiCore

/// Community planners, "1+12+X" (seed 001): the pool, appointments, pairing, the service log,
/// residents' ratings and the annual review.
struct PlannersFeature: Feature {
    var pages: [any RouteCollection] {
        [PlannerRoutes(), PlannerFormRoutes(), PlannerMoreRoutes(), DiagnosisRoutes()]
    }
    var api: [any RouteCollection] { [PlannersAPI(), DiagnosesAPI()] }
    var toDo: [ToDoSource] { [ToDoSource(list: PlannerReminders.todo)] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 15, label: PlannerPageText.nav.key, path: Site.Pattern.planners) {
                Policy.holdsAnywhere($0, .plannerManage) || Policy.holdsAnywhere($0, .plannerLog)
            },
            NavEntry(order: 16, label: DiagnosisText.reportsLink.key, path: Site.Pattern.diagnoses) {
                Policy.holdsAnywhere($0, .diagnosisWrite)
            },
        ]
    }
    var notices: [String] {
        [PlannerPageText.logged.key]
            + [
                PlannerFormText.joined, .joinedStaff, .decidedNotice, .appointed, .pairedNotice, .pairingEndedNotice,
                .appointmentEndedNotice, .confirmedNotice, .reviewedNotice, .ratedNotice,
            ].map(\.key) + [DiagnosisText.saved.key]
            + [HonourText.nominatedNotice, .decidedNotice, .rulesAdded].map(\.key)
    }
    var apiDescription: APIDescription {
        .init(
            operations: OpenAPIDocument.plannersOperations,
            schemas: { OpenAPIDocument.plannersSchemas.merging(OpenAPIDocument.diagnosisSchemas) { a, _ in a } })
    }
    var demoStories: [DemoStory] { [PlannersDemo.story] }
}
