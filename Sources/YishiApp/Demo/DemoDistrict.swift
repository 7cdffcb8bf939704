import Foundation
import YishiCore

/// The demo district: 宝山区 with its twelve real subdistricts, invented communities, compounds of
/// all six housing types (and villages), buildings, units with realistic areas, households,
/// invented residents and owners. The same every time (a fixed-seed generator).
struct DemoDistrict {
    struct Sub {
        var code: String
        var name: String
        var kind: SubdistrictKind
        var communities: [Comm]
    }
    struct Comm {
        var code: String
        var name: String
        var kind: CommunityKind
        var compounds: [Comp]
    }
    struct Comp {
        var code: String
        var name: String
        var type: HousingType
        var address: String
        var buildings: [Bldg]
    }
    struct Bldg {
        var code: String
        var name: String
        var group: String
        var units: [UnitRow]
    }
    struct UnitRow {
        var code: String
        var number: String
        var kind: UnitKind
        var status: UnitStatus
        var areas: UnitAreas
        var owners: [(code: String, name: String, phone: String?)]
        var household:
            (
                code: String,
                residents: [(code: String, name: String, birthYear: Int, phone: String?, flags: ResidentFlags)]
            )?
    }

    var subdistricts: [Sub]

    static let districtCode = "BS"
    static let districtName = "宝山区"
    /// The resident demo sign-in: this phone is on the household register of the first community.
    static let residentPhone = "13800000001"

    /// The twelve subdistricts of Baoshan, and two invented communities in each (a village in the towns that have them).
    static let layout: [(String, SubdistrictKind, [(String, CommunityKind)])] = [
        ("友谊路街道", .street, [("宝林一村居民区", .residential), ("友谊新村居民区", .residential)]),
        ("吴淞街道", .street, [("淞滨居民区", .residential), ("同泰北路居民区", .residential)]),
        ("张庙街道", .street, [("通河一村居民区", .residential), ("泗塘新村居民区", .residential)]),
        ("庙行镇", .town, [("共康雅苑居民区", .residential), ("康家村", .village)]),
        ("淞南镇", .town, [("淞南四村居民区", .residential), ("红星村", .village)]),
        ("高境镇", .town, [("高境一村居民区", .residential), ("三门路居民区", .residential)]),
        ("大场镇", .town, [("大华一村居民区", .residential), ("联东村", .village)]),
        ("杨行镇", .town, [("杨鑫居民区", .residential), ("杨行村", .village)]),
        ("月浦镇", .town, [("月浦新村居民区", .residential), ("聚源桥村", .village)]),
        ("罗店镇", .town, [("美兰湖居民区", .residential), ("天平村", .village)]),
        ("顾村镇", .town, [("菊泉新城居民区", .residential), ("沈杨村", .village)]),
        ("罗泾镇", .town, [("罗泾新苑居民区", .residential), ("塘湾村", .village)]),
    ]

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高沈顾陆蒋").map(String.init)
    static let givenNames = [
        "建国", "秀英", "玉兰", "志强", "丽华", "文杰", "桂英", "海峰", "雪梅", "国平", "晓燕", "伟", "芳", "静", "敏", "磊", "军", "洁", "勇", "婷",
        "宏", "慧",
    ]
    /// Residential housing types cycle so that every type appears; villages use villageCluster.
    static let residentialTypes: [HousingType] = [
        .formerPublicHousing, .commodityHousing, .resettlementHousing, .foreignCommodityHousing, .historicVilla,
        .commodityHousing,
    ]

