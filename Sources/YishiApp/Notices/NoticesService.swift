import Fluent
import SQLKit
import Vapor
import YishiCore

/// Public notices for pages, the API and other capabilities alike (`Caller`): staff draft and
/// publish; a resident objects during the period, or staff enter an objection received on paper
/// (assisted entry); staff answer. A published notice's words never change.
enum NoticesService {
    struct Draft: Sendable {
        var node: UUID
        var title: String
        var body: String
        var days: String?
        var files: [(name: String, data: Data)] = []
        var subject: (kind: String, id: UUID)? = nil
    }

    /// A draft, checked (title ≤ 100, body ≤ 5,000, 0–90 days, files), at a node the caller manages.
    static func create(_ d: Draft, by caller: Caller) async throws -> PublicNotice {
        guard let node = try await TerritoryNode.find(d.node, on: caller.db) else { throw YishiError.notFound }
        try caller.authorize(.noticeManage, at: node.territoryPath)
        var fields: [String: String] = [:]
        let title = FieldRules.text(d.title, max: 100)
        let body = FieldRules.paragraphs(d.body, max: 5_000)
        if let p = title.problem { fields["title"] = p.fieldKey }
        if let p = body.problem { fields["body"] = p.fieldKey }
        let days = NoticePeriod.days(d.days)
        if days == nil { fields["days"] = NoticeText.daysInvalid.key }
        var files: [Uploads.File] = []
        switch Uploads.check(d.files, accept: .documents) {
        case .success(let f): files = f
        case .failure: fields["files"] = NoticeText.fileRefused.key
        }
        guard fields.isEmpty, let t = title.value, let b = body.value, let days else {
            throw YishiError.invalid(fields)
        }
        let user = caller.actor?.userId
        let checked = files
        return try await caller.audited { tx in
            let n = PublicNotice()
            n.$node.id = try node.requireID()
            n.title = t
            n.body = b
            n.days = days
            n.status = .draft
            n.subjectKind = d.subject?.kind
            n.subjectID = d.subject?.id
            n.createdByID = user
            try await n.create(on: tx)
            for (i, id) in try await Uploads.store(checked, by: user, on: tx).enumerated() {
                try await (tx as! any SQLDatabase).insert(into: "notice_files")
                    .columns("notice_id", "attachment_id", "position").values(SQLBind(n.id!), SQLBind(id), SQLBind(i))
                    .run()
            }
            return (
                n,
                AuditEvent(
                    action: .noticeCreate, targetType: "notice", targetID: n.id!.uuidString, nodeID: n.$node.id,
                    details: ["title": t, "days": String(days)])
            )
        }
    }

