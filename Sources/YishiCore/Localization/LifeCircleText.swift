/// The texts keyed `lifeCircle.…` (`Texts`).
public enum LifeCircleText: String, Texts {
    public static let prefix = "lifeCircle"

    case title
    case titleOf
    case intro
    case indexIntro = "index.intro"
    case indexNone = "index.none"
    case noneText = "none"
    case source
    case sharesTitle
    case sharesOf
    case sharesNone
    case colType = "col.type"
    case colRadius = "col.radius"
    case colAtTier = "col.atTier"
    case colWithin15 = "col.within15"
    case colCompound = "col.compound"
    case colMapName = "col.mapName"
    case colMissing = "col.missing"
    case colMissing15 = "col.missing15"
    case colLink = "col.link"
    case share
    case metres
    case missingItem
    case allReached
    case compoundsTitle
    case compoundsIntro
    case unnamed
    case notOnMap
    case mapTitle
    case mapAlt
    case below
    case downloads
    case csv
    case json
    case print
    case importLink
    case linksLink
    case linksTitle = "links.title"
    case linksIntro = "links.intro"
    case linksChoose = "links.choose"
    case linksNone = "links.none"
    case linksSave = "links.save"
    case linksSaved = "links.saved"
    case linksFilter = "links.filter"

    case bySubdistrict, colSubdistrict, colHomes, colAllReached, colWorst, moreRows, unlistedPlaces, legendGaps,
        legendFacilities, legendMine, mine, mapFull, legendCount

    case linksSearch, linksNoneFound, linksNear, linksNearText, linksOnMap, linksMore

