/// The texts keyed `notice.…` (`Texts`).
public enum NoticeText: String, Texts {
    public static let prefix = "notice"

    case title, listTitle, listEmpty, newTitle, fieldTitle, fieldBody, fieldDays, daysHint, daysInvalid
    case fieldFiles, filesHint, fileRefused, create, created, publish, published, draft, alreadyPublished
    case period, running, outcomeNoObjection, outcomeAnswered, outcomeWaiting, runningCount
    case objectionsTitle, object, objectText, objectHint, objected, objectionClosed
    case signInToObject, paperTitle, residentOptional, answer, answerLabel, answered, answerBy, notAnswered
    case posterKind, objectionEnded, paperText, paperSubmit, changeAnswer, posterOffice, residentHint, signIn
    case ended, poster, posterFooter, publishedBy, received, files, noObjectionsYet

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("公示", "Public notices")
        case .listTitle: .init("{0}的公示", "Public notices of {0}")
        case .listEmpty:
            .init(
                "这里还没有公示。居委会、街道发布的公示会出现在这里。",
                "No notices here yet. Notices the committee or the subdistrict publishes appear here.")
        case .newTitle: .init("起草公示", "Draft a notice")
        case .fieldTitle: .init("标题", "Title")
        case .fieldBody: .init("公示内容", "What it says")
        case .fieldDays: .init("公示天数", "Days it runs")
        case .daysHint:
            .init(
                "默认 7 天，最多 90 天。填 0 表示只公布、不收异议，会被记录下来。",
                "7 days unless you say otherwise, at most 90. 0 means published without time for objections, and that is recorded."
            )
        case .daysInvalid: .init("请填 0 到 90 之间的整数天数。", "Give a whole number of days from 0 to 90.")
        case .fieldFiles: .init("附件（可选）", "Files (optional)")
        case .filesHint:
            .init(
                "JPEG、PNG、WebP 图片或 PDF，最多 5 个，每个不超过 5 MB。照片里的位置信息会被去掉。",
                "JPEG, PNG or WebP pictures or PDF: up to 5, each at most 5 MB. Locations inside photos are removed.")
        case .fileRefused:
            .init(
                "附件只能是 JPEG、PNG、WebP 图片或 PDF，最多 5 个，每个不超过 5 MB。没有保存任何内容。",
                "Files must be JPEG, PNG or WebP pictures or PDF: up to 5, each at most 5 MB. Nothing was saved.")
        case .create: .init("保存草稿", "Save the draft")
        case .created:
            .init("草稿已保存。检查无误后点“发布公示”，所有人都能看到。", "Draft saved. Check it, then press “Publish” for everyone to see it.")
        case .publish: .init("发布公示", "Publish")
        case .published: .init("公示已发布，公示期从现在开始。", "Published: the notice period starts now.")
        case .draft: .init("草稿，只有工作人员能看到", "Draft: only staff can see it")
        case .alreadyPublished: .init("这条公示已经发布，内容不能再改。", "This notice is published and can no longer change.")
        case .period: .init("公示期：{0} 至 {1}", "Runs from {0} to {1}")
        case .posterKind: .init("公示", "Public notice")
        case .objectionEnded:
            .init(
                "公示期已结束，不再收异议。有事可以直接联系居委会。",
                "The notice period has ended: no more objections are taken. You can still contact the committee.")
        case .paperText: .init("异议内容", "What the objection says")
        case .paperSubmit: .init("录入异议", "Enter the objection")
        case .changeAnswer: .init("修改答复", "Change the answer")
        case .posterOffice: .init("居委会：{0}　电话：{1}", "Committee office: {0}, telephone {1}")
        case .residentHint:
            .init("手机号、居民编号或姓名；匿名来信不填。", "Mobile, resident number or name; leave empty for an unsigned letter.")
        case .signIn: .init("登录", "Sign in")
        case .running: .init("公示中", "Running")
        case .ended: .init("公示期满", "Ended")
        case .outcomeNoObjection: .init("公示期满，无异议。", "The notice period has ended with no objection.")
        case .outcomeAnswered:
            .init("公示期满，收到 {0} 条异议，均已答复。", "The notice period has ended: {0} objections, each answered.")
        case .outcomeWaiting:
            .init(
                "公示期满，收到 {0} 条异议，还有 {1} 条没有答复。",
                "The notice period has ended: {0} objections, {1} still waiting for an answer.")
        case .runningCount:
            .init("公示中。目前收到 {0} 条异议，{1} 条待答复。", "Running. Objections so far: {0}; waiting for an answer: {1}.")
        case .objectionsTitle: .init("异议和答复", "Objections and answers")
        case .noObjectionsYet: .init("目前还没有人提出异议。", "No one has objected so far.")
        case .object: .init("提出异议", "Object")
        case .objectText: .init("您的异议", "Your objection")
        case .objectHint:
            .init("请写明对哪一部分有意见、为什么。最多 500 字。", "Say which part you disagree with and why, in up to 500 characters.")
        case .objected:
            .init("您的异议已提交，居委会会在这条公示下答复。", "Your objection is sent; the answer will appear under this notice.")
        case .objectionClosed:
            .init(
                "这条公示现在不收异议（公示期已结束或还没有发布）。有事可以直接联系居委会。",
                "This notice is not taking objections (its period has ended or it is not published). You can still contact the committee."
            )
        case .signInToObject:
            .init("登录并完成实名核验后，可以在这里提出异议。", "Sign in and be verified to object here.")
        case .paperTitle: .init("录入书面或口头异议", "Enter an objection received on paper or in person")
        case .residentOptional:
            .init("居民（可不填）", "Resident (optional)")
        case .answer: .init("答复", "Answer")
        case .answerLabel: .init("答复内容", "The answer")
        case .answered: .init("答复已保存，所有人都能看到。", "The answer is saved and shown to everyone.")
        case .answerBy: .init("答复：{0}", "Answer: {0}")
        case .notAnswered: .init("待答复", "Waiting for an answer")
        case .poster: .init("打印张贴版（A4）", "Poster to print (A4)")
        case .posterFooter:
            .init(
                "对以上内容有异议的，请在公示期内到居委会提出，或在网上提出：{0}",
                "Objections may be made during the notice period at the committee's office, or online: {0}")
        case .publishedBy: .init("发布：{0}", "Published by: {0}")
        case .received: .init("{0}（{1}）", "{0} ({1})")
        case .files: .init("附件", "Files")
        }
    }
}
