import Foundation

/// The platform's paths, in one place for views, redirects and links: no page writes
/// `"/territory/\(…)"` itself. A path with a notice carries the catalog key the next page shows
/// (`?notice=`; only keys a capability registered show).
enum Site {
    static let home = "/"
    static let signIn = "/signin"
    static let account = "/account"
    static let territory = "/territory"
    static let territoryImport = "/territory/import"
    static let lifeCircles = "/lifecircle"
    static let atlasImport = "/atlas/import"
    static let users = "/users"
    static let verify = "/residents/verify"
    static let audit = "/audit"
    static let auditCSV = "/audit.csv"
    static let signInCode = "/signin/code"
    static let signInVerify = "/signin/verify"
    static let signInExtend = "/signin/extend"
    static let signOut = "/signout"
    static let signOutEverywhere = "/signout/all"
    static let accountPassword = "/account/password"
    static let accountTokens = "/account/tokens"
    static let newUser = "/users/new"
    static let styles = "/styles.css"
    static let preferences = "/preferences"

    static let outbox = "/dev/outbox"
    static let search = "/search"
    static let needs = "/needs"
    static let newNeed = "/needs/new"
    static let enterNeed = "/needs/enter"
    static let needsFromGap = "/needs/from-gap"
    static let needSettings = "/needs/settings"
    static let notices = "/notices"
    static let newNotice = "/notices/new"
    static let projects = "/projects"
    static let notifications = "/notifications"
    static let notificationsRead = "/notifications/read"
    static let newProject = "/projects/new"
    static let projectWorkflows = "/projects/workflows"
    static let questionnaires = "/questionnaires"
    static let newQuestionnaire = "/questionnaires/new"
    static let help = "/help"
    static let privacy = "/privacy"
    static let importHelp = "/territory/import/help"
    static let health = "/health"
    static let metrics = "/metrics"

