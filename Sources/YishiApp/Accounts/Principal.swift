import Fluent
import Vapor
import YishiCore

/// The signed-in user behind a request, and how they came in.
struct Principal: Sendable {
    var userID: UUID
    var displayName: String
    var actor: Actor
    /// Set when the request came with an API token: no cookie, so no CSRF check, and only the token's grant.
    var tokenID: UUID?
    var sessionID: UUID?

    var auditActor: AuditActor { AuditActor(id: userID, label: displayName) }
}

extension Request {
    private struct PrincipalKey: StorageKey { typealias Value = Principal }

    var principal: Principal? {
        get { storage[PrincipalKey.self] }
        set { storage[PrincipalKey.self] = newValue }
    }

    var actor: Actor? { principal?.actor }

    /// Asks the policy; refuses with 401 when nobody is signed in and 403 otherwise.
    func authorize(_ action: Action, at path: TerritoryPath?) throws {
        if case .failure(let denial) = Policy.decide(actor, action, at: path) {
            throw YishiError.denied(denial)
        }
    }

    /// The signed-in principal, or 401.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw YishiError.denied(.notSignedIn) }
        return principal
    }

    var auditActor: AuditActor { principal?.auditActor ?? AuditActor(id: nil, label: "anonymous") }
}

enum SessionCookie {
    static let name = "yishi_session"
    static let lifetime: TimeInterval = 14 * 86_400
}

/// Finds who is asking: a bearer token (API) or the session cookie (pages and API).
struct PrincipalMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let bearer = req.headers.bearerAuthorization {
            guard let principal = try await Self.principal(forToken: bearer.token, on: req) else {
                throw YishiError.invalidToken
            }
            req.principal = principal
        } else if let token = req.cookies[SessionCookie.name]?.string {
            req.principal = try await Self.principal(forSession: token, on: req)
        }
        return try await next.respond(to: req)
    }

    static func principal(forSession token: String, on req: Request) async throws -> Principal? {
        guard let session = try await UserSession.query(on: req.db)
            .filter(\.$tokenHash == sha256Hex(token)).with(\.$user).first(),
              session.expiresAt > req.now else { return nil }
        let user = session.user
        let grants = try await Self.grants(of: user.requireID(), on: req.db)
        return Principal(userID: try user.requireID(), displayName: user.displayName,
                         actor: Actor(userId: try user.requireID(), kind: user.kind, isVerified: user.isVerified, grants: grants),
                         tokenID: nil, sessionID: session.id)
    }

    static func principal(forToken token: String, on req: Request) async throws -> Principal? {
        guard let row = try await APIToken.query(on: req.db).filter(\.$tokenHash == sha256Hex(token))
            .filter(\.$revokedAt == nil).with(\.$user).with(\.$node).first() else { return nil }
        let user = row.user
        let uid = try user.requireID()
        let grant = Grant(role: row.role, path: row.node.map(\.territoryPath))
        // A token never carries more than its owner still holds.
        let owner = Actor(userId: uid, kind: user.kind, isVerified: user.isVerified, grants: try await grants(of: uid, on: req.db))
        guard Policy.tokenGrantAllowed(owner: owner, grant: grant) else { return nil }
        row.lastUsedAt = req.now
        try await row.save(on: req.db)
        return Principal(userID: uid, displayName: user.displayName,
                         actor: Actor(userId: uid, kind: user.kind, isVerified: user.isVerified, grants: [grant]),
                         tokenID: row.id, sessionID: nil)
    }

    static func grants(of userID: UUID, on db: any Database) async throws -> [Grant] {
        try await RoleGrant.query(on: db).filter(\.$user.$id == userID).with(\.$node).all()
            .map { Grant(role: $0.role, path: $0.node.map(\.territoryPath)) }
    }
}
