/// The texts keyed `ownersVote.…` (`Texts`): owners' votes held on the platform.
public enum OwnerVoteText: String, Texts {
    public static let prefix = "ownersVote"

    // Refusals and field problems.
    case nodeLevel, committeeExists, matterInvalid, silenceRuleNeeded, closesBeforeOpens, closesAtPast
    case projectElsewhere, partBuildings, registerLocked, reasonNeeded, registerNotPublished, correctionPeriod
    case objectionsUnanswered, notOpenYet, closed, alreadyOpen, notClosed, registerProblems, fixIt, notCoOwner
    case wrongChannel, notDesignated, serialMissing, authorityMissing, proxyNameMissing, instructionMissing
    case notAsInstructed, reasonMissing, reasonNotAllowed, invalidOnline, choiceInvalid, channelInvalid
    case notOnRegister, alreadyVoted, countFailed
    // Notices and the record.
    case registerNoticeTitle, registerNoticeBody, designationReason, resultNoticeTitle, resultNoticeBody
    // Choices, channels, reasons; the ballots' columns.
    case agree, against, abstain, invalidChoice, online, paper, proxy
    case reasonUnsigned, reasonSeveralChoices, reasonConflictingCoOwners, reasonUnverifiedPerson
    case colPerson, colOwner, colChoice, colReason, colChannel, colSerial, colProxy, colVersion, colAt

    public static func choice(_ c: BallotChoice) -> OwnerVoteText {
        switch c {
        case .agree: OwnerVoteText.agree
        case .against: OwnerVoteText.against
        case .abstain: OwnerVoteText.abstain
        case .invalid: OwnerVoteText.invalidChoice
        }
    }

    public static func channel(_ c: OwnerVote.Channel) -> OwnerVoteText {
        switch c {
        case .online: OwnerVoteText.online
        case .paper: OwnerVoteText.paper
        case .proxy: OwnerVoteText.proxy
        }
    }

    public static func reason(_ r: OwnerVote.InvalidReason) -> OwnerVoteText {
        switch r {
        case .unsigned: OwnerVoteText.reasonUnsigned
        case .severalChoices: OwnerVoteText.reasonSeveralChoices
        case .conflictingCoOwners: OwnerVoteText.reasonConflictingCoOwners
        case .unverifiedPerson: OwnerVoteText.reasonUnverifiedPerson
        }
    }

