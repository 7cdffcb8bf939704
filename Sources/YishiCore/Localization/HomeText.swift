/// The texts keyed `home.…` (`Texts`).
public enum HomeText: String, Texts {
    public static let prefix = "home"

    case welcomeTitle = "welcome.title"
    case welcomeBody = "welcome.body"
    case residentTitle = "resident.title"
    case residentUnverified = "resident.unverified"
    case residentNoCommunity = "resident.noCommunity"
    case residentHousehold = "resident.household"
    case staffTitle = "staff.title"
    case staffScope = "staff.scope"
    case staffPlatform = "staff.platform"
    case staffNoRoles = "staff.noRoles"
    case staffCounts = "staff.counts"

    public var bilingual: Bilingual {
        switch self {
        case .welcomeTitle: .init("欢迎使用议事", "Welcome to Yishi")
        case .welcomeBody:
            .init(
                "议事帮助居民、居委会、社区规划师和街镇一起收集需求、商议方案、依法表决、公开资金、评价成效。请登录后使用。",
                "Yishi helps residents, residents' committees, community planners and subdistricts gather needs, discuss plans, vote by the law, show the money and judge the results together. Please sign in to use it."
            )
        case .residentTitle: .init("我的社区", "My community")
        case .residentUnverified:
            .init(
                "您的账户尚未实名核验：可以浏览和留言，暂不能投票。请带身份证到居委会核验。",
                "Your account is not verified yet: you can read and comment but not vote. Bring your ID card to your residents' committee to be verified."
            )
        case .residentNoCommunity:
            .init(
                "您的账户还没有关联到社区。请联系居委会。",
                "Your account is not linked to a community yet. Please contact your residents' committee.")
        case .residentHousehold: .init("我的住址：{0}", "My home: {0}")
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
