/// The texts keyed `footer.…` (`Texts`).
public enum FooterText: String, Texts {
    public static let prefix = "footer"

    case text
    case operatorLine
    case noOperator
    case signedInAs
    case phoneUse

    public var bilingual: Bilingual {
        switch self {
        case .text:
            .init(
                "议事 · 社区参与式规划平台 · 需求居民提、方案居民议、成效居民评",
                "Yishi · participatory community planning · residents raise needs, discuss plans and judge results")
        case .operatorLine: .init("运营方：{0}", "Run by {0}")
        case .noOperator: .init("有问题请找您所在的居委会。", "Questions? Ask your residents' committee.")
        case .signedInAs: .init("已登录：{0}", "Signed in: {0}")
        case .phoneUse: .init("我们如何使用您的手机号", "How we use your mobile number")
        }
    }
}
