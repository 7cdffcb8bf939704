import Fluent
import Vapor
import YishiCore

/// Account operations shared by the pages and the API.
enum Accounts {
    /// A node by its code, or a 422 naming `field`.
    static func node(code: String, field: String, on db: any Database) async throws -> TerritoryNode {
        guard let node = try await TerritoryNode.query(on: db).filter(\.$code == code).first() else {
            throw YishiError.invalid([field: "field.unknownNode"])
        }
        return node
    }

    /// Creates an API token for the signed-in user with one role at one node (within what they hold).
    static func createToken(name: String, role: Role, nodeCode: String?, req: Request) async throws -> (APIToken, String) {
        let p = try req.requirePrincipal()
        var fields: [String: String] = [:]
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { fields["name"] = "field.required" } else if trimmed.count > 100 { fields["name"] = "field.tooLong" }
        let node = try await nodeCode.flatMap { $0.isEmpty ? nil : $0 }.asyncMap { try await Self.node(code: $0, field: "node", on: req.db) }
        let grant = Grant(role: role, path: node?.territoryPath)
        if !Policy.tokenGrantAllowed(owner: p.actor, grant: grant) { fields["role"] = "enum.Denial.outsideScope" }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let token = "yishi_" + req.effects.random.token()
        let row = APIToken(userID: p.userID, name: trimmed, tokenHash: sha256Hex(token), role: role, nodeID: try node?.requireID())
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            try await row.create(on: tx)
            return ((), AuditEvent(action: .tokenCreate, targetType: "apiToken", targetID: try row.requireID().uuidString,
                                   nodeID: try node?.requireID(), details: ["role": role.rawValue, "name": trimmed]))
        }
        return (row, token)
    }

    static func revokeToken(id: UUID, req: Request) async throws {
        let p = try req.requirePrincipal()
        guard let row = try await APIToken.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == p.userID).first() else {
            throw YishiError.notFound
        }
        let now = req.now
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            row.revokedAt = now
            try await row.save(on: tx)
            return ((), AuditEvent(action: .tokenRevoke, targetType: "apiToken", targetID: id.uuidString, nodeID: row.$node.id))
        }
    }

    static func changePassword(current: String, new: String, req: Request) async throws {
        let p = try req.requirePrincipal()
        guard let user = try await User.find(p.userID, on: req.db), user.kind == .staff, let hash = user.passwordHash else {
            throw YishiError.denied(.roleLacksAction)
        }
        guard try await req.password.async.verify(current, created: hash) else { throw YishiError.invalid(["current": "account.password.wrong"]) }
        guard PasswordRules.isAcceptable(new) else { throw YishiError.invalid(["new": "field.password"]) }
        let newHash = try await req.password.async.hash(new)
        try await AuditLog.transaction(on: req.db, actor: p.auditActor, time: req.effects.time) { tx in
            user.passwordHash = newHash
            try await user.save(on: tx)
            // Other sessions end: whoever knew the old password is signed out.
            if let sid = p.sessionID {
                try await UserSession.query(on: tx).filter(\.$user.$id == p.userID).filter(\.$id != sid).delete()
            }
            return ((), AuditEvent(action: .accountChangePassword, targetType: "user", targetID: p.userID.uuidString, nodeID: nil))
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
