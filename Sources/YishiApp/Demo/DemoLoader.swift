import Fluent
import Vapor
import YishiCore

/// Loads the demo into an empty database: each capability brings its part (`Feature.demo`), and
/// the parts run in their order inside one audited transaction, so the demo is there whole or not
/// at all. Parts find what earlier parts made by its code (a node's code, a resident's phone), never
/// by a shared variable, so a capability's part stays in its own folder.
enum DemoLoader {
    static let password = "yishi-demo-2026"

    struct SignIn: Sendable {
        var role: Role
        var username: String?
        var phone: String?
        var where_: String
    }

    enum Refusal: Error, CustomStringConvertible {
        case notEmpty
        case production
        var description: String {
            switch self {
            case .notEmpty:
                return "数据库不是空的，演示数据只能载入空数据库。/ The database is not empty: the demo loads only into an empty database."
            case .production:
                return "生产环境不能载入演示数据（它带有公开的密码）。/ The demo cannot be loaded in production: its password is public."
            }
        }
    }

    static func isEmpty(_ db: any Database) async throws -> Bool {
        let users = try await User.query(on: db).count()
        let nodes = try await TerritoryNode.query(on: db).count()
        return users == 0 && nodes == 0
    }

    /// Loads every registered capability's part, then tells its stories; returns the demo sign-ins to print.
    static func load(_ app: Application, passwordHash: String) async throws -> [SignIn] {
        let signIns = try await load(
            parts: app.features.demo, on: app.db, effects: app.effects, passwordHash: passwordHash)
        for story in app.features.all.flatMap(\.demoStories).sorted(by: { $0.order < $1.order }) {
            try await story.run(app)
        }
        return signIns
    }

    static func load(parts: [DemoPart], on db: any Database, effects: SideEffects, passwordHash: String)
        async throws -> [SignIn]
    {
        guard try await isEmpty(db) else { throw Refusal.notEmpty }
        return try await AuditLog.transaction(on: db, actor: AuditActor(id: nil, label: "demo"), time: effects.time) {
            tx in
            let demo = DemoLoad(db: tx, effects: effects, passwordHash: passwordHash)
            for part in parts { try await part.load(demo) }
            let district = try await demo.node(DemoDistrict.districtCode)
            return (
                demo.signIns,
                AuditEvent(
                    action: .demoLoad, targetType: "district", targetID: DemoDistrict.districtCode, nodeID: district.id,
                    details: demo.counts)
            )
        }
    }
}

/// A story the demo tells after its data is in: what a capability's users do, through the same
/// services (and the same audit) as the pages, with a clock of the story's own — so a vote's
/// register can be corrected and its period run out in the story's past. Stories run in `order`.
struct DemoStory: Sendable {
    var order: Int
    var run: @Sendable (Application) async throws -> Void
}

/// A clock a story moves by hand.
final class DemoClock: TimeSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    func now() -> Date { lock.withLock { current } }
    func set(_ date: Date) { lock.withLock { current = date } }
}

/// A capability's part of the demo. Parts run in `order` (numbers leave room between capabilities).
struct DemoPart: Sendable {
    var order: Int
    var load: @Sendable (DemoLoad) async throws -> Void
}

/// What a demo part is given: the transaction, the side effects, the staff password's hash — and
/// what it leaves for the audit entry (counts) and for the console (sign-ins).
final class DemoLoad: @unchecked Sendable {
    let db: any Database
    let effects: SideEffects
    let passwordHash: String
    /// The district the demo describes (made once; every part reads the same description).
    let district = DemoDistrict.make()
    /// Counts of what was made, for the demo's audit entry ("nodes": "…").
    var counts: [String: String] = [:]
    var signIns: [DemoLoader.SignIn] = []
    private var nodes: [String: TerritoryNode] = [:]

    init(db: any Database, effects: SideEffects, passwordHash: String) {
        self.db = db
        self.effects = effects
        self.passwordHash = passwordHash
    }

    /// A node an earlier part made, by its code.
    func node(_ code: String) async throws -> TerritoryNode {
        if let node = nodes[code] { return node }
        guard let node = try await TerritoryNode.query(on: db).filter(\.$code == code).first() else {
            throw Abort(.internalServerError, reason: "demo: no node \(code) (is the territory part registered?)")
        }
        nodes[code] = node
        return node
    }
}
