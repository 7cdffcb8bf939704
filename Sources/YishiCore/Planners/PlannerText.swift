/// The texts keyed `planner.…` (`Texts`): community planners' refusals, fields and names.
public enum PlannerText: String, Texts {
    public static let prefix = "planner"

    // Refusals and field problems.
    case nameNeeded, organisationNeeded, backgroundInvalid, sourceInvalid, tierInvalid, scopeInvalid
    case statementNeeded, contactInvalid, alreadyInPool, notCandidate, alreadyDecided, decisionInvalid
    case noRulesInForce, tierNotInRules, overlappingTerm, scopeNotForTier, startTooFar, startInvalid
    case notAppointed, appointmentEnded, alreadyPaired, pairingEnded, pairScope
    case hoursInvalid, dayInFuture, dayTooOld, kindInvalid, alreadyConfirmed
    case ratingInvalid, alreadyRated, notOnProject, reviewExists, scoreMissing, reasonMissing, yearInvalid
    case rulesTitle, rulesTermYears, rulesNoTier, rulesWeights, rulesPassMark, rulesUntil, rulesOrder
    case reasonNeeded, notRenewableReview, notRenewableProject, notRenewableExited, renewable
    // Names.
    case tierDistrictExpert, tierSubdistrict, tierArea
    case bgPlanning, bgArchitecture, bgLandscape, bgInterior, bgArtDesign, bgSociology, bgOther
    case srcRecommended, srcSelfNominated, srcRecruited
    case stCandidate, stAppointed, stExpired, stExited
    case kindVisit, kindConsultation, kindTrainingGiven, kindTrainingReceived, kindMeeting, kindProject
    case groundEffectiveness, groundHours, groundAttitude, groundFeedback

    public static func tier(_ t: PlannerTier) -> PlannerText {
        switch t {
        case .districtExpert: PlannerText.tierDistrictExpert
        case .subdistrict: PlannerText.tierSubdistrict
        case .area: PlannerText.tierArea
        }
    }

    public static func background(_ b: PlannerBackground) -> PlannerText {
        switch b {
        case .planning: PlannerText.bgPlanning
        case .architecture: PlannerText.bgArchitecture
        case .landscape: PlannerText.bgLandscape
        case .interior: PlannerText.bgInterior
        case .artDesign: PlannerText.bgArtDesign
        case .sociology: PlannerText.bgSociology
        case .other: PlannerText.bgOther
        }
    }

    public static func source(_ s: PlannerSource) -> PlannerText {
        switch s {
        case .recommended: PlannerText.srcRecommended
        case .selfNominated: PlannerText.srcSelfNominated
        case .recruited: PlannerText.srcRecruited
        }
    }

    public static func status(_ s: PlannerStatus) -> PlannerText {
        switch s {
        case .candidate: PlannerText.stCandidate
        case .appointed: PlannerText.stAppointed
        case .expired: PlannerText.stExpired
        case .exited: PlannerText.stExited
        }
    }

    public static func kind(_ k: ServiceKind) -> PlannerText {
        switch k {
        case .visit: PlannerText.kindVisit
        case .consultation: PlannerText.kindConsultation
        case .trainingGiven: PlannerText.kindTrainingGiven
        case .trainingReceived: PlannerText.kindTrainingReceived
        case .meeting: PlannerText.kindMeeting
        case .project: PlannerText.kindProject
        }
    }

    public static func ground(_ g: ReviewGround) -> PlannerText {
        switch g {
        case .effectiveness: PlannerText.groundEffectiveness
        case .hours: PlannerText.groundHours
        case .attitude: PlannerText.groundAttitude
        case .feedback: PlannerText.groundFeedback
        }
    }

    public static func notRenewable(_ r: PlannerReview.NotRenewable) -> PlannerText {
        switch r {
        case .reviewNotPassed: PlannerText.notRenewableReview
        case .noProject: PlannerText.notRenewableProject
        case .exited: PlannerText.notRenewableExited
        }
    }

