import Fluent
import SQLKit
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
    /// Every grant the user holds, with its node's code and name, read in the same query as the
    /// session (what `/api/v1/me` and the account menu show). For a token: the owner's grants.
    var held: [HeldGrant] = []
    /// The account's phone (where its one-time codes go): an owner on a vote's register is found by it.
    var phone: String? = nil

    struct HeldGrant: Sendable {
        var id: UUID
        var role: Role
        var path: TerritoryPath?
        var nodeCode: String?
        var nodeName: String?
    }

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

extension Route {
    private static let anonymousKey = "yishi.anonymous"
    /// Marks a route that never looks at who is asking (health, metrics, the stylesheet): no
    /// session or token is looked up for it.
    @discardableResult
    func anonymous() -> Route {
        userInfo[Self.anonymousKey] = true
        return self
    }
    var isAnonymous: Bool { userInfo[Self.anonymousKey] as? Bool ?? false }
}

/// Finds who is asking: a bearer token (API) or the session cookie (pages and API).
///
/// One query per request: the session (or token), its user and every grant with its node, joined.
/// Nothing is written on the way, except a token's `last_used_at`, at most once a minute.
struct PrincipalMiddleware: Middleware {
    static let lastUsedResolution: TimeInterval = 60

    /// On the event loop's futures (see `SecurityHeadersMiddleware`): the query goes out and the
    /// chain goes on from its answer, without a hop into Swift concurrency and back.
    func respond(to req: Request, chainingTo next: any Responder) -> EventLoopFuture<Response> {
        if req.route?.isAnonymous == true { return next.respond(to: req) }
        let found: EventLoopFuture<Principal?>
        if let bearer = req.headers.bearerAuthorization {
            found = Self.principal(forToken: bearer.token, on: req).flatMapThrowing { principal in
                guard let principal else { throw YishiError.invalidToken }
                return principal
            }
        } else if let token = req.cookie(SessionCookie.name), !token.isEmpty {
            let key = "s" + sha256Hex(token)
            if let cached = PrincipalCache.shared.principal(key, now: req.now) {
                req.principal = cached
                return next.respond(to: req)
            }
            let generation = PrincipalCache.shared.generation
            found = Self.principal(forSession: token, on: req).map { found in
                if let (principal, expires) = found {
                    PrincipalCache.shared.keep(principal, key, until: expires, generation: generation)
                }
                return found?.0
            }
        } else {
            return next.respond(to: req)
        }
        return found.flatMap { principal in
            req.principal = principal
            return next.respond(to: req)
        }
    }

    /// The columns every principal query returns after its own: the user and one grant per row.
    private static let userColumns = """
        u.id AS uid, u.display_name AS uname, u.kind AS ukind, u.phone AS uphone,
        CASE WHEN u.verified_at IS NULL THEN 0 ELSE 1 END AS uverified,
        g.id AS gid, g.role AS grole, n.path AS gpath, n.code AS gcode, n.name AS gname
        """
    private static let grantJoins = """
        LEFT JOIN role_grants g ON g.user_id = u.id LEFT JOIN territory_nodes n ON n.id = g.node_id
        """

    /// The session's principal and when the session ends.
    static func principal(forSession token: String, on req: Request) -> EventLoopFuture<(Principal, Date)?> {
        let sql = req.db as! any SQLDatabase
        return sql.raw(
            """
            SELECT s.id AS sid, s.expires_at AS sexpires, \(unsafeRaw: userColumns)
            FROM user_sessions s JOIN users u ON u.id = s.user_id \(unsafeRaw: grantJoins)
            WHERE s.token_hash = \(bind: sha256Hex(token)) AND s.expires_at > \(bind: req.now)
            """
        ).all().flatMapThrowing { rows in
            guard let first = rows.first else { return nil }
            let (uid, name, kind, verified) = try user(first)
            let held = try grants(rows)
            let principal = Principal(
                userID: uid, displayName: name,
                actor: Actor(
                    userId: uid, kind: kind, isVerified: verified,
                    grants: held.map { Grant(role: $0.role, path: $0.path) }),
                tokenID: nil, sessionID: try first.decode(column: "sid", as: UUID.self), held: held,
                phone: try first.decode(column: "uphone", as: String?.self))
            return (principal, try first.decode(column: "sexpires", as: Date.self))
        }
    }

