/// The texts keyed `app.…` (`Texts`).
public enum AppText: String, Texts {
    public static let prefix = "app"

    case name
    case tagline

    public var bilingual: Bilingual {
        switch self {
        case .name: .init("议事", "Yishi")
        case .tagline: .init("社区参与式规划平台", "Participatory community planning")
        }
    }
}
