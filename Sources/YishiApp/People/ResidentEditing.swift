import Fluent
import Vapor
import YishiCore

/// Changing the household register on screen: a resident's details, moving a resident to another
/// household, adding households and residents, showing a whole phone number. Each is a function
/// of a `Caller`, checks the record where it is (and, for a move, where it goes) inside its
/// transaction, validates with `ResidentRules` (as the household import does) and is audited with
/// where the information came from (`Provenance`).
enum ResidentEditing {
    /// What a form or an API call gives for a resident.
    struct Input: Sendable {
        var name: String
        var birthYear: String
        var phone: String?
        var flags: [String]
        /// How the information reached the committee (visit, phone, paper …).
        var channel: YishiCore.Channel
    }

    static func currentYear(_ caller: Caller) -> Int { Show.year(caller.now) }

    static func validate(_ input: Input, by caller: Caller) throws -> ResidentRules.Details {
        var problems: [String: String] = [:]
        if input.channel == .online { problems["channel"] = FieldText.requiredText.key }
        switch ResidentRules.validate(
            name: input.name, birthYear: input.birthYear, phone: input.phone, flags: input.flags,
            currentYear: currentYear(caller))
        {
        case .success(let details):
            guard problems.isEmpty else { throw YishiError.invalid(problems) }
            return details
        case .failure(let errors):
            throw YishiError.invalid(errors.keys.merging(problems) { a, _ in a })
        }
    }

    static func provenance(_ caller: Caller, for resident: UUID?, channel: YishiCore.Channel) -> Provenance? {
        caller.actor.map { Provenance(forResident: resident, enteredBy: $0.userId, channel: channel) }
    }

    /// Changes a resident's details. Needs `territoryEdit` and `personalDataRead` where the
    /// resident lives now (checked again inside the transaction).
    static func update(_ id: UUID, _ input: Input, by caller: Caller) async throws -> ResidentHome {
        let details = try validate(input, by: caller)
        return try await caller.audited { tx in
            let c = caller.on(tx)
            let home = try await c.resident(id, for: .territoryEdit)
            try c.authorize(.personalDataRead, at: home.path)
            let changes = ResidentRules.changes(from: home.details, to: details)
            let r = home.resident
            r.name = details.name
            r.birthYear = details.birthYear
            r.phone = details.phone
            r.flags = details.flags.encoded
            if !changes.isEmpty { try await r.update(on: tx) }
            return (
                home,
                AuditEvent(
                    action: .residentUpdate, targetType: "resident", targetID: r.code, nodeID: home.building.id,
                    details: changes.merging(["name": r.name]) { change, _ in change },
                    provenance: provenance(caller, for: r.id, channel: input.channel))
            )
        }
    }

    /// Moves a resident to the household with `code`. Both households must be in the caller's
    /// scope for `territoryEdit`; the target is read inside the transaction.
    static func move(_ id: UUID, toHousehold code: String, channel: YishiCore.Channel, by caller: Caller) async throws
        -> ResidentHome
    {
        let code = code.trimmed
        guard FieldRules.code(code).problem == nil else {
            throw YishiError.invalid(["household": PeopleText.noSuchHousehold.key])
        }
        return try await caller.audited { tx in
            let c = caller.on(tx)
            let home = try await c.resident(id, for: .territoryEdit)
            try c.authorize(.personalDataRead, at: home.path)
            guard let (target, building) = try await c.household(code: code, for: .territoryEdit),
                c.allows(.personalDataRead, at: building.territoryPath)
            else { throw YishiError.invalid(["household": PeopleText.noSuchHousehold.key]) }
            guard target.id != home.household.id else {
                throw YishiError.invalid(["household": PeopleText.sameHousehold.key])
            }
            let r = home.resident
            r.$household.id = target.id
            try await r.update(on: tx)
            return (
                ResidentHome(resident: r, household: target, unit: target.unit, building: building),
                AuditEvent(
                    action: .residentMove, targetType: "resident", targetID: r.code, nodeID: building.id,
                    details: ["name": r.name, "from": home.household.code, "to": target.code],
                    provenance: provenance(caller, for: r.id, channel: channel))
            )
        }
    }

