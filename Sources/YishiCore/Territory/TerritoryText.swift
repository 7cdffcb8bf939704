/// The texts keyed `territory.…` (`Texts`).
public enum TerritoryText: String, Texts {
    public static let prefix = "territory"

    case title
    case children
    case empty
    case addChild
    case edit
    case badTelephone
    case officeTitle
    case officeAddress
    case officeHours
    case officePhone
    case officeHint
    case officeSaved
    case created
    case saved
    case level
    case address
    case buildingGroup
    case units
    case stats
    case unitTitle = "unit.title"
    case unitNumber = "unit.number"
    case unitArea = "unit.area"
    case unitRegisterArea = "unit.registerArea"
    case unitSurveyArea = "unit.surveyArea"
    case unitContractArea = "unit.contractArea"
    case unitAreaSource = "unit.areaSource"
    case unitStatus = "unit.status"
    case unitKind = "unit.kind"
    case unitOwners = "unit.owners"
    case unitHouseholds = "unit.households"
    case unitAdd = "unit.add"
    case household
    case residentName = "resident.name"
    case residentBirthYear = "resident.birthYear"
    case residentFlags = "resident.flags"
    case residentPhone = "resident.phone"
    case residentAssist = "resident.assist"
    case lifeCircles
    case planningAreas
    case communities

    public var bilingual: Bilingual {
        switch self {
        case .badTelephone:
            .init("电话号码无效（只能有数字、空格、横线和括号）。", "Not a telephone number (digits, spaces, dashes and brackets only).")
        case .officeTitle: .init("居委会办公信息", "The residents' committee office")
        case .officeAddress: .init("办公地址", "Office address")
        case .officeHours: .init("办公时间", "Opening hours")
        case .officePhone: .init("联系电话", "Telephone")
        case .officeHint: .init("居民在首页看到这些信息，用来找到居委会。", "Residents see this on their home page, to find the committee.")
        case .officeSaved: .init("居委会办公信息已保存。", "The committee office details are saved.")
        case .title: .init("辖区", "Territory")
        case .children: .init("下级", "Below")
        case .empty: .init("暂无下级。", "Nothing below yet.")
        case .addChild: .init("添加{0}", "Add a {0}")
        case .edit: .init("编辑{0}", "Edit this {0}")
        case .created: .init("已添加。", "Added.")
        case .saved: .init("已保存。", "Saved.")
        case .level: .init("层级", "Level")
        case .address: .init("地址", "Address")
        case .buildingGroup: .init("楼组", "Building group")
        case .units: .init("房屋", "Units")
        case .stats:
            .init(
                "房屋 {0} 套 · 计票面积 {1} ㎡ · 住户 {2} 户 · 居民 {3} 人",
                "{0} units · {1} m² counted · {2} households · {3} residents"
            )
        case .unitTitle: .init("房屋 {0}", "Unit {0}")
        case .unitNumber: .init("房号", "Number")
        case .unitArea: .init("面积（㎡）", "Area (m²)")
        case .unitRegisterArea: .init("登记面积（㎡）", "Register area (m²)")
        case .unitSurveyArea: .init("测绘面积（㎡）", "Survey area (m²)")
        case .unitContractArea: .init("合同面积（㎡）", "Contract area (m²)")
        case .unitAreaSource: .init("面积来源", "Area source")
        case .unitStatus: .init("交付状态", "Status")
        case .unitKind: .init("用途", "Use")
        case .unitOwners: .init("业主", "Owners")
        case .unitHouseholds: .init("住户", "Households")
        case .unitAdd: .init("添加房屋", "Add a unit")
        case .household: .init("户 {0}", "Household {0}")
        case .residentName: .init("姓名", "Name")
        case .residentBirthYear: .init("出生年份", "Year of birth")
        case .residentFlags: .init("标记", "Flags")
        case .residentPhone: .init("电话", "Phone")
        case .residentAssist: .init("代录登记", "Register for them")
        case .lifeCircles: .init("生活圈", "Life circles")
        case .planningAreas: .init("片区", "Planning areas")
        case .communities: .init("覆盖居村：{0}", "Communities: {0}")
        }
    }
}
