/// The texts keyed `plannerForm.…` (`Texts`): the planners' forms — joining the pool, the decision
/// queue, appointing, pairing, confirming, the annual review and residents' ratings.
public enum PlannerFormText: String, Texts {
    public static let prefix = "plannerForm"

    case poolTitle, poolIntro, poolEmpty, poolAll, poolFilter, poolLink, joinLink, colName, colOrganisation
    case colStatus, newer, older, pager
    case joinTitle, joinIntro, joinStaffIntro, name, organisation, background, qualifications, socialWork
    case phone, email, livesOrWorks, livesOrWorksHint, tier, scope, scopeHint, area, areaHint, statement
    case statementHint, source, joinSubmit, joined, joinedStaff
    case queueTitle, queueIntro, queueEmpty, queueLink, applied, decide, approve, decline, reason, reasonHint
    case approved, declined, startsOn, startsOnHint, appoint, appointed, decidedNotice
    case actions, pairWith, pair, pairedNotice, endPairing, endPairingReason, pairingEndedNotice
    case endAppointment, endAppointmentReason, appointmentEndedNotice, confirm, confirmedNotice, reviewLink
    case reviewTitle, reviewIntro, facts, factsHours, factsConfirmed, factsEntries, factsProjects, factsRatings
    case factsRatingMean, suggested, scoreHint, reasons, reasonsHint, reviewers, reviewersHint, reviewSubmit
    case reviewedNotice, reviewDone, passMark
    case rateTitle, rateIntro, rateEmpty, stars, comment, rateSubmit, ratedNotice, alreadyRatedHere, rateLink
    case starsLabel, applicationsTitle, hoursValue

