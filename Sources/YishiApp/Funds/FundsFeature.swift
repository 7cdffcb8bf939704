import Vapor
import YishiCore

/// Money in the open (阳光居务, issue 21): pots and their double-entry ledger, pledges, matching,
/// allocations resting on decisions, expenses and their approvals, statements published as notices.
struct FundsFeature: Feature {
    var commands: [FeatureCommand] { [.init(name: "funds", command: FundsCommand())] }
    var api: [any RouteCollection] { [FundsAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.fundsOperations, schemas: { OpenAPIDocument.fundsSchemas })
    }
    var noticeSubjects: [NoticeSubject] { [FundStatementNotice.subject] }
    var demoStories: [DemoStory] { [FundsDemo.story] }
}
