import Fluent
import Vapor
import YishiCore

/// Who acts, and with what: the one write path. A page, the API, a job, a command and an import
/// build a `Caller` and call the same service function (`TerritoryEditing.update(_:_:by:)`, …),
/// so the policy's answer, the audit entry and the clock are the same whichever door a change
/// came in by. Services never see a `Request`.
struct Caller: Sendable {
    /// Whose rights apply.
    enum Acting: Sendable {
        /// No one signed in: the policy refuses everything that needs an account.
        case nobody
        /// A person with their grants (for a job: as they are when it runs).
        case person(Actor)
        /// The platform itself — the command line, the demo loader — with every right.
        case platform
    }

    var db: any Database {
        didSet { auditKey = nil }
    }
    var acting: Acting
    /// The browser session a request came with; nil for an API token, a job or a command.
    var sessionID: UUID?
    /// The name the audit log records.
    var auditActor: AuditActor
    var effects: SideEffects
    /// For staff passwords (the configured bcrypt cost).
    var passwords: AsyncPasswordHasher
    var logger: Logger
    /// The application's name in the process-wide read caches (`Application.readNamespace`).
    var readNamespace: String = ""
    /// The signed-in account's phone, when the request's principal carried it.
    var phone: String? = nil
    /// The group commit's key of `db` (`AuditGroupCommit.key`), worked out once at start for a
    /// request's database (it reflects on the configuration, which costs); nil once `db` changes.
    var auditKey: String? = nil

    var now: Date { effects.time.now() }

    /// The person acting; nil for nobody and for the platform.
    var actor: Actor? {
        if case .person(let actor) = acting { return actor }
        return nil
    }

    /// The person acting, or 401.
    func requireActor() throws -> Actor {
        guard let actor else { throw YishiError.denied(.notSignedIn) }
        return actor
    }

    /// The person acting through a signed-in browser. Managing one's own account (tokens, the
    /// password) is refused to an API token: a token, even a narrowed one, must not mint tokens
    /// that outlive it, nor list or revoke its owner's wider ones.
    func requireBrowserSession() throws -> (actor: Actor, session: UUID) {
        let actor = try requireActor()
        guard let sessionID else { throw YishiError.denied(.roleLacksAction) }
        return (actor, sessionID)
    }

    /// The policy's answer for a record at `path` (nil: platform-level).
    func decide(_ action: Action, at path: TerritoryPath?) -> Result<Void, Denial> {
        switch acting {
        case .nobody: .failure(.notSignedIn)
        case .person(let actor): Policy.decide(actor, action, at: path)
        case .platform: .success(())
        }
    }

    func allows(_ action: Action, at path: TerritoryPath?) -> Bool {
        if case .success = decide(action, at: path) { return true }
        return false
    }

    /// Refuses with 401 when nobody is signed in and 403 otherwise.
    func authorize(_ action: Action, at path: TerritoryPath?) throws {
        if case .failure(let denial) = decide(action, at: path) { throw YishiError.denied(denial) }
    }

    /// Runs `body` in one audited transaction (`AuditLog.transaction`) as this caller. `atomic`: the
    /// body writes with one statement at most (see `AuditGroupCommit`).
    func audited<T: Sendable>(
        atomic: Bool = false, _ body: @escaping @Sendable (any Database) async throws -> (T, AuditEvent)
    ) async throws -> T {
        try await AuditLog.transaction(
            on: db, key: auditKey, actor: auditActor, time: effects.time, atomic: atomic, body)
    }

    /// The same caller on another database handle (a job's pool, a transaction).
    func on(_ db: any Database) -> Caller {
        var c = self
        c.db = db
        return c
    }
}

extension Request {
    /// The signed-in principal (or nobody) as a caller, on the request's database.
    var caller: Caller {
        Caller(
            db: db, acting: principal.map { .person($0.actor) } ?? .nobody,
            sessionID: principal?.tokenID == nil ? principal?.sessionID : nil,
            auditActor: auditActor, effects: effects, passwords: password.async, logger: logger,
            readNamespace: application.readNamespace, phone: principal?.phone, auditKey: application.auditKey)
    }
}

extension Application {
    /// A caller outside any request: a job acting for a person, the command line for the platform.
    func caller(_ acting: Caller.Acting, auditActor: AuditActor, on db: (any Database)? = nil) -> Caller {
        Caller(
            db: db ?? self.db, acting: acting, auditActor: auditActor, effects: effects, passwords: password.async,
            logger: logger, readNamespace: readNamespace)
    }
}