    /// Adds a household to a unit; a blank code is numbered `H-<unit code>-<n>`.
    static func createHousehold(in unitID: UUID, code raw: String, by caller: Caller) async throws -> Household {
        let unit = try await TerritoryQueries.unit(unitID, on: caller.db)
        try caller.authorize(.territoryEdit, at: unit.building.territoryPath)
        try caller.authorize(.personalDataRead, at: unit.building.territoryPath)
        var code = raw.trimmed
        if code.isEmpty {
            let n = try await Household.query(on: caller.db).filter(\.$unit.$id == unitID).count()
            code = "H-\(unit.code)-\(n + 1)"
        } else if let p = FieldRules.code(code).problem {
            throw YishiError.invalid(["code": p.fieldKey])
        }
        let household = Household(code: code, unitID: unitID)
        let householdCode = code
        return try await TerritoryEditing.codeTaken {
            try await caller.audited { tx in
                try await household.create(on: tx)
                return (
                    household,
                    AuditEvent(
                        action: .householdCreate, targetType: "household", targetID: householdCode,
                        nodeID: unit.building.id, details: ["unit": unit.code])
                )
            }
        }
    }

    /// Changes a household's number (the register's code for it); a number already in use is a 422.
    static func renameHousehold(_ id: UUID, code raw: String, by caller: Caller) async throws -> Household {
        let (household, building) = try await caller.household(id, for: .territoryEdit)
        try caller.authorize(.personalDataRead, at: building.territoryPath)
        let code: String
        switch FieldRules.code(raw) {
        case .failure(let p): throw YishiError.invalid(["code": p.fieldKey])
        case .success(let c): code = c
        }
        guard code != household.code else { return household }
        let old = household.code
        return try await TerritoryEditing.codeTaken {
            try await caller.audited { tx in
                household.code = code
                try await household.update(on: tx)
                return (
                    household,
                    AuditEvent(
                        action: .householdUpdate, targetType: "household", targetID: code, nodeID: building.id,
                        details: ["household": "\(old) → \(code)"])
                )
            }
        }
    }

    /// Adds a resident to a household; the resident's code is made from the household's.
    static func createResident(in householdID: UUID, _ input: Input, by caller: Caller) async throws -> Resident {
        let details = try validate(input, by: caller)
        let (household, building) = try await caller.household(householdID, for: .territoryEdit)
        try caller.authorize(.personalDataRead, at: building.territoryPath)
        return try await caller.audited { tx in
            let n = try await Resident.query(on: tx).filter(\.$household.$id == householdID).count()
            var code = "\(household.code)-R\(n + 1)"
            var k = n + 1
            while try await Resident.query(on: tx).filter(\.$code == code).first() != nil {
                k += 1
                code = "\(household.code)-R\(k)"
            }
            let r = Resident(
                code: code, householdID: householdID, name: details.name, birthYear: details.birthYear,
                phone: details.phone, flags: details.flags)
            try await r.create(on: tx)
            return (
                r,
                AuditEvent(
                    action: .residentCreate, targetType: "resident", targetID: code, nodeID: building.id,
                    details: ["name": r.name, "household": household.code],
                    provenance: provenance(caller, for: r.id, channel: input.channel))
            )
        }
    }

    /// A resident's whole phone number, for those who may (`phoneReveal` where the resident
    /// lives); each reveal is an audit entry, written before the number is returned.
    static func revealPhone(_ id: UUID, by caller: Caller) async throws -> (ResidentHome, String?) {
        try await caller.audited { tx in
            let c = caller.on(tx)
            let home = try await c.resident(id, for: .phoneReveal)
            return (
                (home, home.resident.phone),
                AuditEvent(
                    action: .phoneReveal, targetType: "resident", targetID: home.resident.code,
                    nodeID: home.building.id, details: ["name": home.resident.name], changesReads: false)
            )
        }
    }
}
