/// The texts keyed `fundPage.…` (`Texts`): the words of the money pages.
public enum FundPageText: String, Texts {
    public static let prefix = "fundPage"

    case openAllocations, openPledges, closeRound, closeRoundHint, roundClosed, ruleTitle, ruleTarget, ruleNumerator,
        ruleDenominator, rulePerHousehold, ruleTotal, ruleThreshold, ruleTrigger, triggerReceipt, triggerRoundClose,
        ruleUntil, ruleCreate, ruleCreated, triggerProjectApproval, ruleWeight, ruleCoMatcher, ruleCoWeight,
        ruleCoHint, sharedBy, shareOf, remainderRule, stopRule, setUpBy, triggerHint
    case todoStatement
    case paidTo, matchedBy, rulesHint, homeHint, correctTitle, correctHint, correctWhich
    case counterparty, moneyLink, aHousehold, allocateButton, allocateHint, allocateTitle, allocated, allocatedNotice,
        allocation
    case allocations, amount, approval, approvals, approve, askForInfo, authorised, available, balance
    case budgetSaved, budgetTitle, bySource, byUse, cashLegend, checkCode, closed, closing, collectedBy, comment
    case commentHint, conditionLine, contract, countedBy, countedByLine, create, csv, custodian, custodianHint
    case day, deadline, decide, decideButton, decided, decision, detail, difference, effective, effectiveHint
    case entries, expenseSubmitted, expenseTitle, expenses, explanation, explanationField, fAfter, fBefore
    case fContract, fCostReview, fInvoice, fReceipt, fileKind, files, filesHint, filesPrivate, from, household
    case householdHint, inKind, inKindGiven, inKindHint, inKindLine, income, intro, invoiceNo, item, itemText
    case itemYuan, items, kind, kindHint, ledger, legalOwner, legalOwnerHint, line
    case lineTitle, lines, meeting, meetingHint, memo, money, moneyIntro, moneyTitle, more, name, newPot
    case newPotAt, noEntries, noExpenses, noLines, noPots, noSources, noStatements, noSurvey, noticeLink, opening
    case outcome, paid, paidNotice, paidOn, party, payButton, payTitle, payee, period, periodFrom, periodTo
    case place, planned, pledgeButton, pledgeFulfilled, pledgeOpen, pledgeReleased, pledgeTitle, pledged
    case pledgedNotice, pledges, poster, pot, potCreated, project, projectGone, publicShows, publish, purposes
    case raised, receiptNo, receiptNoField, receive, receiveButton, received, receivedForProject, receivedNotice
    case reference, referenceHint, reject, remaining, reported, reportedHint, reserved, resolution
    case resolutionHint, reverse, reverseReason, reversedNotice, reversedTag, ruleLine, rules, satisfactionLine
    case save, schedule, scheduleHint, secondStep, secondStepHint, showInvoices, showNames, source, sources
    case spending, spent, statementHint, statementLink, statementTitle, statements, status, stepDone, stepLater
    case stepWaiting, submitAgain, submitExpense, threshold, thresholdHint, title, use, vote, voteHint, what
    case yuan, yuanColumn, yuanHint, hashLine

