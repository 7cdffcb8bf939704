/// The texts keyed `diagnosis.…` (`Texts`): the community diagnosis report (社区把脉).
public enum DiagnosisText: String, Texts {
    public static let prefix = "diagnosis"

    case title, listTitle, intro, empty, write, versions, version, colBy, colWhen, latest
    case population, residents, households, unknownAge, elderlyShare, children, meanSize, sizes, band
    case bandUnder18, bandFrom18, bandFrom35, bandFrom60, bandFrom80, sizeLine
    case spatial, compounds, colCompound, colKind, colBuildings, colUnits, colHouseholds, kindUnknown
    case lifeCircle, lifeCircleNone, colOk, colMissing, colMissing15, colNearest, nothingMissing
    case needs, needsNone, needsTotal, colCategory, colNeeds, colTop, colPriority
    case history, historyHint, resources, resourcesHint, recommendations, recommendationsHint
    case recTitle, recText, recNeeds, recEmpty, openProject, projectOpened, saved, writeTitle
    case writeIntro, submit, problemTitle, problemText, problemTooMany, problemLong, problemEmpty, needsInvalid
    case notCommunity, byPlanner, reportsLink, colCommunity, sizeFive, byKind, colSupport, notYet, moreSlots

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("{0} 社区把脉报告（第 {1} 版）", "{0}: community diagnosis (version {1})")
        case .listTitle: .init("{0} 社区把脉", "{0}: community diagnosis")
        case .intro:
            .init(
                "社区规划师为社区“把脉”：人口和社会结构、空间、历史文化、需求、资源，再提出建议和项目。人口、空间、需求和生活圈的数据由平台按当时的登记算出。",
                "The community's planner takes its pulse: people, space, history and culture, needs and resources, then recommends projects. The figures on people, space, needs and the life circle are computed by the platform from the registers of the day."
            )
        case .empty: .init("还没有把脉报告。写第一版吧。", "No diagnosis yet. Write the first version.")
        case .write: .init("写新一版", "Write a new version")
        case .versions: .init("各版本", "Versions")
        case .version: .init("第 {0} 版", "Version {0}")
        case .colBy: .init("撰写", "By")
        case .colWhen: .init("时间", "When")
        case .latest: .init("最新", "Latest")
        case .population: .init("人口与社会结构", "People and households")
        case .residents: .init("居民", "Residents")
        case .households: .init("户数", "Households")
        case .unknownAge: .init("年龄未登记", "Age not recorded")
        case .elderlyShare: .init("60 岁及以上占比", "Aged 60 and over")
        case .children: .init("未成年人", "Under 18")
        case .meanSize: .init("户均人数", "People per household")
        case .sizes: .init("家庭规模", "Household sizes")
        case .band: .init("年龄段", "Age band")
        case .bandUnder18: .init("0–17 岁", "0–17")
        case .bandFrom18: .init("18–34 岁", "18–34")
        case .bandFrom35: .init("35–59 岁", "35–59")
        case .bandFrom60: .init("60–79 岁", "60–79")
        case .bandFrom80: .init("80 岁及以上", "80 and over")
        case .sizeLine: .init("{0} 人户：{1}", "{0} person: {1}")
        case .spatial: .init("空间", "Space")
        case .compounds: .init("小区", "Compounds")
        case .colCompound: .init("小区", "Compound")
        case .colKind: .init("房屋类型", "Housing type")
        case .colBuildings: .init("楼栋", "Buildings")
        case .colUnits: .init("房屋", "Homes")
        case .colHouseholds: .init("户数", "Households")
        case .kindUnknown: .init("未登记", "Not recorded")
        case .lifeCircle: .init("15 分钟生活圈：公共服务和公共空间", "15-minute life circle: services and public spaces")
        case .lifeCircleNone:
            .init(
                "本区还没有导入生活圈地图数据，或小区还没有对应到地图上。",
                "The district has no life-circle map yet, or the compounds are not linked to it.")
        case .colOk: .init("步行可达的类型", "Types within reach")
        case .colMissing: .init("社区级缺口", "Missing nearby")
        case .colMissing15: .init("15 分钟缺口", "Missing within 15 minutes")
        case .colNearest: .init("最近的公园 / 文化 / 体育", "Nearest park / culture / sports")
        case .nothingMissing: .init("无", "None")
        case .needs: .init("需求分析", "Needs")
        case .needsNone: .init("需求清单里还没有需求。", "The needs list is empty.")
        case .needsTotal: .init("共 {0} 项需求（不含已合并的）。", "{0} needs in all (merged ones not counted).")
        case .colCategory: .init("类别", "Kind")
        case .colNeeds: .init("需求数", "Needs")
        case .colTop: .init("排在前面的需求", "Top needs")
        case .colPriority: .init("优先分", "Priority")
        case .history: .init("历史与文化", "History and culture")
        case .historyHint:
            .init("建成年代、老街老建筑、名人故事、社区传统活动等。", "When it was built, old streets and buildings, stories, traditions.")
        case .resources: .init("资源", "Resources")
        case .resourcesHint:
            .init(
                "可用的空间、社会组织、共建单位、资金（自治金、基金会等）。",
                "Spaces, organisations, partner units and funds (self-governance funds, foundations…).")
        case .recommendations: .init("建议和项目", "Recommendations and projects")
        case .recommendationsHint:
            .init(
                "每条建议写一个标题；要变成项目的，勾选它回应的需求清单上的需求。",
                "Give each recommendation a title; for one to become a project, tick the needs on the list it answers.")
        case .recTitle: .init("建议 {0}：标题", "Recommendation {0}: title")
        case .recText: .init("建议 {0}：怎么做", "Recommendation {0}: what to do")
        case .recNeeds: .init("建议 {0}：回应的需求", "Recommendation {0}: the needs it answers")
        case .recEmpty: .init("还没有建议。", "No recommendation yet.")
        case .openProject: .init("据此建立项目", "Open a project from it")
        case .projectOpened: .init("已立项：{0}", "Project opened: {0}")

