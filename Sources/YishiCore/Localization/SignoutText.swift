/// The texts keyed `signout.…` (`Texts`).
public enum SignoutText: String, Texts {
    public static let prefix = "signout"

    case button
    case all

    public var bilingual: Bilingual {
        switch self {
        case .button: .init("退出登录", "Sign out")
        case .all: .init("在所有设备上退出", "Sign out everywhere")
        }
    }
}
