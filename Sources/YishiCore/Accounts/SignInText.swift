/// The texts keyed `signin.…` (`Texts`).
public enum SignInText: String, Texts {
    public static let prefix = "signin"

    case title
    case residentTitle = "resident.title"
    case staffTitle = "staff.title"
    case username
    case password
    case submit
    case phone
    case sendCode
    case code
    case codeSent = "code.sent"
    case codeExtend = "code.extend"
    case codeExtended = "code.extended"
    case codeResend = "code.resend"
    case helpAssisted = "help.assisted"
    case errorCredentials = "error.credentials"
    case errorLocked = "error.locked"
    case errorPhone = "error.phone"
    case errorSmsBudget = "error.smsBudget"
    case errorRate = "error.rate"
    case errorCode = "error.code"
    case errorCodeAttempts = "error.codeAttempts"
    case errorExtendUsed = "error.extendUsed"

    case required

    public var bilingual: Bilingual {
        switch self {
        case .required: .init("请先登录，才能看这一页。", "Please sign in to see that page.")
        case .title: .init("登录", "Sign in")
        case .residentTitle: .init("居民登录（手机验证码）", "Residents: sign in with your mobile")
        case .staffTitle: .init("工作人员登录", "Staff sign-in")
        case .username: .init("用户名", "Username")
        case .password: .init("密码", "Password")
        case .submit: .init("登录", "Sign in")
        case .phone: .init("手机号码", "Mobile number")
        case .sendCode: .init("获取验证码", "Send me a code")
        case .code: .init("验证码（6位数字）", "Code (6 digits)")
        case .codeSent: .init("验证码已发送到 {0}，{1} 分钟内有效。", "A code was sent to {0}. It is valid for {1} minutes.")
        case .codeExtend: .init("时间不够？再延长 5 分钟", "Need more time? Add 5 minutes")
        case .codeExtended: .init("已延长，验证码在 {0} 前有效。", "Extended: the code is valid until {0}.")
        case .codeResend: .init("没有收到？重新获取", "Nothing came? Send a new code")
        case .helpAssisted:
            .init(
                "不方便用手机？请到居委会，由工作人员代为办理。", "Can't use a phone? Your residents' committee staff can do it for you.")
        case .errorCredentials:
            .init(
                "用户名或密码不正确。连续输错 5 次后，要等几分钟才能再登录。",
                "The username or password is wrong. After 5 wrong tries, sign-in pauses for a few minutes.")
        case .errorLocked: .init("尝试次数过多，请 {0} 分钟后再试。", "Too many attempts: try again in {0} minutes.")
        case .errorPhone: .init("请输入 11 位手机号码。", "Enter an 11-digit mobile number.")
        case .errorSmsBudget:
            .init(
                "现在请求验证码的人太多，短信暂停发送，请过一小时再试，或请居委会帮忙。",
                "Too many codes are being asked for right now, so sending is paused. Try again in an hour, or ask your residents' committee."
            )
        case .errorRate: .init("获取验证码过于频繁，请稍后再试。", "Too many codes asked for: please wait a while and try again.")
        case .errorCode: .init("验证码不正确或已过期。", "The code is wrong or has expired.")
        case .errorCodeAttempts: .init("错误次数过多，请重新获取验证码。", "Too many wrong tries: ask for a new code.")
        case .errorExtendUsed: .init("验证码只能延长一次，请重新获取。", "A code can be extended only once: ask for a new one.")
        }
    }
}
