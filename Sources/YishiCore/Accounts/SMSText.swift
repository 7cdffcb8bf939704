/// The texts keyed `sms.…` (`Texts`).
public enum SMSText: String, Texts {
    public static let prefix = "sms"

    case code
    case assisted
    case assistedNoPhone = "assisted.noPhone"

    public var bilingual: Bilingual {
        switch self {
        case .code:
            .init(
                "【议事】您的验证码是 {0}，{1} 分钟内有效。请勿告诉他人。",
                "[Yishi] Your code is {0}. It is valid for {1} minutes. Do not share it.")
        case .assisted:
            .init(
                "【议事】{0}已通过{1}为您登记了议事平台账户，登录手机：{2}。如不是您本人的意愿，请联系居委会。",
                "[Yishi] {0} registered a Yishi account for you ({1}); sign-in number: {2}. If you did not ask for this, contact your residents' committee."
            )
        case .assistedNoPhone: .init("无", "none")
        }
    }
}
