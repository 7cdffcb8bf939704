/// The texts keyed `fund.…` (`Texts`): money in the open — refusals, fields and names.
public enum FundText: String, Texts {
    public static let prefix = "fund"

    // Refusals and field problems.
    case kindInvalid, nameNeeded, custodianNeeded, legalOwnerNeeded, scheduleInvalid, fiscalInvalid, policyInvalid
    case maintenanceBuilding, potLevel, maintenanceSchedule, amountInvalid, resolutionNeeded, maintenanceExists
    case nameTaken, potClosed, closeNotEmpty, keyReused, keyInvalid, effectiveInvalid, partyInvalid, fromNeeded
    case receiptNoNeeded, countedByNeeded, householdOutside, pledgeInvalid, beyondDecision, pledgeExceeded
    case reasonNeeded, matchSelf, ratioInvalid, ruleChanged, lineNeeded, lineTaken, projectOutside, lineUnknown
    case decisionInvalid, allocationBusy, allocationClosed, titleNeeded, payeeNeeded, itemInvalid, fileKindInvalid
    case fileRefused, expenseState, commentNeeded, periodInvalid, periodNotEnded, differenceUnexplained
    case statementExists, deadlineInvalid, inKindNeeded, entryChoose, triggerInvalid, triggerNeedsProject, shareInvalid
    case notAMatcher
    case entryTooFew, entryZero, entryUnbalanced, entryTooLarge, entryRepeated, entryBadAccount
    case reversalOfReversal, alreadyReversed
    case decNotForPot, decMeetingMissing, decMeetingNotHeld, decResolutionNotPassed, decVoteMissing
    case decVoteWrongMatter, decVoteNotPassed, decVoteOtherBuilding, decReferenceMissing, decVoteOtherProject
    case voteUsed, resolutionUsed, datedInPublished
    case overAllocation, overBalance, overPlan, planBelowAllocated, ownExpense, alreadyApproved, approvalComplete
    // The notice of a statement.
    case statementTitle, statementBody
    // Names.
    case kSelfGovernance, kMaintenance, kFoundation, kPartner, kResidentContribution, kPublicFunds, kTitleHolder
    case kMatching
    case pHousehold, pPartner, pFoundation, pTitleHolder, pGovernment, pOther
    case dSubdistrictApproval, dOwnersVote, dEmergency73, dFoundationGrant, dResidentsMeeting, dAgreement
    case xDraft, xSubmitted, xNeedsInfo, xApproved, xPaid, xRejected
    case eReceipt, eMatch, ePayment, eTransfer, eReversal, eOpening
    case sHalfYearly, sQuarterly, sYearly

    public static func entry(_ p: JournalEntry.Problem) -> FundText {
        switch p {
        case .tooFew: FundText.entryTooFew
        case .zeroPosting: FundText.entryZero
        case .unbalanced: FundText.entryUnbalanced
        case .tooLarge: FundText.entryTooLarge
        case .repeatedAccount: FundText.entryRepeated
        case .badAccount: FundText.entryBadAccount
        }
    }

    public static func reversal(_ r: JournalEntry.ReversalRefusal) -> FundText {
        switch r {
        case .reversalOfReversal: FundText.reversalOfReversal
        case .alreadyReversed: FundText.alreadyReversed
        }
    }

    public static func decision(_ r: FundDecision.Refusal) -> FundText {
        switch r {
        case .notForPot: FundText.decNotForPot
        case .meetingMissing: FundText.decMeetingMissing
        case .meetingNotHeld: FundText.decMeetingNotHeld
        case .resolutionNotPassed: FundText.decResolutionNotPassed
        case .voteMissing: FundText.decVoteMissing
        case .voteWrongMatter: FundText.decVoteWrongMatter
        case .voteNotPassed: FundText.decVoteNotPassed
        case .voteOtherBuilding: FundText.decVoteOtherBuilding
        case .voteOtherProject: FundText.decVoteOtherProject
        case .referenceMissing: FundText.decReferenceMissing
        }
    }

    public static func spending(_ r: Spending.Refusal) -> FundText {
        switch r {
        case .overAllocation: FundText.overAllocation
        case .overBalance: FundText.overBalance
        case .amount: FundText.amountInvalid
        case .overPlan: FundText.overPlan
        }
    }

