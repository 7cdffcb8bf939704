/// The texts keyed `footer.…` (`Texts`).
public enum FooterText: String, Texts {
    public static let prefix = "footer"

    case text

    public var bilingual: Bilingual {
        switch self {
        case .text:
            .init(
                "议事 · 社区参与式规划平台 · 需求居民提、方案居民议、成效居民评",
                "Yishi · participatory community planning · residents raise needs, discuss plans and judge results")
        }
    }
}
