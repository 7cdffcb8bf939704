/// The texts keyed `error.…` (`Texts`).
public enum ErrorText: String, Texts {
    public static let prefix = "error"

    case title
    case code400 = "400"
    case code401 = "401"
    case code403 = "403"
    case code404 = "404"
    case code405 = "405"
    case code409 = "409"
    case code413 = "413"
    case code415 = "415"
    case code422 = "422"
    case code429 = "429"
    case code500 = "500"
    case code503 = "503"
    case csrf
    case malformedJSON
    case backHome
    case titleNotFound
    case titleForbidden
    case titleConflict

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("出错了", "Something went wrong")
        case .titleNotFound: .init("找不到这一页", "Page not found")
        case .titleForbidden: .init("不能打开这一页", "You cannot open this page")
        case .titleConflict: .init("已经处理过了", "Already done")
        case .code400: .init("请求有误。", "The request is not valid.")
        case .code401: .init("请先登录。", "Please sign in first.")
        case .code403: .init("您无权访问此内容。", "You are not allowed to see this.")
        case .code404: .init("找不到此页面。", "This page does not exist.")
        case .code405: .init("不支持这种请求方式。", "This kind of request is not supported.")
        case .code409:
            .init(
                "这项内容刚被别人改过或已存在，请刷新后再试。", "Someone has just changed this, or it already exists: reload and try again.")
        case .code413: .init("提交的内容过大。", "What you sent is too large.")
        case .code415: .init("提交的文件或数据格式不对。", "What you sent is not in a format we accept.")
        case .code422: .init("请检查填写的内容。", "Please check what you entered.")
        case .code429: .init("请求过于频繁，请稍后再试。", "Too many requests: please wait and try again.")
        case .code500: .init("服务器出错了，请稍后再试。", "The server failed: please try again later.")
        case .code503: .init("服务暂时不可用。", "The service is not available just now.")
        case .csrf:
            .init(
                "表单已过期，请返回上一页刷新后重新提交。", "The form has expired: go back, reload the page and send it again.")
        case .malformedJSON: .init("JSON 格式有误：{0}", "Malformed JSON: {0}")
        case .backHome: .init("返回首页", "Back to the home page")
        }
    }
}
