/// The texts keyed `project.…` (`Texts`).
public enum ProjectText: String, Texts {
    public static let prefix = "project"

    case title, listTitle, listEmpty, newTitle, newIntro, fieldTitle, fieldDescription, fieldKind, fieldInitiator
    case fieldBudget, budgetHint, fieldTemplate, fieldNeeds, needsHint, create, created, noNeeds
    case kindMicroRenewal, kindMicroRetrofit, kindMicroDesign, kindMicroGovernance
    case initiatorGovernment, initiatorSelfGovernance, initiatorPartner
    case stage, stageOf, done, requirementsTitle, met, missing, moveOn, moved, moveBack, movedBack, reason
    case reasonHint, cannotMove, history, historyForward, historyBack, linkedNeeds, documents, documentsEmpty
    case documentName, documentFile, documentAdd, documentAdded, noTemplate, budgetInvalid, needTaken
    case reqNeeds, reqMeeting, reqMeetingMinutes, reqDecision, reqNotice, reqDocument, reqOwnersVote, reqFunds
    case reqOptionChosen, finished, templatesTitle, templateAdd, templateAdded, templateFile
    case templateRefused, templateHint, initiatorLabel, budgetLabel, noticeDraft, noticeOf
    case optionsTitle, optionsEmpty, optionAdd, optionAdded, optionLabel, optionLabelHint, optionDescription
    case optionCost, optionDrawing, optionClash, optionVersion, optionChosen, choose, chosen, chooseNeedsResolution
    case newer, older, chooseBy, compare, compareTitle, optionComment, optionCommented, drawing, superseded,
        residentsViews,
        projectLabel
    case pointInvalid, fieldPoint, pointHint, pointLabel, workingGroup, workingGroupEmpty, memberAdd, memberAdded
    case memberRemove, memberRemoved, memberRole, memberWho, memberWhoHint, memberClash, noAccount
    case roleResident, rolePlanner, roleCommittee, roleOwnersCommittee, roleContractor
    case statistics, statProjects, statMeetings, statAttendance, statAttendanceLine, statDecisions, statNeeds
    case statByStage

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("项目", "Projects")
        case .listTitle: .init("{0}的项目", "Projects of {0}")
        case .listEmpty:
            .init(
                "还没有项目。居委会可以从需求清单上的需求立项。",
                "No projects yet. The committee starts one from needs on the needs list.")
        case .newTitle: .init("立项", "Start a project")
        case .newIntro:
            .init(
                "从需求清单上选出这个项目要解决的需求；立项后它们显示为“已立项”。",
                "Choose the needs this project answers from the needs list; once started they show as taken up.")
        case .fieldTitle: .init("项目名称", "Project name")
        case .fieldDescription: .init("项目说明", "What the project is")
        case .fieldKind: .init("项目类型", "Kind of project")
        case .fieldInitiator: .init("发起方", "Started by")
        case .fieldBudget: .init("估算金额（元）", "Estimated cost (yuan)")
        case .budgetHint: .init("可以不填；最多两位小数。", "Optional; at most two decimals.")
        case .budgetInvalid: .init("请填写金额，例如 12000 或 12000.50。", "Give an amount such as 12000 or 12000.50.")
        case .fieldTemplate: .init("工作流程", "Workflow")
        case .fieldNeeds: .init("这个项目解决的需求", "The needs it answers")
        case .needsHint: .init("至少选一个。", "Choose at least one.")
        case .noNeeds:
            .init(
                "需求清单上还没有可以立项的需求。先在需求页面把需求列入清单。",
                "No need on the list can be taken up yet. Put needs on the list first, each from its page.")
        case .needTaken: .init("有需求已经被别的项目立项了。", "A need is already taken up by another project.")
        case .create: .init("立项", "Start the project")
        case .created: .init("已立项，需求显示为“已立项”。", "Started: its needs show as taken up.")
        case .kindMicroRenewal: .init("微更新", "Micro-renewal")
        case .kindMicroRetrofit: .init("微改造", "Micro-retrofit")
        case .kindMicroDesign: .init("微设计", "Micro-design")
        case .kindMicroGovernance: .init("微治理", "Micro-governance")
        case .initiatorGovernment: .init("政府部门", "A government department")
        case .initiatorSelfGovernance: .init("社区自治", "The community's self-governance")
        case .initiatorPartner: .init("共建单位", "A partner organisation")
        case .stage: .init("当前阶段", "Now at")
        case .stageOf: .init("第 {0} 步，共 {1} 步：{2}", "Step {0} of {1}: {2}")
        case .done: .init("已完成全部步骤", "Every step done")
        case .requirementsTitle: .init("进入下一步需要", "To move on")
        case .met: .init("已具备", "Done")
        case .missing: .init("还缺", "Still needed")
        case .moveOn: .init("进入下一步", "Move on")
        case .moved: .init("项目已进入下一步。", "The project has moved on.")
        case .moveBack: .init("退回上一步", "Move back a step")
        case .movedBack: .init("项目已退回，原因已记录。", "The project has moved back; the reason is kept.")
        case .reason: .init("退回的原因", "Why it moves back")
        case .reasonHint: .init("会写进项目记录，所有人都能看到。", "It goes into the project's record for everyone to see.")
        case .cannotMove:
            .init(
                "还不能进入下一步：这一步还缺的，项目页面上标着“还缺”。",
                "Cannot move on yet: what this step still needs is marked on the project's page.")
        case .history: .init("项目经过", "What has happened")
        case .historyForward: .init("进入“{0}”", "Moved on to “{0}”")
        case .historyBack: .init("退回“{0}”，原因：{1}", "Moved back to “{0}”, because: {1}")
        case .linkedNeeds: .init("解决的需求", "Needs it answers")
        case .documents: .init("项目文件", "Documents")
        case .documentsEmpty: .init("还没有文件。", "No documents yet.")
        case .documentName: .init("文件名称", "Document name")
        case .documentFile: .init("文件（图片或 PDF，不超过 5 MB）", "File (a picture or PDF, at most 5 MB)")
        case .documentAdd: .init("上传文件", "Add the document")
        case .documentAdded: .init("文件已上传。", "The document is added.")
        case .noTemplate: .init("没有这个工作流程。", "No such workflow.")
        case .reqNeeds: .init("至少 {0} 个需求", "At least {0} needs")
        case .reqMeeting: .init("召开{0}", "A meeting held: {0}")
        case .reqMeetingMinutes: .init("召开{0}并记录会议纪要", "A meeting held with its minutes: {0}")
        case .reqDecision: .init("{0}作出决定", "A decision passed by {0}")
        case .reqNotice: .init("公示期满，异议都已答复", "A notice ended with every objection answered")
        case .reqDocument: .init("文件：{0}", "A document: {0}")
        case .reqOwnersVote: .init("业主表决通过", "An owners' vote passed")
        case .reqFunds: .init("资金落实", "Funds committed")
        case .reqOptionChosen: .init("选定设计方案", "A design option chosen")
        case .finished: .init("这个项目的所有步骤都已完成。", "Every step of this project is done.")
        case .templatesTitle: .init("工作流程", "Workflows")
        case .templateAdd: .init("增加本区的工作流程", "Add a workflow of the district")
        case .templateAdded: .init("工作流程已增加，立项时可以选用。", "The workflow is added; new projects can use it.")
        case .templateFile: .init("流程文件（JSON）", "Workflow file (JSON)")
        case .templateHint:
            .init(
                "格式和平台自带的三个流程一样，见 docs/projects.md。",
                "The same format as the three shipped workflows; see docs/projects.md.")
        case .templateRefused: .init("流程文件有问题：{0}", "The workflow file has problems: {0}")
        case .initiatorLabel: .init("发起方", "Started by")
        case .noticeDraft: .init("为这个项目起草公示", "Draft a notice for this project")
        case .optionsTitle: .init("设计方案", "Design options")
        case .optionsEmpty: .init("还没有设计方案。", "No design options yet.")
        case .optionAdd: .init("上传方案（或新一稿）", "Add an option (or a new version)")
        case .optionAdded: .init("方案已上传，居民可以看、可以提意见。", "The option is added; residents can see it and comment.")
        case .optionLabel: .init("方案名称", "Option")
        case .optionLabelHint:
            .init("同一名称再上传就是新的一稿，例如“方案A”。", "The same name again makes a new version, such as “Option A”.")
        case .optionDescription: .init("方案说明", "What it is")
        case .optionCost: .init("造价估算（元）", "Estimated cost (yuan)")
        case .optionDrawing: .init("设计图（图片或 PDF）", "Drawing (a picture or PDF)")
        case .optionClash: .init("这一稿刚刚被别人上传了，请再试一次。", "That version was just added by someone else; try again.")
        case .optionVersion: .init("{0} 第 {1} 稿", "{0}, version {1}")
        case .optionChosen: .init("选定的方案", "Chosen")
        case .choose: .init("按决议选定这个方案", "Choose this option")
        case .chosen: .init("方案已选定，依据的决议已记录。", "The option is chosen; the resolution is recorded.")
        case .chooseNeedsResolution:
            .init(
                "选定方案要依据本项目会议上通过的决议。", "An option is chosen by a resolution passed at one of the project's meetings.")
        case .chooseBy: .init("依据的决议", "The resolution it rests on")
        case .compare: .init("并排比较", "Side by side")
        case .newer: .init("较新的项目", "Newer projects")
        case .older: .init("较早的项目", "Older projects")
        case .compareTitle: .init("方案比较", "Options side by side")
        case .optionComment: .init("对这一稿提意见", "Comment on this version")
        case .optionCommented: .init("意见已发表。", "Your comment is posted.")
        case .drawing: .init("查看设计图", "See the drawing")
        case .superseded: .init("已有新一稿", "A newer version exists")
        case .residentsViews: .init("居民意见", "Residents' views")
        case .projectLabel: .init("项目", "Project")
        case .noticeOf: .init("这是项目“{0}”的公示，现在处于：{1}", "A notice of the project “{0}”, now at: {1}")
        case .budgetLabel: .init("估算金额", "Estimated cost")
        case .pointInvalid:
            .init("位置请写成“纬度,经度”，例如 31.35,121.43。", "Give the place as latitude,longitude, such as 31.35,121.43.")
        case .fieldPoint: .init("地图上的位置（可不填）", "Point on the map (optional)")
        case .pointHint: .init("纬度,经度，例如 31.35,121.43", "Latitude,longitude, such as 31.35,121.43")
        case .pointLabel: .init("位置", "Point")
        case .workingGroup: .init("项目工作组", "Working group")
        case .workingGroupEmpty: .init("还没有工作组成员。", "No one in the working group yet.")
        case .memberAdd: .init("加入工作组", "Add to the working group")
        case .memberAdded: .init("已加入工作组。", "Added to the working group.")
        case .memberRemove: .init("移出", "Remove")
        case .memberRemoved: .init("已移出工作组。", "Removed from the working group.")
        case .memberRole: .init("身份", "As")
        case .memberWho: .init("是谁", "Who")
        case .memberWhoHint:
            .init(
                "居民：手机号、居民编号或姓名；规划师、居委会、业委会：平台账号的用户名；施工单位：单位名称。",
                "A resident: mobile, resident number or name; planner, committee, owners' committee: their username; contractor: its name."
            )
        case .memberClash: .init("这个人已经在工作组里了。", "They are in the working group already.")
        case .noAccount: .init("本区没有这个用户名的工作人员。", "No staff member of this district has that username.")
        case .roleResident: .init("居民代表", "Resident")
        case .rolePlanner: .init("社区规划师", "Community planner")
        case .roleCommittee: .init("居委会", "Residents' committee")
        case .roleOwnersCommittee: .init("业委会", "Owners' committee")
        case .roleContractor: .init("施工单位", "Contractor")
        case .statistics: .init("统计", "In figures")
        case .statProjects: .init("项目", "Projects")
        case .statMeetings: .init("已召开的会议", "Meetings held")
        case .statAttendance: .init("参会人次", "Attendance")
        case .statAttendanceLine: .init("{0}（其中线下名册和纸质 {1}）", "{0} (of which on the roster or paper: {1})")
        case .statDecisions: .init("作出的决定", "Decisions")
        case .statNeeds: .init("立项解决的需求", "Needs taken up")
        case .statByStage: .init("各阶段的项目数", "Projects at each step")
        }
    }
}
