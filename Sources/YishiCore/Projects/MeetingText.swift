/// The texts keyed `meeting.…` (`Texts`).
public enum MeetingText: String, Texts {
    public static let prefix = "meeting"

    case call, callTitle, kind, fieldTitle, agenda, venue, startsAt, startsHint, timeInvalid, created
    case code, codeHint, signIn, signInCode, codeWrong, signedIn, alreadySignedIn, roster, rosterHint, paper
    case paperHint, attendance, attendanceBy, minutes, minutesSave, minutesSaved, resolutions, resolution
    case electorate, electorateHint, present, presentHint, yes, resolve, resolved, ownersByVote, countsImpossible
    case statusPassed, statusFailed, statusNoQuorum, noResolutions, meetingsTitle, noMeetings, held, planned
    case internalNote, paperSubmit, countsLine, sheet, sheetKind, sheetBuilding, sheetUnit, sheetName, sheetSignature
    case sheetCount, announce, noticeTitle, noticeWhen, noticeOf
    case venueLevel, levelSubdistrict, levelCommunity, levelCompound, levelBuildingGroup, views, viewAdd, viewText
    case actions, actionAdd, actionText, owner, due, done, markDone, itemSaved, doneAlready, noViews, noActions
    case outcome, outcomeTitle, outcomeNeedsMinutes, basis, basisAdults, basisHouseholds, basisGroups, basisHint
    case households, householdsPresent, householdsHint, villageElectorate, attendanceLine, actionLine
    case minutesFiles, minutesFilesAdd, hands, handsHint, handsLine, handsNotPresent, yesMore
    case condQuorum, condQuorumAdults, condQuorumHouseholds, condMajorityPresent, condMajorityMembers, notStarted

