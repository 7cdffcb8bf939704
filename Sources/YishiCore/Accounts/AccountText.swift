/// The texts keyed `account.…` (`Texts`).
public enum AccountText: String, Texts {
    public static let prefix = "account"

    case title
    case name
    case username
    case phone
    case roles
    case verified
    case unverified
    case sessions
    case passwordTitle = "password.title"
    case passwordCurrent = "password.current"
    case passwordNew = "password.new"
    case passwordChanged = "password.changed"
    case passwordWrong = "password.wrong"
    case tokensTitle = "tokens.title"
    case tokensIntro = "tokens.intro"
    case tokensName = "tokens.name"
    case tokensScope = "tokens.scope"
    case tokensCreate = "tokens.create"
    case tokensCreated = "tokens.created"
    case tokensRevoke = "tokens.revoke"
    case tokensNone = "tokens.none"
    case tokensLastUsed = "tokens.lastUsed"
    case tokensAlsoRevoke = "tokens.alsoRevoke"

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("我的账户", "My account")
        case .name: .init("姓名", "Name")
        case .username: .init("用户名", "Username")
        case .phone: .init("手机", "Mobile")
        case .roles: .init("我的角色", "My roles")
        case .verified: .init("已实名核验", "Verified")
        case .unverified: .init("未实名核验", "Not verified")
        case .sessions: .init("已在 {0} 个设备上登录。", "Devices signed in: {0}.")
        case .passwordTitle: .init("修改密码", "Change password")
        case .passwordCurrent: .init("当前密码", "Current password")
        case .passwordNew: .init("新密码（至少 10 位）", "New password (at least 10 characters)")
        case .passwordChanged: .init("密码已修改。", "Your password has been changed.")
        case .passwordWrong: .init("当前密码不正确。", "The current password is wrong.")
        case .tokensTitle: .init("API 令牌", "API tokens")
        case .tokensIntro:
            .init(
                "令牌让其他系统以您的一个角色访问 /api/v1。令牌只显示一次，请妥善保存。",
                "A token lets another system use /api/v1 with one of your roles. It is shown once only: keep it safe.")
        case .tokensName: .init("令牌名称", "Token name")
        case .tokensScope: .init("角色与范围", "Role and scope")
        case .tokensCreate: .init("创建令牌", "Create token")
        case .tokensCreated: .init("新令牌（只显示这一次）：", "Your new token (shown this once only):")
        case .tokensRevoke: .init("撤销", "Revoke")
        case .tokensNone: .init("还没有令牌。", "No tokens yet.")
        case .tokensLastUsed: .init("最近使用", "Last used")
        case .tokensAlsoRevoke: .init("同时撤销我的全部 API 令牌", "Also revoke all my API tokens")
        }
    }
}
