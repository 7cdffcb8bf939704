/// The texts keyed `home.…` (`Texts`).
public enum HomeText: String, Texts {
    public static let prefix = "home"

    case welcomeTitle = "welcome.title"
    case welcomeBody = "welcome.body"
    case residentTitle = "resident.title"
    case residentNoCommunity = "resident.noCommunity"
    case staffTitle = "staff.title"
    case staffScope = "staff.scope"
    case staffPlatform = "staff.platform"
    case staffNoRoles = "staff.noRoles"
    case staffCounts = "staff.counts"
    case committee
    case todo
    case todoNone
    case todoVerify
    case todoFailed
    case todoFailedTag
    case todoRunning
    case scope
    case recent
    case recentNone
    case aboutCommunity
    case villageCommittee
    case committeeUnknown
    case call
    case compounds
    case noCompounds
    case buildings
    case noBuildings
    case lifeCircleIntro
    case lifeCircleOpen
    case myHome
    case myLifeCircle
    case lifeCircleNone
    case walk
    case notWithin
    case myNeeds
    case needsEmpty
    case notices
    case noticesEmpty
    case meetings
    case meetingsEmpty
    case votes
    case votesEmpty
    case verifyTitle
    case verifyGives
    case verifyWhere
    case publicTitle
    case publicLifeCircle
    case howSignIn

    public var bilingual: Bilingual {
        switch self {
        case .committee: .init("{0}居委会", "{0} residents' committee")
        case .todo: .init("待办", "To do")
        case .todoNone: .init("没有待办事项。", "Nothing waiting for you.")
        case .todoVerify: .init("{0} 个居民账户等待实名核验", "{0} resident accounts waiting to be verified")
        case .todoFailed: .init("导入没有成功：{0}（{1}）", "An import did not succeed: {0} ({1})")
        case .todoFailedTag: .init("要处理", "Needs you")
        case .todoRunning: .init("正在导入：{0}（{1}%）", "Importing: {0} ({1}%)")
        case .scope: .init("我负责的地方", "Where I work")
        case .recent: .init("最近的修改", "Recent changes")
        case .recentNone: .init("最近没有修改。", "No recent changes.")
        case .aboutCommunity: .init("{0}介绍", "About {0}")
        case .villageCommittee: .init("{0}村委会", "{0} villagers' committee")
        case .committeeUnknown:
            .init("居委会还没有填写办公地址和时间。", "The committee has not entered its address and opening hours yet.")
        case .call: .init("打电话：{0}", "Call {0}")
        case .compounds: .init("小区", "Compounds")
        case .noCompounds: .init("还没有登记小区。", "No compound is on record yet.")
        case .buildings: .init("楼栋", "Buildings")
        case .noBuildings: .init("还没有登记楼栋。", "No building is on record yet.")
        case .lifeCircleIntro:
            .init("走路 15 分钟能到哪些菜场、卫生站、学校、公园……", "Which markets, clinics, schools, parks … are within a 15-minute walk.")
        case .lifeCircleOpen: .init("看{0}的生活圈", "See the life circle of {0}")
        case .myHome: .init("我家", "My home")
        case .myLifeCircle: .init("我家附近", "Near my home")
        case .lifeCircleNone: .init("您家附近的生活圈还没有算出来。", "The life circle around your home has not been worked out yet.")
        case .walk: .init("{0} 步行 {1} 分钟", "{0}: {1} min walk")
        case .notWithin: .init("{0} 15 分钟内没有", "{0}: none within 15 min")
        case .myNeeds: .init("我提的需求", "My needs")
        case .needsEmpty:
            .init(
                "您还没有提出需求。以后可以在这里提出，并看到处理进展。",
                "You have not raised a need yet. You will raise needs here and follow what happens to them.")
        case .notices: .init("公告", "Notices")
        case .noticesEmpty: .init("现在没有公告。", "No notices at the moment.")
        case .meetings: .init("会议", "Meetings")
        case .meetingsEmpty: .init("现在没有要开的会。", "No meetings coming up.")
        case .votes: .init("投票", "Votes")
        case .votesEmpty: .init("现在没有需要您参加的投票。", "Nothing to vote on at the moment.")
        case .verifyTitle: .init("实名核验", "Getting verified")
        case .verifyGives:
            .init("核验后，您的意见按本小区居民计算，也能参加投票。", "Once verified, your views count as a resident's and you can vote.")
        case .verifyWhere:
            .init("请带身份证到居委会办理，几分钟就好。", "Bring your ID card to your residents' committee: it takes a few minutes.")
        case .publicTitle: .init("不登录也能看", "Open to everyone")
        case .publicLifeCircle:
            .init(
                "社区生活圈：走路 15 分钟能到哪些服务设施，哪里还缺。",
                "The life circle: which services are within a 15-minute walk, and where some are missing.")
        case .howSignIn:
            .init(
                "居民用手机号登录，收短信验证码，不用密码。",
                "Residents sign in with their mobile number and a code we text them: no password.")
        case .welcomeTitle: .init("欢迎使用议事", "Welcome to Yishi")
        case .welcomeBody:
            .init(
                "议事帮助居民、居委会、社区规划师和街镇一起收集需求、商议方案、依法表决、公开资金、评价成效。",
                "Yishi helps residents, residents' committees, community planners and subdistricts gather needs, discuss plans, vote by the law, show the money and judge the results together."
            )
        case .residentTitle: .init("我的社区", "My community")
        case .residentNoCommunity:
            .init(
                "您的账户还没有关联到社区。请联系居委会。",
                "Your account is not linked to a community yet. Please contact your residents' committee.")
        case .staffTitle: .init("我的工作范围", "My scope")
        case .staffScope: .init("{0}：{1}", "{0}: {1}")
        case .staffPlatform: .init("全平台", "The whole platform")
        case .staffNoRoles:
            .init(
                "您的账户还没有角色。请联系管理员授予角色。", "Your account has no role yet. Ask an administrator to grant one.")
        case .staffCounts:
            .init(
                "下级 {0} 个 · 房屋 {1} 套 · 住户 {2} 户 · 居民 {3} 人", "{0} below · {1} units · {2} households · {3} residents")
        }
    }
}