    public var bilingual: Bilingual {
        switch self {
        case .counterparty: .init("对方", "With")
        case .openAllocations: .init("已拨付未支付（公示时）", "Allocated, unpaid (when made)")
        case .openPledges: .init("认捐未到账（公示时）", "Pledged, not received (when made)")
        case .closeRound: .init("结束本轮", "Close the round")
        case .closeRoundHint:
            .init(
                "按“本轮结束时配比”的规则，结束时为本轮尚未配比的每笔居民出资配比，之后不再配比。",
                "A rule that matches at the round's close matches every gift of the round not yet matched, then matches no more."
            )
        case .roundClosed: .init("本轮已结束，配比已入账。", "The round is closed; its matches are entered.")
        case .ruleTitle: .init("新的配比规则", "A new matching rule")
        case .ruleTarget: .init("为哪个资金池的出资配比", "Matches gifts into")
        case .ruleNumerator: .init("配比方配（元）", "The matcher adds (yuan)")
        case .ruleDenominator: .init("居民每出（元）", "For each (yuan) given")
        case .rulePerHousehold: .init("每户最多配（元）", "At most per household (yuan)")
        case .ruleTotal: .init("总共最多配（元）", "At most in all (yuan)")
        case .ruleThreshold: .init("门槛：筹满多少元才开始配（元）", "Threshold: raised before any match (yuan)")
        case .ruleTrigger: .init("何时配比", "When it matches")
        case .triggerReceipt: .init("每笔到账时", "As each gift arrives")
        case .triggerRoundClose: .init("本轮结束时", "When the round closes")
        case .triggerProjectApproval:
            .init("项目批准时（之后每笔到账时）", "When the project is approved (then as each gift arrives)")
        case .ruleWeight: .init("本资金池出的份额", "This pot's share")
        case .ruleCoMatcher: .init("共同配比方（可不填）", "Pays together with (optional)")
        case .ruleCoWeight: .init("共同配比方出的份额", "Its share")
        case .ruleCoHint:
            .init(
                "两个资金池一起配比时，每笔配比按份额分摊，例如 3 比 2。",
                "When two pots match together, each match is split by their shares, for example 3 to 2.")
        case .sharedBy: .init("按份额分摊：{0}", "Split by shares: {0}")
        case .shareOf: .init("{0} {1} 份", "{0} {1} shares")
        case .remainderRule:
            .init(
                "（先按份额算到分、舍去零头，剩下的几分钱按零头从大到小逐分补给，零头相同先给排在前面的）",
                " (each share is worked out to the fen and rounded down; the fen left over go one each to the largest fractions, the earlier pot first on a tie)"
            )
        case .ruleUntil: .init("有效至", "Valid until")
        case .ruleCreate: .init("建立规则", "Create the rule")
        case .ruleCreated:
            .init(
                "配比规则已建立；这个资金池给同一对象的上一版规则随之停止。",
                "The matching rule is created; this pot's earlier rule for the same pot has stopped.")
        case .stopRule: .init("停止这条规则", "Stop this rule")
        case .setUpBy: .init("（由 {0} 设立）", " (set up by {0})")
        case .triggerHint:
            .init(
                "“项目批准时”只用于某个项目专用的资金池（例如居民自筹），项目第一笔拨付时配比。",
                "\"When the project is approved\" is only for a pot of one project (such as residents' contributions); it matches at the project's first allocation."
            )
        case .todoStatement: .init("{0}：{1} 至 {2} 的资金公示该发布了", "{0}: the statement for {1} to {2} is due")
        case .paidTo: .init("付给 {0}", "Paid to {0}")
        case .matchedBy: .init("配比：{0}", "Matched by {0}")
        case .rulesHint:
            .init(
                "配比：居民每出一笔钱，配比方按比例另出一笔，直到上限。",
                "Matching: for each amount residents give, the matcher adds its share, up to the caps.")
        case .homeHint:
            .init("选择这笔钱属于哪一户（不选则按面积分到各户）。", "Choose the home it belongs to (none: shared among the homes by area).")
        case .correctTitle: .init("更正一笔记录", "Correct an entry")
        case .correctHint:
            .init(
                "原记录不会删除：系统另记一笔金额相反的更正记录，日期为今天，并写明原因。",
                "The entry is never deleted: a correction with the opposite amount is added today, with the reason.")
        case .correctWhich: .init("要更正的记录", "The entry to correct")
        case .moneyLink: .init("项目资金：钱从哪里来、用到哪里去", "The project's money: where it came from and went")
        case .aHousehold: .init("一户居民", "A household")
        case .allocateButton: .init("拨付", "Allocate")
        case .allocateHint:
            .init(
                "每笔拨付都要依据一项决定：自治金需街道审批（附听证会或议事会纪要），维修资金需业主大会表决通过或按紧急程序，基金会需资助决定。拨付后这笔钱即被预留。",
                "Each allocation rests on a decision: the subdistrict's approval for the self-governance fund (with the hearing's or council's minutes), a passed owners' vote or the emergency route for the maintenance fund, the foundation's grant decision. Once allocated, the money is reserved."
            )
        case .allocateTitle: .init("从资金池拨付", "Allocate from a pot")
        case .allocated: .init("已拨付", "Allocated")
        case .allocatedNotice: .init("已拨付，这笔钱已为项目预留。", "Allocated: the money is reserved for the project.")
        case .allocation: .init("拨付", "Allocation")
        case .allocations: .init("拨付给项目", "Allocations to projects")
        case .amount: .init("金额", "Amount")
        case .approval: .init("第 {0} 步审批", "Approval step {0}")
        case .approvals: .init("审批进度", "Approvals")
        case .approve: .init("同意", "Approve")
        case .askForInfo: .init("要求补充材料", "Ask for more")
        case .authorised: .init("居民会议同意筹集的上限", "Most the residents' meeting agreed to raise")
        case .available: .init("还可拨付", "Still available")
        case .balance: .init("余额", "Balance")
        case .budgetSaved: .init("预算科目已保存。", "The budget line is saved.")
        case .budgetTitle: .init("预算科目", "Budget lines")
        case .bySource: .init("收入来源", "Where the money came from")
        case .byUse: .init("支出去向", "What it paid for")
        case .cashLegend: .init("代收现金（楼组长等代收时填写）", "Cash collected by someone else (a building-group leader…)")
        case .checkCode: .init("核验码", "Check code")
        case .closed: .init("已关闭", "Closed")
        case .closing: .init("期末余额", "Closing balance")
        case .collectedBy: .init("代收人", "Collected by")
        case .comment: .init("说明", "Comment")
        case .commentHint:
            .init("退回或要求补充时必填，提交人会看到。", "Needed when rejecting or asking for more; the submitter sees it.")
        case .conditionLine: .init("条件：{1} 前筹满 {0}", "Condition: {0} raised by {1}")
        case .contract: .init("合同", "Contract")
        case .countedBy: .init("一起清点的人", "Who counted it with you")
        case .countedByLine: .init("清点：{0}", "Counted by {0}")
        case .create: .init("建立", "Create")
        case .csv: .init("下载表格（CSV）", "Download (CSV)")
        case .custodian: .init("保管方", "Held by")
        case .custodianHint:
            .init("谁保管这笔钱的实际账户（平台只记账，不经手资金）。", "Who holds the real account (Yishi records money; it never holds it).")
        case .day: .init("日期", "Date")
        case .deadline: .init("截止日期", "Deadline")
        case .decide: .init("审批", "Decide")
        case .decideButton: .init("提交审批意见", "Send the decision")
        case .decided: .init("审批意见已记录。", "The decision is recorded.")
        case .decision: .init("依据的决定", "Decision")
        case .detail: .init("内容", "Detail")
        case .difference: .init("差额", "Difference")
        case .effective: .init("到账日期", "Bank date")
        case .effectiveHint: .init("不填即为今天。", "Today if left empty.")
        case .entries: .init("笔数", "Entries")
        case .expenseSubmitted: .init("支出已提交，等待审批。", "The expense is submitted for approval.")
        case .expenseTitle: .init("登记支出", "Record an expense")
        case .expenses: .init("支出", "Expenses")
        case .explanation: .init("差额说明：{0}", "The difference explained: {0}")
        case .explanationField: .init("差额说明", "Why they differ")
        case .fAfter: .init("完工后照片", "Photo after")
        case .fBefore: .init("施工前照片", "Photo before")
        case .fContract: .init("合同", "Contract")
        case .fCostReview: .init("审价报告", "Cost review")
        case .fInvoice: .init("发票", "Invoice")
        case .fReceipt: .init("收据", "Receipt")
        case .fileKind: .init("文件类型", "Kind of file")
        case .files: .init("附件", "Files")
        case .filesHint: .init("照片或PDF，每个不超过5MB。", "Photos or PDFs, up to 5 MB each.")
        case .filesPrivate:
            .init("有 {0} 个附件（发票等），按资金池的设置不对外公开。", "{0} files (invoices…), not public under the pot's setting.")
        case .from: .init("出资方", "From")
        case .household: .init("出资住户", "Household")
        case .householdHint:
            .init(
                "居民出资时选择住户：同一户只算一次，配比按户封顶。",
                "For a resident's gift choose the household: matching is capped per household.")
        case .inKind: .init("实物内容（如有）", "In kind (if any)")
        case .inKindGiven: .init("{0}：{1}（折价 {2}）", "{0}: {1} (valued at {2})")
        case .inKindHint:
            .init("材料、人工、场地等，按折价记录，不计入现金。", "Materials, labour, space: recorded at their value, apart from cash.")
        case .inKindLine: .init("实物：{0}", "In kind: {0}")
        case .income: .init("本期收入", "Received")
        case .intro:
            .init(
                "{0}的各类资金：钱从哪里来、用到哪里去，每一笔都公开。平台只记账，不经手资金。",
                "The money of {0}: where each yuan came from and where it went, all in the open. Yishi records money; it never holds it."
            )
        case .invoiceNo: .init("发票号", "Invoice number")
        case .item: .init("项目", "Item")
        case .itemText: .init("第 {0} 项内容", "Item {0}")
        case .itemYuan: .init("第 {0} 项金额（元）", "Item {0} amount (yuan)")
        case .items: .init("明细", "Items")
        case .kind: .init("类型", "Kind")
        case .kindHint:
            .init(
                "自治金、维修资金（按幢）、基金会、共建单位、居民自筹、财政资金、权属方出资或配比资金。",
                "Self-governance, maintenance fund (per building), foundation, partner, residents' contributions, public funds, title holder or matching."
            )
        case .ledger: .init("流水", "Entries")
        case .legalOwner: .init("所有权人", "Owned by")
        case .legalOwnerHint:
            .init("这笔钱在法律上归谁（维修资金归业主共有）。", "Who owns the money in law (the maintenance fund: the owners jointly).")
        case .line: .init("预算科目", "Budget line")
        case .lineTitle: .init("科目名称", "Line name")
        case .lines: .init("预算", "Budget")
        case .meeting: .init("依据的会议", "Meeting")
        case .meetingHint:
            .init(
                "自治金：选择已记录纪要的听证会或议事会。",
                "Self-governance fund: choose the hearing or council whose minutes are recorded.")
        case .memo: .init("摘要", "Memo")
        case .money: .init("项目资金", "Money")
        case .moneyIntro:
            .init(
                "这个项目的钱从哪里来、花在哪里，与居民的满意度放在一起看。",
                "Where this project's money came from and went, beside what residents think of it.")
        case .moneyTitle: .init("{0}：项目资金", "{0}: the money")
        case .more: .init("说明", "Notes")
        case .name: .init("名称", "Name")
        case .newPot: .init("新建资金池", "New pot")
        case .newPotAt: .init("建在：{0}", "At: {0}")
        case .noEntries: .init("还没有流水。收到钱后在下面登记。", "No entries yet. Record money received below.")
        case .noExpenses: .init("还没有支出。", "No expenses yet.")
        case .noLines: .init("还没有预算科目。", "No budget lines yet.")
        case .noPots: .init("这里还没有资金池。有权限的工作人员可以新建。", "No pots here yet. Staff with the right can create one.")
        case .noSources: .init("还没有资金拨付给这个项目。", "No money has been allocated to this project yet.")
        case .noStatements: .init("还没有发布公示。", "No statements published yet.")
        case .noSurvey: .init("还没有满意度调查", "No satisfaction survey yet")
        case .noticeLink: .init("公示页（可提出异议）", "The notice (objections)")
        case .opening: .init("期初余额", "Opening balance")
        case .outcome: .init("居民满意度", "Residents' satisfaction")
        case .paid: .init("已支付", "Paid")
        case .paidNotice: .init("已记录支付。", "The payment is recorded.")
        case .paidOn: .init("支付日期", "Paid on")
        case .party: .init("出资方类型", "Who gives")
        case .payButton: .init("记录支付", "Record the payment")
        case .payTitle: .init("支付", "Payment")
        case .payee: .init("收款方", "Payee")
        case .period: .init("期间", "Period")
        case .periodFrom: .init("起始日期", "From")
        case .periodTo: .init("截止日期", "To")
        case .place: .init("所在", "Place")
        case .planned: .init("预算", "Planned")
        case .pledgeButton: .init("登记认捐", "Record the pledge")
        case .pledgeFulfilled: .init("已到账", "Received")
        case .pledgeOpen: .init("待到账", "Open")
        case .pledgeReleased: .init("条件未达成，已解除", "Released (condition missed)")
        case .pledgeTitle: .init("登记认捐", "Record a pledge")
        case .pledged: .init("认捐（尚未到账）", "Pledged (not yet received)")
        case .pledgedNotice: .init("认捐已登记。", "The pledge is recorded.")
        case .pledges: .init("认捐", "Pledges")
        case .poster: .init("打印张贴版（A4）", "Poster to print (A4)")
        case .pot: .init("资金池", "Pot")
        case .potCreated: .init("资金池已建立。", "The pot is created.")
        case .project: .init("项目", "Project")
        case .projectGone: .init("（项目已删除）", "(project removed)")
        case .publicShows: .init("对外公开", "Shown to the public")
        case .publish: .init("生成并公示", "Make and publish")
        case .purposes: .init("用途", "Purpose")
        case .raised: .init("已筹集", "Raised")
        case .receiptNo: .init("收据 {0}", "Receipt {0}")
        case .receiptNoField: .init("收据编号", "Receipt number")
        case .receive: .init("登记收入", "Record money received")
        case .receiveButton: .init("登记", "Record")
        case .received: .init("已到账", "Received")
        case .receivedForProject: .init("为本项目筹集（已到账）", "Raised for this project (received)")
        case .receivedNotice: .init("已登记。", "Recorded.")
        case .reference: .init("决定文号、日期或理由", "Decision's number, date or reason")
        case .referenceHint:
            .init(
                "基金会资助决定、协议或批复的文号；紧急使用时写明理由。",
                "The grant decision's or agreement's number; for an emergency, the reason.")
        case .reject: .init("退回", "Reject")
        case .remaining: .init("，剩余可配 {0}", "; {0} left to match")
        case .reported: .init("保管方实际余额", "Custodian's balance")
        case .reportedHint:
            .init("银行对账单上的期末余额；与账面不一致时须说明。", "The closing balance on the bank statement; explain any difference.")
        case .reserved: .init("已拨给项目、尚未支付", "Allocated to projects, not yet paid")
        case .resolution: .init("居民会议决议", "Residents' meeting resolution")
        case .resolutionHint:
            .init(
                "居民自筹必选：已通过的居民会议或居民代表会议决议。",
                "Needed for residents' contributions: a passed resolution of a residents' meeting.")
        case .reverse: .init("更正这一笔", "Correct it")
        case .reverseReason: .init("更正原因", "Why")
        case .reversedNotice:
            .init("已冲正，原记录保留，更正记录在流水中。", "Reversed: the entry stays, and the correction is in the entries.")
        case .reversedTag: .init("已冲正", "Reversed")
        case .ruleLine:
            .init("第 {0} 版：按 {1} 配比 {2} 的居民出资，已配 {3}", "Version {0}: matches {2}'s contributions {1}, {3} so far")
        case .rules: .init("配比规则", "Matching rules")
        case .satisfactionLine: .init("平均 {0} 分（{1} 人评价）", "{0} on average ({1} answers)")
        case .save: .init("保存", "Save")
        case .schedule: .init("公示周期", "How often it is published")
        case .scheduleHint: .init("维修资金至少每半年公示一次。", "The maintenance fund is published at least every six months.")
        case .secondStep: .init("金额达到多少元需要第二人审批", "Needs a second approval from (yuan)")
        case .secondStepHint: .init("不填则只需一人审批。", "Leave empty for one approval only.")
        case .showInvoices: .init("发票等附件", "Invoices and files")
        case .showNames: .init("出资居民的姓名", "Residents' names")
        case .source: .init("来源", "Source")
        case .sources: .init("资金来源", "Sources")
        case .spending: .init("本期支出", "Spent")
        case .spent: .init("已支付", "Paid out")
        case .statementHint:
            .init(
                "从流水生成，生成后冻结并发布公示；更正只出现在下一期。",
                "Made from the entries, then frozen and published; a correction shows in the next one.")
        case .statementLink: .init("查看公示明细", "See the statement in full")
        case .statementTitle: .init("生成公示", "Publish a statement")
        case .statements: .init("公示", "Statements")
        case .status: .init("状态", "Status")
        case .stepDone: .init("已同意（{0}）", "approved ({0})")
        case .stepLater: .init("待前一步完成", "after the step before")
        case .stepWaiting: .init("等待 {0} 人同意", "waiting for {0} approval(s)")
        case .submitAgain: .init("重新提交", "Submit again")
        case .submitExpense: .init("提交审批", "Submit for approval")
        case .threshold: .init("条件：门槛金额（元）", "Condition: threshold (yuan)")
        case .thresholdHint:
            .init("到截止日期筹不满门槛，认捐自动解除。", "If the pot has not raised this by the deadline, the pledge is released.")
        case .title: .init("阳光居务 · 资金", "Money in the open")
        case .use: .init("去向", "Use")
        case .vote: .init("业主大会表决", "Owners' vote")
        case .voteHint: .init("维修资金：选择已通过的“使用维修资金”表决。", "Maintenance fund: choose the passed vote on using it.")
        case .what: .init("事项", "What")
        case .yuan: .init("金额（元）", "Amount (yuan)")
        case .yuanColumn: .init("金额（元）", "Yuan")
        case .yuanHint: .init("如 1200.50", "e.g. 1200.50")
        case .hashLine: .init("核验码（用来核对这份公示没有被改动）：{0}", "Check code (to confirm this statement was not changed): {0}")
        }
    }
}
