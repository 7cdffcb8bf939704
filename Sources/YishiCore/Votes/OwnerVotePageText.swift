/// The texts keyed `ownersVotePage.…` (`Texts`): the owners' votes' pages, in plain words.
public enum OwnerVotePageText: String, Texts {
    public static let prefix = "ownersVotePage"

    case listTitle, listEmpty, listEmptyStaff, newTitle, newLead, matterLine, created
    case statusDraft, statusRegister, statusOpen, statusClosed, statusPublished
    case matter, matterHint, voteTitle, motion, motionHint, documents, settings, countParking, countParkingHint
    case silence, silenceOn, silenceHint, silenceRule, noticeDays, noticeDaysHint, closesAt, closesAtHint
    case sharedPart, sharedPartHint, partBuildings, create
    case needs, thresholdHalf, thresholdThreeQuarters, scope, scopeWhole, scopePart, scopeBuilding
    case parkingCounted, parkingNotCounted, silenceWarning
    case yourEntry, personNumber, homes, owners, area, designatedIs, designateNeeded, objection, objectionHint
    case objectionSend, youVoted, castYours, correctYours
    case register, version, persons, areaTotal, correctionEnds, noCorrectionPeriod, recordCode, registerNotice
    case registerFull, registerNone, registerNoneStaff, freeze, unanswered, open, refreeze, reason, reasonHint
    case refreezeDo, frozen, objected, opened, closedDone, published, designatedDone
    case turnout, enter, projector, close, personsIn, areaIn, quorumReached, quorumStill
    case result, resultPage, resultNotice, ballots, publish, met, notMet, resultIs, figures, total, participating
    case agreeing, against, abstaining, invalid, notReturned, conditions, readings, withoutInvalid, withClause
    case notes, resultTitle, closedAt, verifyHint
    case ballotTitle, castDone, checkReceipt, deadline, ballotClosed, ballotNotYet, notOwner, forHome, currentChoice
    case choose, correctHint, enterTitle, entered, ownerCode, ownerCodeHint, channel, choice, serial, serialHint
    case invalidReason, invalidReasonHint, scan, proxy, proxyName, instruction, authority, correction, correctionBox
    case enterDo, projectorPersons, projectorArea, projectorLive
    case receiptTitle, receiptLead, receiptUnknown, receiptCode, receiptCodeHint, receiptCheck, receiptCounted
    case receiptStands, receiptReplaced, voteLabel, when, toVote
    case registerTitle, designated, developer, noneDesignated, designate, ballotsTitle, ballotsLead, csv
    case nav, homeVote, noticeRegisterLine, noticeSignIn, checkReceipts

