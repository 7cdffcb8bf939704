import Fluent
import Vapor
import YishiCore

/// Managing users and their roles, for pages and API alike. Every step asks the policy.
enum UserAdmin {
    /// The paths under which the actor manages users; nil inside means the whole platform.
    static func managedScopes(_ actor: Actor) -> [TerritoryPath?] {
        Policy.scopes(actor, for: .usersManage)
    }

    /// Users the actor may see: everyone for platform admins, else users holding a role within
    /// scope — and those who held one there until it was revoked, or whom the actor created, so an
    /// administrator can grant a role again after revoking it.
    static func visibleUsers(_ actor: Actor, on db: any Database) async throws -> [User] {
        let scopes = managedScopes(actor)
        guard !scopes.isEmpty else { throw YishiError.denied(.roleLacksAction) }
        if scopes.contains(where: { $0 == nil }) {
            return try await User.query(on: db).with(\.$grants) { $0.with(\.$node) }.sort(\.$createdAt).all()
        }
        let paths = scopes.compactMap { $0 }
        let ids =
            try await RoleGrant.query(on: db)
            .join(TerritoryNode.self, on: \RoleGrant.$node.$id == \TerritoryNode.$id)
            .joinedNodeInAnySubtree(paths)
            .all().map { $0.$user.id } + (try await formerlyInScope(paths, actor, on: db))
        guard !ids.isEmpty else { return [] }
        return try await User.query(on: db).filter(\.$id ~~ Array(Set(ids))).with(\.$grants) { $0.with(\.$node) }.sort(
            \.$createdAt
        ).all()
    }

    /// A user the actor may see, or 404 / 403.
    static func visibleUser(_ id: UUID, _ actor: Actor, on db: any Database) async throws -> User {
        guard let user = try await User.query(on: db).filter(\.$id == id).with(\.$grants, { $0.with(\.$node) }).first()
        else {
            throw YishiError.notFound
        }
        let scopes = managedScopes(actor)
        guard !scopes.isEmpty else { throw YishiError.denied(.roleLacksAction) }
        let visible = scopes.contains { scope in
            scope == nil || user.grants.contains { g in g.node.map { scope!.contains($0.territoryPath) } ?? false }
        }
        if !visible {
            let former = try await formerlyInScope(scopes.compactMap { $0 }, actor, on: db)
            guard former.contains(id) else { throw YishiError.denied(.outsideScope) }
        }
        return user
    }

    /// Users whose role at a place in `paths` was revoked (the audit log keeps where), and the
    /// staff the actor created: still theirs to manage, though they hold no role there now.
    static func formerlyInScope(_ paths: [TerritoryPath], _ actor: Actor, on db: any Database) async throws -> [UUID] {
        let revoked = try await AuditEntry.query(on: db)
            .filter(\.$action == AuditAction.roleRevoke.rawValue)
            .join(TerritoryNode.self, on: \AuditEntry.$nodeID == \TerritoryNode.$id)
            .joinedNodeInAnySubtree(paths).all().compactMap { UUID(uuidString: $0.targetID) }
        let created = try await User.query(on: db).filter(\.$enteredByID == actor.userId).all().compactMap(\.id)
        // A user who now holds a role somewhere else entirely is that place's: not shown here.
        let candidates = Array(Set(revoked + created))
        guard !candidates.isEmpty else { return [] }
        let users = try await User.query(on: db).filter(\.$id ~~ candidates).with(\.$grants) { $0.with(\.$node) }.all()
        return users.filter { u in
            u.grants.isEmpty
                || u.grants.contains { g in g.node.map { n in paths.contains { $0.contains(n.territoryPath) } } ?? false
                }
        }.compactMap(\.id)
    }

    /// The places where the actor may grant roles, for the grant form's searchable list: their
    /// managed nodes and everything below them down to compounds (buildings hold only residents).
    static func grantablePlaces(_ actor: Actor, on db: any Database) async throws -> [TerritoryNode] {
        let scopes = managedScopes(actor)
        let q = TerritoryNode.query(on: db).filter(\.$level != .building).sort(\.$path).limit(5000)
        if !scopes.contains(where: { $0 == nil }) {
            let paths = scopes.compactMap { $0 }
            guard !paths.isEmpty else { return [] }
            q.group(.or) { g in for p in paths { g.group(.and) { $0.inSubtree(p) } } }
        }
        return try await q.all()
    }

