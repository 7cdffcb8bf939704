import Vapor
import YishiCore

/// Money in the open (阳光居务, issue 21): pots and their double-entry ledger, pledges, matching,
/// allocations resting on decisions, expenses and their approvals, statements published as notices.
struct FundsFeature: Feature {
    var commands: [FeatureCommand] { [.init(name: "funds", command: FundsCommand())] }
    var api: [any RouteCollection] { [FundsAPI()] }
    var pages: [any RouteCollection] { [FundRoutes()] }
    var toDo: [ToDoSource] { [ToDoSource(list: FundReminders.todo)] }
    var daily: [DailyTask] { [Funds.releaseLapsedDaily] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 17, label: FundPageText.title.key, path: Site.Pattern.funds) {
                Policy.holdsAnywhere($0, .fundRecord)
            }
        ]
    }
    var notices: [String] {
        [
            FundPageText.potCreated, FundPageText.receivedNotice, FundPageText.pledgedNotice,
            FundPageText.reversedNotice, FundPageText.budgetSaved, FundPageText.allocatedNotice,
            FundPageText.expenseSubmitted, FundPageText.decided, FundPageText.paidNotice, FundPageText.ruleCreated,
            FundPageText.roundClosed,
        ].map(\.key)
    }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.fundsOperations, schemas: { OpenAPIDocument.fundsSchemas })
    }
    var noticeSubjects: [NoticeSubject] { [FundStatementNotice.subject] }
    var demoStories: [DemoStory] { [FundsDemo.story] }
}