    public var bilingual: Bilingual {
        switch self {
        case .call: .init("召集会议", "Call a meeting")
        case .callTitle: .init("为这个项目召集会议", "Call a meeting for this project")
        case .kind: .init("会议类型", "Kind of meeting")
        case .fieldTitle: .init("会议名称", "Meeting name")
        case .agenda: .init("议程", "Agenda")
        case .venue: .init("地点", "Where")
        case .startsAt: .init("时间", "When")
        case .startsHint: .init("例如 2026-12-03 14:00（上海时间）", "For example 2026-12-03 14:00 (Shanghai time)")
        case .timeInvalid: .init("请按“2026-12-03 14:00”的样子填写时间。", "Give the time like 2026-12-03 14:00.")
        case .created: .init("会议已召集。签到码在会议页面上。", "The meeting is called. Its sign-in code is on its page.")
        case .code: .init("签到码：{0}", "Sign-in code: {0}")
        case .codeHint:
            .init(
                "请在会上公布；居民在手机上输入即可签到。会前一小时起到当天结束有效。",
                "Announce it at the meeting; residents type it on their phones to sign in. It works from an hour before until the end of the day."
            )
        case .signIn: .init("签到", "Sign in")
        case .signInCode: .init("会上公布的签到码", "The sign-in code announced at the meeting")
        case .codeWrong:
            .init(
                "签到码不对，或者现在不在签到时间内（会前一小时到当天结束）。",
                "That code is wrong, or this is not the time to sign in (from an hour before until the end of the day)."
            )
        case .signedIn: .init("已签到，谢谢参加。", "Signed in. Thank you for coming.")
        case .alreadySignedIn: .init("这位居民已经签过到了。", "This resident has signed in already.")
        case .roster: .init("按名册签到", "Tick off the roster")
        case .rosterHint: .init("居民的手机号、居民编号或姓名", "The resident's mobile, resident number or name")
        case .paper: .init("纸质签到表人数", "People on a paper sign-in sheet")
        case .paperHint: .init("只填人数，和网上签到一样计入参与人次。", "The number only; it counts as attendance like the rest.")
        case .attendance: .init("参加：{0} 人次", "Attending: {0}")
        case .attendanceBy: .init("手机签到 {0}，名册 {1}，纸质 {2}", "By code {0}, roster {1}, paper {2}")
        case .minutes: .init("会议纪要", "Minutes")
        case .minutesSave: .init("保存纪要", "Save the minutes")
        case .minutesSaved: .init("纪要已保存，会议记为已召开。", "Minutes saved: the meeting counts as held.")
        case .resolutions: .init("决议", "Resolutions")
        case .resolution: .init("决议内容", "What is decided")
        case .electorate: .init("应到人数（居民会议）", "Electorate (residents' meeting)")
        case .electorateHint:
            .init(
                "居民会议按召集时选定的范围：全体成年居民、每户代表或居民小组代表的人数。",
                "As convened: all adult residents, one per household, or the group representatives.")
        case .present: .init("到会人数", "Present")
        case .presentHint: .init("不填就用签到人次。", "Leave empty to use the sign-ins.")
        case .yes: .init("同意人数", "In favour")
        case .resolve: .init("记录决议", "Record the resolution")
        case .resolved: .init("决议已记录，结果按规则算出。", "Resolution recorded; the result follows the rule.")
        case .ownersByVote:
            .init(
                "业主大会和业主代表会议的决定要通过业主表决，不能在这里举手记录。",
                "Owners decide by the owners' vote, not by a show of hands recorded here.")
        case .countsImpossible:
            .init("人数不对：同意人数不能多于到会人数，到会不能多于应到。", "Those counts cannot be: in favour ≤ present ≤ electorate.")
        case .statusPassed: .init("通过", "Passed")
        case .statusFailed: .init("未通过", "Not passed")
        case .statusNoQuorum: .init("到会人数不足，不能作出决定", "Not enough present to decide")
        case .noResolutions: .init("还没有决议。", "No resolutions yet.")
        case .meetingsTitle: .init("会议", "Meetings")
        case .noMeetings: .init("还没有会议。", "No meetings yet.")
        case .held: .init("已召开", "Held")
        case .planned: .init("待召开", "Coming")
        case .paperSubmit: .init("记入人数（加在已有人数上）", "Add to the count")
        case .countsLine: .init("同意 {0} 人，到会 {1} 人", "In favour {0}, present {1}")
        case .sheet: .init("打印签到表（A4）", "Print the sign-in sheet (A4)")
        case .sheetKind: .init("会议签到表", "Meeting sign-in sheet")
        case .sheetBuilding: .init("楼栋", "Building")
        case .sheetUnit: .init("门牌", "Door")
        case .sheetName: .init("姓名", "Name")
        case .sheetSignature: .init("签名", "Signature")
        case .sheetCount:
            .init(
                "共 {0} 户。纸质签到的人数录入会议页面后计入参与人次。",
                "{0} households. The number signed on paper counts once it is entered on the meeting's page.")
        case .announce: .init("起草会议通知（公示）", "Draft the meeting's notice")
        case .noticeTitle: .init("会议通知：{0}", "Meeting: {0}")
        case .noticeWhen: .init("时间：{0}　地点：{1}", "When: {0}. Where: {1}.")
        case .noticeOf: .init("会议：{0}", "The meeting: {0}")
        case .internalNote: .init("党员议事会的记录只有工作人员能看到。", "The party members' meeting's record is for staff only.")
        case .venueLevel: .init("议事阵地", "Level of the venue")
        case .levelSubdistrict: .init("街镇", "Subdistrict")
        case .levelCommunity: .init("居民区", "Community")
        case .levelCompound: .init("小区", "Compound")
        case .levelBuildingGroup: .init("楼组", "Building group")
        case .views: .init("会上的意见", "Views expressed")
        case .viewAdd: .init("记下一条意见", "Record a view")
        case .viewText: .init("意见", "The view")
        case .actions: .init("会后要办的事", "Follow-up actions")
        case .actionAdd: .init("增加一件要办的事", "Add a follow-up action")
        case .actionText: .init("要办的事", "What is to be done")
        case .owner: .init("负责人", "Who does it")
        case .due: .init("完成期限", "Due by")
        case .done: .init("已办好", "Done")
        case .markDone: .init("标为已办好", "Mark as done")
        case .itemSaved: .init("已记下。", "Recorded.")
        case .doneAlready: .init("这件事已经标为办好了。", "This action is already marked done.")
        case .noViews: .init("还没有记下意见。", "No views recorded yet.")
        case .noActions: .init("没有要办的事。", "No follow-up actions.")
        case .outcome: .init("起草会议结果公示", "Draft the outcome notice")
        case .outcomeTitle: .init("会议结果：{0}", "Outcome of the meeting: {0}")
        case .outcomeNeedsMinutes: .init("先记录会议纪要，再公示会议结果。", "Record the minutes before publishing the outcome.")
        case .basis: .init("居民会议的组成", "The residents' meeting is made of")
        case .basisAdults: .init("全体成年居民", "All adult residents")
        case .basisHouseholds: .init("每户派代表", "One representative per household")
        case .basisGroups: .init("居民小组推选的代表", "Representatives elected by residents' groups")
        case .basisHint:
            .init(
                "前两种不填应到人数时，按居民名册自动计算。",
                "For the first two, the electorate is counted from the register when left empty.")
        case .households: .init("总户数（村）", "Households (village)")
        case .householdsPresent: .init("到会（有代表）的户数", "Households present or represented")
        case .householdsHint:
            .init(
                "村民会议和村民小组会议也按户数算：总户数不填时按名册计算。",
                "A village's meetings also count households: the total comes from the register when left empty.")
        case .villageElectorate: .init("应到人数（18 岁以上村民，或代表会议成员）", "Electorate (villagers aged 18+, or the members)")
        case .attendanceLine: .init("参加 {0} 人次。", "{0} attended.")
        case .actionLine: .init("{0}（负责：{1}，{2} 前）", "{0} (by {1}, due {2})")
        case .minutesFiles:
            .init("纪要的附件（签到表照片、会议记录扫描件，图片或 PDF）", "Files of the minutes (sign-in sheet photos, scans: pictures or PDF)")
        case .minutesFilesAdd: .init("上传附件", "Add the files")
        case .hands: .init("举手同意的居民（按签到名单逐个勾选）", "Residents who raised their hand (ticked on the sign-in list)")
        case .handsHint:
            .init(
                "可以逐个勾选，也可以只在下面填人数；两样都填时相加。",
                "Tick them one by one, or give only the number below; both given are added.")
        case .handsLine: .init("其中按签到名单逐个记下 {0} 人", "{0} of them recorded by name on the sign-in list")
        case .handsNotPresent: .init("勾选的居民要在这次会上签过到。", "Only residents signed in at this meeting can be ticked.")
        case .yesMore: .init("同意人数（名单外的，例如纸质签到的）", "In favour (those not on the list, such as on paper)")
        case .condQuorum: .init("到会的人够了（超过应到的一半或规定比例）", "Enough came (the share of the electorate the rule asks)")
        case .condQuorumAdults: .init("到会的成年人够了", "Enough adults came")
        case .condQuorumHouseholds: .init("到会（有代表）的户数够了", "Enough households came or were represented")
        case .condMajorityPresent: .init("同意的超过到会人数的一半", "More than half of those present agreed")
        case .condMajorityMembers: .init("同意的超过全体成员的一半", "More than half of all members agreed")
        case .notStarted:
            .init(
                "会议开始后，可以在这里记录纪要、意见、要办的事和决议。",
                "Once the meeting starts, its minutes, views, actions and resolutions are recorded here.")
        }
    }
}

extension TallyCondition {
    /// The condition in plain words, then its numbers: "同意的超过到会人数的一半（2 × 28 > 31）✓".
    public func plain(_ lang: Lang) -> String {
        let words: MeetingText? =
            switch name {
            case "quorum": MeetingText.condQuorum
            case "quorum_adults": MeetingText.condQuorumAdults
            case "quorum_households": MeetingText.condQuorumHouseholds
            case "majority_of_present": MeetingText.condMajorityPresent
            case "majority_of_members": MeetingText.condMajorityMembers
            default: nil
            }
        let mark = passed ? " ✓" : " ✗"
        guard let words else { return check + mark }
        return words.text(lang) + (lang == .zhHans ? "（\(check)）" : " (\(check))") + mark
    }
}
