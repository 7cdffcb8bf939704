import Foundation

/// The CSV files that fill the territory below communities. Each kind is known by its header.
public enum TerritoryImportKind: String, CaseIterable, Sendable, Codable {
    case compounds, buildings, units, households, owners

    /// Required columns, in the documented order (docs/import-formats.md).
    public var requiredColumns: [String] {
        switch self {
        case .compounds: return ["code", "community", "name", "housing_type"]
        case .buildings: return ["code", "compound", "name"]
        case .units:
            return ["code", "building", "number", "kind", "status", "register_area", "survey_area", "contract_area"]
        case .households: return ["household", "unit", "resident", "name", "birth_year", "phone", "flags"]
        case .owners: return ["owner", "name", "phone", "unit"]
        }
    }

    /// Columns that may be present as well.
    public var optionalColumns: [String] {
        switch self {
        case .compounds: return ["address"]
        case .buildings: return ["building_group"]
        default: return []
        }
    }

    /// The kind whose required columns all appear in `header`; nil when none or several fit.
    public static func detect(header: [String]) -> TerritoryImportKind? {
        let names = Set(header.map(normalizeHeader))
        let fits = allCases.filter { Set($0.requiredColumns).isSubset(of: names) }
        return fits.count == 1 ? fits[0] : nil
    }

    /// A column's name as the file gives it: the English name, or its Chinese one (`chineseNames`).
    static func normalizeHeader(_ s: String) -> String {
        let v = s.trimmed
        return chineseColumns[v] ?? v.lowercased()
    }

    /// The Chinese name of each column, as committee staff write it in a spreadsheet (the template
    /// uses these); the English names work as well.
    public static let chineseNames: [String: String] = [
        "code": "编号", "community": "社区编号", "name": "名称", "housing_type": "房屋类型", "address": "地址",
        "compound": "小区编号", "building_group": "楼组", "building": "楼栋编号", "number": "门牌",
        "kind": "用途", "status": "交付状态", "register_area": "登记面积", "survey_area": "测绘面积",
        "contract_area": "合同面积", "household": "户号", "unit": "房屋编号", "resident": "居民编号",
        "birth_year": "出生年份", "phone": "手机号", "flags": "标记", "owner": "业主编号",
    ]
    /// For a households file the "name" column is a person's: "姓名" reads as well as "名称".
    static let chineseColumns: [String: String] = {
        var out = Dictionary(uniqueKeysWithValues: chineseNames.map { ($1, $0) })
        out["姓名"] = "name"
        return out
    }()

    /// A column's header in a language: the English name, or the Chinese one ("姓名" for a person).
    public func header(_ column: String, chinese: Bool) -> String {
        guard chinese else { return column }
        if column == "name", self == .households || self == .owners { return "姓名" }
        return Self.chineseNames[column] ?? column
    }
}

/// Why a row was refused. `rawValue` is the message key (both languages in the catalog).
public enum ImportProblem: Hashable, Sendable {
    case unknownFormat
    case missingColumn(String)
    case blank(String)
    case badArea(String)
    case noArea
    case badChoice(String, allowed: [String])
    case badYear
    case badPhone
    case badFlags
    case duplicate(firstLine: Int)
    case inconsistent(String, firstLine: Int)
    case unknownReference(String)
    case outsideScope(String)
    /// The code belongs to a record elsewhere (another level or another parent): not moved by import.
    case codeElsewhere(String)
    case wrongLevel(String, expected: TerritoryLevel)
    /// A code column that is not a code (letters, digits, `.`, `_`, `-`; at most 64).
    case badCode(String)
    case tooLong(String, max: Int)
    /// A control character (tab, line break inside a field, NUL, DEL …) in the column.
    case controlCharacter(String)
    case emptyFile
    case notUTF8
    case malformedCSV

