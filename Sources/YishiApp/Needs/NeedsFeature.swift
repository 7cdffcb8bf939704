import Vapor
import YishiCore

/// Needs (需求): residents raise them and add "me too", staff enter them for residents and sort
/// them, and the platform ranks them by the common ground of the households that support them.
struct NeedsFeature: Feature {
    var pages: [any RouteCollection] { [NeedRoutes(), NeedSettingsRoutes()] }
    var api: [any RouteCollection] { [NeedsAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.needsOperations, schemas: { OpenAPIDocument.needsSchemas })
    }
    var navigation: [NavEntry] {
        [NavEntry(order: 12, label: NavigationText.needs.key, path: Site.needs) { Policy.holdsAnywhere($0, .needRead) }]
    }
    var demo: [DemoPart] { [NeedsDemo.part, NeedsDemoMore.part] }
    var noticeSubjects: [NoticeSubject] { [NeedsList.noticeSubject] }
    var daily: [DailyTask] { [NeedsService.refreshWaitingDaily] }
    var notices: [String] {
        [
            NeedText.submitted.key, NeedText.supported.key, NeedText.accepted.key, NeedText.declined.key,
            NeedText.merged.key, NeedText.unmerged.key, NeedText.distinct.key, NeedText.safetySaved.key,
            NeedText.photosAdded.key, NeedText.commented.key, NeedText.listPublished.key, NeedText.fromGapRaised.key,
            NeedText.withdrawn.key, NeedText.settingsSaved.key,
        ]
    }
}