    public static func refusal(_ r: PlannerAppointment.Refusal) -> PlannerText {
        switch r {
        case .noRulesInForce: PlannerText.noRulesInForce
        case .tierNotInRules: PlannerText.tierNotInRules
        case .overlappingTerm: PlannerText.overlappingTerm
        case .scopeNotForTier: PlannerText.scopeNotForTier
        case .startTooFar: PlannerText.startTooFar
        }
    }

    public static func rules(_ p: PlannerRules.Problem) -> PlannerText {
        switch p {
        case .title: PlannerText.rulesTitle
        case .termYears: PlannerText.rulesTermYears
        case .noTier: PlannerText.rulesNoTier
        case .weights: PlannerText.rulesWeights
        case .passMark: PlannerText.rulesPassMark
        case .until: PlannerText.rulesUntil
        }
    }

    public var bilingual: Bilingual {
        switch self {
        case .nameNeeded: .init("请填写姓名。", "Please enter the name.")
        case .organisationNeeded: .init("请填写工作单位。", "Please enter the organisation.")
        case .backgroundInvalid: .init("请选择专业背景。", "Please choose a professional background.")
        case .sourceInvalid:
            .init("请选择来源：推荐、自荐或社会招募。", "Please choose how they came: recommended, self-nominated or recruited.")
        case .tierInvalid: .init("请选择层级：区级专家、街镇级或片区级。", "Please choose a tier: district expert, subdistrict or area.")
        case .scopeInvalid:
            .init("服务范围应是本区、一个街镇或一个片区。", "The scope should be the district, a subdistrict or a planning area.")
        case .statementNeeded:
            .init("请简要说明个人情况和服务意愿（不超过1000字）。", "Please say briefly who they are and why (up to 1,000 characters).")
        case .contactInvalid: .init("手机号或邮箱格式不对。", "The phone number or email address is not valid.")
        case .alreadyInPool: .init("这个账号已在规划师人才库中。", "This account is already in the planners' pool.")
        case .notCandidate: .init("这位规划师已离任，不能再申请。", "This planner has left and cannot apply again.")
        case .alreadyDecided: .init("这份申请已经审核过了。", "This application has already been decided.")
        case .decisionInvalid: .init("请选择通过或不通过。", "Please choose approve or decline.")
        case .noRulesInForce:
            .init(
                "开始日期没有有效的规划师制度（实施办法已到期），请区里先续订或发布新版本。",
                "No planners' rules apply on the start day (the measures have lapsed): the district must renew them first."
            )
        case .tierNotInRules: .init("现行制度没有这个层级。", "The rules in force have no such tier.")
        case .overlappingTerm:
            .init("这位规划师在同一层级已有聘期重叠的聘任。", "This planner already holds an appointment in this tier whose term overlaps.")
        case .scopeNotForTier:
            .init(
                "服务范围与层级不符：区级专家对应全区，街镇级对应街镇，片区级对应片区。",
                "The scope does not suit the tier: experts serve the district, subdistrict planners a subdistrict, area planners a planning area."
            )
        case .startTooFar: .init("开始日期不能晚于一年以后。", "The start day cannot be more than a year away.")
        case .notRenewableReview:
            .init(
                "不能续聘：上一聘期的年度评定没有通过（或还没有评定）。",
                "Cannot be renewed: the last annual review in the term did not pass (or there is none).")
        case .notRenewableProject:
            .init(
                "不能续聘：聘期内没有参与任何社区建设项目（实施办法第八条）。",
                "Cannot be renewed: no community project in the whole term (article 8 of the measures).")
        case .notRenewableExited: .init("不能续聘：这位规划师已离任。", "Cannot be renewed: this planner has left.")
        case .renewable:
            .init("聘期满后可以续聘（评定通过，聘期内参与了项目）。", "May be renewed at the term's end (review passed, projects in the term).")
        case .startInvalid:
            .init("请按“年-月-日”填写日期，例如 2026-12-01。", "Please enter the day as year-month-day, e.g. 2026-12-01.")
        case .notAppointed: .init("这位规划师目前没有有效聘任。", "This planner holds no current appointment.")
        case .appointmentEnded: .init("这个聘任已经结束。", "This appointment has already ended.")
        case .alreadyPaired: .init("这位规划师已与该处结对。", "This planner is already paired with this place.")
        case .pairingEnded: .init("这个结对已经结束。", "This pairing has already ended.")
        case .pairScope: .init("只能与街镇或居委结对。", "A planner is paired with a subdistrict or a community.")
        case .hoursInvalid: .init("时长按刻钟计，0.25 到 24 小时。", "Hours go in quarter hours, from 0.25 to 24.")
        case .dayInFuture: .init("日期不能是将来。", "The day cannot be in the future.")
        case .dayTooOld: .init("只能记录一年以内的服务。", "Only service within the last year can be logged.")
        case .kindInvalid: .init("请选择服务类型。", "Please choose the kind of service.")
        case .alreadyConfirmed: .init("这条记录已确认，不能再改。", "This entry is confirmed and can no longer change.")
        case .ratingInvalid: .init("请打 1 到 5 颗星。", "Please give 1 to 5 stars.")
        case .alreadyRated:
            .init("您已经评价过这位规划师在这个项目上的工作。", "You have already rated this planner's help on this project.")
        case .notOnProject: .init("这位规划师没有参与这个项目。", "This planner did not take part in this project.")
        case .reviewExists: .init("这位规划师这一年的评定已经完成。", "This planner's review for this year is already done.")
        case .scoreMissing: .init("四项都要打分，每项 0 到 100。", "Score all four grounds, each from 0 to 100.")
        case .reasonMissing: .init("未通过的评定要写明理由。", "A review that fails needs its reasons.")
        case .yearInvalid: .init("年份不对。", "The year is not valid.")
        case .rulesTitle:
            .init("请填写制度名称和文号（不超过200字）。", "Please enter the rules' title and number (up to 200 characters).")
        case .rulesTermYears: .init("聘期为 1 到 5 年。", "A term is 1 to 5 years.")
        case .rulesNoTier: .init("至少要有一个层级。", "At least one tier is needed.")
        case .rulesWeights: .init("四项权重都要填，合计 100。", "All four weights are needed and must add up to 100.")
        case .rulesPassMark: .init("合格分为 1 到 100。", "The pass mark is 1 to 100.")
        case .rulesUntil: .init("截止日期不能早于开始日期。", "The last day cannot come before the first.")
        case .rulesOrder: .init("新版本要在上一版本开始之后生效。", "A new version must start after the previous one started.")
        case .reasonNeeded: .init("请写明原因。", "Please give the reason.")
        case .tierDistrictExpert: .init("区级专家（1）", "District expert (1)")
        case .tierSubdistrict: .init("街镇级（12）", "Subdistrict planner (12)")
        case .tierArea: .init("片区级（X）", "Area planner (X)")
        case .bgPlanning: .init("城乡规划", "Urban planning")
        case .bgArchitecture: .init("建筑", "Architecture")
        case .bgLandscape: .init("景观", "Landscape")
        case .bgInterior: .init("室内设计", "Interior design")
        case .bgArtDesign: .init("艺术设计", "Art and design")
        case .bgSociology: .init("社会学", "Sociology")
        case .bgOther: .init("其他", "Other")
        case .srcRecommended: .init("街镇推荐", "Recommended")
        case .srcSelfNominated: .init("个人自荐", "Self-nominated")
        case .srcRecruited: .init("社会招募", "Recruited")
        case .stCandidate: .init("候选", "Candidate")
        case .stAppointed: .init("在聘", "Appointed")
        case .stExpired: .init("聘期已满", "Term ended")
        case .stExited: .init("已退出", "Left")
        case .kindVisit: .init("走访调研", "Visit")
        case .kindConsultation: .init("会商", "Case conference")
        case .kindTrainingGiven: .init("授课培训", "Training given")
        case .kindTrainingReceived: .init("参加培训", "Training received")
        case .kindMeeting: .init("参加会议", "Meeting")
        case .kindProject: .init("项目工作", "Project work")
        case .groundEffectiveness: .init("工作成效", "Effectiveness")
        case .groundHours: .init("工作时长", "Hours")
        case .groundAttitude: .init("工作态度", "Attitude")
        case .groundFeedback: .init("公众反馈", "Public feedback")
        }
    }
}
