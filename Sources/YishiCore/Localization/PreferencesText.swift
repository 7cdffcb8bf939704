/// The texts keyed `pref.…` (`Texts`).
public enum PreferencesText: String, Texts {
    public static let prefix = "pref"

    case label
    case switchLanguage
    case careOn = "care.on"
    case careOff = "care.off"
    case careXl = "care.xl"
    case careSmaller = "care.smaller"

    public var bilingual: Bilingual {
        switch self {
        case .label: .init("显示设置", "Display settings")
        case .switchLanguage: .init("English", "中文")
        case .careOn: .init("长辈版（大字）", "Care mode (large text)")
        case .careOff: .init("标准版", "Standard view")
        case .careXl: .init("字再大些", "Larger text")
        case .careSmaller: .init("字小一些", "Smaller text")
        }
    }
}
