/// The texts keyed `works.…` (`Texts`): a project's works and review, following it, its story.
public enum WorksText: String, Texts {
    public static let prefix = "works"

    case worksTitle, reviewTitle, worksEmpty, reviewEmpty, add, added, kind
    case kindProcurement, kindProgress, kindProblem, kindAcceptance, kindOperations, kindConvention
    case kindAssessment, kindAudit, kindBeforeAfter, kindReminder, kindExemplary
    case methodPublicTender, methodInvitedTender, methodCompetitiveNegotiation, methodQuotation, methodDirectAward
    case resultPassed, resultPassedWithConditions, resultFailed
    case fieldText, fieldParty, fieldMethod, fieldAmount, fieldPercent, fieldResult, fieldDate, fieldMeeting
    case fieldPhotos, partyHint, dateHint, photosHint
    case percentInvalid, dateInvalid, meetingRequired, twoPhotos, tooManyPhotos
    case supplierLine, acceptedLine, responsibleLine, adoptedAt, byLine, percentLine, before, after
    case raiseProblem, problemHint, problemRaised, problemLinked, linkToMeeting, link, reminderDue, exemplaryLine
    case survey, surveyStart, surveyStarted, surveyQuestion, surveyComment, surveyIntro, surveyResult, surveyNone
    case surveyRunning
    case surveyOpen, satisfactionLine, distributionLine
    case follow, unfollow, followed, unfollowed, followSMS, followHint, followers
    case notifyStage, notifyMeeting, notifyNotice, notificationsTitle, notificationsEmpty, markRead, unread
    case story, storyTitle, storyIntro, storyNext, storyNeeds, storyMeetings, storyOptions, storyDecisions
    case storyNotices, storyWorks, storyReview, nextStage, nextDone, nextMissing
    case reqAccepted, reqSurvey, latestOnly, reminderTodo, actionTodo

