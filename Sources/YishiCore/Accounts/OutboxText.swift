/// The texts keyed `outbox.…` (`Texts`).
public enum OutboxText: String, Texts {
    public static let prefix = "outbox"

    case title
    case intro
    case noneText = "none"

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("短信发件箱（仅开发环境）", "SMS outbox (development only)")
        case .intro:
            .init(
                "开发环境不真正发送短信，发出的验证码显示在这里。生产环境没有此页。",
                "In development no SMS is really sent: the codes appear here. Production has no such page.")
        case .noneText: .init("还没有短信。", "No messages yet.")
        }
    }
}
