/// The texts keyed `setup.…` (`Texts`).
public enum SetupText: String, Texts {
    public static let prefix = "setup"

    case title
    case intro
    case invalid

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("创建首位管理员", "Create the first administrator")
        case .intro:
            .init(
                "这是一次性链接，24 小时内有效。创建的账户拥有平台管理员角色。",
                "This link works once, within 24 hours. The account you create is a platform administrator.")
        case .invalid:
            .init(
                "此链接无效、已经用过或已过期。请重新启动服务以获取新链接。",
                "This link is invalid, used or expired. Restart the server to get a new one.")
        }
    }
}