    public static func approval(_ r: ExpenseApproval.Refusal) -> FundText {
        switch r {
        case .ownExpense: FundText.ownExpense
        case .alreadyApproved: FundText.alreadyApproved
        case .complete: FundText.approvalComplete
        }
    }

    public static func kind(_ k: PotKind) -> FundText {
        switch k {
        case .selfGovernance: FundText.kSelfGovernance
        case .maintenance: FundText.kMaintenance
        case .foundation: FundText.kFoundation
        case .partner: FundText.kPartner
        case .residentContribution: FundText.kResidentContribution
        case .publicFunds: FundText.kPublicFunds
        case .titleHolder: FundText.kTitleHolder
        case .matching: FundText.kMatching
        }
    }

    public static func party(_ p: FundParty) -> FundText {
        switch p {
        case .household: FundText.pHousehold
        case .partner: FundText.pPartner
        case .foundation: FundText.pFoundation
        case .titleHolder: FundText.pTitleHolder
        case .government: FundText.pGovernment
        case .other: FundText.pOther
        }
    }

    public static func decisionName(_ d: FundDecision) -> FundText {
        switch d {
        case .subdistrictApproval: FundText.dSubdistrictApproval
        case .ownersVote: FundText.dOwnersVote
        case .emergency73: FundText.dEmergency73
        case .foundationGrant: FundText.dFoundationGrant
        case .residentsMeeting: FundText.dResidentsMeeting
        case .agreement: FundText.dAgreement
        }
    }

    public static func status(_ s: ExpenseFlow.Status) -> FundText {
        switch s {
        case .draft: FundText.xDraft
        case .submitted: FundText.xSubmitted
        case .needsInfo: FundText.xNeedsInfo
        case .approved: FundText.xApproved
        case .paid: FundText.xPaid
        case .rejected: FundText.xRejected
        }
    }

    public static func schedule(_ s: FundStatement.Schedule) -> FundText {
        switch s {
        case .halfYearly: FundText.sHalfYearly
        case .quarterly: FundText.sQuarterly
        case .yearly: FundText.sYearly
        }
    }

