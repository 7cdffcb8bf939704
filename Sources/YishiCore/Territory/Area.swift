import Foundation

/// A floor area in hundredths of a square metre. Integer only: votes are counted on it.
public struct Area: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var centi: Int64

    public init(centi: Int64) { self.centi = centi }

    /// Parses "70.1", "70.10" or "70" (square metres, at most two decimals, not negative).
    /// Returns nil for anything else, including "1e3", "-1", "70.123" and the empty string.
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole.count <= 12
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let f = parts[1]
            guard (1...2).contains(f.count), f.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            fraction = Int64(f)! * (f.count == 1 ? 10 : 1)
        }
        centi = Int64(whole)! * 100 + fraction
    }

    /// "70.10": always two decimals, as the register prints it.
    public var description: String {
        let sign = centi < 0 ? "-" : ""
        let m = centi.magnitude
        let frac = m % 100
        return "\(sign)\(m / 100).\(frac < 10 ? "0" : "")\(frac)"
    }

    public static func < (a: Area, b: Area) -> Bool { a.centi < b.centi }
    public static func + (a: Area, b: Area) -> Area { Area(centi: a.centi + b.centi) }
    public static let zero = Area(centi: 0)
}

/// The three areas a unit may carry and the one that counts.
public struct UnitAreas: Hashable, Sendable {
    public var register: Area?
    public var survey: Area?
    public var contract: Area?

    public init(register: Area? = nil, survey: Area? = nil, contract: Area? = nil) {
        self.register = register
        self.survey = survey
        self.contract = contract
    }

    /// The land-register area, else the survey, else the contract (interpretation art. 8),
    /// with the source used; nil when none is known.
    public var counted: (area: Area, source: AreaSource)? {
        if let register { return (register, .register) }
        if let survey { return (survey, .survey) }
        if let contract { return (contract, .contract) }
        return nil
    }
}