    /// Publishes a draft: its period starts now. Publishing twice is a 409 (one `UPDATE … WHERE
    /// status = 'draft'` decides between two at once).
    static func publish(_ id: UUID?, by caller: Caller) async throws -> PublicNotice {
        let notice = try await load(id, on: caller.db)
        try caller.authorize(.noticeManage, at: notice.node.territoryPath)
        guard notice.status == .draft else { throw YishiError.conflict(key: NoticeText.alreadyPublished.key) }
        let now = caller.now
        let period = NoticePeriod.starting(now, days: notice.days)
        let user = caller.actor?.userId
        return try await caller.audited { tx in
            let won = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE public_notices SET status = 'published', starts_at = \(bind: period.starts),
                ends_at = \(bind: period.ends), published_by_id = \(bind: user) WHERE id = \(bind: notice.requireID())
                AND status = 'draft' RETURNING id
                """
            ).all()
            guard !won.isEmpty, let fresh = try await PublicNotice.find(notice.id, on: tx) else {
                throw YishiError.conflict(key: NoticeText.alreadyPublished.key)
            }
            return (
                fresh,
                AuditEvent(
                    action: .noticePublish, targetType: "notice", targetID: fresh.id!.uuidString,
                    nodeID: fresh.$node.id,
                    details: [
                        "title": fresh.title, "days": String(fresh.days), "ends": Show.dateTime(period.ends),
                    ])
            )
        }
    }

    /// A notice with its node; a draft only for staff who manage it (anyone else: 404).
    static func readable(_ id: UUID?, by caller: Caller) async throws -> PublicNotice {
        let n = try await load(id, on: caller.db)
        if n.status == .draft, !caller.allows(.noticeManage, at: n.node.territoryPath) { throw YishiError.notFound }
        return n
    }

    static func load(_ id: UUID?, on db: any Database) async throws -> PublicNotice {
        guard let id, let n = try await PublicNotice.query(on: db).filter(\.$id == id).with(\.$node).first() else {
            throw YishiError.notFound
        }
        return n
    }

    /// An objection: a resident's own (online, their home under the notice's place), or one staff
    /// enter with the channel it came by, for a named resident or unsigned. Only while the notice runs.
    static func object(
        _ id: UUID?, text: String, forResident: String?, channel: YishiCore.Channel?, by caller: Caller
    ) async throws -> NoticeObjection {
        let notice = try await readable(id, by: caller)
        let actor = try caller.requireActor()
        var residentID: UUID? = nil
        var channelUsed = YishiCore.Channel.online
        if actor.kind == .resident {
            let (home, _) = try await ResidentHome.whose(nil, by: caller, managing: .noticeManage)
            try caller.authorize(.noticeObject, at: home.building.territoryPath)
            guard notice.node.territoryPath.contains(home.building.territoryPath) else {
                throw YishiError.denied(.outsideScope)
            }
            residentID = try home.resident.requireID()
        } else {
            try caller.authorize(.noticeManage, at: notice.node.territoryPath)
            guard let c = channel, c != .online else {
                throw YishiError.invalid(["channel": FieldText.requiredText.key])
            }
            channelUsed = c
            if !(forResident ?? "").trimmed.isEmpty {
                let (home, _) = try await ResidentHome.whose(forResident, by: caller, managing: .noticeManage)
                guard notice.node.territoryPath.contains(home.path) else { throw YishiError.denied(.outsideScope) }
                residentID = try home.resident.requireID()
            }
        }
        let body = FieldRules.paragraphs(text, max: 500)
        if let p = body.problem { throw YishiError.invalid(["text": p.fieldKey]) }
        let now = caller.now
        guard notice.status == .published, notice.period?.takesObjections(at: now) == true else {
            throw YishiError.conflict(key: NoticeText.objectionClosed.key)
        }
        let enteredBy = actor.kind == .resident ? nil : actor.userId
        let (rid, c, words) = (residentID, channelUsed, body.value ?? "")
        return try await caller.audited { tx in
            let o = NoticeObjection()
            o.$notice.id = try notice.requireID()
            o.text = words
            o.$resident.id = rid
            o.channel = c.rawValue
            o.enteredByID = enteredBy
            o.createdAt = now
            try await o.create(on: tx)
            return (
                o,
                AuditEvent(
                    action: .noticeObject, targetType: "notice", targetID: notice.id!.uuidString,
                    nodeID: notice.$node.id, details: ["title": notice.title],
                    provenance: Provenance(forResident: rid, enteredBy: actor.userId, channel: c))
            )
        }
    }

    /// Staff answer an objection (again, to correct it: the audit log keeps every answer).
    static func answer(_ notice: UUID?, objection: UUID?, text: String, by caller: Caller) async throws
        -> NoticeObjection
    {
        let n = try await readable(notice, by: caller)
        try caller.authorize(.noticeManage, at: n.node.territoryPath)
        guard let objection,
            let o = try await NoticeObjection.query(on: caller.db).filter(\.$id == objection)
                .filter(\.$notice.$id == n.requireID()).first()
        else { throw YishiError.notFound }
        let body = FieldRules.paragraphs(text, max: 1_000)
        if let p = body.problem { throw YishiError.invalid(["answer": p.fieldKey]) }
        let words = body.value ?? ""
        let now = caller.now
        let user = caller.actor?.userId
        return try await caller.audited { tx in
            o.answer = words
            o.answeredByID = user
            o.answeredAt = now
            try await o.update(on: tx)
            return (
                o,
                AuditEvent(
                    action: .noticeAnswer, targetType: "notice", targetID: n.id!.uuidString, nodeID: n.$node.id,
                    details: ["title": n.title, "answer": words])
            )
        }
    }

    static func objections(of notice: PublicNotice, on db: any Database) async throws -> [NoticeObjection] {
        try await NoticeObjection.query(on: db).filter(\.$notice.$id == notice.requireID()).sort(\.$createdAt).all()
    }

    static func outcome(_ notice: PublicNotice, _ objections: [NoticeObjection], now: Date) -> NoticeOutcome? {
        notice.period.map {
            NoticeOutcome.of(
                $0, now: now, objections: objections.count, unanswered: objections.filter { $0.answer == nil }.count)
        }
    }

    /// The files of a notice, in order (names and types only).
    static func files(of notice: UUID, on db: any Database) async throws -> [(id: UUID, name: String, type: String)] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT a.id, a.name, a.content_type FROM notice_files f JOIN attachments a ON a.id = f.attachment_id
            WHERE f.notice_id = \(bind: notice) ORDER BY f.position
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self),
                try $0.decode(column: "content_type", as: String.self)
            )
        }
    }

    /// Published notices that concern a place: at it, above it (a subdistrict's reach a community)
    /// or below it; running ones first, then the newest.
    static func concerning(_ node: TerritoryNode, drafts: Bool, limit: Int = 100, on db: any Database) async throws
        -> [PublicNotice]
    {
        let path = node.territoryPath
        let above = path.ids
        let q = PublicNotice.query(on: db).join(TerritoryNode.self, on: \PublicNotice.$node.$id == \TerritoryNode.$id)
            .group(.or) { g in
                g.filter(\.$node.$id ~~ above)
                g.group(.and) {
                    $0.filter(TerritoryNode.self, \.$path >= path.encoded)
                    $0.filter(TerritoryNode.self, \.$path < path.subtreeUpperBound)
                }
            }
        if !drafts { q.filter(\.$status == .published) }
        return try await q.with(\.$node).sort(\.$endsAt, .descending).sort(\.$createdAt, .descending).limit(limit).all()
    }
}

extension NoticesService {
    /// An owner's objection to a notice of an owners' register (the owners' votes feature has
    /// checked that the signed-in account is an owner on it): online; whose entry it concerns is
    /// in the audit entry (staff read it there), not on the public notice. Only while the notice runs.
    static func objectAsOwner(_ id: UUID, text: String, owner: String, by caller: Caller) async throws
        -> NoticeObjection
    {
        let notice = try await load(id, on: caller.db)
        let actor = try caller.requireActor()
        let body = FieldRules.paragraphs(text, max: 500)
        if let p = body.problem { throw YishiError.invalid(["text": p.fieldKey]) }
        guard notice.status == .published, notice.period?.takesObjections(at: caller.now) == true else {
            throw YishiError.conflict(key: NoticeText.objectionClosed.key)
        }
        let (words, now) = (body.value ?? "", caller.now)
        return try await caller.audited { tx in
            let o = NoticeObjection()
            o.$notice.id = try notice.requireID()
            o.text = words
            o.channel = YishiCore.Channel.online.rawValue
            o.createdAt = now
            try await o.create(on: tx)
            return (
                o,
                AuditEvent(
                    action: .noticeObject, targetType: "notice", targetID: notice.id!.uuidString,
                    nodeID: notice.$node.id, details: ["title": notice.title, "owner": owner],
                    provenance: Provenance(forResident: nil, enteredBy: actor.userId, channel: .online))
            )
        }
    }
}
