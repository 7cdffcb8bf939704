import Fluent
import Vapor
import YishiCore

/// Accounts under /api/v1: who is asking, users and their roles, API tokens. Described in
/// `Accounts+OpenAPI.swift`.
struct AccountsAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("me", use: me)
        api.get("users", use: users)
        api.post("users", use: createUser)
        api.get("users", ":userID", use: user)
        api.post("users", ":userID", "grants", use: grant)
        api.delete("users", ":userID", "grants", ":grantID", use: revoke)
        api.get("tokens", use: tokens)
        api.post("tokens", use: createToken)
        api.delete("tokens", ":tokenID", use: revokeToken)
    }

    /// Synchronous: everything comes with the principal, so the answer is made on the event loop
    /// without a hop into Swift concurrency.
    func me(req: Request) throws -> DTO.Me {
        let p = try req.requirePrincipal()
        // Everything comes from the principal, read in one query with the session or token.
        let shown =
            p.tokenID == nil
            ? p.held.map { DTO.Grant(id: $0.id, role: $0.role, node: $0.nodeCode, nodeName: $0.nodeName) }
            : p.actor.grants.map { g in
                DTO.Grant(id: nil, role: g.role, node: p.held.first { $0.path == g.path }?.nodeCode, nodeName: nil)
            }
        return DTO.Me(
            id: p.userID, displayName: p.displayName, kind: p.actor.kind, verified: p.actor.isVerified, grants: shown,
            viaToken: p.tokenID != nil)
    }

    // MARK: Users and roles

    func users(req: Request) async throws -> [DTO.User] {
        try await UserAdmin.visibleUsers(try req.requirePrincipal().actor, on: req.db).map(DTO.User.init)
    }

    func user(req: Request) async throws -> DTO.User {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw YishiError.notFound }
        return DTO.User(try await UserAdmin.visibleUser(id, try req.requirePrincipal().actor, on: req.db))
    }

    func createUser(req: Request) async throws -> Response {
        let input = try req.content.decode(UserAdmin.NewStaff.self)
        let user = try await UserAdmin.createStaff(input, by: req.caller)
        let loaded = try await UserAdmin.visibleUser(user.requireID(), try req.requirePrincipal().actor, on: req.db)
        return try await DTO.User(loaded).encodeResponse(status: .created, for: req)
    }

    func grant(req: Request) async throws -> Response {
        guard let id = req.parameters.get("userID", as: UUID.self) else { throw YishiError.notFound }
        let input = try req.content.decode(DTO.GrantInput.self)
        _ = try await UserAdmin.grant(userID: id, role: input.role, nodeCode: input.node, by: req.caller)
        return try await DTO.User(try await UserAdmin.visibleUser(id, try req.requirePrincipal().actor, on: req.db))
            .encodeResponse(status: .created, for: req)
    }

    func revoke(req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("userID", as: UUID.self),
            let gid = req.parameters.get("grantID", as: UUID.self)
        else { throw YishiError.notFound }
        try await UserAdmin.revoke(userID: id, grantID: gid, by: req.caller)
        return .noContent
    }

    // MARK: Tokens

    func tokenOut(_ t: APIToken) -> DTO.Token {
        DTO.Token(
            id: t.id!, name: t.name, role: t.role, node: t.node?.code, lastUsedAt: t.lastUsedAt, createdAt: t.createdAt)
    }

    /// Tokens are listed, made and revoked from a signed-in browser only (403 to a token).
    func tokens(req: Request) async throws -> [DTO.Token] {
        try await Accounts.tokens(by: req.caller).map(tokenOut)
    }

    func createToken(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.TokenInput.self)
        let (row, token) = try await Accounts.createToken(
            name: input.name, role: input.role, nodeCode: input.node, by: req.caller)
        try await row.$node.load(on: req.db)
        return try await DTO.NewToken(token: token, details: tokenOut(row)).encodeResponse(status: .created, for: req)
    }

    func revokeToken(req: Request) async throws -> HTTPStatus {
        guard let id = req.parameters.get("tokenID", as: UUID.self) else { throw YishiError.notFound }
        try await Accounts.revokeToken(id: id, by: req.caller)
        return .noContent
    }
}
