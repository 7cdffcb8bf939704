import Fluent
import Vapor
import YishiCore

/// A capability of the platform — territory, accounts, the atlas, the audit log … — with all it
/// brings: its pages and forms, its JSON API and that API's part of the OpenAPI document, its
/// commands, its entries in the main navigation and the notices its forms show after a redirect.
///
/// `Yishi.features` lists the capabilities, one line each; adding one touches nothing else that
/// is shared (docs/architecture.md shows the folder of a capability, file by file).
protocol Feature: Sendable {
    /// Route collections of its pages and forms.
    var pages: [any RouteCollection] { get }
    /// Route collections of its JSON API; they are booted under `/api/v1`.
    var api: [any RouteCollection] { get }
    /// Its operations in the OpenAPI document and the schemas they name.
    var apiDescription: APIDescription { get }
    /// Its commands (`yishi <name> …`).
    var commands: [FeatureCommand] { get }
    /// Its entries in the main navigation.
    var navigation: [NavEntry] { get }
    /// Catalog keys its forms may show as a notice after a redirect (`?notice=`); no other key shows.
    var notices: [String] { get }
    /// The kinds of background job it brings: how each runs, and what its page shows of the result.
    var jobKinds: [JobKindHandler] { get }
    /// Its part of the demo (`serve --demo`), run after the parts of lower order.
    var demo: [DemoPart] { get }
    /// What it publishes through public notices (a frozen needs list), shown inside the notice.
    var noticeSubjects: [NoticeSubject] { get }
    /// Stories the demo tells through the services, as its users, after its data is committed.
    var demoStories: [DemoStory] { get }
    /// What it asks of a staff member on their home page (a term ending, a check due).
    var toDo: [ToDoSource] { get }
    /// Work the worker does once a day (bringing figures up to date, releasing what has lapsed).
    var daily: [DailyTask] { get }
}

/// A capability's lines on a staff member's to-do list, as that person may see them.
struct ToDoSource: Sendable {
    var list: @Sendable (_ actor: Actor, _ caller: Caller, _ lang: Lang) async throws -> [HomePage.ToDo]
}

extension Feature {
    var pages: [any RouteCollection] { [] }
    var api: [any RouteCollection] { [] }
    var apiDescription: APIDescription { APIDescription() }
    var commands: [FeatureCommand] { [] }
    var navigation: [NavEntry] { [] }
    var notices: [String] { [] }
    var jobKinds: [JobKindHandler] { [] }
    var demo: [DemoPart] { [] }
    var noticeSubjects: [NoticeSubject] { [] }
    var demoStories: [DemoStory] { [] }
    var toDo: [ToDoSource] { [] }
    var daily: [DailyTask] { [] }
}

/// A capability's own content published through a public notice (公示): the notice stores its kind
/// and id; the notice's page and its poster show what `view` makes of it (the list as it was frozen).
struct NoticeSubject: Sendable {
    var kind: String
    var view: @Sendable (_ id: UUID, _ db: any Database, _ ctx: PageContext, _ poster: Bool) async throws -> [HTMLNode]
    /// What the subject does once a notice of it is published (its followers hear of it).
    var published: (@Sendable (_ id: UUID, _ notice: PublicNotice, _ caller: Caller) async throws -> Void)? = nil
}

extension Request {
    /// A notice just published: its subject's feature hears of it (pages and the API alike).
    func noticePublished(_ n: PublicNotice) async throws -> PublicNotice {
        if let kind = n.subjectKind, let id = n.subjectID,
            let hook = application.features.noticeSubjects[kind]?.published
        {
            try await hook(id, n, caller)
        }
        return n
    }
}

