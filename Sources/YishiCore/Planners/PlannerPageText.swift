/// The texts keyed `plannerPage.…` (`Texts`): the planners' pages.
public enum PlannerPageText: String, Texts {
    public static let prefix = "plannerPage"

    case nav, boardTitle, unpairedAlert, unpairedDetail, allPaired, tiersTitle, tierCount, coverage
    case colSubdistrict, colPlanners, colPaired, paired, notPaired, boardEmpty
    case plannerTitle, profile, organisation, background, qualifications, socialWork, contact, source, status
    case livesOrWorks, appointments, colTier, colScope, colTerm, colCertificate, colRules, colState, active, ended
    case noAppointments, pairings, colPlace, colSince, colUntil, noPairings, service, serviceYear, colDay, colKind
    case colHours, colNote, confirmed, notConfirmed, noService, reviews, colYear, colTotal, colOutcome, pass, fail
    case noReviews, logTitle, logIntro, logKind, logDay, logHours, logHoursHint, logPlace, logNote, logSubmit
    case logged, yes, no, logLink, andMore, findPlanner, todoMyTerm, todoTermEnding, todoApplications, termEnds,
        logProject, logMeeting, latestEntries, needsRole
    case certificate, certificateKind, certificateBody, certificateTerm, certificateNumber, certificateRules
    case certificateBy, certificateDistrict