    static func principal(forToken token: String, on req: Request) -> EventLoopFuture<Principal?> {
        let sql = req.db as! any SQLDatabase
        let now = req.now
        let cutoff = now.addingTimeInterval(-lastUsedResolution)
        return sql.raw(
            """
            SELECT t.id AS tid, t.role AS trole, tn.path AS tpath,
                   CASE WHEN t.last_used_at IS NULL OR t.last_used_at < \(bind: cutoff) THEN 1 ELSE 0 END AS tstale,
                   \(unsafeRaw: userColumns)
            FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN territory_nodes tn ON tn.id = t.node_id
            \(unsafeRaw: grantJoins)
            WHERE t.token_hash = \(bind: sha256Hex(token)) AND t.revoked_at IS NULL
            """
        ).all().flatMap { rows in
            do {
                guard let first = rows.first else { return req.eventLoop.makeSucceededFuture(nil) }
                let (uid, name, kind, verified) = try user(first)
                let held = try grants(rows)
                let tid = try first.decode(column: "tid", as: UUID.self)
                guard let role = Role(rawValue: try first.decode(column: "trole", as: String.self)) else {
                    return req.eventLoop.makeSucceededFuture(nil)
                }
                let tpath =
                    try first.decodeNil(column: "tpath")
                    ? nil : TerritoryPath(encoded: try first.decode(column: "tpath", as: String.self))
                let grant = Grant(role: role, path: tpath)
                // A token never carries more than its owner still holds.
                let owner = Actor(
                    userId: uid, kind: kind, isVerified: verified,
                    grants: held.map { Grant(role: $0.role, path: $0.path) })
                guard Policy.tokenGrantAllowed(owner: owner, grant: grant) else {
                    return req.eventLoop.makeSucceededFuture(nil)
                }
                let principal = Principal(
                    userID: uid, displayName: name,
                    actor: Actor(userId: uid, kind: kind, isVerified: verified, grants: [grant]),
                    tokenID: tid, sessionID: nil, held: held,
                    phone: try first.decode(column: "uphone", as: String?.self))
                guard try first.decode(column: "tstale", as: Int.self) == 1 else {
                    return req.eventLoop.makeSucceededFuture(principal)
                }
                // At most one write a minute per token, and only when nobody else has just written it.
                return (req.writeDB as! any SQLDatabase).raw(
                    """
                    UPDATE api_tokens SET last_used_at = \(bind: now)
                    WHERE id = \(bind: tid) AND (last_used_at IS NULL OR last_used_at < \(bind: cutoff))
                    """
                ).run().map { principal }
            } catch {
                return req.eventLoop.makeFailedFuture(error)
            }
        }
    }

    private static func user(_ row: any SQLRow) throws -> (UUID, String, Actor.Kind, Bool) {
        let kind = Actor.Kind(rawValue: try row.decode(column: "ukind", as: String.self)) ?? .resident
        let verified = try row.decode(column: "uverified", as: Int.self) == 1
        return (
            try row.decode(column: "uid", as: UUID.self), try row.decode(column: "uname", as: String.self), kind,
            kind == .staff || verified
        )
    }

    private static func grants(_ rows: [any SQLRow]) throws -> [Principal.HeldGrant] {
        try rows.compactMap { row in
            guard !(try row.decodeNil(column: "gid")),
                let role = Role(rawValue: try row.decode(column: "grole", as: String.self))
            else {
                return nil
            }
            let hasNode = !(try row.decodeNil(column: "gpath"))
            return Principal.HeldGrant(
                id: try row.decode(column: "gid", as: UUID.self), role: role,
                path: hasNode ? TerritoryPath(encoded: try row.decode(column: "gpath", as: String.self)) : nil,
                nodeCode: hasNode ? try row.decode(column: "gcode", as: String.self) : nil,
                nodeName: hasNode ? try row.decode(column: "gname", as: String.self) : nil)
        }.sorted { ($0.path?.ids.count ?? 0, $0.role.rawValue) < ($1.path?.ids.count ?? 0, $1.role.rawValue) }
    }

    static func grants(of userID: UUID, on db: any Database) async throws -> [Grant] {
        try await RoleGrant.query(on: db).filter(\.$user.$id == userID).with(\.$node).all()
            .map { Grant(role: $0.role, path: $0.node.map(\.territoryPath)) }
    }
}

/// Signed-in principals, kept for a second so that a burst of requests from one browser costs one
/// query (see `ReadCache`). Emptied by every audited change that may alter what someone may do and
/// by every sign-out.
final class PrincipalCache: @unchecked Sendable {
    static let shared = PrincipalCache()

    private struct Entry: Sendable {
        var principal: Principal
        var sessionEnds: Date
    }

    private let cache = ReadCache<Entry>(lifetime: .seconds(1), capacity: 20_000)

    var generation: UInt64 { cache.generation }

    /// The principal of a session key (`"s"` + the token's hash) while fresh and the session lasts.
    func principal(_ key: String, now: Date) -> Principal? {
        cache.value(key) { now < $0.sessionEnds }?.principal
    }

    func keep(_ principal: Principal, _ key: String, until sessionEnds: Date, generation: UInt64) {
        cache.keep(Entry(principal: principal, sessionEnds: sessionEnds), key, generation: generation)
    }

    func clear() { cache.clear() }
}