    /// The paths with parameters, as routes register them (`routes.get(Site.Pattern.node.pathComponents …)`)
    /// and as the functions below fill them: one spelling of each path for both.
    enum Pattern {
        static let job = "/jobs/:jobID"
        static let user = "/users/:userID"
        static let userGrants = "/users/:userID/grants"
        static let revokeGrant = "/users/:userID/grants/:grantID/revoke"
        static let revokeToken = "/account/tokens/:tokenID/revoke"
        static let setup = "/setup/:token"
        static let assist = "/residents/:residentID/assist"
        static let node = "/territory/:nodeID"
        static let nodeEdit = "/territory/:nodeID/edit"
        static let nodeChildren = "/territory/:nodeID/children"
        static let nodeUnits = "/territory/:nodeID/units"
        static let nodeOffice = "/territory/:nodeID/office"
        static let unit = "/units/:unitID"
        static let need = "/needs/:needID"
        static let needSupports = "/needs/:needID/supports"
        static let needTriage = "/needs/:needID/triage"
        static let needMerge = "/needs/:needID/merge"
        static let needSafety = "/needs/:needID/safety"
        static let needUnmerge = "/needs/:needID/unmerge"
        static let needDistinct = "/needs/:needID/distinct"
        static let nodeNeeds = "/territory/:nodeID/needs"
        static let nodeNeedsCSV = "/territory/:nodeID/needs.csv"
        static let needsListCSV = "/needs/lists/:versionID/list.csv"
        static let nodeNotices = "/territory/:nodeID/notices"
        static let nodeNeedsPublish = "/territory/:nodeID/needs/publish"
        static let nodeQuestionnaires = "/territory/:nodeID/questionnaires"
        static let nodeProjects = "/territory/:nodeID/projects"
        static let project = "/projects/:projectID"
        static let projectMove = "/projects/:projectID/move"
        static let projectDocuments = "/projects/:projectID/documents"
        static let projectDocument = "/projects/:projectID/documents/:documentID"
        static let projectMeetings = "/projects/:projectID/meetings"
        static let projectNotices = "/projects/:projectID/notices"
        static let projectOptions = "/projects/:projectID/options"
        static let projectChoose = "/projects/:projectID/choose"
        static let projectCompare = "/projects/:projectID/options/compare"
        static let optionComments = "/options/:optionID/comments"
        static let optionChoose = "/options/:optionID/choose"
        static let optionDrawing = "/options/:optionID/drawing"
        static let meeting = "/meetings/:meetingID"
        static let meetingSignIn = "/meetings/:meetingID/signin"
        static let meetingSheet = "/meetings/:meetingID/sheet"
        static let meetingNotice = "/meetings/:meetingID/notice"
        static let meetingMinutes = "/meetings/:meetingID/minutes"
        static let meetingResolutions = "/meetings/:meetingID/resolutions"
        static let meetingVotes = "/meetings/:meetingID/option-votes"
        static let nodeMeetings = "/territory/:nodeID/meetings"
        static let meetingFiles = "/meetings/:meetingID/files"
        static let itemFile = "/meeting-items/:itemID/file"
        static let meetingItems = "/meetings/:meetingID/items"
        static let meetingOutcome = "/meetings/:meetingID/outcome"
        static let itemDone = "/meeting-items/:itemID/done"
        static let voteBallots = "/option-votes/:voteID/ballots"
        static let votePaper = "/option-votes/:voteID/paper"
        static let voteClose = "/option-votes/:voteID/close"
        static let projectRecords = "/projects/:projectID/records"
        static let projectRecordFile = "/projects/:projectID/records/:recordID/files/:n"
        static let projectFollow = "/projects/:projectID/follow"
        static let planningMap = "/territory/:nodeID/planning-map"
        static let planningMapSVG = "/territory/:nodeID/planning-map.svg"
        static let projectMembers = "/projects/:projectID/members"
        static let memberRemove = "/project-members/:memberID/remove"
        static let recordMeeting = "/records/:recordID/meeting"
        static let projectSurvey = "/projects/:projectID/survey"
        static let projectStory = "/projects/:projectID/story"
        static let questionnaire = "/questionnaires/:questionnaireID"
        static let questionnaireQuestions = "/questionnaires/:questionnaireID/questions"
        static let questionnairePublish = "/questionnaires/:questionnaireID/publish"
        static let questionnaireClose = "/questionnaires/:questionnaireID/close"
        static let questionnaireResponses = "/questionnaires/:questionnaireID/responses"
        static let questionnaireResults = "/questionnaires/:questionnaireID/results"
        static let questionnaireCSV = "/questionnaires/:questionnaireID/results.csv"
        static let needPhotos = "/needs/:needID/photos"
        static let needWithdraw = "/needs/:needID/supports/withdraw"
        static let needPhoto = "/needs/:needID/photos/:photoID"
        static let needComments = "/needs/:needID/comments"
        static let notice = "/notices/:noticeID"
        static let noticePoster = "/notices/:noticeID/poster"
        static let noticePublish = "/notices/:noticeID/publish"
        static let noticeObjections = "/notices/:noticeID/objections"
        static let noticeAnswer = "/notices/:noticeID/objections/:objectionID/answer"
        static let noticeFile = "/notices/:noticeID/files/:fileID"
        static let owner = "/owners/:ownerID"
        static let unitOwners = "/units/:unitID/owners"
        static let unitOwnerRemove = "/units/:unitID/owners/:ownerID/remove"
        static let importConfirm = "/territory/import/:jobID/confirm"
        static let importTemplate = "/territory/import/templates/:kind"
        static let resident = "/residents/:residentID"
        static let residentReveal = "/residents/:residentID/phone"
        static let residentMove = "/residents/:residentID/move"
        static let unitHouseholds = "/units/:unitID/households"
        static let unitResidents = "/units/:unitID/residents"
        static let household = "/households/:householdID"
        static let residentsList = "/territory/:nodeID/residents"
        static let residentsCSV = "/territory/:nodeID/residents.csv"
        static let lifeCircle = "/lifecircle/:code"
        static let lifeCircleMap = "/lifecircle/:code/map.svg"
        static let lifeCircleLinks = "/lifecircle/:code/links"
    }

    /// The JSON API's paths that pages link to, below `API.root` (where capabilities' API routes are booted).
    enum API {
        static let root = "/api/v1"
        static let job = "/jobs/:jobID"
        static let lifeCircle = "/lifecircle/:code"
        static let gaps = "/lifecircle/:code/gaps.csv"
        static let atlasImport = "/lifecircle/:code/import"
        static let placeCompound = "/lifecircle/places/:placeID/compound"
    }

    /// `pattern` with its parameters (`:name`) replaced by `values` in order, each escaped as a path segment.
    static func fill(_ pattern: String, _ values: String...) -> String {
        var rest = values[...]
        return pattern.split(separator: "/", omittingEmptySubsequences: false).map { part in
            guard part.hasPrefix(":"), let value = rest.popFirst() else { return String(part) }
            return H.query(value)
        }.joined(separator: "/")
    }