/// A kind of background job: the work (given the job, its uploaded file and the application; it
/// returns the result to store as JSON) and the part of the job's page that shows the result.
struct JobKindHandler: Sendable {
    var kind: Job.Kind
    /// The text key naming the job's node on its page ("imported at", "district").
    var placeLabel: String
    var perform: @Sendable (Job, Attachment, Application) async throws -> String
    var resultView: @Sendable (Job, PageContext) -> [HTMLNode]
    /// Keeps the uploaded file after the job succeeds (a check whose file a later job imports).
    var keepsFile = false
}

/// A command and the name it is run by.
struct FeatureCommand: Sendable {
    var name: String
    var command: any AnyAsyncCommand
    var isDefault = false
}

/// One entry of the main navigation. Entries are shown in `order` (numbers leave room between
/// capabilities); `shows` decides for the viewer (nil: nobody signed in) from what they may do,
/// when the request's page context is made — the layout itself never asks the policy.
struct NavEntry: Sendable {
    var order: Int
    var label: String
    var path: String
    var shows: @Sendable (Actor?) -> Bool = { _ in true }
}

/// A capability's part of the OpenAPI document.
struct APIDescription: Sendable {
    var operations: [OpenAPIDocument.Operation] = []
    /// Schema name → JSON Schema, as `JSONSerialization` writes it.
    var schemas: @Sendable () -> [String: Any] = { [:] }
}

/// Work done once a day by the worker, on the jobs' database, with the application's clock. A
/// failure is logged and tried again five minutes later; the task must be safe to run twice.
struct DailyTask: Sendable {
    var name: String
    var run: @Sendable (_ app: Application, _ now: Date) async throws -> Void
}

/// The registered capabilities, and what the shared pieces (layout, notices, OpenAPI document)
/// read from them.
struct Features: Sendable {
    let all: [any Feature]
    let navigation: [NavEntry]
    let notices: Set<String>
    let operations: [OpenAPIDocument.Operation]
    let jobKinds: [Job.Kind: JobKindHandler]
    let demo: [DemoPart]
    let noticeSubjects: [String: NoticeSubject]
    let toDo: [ToDoSource]
    let daily: [DailyTask]

    init(_ all: [any Feature]) {
        self.all = all
        toDo = all.flatMap(\.toDo)
        daily = all.flatMap(\.daily)
        precondition(Set(daily.map(\.name)).count == daily.count, "a daily task is registered twice")
        navigation = all.flatMap(\.navigation).sorted { $0.order < $1.order }
        notices = Set(all.flatMap(\.notices))
        operations = all.flatMap(\.apiDescription.operations)
        demo = all.flatMap(\.demo).sorted { $0.order < $1.order }
        noticeSubjects = Dictionary(all.flatMap(\.noticeSubjects).map { ($0.kind, $0) }) { _, _ in
            preconditionFailure("a notice subject is registered by two capabilities")
        }
        jobKinds = Dictionary(all.flatMap(\.jobKinds).map { ($0.kind, $0) }) { _, _ in
            preconditionFailure("a job kind is registered by two capabilities")
        }
    }

    /// Every capability's schemas in one dictionary; a name given twice is a programming error.
    func schemas() -> [String: Any] {
        all.reduce(into: [:]) { out, feature in
            out.merge(feature.apiDescription.schemas()) { _, _ in
                preconditionFailure("an API schema is named by two capabilities")
            }
        }
    }

    /// Registers every capability's routes and commands with the application.
    func register(on app: Application) throws {
        let api = app.routes.grouped(Site.API.root.pathComponents)
        for feature in all {
            for collection in feature.pages { try app.register(collection: collection) }
            for collection in feature.api { try api.register(collection: collection) }
            for c in feature.commands { app.asyncCommands.use(c.command, as: c.name, isDefault: c.isDefault) }
        }
    }
}

extension Application {
    private struct FeaturesKey: StorageKey { typealias Value = Features }

    /// The capabilities `configure` registered.
    var features: Features {
        get { storage[FeaturesKey.self] ?? Features([]) }
        set { storage[FeaturesKey.self] = newValue }
    }
}