    static func make() -> DemoDistrict {
        var rng = SplitMix64(seed: 2026)
        var typeIndex = 0
        var phoneSerial = 1
        var subs: [Sub] = []
        for (si, (subName, subKind, comms)) in layout.enumerated() {
            let subCode = String(format: "BS%02d", si + 1)
            var communities: [Comm] = []
            for (ci, (commName, commKind)) in comms.enumerated() {
                let commCode = "\(subCode)-C\(ci + 1)"
                var compounds: [Comp] = []
                for k in 0..<2 {
                    let type: HousingType
                    if commKind == .village {
                        type = .villageCluster
                    } else {
                        type = residentialTypes[typeIndex % residentialTypes.count]
                        typeIndex += 1
                    }
                    let compCode = "\(commCode)-X\(k + 1)"
                    let compName =
                        commKind == .village
                        ? "\(commName.replacingOccurrences(of: "村", with: ""))\(k == 0 ? "东" : "西")宅"
                        : compoundName(commName, k, type)
                    var buildings: [Bldg] = []
                    let buildingCount = type == .historicVilla ? 4 : 3
                    for b in 0..<buildingCount {
                        let bCode = "\(compCode)-B\(b + 1)"
                        var units: [UnitRow] = []
                        let floors = type == .historicVilla ? 1 : (type == .villageCluster ? 2 : 3)
                        let perFloor = type == .historicVilla ? 2 : 2
                        for f in 1...floors {
                            for d in 1...perFloor {
                                let number = type == .historicVilla ? "\(d)号" : "\(f)0\(d)"
                                let uCode = "\(bCode)-\(f)0\(d)"
                                let base: Int64
                                switch type {
                                case .formerPublicHousing: base = 4200
                                case .commodityHousing: base = 8900
                                case .foreignCommodityHousing: base = 13500
                                case .historicVilla: base = 21000
                                case .resettlementHousing: base = 6800
                                case .villageCluster: base = 11000
                                }
                                let centi = base + Int64(rng.next(upTo: 3000))
                                let surveyed = centi + Int64(rng.next(upTo: 40)) - 20
                                // Most units have the register area; some only a survey, a few only a contract.
                                let roll = rng.next(upTo: 10)
                                let areas =
                                    roll < 7
                                    ? UnitAreas(register: Area(centi: centi), survey: Area(centi: surveyed))
                                    : (roll < 9
                                        ? UnitAreas(survey: Area(centi: surveyed))
                                        : UnitAreas(contract: Area(centi: centi)))
                                let unsold =
                                    type == .commodityHousing && b == buildingCount - 1 && f == floors && d == perFloor
                                let status: UnitStatus = unsold ? .developerUnsold : .delivered
                                var owners: [(String, String, String?)] = []
                                var household: (String, [(String, String, Int, String?, ResidentFlags)])? = nil
                                if !unsold {
                                    let surname = surnames[rng.next(upTo: surnames.count)]
                                    let head = surname + givenNames[rng.next(upTo: givenNames.count)]
                                    let phone = String(format: "138%08d", phoneSerial)
                                    phoneSerial += 1
                                    owners.append(("O-\(uCode)", head, phone))
                                    if rng.next(upTo: 5) == 0 {
                                        owners.append(
                                            (
                                                "O-\(uCode)-2",
                                                surnames[rng.next(upTo: surnames.count)]
                                                    + givenNames[rng.next(upTo: givenNames.count)], nil
                                            ))
                                    }
                                    var residents: [(String, String, Int, String?, ResidentFlags)] = []
                                    let headYear = 1940 + rng.next(upTo: 55)
                                    var flags: ResidentFlags = []
                                    if headYear <= 1966 { flags.insert(.elderly) }
                                    if rng.next(upTo: 6) == 0 { flags.insert(.partyMember) }
                                    if f == 1 && d == 1 { flags.insert(.buildingGroupLeader) }
                                    if rng.next(upTo: 12) == 0 { flags.insert(.representative) }
                                    if rng.next(upTo: 25) == 0 { flags.insert(.disability) }
                                    residents.append(("R-\(uCode)-1", head, headYear, phone, flags))
                                    let others = rng.next(upTo: 4)
                                    for o in 0..<others {
                                        let year = o == 0 ? headYear + rng.next(upTo: 6) - 3 : 1980 + rng.next(upTo: 40)
                                        let name =
                                            (o == 0 ? surnames[rng.next(upTo: surnames.count)] : surname)
                                            + givenNames[rng.next(upTo: givenNames.count)]
                                        residents.append(
                                            (
                                                "R-\(uCode)-\(o + 2)", name, min(year, 2024), nil,
                                                year <= 1966 ? .elderly : []
                                            ))
                                    }
                                    household = ("H-\(uCode)", residents)
                                }
                                units.append(
                                    UnitRow(
                                        code: uCode, number: number, kind: .residential, status: status, areas: areas,
                                        owners: owners.map { ($0.0, $0.1, $0.2) },
                                        household: household.map { ($0.0, $0.1.map { ($0.0, $0.1, $0.2, $0.3, $0.4) }) }
                                    ))
                            }
                        }
                        if type == .commodityHousing && b == 0 {
                            units.append(
                                UnitRow(
                                    code: "\(bCode)-P1", number: "车位 P1", kind: .parking, status: .delivered,
                                    areas: UnitAreas(register: Area(centi: 1250)), owners: [], household: nil))
                        }
                        buildings.append(
                            Bldg(
                                code: bCode, name: type == .historicVilla ? "\(b + 1)号楼" : "\(b + 1)号",
                                group: "第\(b / 2 + 1)楼组", units: units))
                    }
                    compounds.append(
                        Comp(
                            code: compCode, name: compName, type: type,
                            address: "宝山区\(subName.prefix(2))路\(100 + k * 20 + ci * 3)号", buildings: buildings))
                }
                communities.append(Comm(code: commCode, name: commName, kind: commKind, compounds: compounds))
            }
            subs.append(Sub(code: subCode, name: subName, kind: subKind, communities: communities))
        }
        return DemoDistrict(subdistricts: subs)
    }

    static func compoundName(_ community: String, _ k: Int, _ type: HousingType) -> String {
        let stem = community.replacingOccurrences(of: "居民区", with: "")
        switch type {
        case .formerPublicHousing: return "\(stem)\(k == 0 ? "" : "二")小区"
        case .commodityHousing: return "\(stem)\(k == 0 ? "花园" : "雅苑")"
        case .foreignCommodityHousing: return "\(stem)国际公寓"
        case .historicVilla: return "\(stem)老洋房"
        case .resettlementHousing: return "\(stem)动迁安置小区"
        case .villageCluster: return "\(stem)集中居住点"
        }
    }
}
