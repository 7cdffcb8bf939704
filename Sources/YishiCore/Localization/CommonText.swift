/// The texts keyed `common.…` (`Texts`).
public enum CommonText: String, Texts {
    public static let prefix = "common"

    case save
    case back
    case add
    case submit
    case noneText = "none"
    case actions
    case name
    case code
    case kind
    case requiredText = "required"
    case optionalText = "optional"
    case yes
    case no
    case items
    case choose

    public var bilingual: Bilingual {
        switch self {
        case .save: .init("保存", "Save")
        case .back: .init("返回", "Back")
        case .add: .init("添加", "Add")
        case .submit: .init("提交", "Submit")
        case .noneText: .init("无", "None")
        case .actions: .init("操作", "Actions")
        case .name: .init("名称", "Name")
        case .code: .init("编码", "Code")
        case .kind: .init("类型", "Type")
        case .requiredText: .init("（必填）", "(required)")
        case .optionalText: .init("（选填）", "(optional)")
        case .yes: .init("是", "Yes")
        case .no: .init("否", "No")
        case .items: .init("共 {0} 条", "{0} in all")
        case .choose: .init("请选择", "Choose")
        }
    }
}