    public var bilingual: Bilingual {
        switch self {
        case .linksSearch: .init("地图上的名称包含", "Name on the map contains")
        case .linksNoneFound: .init("没有符合条件的地图住宅区。", "No residential area on the map matches.")
        case .linksNear: .init("附近", "Nearby")
        case .linksNearText: .init("{0}（{1} 米）", "{0} ({1} m)")
        case .linksOnMap: .init("在地图上看位置", "See where it is on the map")
        case .linksMore: .init("另有 {0} 处没有显示，请用名称筛选。", "{0} more are not shown: filter by name.")
        case .bySubdistrict: .init("各街镇一览", "Subdistricts at a glance")
        case .colSubdistrict: .init("街镇", "Subdistrict")
        case .colHomes: .init("地图上的小区", "Compounds on the map")
        case .colAllReached: .init("设施齐全的小区", "Compounds with everything in reach")
        case .colWorst: .init("最常缺少", "Most often missing")
        case .moreRows: .init("显示其余 {0} 个小区", "Show the other {0} compounds")
        case .unlistedPlaces:
            .init(
                "地图上另有 {0} 处住宅区还没有对应到小区，不在表中列出。",
                "{0} more residential areas on the map are not matched to a compound yet and are not listed.")
        case .legendGaps:
            .init(
                "小区：圆圈里的数字是标准距离内缺少的设施类型数",
                "Compounds: the number in each circle is how many types are missing within the standard distance")
        case .legendFacilities: .init("设施", "Facilities")
        case .legendMine: .init("粗黑圈：我家所在的小区", "Thick black ring: my compound")
        case .mine: .init("我家", "Home")
        case .mapFull: .init("带道路的全区大图", "The whole district with its roads (large)")
        case .legendCount: .init("缺 {0} 类：{1} 个小区", "{0} missing: {1} compounds")
        case .title: .init("15分钟生活圈", "15-minute life circle")
        case .titleOf: .init("{0} · 15分钟生活圈", "{0} · 15-minute life circle")
        case .intro:
            .init(
                "步行能否在规定距离内到达日常设施：按步行路网计算，不是直线距离。",
                "Whether homes reach daily services on foot within the set distance, measured along the walking network, not as the crow flies."
            )
        case .indexIntro:
            .init(
                "选择一个区、街镇或居村，查看步行可达的日常设施。",
                "Choose a district, subdistrict or community to see which daily services are within walking distance.")
        case .indexNone:
            .init(
                "生活圈地图还在准备中：区里导入地图数据后，这里就能看到走路 15 分钟能到哪些设施。",
                "The life-circle maps are being prepared: once the district imports its map data, you will see here which services are within a 15-minute walk."
            )
        case .noneText: .init("{0}还没有导入地图数据。", "{0} has no map data yet.")
        case .source:
            .init(
                "地图数据来自 OpenStreetMap（{0}），{1} 导入。距离按步行道路计算。",
                "Map data from OpenStreetMap ({0}), imported {1}. Distances are measured along walking routes.")
        case .sharesTitle: .init("各类设施的覆盖率", "Share of homes covered, by facility type")
        case .sharesOf:
            .init(
                "统计 {0} 处住宅（小区和住宅楼）。", "Counted over {0} homes (compounds and residential buildings).")
        case .sharesNone:
            .init(
                "本范围内还没有与地图对应上的小区，暂时算不出覆盖率。",
                "No compound here is matched to the map yet, so there are no shares to show."
            )
        case .colType: .init("设施类型", "Facility type")
        case .colRadius: .init("标准距离", "Standard distance")
        case .colAtTier: .init("标准距离内", "Within the standard")
        case .colWithin15: .init("15分钟内（{0} 米）", "Within 15 minutes ({0} m)")
        case .colCompound: .init("小区", "Compound")
        case .colMapName: .init("地图上的名称", "Name on the map")
        case .colMissing: .init("标准距离内缺少", "Missing within the standard")
        case .colMissing15: .init("15分钟内缺少", "Missing within 15 minutes")
        case .colLink: .init("关联的小区", "Linked compound")
        case .share: .init("{0}%（{1}/{2}）", "{0}% ({1} of {2})")
        case .metres: .init("{0} 米", "{0} m")
        case .missingItem: .init("{0}（{1}）", "{0} ({1})")
        case .allReached: .init("齐全", "All reached")
        case .compoundsTitle: .init("小区缺口", "Gaps by compound")
        case .compoundsIntro:
            .init(
                "缺口多的排在前面。小区由多处组成时，按最远的一处计。",
                "Compounds with the most gaps come first. Where a compound has several places on the map, the farthest one counts."
            )
        case .unnamed: .init("（无名称）", "(no name)")
        case .notOnMap:
            .init(
                "另有 {0} 个小区还不在地图上。", "{0} more compounds are not on the map yet.")
        case .mapTitle: .init("覆盖地图", "Coverage map")
        case .mapAlt:
            .init(
                "{0}的小区（圆圈里是缺少的设施类型数）和周围的设施",
                "{0}: its compounds (each circle shows how many types it misses) and the facilities around them")
        case .below: .init("各街镇和居村", "Subdistricts and communities")
        case .downloads: .init("下载", "Downloads")
        case .csv: .init("缺口清单（CSV，可用 Excel 打开）", "Gap list (CSV, opens in Excel)")
        case .json: .init("数据接口（JSON）", "Data (JSON)")
        case .print: .init("打印时只印正文和地图。", "Printing gives the content and the map only.")
        case .importLink: .init("导入或更新地图数据", "Import or update the map data")
        case .linksLink: .init("关联小区", "Link compounds")
        case .linksTitle: .init("{0} · 关联地图小区", "{0} · Link map compounds")
        case .linksIntro:
            .init(
                "地图上的住宅区按名称自动关联到辖区小区；名称不同或重名时请在这里手动关联或更正。",
                "Residential areas on the map are linked to territory compounds by name; where names differ or repeat, link or correct them here."
            )
        case .linksChoose: .init("关联到", "Link to")
        case .linksNone: .init("不关联", "Not linked")
        case .linksSave: .init("保存所有改动", "Save all changes")
        case .linksSaved: .init("已保存关联。", "Link saved.")
        case .linksFilter: .init("只看未关联的", "Only those not linked")
        }
    }
}