        case .saved: .init("已保存为新的版本。", "Saved as a new version.")
        case .writeTitle: .init("{0}：写把脉报告", "{0}: write the diagnosis")
        case .writeIntro:
            .init(
                "每次保存都是新的一版，旧版本保留可查。人口、空间、需求和生活圈的数据在保存时由平台算出。",
                "Each save is a new version; earlier ones stay readable. The figures are computed by the platform when you save."
            )
        case .submit: .init("保存新版本", "Save a new version")
        case .problemTitle:
            .init("每条建议都要有标题，不超过 100 字。", "Each recommendation needs a title of at most 100 characters.")
        case .problemText: .init("建议的内容不超过 1000 字。", "A recommendation's text is at most 1,000 characters.")
        case .problemTooMany:
            .init("最多 10 条建议，每条最多关联 10 项需求。", "At most 10 recommendations, each with at most 10 needs.")
        case .problemLong: .init("这一部分不超过 4000 字。", "This part is at most 4,000 characters.")
        case .problemEmpty: .init("报告是空的：请至少写一部分或一条建议。", "The report is empty: write a part or a recommendation.")
        case .needsInvalid: .init("只能关联本社区需求清单上的需求。", "Only needs on this community's list can be linked.")
        case .notCommunity: .init("把脉报告针对一个社区。", "A diagnosis is made for a community.")
        case .byPlanner: .init("{0}（社区规划师）", "{0} (community planner)")
        case .reportsLink: .init("社区把脉", "Community diagnosis")
        case .colCommunity: .init("社区", "Community")
        case .sizeFive: .init("5 人及以上户：{0}", "5 or more: {0}")
        case .byKind: .init("按类别", "By kind")
        case .colSupport: .init("支持的户数", "Households in support")
        case .notYet: .init("还没有写", "Not written yet")
        case .moreSlots: .init("保存后会再多出一条空白建议，可以接着写。", "After saving there is a blank one more to write.")
        }
    }

    public static func band(_ b: DiagnosisFigures.AgeBand) -> DiagnosisText {
        switch b {
        case .under18: DiagnosisText.bandUnder18
        case .from18: DiagnosisText.bandFrom18
        case .from35: DiagnosisText.bandFrom35
        case .from60: DiagnosisText.bandFrom60
        case .from80: DiagnosisText.bandFrom80
        }
    }

    public static func problem(_ p: Diagnosis.Problem) -> DiagnosisText {
        switch p {
        case .recommendationTitle: DiagnosisText.problemTitle
        case .recommendationText: DiagnosisText.problemText
        case .tooMany: DiagnosisText.problemTooMany
        case .sectionTooLong: DiagnosisText.problemLong
        case .empty: DiagnosisText.problemEmpty
        }
    }
}