    public var bilingual: Bilingual {
        switch self {
        case .listTitle: .init("{0}的业主表决", "Owners' votes: {0}")
        case .listEmpty: .init("这里还没有业主表决。", "There are no owners' votes here yet.")
        case .listEmptyStaff:
            .init(
                "这里还没有业主表决。在小区或楼栋的页面上可以发起一次表决。",
                "No owners' votes here yet. Start one from a compound's or a building's page.")
        case .newTitle: .init("发起业主表决", "Start an owners' vote")
        case .newLead:
            .init(
                "在{0}发起一次业主大会表决。先写清要决定的事；保存后冻结并公示业主名册，公示期满再开始投票。",
                "Start an owners' vote at {0}. Say what is to be decided; then freeze and publish the owners' register, and open voting when its correction period ends."
            )
        case .matterLine: .init("第{0}项：{1}", "Matter {0}: {1}")
        case .created:
            .init("表决已创建。下一步：冻结并公示业主名册。", "The vote is created. Next: freeze and publish the owners' register.")
        case .statusDraft: .init("草稿", "Draft")
        case .statusRegister: .init("名册公示中", "Register published")
        case .statusOpen: .init("投票中", "Voting open")
        case .statusClosed: .init("已计票", "Counted")
        case .statusPublished: .init("结果已公布", "Result published")
        case .matter: .init("表决事项", "Matter")
        case .matterHint:
            .init(
                "民法典第二百七十八条列出的九项之一。第6、7、8项须四分之三以上同意，其余过半数。",
                "One of the nine of Civil Code art. 278. Matters 6, 7 and 8 need three quarters; the others more than half."
            )
        case .voteTitle: .init("标题", "Title")
        case .motion: .init("表决的内容", "The motion")
        case .motionHint:
            .init("用业主看得懂的话写：要决定什么、为什么、花多少钱。", "In words every owner understands: what is decided, why, what it costs.")
        case .documents: .init("附件（方案、合同等，PDF 或图片）", "Documents (plans, contracts: PDF or pictures)")
        case .settings: .init("小区管理规约的规定", "What the estate's rules say")
        case .countParking: .init("车位计入面积和人数", "Parking spaces count")
        case .countParkingHint:
            .init("只有管理规约这样规定时才勾选；默认不计。", "Only where the estate's rules say so; by default they do not.")
        case .silence: .init("“未表决视为同意多数意见”条款", "“Silence follows the majority” clause")
        case .silenceOn: .init("管理规约里有这一条", "The estate's rules contain it")
        case .silenceHint:
            .init(
                "法院对这一条的效力看法不一，结果会同时给出适用和不适用两种。",
                "Courts are split on such clauses: the result is shown both with and without it.")
        case .silenceRule: .init("管理规约原文（勾选上一项时必填）", "The rule's text (needed when the clause is on)")
        case .noticeDays: .init("名册公示天数", "Days the register is published for corrections")
        case .noticeDaysHint:
            .init(
                "本区默认 {0} 天；填 0 表示不设公示期（会记录下来）。", "The district's default is {0} days; 0 means none (it is recorded).")
        case .closesAt: .init("投票截止时间", "Voting closes at")
        case .closesAtHint: .init("上海时间。不填就由组织者手动结束。", "Shanghai time. Leave empty to close by hand.")
        case .sharedPart: .init("只由部分业主决定的共有部分（选填）", "A part shared by some owners only (optional)")
        case .sharedPartHint:
            .init(
                "例如“3号楼电梯”。填写后只有下面选中楼栋的业主参加。",
                "For example “the lift of building 3”. Only owners in the buildings ticked below take part.")
        case .partBuildings: .init("共有这一部分的楼栋", "Buildings that share it")
        case .create: .init("创建表决", "Create the vote")
        case .needs: .init("通过要求", "To pass")
        case .thresholdHalf:
            .init(
                "参与表决的面积和人数都达到三分之二以上，其中同意的面积和人数都过半数",
                "At least two thirds of area and persons take part; more than half of their area and persons agree")
        case .thresholdThreeQuarters:
            .init(
                "参与表决的面积和人数都达到三分之二以上，其中同意的面积和人数都达四分之三以上",
                "At least two thirds of area and persons take part; three quarters or more of their area and persons agree"
            )
        case .scope: .init("谁来决定", "Who decides")
        case .scopeWhole: .init("{0}全体业主", "All owners of {0}")
        case .scopePart: .init("{0}共有“{1}”的业主", "Owners of {0} who share “{1}”")
        case .scopeBuilding: .init("{0}的业主", "The owners of {0}")
        case .parkingCounted: .init("车位计入", "Parking spaces count")
        case .parkingNotCounted: .init("车位不计入", "Parking spaces do not count")
        case .silenceWarning:
            .init(
                "管理规约含“未表决视为同意多数意见”条款（原文：{0}）。结果会同时给出适用和不适用该条款两种。",
                "The estate's rules contain a silence clause (“{0}”). The result is shown both with and without it.")
        case .yourEntry: .init("您在名册上的登记", "Your entry on the register")
        case .personNumber: .init("投票人编号", "Person no.")
        case .homes: .init("房屋", "Homes")
        case .owners: .init("业主", "Owners")
        case .area: .init("面积", "Area")
        case .designatedIs: .init("共有人推举 {0} 投票。", "The co-owners designated {0} to vote.")
        case .designateNeeded:
            .init(
                "这套房屋有几位共有人，请先书面推举一位投票，交给业委会或居委会登记。",
                "This home has several owners: designate one of you in writing and give it to the committee.")
        case .objection: .init("登记有错？请写明", "Is something wrong? Tell us")
        case .objectionHint:
            .init(
                "例如面积、共有人或房屋不对。公示期内提出，工作人员会答复。",
                "For example the area, a co-owner or a home. Staff answer during the period.")
        case .objectionSend: .init("提出异议", "Send the objection")
        case .youVoted: .init("您已投票：{0}。回执码 {1}", "You voted: {0}. Receipt {1}")
        case .castYours: .init("去投票", "Vote now")
        case .correctYours: .init("更正我的选票", "Correct my ballot")
        case .register: .init("业主名册", "Owners' register")
        case .version: .init("版本", "Version")
        case .persons: .init("人数", "Persons")
        case .areaTotal: .init("总面积", "Total area")
        case .correctionEnds: .init("公示期到", "Corrections until")
        case .noCorrectionPeriod: .init("不设公示期（已记录）", "No correction period (recorded)")
        case .recordCode: .init("校验码", "Check code")
        case .registerNotice: .init("名册公示", "The register's notice")
        case .registerFull: .init("查看完整名册", "The whole register")
        case .registerNone: .init("名册还没有冻结。", "The register is not frozen yet.")
        case .registerNoneStaff:
            .init(
                "名册还没有冻结。冻结时按房屋、面积和业主登记生成；有问题会逐条列出，并告诉您去哪里改。",
                "The register is not frozen yet. Freezing builds it from the homes, areas and owners on record; any problem is listed with where to fix it."
            )
        case .freeze: .init("冻结并公示名册", "Freeze and publish the register")
        case .unanswered:
            .init("还有 {0} 条异议没有答复，答复后才能开始投票。", "{0} objections wait for an answer before voting can open.")
        case .open: .init("开始投票", "Open voting")
        case .refreeze: .init("更正后重新冻结名册", "Freeze the register again after a correction")
        case .reason: .init("更正原因", "Why it changed")
        case .reasonHint: .init("会和新版本一起保存，并重新公示。", "Kept with the new version, which is published again.")
        case .refreezeDo: .init("重新冻结并公示", "Freeze and publish again")
        case .frozen: .init("名册已冻结并公示。", "The register is frozen and published.")
        case .objected: .init("异议已提交，工作人员会答复。", "Your objection is sent; staff will answer.")
        case .opened: .init("投票已开始，名册不再改动。", "Voting is open; the register is fixed.")
        case .closedDone: .init("投票已结束并计票。", "Voting is closed and counted.")
        case .published: .init("结果已公告。", "The result is published.")
        case .designatedDone:
            .init("已登记推举的共有人（名册新版本）。", "The designated co-owner is recorded (a new version of the register).")
        case .turnout: .init("参与情况", "Turnout")
        case .enter: .init("录入纸质票和委托票", "Enter paper and proxy ballots")
        case .projector: .init("大屏显示", "Projector view")
        case .close: .init("结束投票并计票", "Close voting and count")
        case .personsIn: .init("已参与 {0} 人，共 {1} 人，须 {2} 人", "{0} of {1} persons; {2} needed")
        case .areaIn: .init("已参与 {0}，共 {1}，须 {2}", "{0} of {1}; {2} needed")
        case .quorumReached: .init("参与人数和面积都已达到三分之二。", "Two thirds of persons and area have taken part.")
        case .quorumStill: .init("还差 {0} 人、{1}。", "Still {0} persons and {1} to go.")
        case .result: .init("表决结果", "Result")
        case .resultPage: .init("结果（可打印）", "The result (printable)")
        case .resultNotice: .init("结果公告", "The result's notice")
        case .ballots: .init("查阅选票", "The ballots")
        case .publish: .init("公告结果", "Publish the result")
        case .met: .init("满足", "met")
        case .notMet: .init("不满足", "not met")
        case .resultIs: .init("结果：{0}", "Result: {0}")
        case .figures: .init("人数和面积", "Persons and area")
        case .total: .init("总数", "Total")
        case .participating: .init("参与表决", "Taking part")
        case .agreeing: .init("同意", "Agree")
        case .against: .init("反对", "Against")
        case .abstaining: .init("弃权", "Abstain")
        case .invalid: .init("无效", "Invalid")
        case .notReturned: .init("未投票", "Did not vote")
        case .conditions: .init("法定条件（代入数字）", "The law's conditions, with the numbers put in")
        case .readings:
            .init(
                "无效票计入参与时结果为“{0}”，不计入时为“{1}”。法律没有规定，须人工复核。",
                "Counting invalid ballots as taking part the result is “{0}”; leaving them out it is “{1}”. The law is silent: this needs review."
            )
        case .withoutInvalid: .init("不计入无效票时", "Leaving invalid ballots out")
        case .withClause: .init("适用“未表决视为同意多数意见”条款时：{0}", "With the silence clause: {0}")
        case .notes: .init("说明", "Notes")
        case .resultTitle: .init("表决结果：{0}", "Result: {0}")
        case .closedAt: .init("计票时间", "Counted at")
        case .verifyHint:
            .init(
                "名册、每张选票和结果都有校验码，任何改动都会被发现；业主可以申请查阅选票。",
                "The register, every ballot and the result carry check codes, so any change is found; owners may ask to see the ballots."
            )
        case .ballotTitle: .init("投票：{0}", "Vote: {0}")
        case .castDone:
            .init(
                "已投票。回执码：{0}。请记下，可以随时查验是否按您的选择计入。",
                "Your vote is in. Receipt: {0}. Keep it to check that it was counted as cast.")
        case .checkReceipt: .init("查验回执", "Check the receipt")
        case .deadline: .init("截止时间：{0}", "Closes: {0}")
        case .ballotClosed: .init("投票已经结束。", "Voting has closed.")
        case .ballotNotYet: .init("投票还没有开始。", "Voting has not begun yet.")
        case .notOwner:
            .init(
                "您的手机号不在这次表决的业主名册上。如果您是业主，请联系业委会或居委会核对。",
                "Your phone number is not on this vote's owners' register. If you are an owner, ask the committee to check."
            )
        case .forHome: .init("房屋：{0}", "Home: {0}")
        case .currentChoice: .init("您现在的选择：{0}（回执码 {1}）", "Your choice now: {0} (receipt {1})")
        case .choose: .init("请按一个：", "Press one:")
        case .correctHint: .init("截止前可以更正，以最后一次为准。", "You can change it until voting closes: the last one counts.")
        case .enterTitle: .init("录入选票：{0}", "Enter ballots: {0}")
        case .entered: .init("已录入。回执码 {0}。可以接着录下一张。", "Entered. Receipt {0}. Go on with the next.")
        case .ownerCode: .init("业主编号", "Owner's code")
        case .ownerCodeHint:
            .init("选票上的业主编号（如 O-BS01-C1-X1-B1-101）。", "The owner's code on the ballot (e.g. O-BS01-C1-X1-B1-101).")
        case .channel: .init("方式", "Channel")
        case .choice: .init("选择", "Choice")
        case .serial: .init("纸质选票编号", "Paper ballot's serial number")
        case .serialHint: .init("纸质票必填。", "Needed for a paper ballot.")
        case .invalidReason: .init("无效原因", "Why it is invalid")
        case .invalidReasonHint: .init("只有无效票才选。", "Only for an invalid ballot.")
        case .scan: .init("选票扫描件（选填）", "The ballot's scan (optional)")
        case .proxy: .init("委托投票", "By proxy")
        case .proxyName: .init("受托人姓名", "The proxy's name")
        case .instruction: .init("委托书写明的意见", "What the authority instructs")
        case .authority: .init("授权委托书（扫描件或照片）", "The written authority (a scan or photo)")
        case .correction: .init("更正", "Correction")
        case .correctionBox: .init("这是对已投选票的更正（以最后一次为准）", "This corrects a ballot already cast (the last counts)")
        case .enterDo: .init("录入", "Enter")
        case .projectorPersons: .init("人参与；须 {0} 人", "persons have taken part; {0} needed")
        case .projectorArea: .init("已参与；共 {0}，须 {1}", "taken part; of {0}, {1} needed")
        case .projectorLive:
            .init("每 10 秒更新。投票结束前不显示各人的选择。", "Updated every 10 seconds. No one's choice is shown before the close.")
        case .receiptTitle: .init("查验投票回执", "Check a ballot receipt")
        case .receiptLead:
            .init(
                "输入投票后得到的回执码，就能看到这张票是否按您的选择计入。不用登录。",
                "Type the receipt code you got when you voted to see that your ballot was counted as cast. No account needed."
            )
        case .receiptUnknown: .init("没有找到这个回执码，请核对后再试。", "No ballot has this receipt code. Check it and try again.")
        case .receiptCode: .init("回执码", "Receipt code")
        case .receiptCodeHint: .init("10 位字母和数字，如 7KQ2M-XD4PA。", "Ten letters and digits, like 7KQ2M-XD4PA.")
        case .receiptCheck: .init("查验", "Check")
        case .receiptCounted: .init("已按投出的选择计入结果。", "Counted, as cast.")
        case .receiptStands:
            .init("这张票有效，投票结束时会按这个选择计入。", "This ballot stands and will be counted as cast when voting closes.")
        case .receiptReplaced:
            .init("这张票已被之后的更正取代，计入的是最后一次。", "A later correction replaced this ballot: the last one counts.")
        case .voteLabel: .init("表决", "Vote")
        case .when: .init("时间", "When")
        case .toVote: .init("查看这次表决", "See the vote")
        case .registerTitle: .init("业主名册：{0}", "Owners' register: {0}")
        case .designated: .init("推举投票的共有人", "Designated co-owner")
        case .developer: .init("开发建设单位（未售、未交付房屋合为一人）", "The developer (unsold and undelivered homes are one person)")
        case .noneDesignated: .init("未推举", "None designated")
        case .designate: .init("登记", "Record")
        case .ballotsTitle: .init("选票：{0}", "Ballots: {0}")
        case .ballotsLead:
            .init(
                "计入结果的每张选票（每户最后一次）。业主可以申请查阅；每次查阅都会记录。",
                "Every ballot that counts (each home's last). Owners may ask to see them; every view is recorded.")
        case .csv: .init("下载表格（CSV）", "Download (CSV)")
        case .nav: .init("业主表决", "Owners' votes")
        case .checkReceipts: .init("查验投票回执", "Check a ballot receipt")
        case .homeVote: .init("{0}（截止 {1}）", "{0} (closes {1})")
        case .noticeRegisterLine:
            .init(
                "现行名册：第 {0} 版，{1} 人，总面积 {2}。校验码 {3}",
                "The register now: version {0}, {1} persons, {2} in all. Check code {3}")
        case .noticeSignIn:
            .init(
                "业主请登录后在表决页面查看自己的登记，有错可以提出异议。",
                "Owners: sign in and open the vote to see your own entry, and object to a mistake.")
        }
    }
}
