import Fluent
import SQLKit
import Vapor
import YishiCore

/// Creating and editing nodes and units, for pages, the API, jobs and commands alike (`Caller`).
enum TerritoryEditing {
    struct NodeInput: Content {
        var code: String
        var name: String
        var kind: String?
        var address: String?
    }

    struct UnitInput: Content {
        var code: String
        var number: String
        var kind: UnitKind
        var status: UnitStatus
        var registerArea: String?
        var surveyArea: String?
        var contractArea: String?
    }

    /// A community's residents' committee office, as its staff enter it.
    struct OfficeInput: Content {
        var officeAddress: String?
        var officeHours: String?
        var officePhone: String?
    }

    /// Sets where a community's committee is, when it is open and its phone (shown to residents).
    static func updateOffice(_ node: TerritoryNode, _ input: OfficeInput, by caller: Caller) async throws {
        try caller.authorize(.territoryEdit, at: node.territoryPath)
        guard node.level == .community else { throw YishiError.badRequest(key: ErrorText.code400.key, args: []) }
        let address = FieldRules.optional(input.officeAddress, max: FieldRules.addressMax)
        let hours = FieldRules.optional(input.officeHours, max: FieldRules.nameMax)
        let phone = FieldRules.telephone(input.officePhone)
        var fields: [String: String] = [:]
        if let p = address.problem { fields["officeAddress"] = p.fieldKey }
        if let p = hours.problem { fields["officeHours"] = p.fieldKey }
        if let p = phone.problem { fields["officePhone"] = p == .invalid ? TerritoryText.badTelephone.key : p.fieldKey }
        guard fields.isEmpty, let a = address.value, let h = hours.value, let t = phone.value else {
            throw YishiError.invalid(fields)
        }
        var changes: [String: String] = [:]
        if a != node.officeAddress { changes["officeAddress"] = "\(node.officeAddress ?? "—") → \(a ?? "—")" }
        if h != node.officeHours { changes["officeHours"] = "\(node.officeHours ?? "—") → \(h ?? "—")" }
        if t != node.officePhone { changes["officePhone"] = "\(node.officePhone ?? "—") → \(t ?? "—")" }
        guard !changes.isEmpty else { return }
        let id = try node.requireID()
        let now = caller.now
        let changed = changes
        try await caller.audited { tx in
            try await (tx as! any SQLDatabase).update(TerritoryNode.schema)
                .set("office_address", to: a).set("office_hours", to: h).set("office_phone", to: t)
                .set("updated_at", to: now).where("id", .equal, id).run()
            return (
                (),
                AuditEvent(
                    action: .territoryUpdate, targetType: node.level.rawValue, targetID: node.code, nodeID: id,
                    details: changed)
            )
        }
        node.officeAddress = a
        node.officeHours = h
        node.officePhone = t
    }

    static func isValidCode(_ code: String) -> Bool { FieldRules.code(code).problem == nil }

    /// Field problems of a node's input at `level`; `existing` is the node being edited. The
    /// rules are the imports' (`FieldRules`), so a page, the API and a CSV accept the same values.
    /// The code is looked up only when it is new (the unique index still decides a race).
    static func problems(_ input: NodeInput, level: TerritoryLevel, existing: TerritoryNode?, on db: any Database)
        async throws -> [String: String]
    {
        var fields: [String: String] = [:]
        switch FieldRules.code(input.code) {
        case .failure(let p): fields["code"] = p.fieldKey
        case .success(let code) where code != existing?.code:
            if try await TerritoryNode.query(on: db).filter(\.$code == code).first() != nil {
                fields["code"] = FieldText.taken.key
            }
        case .success: break
        }
        if let p = FieldRules.name(input.name).problem { fields["name"] = p.fieldKey }
        if !level.kinds.isEmpty, !level.kinds.contains(input.kind ?? "") { fields["kind"] = FieldText.kind.key }
        if let p = FieldRules.address(input.address).problem { fields["address"] = p.fieldKey }
        return fields
    }

    /// A new node below `parent` (nil: a new district, for platform admins).
    static func create(below parent: TerritoryNode?, _ input: NodeInput, by caller: Caller) async throws
        -> TerritoryNode
    {
        let level: TerritoryLevel
        if let parent {
            try caller.authorize(.territoryEdit, at: parent.territoryPath)
            guard let child = parent.level.childLevel else {
                throw YishiError.badRequest(key: ErrorText.code400.key, args: [])
            }
            level = child
        } else {
            try caller.authorize(.districtCreate, at: nil)
            level = .district
        }
        let fields = try await problems(input, level: level, existing: nil, on: caller.db)
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let node = try TerritoryNode(
            level: level, parent: parent, code: FieldRules.code(input.code).get(),
            name: FieldRules.name(input.name).get(),
            kind: level.kinds.isEmpty ? nil : input.kind, address: FieldRules.address(input.address).get())
        return try await codeTaken {
            try await caller.audited { tx in
                try await node.create(on: tx)
                return (
                    node,
                    AuditEvent(
                        action: .territoryCreate, targetType: level.rawValue, targetID: node.code, nodeID: node.id,
                        details: ["name": node.name, "kind": node.kind ?? ""])
                )
            }
        }
    }