    /// 3–64 ASCII letters, digits, ".", "_" or "-".
    static func isValidUsername(_ s: String) -> Bool {
        (3...64).contains(s.count) && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    struct NewStaff: Content {
        var username: String
        var displayName: String
        var password: String
        var role: Role?
        var node: String?
    }

    /// Creates a staff account, with its first role when given (required unless platform admin).
    static func createStaff(_ input: NewStaff, by caller: Caller) async throws -> User {
        let actor = try caller.requireActor()
        var fields: [String: String] = [:]
        let username = input.username.trimmingCharacters(in: .whitespaces).lowercased()
        if username.isEmpty {
            fields["username"] = FieldText.requiredText.key
        } else if !isValidUsername(username) {
            fields["username"] = FieldText.invalid.key
        } else if try await User.query(on: caller.db).filter(\.$username == username).first() != nil {
            fields["username"] = FieldText.taken.key
        }
        let name = input.displayName.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            fields["displayName"] = FieldText.requiredText.key
        } else if name.count > 100 {
            fields["displayName"] = FieldProblem.tooLong(max: 100).fieldKey
        }
        if input.password.isEmpty {
            fields["password"] = FieldText.requiredText.key
        } else if !PasswordRules.isAcceptable(input.password) {
            fields["password"] = FieldText.password.key
        }
        let isPlatformAdmin = managedScopes(actor).contains { $0 == nil }
        var node: TerritoryNode? = nil
        if let code = input.node?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            node = try await TerritoryNode.query(on: caller.db).filter(\.$code == code).first()
            if node == nil { fields["node"] = FieldText.unknownNode.key }
        }
        if input.role == nil && !isPlatformAdmin { fields["role"] = FieldText.requiredText.key }
        if let role = input.role, fields["node"] == nil,
            case .failure(let refusal) = Policy.mayGrant(actor, role: role, at: node?.territoryPath, level: node?.level)
        {
            fields[refusal == .wrongLevel ? "node" : "role"] =
                refusal == .wrongLevel ? FieldText.wrongLevel.key : Catalog.nameKey(Denial.outsideScope)
        }
        guard fields.isEmpty else { throw YishiError.invalid(fields) }
        let hash = try await caller.passwords.hash(input.password)
        let grantNode = node
        let user = User.staff(username: username, passwordHash: hash, displayName: name, enteredBy: actor.userId)
        do {
            return try await insertStaff(user, role: input.role, node: grantNode, by: caller)
        } catch let error where error.isUniqueViolation {
            // The same username created a moment ago by another request: the unique index decides.
            throw YishiError.invalid(["username": FieldText.taken.key])
        }
    }

    private static func insertStaff(_ user: User, role: Role?, node grantNode: TerritoryNode?, by caller: Caller)
        async throws -> User
    {
        let grantedBy = caller.actor?.userId
        let username = user.username ?? ""
        return try await caller.audited { tx in
            try await user.create(on: tx)
            var details = ["username": username]
            if let role {
                try await RoleGrant(
                    userID: try user.requireID(), role: role, nodeID: try grantNode?.requireID(), grantedBy: grantedBy
                ).create(on: tx)
                details["role"] = role.rawValue
                details["node"] = grantNode?.code ?? ""
            }
            return (
                user,
                AuditEvent(
                    action: .userCreate, targetType: "user", targetID: try user.requireID().uuidString,
                    nodeID: try grantNode?.requireID(), details: details)
            )
        }
    }

    /// Grants `role` at the node with `nodeCode` (nil or empty: platform-wide).
    static func grant(userID: UUID, role: Role, nodeCode: String?, by caller: Caller) async throws -> RoleGrant {
        let actor = try caller.requireActor()
        let user = try await visibleUser(userID, actor, on: caller.db)
        var node: TerritoryNode? = nil
        if let code = nodeCode?.trimmingCharacters(in: .whitespaces), !code.isEmpty {
            node = try await Accounts.node(code: code, field: "node", on: caller.db)
        }
        switch Policy.mayGrant(actor, role: role, at: node?.territoryPath, level: node?.level) {
        case .success: break
        case .failure(.wrongLevel): throw YishiError.invalid(["node": FieldText.wrongLevel.key])
        case .failure(.denied(let d)): throw YishiError.denied(d)
        }
        if role.isStaff != (user.kind == .staff) { throw YishiError.invalid(["role": FieldText.invalid.key]) }
        let nodeID = try node?.requireID()
        let nodeCode = node?.code ?? ""
        let existing = try await RoleGrant.query(on: caller.db).filter(\.$user.$id == userID).filter(\.$role == role)
            .filter(\.$node.$id == nodeID).first()
        if let existing { return existing }
        do {
            return try await caller.audited { tx in
                let g = RoleGrant(userID: userID, role: role, nodeID: nodeID, grantedBy: actor.userId)
                try await g.create(on: tx)
                return (
                    g,
                    AuditEvent(
                        action: .roleGrant, targetType: "user", targetID: userID.uuidString, nodeID: nodeID,
                        details: ["role": role.rawValue, "node": nodeCode])
                )
            }
        } catch let error where error.isUniqueViolation {
            // Granted by a concurrent request a moment ago: the grant exists, which is what was asked.
            guard
                let made = try await RoleGrant.query(on: caller.db).filter(\.$user.$id == userID).filter(
                    \.$role == role
                )
                .filter(\.$node.$id == nodeID).first()
            else { throw error }
            return made
        }
    }

    static func revoke(userID: UUID, grantID: UUID, by caller: Caller) async throws {
        let actor = try caller.requireActor()
        guard
            let g = try await RoleGrant.query(on: caller.db).filter(\.$id == grantID).filter(\.$user.$id == userID)
                .with(\.$node).first()
        else {
            throw YishiError.notFound
        }
        try caller.authorize(.usersManage, at: g.node?.territoryPath)
        if g.role == .platformAdmin, !actor.grants.contains(where: { $0.role == .platformAdmin }) {
            throw YishiError.denied(.roleLacksAction)
        }
        try await caller.audited { tx in
            try await g.delete(on: tx)
            // Tokens of that role at that node go with it.
            try await APIToken.query(on: tx).filter(\.$user.$id == userID).filter(\.$role == g.role).filter(
                \.$node.$id == g.$node.id
            ).delete()
            return (
                (),
                AuditEvent(
                    action: .roleRevoke, targetType: "user", targetID: userID.uuidString, nodeID: g.$node.id,
                    details: ["role": g.role.rawValue, "node": g.node?.code ?? ""])
            )
        }
    }
}
