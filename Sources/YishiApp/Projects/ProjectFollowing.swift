import Fluent
import SQLKit
import Vapor
import YishiCore

/// A notification in the platform: a text (by key, with its values) and where it leads. Read on
/// "My messages" (`/notifications`).
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "text_key") var textKey: String
    /// `[String]` as JSON: the values put into the text.
    @Field(key: "args") var argsJSON: String
    @Field(key: "link") var link: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}

    var args: [String] { (try? JSONDecoder().decode([String].self, from: Data(argsJSON.utf8))) ?? [] }

    /// A value in both languages (a stage's name), kept as one argument.
    static func both(_ zh: String, _ en: String) -> String { zh + "\u{1F}" + en }

    /// The values in `lang`: a value given in both languages is shown in one.
    func args(_ lang: Lang) -> [String] {
        args.map { a in
            let parts = a.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            return parts.count == 2 ? (lang == .zhHans ? parts[0] : parts[1]) : a
        }
    }
}

/// Following a project (issue 18 §9): anyone who may read it follows it; its followers hear in
/// the platform when it moves on, calls a meeting or opens a notice — written in the same
/// transaction as the change — and by text message when they asked for it, at most
/// `smsPerDay` a day (one statement counts and returns the day's number).
enum ProjectFollowing {
    static let smsPerDay = 3

    static func follow(_ projectID: UUID?, sms: Bool, by caller: Caller) async throws -> Project {
        let p = try await ProjectsService.readable(projectID, by: caller)
        let actor = try caller.requireActor()
        let (pid, user, now) = (try p.requireID(), actor.userId, caller.now)
        return try await caller.audited { tx in
            // Following again changes only the text-message choice (the pair is unique).
            try await (tx as! any SQLDatabase).raw(
                """
                INSERT INTO project_followers (id, project_id, user_id, sms, created_at)
                VALUES (\(bind: UUID()), \(bind: pid), \(bind: user), \(bind: sms), \(bind: now))
                ON CONFLICT (project_id, user_id) DO UPDATE SET sms = excluded.sms
                """
            ).run()
            return (
                p,
                AuditEvent(
                    action: .projectFollow, targetType: "project", targetID: pid.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "sms": sms ? "yes" : "no"])
            )
        }
    }

    static func unfollow(_ projectID: UUID?, by caller: Caller) async throws -> Project {
        let p = try await ProjectsService.readable(projectID, by: caller)
        let actor = try caller.requireActor()
        let (pid, user) = (try p.requireID(), actor.userId)
        return try await caller.audited { tx in
            try await (tx as! any SQLDatabase).raw(
                "DELETE FROM project_followers WHERE project_id = \(bind: pid) AND user_id = \(bind: user)"
            ).run()
            return (
                p,
                AuditEvent(
                    action: .projectFollow, targetType: "project", targetID: pid.uuidString, nodeID: p.$node.id,
                    details: ["title": p.title, "following": "no"])
            )
        }
    }

    /// A notification to every follower of the project, in one statement, inside the caller's transaction.
    static func notify(
        _ projectID: UUID, _ text: WorksText, _ args: [String], link: String, now: Date, on tx: any Database
    ) async throws {
        let sql = tx as! any SQLDatabase
        let followers = try await sql.raw(
            "SELECT user_id FROM project_followers WHERE project_id = \(bind: projectID)"
        ).all().map { try $0.decode(column: "user_id", as: UUID.self) }
        let argsJSON = DesignVotes.json(args)
        for user in followers {
            try await sql.raw(
                """
                INSERT INTO notifications (id, user_id, text_key, args, link, created_at)
                VALUES (\(bind: UUID()), \(bind: user), \(bind: text.key), \(bind: argsJSON), \(bind: link), \(bind: now))
                """
            ).run()
        }
    }

    /// Text messages to followers who asked for them, after the change is stored; each person's
    /// day is counted in one statement that increments and returns, so two at once never pass the cap.
    /// A failed message is logged, never the change's failure.
    static func textFollowers(_ projectID: UUID, _ text: WorksText, _ args: [String], by caller: Caller) async {
        do {
            let sql = caller.db as! any SQLDatabase
            let rows = try await sql.raw(
                """
                SELECT u.id AS id, u.phone AS phone FROM project_followers f JOIN users u ON u.id = f.user_id
                WHERE f.project_id = \(bind: projectID) AND f.sms = \(bind: true) AND u.phone IS NOT NULL
                """
            ).all()
            let day = String(Show.dateTime(caller.now).prefix(10))
            for row in rows {
                let user = try row.decode(column: "id", as: UUID.self)
                let phone = try row.decode(column: "phone", as: String.self)
                let sent = try await sql.raw(
                    """
                    INSERT INTO sms_daily_counts (user_id, day, sent) VALUES (\(bind: user), \(bind: day), 1)
                    ON CONFLICT (user_id, day) DO UPDATE SET sent = sms_daily_counts.sent + 1
                    RETURNING sent
                    """
                ).first()
                guard let n = try sent?.decode(column: "sent", as: Int.self), n <= smsPerDay else { continue }
                try await caller.effects.sms.send(
                    phone: phone, text: "【议事】" + text.text(.zhHans, args), on: caller.db)
            }
        } catch {
            caller.logger.warning("project text messages not sent: \(error)")
        }
    }

    /// A user's notifications, newest first (the latest 100), and how many are unread.
    static func of(user: UUID, on db: any Database) async throws -> [Notification] {
        try await Notification.query(on: db).filter(\.$userID == user).sort(\.$createdAt, .descending).limit(100)
            .all()
    }

    static func unread(user: UUID, on db: any Database) async throws -> Int {
        try await Notification.query(on: db).filter(\.$userID == user).filter(\.$readAt == nil).count()
    }

    /// Marks them read, on the writers' pool (`req.writeDB`).
    static func markRead(by caller: Caller, on writer: any Database) async throws {
        let actor = try caller.requireActor()
        try await (writer as! any SQLDatabase).raw(
            "UPDATE notifications SET read_at = \(bind: caller.now) WHERE user_id = \(bind: actor.userId) AND read_at IS NULL"
        ).run()
    }
}