    public var bilingual: Bilingual {
        switch self {
        case .nodeLevel:
            .init(
                "业主表决只能在小区（全体业主或部分业主共有部分）或一栋楼（楼组）发起。",
                "An owners' vote is held at a compound (all its owners, or those sharing a part) or at one building.")
        case .committeeExists:
            .init("这个小区已经成立业主委员会，表决由业委会组织。", "This compound has an owners' committee: it organises the vote.")
        case .matterInvalid:
            .init("请选择表决事项（民法典第二百七十八条的九项之一）。", "Choose the matter: one of the nine of Civil Code art. 278.")
        case .silenceRuleNeeded:
            .init("打开“未表决视为同意多数意见”时，须写明管理规约中的原文。", "With the silence clause on, copy the estate's rule word for word.")
        case .closesBeforeOpens: .init("结束时间要晚于开始时间。", "The closing time must come after the opening time.")
        case .closesAtPast: .init("结束时间已经过去。", "The closing time has already passed.")
        case .projectElsewhere: .init("这个项目不在这个小区所在的社区。", "That project is not in this compound's community.")
        case .partBuildings:
            .init("请选择共有部分涉及的楼栋（本小区的楼）。", "Choose the buildings that share the part (of this compound).")
        case .registerLocked: .init("投票已经开始，业主名册不能再改。", "Voting has begun: the owners' register can no longer change.")
        case .reasonNeeded: .init("重新冻结名册时，请写明更正的原因。", "Say why the register is frozen again.")
        case .registerNotPublished: .init("请先冻结并公示业主名册。", "Freeze and publish the owners' register first.")
        case .correctionPeriod: .init("名册公示期还没有结束，结束后才能开始投票。", "The register's correction period has not ended yet.")
        case .objectionsUnanswered: .init("还有对名册的异议没有答复。", "Objections to the register are waiting for an answer.")
        case .notOpenYet: .init("投票还没有开始。", "Voting has not begun yet.")
        case .closed: .init("投票已经结束。", "Voting has closed.")
        case .alreadyOpen: .init("投票已经开始了。", "Voting has already begun.")
        case .notClosed: .init("投票还没有结束。", "Voting has not closed yet.")
        case .registerProblems:
            .init("业主名册有问题，不能冻结。请先改正下面每一项：", "The owners' register cannot be frozen. Fix each of these first:")
        case .fixIt: .init("去改正", "Fix it")
        case .notCoOwner: .init("这位不是这套房屋的共有人。", "That person is not a co-owner of this home.")
        case .wrongChannel:
            .init(
                "网上投票须由业主本人登录；纸质票和委托票由工作人员录入。",
                "Online ballots come from the owner's own account; paper and proxy ballots are entered by staff.")
        case .notDesignated:
            .init(
                "这套房屋有多位共有人，须由共有人书面推举的一位投票。请到业委会或居委会登记。",
                "This home has several owners: only the co-owner they designated in writing may vote. Ask the committee to record it."
            )
        case .serialMissing: .init("请填写纸质选票的编号（1–40 个字）。", "Enter the paper ballot's serial number (1–40 characters).")
        case .authorityMissing:
            .init(
                "委托投票须附业主签字的授权委托书（扫描件或照片）。",
                "A proxy ballot needs the owner's signed written authority (a scan or photo).")
        case .proxyNameMissing: .init("请填写受托人的姓名。", "Enter the proxy's name.")
        case .instructionMissing: .init("请填写业主在委托书里的意见。", "Enter what the owner instructed in the authority.")
        case .notAsInstructed: .init("受托人须按委托书写明的意见投票。", "A proxy votes as the authority instructs.")
        case .reasonMissing:
            .init(
                "无效票须写明原因：未签名、多选、共有人意见不一或身份未核实。",
                "An invalid ballot needs its reason: unsigned, several choices, co-owners disagree, or person not verified."
            )
        case .reasonNotAllowed: .init("只有无效票才写无效原因。", "Only an invalid ballot has a reason for being invalid.")
        case .invalidOnline: .init("网上投票请选同意、反对或弃权。", "Online, choose agree, against or abstain.")
        case .choiceInvalid:
            .init("请选择：同意、反对、弃权（纸质票还可以是无效）。", "Choose agree, against or abstain (or invalid, for a paper ballot).")
        case .channelInvalid: .init("投票方式应为网上、纸质或委托。", "The channel must be online, paper or proxy.")
        case .notOnRegister: .init("这位业主不在本次表决的业主名册上。", "That owner is not on this vote's register.")
        case .alreadyVoted:
            .init(
                "这一户已经投过票。要改，请用“更正选票”，以最后一次为准。",
                "This home has already voted. To change it, correct the ballot: the last one counts.")
        case .countFailed: .init("不能计票：{0}", "The vote cannot be counted: {0}")
        case .registerNoticeTitle: .init("业主名册公示：{0}", "Owners' register: {0}")
        case .registerNoticeBody:
            .init(
                "本次业主表决的业主名册（第 {0} 版）已冻结，现予公示 {1} 天。业主可在平台上查看自己的登记（房屋、面积及其来源），如有错误请在公示期内提出异议。投票开始后名册不再改动。",
                "The owners' register of this vote (version {0}) is frozen and published for {1} days. Owners can see their own entry (homes, areas and where the areas come from) and object to a mistake during the period. Nothing changes it once voting opens."
            )
        case .designationReason: .init("共有人推举 {0} 代表第 {1} 号投票人投票", "co-owners designated {0} to vote for person {1}")
        case .agree: .init("同意", "Agree")
        case .against: .init("反对", "Against")
        case .abstain: .init("弃权", "Abstain")
        case .invalidChoice: .init("无效", "Invalid")
        case .online: .init("网上投票", "Online")
        case .paper: .init("纸质选票", "Paper ballot")
        case .proxy: .init("委托投票", "By proxy")
        case .reasonUnsigned: .init("未签名", "Unsigned")
        case .reasonSeveralChoices: .init("选了多项", "Several choices marked")
        case .reasonConflictingCoOwners: .init("共有人意见不一", "Co-owners disagree")
        case .reasonUnverifiedPerson: .init("身份未核实", "Person not verified")
        case .colPerson: .init("投票人编号", "Person")
        case .colOwner: .init("签名业主", "Signed by owner")
        case .colChoice: .init("意见", "Choice")
        case .colReason: .init("无效原因", "Why invalid")
        case .colChannel: .init("方式", "Channel")
        case .colSerial: .init("选票编号", "Ballot serial")
        case .colProxy: .init("受托人", "Proxy")
        case .colVersion: .init("第几次（更正）", "Version (corrections)")
        case .colAt: .init("时间", "Time")
        case .resultNoticeTitle: .init("业主表决结果公告：{0}", "Owners' vote result: {0}")
        case .resultNoticeBody:
            .init(
                "表决结果：{0}。下面是人数和面积；业主可以申请查阅选票。记录校验码：{1}",
                "Result: {0}. The figures follow; owners may ask to inspect the ballots. Record check code: {1}")
        }
    }
}