    public var bilingual: Bilingual {
        switch self {
        case .worksTitle: .init("施工和运维", "Works and upkeep")
        case .reviewTitle: .init("评议", "Review")
        case .worksEmpty: .init("还没有施工记录。", "Nothing recorded about the works yet.")
        case .reviewEmpty: .init("还没有评议记录。", "Nothing recorded for the review yet.")
        case .add: .init("记录", "Record it")
        case .added: .init("已记录。", "Recorded.")
        case .kind: .init("记录什么", "What to record")
        case .kindProcurement: .init("采购或招标", "Procurement or tender")
        case .kindProgress: .init("施工进度", "Progress of the works")
        case .kindProblem: .init("施工中的问题", "A problem during the works")
        case .kindAcceptance: .init("验收", "Acceptance")
        case .kindOperations: .init("运维安排", "Upkeep arrangements")
        case .kindConvention: .init("使用规则或居民公约", "Rules of use")
        case .kindAssessment: .init("第三方评估", "Third-party assessment")
        case .kindAudit: .init("审计", "Audit")
        case .kindBeforeAfter: .init("改造前后对比照片", "Before and after photos")
        case .kindReminder: .init("回访提醒", "Reminder for a later check")
        case .kindExemplary: .init("推荐为优秀案例", "Nominated as an exemplary case")
        case .methodPublicTender: .init("公开招标", "Open tender")
        case .methodInvitedTender: .init("邀请招标", "Invited tender")
        case .methodCompetitiveNegotiation: .init("竞争性磋商", "Competitive negotiation")
        case .methodQuotation: .init("询价", "Request for quotations")
        case .methodDirectAward: .init("直接委托", "Direct award")
        case .resultPassed: .init("验收合格", "Accepted")
        case .resultPassedWithConditions: .init("整改后合格", "Accepted once fixed")
        case .resultFailed: .init("验收不合格", "Not accepted")
        case .fieldText: .init("说明", "Details")
        case .fieldParty: .init("单位或负责人", "Organisation or person")
        case .fieldMethod: .init("采购方式", "How it was bought")
        case .fieldAmount: .init("合同金额（元）", "Contract amount (yuan)")
        case .fieldPercent: .init("完成百分比", "Per cent done")
        case .fieldResult: .init("验收结论", "Acceptance result")
        case .fieldDate: .init("日期", "Date")
        case .fieldMeeting: .init("通过它的会议", "The meeting that adopted it")
        case .fieldPhotos: .init("照片（最多 5 张）", "Photos (five at most)")
        case .partyHint:
            .init(
                "采购：中标单位；验收：验收人；运维：负责单位；评估、审计：做的单位。",
                "Procurement: the supplier; acceptance: who accepted; upkeep: who is responsible; assessment, audit: who did it."
            )
        case .dateHint: .init("例如 2026-12-01", "Such as 2026-12-01")
        case .photosHint: .init("照片里的位置信息会被去掉。", "Location data is removed from photos.")
        case .percentInvalid: .init("请填 0 到 100 之间的整数。", "Give a whole number from 0 to 100.")
        case .dateInvalid: .init("请按 2026-12-01 这样的格式填日期。", "Give the date like 2026-12-01.")
        case .meetingRequired: .init("请选择通过它的会议。", "Choose the meeting that adopted it.")
        case .twoPhotos: .init("请上传两张照片：改造前一张，改造后一张。", "Add two photos: one before, one after.")
        case .tooManyPhotos: .init("这类记录的照片太多了。", "Too many photos for this kind of record.")
        case .supplierLine: .init("{0}：{1}，{2}", "{0}: {1}, {2}")
        case .acceptedLine: .init("{0}（验收：{1}）", "{0} — by {1}")
        case .responsibleLine: .init("负责：{0}", "Responsible: {0}")
        case .adoptedAt: .init("由{0}通过", "Adopted at {0}")
        case .byLine: .init("由{0}", "By {0}")
        case .percentLine: .init("完成 {0}%", "{0}% done")
        case .before: .init("改造前", "Before")
        case .after: .init("改造后", "After")
        case .raiseProblem: .init("反映施工中的问题", "Report a problem with the works")
        case .problemHint:
            .init(
                "例如噪音、安全、占道。居委会会答复，需要时在协调会上商量。",
                "Such as noise, safety or blocked paths. The committee answers, at a coordination meeting when needed.")
        case .problemRaised: .init("问题已反映，居委会会答复。", "Your report is in; the committee will answer.")
        case .problemLinked: .init("已安排到会议上商量。", "It is put on a meeting's agenda.")
        case .linkToMeeting: .init("放到协调会上商量", "Take it to a coordination meeting")
        case .link: .init("安排", "Put it on the agenda")
        case .reminderDue: .init("{0} 要回访检查运维情况", "On {0}, check how the upkeep is going")
        case .exemplaryLine: .init("推荐理由：{0}", "Why: {0}")
        case .survey: .init("满意度调查", "Satisfaction survey")
        case .surveyRunning:
            .init(
                "这个项目已有一份还没结束的满意度调查，请先完成或结束它。",
                "This project already has a satisfaction survey that has not ended; finish or close it first.")
        case .surveyStart: .init("发起满意度调查", "Start a satisfaction survey")
        case .surveyStarted:
            .init("满意度调查已建好，检查后发布。", "The satisfaction survey is made; check it and publish it.")
        case .surveyQuestion: .init("您对“{0}”这个项目满意吗？", "How satisfied are you with the project “{0}”?")
        case .surveyComment: .init("还有什么意见或建议？", "Anything else you would like to say?")
        case .surveyIntro:
            .init(
                "项目完成了，请说说您满不满意。1 分很不满意，5 分很满意。",
                "The project is done: tell us how satisfied you are. 1 is very unhappy, 5 very satisfied.")
        case .surveyResult: .init("满意度", "Satisfaction")
        case .surveyNone: .init("还没有满意度调查。", "No satisfaction survey yet.")
        case .surveyOpen: .init("满意度调查进行中，已收到 {0} 份。", "The satisfaction survey is open: {0} answers so far.")
        case .satisfactionLine: .init("平均 {0} 分（满分 5 分），共 {1} 份", "Mean {0} out of 5, from {1} answers")
        case .distributionLine: .init("{0} 分", "{0}")
        case .follow: .init("关注这个项目", "Follow this project")
        case .unfollow: .init("不再关注", "Stop following")
        case .followed:
            .init(
                "已关注。进入下一步、召开会议、发布公示时会通知您。",
                "Following: you will hear when it moves on, calls a meeting or opens a notice.")
        case .unfollowed: .init("已不再关注。", "You no longer follow it.")
        case .followSMS: .init("同时发短信给我（每天最多 3 条）", "Also send me a text message (3 a day at most)")
        case .followHint: .init("在“我的消息”里可以看到通知。", "Notifications appear under “My messages”.")
        case .followers: .init("{0} 人关注", "{0} following")
        case .notifyStage: .init("项目“{0}”进入了“{1}”", "The project “{0}” moved on to “{1}”")
        case .notifyMeeting: .init("项目“{0}”要开会：{1}，{2}", "The project “{0}” calls a meeting: {1}, {2}")
        case .notifyNotice: .init("项目“{0}”发布了公示：{1}", "The project “{0}” opened a notice: {1}")
        case .notificationsTitle: .init("我的消息", "My messages")
        case .notificationsEmpty:
            .init(
                "还没有消息。关注一个项目后，它有进展时会通知您。",
                "No messages yet. Follow a project to hear when it moves on.")
        case .markRead: .init("全部标为已读", "Mark all as read")
        case .unread: .init("未读", "New")
        case .story: .init("项目全过程", "The project's story")
        case .storyTitle: .init("{0}：项目全过程", "{0}: the whole story")
        case .storyIntro:
            .init(
                "从居民提出需求到项目评议，按时间顺序记录这个项目做了什么。",
                "What this project did, in order: from the needs residents raised to its review.")
        case .storyNext: .init("接下来", "What happens next")
        case .storyNeeds: .init("居民提出的需求", "The needs residents raised")
        case .storyMeetings: .init("开过的会", "Meetings held")
        case .storyOptions: .init("设计方案", "Design options")
        case .storyDecisions: .init("作出的决定", "Decisions")
        case .storyNotices: .init("公示", "Notices")
        case .storyWorks: .init("施工", "The works")
        case .storyReview: .init("评议", "The review")
        case .nextStage: .init("现在处于“{0}”。", "Now at “{0}”.")
        case .nextDone: .init("项目的所有步骤都已完成，之后会按提醒回访。", "Every step is done; a later check follows the reminder.")
        case .nextMissing: .init("进入下一步前还要：{0}", "Before it moves on: {0}")
        case .reqAccepted: .init("工程验收合格", "The works accepted")
        case .reqSurvey: .init("满意度调查结束并有人回答", "A satisfaction survey closed with answers")
        case .reminderTodo: .init("项目“{0}”该回访检查运维了（{1}）", "Time to check the upkeep of “{0}” ({1})")
        case .actionTodo: .init("会后要办的事过期了：{0}（负责：{1}，{2} 前）", "A follow-up action is overdue: {0} (by {1}, due {2})")
        case .latestOnly:
            .init("这里只列出最近的 {0} 条，全部见“项目全过程”。", "Only the latest {0} are listed here; see the whole story for all.")
        }
    }
}