    public var bilingual: Bilingual {
        switch self {
        case .poolTitle: .init("{0}的社区规划师人才库", "The planners' pool of {0}")
        case .poolIntro:
            .init(
                "人才库里有自荐、推荐和招募来的规划师；在聘的可以结对，候选的等待审核和聘任。",
                "The pool holds planners who nominated themselves, were recommended or recruited; appointed ones can be paired, candidates wait for a decision."
            )
        case .poolEmpty: .init("人才库里还没有这一类规划师。", "There are no planners of this kind in the pool yet.")
        case .poolAll: .init("全部", "All")
        case .poolFilter: .init("按状态查看", "Show by status")
        case .poolLink: .init("人才库", "The pool")
        case .joinLink: .init("加入人才库", "Join the pool")
        case .colName: .init("姓名", "Name")
        case .colOrganisation: .init("工作单位", "Organisation")
        case .colStatus: .init("状态", "Status")
        case .newer: .init("上一页", "Previous page")
        case .older: .init("下一页", "Next page")
        case .pager: .init("翻页", "Pages")
        case .joinTitle: .init("申请成为社区规划师", "Apply to be a community planner")
        case .joinIntro:
            .init(
                "填写您的专业背景和想服务的地方。街镇或区里审核后会告诉您结果，聘任后会发给您聘书。",
                "Tell us your background and where you would like to serve. The subdistrict or the district will decide and tell you; once appointed you get a certificate."
            )
        case .joinStaffIntro:
            .init(
                "为人才库推荐或招募一位规划师，填写后进入待审核名单。",
                "Recommend or recruit a planner for the pool; they join the list of applications to decide.")
        case .name: .init("姓名", "Name")
        case .organisation: .init("工作单位", "Organisation")
        case .background: .init("专业背景", "Background")
        case .qualifications: .init("资格证书（可不填）", "Qualifications (optional)")
        case .socialWork: .init("持有社会工作职业资格证书", "Holds a social-work certificate")
        case .phone: .init("手机号（可不填；只有工作人员能看到完整号码）", "Mobile number (optional; only staff see it whole)")
        case .email: .init("电子邮箱（可不填）", "Email (optional)")
        case .livesOrWorks: .init("在地情况（可不填）", "Living or working in the area (optional)")
        case .livesOrWorksHint:
            .init(
                "片区规划师宜在片区内居住或工作，例如“居住在友谊路街道”。",
                "Area planners should live or work in their area, e.g. \"lives in Youyi Road\".")
        case .tier: .init("申请层级", "Tier")
        case .scope: .init("服务的地方", "Where to serve")
        case .scopeHint:
            .init(
                "区级专家选区；街镇规划师和片区规划师选街镇。",
                "Experts choose the district; subdistrict and area planners choose a subdistrict.")
        case .area: .init("片区（只有片区规划师要选）", "Planning area (area planners only)")
        case .areaHint: .init("片区由几个生活圈组成。", "A planning area is made of life circles.")
        case .statement: .init("想为社区做什么", "What you would like to do for the community")
        case .statementHint: .init("几句话即可，不超过 1000 字。", "A few sentences, at most 1,000 characters.")
        case .source: .init("来源", "How they came")
        case .joinSubmit: .init("提交申请", "Send the application")
        case .joined:
            .init("申请已提交。审核后会在这里告诉您结果。", "Your application is in. The decision will show here.")
        case .joinedStaff: .init("已加入人才库，等待审核。", "Added to the pool, waiting for a decision.")
        case .queueTitle: .init("待审核的申请", "Applications to decide")
        case .queueIntro:
            .init(
                "先审核，再聘任：通过的申请在下面直接聘任，聘期按当时有效的制度版本计算。",
                "Decide first, then appoint: an approved application is appointed below, for a term under the rules in force."
            )
        case .queueEmpty: .init("没有待审核或待聘任的申请。", "No application waits for a decision or an appointment.")
        case .queueLink: .init("待审核的申请", "Applications to decide")
        case .applied: .init("{0} 申请 · {1} · {2}", "Applied {0} · {1} · {2}")
        case .decide: .init("审核", "Decide")
        case .approve: .init("通过", "Approve")
        case .decline: .init("不通过", "Decline")
        case .reason: .init("理由", "Reason")
        case .reasonHint: .init("不通过时必填，申请人会看到。", "Needed to decline; the applicant sees it.")
        case .approved: .init("已通过，待聘任", "Approved, to appoint")
        case .declined: .init("未通过：{0}", "Declined: {0}")
        case .startsOn: .init("聘期开始日期", "First day of the term")
        case .startsOnHint: .init("聘期长度按制度版本计算（默认两年）。", "The term's length follows the rules (two years by default).")
        case .appoint: .init("聘任并生成聘书", "Appoint and make the certificate")
        case .appointed: .init("已聘任，聘书已生成，可以打印。", "Appointed; the certificate is ready to print.")
        case .decidedNotice: .init("已审核。", "Decided.")
        case .actions: .init("管理", "Manage")
        case .pairWith: .init("与街镇或社区结对", "Pair with a subdistrict or a community")
        case .pair: .init("结对", "Pair")
        case .pairedNotice: .init("已结对。", "Paired.")
        case .endPairing: .init("结束结对", "End the pairing")
        case .endPairingReason: .init("结束的原因", "Why it ends")
        case .pairingEndedNotice: .init("结对已结束，原因已记录。", "The pairing has ended; the reason is kept.")
        case .endAppointment: .init("结束聘任（辞任或更换）", "End the appointment (resignation or replacement)")
        case .endAppointmentReason: .init("结束的原因", "Why it ends")
        case .appointmentEndedNotice: .init("聘任已结束，原因已记录。", "The appointment has ended; the reason is kept.")
        case .confirm: .init("确认", "Confirm")
        case .confirmedNotice: .init("已确认这条服务记录。", "The entry is confirmed.")
        case .reviewLink: .init("年度评定", "Annual review")
        case .reviewTitle: .init("{0} 的 {1} 年度评定", "{0}: annual review {1}")
        case .reviewIntro:
            .init(
                "按社区规划师实施办法第八条，从工作成效、服务时长、工作态度、群众反馈四方面评定，每项 0–100 分。下面是平台记录的数据，供打分参考。",
                "Under article 8 of the measures the year is scored on four grounds — effectiveness, hours, attitude and public feedback — each 0–100. The platform's figures are below to score by."
            )
        case .facts: .init("平台记录", "What the platform knows")
        case .factsHours: .init("服务时长", "Hours served")
        case .factsConfirmed: .init("其中已确认", "Of which confirmed")
        case .factsEntries: .init("服务记录", "Service entries")
        case .factsProjects: .init("参与项目", "Projects joined")
        case .factsRatings: .init("居民评价", "Residents' ratings")
        case .factsRatingMean: .init("{0} 条，平均 {1} 星", "{0}, average {1} stars")
        case .suggested: .init("按居民评价建议：{0} 分", "Suggested from the ratings: {0}")
        case .scoreHint: .init("0–100 分，权重 {0}%", "0–100, weight {0}%")
        case .reasons: .init("评定意见", "Reasons")
        case .reasonsHint: .init("不通过时必填。", "Needed when the review does not pass.")
        case .reviewers: .init("评定人（每行一位）", "Reviewers (one per line)")
        case .reviewersHint: .init("区和街镇的评定人员。", "The district's and the subdistrict's reviewers.")
        case .reviewSubmit: .init("保存评定", "Save the review")
        case .reviewedNotice: .init("评定已保存。", "The review is saved.")
        case .reviewDone: .init("{0} 年度已评定：{1} 分，{2}。", "{0} is reviewed: {1} points — {2}.")
        case .passMark: .init("合格线：{0} 分", "Pass mark: {0}")
        case .rateTitle: .init("为项目中的社区规划师评分", "Rate the planners of this project")
        case .rateIntro:
            .init(
                "规划师在这个项目里帮得怎么样？每位规划师您可以评一次，1 星最低，5 星最高。",
                "How well did the planners help on this project? You may rate each once, from 1 star (poor) to 5 (excellent)."
            )
        case .rateEmpty:
            .init("这个项目还没有规划师记录过服务。", "No planner has logged work on this project yet.")
        case .stars: .init("评分", "Stars")
        case .starsLabel: .init("{0} 星", "{0} stars")
        case .comment: .init("说说您的看法（可不填）", "Your comment (optional)")
        case .rateSubmit: .init("提交评分", "Send")
        case .ratedNotice: .init("谢谢您的评分！", "Thank you for rating!")
        case .alreadyRatedHere: .init("您已评过：{0} 星", "You rated: {0} stars")
        case .applicationsTitle: .init("申请记录", "Applications")
        case .hoursValue: .init("{0} 小时", "{0} h")
        case .rateLink: .init("为规划师评分", "Rate the planners")
        }
    }
}
