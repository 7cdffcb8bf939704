/// The texts keyed `optionVote.…` (`Texts`): a vote between design options at a meeting.
public enum VoteText: String, Texts {
    public static let prefix = "optionVote"

    case title, open, opened, method, plurality, approval, borda, pluralityHint, approvalHint, bordaHint
    case maxPicks, maxPicksHint, tieBreak, tieListed, tieLot, options, optionsHint, ruleLine, ballotsLine
    case scoreLine, winner, winnerByTie, noBallots, cast, castDone, yourBallot, alreadyVoted, notAttendee
    case closed, close, closedDone, paper, paperCount, paperSpoilt, paperSubmit, paperDone, rank, pick
    case tooFewOptions, maxPicksInvalid, ballotEmpty, ballotUnknown, ballotTooMany, ballotCount, statusOpen
    case statusClosed, resultTitle, chosenByVote, noOptionsYet, openOnlyForProject, ballotsSoFar

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("方案投票", "Vote on the design options")
        case .open: .init("开始投票", "Open the vote")
        case .opened: .init("投票已开始。规则和平票处理方法已经定下，不能再改。", "The vote is open. Its rule and tie-break are fixed now.")
        case .method: .init("计票规则", "How votes are counted")
        case .plurality: .init("每人选一个，得票最多的胜出", "Each picks one; most votes wins")
        case .approval: .init("每人可以选多个，赞成最多的胜出", "Each may pick several; most approvals wins")
        case .borda: .init("每人排顺序，按名次计分（博尔达计分）", "Each ranks them; points by place (Borda count)")
        case .pluralityHint: .init("只能选一个。", "Pick one.")
        case .approvalHint: .init("可以选多个。", "You may pick more than one.")
        case .bordaHint:
            .init(
                "按喜欢的顺序排：第一位得分最高。可以只排前几位。",
                "Put them in the order you like them: first place scores most. You may rank only the first few.")
        case .maxPicks: .init("每人最多选几个", "Most picks per person")
        case .maxPicksHint: .init("只用于“可以选多个”；不填就不限。", "Only for “pick several”; leave empty for no limit.")
        case .tieBreak: .init("得票相同时", "If there is a tie")
        case .tieListed: .init("按方案列出的先后", "The option listed first wins")
        case .tieLot: .init("用现在公布的号码抽签", "A lot drawn with a number published now")
        case .options: .init("参加投票的方案", "The options voted on")
        case .optionsHint: .init("至少选两个；通常是每个方案的最新一稿。", "Two at least; usually each option's latest version.")
        case .ruleLine: .init("计票规则：{0}", "Counted by: {0}")
        case .ballotsLine: .init("有效票 {0} 张，无效票 {1} 张", "{0} valid ballots, {1} invalid")
        case .scoreLine: .init("{0}：{1}", "{0}: {1}")
        case .winner: .init("结果：{0} 胜出", "Result: {0} wins")
        case .winnerByTie: .init("结果：得票相同，按事先定好的办法由 {0} 胜出", "Result: a tie, settled as fixed beforehand: {0} wins")
        case .noBallots: .init("没有有效票，没有选出方案。", "No valid ballot: no option is chosen.")
        case .cast: .init("投出我的一票", "Cast my vote")
        case .castDone: .init("您的一票已记下。", "Your vote is recorded.")
        case .yourBallot: .init("您已经投过票了。", "You have voted.")
        case .alreadyVoted: .init("您已经投过票了，每人只能投一次。", "You have already voted; each person votes once.")
        case .notAttendee:
            .init(
                "只有在会上签到的居民才能在线投票。请先用会议签到码签到。",
                "Only residents signed in at the meeting vote online. Sign in with the meeting's code first.")
        case .closed: .init("这次投票已经结束，不能再投。", "This vote has ended; no more ballots are taken.")
        case .close: .init("结束投票并计票", "End the vote and count")
        case .closedDone: .init("投票已结束，结果已记录。", "The vote has ended; the result is recorded.")
        case .paper: .init("录入纸质选票", "Enter paper ballots")
        case .paperCount: .init("这样的选票张数", "Ballots marked like this")
        case .paperSpoilt: .init("无效的纸质选票张数", "Spoilt paper ballots")
        case .paperSubmit: .init("录入", "Enter them")
        case .paperDone: .init("纸质选票已录入。", "The paper ballots are entered.")
        case .rank: .init("第 {0} 位", "Place {0}")
        case .pick: .init("选择", "Pick")
        case .tooFewOptions: .init("投票至少要有两个方案。", "A vote needs two options at least.")
        case .maxPicksInvalid:
            .init("最多选几个，要在 1 和方案数之间。", "The most picks must lie between 1 and the number of options.")
        case .ballotEmpty: .init("请至少选一个方案。", "Pick at least one option.")
        case .ballotUnknown:
            .init("选票上有不在这次投票里的方案，或同一个方案选了两次。", "The ballot names an option not in this vote, or one twice.")
        case .ballotTooMany: .init("选的方案超过了这次投票允许的个数。", "The ballot picks more options than this vote allows.")
        case .ballotCount: .init("张数要在 1 到 5000 之间。", "The number of ballots must be 1 to 5,000.")
        case .statusOpen: .init("投票中", "Open")
        case .statusClosed: .init("已结束", "Ended")
        case .resultTitle: .init("投票结果", "The result")
        case .chosenByVote: .init("由会上投票选定", "Chosen by the meeting's vote")
        case .noOptionsYet:
            .init("项目至少有两个设计方案时才能投票。", "A vote can open once the project has two design options.")
        case .openOnlyForProject:
            .init("只有为项目召开的会议才能对设计方案投票。", "Only a meeting for a project votes on its design options.")
        case .ballotsSoFar: .init("已收到 {0} 张选票", "{0} ballots so far")
        }
    }
}
