/// The texts keyed `atlas.…` (`Texts`).
public enum AtlasText: String, Texts {
    public static let prefix = "atlas"

    case importTitle = "import.title"
    case importIntro = "import.intro"
    case importDistrict = "import.district"
    case importFile = "import.file"
    case importSubmit = "import.submit"
    case importRecent = "import.recent"
    case importNoFile = "import.noFile"
    case importNotDistrict = "import.notDistrict"

    public var bilingual: Bilingual {
        switch self {
        case .importTitle: .init("导入地图数据", "Import map data")
        case .importIntro:
            .init(
                "上传本区的 OpenStreetMap 数据（.osm.pbf 或 .osm，最大 {0} MB）。导入在后台进行，页面会显示进度；新数据替换本区原有数据，文件有误时原有数据不变。",
                "Upload the district's OpenStreetMap extract (.osm.pbf or .osm, at most {0} MB). The import runs in the background with its progress shown; the new data replaces the district's previous data, and a bad file changes nothing."
            )
        case .importDistrict: .init("区", "District")
        case .importFile: .init("地图文件", "Map file")
        case .importSubmit: .init("上传并导入", "Upload and import")
        case .importRecent: .init("最近的导入", "Recent imports")
        case .importNoFile: .init("请选择一个地图文件。", "Choose a map file.")
        case .importNotDistrict: .init("地图数据按区导入，请选择一个区。", "Map data is imported per district; choose a district.")
        }
    }
}