    static func revokeToken(_ id: UUID) -> String { fill(Pattern.revokeToken, id.uuidString) }
    static func userGrants(_ id: String) -> String { fill(Pattern.userGrants, id) }
    static func revokeGrant(user: String, grant: UUID) -> String { fill(Pattern.revokeGrant, user, grant.uuidString) }
    static func nodeChildren(_ id: String) -> String { fill(Pattern.nodeChildren, id) }
    static func nodeUnits(_ id: String) -> String { fill(Pattern.nodeUnits, id) }
    static func nodeEdit(_ id: String) -> String { fill(Pattern.nodeEdit, id) }
    static func atlasImport(district code: String) -> String { "\(atlasImport)?district=\(H.query(code))" }
    static func apiLifeCircle(_ code: String) -> String { API.root + fill(API.lifeCircle, code) }
    static func apiGaps(_ code: String) -> String { API.root + fill(API.gaps, code) }
    static func setup(_ token: String) -> String { fill(Pattern.setup, token) }
    /// A path with `?notice=`: the catalog key the next page shows.
    static func with(notice: String, _ path: String) -> String { with(path, notice) }

    static func node(_ id: UUID, notice: String? = nil) -> String { with(fill(Pattern.node, id.uuidString), notice) }
    static func nodeOffice(_ id: UUID) -> String { fill(Pattern.nodeOffice, id.uuidString) }
    static func nodeEdit(_ id: UUID) -> String { fill(Pattern.nodeEdit, id.uuidString) }
    static func unit(_ id: UUID, notice: String? = nil) -> String { with(fill(Pattern.unit, id.uuidString), notice) }
    static func importConfirm(_ job: UUID) -> String { fill(Pattern.importConfirm, job.uuidString) }
    static func importTemplate(_ kind: String) -> String { fill(Pattern.importTemplate, kind + ".csv") }
    static func owner(_ id: UUID, notice: String? = nil) -> String { with(fill(Pattern.owner, id.uuidString), notice) }
    static func unitOwners(_ id: UUID) -> String { fill(Pattern.unitOwners, id.uuidString) }
    static func unitOwnerRemove(unit: UUID, owner: UUID) -> String {
        fill(Pattern.unitOwnerRemove, unit.uuidString, owner.uuidString)
    }
    static func need(_ id: UUID, notice: String? = nil) -> String { with(fill(Pattern.need, id.uuidString), notice) }
    static func needSupports(_ id: UUID) -> String { fill(Pattern.needSupports, id.uuidString) }
    static func needTriage(_ id: UUID) -> String { fill(Pattern.needTriage, id.uuidString) }
    static func needSafety(_ id: UUID) -> String { fill(Pattern.needSafety, id.uuidString) }
    static func needMerge(_ id: UUID) -> String { fill(Pattern.needMerge, id.uuidString) }
    static func needUnmerge(_ id: UUID) -> String { fill(Pattern.needUnmerge, id.uuidString) }
    static func needDistinct(_ id: UUID) -> String { fill(Pattern.needDistinct, id.uuidString) }
    static func nodeNeeds(_ id: UUID) -> String { fill(Pattern.nodeNeeds, id.uuidString) }
    static func nodeNeedsCSV(_ id: UUID) -> String { fill(Pattern.nodeNeedsCSV, id.uuidString) }
    static func needsListCSV(_ id: UUID) -> String { fill(Pattern.needsListCSV, id.uuidString) }
    static func nodeNeedsPublish(_ id: UUID) -> String { fill(Pattern.nodeNeedsPublish, id.uuidString) }
    static func needWithdraw(_ id: UUID) -> String { fill(Pattern.needWithdraw, id.uuidString) }
    static func needPhotos(_ id: UUID) -> String { fill(Pattern.needPhotos, id.uuidString) }
    static func needPhoto(_ id: UUID, photo: UUID) -> String {
        fill(Pattern.needPhoto, id.uuidString, photo.uuidString)
    }
    static func needComments(_ id: UUID) -> String { fill(Pattern.needComments, id.uuidString) }
    static func needSettings(_ district: UUID, notice: String? = nil) -> String {
        with("\(needSettings)?district=\(district.uuidString)", notice).replacingOccurrences(
            of: "?notice=", with: "&notice=")
    }
    static func nodeProjects(_ id: UUID) -> String { fill(Pattern.nodeProjects, id.uuidString) }
    static func newProject(node: UUID) -> String { "\(newProject)?node=\(node.uuidString)" }
    static func projectWorkflows(_ district: UUID) -> String { "\(projectWorkflows)?district=\(district.uuidString)" }
    static func project(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.project, id.uuidString), notice)
    }
    static func projectMove(_ id: UUID) -> String { fill(Pattern.projectMove, id.uuidString) }
    static func projectDocuments(_ id: UUID) -> String { fill(Pattern.projectDocuments, id.uuidString) }
    static func projectDocument(_ id: UUID, document: UUID) -> String {
        fill(Pattern.projectDocument, id.uuidString, document.uuidString)
    }
    static func projectChoose(_ id: UUID) -> String { fill(Pattern.projectChoose, id.uuidString) }
    static func projectOptions(_ id: UUID) -> String { fill(Pattern.projectOptions, id.uuidString) }
    static func projectCompare(_ id: UUID, _ a: UUID, _ b: UUID) -> String {
        fill(Pattern.projectCompare, id.uuidString) + "?a=\(a.uuidString)&b=\(b.uuidString)"
    }
    static func optionComments(_ id: UUID) -> String { fill(Pattern.optionComments, id.uuidString) }
    static func optionChoose(_ id: UUID) -> String { fill(Pattern.optionChoose, id.uuidString) }
    static func optionDrawing(_ id: UUID) -> String { fill(Pattern.optionDrawing, id.uuidString) }
    static func projectNotices(_ id: UUID) -> String { fill(Pattern.projectNotices, id.uuidString) }
    static func projectMeetings(_ id: UUID) -> String { fill(Pattern.projectMeetings, id.uuidString) }
    static func meeting(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.meeting, id.uuidString), notice)
    }
    static func meetingNotice(_ id: UUID) -> String { fill(Pattern.meetingNotice, id.uuidString) }
    static func meetingSheet(_ id: UUID) -> String { fill(Pattern.meetingSheet, id.uuidString) }
    static func meetingSignIn(_ id: UUID) -> String { fill(Pattern.meetingSignIn, id.uuidString) }
    static func meetingMinutes(_ id: UUID) -> String { fill(Pattern.meetingMinutes, id.uuidString) }
    static func meetingResolutions(_ id: UUID) -> String { fill(Pattern.meetingResolutions, id.uuidString) }
    static func meetingVotes(_ id: UUID) -> String { fill(Pattern.meetingVotes, id.uuidString) }
    static func nodeMeetings(_ id: UUID) -> String { fill(Pattern.nodeMeetings, id.uuidString) }
    static func meetingFiles(_ id: UUID) -> String { fill(Pattern.meetingFiles, id.uuidString) }
    static func itemFile(_ id: UUID) -> String { fill(Pattern.itemFile, id.uuidString) }
    static func meetingItems(_ id: UUID) -> String { fill(Pattern.meetingItems, id.uuidString) }
    static func meetingOutcome(_ id: UUID) -> String { fill(Pattern.meetingOutcome, id.uuidString) }
    static func itemDone(_ id: UUID) -> String { fill(Pattern.itemDone, id.uuidString) }
    static func voteBallots(_ id: UUID) -> String { fill(Pattern.voteBallots, id.uuidString) }
    static func votePaper(_ id: UUID) -> String { fill(Pattern.votePaper, id.uuidString) }
    static func voteClose(_ id: UUID) -> String { fill(Pattern.voteClose, id.uuidString) }
    static func projectRecords(_ id: UUID) -> String { fill(Pattern.projectRecords, id.uuidString) }
    static func projectRecordFile(_ id: UUID, record: UUID, _ n: Int) -> String {
        fill(Pattern.projectRecordFile, id.uuidString, record.uuidString, String(n))
    }
    static func projectFollow(_ id: UUID) -> String { fill(Pattern.projectFollow, id.uuidString) }
    static func planningMap(_ node: UUID, project: UUID? = nil) -> String {
        fill(Pattern.planningMap, node.uuidString) + (project.map { "?project=\($0.uuidString)" } ?? "")
    }
    static func planningMapSVG(_ node: UUID) -> String { fill(Pattern.planningMapSVG, node.uuidString) }
    static func projectMembers(_ id: UUID) -> String { fill(Pattern.projectMembers, id.uuidString) }
    static func memberRemove(_ id: UUID) -> String { fill(Pattern.memberRemove, id.uuidString) }
    static func recordMeeting(_ id: UUID) -> String { fill(Pattern.recordMeeting, id.uuidString) }
    static func projectSurvey(_ id: UUID) -> String { fill(Pattern.projectSurvey, id.uuidString) }
    static func projectStory(_ id: UUID) -> String { fill(Pattern.projectStory, id.uuidString) }
    static func nodeQuestionnaires(_ id: UUID) -> String { fill(Pattern.nodeQuestionnaires, id.uuidString) }
    static func newQuestionnaire(node: UUID) -> String { "\(newQuestionnaire)?node=\(node.uuidString)" }
    static func questionnaire(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.questionnaire, id.uuidString), notice)
    }
    static func questionnaireQuestions(_ id: UUID) -> String { fill(Pattern.questionnaireQuestions, id.uuidString) }
    static func questionnairePublish(_ id: UUID) -> String { fill(Pattern.questionnairePublish, id.uuidString) }
    static func questionnaireClose(_ id: UUID) -> String { fill(Pattern.questionnaireClose, id.uuidString) }
    static func questionnaireResponses(_ id: UUID) -> String { fill(Pattern.questionnaireResponses, id.uuidString) }
    static func questionnaireResults(_ id: UUID) -> String { fill(Pattern.questionnaireResults, id.uuidString) }
    static func questionnaireCSV(_ id: UUID) -> String { fill(Pattern.questionnaireCSV, id.uuidString) }
    static func nodeNotices(_ id: UUID) -> String { fill(Pattern.nodeNotices, id.uuidString) }
    static func newNotice(node: UUID) -> String { "\(newNotice)?node=\(node.uuidString)" }
    static func notice(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.notice, id.uuidString), notice)
    }
    static func noticePoster(_ id: UUID) -> String { fill(Pattern.noticePoster, id.uuidString) }
    static func noticePublish(_ id: UUID) -> String { fill(Pattern.noticePublish, id.uuidString) }
    static func noticeObjections(_ id: UUID) -> String { fill(Pattern.noticeObjections, id.uuidString) }
    static func noticeAnswer(_ id: UUID, objection: UUID) -> String {
        fill(Pattern.noticeAnswer, id.uuidString, objection.uuidString)
    }
    static func noticeFile(_ id: UUID, file: UUID) -> String {
        fill(Pattern.noticeFile, id.uuidString, file.uuidString)
    }
    static func job(_ id: UUID) -> String { fill(Pattern.job, id.uuidString) }
    static func apiJob(_ id: UUID) -> String { API.root + fill(API.job, id.uuidString) }
    static func user(_ id: UUID, notice: String? = nil) -> String { with(fill(Pattern.user, id.uuidString), notice) }
    static func resident(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.resident, id.uuidString), notice)
    }
    static func residentReveal(_ id: UUID) -> String { fill(Pattern.residentReveal, id.uuidString) }
    static func residentMove(_ id: UUID) -> String { fill(Pattern.residentMove, id.uuidString) }
    static func unitHouseholds(_ id: UUID) -> String { fill(Pattern.unitHouseholds, id.uuidString) }
    static func household(_ id: UUID) -> String { fill(Pattern.household, id.uuidString) }
    static func unitResidents(_ id: UUID) -> String { fill(Pattern.unitResidents, id.uuidString) }
    static func residentsList(_ node: UUID, flag: String? = nil, building: UUID? = nil) -> String {
        fill(Pattern.residentsList, node.uuidString) + listQuery(flag: flag, building: building)
    }
    static func residentsCSV(_ node: UUID, flag: String? = nil, building: UUID? = nil) -> String {
        fill(Pattern.residentsCSV, node.uuidString) + listQuery(flag: flag, building: building)
    }
    private static func listQuery(flag: String?, building: UUID?) -> String {
        let parts = [flag.map { "flag=\(H.query($0))" }, building.map { "building=\($0.uuidString)" }].compactMap { $0 }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }
    static func search(_ q: String) -> String { "\(search)?q=\(H.query(q))" }
    static func assist(_ resident: UUID) -> String { fill(Pattern.assist, resident.uuidString) }
    static func lifeCircle(_ code: String) -> String { fill(Pattern.lifeCircle, code) }
    static func lifeCircleMap(_ code: String) -> String { fill(Pattern.lifeCircleMap, code) }
    static func lifeCircleLinks(_ code: String, notice: String? = nil) -> String {
        with(fill(Pattern.lifeCircleLinks, code), notice)
    }

    static func with(_ path: String, _ notice: String?) -> String {
        notice.map { "\(path)?notice=\(H.query($0))" } ?? path
    }
}
