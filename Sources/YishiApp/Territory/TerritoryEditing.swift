import Fluent
import Vapor
import YishiCore

/// Creating and editing nodes and units, for pages and API alike.
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

    static func isValidCode(_ code: String) -> Bool {
        (1...64).contains(code.count) && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// Field problems of a node's input at `level`; `existingID` is the node being edited.
    static func problems(_ input: NodeInput, level: TerritoryLevel, existingID: UUID?, on db: any Database) async throws -> [String: String] {
        var fields: [String: String] = [:]
        let code = input.code.trimmingCharacters(in: .whitespaces)
        if !isValidCode(code) { fields["code"] = code.isEmpty ? "field.required" : "field.invalid" }
        else if let other = try await TerritoryNode.query(on: db).filter(\.$code == code).first(), other.id != existingID { fields["code"] = "field.taken" }
        let name = input.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { fields["name"] = "field.required" } else if name.count > 100 { fields["name"] = "field.tooLong" }
        if !level.kinds.isEmpty, !level.kinds.contains(input.kind ?? "") { fields["kind"] = "field.kind" }
        if (input.address ?? "").count > 200 { fields["address"] = "field.tooLong" }
        return fields
    }

    /// A new node below `parent` (nil: a new district, for platform admins).
    static func create(below parent: TerritoryNode?, _ input: NodeInput, req: Request) async throws -> TerritoryNode {
        let p = try req.requirePrincipal()
        let level: TerritoryLevel
        if let parent {
            try req.authorize(.territoryEdit, at: parent.territoryPath)
            guard let child = parent.level.childLevel else { throw YishiError.badRequest(key: "error.400", args: []) }
            level = child
        } else {
            try req.authorize(.districtCreate, at: nil)
            level = .district
        }
        let fields = try await problems(input, level: level, existingID: nil, on: req.db)
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let node = try TerritoryNode(level: level, parent: parent, code: input.code.trimmingCharacters(in: .whitespaces),
                                     name: input.name.trimmingCharacters(in: .whitespaces),
                                     kind: level.kinds.isEmpty ? nil : input.kind, address: nonEmpty(input.address))
        return try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            try await node.create(on: tx)
            return (node, AuditEvent(action: .territoryCreate, targetType: level.rawValue, targetID: node.code, nodeID: node.id,
                                     details: ["name": node.name, "kind": node.kind ?? ""]))
        }
    }

    static func update(_ node: TerritoryNode, _ input: NodeInput, req: Request) async throws -> TerritoryNode {
        let p = try req.requirePrincipal()
        try req.authorize(.territoryEdit, at: node.territoryPath)
        let fields = try await problems(input, level: node.level, existingID: node.id, on: req.db)
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        var changes: [String: String] = [:]
        let code = input.code.trimmingCharacters(in: .whitespaces), name = input.name.trimmingCharacters(in: .whitespaces)
        let kind = node.level.kinds.isEmpty ? nil : input.kind, address = nonEmpty(input.address)
        if code != node.code { changes["code"] = "\(node.code) → \(code)"; node.code = code }
        if name != node.name { changes["name"] = "\(node.name) → \(name)"; node.name = name }
        if kind != node.kind { changes["kind"] = "\(node.kind ?? "") → \(kind ?? "")"; node.kind = kind }
        if address != node.address { changes["address"] = "\(node.address ?? "") → \(address ?? "")"; node.address = address }
        guard !changes.isEmpty else { return node }
        let changed = changes
        return try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            try await node.save(on: tx)
            return (node, AuditEvent(action: .territoryUpdate, targetType: node.level.rawValue, targetID: node.code, nodeID: node.id, details: changed))
        }
    }

    static func createUnit(in building: TerritoryNode, _ input: UnitInput, req: Request) async throws -> Unit {
        let p = try req.requirePrincipal()
        try req.authorize(.territoryEdit, at: building.territoryPath)
        guard building.level == .building else { throw YishiError.badRequest(key: "error.400", args: []) }
        var fields: [String: String] = [:]
        let code = input.code.trimmingCharacters(in: .whitespaces)
        if !isValidCode(code) { fields["code"] = code.isEmpty ? "field.required" : "field.invalid" }
        else if try await Unit.query(on: req.db).filter(\.$code == code).first() != nil { fields["code"] = "field.taken" }
        let number = input.number.trimmingCharacters(in: .whitespaces)
        if number.isEmpty { fields["number"] = "field.required" } else if number.count > 32 { fields["number"] = "field.tooLong" }
        var areas = UnitAreas()
        for (name, text, path) in [("registerArea", input.registerArea, \UnitAreas.register), ("surveyArea", input.surveyArea, \.survey),
                                   ("contractArea", input.contractArea, \.contract)] {
            guard let t = nonEmpty(text) else { continue }
            if let a = Area(parsing: t), a.centi > 0 { areas[keyPath: path] = a } else { fields[name] = "import.badArea" }
        }
        if areas.counted == nil && fields["registerArea"] == nil && fields["surveyArea"] == nil && fields["contractArea"] == nil {
            fields["registerArea"] = "import.noArea"
        }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let unit = Unit(buildingID: try building.requireID(), code: code, number: number, kind: input.kind, status: input.status, areas: areas)
        return try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            try await unit.create(on: tx)
            return (unit, AuditEvent(action: .unitCreate, targetType: "unit", targetID: code, nodeID: building.id,
                                     details: ["area": Area(centi: unit.area).description, "areaSource": unit.areaSource.rawValue]))
        }
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}
