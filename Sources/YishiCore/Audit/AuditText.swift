/// The audit log's texts (`Texts`).
public enum AuditText: String, Texts {
    public static let prefix = "audit"

    case title, intro, seq, at, actor, action, target, details, onBehalf, older, none
    case noneFiltered, download, forWhom, allActions, place, placeHint, from, to, filter
    case actorDemo, actorSystem, actorCommandLine, actorNobody
    case verifyOK = "verify.ok"
    case verifyBroken = "verify.broken"
    case verifyWhen = "verify.when"
    case verifyNever = "verify.never"

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("审计日志", "Audit log")
        case .intro:
            .init(
                "每条记录都包含上一条记录的哈希值，任何改动都会被发现。",
                "Each entry holds the hash of the one before it, so any change is detected.")
        case .seq: .init("序号", "No.")
        case .at: .init("时间", "Time")
        case .actor: .init("操作人", "By")
        case .action: .init("操作", "Action")
        case .target: .init("对象", "Target")
        case .details: .init("详情", "Details")
        case .onBehalf: .init("代{0}办理（{1}）", "For {0} ({1})")
        case .older: .init("更早的记录", "Older entries")
        case .none: .init("还没有记录。", "No entries yet.")
        case .actorDemo: .init("演示数据", "The demo")
        case .actorSystem: .init("平台自动", "The platform itself")
        case .actorCommandLine: .init("命令行（{0}）", "Command line ({0})")
        case .actorNobody: .init("未登录的访客", "Someone not signed in")
        case .noneFiltered: .init("没有符合条件的记录。", "No entry matches.")
        case .download: .init("下载这些记录（CSV）", "Download these entries (CSV)")
        case .forWhom: .init("代办", "On behalf of")
        case .allActions: .init("全部操作", "All actions")
        case .place: .init("地方（编号，含下级）", "Place (its number, and everything below it)")
        case .placeHint: .init("例如 BS01-C1", "For example BS01-C1")
        case .from: .init("从", "From")
        case .to: .init("到", "To")
        case .filter: .init("筛选", "Filter")
        case .verifyOK: .init("链完整：已核对 {0} 条记录。", "The chain is intact: {0} entries checked.")
        case .verifyBroken: .init("第 {0} 条记录不一致（{1}）。", "Entry {0} does not hold ({1}).")
        case .verifyWhen: .init("（核验于 {0}）", "(checked {0})")
        case .verifyNever:
            .init(
                "还没有核验过整条链。管理员可运行 yishi audit verify，或等待每日自动核验。",
                "The whole chain has not been checked yet. An administrator can run yishi audit verify, or wait for the daily check."
            )
        }
    }
}
