/// The texts keyed `survey.…` (`Texts`): questionnaires (问卷).
public enum SurveyText: String, Texts {
    public static let prefix = "survey"

    case title, listTitle, listEmpty, newTitle, fieldTitle, fieldIntro, fieldDays, daysHint, create, created
    case daysInvalid
    case questionsTitle, addQuestion, kind, kindSingle, kindMultiple, kindScale, kindText, prompt, options
    case requiredLabel, needCategory, questionAdded, badPrompt, badOptions, noQuestions, tooManyQuestions
    case publish, published, needQuestions, close, closed, statusDraft, statusOpen, statusClosed, openUntil
    case submit, answered, alreadyAnswered, notOpen, paperTitle, paperResident, paperEntered, signInToAnswer
    case resultsTitle, responses, answeredCount, mean, csv, required, invalid, tooLong, scaleHint, becameNeeds
    case optional, editLocked, answeredAt, point, textsPrivate, timesCount

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("问卷", "Questionnaires")
        case .listTitle: .init("{0}的问卷", "Questionnaires of {0}")
        case .listEmpty:
            .init(
                "这里还没有问卷。居委会发布问卷后，居民可以在这里填写。",
                "No questionnaires here yet. When the committee publishes one, residents fill it in here.")
        case .newTitle: .init("新建问卷", "New questionnaire")
        case .fieldTitle: .init("问卷标题", "Title")
        case .fieldIntro: .init("说明（告诉居民为什么要填、怎么用结果）", "Introduction (why to answer and how the results are used)")
        case .fieldDays: .init("开放天数", "Days it stays open")
        case .daysInvalid: .init("请填 1 到 90 之间的整数天数。", "Give a whole number of days from 1 to 90.")
        case .daysHint:
            .init(
                "发布后开放的天数，1 到 90 天，默认 14 天。", "Days it stays open once published: 1 to 90, 14 unless you say otherwise."
            )
        case .create: .init("保存草稿", "Save the draft")
        case .created: .init("草稿已保存。现在加问题，加好后发布。", "Draft saved. Now add the questions, then publish.")
        case .questionsTitle: .init("问题", "Questions")
        case .addQuestion: .init("加一个问题", "Add a question")
        case .kind: .init("题型", "Kind of question")
        case .kindSingle: .init("单选", "One choice")
        case .kindMultiple: .init("多选", "Several choices")
        case .kindScale: .init("打分（1 到 5 分）", "A score from 1 to 5")
        case .kindText: .init("文字回答", "Written answer")
        case .prompt: .init("问题", "Question")
        case .options: .init("选项（每行一个，2 到 10 个；单选和多选才需要）", "Choices (one a line, 2 to 10; only for choice questions)")
        case .requiredLabel: .init("必须回答", "Must be answered")
        case .optional: .init("可以不答", "May be left out")
        case .needCategory:
            .init(
                "文字回答变成哪一类需求（只用于文字回答；不选则只作为回答）",
                "The kind of need written answers become (written answers only; leave empty to keep them as answers)")
        case .questionAdded: .init("问题已加上。", "The question is added.")
        case .badPrompt: .init("请写问题，最多 200 字。", "Write the question, in up to 200 characters.")
        case .badOptions:
            .init(
                "选项要 2 到 10 个，每行一个，不能重复，每个最多 50 字。",
                "Give 2 to 10 different choices, one a line, each up to 50 characters.")
        case .noQuestions: .init("还没有问题。先加问题，再发布。", "No questions yet. Add them, then publish.")
        case .tooManyQuestions: .init("一份问卷最多 30 个问题。", "A questionnaire has at most 30 questions.")
        case .publish: .init("发布问卷", "Publish")
        case .published: .init("问卷已发布，居民现在可以填写。", "Published: residents can answer now.")
        case .needQuestions: .init("问卷至少要有一个问题才能发布。", "A questionnaire needs at least one question to be published.")
        case .close: .init("提前结束", "Close now")
        case .closed: .init("问卷已结束，不再收回答。", "Closed: no more answers are taken.")
        case .statusDraft: .init("草稿", "Draft")
        case .statusOpen: .init("进行中", "Open")
        case .statusClosed: .init("已结束", "Closed")
        case .openUntil: .init("开放到 {0}", "Open until {0}")
        case .submit: .init("提交问卷", "Send my answers")
        case .answered: .init("谢谢！您的回答已收到。", "Thank you: your answers are in.")
        case .alreadyAnswered: .init("您已经填过这份问卷了，每人只能填一次。", "You have answered this already; each person answers once.")
        case .notOpen: .init("这份问卷现在不收回答。", "This questionnaire is not taking answers.")
        case .paperTitle: .init("录入纸质问卷", "Enter a paper questionnaire")
        case .paperResident:
            .init(
                "居民（手机号、居民编号或姓名；不记名问卷可不填）",
                "Resident (mobile, resident number or name; leave empty for an unsigned form)")
        case .paperEntered: .init("已录入，可以接着录下一份。", "Entered. You can enter the next one.")
        case .signInToAnswer: .init("登录并完成实名核验后可以填写。", "Sign in and be verified to answer.")
        case .resultsTitle: .init("结果", "Results")
        case .responses: .init("共 {0} 份回答，其中 {1} 份由工作人员录入。", "{0} responses, {1} of them entered by staff.")
        case .answeredCount: .init("{0} 人回答了这一题", "{0} answered this")
        case .mean: .init("平均 {0} 分（满分 5 分）", "Average {0} out of 5")
        case .csv: .init("下载结果（CSV）", "Download the answers (CSV)")
        case .required: .init("这一题必须回答。", "This question must be answered.")
        case .invalid: .init("这一题的回答不对，请重新选。", "This answer is not one of the choices; choose again.")
        case .tooLong: .init("最多 500 字。", "At most 500 characters.")
        case .scaleHint: .init("1 分最不满意，5 分最满意", "1 is the least satisfied, 5 the most")
        case .becameNeeds: .init("文字回答变成了需求，写在“社区需求”里。", "Written answers became needs, listed under community needs.")
        case .answeredAt: .init("填写时间", "Answered on")
        case .point: .init("{0} 分", "Score {0}")
        case .textsPrivate: .init("文字回答只有居委会能看到。", "Written answers are seen by the committee only.")
        case .timesCount: .init("{0}（{1} 人）", "{0} ({1} people)")
        case .editLocked: .init("问卷发布后不能再改问题。", "Questions cannot change once the questionnaire is published.")
        }
    }
}
