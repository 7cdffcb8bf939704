/// The texts keyed `verify.…` (`Texts`).
public enum VerifyText: String, Texts {
    public static let prefix = "verify"

    case title
    case intro
    case resident
    case submit
    case done
    case residentNotFound
    case phoneNotFound
    case phoneVerified

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("居民实名核验", "Verify residents")
        case .intro:
            .init(
                "核对居民身份证件后，将其账户关联到户籍登记中的居民。",
                "After checking a resident's ID, link their account to the resident in the household register.")
        case .resident: .init("居民编码", "Resident code")
        case .submit: .init("核验", "Verify")
        case .done: .init("已核验。", "Verified.")
        case .residentNotFound: .init("在您负责的范围内找不到这个居民编码。", "There is no resident with this code in your area.")
        case .phoneNotFound:
            .init(
                "没有用这个手机号登录、待核验的居民账户。请居民先用这个手机号登录一次。",
                "No resident account waiting to be verified signs in with this number. Ask the resident to sign in once with it first."
            )
        case .phoneVerified: .init("这个手机号的账户已经核验过了。", "The account with this number is already verified.")
        }
    }
}
