import Foundation

/// The rules for a resident's details, the same for the pages, the API and the household import
/// (one rule set for every path): name, year of birth, mobile number, flags.
public enum ResidentRules {
    public static let firstYear = 1900

    /// A year of birth from 1900 to this year. Blank → `.required`; anything else → `.invalid`.
    public static func birthYear(_ raw: String, currentYear: Int) -> Result<Int, FieldProblem> {
        if FieldRules.hasControlCharacter(raw) { return .failure(.controlCharacter) }
        let v = raw.trimmed
        if v.isEmpty { return .failure(.required) }
        guard v.count <= 4, let y = Int(v), (firstYear...currentYear).contains(y) else { return .failure(.invalid) }
        return .success(y)
    }

    /// An optional mainland mobile number (spaces and dashes ignored): nil when blank.
    public static func phone(_ raw: String?) -> Result<String?, FieldProblem> {
        guard let raw else { return .success(nil) }
        if FieldRules.hasControlCharacter(raw) { return .failure(.controlCharacter) }
        let v = raw.trimmed
        if v.isEmpty { return .success(nil) }
        guard let p = OneTimeCodeRules.normalizePhone(v) else { return .failure(.invalid) }
        return .success(p)
    }

    /// The flag names of a file's cell: "elderly;livingAlone", or the Chinese names "老年人；独居"
    /// (semicolons, full-width semicolons or 、 between them).
    public static func flagNames(_ cell: String) -> [String] {
        cell.split(whereSeparator: { ";；、".contains($0) }).map { part in
            let v = String(part).trimmed
            return ResidentFlags.named.first { Catalog.text("enum.ResidentFlag.\($0.name)", .zhHans) == v }?.name ?? v
        }
    }

    /// Flags by their stored names ("elderly", "livingAlone"); an unknown name → `.invalid`.
    public static func flags(_ names: [String]) -> Result<ResidentFlags, FieldProblem> {
        var flags: ResidentFlags = []
        for name in names.map(\.trimmed) where !name.isEmpty {
            guard let f = ResidentFlags.named.first(where: { $0.name == name }) else { return .failure(.invalid) }
            flags.insert(f.flag)
        }
        return .success(flags)
    }

    /// A resident's details as entered.
    public struct Details: Hashable, Sendable {
        public var name: String
        public var birthYear: Int
        public var phone: String?
        public var flags: ResidentFlags
        public init(name: String, birthYear: Int, phone: String?, flags: ResidentFlags) {
            self.name = name
            self.birthYear = birthYear
            self.phone = phone
            self.flags = flags
        }
    }

    /// Checks every field at once; the problems are keyed by the form's field names, each with
    /// the same message key the import uses for it.
    public static func validate(
        name: String, birthYear: String, phone: String?, flags: [String], currentYear: Int
    ) -> Result<Details, FieldErrorsByName> {
        var problems: [String: String] = [:]
        let n = FieldRules.name(name)
        let y = Self.birthYear(birthYear, currentYear: currentYear)
        let p = Self.phone(phone)
        let f = Self.flags(flags)
        if let e = n.problem { problems["name"] = e.fieldKey }
        if let e = y.problem { problems["birthYear"] = e == .invalid ? ImportText.badYear.key : e.fieldKey }
        if let e = p.problem { problems["phone"] = e == .invalid ? ImportText.badPhone.key : e.fieldKey }
        if f.problem != nil { problems["flags"] = FieldText.invalid.key }
        guard problems.isEmpty, let n = n.value, let y = y.value, let p = p.value, let f = f.value else {
            return .failure(FieldErrorsByName(problems))
        }
        return .success(Details(name: n, birthYear: y, phone: p, flags: f))
    }

    /// What changed, field by field, as the audit log keeps it ("birthYear": "1948 → 1946").
    /// Phone numbers are kept masked: the log must not become a second register of numbers.
    public static func changes(from old: Details, to new: Details) -> [String: String] {
        var out: [String: String] = [:]
        if old.name != new.name { out["name"] = "\(old.name) → \(new.name)" }
        if old.birthYear != new.birthYear { out["birthYear"] = "\(old.birthYear) → \(new.birthYear)" }
        if old.phone != new.phone {
            out["phone"] =
                "\(old.phone.map(OneTimeCodeRules.mask) ?? "—") → \(new.phone.map(OneTimeCodeRules.mask) ?? "—")"
        }
        if old.flags != new.flags {
            let added = new.flags.subtracting(old.flags).names
            let removed = old.flags.subtracting(new.flags).names
            if !added.isEmpty { out["flagsAdded"] = added.joined(separator: ";") }
            if !removed.isEmpty { out["flagsRemoved"] = removed.joined(separator: ";") }
        }
        return out
    }

    /// Age in whole years this year (the register holds the year only).
    public static func age(birthYear: Int, currentYear: Int) -> Int { max(0, currentYear - birthYear) }
}

/// Field problems keyed by the form's field names, each a message key.
public struct FieldErrorsByName: Error, Hashable, Sendable {
    public var keys: [String: String]
    public init(_ keys: [String: String]) { self.keys = keys }
}
