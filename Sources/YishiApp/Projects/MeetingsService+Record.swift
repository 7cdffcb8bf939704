import Fluent
import SQLKit
import Vapor
import YishiCore

/// What a meeting keeps beside its minutes and resolutions: views expressed, follow-up actions,
/// files of the minutes, the outcome in words, and who is signed in (for hands counted by name).
extension MeetingsService {
    /// A view expressed at the meeting, or a follow-up action with its owner and due date (staff).
    static func addItem(
        _ id: UUID?, kind: MeetingItem.Kind?, text: String, owner: String?, due: String?, by caller: Caller
    ) async throws -> MeetingItem {
        let m = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        // Files come through `addFiles`, with their file.
        guard let kind, kind != .file else { throw YishiError.invalid(["kind": FieldText.requiredText.key]) }
        var fields: [String: String] = [:]
        let body = FieldRules.paragraphs(text, max: 1_000)
        if let p = body.problem { fields[kind == .view ? "view" : "action"] = p.fieldKey }
        var who: String? = nil
        var when: String? = nil
        if kind == .action {
            switch FieldRules.text(owner ?? "", max: 60) {
            case .success(let v): who = v
            case .failure(let p): fields["owner"] = p.fieldKey
            }
            let d = (due ?? "").trimmed
            if ProjectRecordRules.validDate(d) { when = d } else { fields["due"] = WorksText.dateInvalid.key }
        }
        guard fields.isEmpty, let words = body.value else { throw YishiError.invalid(fields) }
        let (user, ownerName, dueOn) = (caller.actor?.userId, who, when)
        return try await caller.audited { tx in
            let item = MeetingItem()
            item.$meeting.id = try m.requireID()
            item.kind = kind
            item.text = words
            item.owner = ownerName
            item.dueOn = dueOn
            item.byID = user
            try await item.create(on: tx)
            return (
                item,
                AuditEvent(
                    action: .meetingMinutes, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: ["title": m.title, kind.rawValue: words])
            )
        }
    }

    /// Marks an action done, once (one statement decides between two at once).
    static func completeItem(_ itemID: UUID?, by caller: Caller) async throws -> MeetingItem {
        guard let itemID, let item = try await MeetingItem.find(itemID, on: caller.db) else {
            throw YishiError.notFound
        }
        let m = try await readable(item.$meeting.id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        let now = caller.now
        return try await caller.audited { tx in
            let won = try await (tx as! any SQLDatabase).raw(
                """
                UPDATE meeting_items SET done_at = \(bind: now)
                WHERE id = \(bind: itemID) AND kind = 'action' AND done_at IS NULL RETURNING id
                """
            ).first()
            guard won != nil else { throw YishiError.conflict(key: MeetingText.doneAlready.key) }
            item.doneAt = now
            return (
                item,
                AuditEvent(
                    action: .meetingMinutes, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: ["title": m.title, "done": item.text])
            )
        }
    }

    static func items(of m: Meeting, on db: any Database) async throws -> [MeetingItem] {
        try await MeetingItem.query(on: db).filter(\.$meeting.$id == m.requireID()).sort(\.$createdAt).all()
    }

    /// The outcome as a notice's words: attendance, minutes, resolutions with their result, the
    /// views and the follow-up actions (the meeting must be held).
    static func outcomeText(_ m: Meeting, lang: Lang, on db: any Database) async throws -> String {
        guard m.held else { throw YishiError.conflict(key: MeetingText.outcomeNeedsMinutes.key) }
        let attended = try await attendance(of: m, on: db).total
        var lines = [
            MeetingText.noticeWhen.text(lang, [Show.dateTime(m.startsAt), m.venue]),
            MeetingText.attendanceLine.text(lang, [String(attended)]), "", MeetingText.minutes.text(lang) + "：",
            m.minutes ?? "",
        ]
        let resolutions = try await resolutions(of: m, on: db)
        if !resolutions.isEmpty {
            lines += ["", MeetingText.resolutions.text(lang) + "："]
            for r in resolutions {
                let status: MeetingText =
                    r.passed
                    ? .statusPassed : (r.status == TallyStatus.noQuorum.rawValue ? .statusNoQuorum : .statusFailed)
                lines.append(
                    "· " + r.text + "：" + status.text(lang) + "（"
                        + MeetingText.countsLine.text(lang, [String(r.yes), String(r.present)]) + "）")
            }
        }
        let items = try await items(of: m, on: db)
        let views = items.filter { $0.kind == .view }
        if !views.isEmpty { lines += ["", MeetingText.views.text(lang) + "："] + views.map { "· " + $0.text } }
        let actions = items.filter { $0.kind == .action }
        if !actions.isEmpty {
            lines +=
                ["", MeetingText.actions.text(lang) + "："]
                + actions.map { "· " + MeetingText.actionLine.text(lang, [$0.text, $0.owner ?? "", $0.dueOn ?? ""]) }
        }
        return lines.joined(separator: "\n")
    }

    /// Files of the minutes (pictures or PDF, five at a time), staff.
    static func addFiles(_ id: UUID?, _ files: [(name: String, data: Data)], by caller: Caller) async throws -> Meeting
    {
        let m = try await readable(id, by: caller)
        try caller.authorize(.projectManage, at: m.node.territoryPath)
        let checked: [Uploads.File]
        switch Uploads.check(files, accept: .documents) {
        case .success(let f) where !f.isEmpty: checked = f
        default: throw YishiError.invalid(["files": NoticeText.fileRefused.key])
        }
        let user = caller.actor?.userId
        return try await caller.audited { tx in
            for (file, stored) in zip(checked, try await Uploads.store(checked, by: user, on: tx)) {
                let item = MeetingItem()
                item.$meeting.id = try m.requireID()
                item.kind = .file
                item.text = file.name
                item.$attachment.id = stored
                item.byID = user
                try await item.create(on: tx)
            }
            return (
                m,
                AuditEvent(
                    action: .meetingMinutes, targetType: "meeting", targetID: m.id!.uuidString, nodeID: m.$node.id,
                    details: ["title": m.title, "files": String(checked.count)])
            )
        }
    }

    /// A file of the minutes, after the meeting's check.
    static func file(_ itemID: UUID?, by caller: Caller) async throws -> Attachment {
        guard let itemID,
            let item = try await MeetingItem.query(on: caller.db).filter(\.$id == itemID).filter(\.$kind == .file)
                .with(\.$attachment).first(),
            let a = item.attachment
        else { throw YishiError.notFound }
        _ = try await readable(item.$meeting.id, by: caller)
        return a
    }

    /// The residents signed in at the meeting (by code or on the roster), with their names — for
    /// staff ticking hands.
    static func attendees(of m: Meeting, on db: any Database) async throws -> [(id: UUID, name: String)] {
        try await (db as! any SQLDatabase).raw(
            """
            SELECT r.id AS id, r.name AS name FROM meeting_attendance a JOIN residents r ON r.id = a.resident_id
            WHERE a.meeting_id = \(bind: m.requireID()) ORDER BY r.name
            """
        ).all().map { (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "name", as: String.self)) }
    }

    /// How many hands each resolution counted person by person.
    static func hands(of resolutions: [MeetingResolution], on db: any Database) async throws -> [UUID: Int] {
        let ids = resolutions.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        var out: [UUID: Int] = [:]
        for row in try await (db as! any SQLDatabase).raw(
            "SELECT resolution_id AS id, COUNT(*) AS n FROM resolution_hands WHERE resolution_id IN (\(binds: ids)) GROUP BY resolution_id"
        ).all() {
            out[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
        }
        return out
    }
}