    public var bilingual: Bilingual {
        switch self {
        case .kindInvalid: .init("请选择资金池的类型。", "Please choose the kind of pot.")
        case .nameNeeded: .init("请填写资金池的名称（不超过60字）。", "Please name the pot (up to 60 characters).")
        case .custodianNeeded:
            .init(
                "请写明谁保管这笔钱的实际账户（如居委会、街道、维修资金专户、基金会）。",
                "Please say who holds the real account (the committee, the subdistrict, the maintenance-fund account, a foundation)."
            )
        case .legalOwnerNeeded:
            .init(
                "请写明这笔钱在法律上归谁所有（维修资金归业主共有）。",
                "Please say who owns the money in law (the maintenance fund belongs to the owners jointly).")
        case .scheduleInvalid:
            .init("请选择公示周期：每半年、每季度或每年。", "Please choose how often it is published: half-yearly, quarterly or yearly.")
        case .fiscalInvalid: .init("财年起始月份应为1到12。", "The fiscal year starts in a month from 1 to 12.")
        case .policyInvalid:
            .init(
                "审批规则不对：至少一步，每步1到9人，第一步从0元起。",
                "The approval rules are not valid: at least one step, 1 to 9 people a step, the first from ¥0.")
        case .maintenanceBuilding:
            .init("维修资金按幢设立，请在一幢楼下建立。", "A maintenance fund is kept per building: create it at a building.")
        case .potLevel: .init("这类资金池不能建在楼栋下。", "This kind of pot cannot be kept at a building.")
        case .maintenanceSchedule:
            .init(
                "维修资金至少每半年公布一次，请选择每半年或每季度。",
                "The maintenance fund is published at least every six months: choose half-yearly or quarterly.")
        case .amountInvalid:
            .init(
                "金额不对：请填大于0的金额，最多两位小数，如 1200.50。",
                "The amount is not valid: enter more than 0 with at most two decimals, e.g. 1200.50.")
        case .resolutionNeeded:
            .init(
                "居民自筹需依据居民会议通过的决定：请选择一项已通过的决议。",
                "Residents' contributions need a residents' meeting's decision: choose a resolution that passed.")
        case .maintenanceExists: .init("这幢楼已有维修资金账户。", "This building already has a maintenance fund.")
        case .nameTaken: .init("这里已有同名的资金池。", "A pot of that name already exists here.")
        case .potClosed: .init("这个资金池已关闭，不能再记账。", "This pot is closed: nothing more can be entered.")
        case .closeNotEmpty:
            .init("资金池还有余额或未结拨付，不能关闭。", "The pot still holds money or open allocations: it cannot be closed.")
        case .keyReused:
            .init(
                "这个请求编号已用于另一笔不同的记账，未作改动。",
                "This request key was already used for a different entry; nothing was changed.")
        case .keyInvalid:
            .init("请求编号不对（最多100个英文字符，不含空格）。", "The request key is not valid (up to 100 ASCII characters, no spaces).")
        case .effectiveInvalid:
            .init(
                "日期不对：请填到账日期（不晚于今天），如 2026-11-18。",
                "The date is not valid: enter the bank's date (not after today), e.g. 2026-11-18.")
        case .partyInvalid: .init("请选择出资方类型。", "Please choose who gives.")
        case .fromNeeded: .init("请填写出资方名称，或选择出资的住户。", "Please enter who gave, or choose the household.")
        case .receiptNoNeeded:
            .init("代收现金请填写收据编号。", "Cash collected by someone else needs the receipt number.")
        case .countedByNeeded:
            .init("代收现金请填写第二位清点人。", "Cash collected by someone else needs the second person who counted it.")
        case .householdOutside: .init("这户不在这个资金池的范围内。", "This household is outside the pot's area.")
        case .pledgeInvalid: .init("认捐不属于这个资金池，或是实物认捐。", "The pledge is not this pot's, or it is in kind.")
        case .beyondDecision:
            .init(
                "超出了居民会议决定的筹集金额，未记账。",
                "This goes beyond what the residents' meeting decided to raise; nothing was entered.")
        case .pledgeExceeded: .init("超出了认捐金额，或认捐已结束。", "This is more than the pledge, or the pledge has ended.")
        case .reasonNeeded:
            .init("请写明更正的原因（不超过200字）。", "Please give the reason for the correction (up to 200 characters).")
        case .matchSelf: .init("配比资金池不能配比自己。", "A matcher pot cannot match itself.")
        case .ratioInvalid:
            .init(
                "配比比例或上限不对：比例为正数（最高100:1），上限和门槛不能为负。",
                "The ratio or a cap is not valid: a positive ratio (at most 100:1), no negative cap or threshold.")
        case .ruleChanged:
            .init(
                "配比规则刚被别人修改，请刷新后再试。", "The matching rule was just changed by someone else; please reload and try again."
            )
        case .lineNeeded:
            .init(
                "请填写预算科目和名称（如 设计、材料、人工、审价）。",
                "Please enter the budget line and its name (design, materials, labour, cost review…).")
        case .lineTaken: .init("这个预算科目刚被别人添加。", "This budget line was just added by someone else.")
        case .projectOutside: .init("项目不在这个资金池可以支付的范围内。", "The project is outside what this pot may pay for.")
        case .lineUnknown: .init("请先为项目设置这个预算科目。", "Please set up this budget line for the project first.")
        case .decisionInvalid: .init("请选择依据的决定。", "Please choose the decision it rests on.")
        case .allocationBusy:
            .init("这笔拨付还有已审批未支付的支出，不能关闭。", "This allocation has approved expenses not yet paid; it cannot be closed.")
        case .allocationClosed: .init("这笔拨付已关闭。", "This allocation is closed.")
        case .titleNeeded: .init("请填写支出事项（不超过100字）。", "Please say what the expense is for (up to 100 characters).")
        case .payeeNeeded: .init("请填写收款方。", "Please enter the payee.")
        case .itemInvalid: .init("每一项都要写明内容和金额。", "Each item needs what it is and its amount.")
        case .fileKindInvalid:
            .init(
                "请为每个文件选择类型（发票、收据、合同、审价报告、施工前后照片）。",
                "Please choose each file's kind (invoice, receipt, contract, cost review, photo before or after).")
        case .fileRefused:
            .init("文件只能是照片或PDF，每个不超过5MB，最多10个。", "Files must be photos or PDFs, up to 5 MB each and 10 in all.")
        case .expenseState:
            .init(
                "这笔支出现在不能这样处理（可能刚被别人处理过）。",
                "This expense cannot be handled this way now (someone may just have handled it).")
        case .commentNeeded:
            .init(
                "退回或要求补充材料时请写明原因（不超过500字）。",
                "Please give a reason when rejecting or asking for more (up to 500 characters).")
        case .periodInvalid:
            .init("请填写公示的起止日期，如 2026-01-01 至 2026-06-30。", "Please enter the period, e.g. 2026-01-01 to 2026-06-30.")
        case .periodNotEnded: .init("这个期间还没结束，结束后再公示。", "This period has not ended yet; publish it after it ends.")
        case .differenceUnexplained:
            .init("账面余额与保管方的实际余额不一致，请说明原因。", "The ledger's balance differs from the custodian's: please explain why.")
        case .statementExists:
            .init(
                "这个期间的公示已经发布，不能改写；更正会出现在下一期。",
                "This period's statement is already published and is never rewritten; a correction shows in the next.")
        case .deadlineInvalid: .init("条件认捐需要门槛金额和截止日期。", "A conditional pledge needs a threshold and a deadline.")
        case .inKindNeeded:
            .init("实物认捐请写明是什么（材料、人工、场地）。", "An in-kind pledge needs what it is (materials, labour, space).")
        case .triggerInvalid:
            .init(
                "请选择何时配比：每笔到账时、项目批准时，或本轮结束时。",
                "Please choose when it matches: as each gift arrives, when the project is approved, or when the round closes."
            )
        case .triggerNeedsProject:
            .init(
                "“项目批准时配比”只适用于某个项目专用的资金池。",
                "Matching at a project's approval is only for a pot that belongs to one project.")
        case .notAMatcher:
            .init(
                "只有配比资金池可以出配比资金；维修资金、自治金等要按各自的决定使用。",
                "Only a matching pot pays matches; the maintenance fund, the self-governance fund and the others are spent on their own decisions."
            )
        case .shareInvalid:
            .init(
                "共同配比方有误：每个资金池只列一次，不能是被配比的资金池，最多 5 个；份额是 1 到 1000 的整数。",
                "The co-matchers are not right: each pot once, never the pot being matched, at most 5; a share is a whole number from 1 to 1,000."
            )
        case .entryChoose: .init("请选择要更正的那一笔记录。", "Please choose the entry to correct.")
        case .entryTooFew: .init("一笔记账至少要有两方。", "An entry needs at least two sides.")
        case .entryZero: .init("记账金额不能为0。", "An amount cannot be zero.")
        case .entryUnbalanced:
            .init(
                "借贷不平：各方金额之和必须为0，未记账。",
                "The entry does not balance (its amounts must sum to zero); nothing was entered.")
        case .entryTooLarge: .init("金额超出了可记录的范围。", "The amount is beyond what the ledger keeps.")
        case .entryRepeated: .init("同一账户在一笔记账中出现了两次。", "The same account appears twice in one entry.")
        case .entryBadAccount: .init("账户名称不对。", "An account name is not valid.")
        case .reversalOfReversal:
            .init("更正记录不能再被冲正，请另记一笔。", "A correction is never reversed itself; enter a new entry instead.")
        case .alreadyReversed: .init("这笔记账已经冲正过了。", "This entry has already been reversed.")
        case .decNotForPot:
            .init(
                "这类资金不能依据这种决定拨付（维修资金须经业主大会表决或按紧急程序）。",
                "This pot cannot pay on this kind of decision (the maintenance fund needs an owners' vote or the emergency route)."
            )
        case .decMeetingMissing: .init("请选择这个项目的听证会或议事会。", "Please choose the project's hearing or council meeting.")
        case .decMeetingNotHeld: .init("这次会议还没有记录会议纪要。", "That meeting's minutes are not recorded yet.")
        case .decResolutionNotPassed: .init("居民会议的决议没有通过。", "The residents' meeting's resolution did not pass.")
        case .decVoteMissing: .init("请选择业主大会的表决。", "Please choose the owners' vote.")
        case .decVoteWrongMatter: .init("这次表决不是“使用维修资金”事项。", "That vote is not on using the maintenance fund.")
        case .decVoteNotPassed: .init("这次表决没有通过（或尚未结束）。", "That vote did not pass (or has not closed).")
        case .decVoteOtherBuilding: .init("这次表决不包括这幢楼。", "That vote does not cover this building.")
        case .decVoteOtherProject: .init("这次表决是为另一个项目举行的。", "That vote was held for another project.")
        case .voteUsed:
            .init(
                "这次业主表决已经用于一笔拨付；再用维修资金需要新的表决。",
                "That owners' vote already backs an allocation; using the fund again needs a new vote.")
        case .resolutionUsed:
            .init("这项居民会议决议已经建立了筹款资金池。", "That residents' meeting resolution already has its pot.")
        case .datedInPublished:
            .init(
                "这一天所在的期间已经公示，请填公示截止日之后的日期（更正记在下一期）。",
                "That day is in a period already published: date it after the statement's end (a correction shows in the next)."
            )
        case .decReferenceMissing: .init("请填写决定的文号、日期或理由。", "Please enter the decision's number, date or reason.")
        case .overAllocation: .init("超出了这笔拨付的剩余额度，未通过。", "This is more than the allocation has left; not approved.")
        case .overBalance: .init("资金池可用余额不足，未办理。", "The pot does not have that much available; nothing was done.")
        case .overPlan:
            .init(
                "超出了这个预算科目的计划金额，未办理。请先调整预算。",
                "This is more than the budget line's plan has left; nothing was done. Change the plan first.")
        case .planBelowAllocated:
            .init(
                "计划金额不能低于这个科目已经拨付的金额。", "The plan cannot be less than what is already allocated to this line.")
        case .ownExpense: .init("不能审批自己提交的支出。", "You cannot approve an expense you submitted.")
        case .alreadyApproved: .init("您已审批过这一步。", "You have already approved this step.")
        case .approvalComplete: .init("这笔支出的审批已经完成。", "This expense's approvals are complete.")
        case .statementTitle: .init("资金公示：{0}（{1} 至 {2}）", "Accounts: {0} ({1} to {2})")
        case .statementBody:
            .init(
                "期初余额 ¥{0}，本期收入 ¥{1}，本期支出 ¥{2}，期末余额 ¥{3}，共 {4} 笔。明细见下表。",
                "Opening ¥{0}, received ¥{1}, spent ¥{2}, closing ¥{3}, in {4} entries. The details are below.")
        case .kSelfGovernance: .init("自治金", "Self-governance fund")
        case .kMaintenance: .init("维修资金", "Maintenance fund")
        case .kFoundation: .init("社区基金会", "Community foundation")
        case .kPartner: .init("共建单位", "Partner organisation")
        case .kResidentContribution: .init("居民自筹", "Residents' contributions")
        case .kPublicFunds: .init("财政资金", "Public funds")
        case .kTitleHolder: .init("权属方出资", "Property owner's contribution")
        case .kMatching: .init("配比资金", "Matching fund")
        case .pHousehold: .init("居民", "Resident household")
        case .pPartner: .init("共建单位", "Partner")
        case .pFoundation: .init("基金会", "Foundation")
        case .pTitleHolder: .init("权属方", "Property owner")
        case .pGovernment: .init("政府部门", "Government office")
        case .pOther: .init("其他", "Other")
        case .dSubdistrictApproval: .init("街道审批（经听证会/议事会）", "Subdistrict approval (after a hearing or council)")
        case .dOwnersVote: .init("业主大会表决通过", "Passed owners' vote")
        case .dEmergency73: .init("紧急使用（条例第七十三条）", "Emergency use (art. 73)")
        case .dFoundationGrant: .init("基金会资助决定", "Foundation's grant decision")
        case .dResidentsMeeting: .init("居民会议决定", "Residents' meeting decision")
        case .dAgreement: .init("出资协议或批复", "Agreement or approval document")
        case .xDraft: .init("草稿", "Draft")
        case .xSubmitted: .init("待审批", "Awaiting approval")
        case .xNeedsInfo: .init("需补充材料", "More information needed")
        case .xApproved: .init("已审批待支付", "Approved, to be paid")
        case .xPaid: .init("已支付", "Paid")
        case .xRejected: .init("已退回", "Rejected")
        case .eReceipt: .init("收入", "Received")
        case .eMatch: .init("配比", "Match")
        case .ePayment: .init("支出", "Paid out")
        case .eTransfer: .init("划转", "Transfer")
        case .eReversal: .init("更正", "Correction")
        case .eOpening: .init("期初", "Opening balance")
        case .sHalfYearly: .init("每半年", "Half-yearly")
        case .sQuarterly: .init("每季度", "Quarterly")
        case .sYearly: .init("每年", "Yearly")
        }
    }
}
