import Fluent
import Vapor
import YishiCore

/// Account operations shared by the pages and the API.
enum Accounts {
    /// A node by its code, or a 422 naming `field`.
    static func node(code: String, field: String, on db: any Database) async throws -> TerritoryNode {
        guard let node = try await TerritoryNode.query(on: db).filter(\.$code == code).first() else {
            throw YishiError.invalid([field: FieldText.unknownNode.key])
        }
        return node
    }

    /// The principal of a signed-in browser. Account management (tokens, password, sessions) is
    /// refused to a request that came with an API token: a token, even a narrowed one, must not
    /// mint tokens that outlive it, nor list or revoke its owner's wider ones.
    static func requireBrowserSession(_ req: Request) throws -> Principal {
        let p = try req.requirePrincipal()
        guard p.tokenID == nil else { throw YishiError.denied(.roleLacksAction) }
        return p
    }

    /// The signed-in user's live tokens.
    static func tokens(by caller: Caller) async throws -> [APIToken] {
        let p = try caller.requireBrowserSession().actor
        return try await APIToken.query(on: caller.db).filter(\.$user.$id == p.userId).filter(\.$revokedAt == nil)
            .with(\.$node).sort(\.$createdAt).all()
    }

    /// Revokes every live token of `userID` (sign-out everywhere, a password change); how many.
    @discardableResult
    static func revokeAllTokens(of userID: UUID, now: Date, on db: any Database) async throws -> Int {
        let live = try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).count()
        try await APIToken.query(on: db).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).set(
            \.$revokedAt, to: now
        ).update()
        return live
    }

    /// Creates an API token for the signed-in user with one role at one node (within what they hold).
    static func createToken(name: String, role: Role, nodeCode: String?, by caller: Caller) async throws -> (
        APIToken, String
    ) {
        let p = try caller.requireBrowserSession().actor
        var fields: [String: String] = [:]
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            fields["name"] = FieldText.requiredText.key
        } else if trimmed.count > 100 {
            fields["name"] = FieldProblem.tooLong(max: 100).fieldKey
        }
        let node = try await nodeCode.flatMap { $0.isEmpty ? nil : $0 }.asyncMap {
            try await Self.node(code: $0, field: "node", on: caller.db)
        }
        let grant = Grant(role: role, path: node?.territoryPath)
        if !Policy.tokenGrantAllowed(owner: p, grant: grant) { fields["role"] = Catalog.nameKey(Denial.outsideScope) }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let token = "yishi_" + caller.effects.random.token()
        let row = APIToken(
            userID: p.userId, name: trimmed, tokenHash: sha256Hex(token), role: role, nodeID: try node?.requireID())
        try await caller.audited { tx in
            try await row.create(on: tx)
            return (
                (),
                AuditEvent(
                    action: .tokenCreate, targetType: "apiToken", targetID: try row.requireID().uuidString,
                    nodeID: try node?.requireID(), details: ["role": role.rawValue, "name": trimmed])
            )
        }
        return (row, token)
    }

    static func revokeToken(id: UUID, by caller: Caller) async throws {
        let p = try caller.requireBrowserSession().actor
        guard
            let row = try await APIToken.query(on: caller.db).filter(\.$id == id).filter(\.$user.$id == p.userId)
                .first()
        else {
            throw YishiError.notFound
        }
        let now = caller.now
        try await caller.audited { tx in
            row.revokedAt = now
            try await row.save(on: tx)
            return (
                (),
                AuditEvent(action: .tokenRevoke, targetType: "apiToken", targetID: id.uuidString, nodeID: row.$node.id)
            )
        }
    }

    /// Changes the password and ends the user's other sessions; with `revokeTokens`, their API tokens too.
    static func changePassword(current: String, new: String, revokeTokens: Bool, by caller: Caller) async throws {
        let (p, sid) = try caller.requireBrowserSession()
        guard let user = try await User.find(p.userId, on: caller.db), user.kind == .staff, let hash = user.passwordHash
        else {
            throw YishiError.denied(.roleLacksAction)
        }
        guard try await caller.passwords.verify(current, created: hash) else {
            throw YishiError.invalid(["current": AccountText.passwordWrong.key])
        }
        guard PasswordRules.isAcceptable(new) else { throw YishiError.invalid(["new": FieldText.password.key]) }
        let newHash = try await caller.passwords.hash(new)
        let now = caller.now
        try await caller.audited { tx in
            user.passwordHash = newHash
            try await user.save(on: tx)
            // Other sessions end: whoever knew the old password is signed out, and by default
            // loses the tokens they may have made with it.
            try await UserSession.query(on: tx).filter(\.$user.$id == p.userId).filter(\.$id != sid).delete()
            let revoked = revokeTokens ? try await revokeAllTokens(of: p.userId, now: now, on: tx) : 0
            return (
                (),
                AuditEvent(
                    action: .accountChangePassword, targetType: "user", targetID: p.userId.uuidString, nodeID: nil,
                    details: ["tokensRevoked": String(revoked)])
            )
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
