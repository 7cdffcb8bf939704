/// The texts keyed `assisted.…` (`Texts`).
public enum AssistedText: String, Texts {
    public static let prefix = "assisted"

    case title
    case intro
    case channel
    case done
    case hasAccount
    case phone
    case phoneRegister = "phone.register"
    case phoneNone = "phone.none"
    case phoneOther = "phone.other"
    case phoneOtherNumber = "phone.otherNumber"
    case phoneHint = "phone.hint"
    case phoneHintNoRegister = "phone.hintNoRegister"

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("代录：为居民登记账户", "Assisted entry: register a resident")
        case .intro:
            .init(
                "为不方便使用手机的居民登记账户。记录会注明由您代录及渠道。",
                "Register an account for a resident who cannot use a phone. The record shows that you entered it, and the channel."
            )
        case .channel: .init("渠道", "Channel")
        case .done: .init("已代录登记并核验。", "Registered and verified on the resident's behalf.")
        case .hasAccount: .init("该居民已有账户。", "This resident already has an account.")
        case .phone: .init("登录手机", "Mobile number for signing in")
        case .phoneRegister: .init("用户籍登记的手机 {0}", "The number on the household register, {0}")
        case .phoneNone: .init("不登记手机（居民暂不在线登录）", "No number (the resident will not sign in online for now)")
        case .phoneOther: .init("另一个手机号码", "Another number")
        case .phoneOtherNumber: .init("另一个手机号码", "Another number")
        case .phoneHint:
            .init(
                "只在选择“另一个手机号码”时填写。会发短信告诉户籍登记的手机。",
                "Fill in only if you chose “Another number”. We will send a text to the number on the register.")
        case .phoneHintNoRegister: .init("只在选择“另一个手机号码”时填写。", "Fill in only if you chose “Another number”.")
        }
    }
}
