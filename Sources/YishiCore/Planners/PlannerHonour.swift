/// The annual honours of seed 001 第八条: an excellent planner, an exemplary case. A subdistrict or
/// the district nominates; the district awards or declines; the awarded ones are on a public roll.
public enum HonourKind: String, CaseIterable, Codable, Sendable {
    case excellentPlanner, exemplaryCase
}

public enum HonourStatus: String, CaseIterable, Codable, Sendable {
    case nominated, awarded, declined

    /// Whether a nomination in this state may be decided (only once, from nominated).
    public var decidable: Bool { self == .nominated }
}

/// The texts keyed `honour.…` (`Texts`): nominations, the district's decision and the honour roll;
/// also the rules' versions page and case conferences.
public enum HonourText: String, Texts {
    public static let prefix = "honour"

    case rollTitle, rollIntro, rollEmpty, kindExcellent, kindExemplary, colYear, colKind, colPlanner, colCitation
    case colProject, nominated, awarded, declined, nominateTitle, kind, year, citation, citationHint, project
    case nominate, nominatedNotice, decidedNotice, award, decline, waiting, citationNeeded, kindInvalid
    case exemplaryNeedsProject, rollLink
    case rulesTitle, rulesIntro, rulesLink, colVersion, colTitle, colValid, colTerm, colTiers, colWeights, colPass
    case inForce, lapsed, addRules, rulesTitleField, validFrom, validUntil, validUntilHint, termYears, tiers
    case weightsLegend, passMark, addRulesSubmit, rulesAdded, rulesLapsedAlert, untilOpen
    case conferencesTitle, conferencesIntro, conferencesEmpty, callConference, difficulty, agenda, venue
    case startsAt, startsAtHint, invited, invitedHint, place, callSubmit, conferencesLink, colWhen, colPlace
    case colInvited, colState, held, upcoming, toRecord, termYearsValue