    static func update(_ node: TerritoryNode, _ input: NodeInput, by caller: Caller) async throws -> TerritoryNode {
        try caller.authorize(.territoryEdit, at: node.territoryPath)
        let fields = try await problems(input, level: node.level, existing: node, on: caller.db)
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        var changes: [String: String] = [:]
        let code = try FieldRules.code(input.code).get()
        let name = try FieldRules.name(input.name).get()
        let kind = node.level.kinds.isEmpty ? nil : input.kind
        let address = try FieldRules.address(input.address).get()
        if code != node.code {
            changes["code"] = "\(node.code) → \(code)"
            node.code = code
        }
        if name != node.name {
            changes["name"] = "\(node.name) → \(name)"
            node.name = name
        }
        if kind != node.kind {
            changes["kind"] = "\(node.kind ?? "") → \(kind ?? "")"
            node.kind = kind
        }
        if address != node.address {
            changes["address"] = "\(node.address ?? "") → \(address ?? "")"
            node.address = address
        }
        guard !changes.isEmpty else { return node }
        let changed = changes
        let id = try node.requireID()
        let now = caller.now
        node.updatedAt = now
        return try await codeTaken {
            try await caller.audited { tx in
                // One plain UPDATE of the four fields (a Fluent save reflects over the whole model).
                try await (tx as! any SQLDatabase).update(TerritoryNode.schema)
                    .set("code", to: code).set("name", to: name).set("kind", to: kind).set("address", to: address).set(
                        "updated_at", to: now
                    )
                    .where("id", .equal, id).run()
                return (
                    node,
                    AuditEvent(
                        action: .territoryUpdate, targetType: node.level.rawValue, targetID: node.code, nodeID: node.id,
                        details: changed)
                )
            }
        }
    }

    static func createUnit(in building: TerritoryNode, _ input: UnitInput, by caller: Caller) async throws -> Unit {
        try caller.authorize(.territoryEdit, at: building.territoryPath)
        guard building.level == .building else { throw YishiError.badRequest(key: ErrorText.code400.key, args: []) }
        var fields: [String: String] = [:]
        let code = FieldRules.code(input.code).value ?? ""
        if let p = FieldRules.code(input.code).problem {
            fields["code"] = p.fieldKey
        } else if try await Unit.query(on: caller.db).filter(\.$code == code).first() != nil {
            fields["code"] = FieldText.taken.key
        }
        let number = FieldRules.text(input.number, max: FieldRules.numberMax).value ?? ""
        if let p = FieldRules.text(input.number, max: FieldRules.numberMax).problem { fields["number"] = p.fieldKey }
        var areas = UnitAreas()
        for (name, text, path) in [
            ("registerArea", input.registerArea, \UnitAreas.register), ("surveyArea", input.surveyArea, \.survey),
            ("contractArea", input.contractArea, \.contract),
        ] {
            guard let t = nonEmpty(text) else { continue }
            if let a = Area(parsing: t), a.centi > 0 {
                areas[keyPath: path] = a
            } else {
                fields[name] = FieldText.badArea.key
            }
        }
        if areas.counted == nil && fields["registerArea"] == nil && fields["surveyArea"] == nil
            && fields["contractArea"] == nil
        {
            fields["registerArea"] = ImportText.noArea.key
        }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let unit = Unit(
            buildingID: try building.requireID(), code: code, number: number, kind: input.kind, status: input.status,
            areas: areas)
        return try await codeTaken {
            try await caller.audited { tx in
                try await unit.create(on: tx)
                return (
                    unit,
                    AuditEvent(
                        action: .unitCreate, targetType: "unit", targetID: code, nodeID: building.id,
                        details: ["area": Area(centi: unit.area).description, "areaSource": unit.areaSource.rawValue])
                )
            }
        }
    }

    /// Two requests with the same new code at once: the check above passed for both, the unique
    /// index refuses the second, which gets the same field error as if it had come later.
    static func codeTaken<T>(_ write: () async throws -> T) async throws -> T {
        do { return try await write() } catch  where error.isUniqueViolation {
            throw YishiError.invalid(["code": FieldText.taken.key])
        }
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}
