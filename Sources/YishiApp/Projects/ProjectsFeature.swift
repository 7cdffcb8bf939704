import Vapor
import YishiCore

/// Projects and their workflows (issue 18, first part): started from needs, carried through a
/// workflow template (data files checked at start, or a district's own), with their documents.
struct ProjectsFeature: Feature {
    init() {
        // The shipped templates are checked when the platform starts: a bad file stops it, named.
        _ = Workflows.shipped
    }
    var pages: [any RouteCollection] {
        [
            ProjectRoutes(), MeetingRoutes(), DesignOptionRoutes(), DesignVoteRoutes(), ProjectRecordRoutes(),
            ProjectFollowingRoutes(), CommunityMapRoutes(),
        ]
    }
    var api: [any RouteCollection] { [ProjectsAPI(), DesignVotesAPI(), ProjectWorksAPI(), DesignOptionsAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.projectsOperations, schemas: { OpenAPIDocument.projectsSchemas })
    }
    var noticeSubjects: [NoticeSubject] { [ProjectNotices.subject, MeetingNotices.subject] }
    var toDo: [ToDoSource] { [ToDoSource(list: ProjectReminders.todo)] }
    var demo: [DemoPart] { [ProjectsDemo.part, ProjectsDemoStory.part] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 13, label: NavigationText.projects.key, path: Site.projects) {
                Policy.holdsAnywhere($0, .needRead)
            },
            NavEntry(order: 90, label: WorksText.notificationsTitle.key, path: Site.notifications) { $0 != nil },
        ]
    }
    var notices: [String] {
        [
            ProjectText.created.key, ProjectText.moved.key, ProjectText.movedBack.key, ProjectText.documentAdded.key,
            ProjectText.templateAdded.key, MeetingText.created.key, MeetingText.signedIn.key,
            MeetingText.minutesSaved.key, MeetingText.resolved.key, ProjectText.optionAdded.key,
            ProjectText.optionCommented.key, ProjectText.chosen.key, VoteText.opened.key, VoteText.castDone.key,
            VoteText.paperDone.key, VoteText.closedDone.key, WorksText.added.key, WorksText.problemRaised.key,
            WorksText.problemLinked.key, WorksText.surveyStarted.key, WorksText.followed.key, WorksText.unfollowed.key,
            MeetingText.itemSaved.key, ProjectText.memberAdded.key, ProjectText.memberRemoved.key,
        ]
    }
}
