/// An audit entry's details as sentences in the reader's language ("出生年份：1948 改为 1946"),
/// not `key=value`. Known keys have their own words; a key this table does not know is still
/// shown ("key: value"), so nothing recorded is ever hidden from the reader.
public enum AuditSentences {
    /// Keys shown as "label: a changed to b" when the value holds "a → b", else "label: value".
    static let labelled: [String: AuditDetailText] = [
        "name": AuditDetailText.name, "birthYear": AuditDetailText.birthYear, "phone": AuditDetailText.phone,
        "code": AuditDetailText.code, "kind": AuditDetailText.kind, "address": AuditDetailText.address,
        "officeAddress": AuditDetailText.officeAddress, "officeHours": AuditDetailText.officeHours,
        "officePhone": AuditDetailText.officePhone,
        "household": AuditDetailText.household, "unit": AuditDetailText.unit, "resident": AuditDetailText.resident,
        "area": AuditDetailText.area, "building": AuditDetailText.building,
        "source": AuditDetailText.source, "compound": AuditDetailText.compound,
    ]
    /// Keys read together with another key, or only useful to a machine (kept in the CSV).
    static let folded: Set<String> = [
        "to", "added", "updated", "unchanged", "sha256", "importedAt", "areaSource", "units", "households",
        "residents", "flag", "lines", "origins", "facilities", "matched", "kept", "edges",
    ]

    /// `name` gives a flag's, a role's or a channel's name in `lang` (the catalog's enum names).
    public static func sentences(
        _ details: [String: String], lang: Lang, name: (_ enumType: String, _ raw: String) -> String
    ) -> [String] {
        func t(_ text: AuditDetailText, _ args: String...) -> String { text.text(lang, args) }
        let sep = lang == .zhHans ? "、" : ", "
        func flags(_ v: String) -> String {
            v.split(separator: ";").map { name("ResidentFlag", String($0)) }.joined(separator: sep)
        }
        var out: [String] = []
        if let from = details["from"], let to = details["to"] { out.append(t(AuditDetailText.moved, from, to)) }
        if let rows = details["rows"], details["added"] != nil {
            out.append(
                t(
                    AuditDetailText.importRows, rows, details["added"] ?? "0", details["updated"] ?? "0",
                    details["unchanged"] ?? "0"))
        } else if let rows = details["rows"] {
            let what = [details["building"], details["flag"].map { name("ResidentFlag", $0) }]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            out.append(what.isEmpty ? t(AuditDetailText.listRows, rows) : t(AuditDetailText.listRowsOf, what, rows))
        }
        if let origins = details["origins"], let facilities = details["facilities"] {
            out.append(
                t(
                    AuditDetailText.atlas, details["source"] ?? "", origins, facilities, details["matched"] ?? "0",
                    details["kept"] ?? "0"))
        } else if let nodes = details["nodes"] {
            out.append(
                t(
                    AuditDetailText.demo, nodes, details["units"] ?? "0", details["households"] ?? "0",
                    details["residents"] ?? "0"))
        }
        for key in details.keys.sorted() {
            guard let value = details[key], !folded.contains(key), key != "rows", key != "nodes",
                key != "from" || details["to"] == nil
            else { continue }
            if key == "building", details["rows"] != nil { continue }
            switch key {
            case "flagsAdded": out.append(t(AuditDetailText.flagsAdded, flags(value)))
            case "flagsRemoved": out.append(t(AuditDetailText.flagsRemoved, flags(value)))
            case "role": out.append(t(AuditDetailText.role, name("Role", value)))
            case "verifiedFromRegister":
                out.append(t(value == "true" ? AuditDetailText.fromRegister : AuditDetailText.notFromRegister))
            case "addedCodes": out.append(t(AuditDetailText.addedCodes, value))
            case "updatedCodes": out.append(t(AuditDetailText.updatedCodes, value))
            case "part": out.append(t(AuditDetailText.part, value))
            case "method": out.append(t(value == "code" ? AuditDetailText.byCode : AuditDetailText.byPassword))
            case "source" where details["origins"] != nil: continue
            default:
                let label = labelled[key].map { t($0) } ?? key
                let parts = value.components(separatedBy: " → ")
                if parts.count == 2 {
                    out.append(
                        t(
                            AuditDetailText.changed, label, parts[0].isEmpty ? "—" : parts[0],
                            parts[1].isEmpty ? "—" : parts[1]))
                } else {
                    out.append(t(AuditDetailText.value, label, value))
                }
            }
        }
        return out
    }
}

