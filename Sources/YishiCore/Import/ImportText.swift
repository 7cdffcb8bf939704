/// The texts keyed `import.…` (`Texts`).
public enum ImportText: String, Texts {
    public static let prefix = "import"

    case title
    case intro
    case formats
    case kindCompounds = "kind.compounds"
    case kindBuildings = "kind.buildings"
    case kindUnits = "kind.units"
    case kindHouseholds = "kind.households"
    case kindOwners = "kind.owners"
    case file
    case submit
    case progress
    case interrupted
    case done
    case failed
    case line
    case unknownFormat
    case missingColumn
    case blank
    case badArea
    case noArea
    case badChoice
    case badYear
    case badPhone
    case badFlags
    case duplicate
    case inconsistent
    case unknownReference
    case outsideScope
    case emptyFile
    case notUTF8
    case malformedCSV
    case wrongLevel
    case codeElsewhere
    case badCode
    case tooLong
    case controlCharacter
    case at
    case node
    case allMine
    case jobFailed

    public var bilingual: Bilingual {
        switch self {
        case .title: .init("导入辖区数据", "Import territory data")
        case .intro:
            .init(
                "上传 CSV 文件（UTF-8）：小区、楼栋、房屋、户与居民、业主五种格式，按表头自动识别。任何一行有误则整个文件都不导入；同一文件重复导入不会产生变化。",
                "Upload a CSV file (UTF-8): compounds, buildings, units, households and residents, or owners, recognised by the header. If any row is wrong nothing is imported; importing the same file again changes nothing."
            )
        case .formats:
            .init(
                "格式说明见 docs/import-formats.md。", "The formats are described in docs/import-formats.md.")
        case .kindCompounds: .init("小区", "Compounds")
        case .kindBuildings: .init("楼栋", "Buildings")
        case .kindUnits: .init("房屋", "Units")
        case .kindHouseholds: .init("户与居民", "Households and residents")
        case .kindOwners: .init("业主", "Owners")
        case .file: .init("CSV 文件", "CSV file")
        case .submit: .init("导入", "Import")
        case .progress: .init("正在写入：已写入 {0} 行，共 {1} 行。", "Writing: {0} of {1} rows written.")
        case .interrupted:
            .init(
                "写入 {0} 行（共 {1} 行）后中断。已写入的行保留，也已记入审计日志。请再导入一次同一个文件：已有的行不会重复。",
                "Stopped after {0} of {1} rows were written. The rows written are kept and recorded in the audit log. Import the same file again to finish: rows already stored are not added twice."
            )
        case .done:
            .init(
                "导入完成（{0}）：新增 {1} 条，更新 {2} 条，未变 {3} 条。", "Imported ({0}): {1} added, {2} updated, {3} unchanged.")
        case .failed: .init("没有导入任何数据。请改正以下问题后重新上传：", "Nothing was imported. Fix these problems and upload again:")
        case .line: .init("第 {0} 行：{1}", "Line {0}: {1}")
        case .unknownFormat:
            .init(
                "无法识别文件格式：表头应是说明文档中五种格式之一。",
                "Unknown format: the header must be one of the five formats in the documentation.")
        case .missingColumn: .init("缺少列 {0}。", "Column {0} is missing.")
        case .blank: .init("{0} 不能为空。", "{0} must not be blank.")
        case .badArea:
            .init(
                "{0} 不是有效面积（平方米，大于零，最多两位小数）。", "{0} is not a valid area (m², above zero, at most two decimals).")
        case .noArea: .init("至少要有一种面积（登记、测绘或合同）。", "At least one area is needed (register, survey or contract).")
        case .badChoice: .init("{0} 的值无效，可选：{1}。", "{0} is not valid; allowed: {1}.")
        case .badYear: .init("出生年份无效。", "The year of birth is not valid.")
        case .badPhone: .init("手机号码无效（应为 11 位）。", "The mobile number is not valid (11 digits).")
        case .badFlags: .init("标记无效，可选：{0}（用分号分隔）。", "Unknown flag; allowed: {0} (separated by semicolons).")
        case .duplicate: .init("与第 {0} 行重复。", "Repeats line {0}.")
        case .inconsistent: .init("{0} 与第 {1} 行不一致。", "{0} differs from line {1}.")
        case .unknownReference: .init("找不到编码为 {0} 的记录。", "There is no record with code {0}.")
        case .outsideScope: .init("编码 {0} 不在您的工作范围内。", "Code {0} is outside your area.")
        case .emptyFile: .init("文件是空的。", "The file is empty.")
        case .notUTF8:
            .init(
                "文件不是 UTF-8 编码。在 Excel 中请选择“另存为 → CSV UTF-8（逗号分隔）”。",
                "The file is not UTF-8. In Excel choose “Save As → CSV UTF-8 (Comma delimited)”.")
        case .malformedCSV: .init("CSV 格式有误（引号没有成对？）。", "The CSV is malformed (an unclosed quote?).")
        case .wrongLevel: .init("编码 {0} 不是{1}。", "Code {0} is not a {1}.")
        case .codeElsewhere:
            .init(
                "编码 {0} 已属于其他位置的记录；导入不会移动记录。",
                "Code {0} belongs to a record elsewhere; an import does not move records.")
        case .badCode:
            .init(
                "{0} 不是有效编码（只能用字母、数字和 . _ -，最多 64 个）。",
                "{0} is not a valid code (letters, digits, . _ - only; at most 64)."
            )
        case .tooLong: .init("{0} 太长（最多 {1} 个字）。", "{0} is too long (at most {1} characters).")
        case .controlCharacter:
            .init(
                "{0} 含有不可见的控制字符（如制表符、换行或空字符），请删除后重新上传。",
                "{0} holds an invisible control character (a tab, a line break or a null); remove it and upload again.")
        case .at: .init("导入范围", "Imported at")
        case .node: .init("导入到", "Import into")
        case .allMine: .init("我负责的全部范围", "All of my areas")
        case .jobFailed: .init("没有导入任何数据：{0} 处问题，见下表。", "Nothing was imported: {0} problems, listed below.")
        }
    }
}
