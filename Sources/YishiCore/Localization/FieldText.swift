/// The texts keyed `field.…` (`Texts`).
public enum FieldText: String, Texts {
    public static let prefix = "field"

    case requiredText = "required"
    case tooLong
    case invalid
    case taken
    case badArea
    case chooseFile
    case password
    case wrongLevel
    case unknownNode
    case kind
    case tooLong32 = "tooLong.32"
    case tooLong64 = "tooLong.64"
    case tooLong100 = "tooLong.100"
    case tooLong200 = "tooLong.200"
    case controlCharacter

    public var bilingual: Bilingual {
        switch self {
        case .requiredText: .init("此项必填。", "This is required.")
        case .tooLong: .init("最多 {0} 个字。", "At most {0} characters.")
        case .invalid: .init("此项无效。", "This is not valid.")
        case .taken: .init("已被使用。", "This is already in use.")
        case .badArea: .init("不是有效面积（平方米，大于零，最多两位小数）。", "Not a valid area (m², above zero, at most two decimals).")
        case .chooseFile: .init("请选择文件。", "Choose a file.")
        case .password: .init("密码至少 10 位。", "At least 10 characters.")
        case .wrongLevel: .init("此角色不能在该层级持有。", "This role cannot be held at that level.")
        case .unknownNode: .init("找不到这个辖区节点。", "There is no such territory node.")
        case .kind: .init("类型无效。", "This type is not valid.")
        case .tooLong32: .init("最多 32 个字。", "At most 32 characters.")
        case .tooLong64: .init("最多 64 个字。", "At most 64 characters.")
        case .tooLong100: .init("最多 100 个字。", "At most 100 characters.")
        case .tooLong200: .init("最多 200 个字。", "At most 200 characters.")
        case .controlCharacter:
            .init(
                "含有不可见的控制字符（如制表符或换行），请删除。", "Holds an invisible control character (a tab or a line break); remove it.")
        }
    }
}
