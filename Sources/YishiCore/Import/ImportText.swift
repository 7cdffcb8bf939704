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
    case encodings, templates, preview, confirm, previewGone, history, historyNone, historyWhen, historyWho
    case historyFile, historyResult, resultDone, resultFailed, resultStopped, resultRunning, helpTitle, helpIntro
    case helpColumn, helpEnglish, helpRequired, helpValues, valueCode, valueRef, valueText, valueAddress, valueArea
    case valueYear, valuePhone, valueFlags, valueOneOf
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
                "上传表格（CSV）：小区、楼栋、房屋、户与居民、业主五种，按表头自动识别，表头和取值可以用中文。先核对：告诉您将新增、修改多少条，哪些行有问题；您确认后才写入。任何一行有误则整个文件都不导入；同一文件重复导入不会产生变化。",
                "Upload a spreadsheet (CSV): compounds, buildings, units, households and residents, or owners, recognised by the header; headers and values may be in Chinese. It is checked first: you see how many rows will be added or changed and which rows have problems, and nothing is written until you confirm. If any row is wrong nothing is imported; importing the same file again changes nothing."
            )
        case .formats:
            .init(
                "每种表格的列和可填的值", "The columns and values of each kind of file")
        case .kindCompounds: .init("小区", "Compounds")
        case .kindBuildings: .init("楼栋", "Buildings")
        case .kindUnits: .init("房屋", "Units")
        case .kindHouseholds: .init("户与居民", "Households and residents")
        case .kindOwners: .init("业主", "Owners")
        case .file: .init("CSV 文件", "CSV file")
        case .submit: .init("上传并核对", "Upload and check")
        case .encodings:
            .init(
                "可以读 UTF-8 和 GB18030/GBK 编码（中文 Excel 另存的 CSV 就是 GB18030）。",
                "UTF-8 and GB18030/GBK files are read (Chinese Excel saves CSV as GB18030).")
        case .templates: .init("下载空白模板（含示例行）：", "Download a template (with example rows):")
        case .preview:
            .init(
                "核对完毕（{0}）：将新增 {1} 条，修改 {2} 条，不变 {3} 条。还没有写入任何数据。",
                "Checked ({0}): {1} to add, {2} to change, {3} unchanged. Nothing is written yet.")
        case .confirm: .init("确认导入", "Confirm the import")
        case .previewGone:
            .init(
                "这份文件已经确认导入过，或核对结果已过期。请重新上传。",
                "This file was already confirmed, or the check has expired. Please upload it again.")
        case .history: .init("导入记录", "Import history")
        case .historyNone: .init("还没有导入过文件。", "No file imported yet.")
        case .historyWhen: .init("时间", "When")
        case .historyWho: .init("操作人", "By")
        case .historyFile: .init("文件", "File")
        case .historyResult: .init("结果", "Result")
        case .resultDone: .init("新增 {0} · 修改 {1} · 不变 {2}", "{0} added · {1} changed · {2} unchanged")
        case .resultFailed: .init("{0} 行有问题，没有导入", "{0} rows with problems: nothing imported")
        case .resultStopped: .init("没有完成", "Did not finish")
        case .resultRunning: .init("进行中", "In progress")
        case .helpTitle: .init("导入表格的格式", "The formats of import files")
        case .helpIntro:
            .init(
                "每种表格第一行是表头，列名用中文或英文都可以，列的顺序随意。不需要的列可以不要；下表没有的列会被忽略。",
                "The first line of each file is the header; columns may be named in Chinese or in English, in any order. Columns this page does not list are ignored."
            )
        case .helpColumn: .init("列名", "Column")
        case .helpEnglish: .init("英文列名", "English name")
        case .helpRequired: .init("必填", "Required")
        case .helpValues: .init("怎么填", "What to write")
        case .valueCode:
            .init(
                "字母、数字、点、横线或下划线，最多 64 个字符，全平台唯一",
                "Letters, digits, dots, dashes or underscores, at most 64, unique on the platform")
        case .valueRef: .init("已经导入的编号", "A number already imported")
        case .valueText: .init("文字，最多 100 个字", "Text, at most 100 characters")
        case .valueAddress: .init("文字，最多 200 个字", "Text, at most 200 characters")
        case .valueArea:
            .init(
                "平方米，大于零，最多两位小数；三种面积至少填一种",
                "Square metres, above zero, at most two decimals; at least one of the three areas")
        case .valueYear: .init("1900 年到今年", "1900 to this year")
        case .valuePhone: .init("11 位手机号，可以不填", "An 11-digit mobile number, or blank")
        case .valueFlags: .init("可以不填；多个用分号隔开", "May be blank; several separated by semicolons")
        case .valueOneOf: .init("以下之一", "One of")
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