    /// The catalog key of the message and its arguments.
    public var message: (key: String, args: [String]) {
        switch self {
        case .unknownFormat: return (ImportText.unknownFormat.key, [])
        case .missingColumn(let c): return (ImportText.missingColumn.key, [c])
        case .blank(let c): return (ImportText.blank.key, [c])
        case .badArea(let c): return (ImportText.badArea.key, [c])
        case .noArea: return (ImportText.noArea.key, [])
        case .badChoice(let c, let allowed): return (ImportText.badChoice.key, [c, allowed.joined(separator: ", ")])
        case .badYear: return (ImportText.badYear.key, [])
        case .badPhone: return (ImportText.badPhone.key, [])
        case .badFlags: return (ImportText.badFlags.key, [ResidentFlags.named.map(\.name).joined(separator: ", ")])
        case .duplicate(let l): return (ImportText.duplicate.key, [String(l)])
        case .inconsistent(let c, let l): return (ImportText.inconsistent.key, [c, String(l)])
        case .unknownReference(let code): return (ImportText.unknownReference.key, [code])
        case .outsideScope(let code): return (ImportText.outsideScope.key, [code])
        case .codeElsewhere(let code): return (ImportText.codeElsewhere.key, [code])
        case .wrongLevel(let code, let level): return (ImportText.wrongLevel.key, [code, level.rawValue])
        case .badCode(let c): return (ImportText.badCode.key, [c])
        case .tooLong(let c, let max): return (ImportText.tooLong.key, [c, String(max)])
        case .controlCharacter(let c): return (ImportText.controlCharacter.key, [c])
        case .emptyFile: return (ImportText.emptyFile.key, [])
        case .notUTF8: return (ImportText.notUTF8.key, [])
        case .malformedCSV: return (ImportText.malformedCSV.key, [])
        }
    }
}

/// A refused row: its line in the file (the header is line 1) and why.
public struct ImportIssue: Hashable, Sendable {
    public var line: Int
    public var problem: ImportProblem
    public init(line: Int, problem: ImportProblem) {
        self.line = line
        self.problem = problem
    }
}

/// Every refused row of a file; nothing of the file is imported.
public struct ImportFailure: Error, Hashable, Sendable {
    public var issues: [ImportIssue]
    public init(_ issues: [ImportIssue]) { self.issues = issues }
}

/// One validated row, typed. `line` is kept so that later checks against the database can name it.
public enum TerritoryRecord: Hashable, Sendable {
    case compound(line: Int, code: String, community: String, name: String, housingType: HousingType, address: String)
    case building(line: Int, code: String, compound: String, name: String, buildingGroup: String)
    case unit(
        line: Int, code: String, building: String, number: String, kind: UnitKind, status: UnitStatus, areas: UnitAreas)
    case resident(
        line: Int, household: String, unit: String, code: String, name: String, birthYear: Int, phone: String?,
        flags: ResidentFlags)
    case ownership(line: Int, owner: String, name: String, phone: String?, unit: String)

    /// The line of the file the record came from.
    public var line: Int {
        switch self {
        case .compound(let l, _, _, _, _, _), .building(let l, _, _, _, _), .unit(let l, _, _, _, _, _, _),
            .resident(let l, _, _, _, _, _, _, _), .ownership(let l, _, _, _, _):
            l
        }
    }
}

/// Validates rows of a territory CSV without touching storage: every row is checked and every
/// problem reported, so the person importing fixes the file once.
public enum TerritoryImportValidator {
    /// `rows` are the data rows in file order, each with the line it starts on (the header is line 1).
    public static func validate(header: [String], rows: [(line: Int, fields: [String])], currentYear: Int) -> Result<
        (TerritoryImportKind, [TerritoryRecord]), ImportFailure
    > {
        let report = check(header: header, rows: rows, currentYear: currentYear)
        guard let kind = report.kind, report.issues.isEmpty else { return .failure(ImportFailure(report.issues)) }
        return .success((kind, report.records))
    }

