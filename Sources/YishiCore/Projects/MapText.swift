/// The texts keyed `communityMap.…` (`Texts`): the community planning map (一图).
public enum MapText: String, Texts {
    public static let prefix = "communityMap"

    case title, intro, alt, whole, legendNeed, legendProject, legendWaiting, legendUnderway, legendDone
    case legendGap, legendGapNone, listTitle, needLine, projectLine, empty, open, onMap

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("{0}社区规划图", "Community planning map of {0}")
        case .intro:
            .init(
                "每个方块是一个小区，里面的小方块是楼。圆点是居民提出的需求，方块是项目，数字对应下面的清单。",
                "Each block is a compound, the small squares its buildings. Round pins are residents' needs, square pins projects; the numbers match the list below."
            )
        case .alt: .init("{0}的小区、楼栋、需求和项目", "Compounds, buildings, needs and projects of {0}")
        case .whole: .init("整个社区：", "The whole community:")
        case .legendNeed: .init("圆点：需求", "Round: a need")
        case .legendProject: .init("方块：项目", "Square: a project")
        case .legendWaiting: .init("橙色：等待中", "Orange: waiting")
        case .legendUnderway: .init("蓝色：在做", "Blue: under way")
        case .legendDone: .init("绿色：已完成", "Green: done")
        case .legendGap:
            .init(
                "小区底色越深，15 分钟生活圈里缺的服务越多；右上角写着缺几类。",
                "The darker a compound, the more kinds of everyday service its homes lack within 15 minutes; the number is written at its top right."
            )
        case .legendGapNone:
            .init("这里还没有生活圈数据，小区不着色。", "There is no life-circle data here yet, so compounds are not shaded.")
        case .listTitle: .init("图上的编号", "The numbers on the map")
        case .needLine: .init("{0}. 需求：{1}（{2}）", "{0}. Need: {1} ({2})")
        case .projectLine: .init("{0}. 项目：{1}（{2}）", "{0}. Project: {1} ({2})")
        case .empty: .init("这个社区还没有小区。", "This community has no compounds yet.")
        case .open: .init("社区规划图", "Planning map")
        case .onMap: .init("在社区规划图上看", "See it on the planning map")
        }
    }
}
