/// The texts keyed `help.…` (`Texts`): the help page and the privacy notice (个人信息保护法).
public enum HelpText: String, Texts {
    public static let prefix = "help"

    case title
    case whatTitle
    case what
    case signInTitle
    case signInResident
    case signInStaff
    case careTitle
    case care
    case verifyTitle
    case verify
    case staffTitle
    case staff
    case importHelp
    case privacyTitle
    case privacyIntro
    case collectTitle
    case collect
    case whyTitle
    case why
    case whoTitle
    case who
    case phoneTitle
    case phone
    case keepTitle
    case keep
    case rightsTitle
    case rights
    case contactTitle

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("帮助", "Help")
        case .whatTitle: .init("议事是做什么的", "What Yishi is for")
        case .what:
            .init(
                "议事是社区参与式规划平台：居民提出需求，大家一起商议方案、按法律规定表决、公开资金、评价成效。不登录也可以查看社区生活圈。",
                "Yishi is for planning your neighbourhood together: residents raise needs, then everyone discusses plans, votes as the law says, sees where the money goes and judges the results. You can look at the life circle without signing in."
            )
        case .signInTitle: .init("怎样登录", "How to sign in")
        case .signInResident:
            .init(
                "居民：在登录页填写手机号，收到 6 位验证码后填写即可，不需要密码。",
                "Residents: enter your mobile number on the sign-in page, then the 6-digit code we text you. No password is needed."
            )
        case .signInStaff:
            .init(
                "工作人员：用管理员给您的用户名和密码登录。",
                "Staff: sign in with the username and password your administrator gave you.")
        case .careTitle: .init("字太小？", "Text too small?")
        case .care:
            .init(
                "点页面上方的“长辈版（大字）”，字和按钮都会变大；再点“字再大些”还能更大。在手机上，这些按钮在“菜单”里。",
                "Press “Care mode (large text)” at the top: text and buttons get bigger; “Larger text” makes them bigger still. On a phone these are under “Menu”."
            )
        case .verifyTitle: .init("为什么要实名核验", "Why get verified")
        case .verify:
            .init(
                "核验后，您的意见按本小区居民计算，并可以参加投票。请带身份证到您所在的居委会办理，工作人员几分钟就能办好。",
                "Once verified, your views count as a resident of your compound and you can vote. Bring your ID card to your residents' committee: it takes a few minutes."
            )
        case .staffTitle: .init("工作人员", "Staff")
        case .staff:
            .init(
                "在“查找居民”里可以按姓名、手机号、门牌（如 1-101）或户号找到居民并修改信息；每项修改都会记入操作日志。居民名单可以按标记和楼栋挑选，打印或下载。",
                "Under “Find a resident” you can find a resident by name, mobile number, door (e.g. 1-101) or household number and correct their details; every change goes into the audit log. Residents lists can be chosen by mark and building, printed or downloaded."
            )
        case .importHelp: .init("导入表格的格式说明", "The formats of import files")
        case .privacyTitle: .init("个人信息保护", "Your personal data")
        case .privacyIntro:
            .init(
                "我们依照《中华人民共和国个人信息保护法》处理您的个人信息。这里说明收集什么、为什么、谁能看到。",
                "We handle your personal data under the Personal Information Protection Law of China. This page says what we collect, why, and who can see it."
            )
        case .collectTitle: .init("收集什么", "What we collect")
        case .collect:
            .init(
                "居民：手机号（用于登录）；居委会登记的住户信息——姓名、出生年份、手机号、住址、户号，以及老年人、独居、残疾等标记。工作人员：用户名、姓名、角色。我们还记录每次修改是谁做的。",
                "Residents: your mobile number (to sign in), and what your residents' committee keeps on the household register — name, year of birth, mobile number, home, household number, and marks such as elderly, living alone or disability. Staff: username, name and roles. We also record who made each change."
            )
        case .whyTitle: .init("为什么", "Why")
        case .why:
            .init(
                "为了让您登录；确认您住在这里，使您的意见和投票按法律计算；让居委会能联系和照顾需要帮助的居民；按小区规划服务设施。不用于广告，不出售。",
                "To sign you in; to confirm you live here so that your views and votes count as the law says; so that the committee can reach and look after residents who need help; to plan services by compound. Never for advertising, never sold."
            )
        case .whoTitle: .init("谁能看到", "Who can see it")
        case .who:
            .init(
                "只有负责您所在社区的居委会、街镇和区里的工作人员能看到住户信息，而且只能看到自己负责范围内的。业主委员会只能看到业主名册。社区规划师、物业和社会组织看不到住户信息。",
                "Only the staff responsible for your community — the residents' committee, the subdistrict and the district — can see the household register, and only within their own area. The owners' committee sees the owners' register only. Planners, property managers and social organisations cannot see the household register."
            )
        case .phoneTitle: .init("手机号", "Your mobile number")
        case .phone:
            .init(
                "页面上的手机号都显示为 138****0001 这样的形式。只有居委会工作人员在需要联系您时才能查看完整号码，每次查看都会记入操作日志。登录验证码通过短信服务商发送，服务商只得到号码和验证码。",
                "Mobile numbers show as 138****0001 everywhere. Only residents' committee staff can see the whole number, when they need to call you, and each time they do is recorded in the audit log. Sign-in codes go through an SMS provider, who gets only the number and the code."
            )
        case .keepTitle: .init("保存", "Keeping it")
        case .keep:
            .init(
                "信息保存在平台的服务器上，位于中国境内。操作日志不能修改，用来核查谁在什么时候做了什么。",
                "The data is kept on the platform's servers in China. The audit log cannot be changed: it shows who did what, and when."
            )
        case .rightsTitle: .init("您的权利", "Your rights")
        case .rights:
            .init(
                "您可以要求查看、更正您的信息，或者问我们为什么保存某项信息。请联系您所在的居委会，或下面的运营方。",
                "You may ask to see or correct your data, or ask why we keep something. Contact your residents' committee, or the operator below."
            )
        case .contactTitle: .init("联系我们", "Contact")
        }
    }
}