    public var bilingual: Bilingual {
        switch self {
        case .rollTitle: .init("{0} 社区规划师光荣榜", "{0}: community planners' honour roll")
        case .rollIntro:
            .init(
                "每年评选优秀社区规划师和优秀案例，由街镇或区推荐、区里决定。",
                "Each year the subdistricts or the district nominate excellent planners and exemplary cases; the district decides."
            )
        case .rollEmpty: .init("还没有获评的规划师和案例。", "No planner or case has been honoured yet.")
        case .kindExcellent: .init("优秀社区规划师", "Excellent community planner")
        case .kindExemplary: .init("优秀案例", "Exemplary case")
        case .colYear: .init("年度", "Year")
        case .colKind: .init("类别", "Kind")
        case .colPlanner: .init("规划师", "Planner")
        case .colCitation: .init("事迹", "Citation")
        case .colProject: .init("项目", "Project")
        case .nominated: .init("已推荐，待区里决定", "Nominated, for the district to decide")
        case .awarded: .init("已获评", "Awarded")
        case .declined: .init("未获评", "Not awarded")
        case .nominateTitle: .init("推荐评优", "Nominate for an honour")
        case .kind: .init("类别", "Kind")
        case .year: .init("年度", "Year")
        case .citation: .init("推荐理由", "Why")
        case .citationHint: .init("做了哪些事、带来了什么变化，200 字以内。", "What they did and what changed, at most 200 characters.")
        case .project: .init("案例项目（优秀案例必选）", "The project (needed for an exemplary case)")
        case .nominate: .init("推荐", "Nominate")
        case .nominatedNotice: .init("已推荐，等待区里决定。", "Nominated; the district will decide.")
        case .decidedNotice: .init("已决定。", "Decided.")
        case .award: .init("评为获奖", "Award")
        case .decline: .init("不予评选", "Decline")
        case .waiting: .init("待决定的推荐", "Nominations to decide")
        case .citationNeeded: .init("请写推荐理由（200 字以内）。", "Please say why (at most 200 characters).")
        case .kindInvalid: .init("请选择类别。", "Please choose a kind.")
        case .exemplaryNeedsProject:
            .init("优秀案例要选择规划师参与过的项目。", "An exemplary case names a project the planner worked on.")
        case .rollLink: .init("光荣榜", "Honour roll")
        case .rulesTitle: .init("{0} 社区规划师制度版本", "{0}: versions of the planners' rules")
        case .rulesIntro:
            .init(
                "实施办法到期后（宝山区试行办法至 2026 年 9 月 9 日），区里可以续用或修订：层级、聘期、评定权重。每次聘任都记下依据的版本。",
                "When the measures lapse (Baoshan's ran to 9 September 2026) the district renews or revises them: tiers, term, review weights. Each appointment records the version it was made under."
            )
        case .rulesLink: .init("制度版本", "Rules")
        case .colVersion: .init("版本", "Version")
        case .colTitle: .init("文件", "Document")
        case .colValid: .init("有效期", "In force")
        case .colTerm: .init("聘期", "Term")
        case .colTiers: .init("层级", "Tiers")
        case .colWeights: .init("评定权重", "Review weights")
        case .colPass: .init("合格线", "Pass mark")
        case .inForce: .init("现行", "In force")
        case .lapsed: .init("已到期", "Lapsed")
        case .addRules: .init("续用或修订：新增一个版本", "Renew or revise: add a version")
        case .rulesTitleField: .init("文件名称和文号", "Document title and number")
        case .validFrom: .init("起始日期", "From")
        case .validUntil: .init("截止日期（可不填）", "Until (optional)")
        case .validUntilHint: .init("不填表示直到被新版本取代。", "Leave empty: until a new version replaces it.")
        case .termYears: .init("聘期（年）", "Term (years)")
        case .tiers: .init("层级", "Tiers")
        case .weightsLegend: .init("评定权重（合计 100）", "Review weights (summing to 100)")
        case .passMark: .init("合格线", "Pass mark")
        case .addRulesSubmit: .init("保存新版本", "Save the version")
        case .rulesAdded: .init("新版本已保存。", "The new version is saved.")
        case .rulesLapsedAlert:
            .init(
                "今天没有有效的制度版本：聘任会被拒绝，请续用或修订。",
                "No rules are in force today: appointments are refused until the district renews or revises them.")
        case .untilOpen: .init("至今", "open")
        case .conferencesTitle: .init("会商", "Case conferences")
        case .conferencesIntro:
            .init(
                "遇到难题时，街镇召集社区规划师和相关部门会商，像会议一样签到、记录和形成决议。规划师参加后可在服务记录里登记。",
                "On a difficulty the subdistrict calls the planners and the departments concerned to confer; it is signed in, minuted and resolved like a meeting. Planners log their part in the service log."
            )
        case .conferencesEmpty: .init("还没有会商。", "No case conference yet.")
        case .callConference: .init("召集会商", "Call a case conference")
        case .difficulty: .init("要会商的难题", "The difficulty to confer on")
        case .agenda: .init("议程和背景", "Agenda and background")
        case .venue: .init("地点", "Venue")
        case .startsAt: .init("时间", "When")
        case .startsAtHint: .init("例如 2026-12-03 14:00", "e.g. 2026-12-03 14:00")
        case .invited: .init("邀请的部门和单位", "Departments and units invited")
        case .invitedHint:
            .init("例如：房管所、城管中队、物业公司，用顿号或逗号隔开。", "e.g. housing office, city management, the property company.")
        case .place: .init("在哪个街镇或社区", "Subdistrict or community")
        case .callSubmit: .init("召集", "Call it")
        case .conferencesLink: .init("会商", "Case conferences")
        case .colWhen: .init("时间", "When")
        case .colPlace: .init("地方", "Place")
        case .colInvited: .init("邀请", "Invited")
        case .colState: .init("状态", "State")
        case .held: .init("已召开", "Held")
        case .upcoming: .init("待召开", "Upcoming")
        case .toRecord: .init("已过时间，待记录", "Past, to be recorded")
        case .termYearsValue: .init("{0} 年", "{0} years")
        }
    }

    public static func kind(_ k: HonourKind) -> HonourText {
        switch k {
        case .excellentPlanner: HonourText.kindExcellent
        case .exemplaryCase: HonourText.kindExemplary
        }
    }

    public static func status(_ s: HonourStatus) -> HonourText {
        switch s {
        case .nominated: HonourText.nominated
        case .awarded: HonourText.awarded
        case .declined: HonourText.declined
        }
    }
}