    /// Every row checked: the file's kind (nil when the header fits none), the rows that passed and
    /// every problem of the others — so the importer can check the good rows against what is
    /// stored and report everything wrong with the file at once.
    public static func check(header: [String], rows: [(line: Int, fields: [String])], currentYear: Int) -> (
        kind: TerritoryImportKind?, records: [TerritoryRecord], issues: [ImportIssue]
    ) {
        switch checkRows(header: header, rows: rows, currentYear: currentYear) {
        case .failure(let f): return (nil, [], f.issues)
        case .success(let r): return r
        }
    }

    static func checkRows(header: [String], rows: [(line: Int, fields: [String])], currentYear: Int) -> Result<
        (kind: TerritoryImportKind?, records: [TerritoryRecord], issues: [ImportIssue]), ImportFailure
    > {
        guard !header.isEmpty, !(header.count == 1 && header[0].isEmpty) else {
            return .failure(ImportFailure([ImportIssue(line: 1, problem: .emptyFile)]))
        }
        guard let kind = TerritoryImportKind.detect(header: header) else {
            return .failure(ImportFailure([ImportIssue(line: 1, problem: .unknownFormat)]))
        }
        let index = Dictionary(
            header.enumerated().map { (TerritoryImportKind.normalizeHeader($0.element), $0.offset) },
            uniquingKeysWith: { first, _ in first })
        var records: [TerritoryRecord] = []
        var issues: [ImportIssue] = []
        var seen: [String: Int] = [:]
        var households: [String: (unit: String, line: Int)] = [:]
        var owners: [String: (name: String, phone: String?, line: Int)] = [:]

        for (line, row) in rows {
            if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            var rowIssues: [ImportProblem] = []
            // A control character anywhere refuses the line, whatever the column.
            for (i, field) in row.enumerated() where FieldRules.hasControlCharacter(field) {
                rowIssues.append(
                    .controlCharacter(i < header.count ? TerritoryImportKind.normalizeHeader(header[i]) : "#\(i + 1)"))
            }
            let controlFree = rowIssues.isEmpty
            func raw(_ column: String) -> String {
                guard let i = index[column], i < row.count else { return "" }
                return row[i]
            }
            func value(_ column: String) -> String { controlFree ? raw(column).trimmed : "" }
            /// The problem of a field, in the words of the import report.
            func note<T>(_ column: String, _ result: Result<T, FieldProblem>) -> T? {
                switch result {
                case .success(let v): return v
                case .failure(.required): rowIssues.append(.blank(column))
                case .failure(.invalid): rowIssues.append(.badCode(column))
                case .failure(.tooLong(let max)): rowIssues.append(.tooLong(column, max: max))
                case .failure(.controlCharacter): break  // reported above for the whole row
                }
                return nil
            }
            func required(_ column: String) -> String {
                guard controlFree else { return "" }
                return note(column, FieldRules.text(raw(column), max: FieldRules.nameMax)) ?? ""
            }
            func codeField(_ column: String) -> String {
                guard controlFree else { return "" }
                return note(column, FieldRules.code(raw(column))) ?? ""
            }
            func optional(_ column: String, max: Int) -> String {
                guard controlFree else { return "" }
                return (note(column, FieldRules.optional(raw(column), max: max)) ?? nil) ?? ""
            }
            func choice<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) -> E?
            where E.RawValue == String {
                let v = required(column)
                guard !v.isEmpty else { return nil }
                if let e = E(rawValue: v) { return e }
                // The Chinese name as the pages show it (售后公房, 已交付 …) reads as well.
                if let e = E.allCases.first(where: { Catalog.name($0, .zhHans) == v }) { return e }
                rowIssues.append(
                    .badChoice(column, allowed: E.allCases.map { "\($0.rawValue)/\(Catalog.name($0, .zhHans))" }))
                return nil
            }
            func phone(_ column: String) -> String? {
                let v = value(column)
                guard !v.isEmpty else { return nil }
                guard let p = ResidentRules.phone(v).value else {
                    rowIssues.append(.badPhone)
                    return nil
                }
                return p
            }
            func unique(_ key: String) {
                // A blank or refused code is reported as such, not as a repeat of another blank one.
                guard !key.isEmpty, !key.hasPrefix("\u{1F}"), !key.hasSuffix("\u{1F}") else { return }
                if let first = seen[key] { rowIssues.append(.duplicate(firstLine: first)) } else { seen[key] = line }
            }

            var record: TerritoryRecord?
            switch kind {
            case .compounds:
                let code = codeField("code")
                let community = codeField("community")
                let name = required("name")
                let type = choice("housing_type", HousingType.self)
                let address = optional("address", max: FieldRules.addressMax)
                unique(code)
                if let type {
                    record = .compound(
                        line: line, code: code, community: community, name: name, housingType: type, address: address)
                }
            case .buildings:
                let code = codeField("code")
                let compound = codeField("compound")
                let name = required("name")
                let group = optional("building_group", max: FieldRules.nameMax)
                unique(code)
                record = .building(line: line, code: code, compound: compound, name: name, buildingGroup: group)
            case .units:
                let code = codeField("code")
                let building = codeField("building")
                let number =
                    controlFree ? note("number", FieldRules.text(raw("number"), max: FieldRules.numberMax)) ?? "" : ""
                let unitKind = choice("kind", UnitKind.self)
                let status = choice("status", UnitStatus.self)
                var areas = UnitAreas()
                for (column, path) in [
                    ("register_area", \UnitAreas.register), ("survey_area", \.survey), ("contract_area", \.contract),
                ] {
                    let v = value(column)
                    guard !v.isEmpty else { continue }
                    if let a = Area(parsing: v), a.centi > 0 {
                        areas[keyPath: path] = a
                    } else {
                        rowIssues.append(.badArea(column))
                    }
                }
                if areas.counted == nil
                    && !rowIssues.contains(where: { if case .badArea = $0 { return true } else { return false } })
                {
                    rowIssues.append(.noArea)
                }
                unique(code)
                if let unitKind, let status {
                    record = .unit(
                        line: line, code: code, building: building, number: number, kind: unitKind, status: status,
                        areas: areas)
                }
            case .households:
                let household = codeField("household")
                let unit = codeField("unit")
                let code = codeField("resident")
                let name = required("name")
                // The same rules as the resident form (`ResidentRules`), in the report's words.
                var year: Int?
                if controlFree {
                    switch ResidentRules.birthYear(raw("birth_year"), currentYear: currentYear) {
                    case .success(let y): year = y
                    case .failure(.required): rowIssues.append(.blank("birth_year"))
                    case .failure: rowIssues.append(.badYear)
                    }
                }
                let p = phone("phone")
                let flags = ResidentRules.flags(ResidentRules.flagNames(value("flags"))).value
                if controlFree, flags == nil { rowIssues.append(.badFlags) }
                unique(code)
                if !household.isEmpty, !unit.isEmpty {
                    if let h = households[household], h.unit != unit {
                        rowIssues.append(.inconsistent("unit", firstLine: h.line))
                    } else if households[household] == nil {
                        households[household] = (unit, line)
                    }
                }
                if let year, let flags {
                    record = .resident(
                        line: line, household: household, unit: unit, code: code, name: name, birthYear: year, phone: p,
                        flags: flags)
                }
            case .owners:
                let owner = codeField("owner")
                let name = required("name")
                let unit = codeField("unit")
                let p = phone("phone")
                unique(owner + "\u{1F}" + unit)
                if !owner.isEmpty {
                    if let o = owners[owner], o.name != name || o.phone != p {
                        rowIssues.append(.inconsistent(o.name != name ? "name" : "phone", firstLine: o.line))
                    } else if owners[owner] == nil {
                        owners[owner] = (name, p, line)
                    }
                }
                record = .ownership(line: line, owner: owner, name: name, phone: p, unit: unit)
            }
            if rowIssues.isEmpty, let record { records.append(record) }
            issues += rowIssues.map { ImportIssue(line: line, problem: $0) }
        }
        return .success((kind, records, issues))
    }
}
