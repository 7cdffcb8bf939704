import Foundation

/// One row of an owners' register: a unit, who owns it, its delivery status and areas.
public struct RegisterUnit: Hashable, Sendable {
    public var unit: String
    /// Owner ids; order does not matter.
    public var owners: [String]
    public var status: UnitStatus
    public var kind: UnitKind
    public var areas: UnitAreas
    /// Where the row came from (a CSV line), for messages; 0 when unknown.
    public var line: Int

    public init(
        unit: String, owners: [String], status: UnitStatus, kind: UnitKind = .residential, areas: UnitAreas,
        line: Int = 0
    ) {
        self.unit = unit
        self.owners = owners
        self.status = status
        self.kind = kind
        self.areas = areas
        self.line = line
    }
}

/// One voting person (建筑物区分所有权解释 art. 9): a unit, a buyer's several units, a co-owned
/// unit, or all the developer's unsold and undelivered units together.
public struct VotingPerson: Hashable, Sendable {
    public var owners: [String]
    public var units: [String]
    public var area: Int64
    public var isDeveloper: Bool

    public init(owners: [String], units: [String], area: Int64, isDeveloper: Bool) {
        self.owners = owners
        self.units = units
        self.area = area
        self.isDeveloper = isDeveloper
    }
}

/// Why a register cannot be frozen; each names the rows concerned.
public enum RegisterProblem: Hashable, Sendable, Error {
    case duplicateUnit(unit: String, lines: [Int])
    case noArea(unit: String, line: Int)
    case noOwners(unit: String, line: Int)
    /// Owner sets that overlap without being equal: staff must resolve them before voting.
    case overlappingOwners(
        owner: String, first: (unit: String, owners: [String], line: Int),
        second: (unit: String, owners: [String], line: Int))

    public static func == (a: Self, b: Self) -> Bool { a.message.en == b.message.en }
    public func hash(into h: inout Hasher) { h.combine(message.en) }

    public var line: Int {
        switch self {
        case .duplicateUnit(_, let lines): return lines.last ?? 0
        case .noArea(_, let l), .noOwners(_, let l): return l
        case .overlappingOwners(_, _, let second): return second.line
        }
    }

    public var message: Bilingual {
        switch self {
        case .duplicateUnit(let u, let lines):
            return .init(
                "房屋 \(u) 重复出现（第 \(lines.map(String.init).joined(separator: "、")) 行）",
                "unit \(u) appears more than once (lines \(lines.map(String.init).joined(separator: ", ")))")
        case .noArea(let u, _):
            return .init(
                "房屋 \(u) 没有面积（登记、测绘、合同面积都为空）", "unit \(u) has no area (register, survey and contract are all blank)")
        case .noOwners(let u, _):
            return .init("已交付的房屋 \(u) 没有业主", "delivered unit \(u) has no owners")
        case .overlappingOwners(let o, let a, let b):
            let sa = a.owners.joined(separator: ";")
            let sb = b.owners.joined(separator: ";")
            return .init(
                "业主 \(o) 在房屋 \(a.unit)（{\(sa)}）和 \(b.unit)（{\(sb)}）中的共有人不同：须先由工作人员确定如何计人数",
                "owner \(o) holds unit \(a.unit) as {\(sa)} and unit \(b.unit) as {\(sb)}: the owner sets overlap without being equal; staff must resolve this before counting"
            )
        }
    }
}

extension FrozenRegister {
    static func duplicateUnits(_ units: [RegisterUnit]) -> [RegisterProblem] {
        var seen: [String: Int] = [:]
        seen.reserveCapacity(units.count)
        var problems: [RegisterProblem] = []
        for u in units {
            if let first = seen.updateValue(u.line, forKey: u.unit) {
                problems.append(.duplicateUnit(unit: u.unit, lines: [first, u.line]))
            }
        }
        return problems
    }
}

