/// The texts keyed `people.…` (`Texts`): a resident's record, search and the committee's lists.
public enum PeopleText: String, Texts {
    public static let prefix = "people"

    case age
    case birthYear
    case phone
    case phoneNone
    case reveal
    case revealNote
    case revealed
    case flags
    case home
    case household
    case account
    case edit
    case channel
    case channelHint
    case saved
    case move
    case moveHousehold
    case moveHint
    case moved
    case noSuchHousehold
    case sameHousehold
    case addResident
    case residentAdded
    case addHousehold
    case householdCode
    case householdCodeHint
    case householdAdded
    case searchTitle
    case searchLabel
    case searchHint
    case searchButton
    case searchNone
    case searchMore
    case residents
    case units
    case households
    case owners
    case listTitle
    case listIntro
    case listFlag
    case listAll
    case listBuilding
    case listAllBuildings
    case listShow
    case listPrint
    case listCSV
    case listCount
    case listNone
    case listLink
    case building
    case door
    case printedAt
    case phoneKept
    case householdRename
    case householdRenamed
    case ownerTitle
    case ownerHomes
    case ownerEdit
    case ownerSaved
    case ownerAdd
    case ownerAdded
    case ownerCode
    case ownerCodeHint
    case ownerRemove
    case ownerRemoved
    case noSuchOwner

    public var bilingual: Bilingual {
        switch self {
        case .age: .init("{0} 岁", "{0} years old")
        case .birthYear: .init("出生年份", "Year of birth")
        case .phone: .init("手机号", "Mobile number")
        case .phoneNone: .init("没有登记", "None on record")
        case .reveal: .init("显示完整号码", "Show the whole number")
        case .revealNote:
            .init("每次显示完整号码都会记入操作日志。", "Each time the whole number is shown, it is recorded in the audit log.")
        case .revealed: .init("完整号码（已记入操作日志）", "Whole number (recorded in the audit log)")
        case .flags: .init("标记", "Marks")
        case .home: .init("住址", "Home")
        case .household: .init("户号", "Household number")
        case .account: .init("平台账户", "Account on Yishi")
        case .edit: .init("修改信息", "Change details")
        case .channel: .init("信息从哪里来", "Where this came from")
        case .channelHint:
            .init("例如本人到居委会说明、电话告知或纸质登记表。", "For example: in person at the committee, by phone, or on a paper form.")
        case .saved: .init("已保存。", "Saved.")
        case .move: .init("迁到另一户", "Move to another household")
        case .moveHousehold: .init("新户号", "New household number")
        case .moveHint: .init("只能迁到您负责范围内的户。", "Only to a household in your area.")
        case .moved: .init("已迁到新的户。", "Moved to the new household.")
        case .noSuchHousehold: .init("您负责的范围内没有这个户号。", "There is no household with this number in your area.")
        case .sameHousehold: .init("已经在这一户。", "Already in this household.")
        case .addResident: .init("在这一户新增居民", "Add a resident to this household")
        case .residentAdded: .init("已新增居民。", "Resident added.")
        case .addHousehold: .init("新增一户", "Add a household")
        case .householdCode: .init("户号", "Household number")
        case .householdCodeHint: .init("留空则自动编号。", "Leave blank to number it automatically.")
        case .householdAdded: .init("已新增一户。", "Household added.")
        case .searchTitle: .init("查找", "Search")
        case .searchLabel: .init("姓名、手机号、门牌或户号", "Name, mobile number, door or household number")
        case .searchHint:
            .init(
                "门牌写作“楼号-室号”，如 1-101；手机号可只写后四位。",
                "Write a door as building-room, e.g. 1-101; the last four digits of a mobile number are enough.")
        case .searchButton: .init("查找", "Search")
        case .searchNone: .init("在您负责的范围内没有找到“{0}”。", "Nothing found for “{0}” in your area.")
        case .searchMore: .init("只显示前 {0} 条，请写得更具体一些。", "Only the first {0} are shown: be more specific.")
        case .residents: .init("居民", "Residents")
        case .units: .init("房屋", "Homes")
        case .households: .init("户", "Households")
        case .owners: .init("业主", "Owners")
        case .listTitle: .init("居民名单", "Residents list")
        case .listIntro:
            .init("按标记和楼栋挑选居民，可打印或下载。", "Choose residents by mark and by building, then print or download the list.")
        case .listFlag: .init("标记", "Mark")
        case .listAll: .init("全部居民", "All residents")
        case .listBuilding: .init("楼栋", "Building")
        case .listAllBuildings: .init("全部楼栋", "All buildings")
        case .listShow: .init("显示名单", "Show the list")
        case .listPrint:
            .init(
                "要打印，请用浏览器菜单里的“打印”：打印出来只有这份名单。",
                "To print, use Print in your browser's menu: only this list is printed.")
        case .listCSV: .init("下载表格（CSV）", "Download as a spreadsheet (CSV)")
        case .listCount: .init("共 {0} 人", "{0} people")
        case .listNone: .init("没有符合条件的居民。", "No resident matches.")
        case .listLink: .init("居民名单", "Residents list")
        case .building: .init("楼栋", "Building")
        case .door: .init("门牌", "Door")
        case .printedAt: .init("{0} 打印", "Printed {0}")
        case .householdRename: .init("修改户号", "Change the household number")
        case .householdRenamed: .init("户号已修改。", "The household number is changed.")
        case .phoneKept:
            .init(
                "号码显示为 138****0001 这样：不改就保留原来的号码；要改，请输入完整的新号码。",
                "The number shows as 138****0001: leave it to keep the number on record, or type the whole new number.")
        case .ownerTitle: .init("业主 {0}", "Owner {0}")
        case .ownerHomes: .init("名下房屋", "Homes they own")
        case .ownerEdit: .init("修改业主信息", "Change the owner's details")
        case .ownerSaved: .init("业主信息已保存。", "The owner's details are saved.")
        case .ownerAdd: .init("登记业主", "Add an owner")
        case .ownerAdded: .init("已登记业主。", "The owner is added.")
        case .ownerCode: .init("已有业主的编号", "Number of an existing owner")
        case .ownerCodeHint:
            .init(
                "同一业主有几套房时填写，姓名和手机号就不用再填；新业主留空。",
                "For an owner of several homes: then name and phone are not needed. Leave blank for a new owner.")
        case .ownerRemove: .init("取消登记", "Remove")
        case .ownerRemoved: .init("已取消这套房屋的业主登记。", "The owner is removed from this home.")
        case .noSuchOwner: .init("没有这个业主编号。", "There is no owner with this number.")
        }
    }
}