    public var bilingual: Bilingual {
        switch self {
        case .nav: .init("社区规划师", "Planners")
        case .boardTitle: .init("{0}的社区规划师", "Community planners of {0}")
        case .unpairedAlert: .init("还没有结对规划师的街镇：{0} 个", "Subdistricts without a paired planner: {0}")
        case .unpairedDetail: .init("请尽快为这些街镇选聘并结对：{0}", "Please appoint and pair a planner for: {0}")
        case .allPaired: .init("每个街镇都已与在聘规划师结对。", "Every subdistrict is paired with an appointed planner.")
        case .tiersTitle: .init("“1+12+X”在聘人数", "Appointed now, \"1+12+X\"")
        case .tierCount: .init("{0} 人", "{0}")
        case .coverage: .init("结对覆盖", "Pairing coverage")
        case .colSubdistrict: .init("街镇", "Subdistrict")
        case .colPlanners: .init("结对规划师", "Paired planners")
        case .colPaired: .init("结对情况", "Pairing")
        case .paired: .init("已结对", "Paired")
        case .notPaired: .init("未结对", "Not paired")
        case .boardEmpty: .init("这里还没有街镇。", "There are no subdistricts here yet.")
        case .plannerTitle: .init("社区规划师 {0}", "Community planner {0}")
        case .profile: .init("基本情况", "Profile")
        case .organisation: .init("工作单位", "Organisation")
        case .background: .init("专业背景", "Background")
        case .qualifications: .init("资格证书", "Qualifications")
        case .socialWork: .init("社会工作职业资格", "Social-work certificate")
        case .contact: .init("联系方式", "Contact")
        case .source: .init("来源", "How they came")
        case .status: .init("状态", "Status")
        case .livesOrWorks: .init("在地情况", "Lives or works in the area")
        case .appointments: .init("聘任", "Appointments")
        case .colTier: .init("层级", "Tier")
        case .colScope: .init("服务范围", "Scope")
        case .colTerm: .init("聘期", "Term")
        case .colCertificate: .init("聘书编号", "Certificate")
        case .colRules: .init("依据制度版本", "Rules version")
        case .colState: .init("状态", "State")
        case .active: .init("有效", "Current")
        case .ended: .init("已结束", "Ended")
        case .noAppointments: .init("还没有聘任。", "No appointment yet.")
        case .pairings: .init("结对记录", "Pairings")
        case .colPlace: .init("结对单位", "Place")
        case .colSince: .init("开始", "Since")
        case .colUntil: .init("结束", "Until")
        case .noPairings: .init("还没有结对。", "Not paired yet.")
        case .service: .init("服务记录", "Service")
        case .serviceYear:
            .init(
                "{0} 年共 {1} 小时，其中已确认 {2} 小时；参与项目 {3} 个。",
                "In {0}: {1} hours, {2} of them confirmed; projects worked on: {3}.")
        case .colDay: .init("日期", "Day")
        case .colKind: .init("类型", "Kind")
        case .colHours: .init("小时", "Hours")
        case .colNote: .init("内容", "What")
        case .confirmed: .init("已确认", "Confirmed")
        case .notConfirmed: .init("待确认", "To confirm")
        case .noService: .init("还没有服务记录。", "No service logged yet.")
        case .reviews: .init("年度评定", "Annual reviews")
        case .colYear: .init("年度", "Year")
        case .colTotal: .init("总分", "Total")
        case .colOutcome: .init("结果", "Outcome")
        case .pass: .init("通过", "Passed")
        case .fail: .init("未通过", "Not passed")
        case .noReviews: .init("还没有评定。", "No review yet.")
        case .logTitle: .init("记录一次服务", "Log your service")
        case .logIntro:
            .init(
                "每次下社区后花一分钟记下来，街镇确认后计入年度评定。",
                "After each visit, take a minute to log it; once the subdistrict confirms it, it counts in your annual review."
            )
        case .logKind: .init("做了什么", "What you did")
        case .logDay: .init("日期", "Day")
        case .logHours: .init("用了几个小时", "Hours")
        case .logHoursHint: .init("按刻钟计，例如 1.5", "In quarter hours, e.g. 1.5")
        case .logPlace: .init("在哪里（可不选）", "Where (optional)")
        case .logNote: .init("简要内容", "In a few words")
        case .logSubmit: .init("保存", "Save")
        case .logged: .init("已记录，等待街镇确认。", "Logged; the subdistrict will confirm it.")
        case .yes: .init("有", "Yes")
        case .no: .init("无", "No")
        case .logLink: .init("记录服务", "Log service")
        case .needsRole:
            .init(
                "这位规划师的账号还没有“社区规划师”角色。请账号管理员在“账号”里为其开通（在所服务的街镇），开通后才能在平台上写社区把脉报告。",
                "This planner's account does not hold the community planner role yet. Ask a user manager to grant it (at the subdistrict they serve); then they can write community diagnoses."
            )
        case .latestEntries: .init("下面是最近的 {0} 条记录。", "The latest {0} entries are below.")
        case .logProject: .init("哪个项目（可不选）", "Which project (optional)")
        case .logMeeting: .init("哪次会议或会商（可不选）", "Which meeting or case conference (optional)")
        case .todoMyTerm: .init("您的社区规划师聘期将于 {0} 到期", "Your term as a community planner ends on {0}")
        case .todoTermEnding:
            .init("规划师 {0} 的聘期将于 {1} 到期：请评定并决定续聘或更换", "Planner {0}'s term ends on {1}: review, then renew or replace")
        case .todoApplications: .init("{0} 份规划师申请待审核", "{0} planner applications to decide")
        case .termEnds: .init("聘期还有 {0} 天到期（{1}）。", "The term ends in {0} days ({1}).")
        case .findPlanner: .init("找规划师结对", "Find a planner to pair")
        case .andMore: .init(" 等共 {0} 人", " and others, {0} in all")
        case .certificate: .init("聘书", "Certificate")
        case .certificateKind: .init("聘 书", "Certificate of appointment")
        case .certificateBody: .init("兹聘请 {0} 同志为{1}{2}社区规划师。", "{0} is appointed a community planner ({2}) for {1}.")
        case .certificateTerm: .init("聘期自 {0} 至 {1}。", "Term: {0} to {1}.")
        case .certificateNumber: .init("聘书编号：{0}", "Certificate number: {0}")
        case .certificateRules: .init("依据：{0}（第 {1} 版）", "Under: {0} (version {1})")
        case .certificateBy: .init("{0}（盖章）", "{0} (seal)")
        case .certificateDistrict: .init("{0}人民政府", "{0} People's Government")
        }
    }
}
