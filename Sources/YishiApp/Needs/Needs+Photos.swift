import Fluent
import SQLKit
import Vapor
import YishiCore

/// A need's photos (up to five): checked by content and cleaned of their location (`Uploads`),
/// kept in the attachment store. When similar needs are shown before a need is sent, the photos
/// already sent are held for the person who sent them, and join the need when it is sent; held
/// photos never used are removed after a day.
enum NeedPhotos {
    static func list(of need: UUID, on db: any Database) async throws -> [UUID] {
        try await (db as! any SQLDatabase).raw(
            "SELECT attachment_id FROM need_photos WHERE need_id = \(bind: need) ORDER BY position"
        ).all().map { try $0.decode(column: "attachment_id", as: UUID.self) }
    }

    /// Stores photos for the person while they look at similar needs; their ids go back with the form.
    static func hold(_ files: [(name: String, data: Data)], by user: UUID, on db: any Database) async throws -> [UUID] {
        guard case .success(let checked) = Uploads.check(files, accept: .photos) else {
            throw YishiError.invalid(["photos": NeedText.photosRefused.key])
        }
        return try await Uploads.store(checked, by: user, held: true, on: db)
    }

    /// Joins new photos and the person's held ones to a need, up to five in all (inside the
    /// change's transaction). Held ids that are someone else's, or already joined, are ignored.
    static func attach(
        _ files: [Uploads.File], held: [UUID], to need: UUID, by user: UUID?, now: Date, on db: any Database
    ) async throws {
        let sql = db as! any SQLDatabase
        var ids: [UUID] = []
        if let user, !held.isEmpty {
            ids = try await sql.raw(
                """
                SELECT a.id FROM attachments a WHERE a.uploaded_by_id = \(bind: user) AND a.id IN (\(binds: held))
                AND a.held = \(bind: true) AND NOT EXISTS (SELECT 1 FROM need_photos p WHERE p.attachment_id = a.id)
                """
            ).all().map { try $0.decode(column: "id", as: UUID.self) }
            // Joined: no longer held.
            if !ids.isEmpty {
                try await sql.raw("UPDATE attachments SET held = NULL WHERE id IN (\(binds: ids))").run()
            }
        }
        ids += try await Uploads.store(files, by: user, on: db)
        let existing = try await list(of: need, on: db).count
        guard existing + ids.count <= Uploads.maxFiles else {
            throw YishiError.invalid(["photos": NeedText.photosRefused.key])
        }
        for (i, id) in ids.enumerated() {
            guard existing + i < Uploads.maxFiles else {
                throw YishiError.invalid(["photos": NeedText.photosRefused.key])
            }
            try await sql.insert(into: "need_photos").columns(
                "need_id", "attachment_id", "position", "added_by_id", "created_at"
            )
            .values(SQLBind(need), SQLBind(id), SQLBind(existing + i), SQLBind(user), SQLBind(now)).run()
        }
        if let user { try await purgeHeld(by: user, before: now.addingTimeInterval(-86_400), on: db) }
    }

    /// Removes the person's held photos older than `before` that never joined a need.
    static func purgeHeld(by user: UUID, before: Date, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw(
            """
            DELETE FROM attachments WHERE uploaded_by_id = \(bind: user) AND held = \(bind: true)
            AND created_at < \(bind: before) AND NOT EXISTS (SELECT 1 FROM need_photos p WHERE p.attachment_id = attachments.id)
            AND NOT EXISTS (SELECT 1 FROM notice_files f WHERE f.attachment_id = attachments.id)
            AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.attachment_id = attachments.id)
            """
        ).run()
    }

    /// More photos on a need already sent: by whoever raised it, or staff who manage its community.
    static func add(_ files: [(name: String, data: Data)], to needID: UUID?, by caller: Caller) async throws -> Need {
        guard let needID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$community).first()
        else { throw YishiError.notFound }
        let actor = try caller.requireActor()
        if !caller.allows(.needManage, at: need.community.territoryPath) {
            guard actor.kind == .resident, let user = try await User.find(actor.userId, on: caller.db),
                let rid = user.$resident.id, rid == need.$resident.id
            else { throw YishiError.denied(.roleLacksAction) }
        }
        guard case .success(let checked) = Uploads.check(files, accept: .photos), !checked.isEmpty else {
            throw YishiError.invalid(["photos": NeedText.photosRefused.key])
        }
        let now = caller.now
        do {
            return try await added(checked, to: need, by: actor.userId, now: now, caller: caller)
        } catch let error where error.isUniqueViolation {
            // Another upload took the same places a moment before.
            throw YishiError.invalid(["photos": NeedText.photosRefused.key])
        }
    }

    private static func added(_ checked: [Uploads.File], to need: Need, by user: UUID, now: Date, caller: Caller)
        async throws -> Need
    {
        let needID = try need.requireID()
        return try await caller.audited { tx in
            try await attach(checked, held: [], to: needID, by: user, now: now, on: tx)
            return (
                need,
                AuditEvent(
                    action: .needPhoto, targetType: "need", targetID: needID.uuidString, nodeID: need.$place.id,
                    details: ["title": need.title, "photos": String(checked.count)])
            )
        }
    }

    /// One photo of a need, to whoever may read the need.
    static func photo(_ needID: UUID?, _ photoID: UUID?, by caller: Caller) async throws -> Attachment {
        guard let needID, let photoID,
            let need = try await Need.query(on: caller.db).filter(\.$id == needID).with(\.$place).first()
        else { throw YishiError.notFound }
        try caller.authorize(.needRead, at: need.place.territoryPath)
        guard try await list(of: needID, on: caller.db).contains(photoID),
            let a = try await Attachment.find(photoID, on: caller.db)
        else { throw YishiError.notFound }
        return a
    }
}
