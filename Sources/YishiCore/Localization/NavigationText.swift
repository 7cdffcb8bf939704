/// The texts keyed `nav.…` (`Texts`).
public enum NavigationText: String, Texts {
    public static let prefix = "nav"

    case lifeCircle
    case main
    case skip
    case home
    case territory
    case importText = "import"
    case users
    case verify
    case audit
    case account
    case signin
    case outbox
    case search
    case needs
    case notices
    case questionnaires
    case projects
    case menu
    case help
    case privacy

    public var bilingual: Bilingual {
        switch self {
        case .lifeCircle: .init("生活圈", "Life circle")
        case .main: .init("主导航", "Main navigation")
        case .skip: .init("跳到正文", "Skip to main content")
        case .home: .init("首页", "Home")
        case .territory: .init("辖区", "Territory")
        case .importText: .init("导入", "Import")
        case .users: .init("用户与角色", "Users and roles")
        case .verify: .init("实名核验", "Verify residents")
        case .search: .init("查找居民", "Find a resident")
        case .needs: .init("需求", "Needs")
        case .notices: .init("公示", "Notices")
        case .questionnaires: .init("问卷", "Questionnaires")
        case .projects: .init("项目", "Projects")
        case .menu: .init("菜单", "Menu")
        case .help: .init("帮助", "Help")
        case .privacy: .init("个人信息保护", "Your personal data")
        case .audit: .init("审计日志", "Audit log")
        case .account: .init("我的账户", "My account")
        case .signin: .init("登录", "Sign in")
        case .outbox: .init("短信发件箱（开发）", "SMS outbox (development)")
        }
    }
}
