/// The texts keyed `fundPage.…` (`Texts`): the words of the money pages.
public enum FundPageText: String, Texts {
    public static let prefix = "fundPage"

    case projectGone, pot, custodian, legalOwner, period, opening, income, spending, closing, entries, reported
    case difference, explanation, bySource, source, amount, byUse, use, hashLine, statementLink

    public var bilingual: Bilingual {
        switch self {
        case .projectGone: .init("（项目已删除）", "(project removed)")
        case .pot: .init("资金池", "Pot")
        case .custodian: .init("保管方", "Held by")
        case .legalOwner: .init("所有权人", "Owned by")
        case .period: .init("期间", "Period")
        case .opening: .init("期初余额", "Opening balance")
        case .income: .init("本期收入", "Received")
        case .spending: .init("本期支出", "Spent")
        case .closing: .init("期末余额", "Closing balance")
        case .entries: .init("笔数", "Entries")
        case .reported: .init("保管方实际余额", "Custodian's balance")
        case .difference: .init("差额", "Difference")
        case .explanation: .init("差额说明：{0}", "The difference explained: {0}")
        case .bySource: .init("收入来源", "Where the money came from")
        case .source: .init("来源", "Source")
        case .amount: .init("金额", "Amount")
        case .byUse: .init("支出去向", "What it paid for")
        case .use: .init("去向", "Use")
        case .hashLine: .init("本公示的核验码：{0}", "This statement's check code: {0}")
        case .statementLink: .init("查看公示明细", "See the statement in full")
        }
    }
}
