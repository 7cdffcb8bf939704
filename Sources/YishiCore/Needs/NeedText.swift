/// The texts keyed `need.…` (`Texts`).
public enum NeedText: String, Texts {
    public static let prefix = "need"

    case title, raise, text, textHint, category, place, hideName, submit
    case similarTitle, similarIntro, meToo, submitAnyway, differentBuilding
    case submitted, supported, alreadySupported, statusLabel
    case statusNew, statusAccepted, statusDeclined, statusMerged, statusTakenUp, statusDone
    case declineReason, accept, decline, declined, accepted
    case households, why, commonGround, priority, partBuildings, partAgeBands, partDepth, partChannels
    case partVulnerable, partSafety, partWaiting, safetyMark
    case listEmpty, listIntro, enterTitle, enterIntro, resident, residentHint, noResident, placeOutside
    case by, aResident, submittedAt, entered, csv, frozenCSV, pickResident, candidate, residentSupports, pickOne
    case partNoSafety
    case statsTitle, statsShare, statsStaff, statsNeeds, statsHouseholds
    case markSafety, unmarkSafety, safetySaved
    case fromLifeCircle, evidence, photos, photosHint, photosRefused, addPhotos, photosAdded
    case comments, commentsEmpty, comment, commentLabel, commented, committeeReply, meeting, meetingHint
    case publishList, publishIntro, listPublished, nothingToPublish, byCategory, byStatus, chartCaption
    case publishedVersions, frozenNote, noticeTitle, noticeBody, rank
    case fromGapTitle, fromGapIntro, fromGapButton, fromGapText, fromGapEvidence, fromGapUnreachable
    case fromGapExists, fromGapNotAGap, fromGapRaised
    case withdraw, withdrawn, notSupporting, joinedNote
    case supportedFor, supportFor, supportForTitle, joinedHere, enteredFor
    case replyLine, staffText, photosTitle, photosNone, photoChoose, settingsKinds, settingsWeightsHint
    case settingsTitle, settingsIntro, settingsCategories, settingsCategoriesHint, settingsCategoriesBad
    case settingsWeights, settingsWeightsBad, settingsVocabulary, settingsFrameWords, settingsSynonyms
    case settingsSynonymsHint, settingsVocabularyBad, settingsSaved, weightBuilding, weightAgeBand, weightChannel
    case weightVulnerable, weightSafety, weightMonth, weightCap
    case duplicatesTitle, mergeHere, notDuplicate, mergedInto, unmerge, merged, unmerged, distinct, mergeRefused

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("社区需求", "Community needs")
        case .raise: .init("提一个需求", "Raise a need")
        case .text: .init("您希望改善什么？", "What would you like to see improved?")
        case .textHint: .init("写清楚在哪里、是什么问题，最多 500 字。", "Say where and what, in up to 500 characters.")
        case .category: .init("类别", "Kind")
        case .place: .init("在哪里", "Where")
        case .hideName: .init("在公开页面上不显示我的名字", "Do not show my name on public pages")
        case .submit: .init("提交", "Send")
        case .similarTitle: .init("这些需求和您的很像", "These needs look like yours")
        case .similarIntro:
            .init(
                "如果是同一件事，请点“我也是”：大家的支持集中在一起，更容易办成。如果不是，请提交您自己的需求。",
                "If it is the same thing, press “Me too”: support gathered on one need gets things done. If not, send your own."
            )
        case .meToo: .init("我也是", "Me too")
        case .submitAnyway: .init("不是同一件事，提交我的需求", "Not the same: send mine")
        case .differentBuilding: .init("相似，但楼栋不同", "Alike, but about another building")
        case .submitted: .init("需求已提交，居委会会尽快查看。", "Your need is sent: the committee will look at it soon.")
        case .supported: .init("已加上您的支持。", "Your support is added.")
        case .alreadySupported: .init("您已经支持过这个需求。", "You already support this need.")
        case .statusLabel: .init("进展", "Status")
        case .statusNew: .init("待处理", "Waiting")
        case .statusAccepted: .init("已列入需求清单", "On the needs list")
        case .statusDeclined: .init("未采纳", "Not taken up")
        case .statusMerged: .init("已与同类需求合并", "Joined with the same need")
        case .statusTakenUp: .init("已立项", "Taken up by a project")
        case .statusDone: .init("已完成", "Done")
        case .declineReason: .init("未采纳的原因", "Why it is not taken up")
        case .accept: .init("列入需求清单", "Put on the needs list")
        case .decline: .init("不采纳", "Do not take up")
        case .declined: .init("已标为未采纳，原因会告诉提出人。", "Marked as not taken up; the reason is shown to whoever raised it.")
        case .accepted: .init("已列入需求清单。", "Put on the needs list.")
        case .households: .init("{0} 户支持", "Households supporting it: {0}")
        case .why: .init("为什么排在前面？", "Why is it ranked here?")
        case .commonGround: .init("共识分 {0}", "Common ground {0}")
        case .priority: .init("优先分 {0}", "Priority {0}")
        case .partBuildings: .init("涉及 {0} 栋楼，每栋 {1} 分", "Buildings: {0}, {1} points each")
        case .partAgeBands:
            .init(
                "支持的居民来自 {0} 个年龄段（共四段：18–39、40–59、60–74、75 岁以上），每个 {1} 分",
                "Supporters come from {0} of the four age groups (18–39, 40–59, 60–74, 75+), {1} points each")
        case .partDepth:
            .init(
                "每栋楼支持户数的平方根相加（同一栋楼户数越多，加得越慢）：{0} 分",
                "Square roots of each building's supporting households, added (more in one building add less and less): {0} points"
            )
        case .partChannels: .init("从 {0} 种渠道反映：加 {1} 分", "Ways it reached the committee: {0}, so {1} more")
        case .partVulnerable:
            .init(
                "支持的家庭里有老人、儿童或残疾人（{0} 类）：加 {1} 分",
                "Kinds of vulnerable people in supporting households (elderly, children, disability): {0}, so {1} more")
        case .partSafety: .init("居委会认定有安全隐患：加 {0} 分", "Marked by the committee as a safety matter: {0} more")
        case .partWaiting: .init("已等待 {0} 个月：加 {1} 分", "Months waiting: {0}, so {1} more")
        case .safetyMark: .init("有安全隐患", "A safety matter")
        case .listEmpty:
            .init(
                "还没有需求。居民可以在首页提出需求，居委会也可以代为录入。",
                "No needs yet. Residents raise them from their home page; the committee can enter them for residents.")
        case .listIntro:
            .init(
                "按优先分排序：支持的户数越多、来自的楼栋和年龄段越广，排得越前。",
                "Ranked by priority: the more households, buildings and age groups support a need, the higher it comes."
            )
        case .enterTitle: .init("代居民录入需求", "Enter a need for a resident")
        case .enterIntro:
            .init(
                "上门走访、接待、电话、纸质登记时收到的需求，在这里录入；录完可以接着录下一条。",
                "Needs heard on a visit, at the desk, by phone or on paper are entered here; the form stays open for the next one."
            )
        case .resident: .init("居民", "Resident")
        case .residentHint: .init("手机号、居民编号或姓名", "Mobile number, resident number or name")
        case .noResident:
            .init(
                "您负责的范围内找不到这位居民，或有重名，请用手机号或居民编号。",
                "No such resident in your area, or several with that name: use the mobile number or resident number.")
        case .placeOutside: .init("只能为您所在社区的地方提需求。", "Needs can only be about places in your own community.")
        case .by: .init("提出人", "Raised by")
        case .aResident: .init("一位居民", "A resident")
        case .submittedAt: .init("提出时间", "Raised on")
        case .markSafety: .init("标为安全隐患（优先分加 15）", "Mark as a safety matter (15 more points)")
        case .unmarkSafety: .init("取消安全隐患标记", "Take the safety mark away")
        case .safetySaved: .init("安全隐患标记已更新，排序随之改变。", "The safety mark is changed; the ranking follows.")
        case .duplicatesTitle: .init("可能是同一件事", "Possibly the same need")
        case .mergeHere: .init("把那一条合并到这一条", "Join that one into this one")
        case .notDuplicate: .init("不是同一件事", "Not the same")
        case .mergedInto: .init("已合并到：{0}", "Joined into: {0}")
        case .unmerge: .init("取消合并", "Separate again")
        case .merged: .init("已合并：两条需求的支持算在一起，同一户只算一次。", "Joined: the support of both counts here, each household once.")
        case .unmerged: .init("已取消合并，两条需求恢复原样。", "Separated: both needs are as they were.")
        case .distinct: .init("已记下：这两条不是同一件事，不会再提示。", "Noted: these two are different and will not be offered again.")
        case .mergeRefused:
            .init(
                "只能合并同一社区里、还没有合并过的两条不同需求。",
                "Only two different needs of one community, neither joined already, can be joined.")
        case .statsTitle: .init("居民参与", "How residents take part")
        case .statsShare:
            .init(
                "{0} 户提出或支持了需求，占本社区 {1} 户的 {2}%。",
                "{0} households raised or supported a need: {2}% of the community's {1}.")
        case .statsStaff:
            .init(
                "其中 {0} 次（共 {1} 次）由工作人员代为录入，和线上的一样计算。",
                "{0} of {1} supports were entered by staff for residents, and count the same as online.")
        case .statsNeeds: .init("需求", "Needs")
        case .statsHouseholds: .init("支持的户数", "Households supporting")
        case .csv: .init("下载需求清单（CSV，含每项得分）", "Download the list (CSV, with every part of the scores)")
        case .pickResident: .init("找到这几位居民，请选一位：", "These residents were found; please pick one:")
        case .candidate: .init("{0}（{1} 岁）· {2}", "{0} (aged {1}) · {2}")
        case .pickOne: .init("请在下面找到的居民中选一位。", "Please pick one of the residents found below.")
        case .partNoSafety: .init("居委会没有标为安全隐患：不加分", "Not marked as a safety matter: nothing added")
        case .residentSupports: .init("这位居民已经支持过这个需求。", "This resident already supports this need.")
        case .frozenCSV: .init("下载这份清单（CSV，含每项得分）", "Download this list (CSV, with every part of the scores)")
        case .entered: .init("已录入，可以接着录下一条。", "Entered. You can enter the next one.")
        case .fromLifeCircle: .init("根据生活圈数据提出", "Raised from the life-circle data")
        case .evidence: .init("依据", "Evidence")
        case .photos: .init("照片（可选，最多 5 张）", "Photos (optional, up to 5)")
        case .photosHint:
            .init(
                "JPEG、PNG 或 WebP，每张不超过 5 MB。照片里的拍摄位置会被去掉。",
                "JPEG, PNG or WebP, each at most 5 MB. Where a photo was taken is removed from it.")
        case .photosRefused:
            .init(
                "照片只能是 JPEG、PNG 或 WebP，最多 5 张，每张不超过 5 MB。没有保存任何内容。",
                "Photos must be JPEG, PNG or WebP: up to 5, each at most 5 MB. Nothing was saved.")
        case .addPhotos: .init("加照片", "Add photos")
        case .photosAdded: .init("照片已加上。", "The photos are added.")
        case .comments: .init("留言和答复", "Comments and answers")
        case .commentsEmpty: .init("还没有留言。", "No comments yet.")
        case .comment: .init("留言", "Comment")
        case .commentLabel: .init("您的留言", "Your comment")
        case .commented: .init("留言已发表。", "Your comment is posted.")
        case .committeeReply: .init("居委会答复", "The committee's answer")
        case .meeting: .init("在哪次会议上提出", "The meeting it was raised at")
        case .meetingHint: .init("例如“12 月 3 日 3 号楼楼组议事会”", "For example “Building 3 group meeting, 3 December”")
        case .publishList: .init("公示需求清单", "Publish the needs list")
        case .publishIntro:
            .init(
                "把已列入清单的需求按现在的排序定稿，作为公示发布；居民可以在公示期内提出异议。",
                "Freezes the needs on the list in their present order and publishes them as a notice; residents may object during its period."
            )
        case .listPublished: .init("需求清单已定稿并公示。", "The needs list is frozen and published.")
        case .nothingToPublish:
            .init(
                "还没有列入清单的需求。先在每条需求上选“列入需求清单”。",
                "No need is on the list yet. First put needs on the list, each from its page.")
        case .byCategory: .init("按类别", "By kind")
        case .byStatus: .init("按进展", "By status")
        case .chartCaption: .init("各类需求的数量", "Needs of each kind")
        case .publishedVersions: .init("已公示的清单", "Published lists")
        case .frozenNote:
            .init(
                "这是 {0} 定稿公示的清单，之后的变化不在其中。", "This is the list as it was frozen on {0}; later changes are not in it.")
        case .noticeTitle: .init("{0}社区需求清单（{1}）", "Needs list of {0} ({1})")
        case .noticeBody:
            .init(
                "经居民提出、居委会梳理，现将本社区需求清单公示如下，共 {0} 项，按优先分排序，表中列出每一项得分的各个部分。本社区居民登录后，还可以在每一项的页面上看到“为什么排在前面”。",
                "Raised by residents and sorted by the committee, the community's needs list follows: {0} needs, ranked by priority, with every part of each score in the table. Residents of the community who sign in also see on each need's page why it ranks where it does."
            )
        case .rank: .init("排名", "Rank")
        case .fromGapTitle: .init("把缺口提为需求", "Turn a gap into a need")
        case .fromGapIntro:
            .init(
                "步行 15 分钟内缺少的设施，可以直接提为需求，距离会作为依据附上。",
                "A service missing within a 15-minute walk can become a need, with the distances attached as evidence.")
        case .fromGapButton: .init("提为需求：{0}", "Raise as a need: {0}")
        case .fromGapText: .init("{0}：步行 15 分钟内没有{1}。", "{0}: no {1} within a 15-minute walk.")
        case .fromGapEvidence:
            .init(
                "最近的{0}步行约 {1} 米（约 {2} 分钟），超过 15 分钟。（生活圈数据，{3} 导入）",
                "The nearest {0} is about {1} m on foot (about {2} minutes), beyond 15 minutes. (Life-circle data imported {3})"
            )
        case .fromGapUnreachable:
            .init(
                "步行网络中找不到可到达的{0}。（生活圈数据，{1} 导入）",
                "No {0} can be reached on the walking network. (Life-circle data imported {1})")
        case .fromGapExists: .init("这个缺口已经提为需求了。", "This gap is already a need.")
        case .fromGapNotAGap:
            .init("这一项在步行 15 分钟内能到达，不是缺口。", "This service is within a 15-minute walk: it is not a gap.")
        case .withdraw: .init("撤回我的支持", "Withdraw my support")
        case .withdrawn: .init("已撤回您的支持，排序随之改变。", "Your support is withdrawn; the ranking follows.")
        case .notSupporting: .init("您没有支持这条需求。", "You do not support this need.")
        case .joinedNote:
            .init(
                "您支持的需求已和这一条合并，您的支持算在这里。如果不是同一件事，可以撤回。",
                "A need you supported was joined into this one, and your support counts here. If it is not the same thing, you may withdraw it."
            )
        case .replyLine: .init("居委会答复：{0}", "The committee's answer: {0}")
        case .supportedFor: .init("已为这位居民加上支持。", "The resident's support is added.")
        case .supportFor: .init("代居民加支持", "Add a resident's support")
        case .supportForTitle: .init("代居民加“我也是”", "Add “me too” for a resident")
        case .joinedHere: .init("合并进来的需求", "Needs joined into this one")
        case .enteredFor: .init("已为{0}录入：", "Entered for {0}: ")
        case .staffText: .init("居民反映的需求", "What the resident asked for")
        case .photosTitle: .init("照片", "Photos")
        case .photosNone: .init("还没有照片。", "No photos yet.")
        case .photoChoose: .init("选择照片（最多 5 张）", "Choose photos (up to 5)")
        case .settingsKinds: .init("需求类别", "Kinds of need")
        case .settingsWeightsHint:
            .init(
                "每项 0 到 100 分，可以有半分；等待月数上限是 0 到 24 的整数。改了以后全区需求马上重新排序。",
                "Each from 0 to 100, halves allowed; the months cap is a whole number from 0 to 24. Every need of the district is ranked again at once."
            )
        case .settingsTitle: .init("需求设置", "Needs settings")
        case .settingsIntro:
            .init(
                "本区的需求类别、排序的分值和查找相似需求用的词表。改了分值，全区需求马上重新排序；改了词表，马上重新比对。",
                "The district's kinds of need, the points of the ranking, and the words similar needs are compared by. New points rank every need of the district again at once; a new word list compares them again."
            )
        case .settingsCategories: .init("本区增加的类别", "Kinds the district adds")
        case .settingsCategoriesHint:
            .init(
                "每行一个：英文代号,中文名,English name，例如 parcel-lockers,快递柜,Parcel lockers。原有的 16 类不变。",
                "One a line: key, Chinese name, English name, separated by commas (a key such as parcel-lockers). The 16 standard kinds stay."
            )
        case .settingsCategoriesBad:
            .init(
                "类别格式不对：每行“代号,中文名,English name”，代号用小写字母、数字和 -，不能和已有类别重复。",
                "Kinds: one a line as “key,Chinese,English”, keys of lower-case letters, digits and -, none given twice or already there."
            )
        case .settingsWeights: .init("排序的分值", "Points of the ranking")
        case .settingsWeightsBad:
            .init(
                "分值要在 0 到 100 之间，等待月数上限是 0 到 24 的整数。",
                "Points go from 0 to 100; the months cap is a whole number from 0 to 24.")
        case .settingsVocabulary: .init("查找相似需求用的词表", "Words for finding similar needs")
        case .settingsFrameWords: .init("不看的客套词（用“、”隔开）", "Words that say nothing about the need (separated by 、)")
        case .settingsSynonyms: .init("同义词（每行一组，用“/”隔开）", "Words meaning the same (one group a line, separated by /)")
        case .settingsSynonymsHint:
            .init(
                "例如：座椅/长椅/凳子。每组第一个词代表整组。",
                "For example seat/bench/stool, written in Chinese. The first word stands for the group.")
        case .settingsVocabularyBad:
            .init(
                "词表格式不对：每组至少两个词，每个词最多 10 个字，一个词只能在一组里。",
                "Word list: at least two words to a group, each up to 10 characters, a word in one group only.")
        case .settingsSaved: .init("设置已保存，全区需求已按新设置重新计算。", "Saved: every need of the district is worked out again.")
        case .weightBuilding: .init("每栋楼", "Per building")
        case .weightAgeBand: .init("每个年龄段", "Per age group")
        case .weightChannel: .init("每多一种渠道", "Per extra channel")
        case .weightVulnerable: .init("每类弱势群体", "Per vulnerable group")
        case .weightSafety: .init("安全隐患", "Safety matter")
        case .weightMonth: .init("每等待一个月", "Per month waiting")
        case .weightCap: .init("等待月数上限", "Months counted at most")
        case .fromGapRaised: .init("已提为需求，距离作为依据附上。", "Raised as a need, with the distances as evidence.")
        }
    }
}