/// Every problem that stops a register from being frozen.
public struct RegisterProblems: Error, Hashable, Sendable {
    public var list: [RegisterProblem]
}

/// A register frozen for one vote: persons, their areas, and how they were formed.
public struct FrozenRegister: Sendable {
    public var persons: [VotingPerson]
    /// Every owner id on the register → the index of their person.
    public var personOfOwner: [String: Int]
    public var areaTotal: Int64
    public var parkingCounted: Bool
    public var parkingExcluded: Int
    public var areaSources: [AreaSource: Int]
    public var notes: [Bilingual]

    public init(
        persons: [VotingPerson], personOfOwner: [String: Int], areaTotal: Int64, parkingCounted: Bool,
        parkingExcluded: Int, areaSources: [AreaSource: Int], notes: [Bilingual]
    ) {
        self.persons = persons
        self.personOfOwner = personOfOwner
        self.areaTotal = areaTotal
        self.parkingCounted = parkingCounted
        self.parkingExcluded = parkingExcluded
        self.areaSources = areaSources
        self.notes = notes
    }

    /// Groups units into persons. Parking units count only when `countParking` (default: not).
    public static func freeze(_ units: [RegisterUnit], countParking: Bool = false) -> Result<
        FrozenRegister, RegisterProblems
    > {
        // Duplicate units are looked for on the other core meanwhile: the check is independent of the
        // grouping, and any duplicate fails the freeze whatever the grouping found.
        let duplicates = Concurrently(units) { Self.duplicateUnits($0) }
        var problems: [RegisterProblem] = []
        var developer = VotingPerson(owners: [], units: [], area: 0, isDeveloper: true)
        var developerOwners: Set<String> = []
        var persons: [VotingPerson] = []
        var personOfKey: [String: Int] = [:]
        var firstLineOfPerson: [Int] = []
        var personOfOwner: [String: Int] = [:]
        personOfOwner.reserveCapacity(units.count)
        var sourceCounts = [0, 0, 0]
        var parkingExcluded = 0
        var multiUnitPersons = 0
        var coOwned = 0

        for u in units {
            if u.kind == .parking && !countParking {
                parkingExcluded += 1
                continue
            }
            guard let counted = u.areas.counted else {
                problems.append(.noArea(unit: u.unit, line: u.line))
                continue
            }
            sourceCounts[counted.source == .register ? 0 : (counted.source == .survey ? 1 : 2)] += 1
            if u.status != .delivered {
                developer.units.append(u.unit)
                developer.area += counted.area.centi
                developerOwners.formUnion(u.owners)
                continue
            }
            // The common case, one owner, is handled without building an owner array for the unit.
            if u.owners.count == 1 {
                let o = u.owners[0].trimmed
                guard !o.isEmpty else {
                    problems.append(.noOwners(unit: u.unit, line: u.line))
                    continue
                }
                if let p = personOfOwner[o] {
                    guard persons[p].owners.count == 1 else {
                        problems.append(
                            .overlappingOwners(
                                owner: o, first: (persons[p].units[0], persons[p].owners, firstLineOfPerson[p]),
                                second: (u.unit, [o], u.line)))
                        continue
                    }
                    if persons[p].units.count == 1 { multiUnitPersons += 1 }
                    persons[p].units.append(u.unit)
                    persons[p].area += counted.area.centi
                } else {
                    personOfOwner[o] = persons.count
                    firstLineOfPerson.append(u.line)
                    persons.append(
                        VotingPerson(owners: [o], units: [u.unit], area: counted.area.centi, isDeveloper: false))
                }
                continue
            }
            let owners = Array(Set(u.owners.map(\.trimmed).filter { !$0.isEmpty })).sorted()
            guard !owners.isEmpty else {
                problems.append(.noOwners(unit: u.unit, line: u.line))
                continue
            }
            let key = owners.count == 1 ? nil : owners.joined(separator: "\u{1F}")
            if let key, let p = personOfKey[key] {
                if persons[p].units.count == 1 { multiUnitPersons += 1 }
                persons[p].units.append(u.unit)
                persons[p].area += counted.area.centi
                continue
            }
            if key == nil, let p = personOfOwner[owners[0]], persons[p].owners.count == 1 {
                // The same owner written twice ("A;A").
                if persons[p].units.count == 1 { multiUnitPersons += 1 }
                persons[p].units.append(u.unit)
                persons[p].area += counted.area.centi
                continue
            }
            // A new owner set: none of its owners may belong to another set.
            if let clash = owners.first(where: { personOfOwner[$0] != nil }) {
                let p = personOfOwner[clash]!
                problems.append(
                    .overlappingOwners(
                        owner: clash, first: (persons[p].units[0], persons[p].owners, firstLineOfPerson[p]),
                        second: (u.unit, owners, u.line)))
                continue
            }
            let p = persons.count
            if let key {
                personOfKey[key] = p
                coOwned += 1
            }
            firstLineOfPerson.append(u.line)
            for o in owners { personOfOwner[o] = p }
            persons.append(VotingPerson(owners: owners, units: [u.unit], area: counted.area.centi, isDeveloper: false))
        }
        problems = duplicates.wait() + problems
        guard problems.isEmpty else { return .failure(RegisterProblems(list: problems)) }
        var sources: [AreaSource: Int] = [:]
        for (i, s) in AreaSource.allCases.enumerated() where sourceCounts[i] > 0 { sources[s] = sourceCounts[i] }

        var notes: [Bilingual] = []
        if !developer.units.isEmpty {
            // An owner on a delivered unit votes for that person, not for the developer.
            developer.owners = developerOwners.filter { personOfOwner[$0] == nil }.sorted()
            for o in developer.owners { personOfOwner[o] = persons.count }
            persons.append(developer)
            notes.append(
                .init(
                    "开发建设单位未出售或已出售未交付的 \(developer.units.count) 套房屋合计为一人，面积 \(Area(centi: developer.area)) ㎡（建筑物区分所有权解释第九条）",
                    "the developer's \(developer.units.count) unsold or undelivered units count as one person with \(Area(centi: developer.area)) m² (interpretation art. 9)"
                ))
        }
        if multiUnitPersons > 0 {
            notes.append(
                .init(
                    "\(multiUnitPersons) 位业主拥有多套房屋，各按一人计、面积合计",
                    "owners holding several units: \(multiUnitPersons); each counts as one person with the areas summed"
                ))
        }
        if coOwned > 0 {
            notes.append(
                .init(
                    "\(coOwned) 套（组）房屋由多人共有，各按一人计",
                    "co-owned units (or groups of units): \(coOwned); each counts as one person"))
        }
        if parkingExcluded > 0 {
            notes.append(
                .init(
                    "\(parkingExcluded) 个车位按管理规约不计入",
                    "parking units left out under the estate's rules: \(parkingExcluded)"))
        } else if countParking {
            notes.append(.init("按管理规约，车位计入面积和人数", "parking units are counted, as the estate's rules provide"))
        }
        let srcText = AreaSource.allCases.compactMap { s in sources[s].map { (s, $0) } }
        if !srcText.isEmpty {
            notes.append(
                .init(
                    "面积来源：" + srcText.map { "\(Catalog.name($0.0, .zhHans)) \($0.1) 套" }.joined(separator: "，")
                        + "（不动产登记优先，其次测绘、合同）",
                    "area sources: "
                        + srcText.map { "\(Catalog.name($0.0, .en).lowercased()) \($0.1)" }.joined(separator: ", ")
                        + " (register first, then survey, then contract)"))
        }
        return .success(
            FrozenRegister(
                persons: persons, personOfOwner: personOfOwner, areaTotal: persons.reduce(0) { $0 + $1.area },
                parkingCounted: countParking, parkingExcluded: parkingExcluded, areaSources: sources, notes: notes))
    }
}