/// The words of audit details (`Texts`).
public enum AuditDetailText: String, Texts {
    public static let prefix = "auditDetail"

    case name, birthYear, phone, code, kind, address, officeAddress, officeHours, officePhone, household, unit
    case resident, area, building, source, compound
    case changed, value, moved, importRows, listRows, listRowsOf, demo, flagsAdded, flagsRemoved, role
    case fromRegister, notFromRegister, addedCodes, updatedCodes, part, atlas, byCode, byPassword

    public var bilingual: Bilingual {
        switch self {
        case .name: .init("姓名", "Name")
        case .birthYear: .init("出生年份", "Year of birth")
        case .phone: .init("手机号", "Mobile number")
        case .code: .init("编号", "Number")
        case .kind: .init("类型", "Type")
        case .address: .init("地址", "Address")
        case .officeAddress: .init("居委会办公地址", "Committee office address")
        case .officeHours: .init("居委会办公时间", "Committee opening hours")
        case .officePhone: .init("居委会电话", "Committee telephone")
        case .household: .init("户号", "Household")
        case .unit: .init("房屋", "Home")
        case .resident: .init("居民", "Resident")
        case .area: .init("面积（平方米）", "Area (m²)")
        case .building: .init("楼栋", "Building")
        case .source: .init("来源", "Source")
        case .compound: .init("小区", "Compound")
        case .changed: .init("{0}：{1} 改为 {2}", "{0}: {1} changed to {2}")
        case .value: .init("{0}：{1}", "{0}: {1}")
        case .moved: .init("从户 {0} 迁到户 {1}", "Moved from household {0} to household {1}")
        case .importRows:
            .init("文件 {0} 行：新增 {1}，修改 {2}，未变 {3}", "{0} rows in the file: {1} added, {2} changed, {3} unchanged")
        case .listRows: .init("名单共 {0} 人", "A list of {0} people")
        case .listRowsOf: .init("名单（{0}）共 {1} 人", "A list ({0}) of {1} people")
        case .demo:
            .init("载入 {0} 个地方、{1} 套房屋、{2} 户、{3} 位居民", "Loaded {0} places, {1} homes, {2} households, {3} residents")
        case .flagsAdded: .init("加上标记：{0}", "Marks added: {0}")
        case .flagsRemoved: .init("去掉标记：{0}", "Marks removed: {0}")
        case .role: .init("角色：{0}", "Role: {0}")
        case .fromRegister: .init("手机号在住户登记中，已自动核验", "The number is on the household register: verified")
        case .notFromRegister: .init("手机号不在住户登记中，未核验", "The number is not on the household register: not verified")
        case .addedCodes: .init("新增：{0}", "Added: {0}")
        case .updatedCodes: .init("修改：{0}", "Changed: {0}")
        case .part: .init("第 {0} 部分", "Part {0}")
        case .atlas:
            .init(
                "地图 {0}：住宅区 {1} 处，设施 {2} 处；按名称对应小区 {3} 个，保留原有对应 {4} 个",
                "Map {0}: {1} residential areas, {2} facilities; {3} compounds matched by name, {4} earlier matches kept"
            )
        case .byCode: .init("用短信验证码登录", "Signed in with a text-message code")
        case .byPassword: .init("用密码登录", "Signed in with a password")
        }
    }
}
