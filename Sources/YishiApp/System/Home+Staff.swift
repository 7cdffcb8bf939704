import Fluent
import Vapor
import YishiCore

/// A staff member's home: what waits for them (every capability's to-do) and the last changes in
/// their area.
extension HomePage {
    /// Accounts waiting for verification, imports that failed or are still running in the scope.
    static func todo(_ actor: Actor, caller: Caller, lang: Lang, sources: [ToDoSource]) async throws -> [ToDo] {
        let db = caller.db
        var out: [ToDo] = []
        if Policy.holdsAnywhere(actor, .residentVerify) {
            // Unverified accounts have no place yet (their phone is not on any register), so the
            // count is the platform's: whichever committee they walk into verifies them.
            let waiting = try await User.query(on: db).filter(\.$kind == .resident).filter(\.$verifiedAt == nil).count()
            if waiting > 0 {
                out.append(ToDo(text: HomeText.todoVerify.text(lang, [String(waiting)]), href: Site.verify))
            }
        }
        for source in sources { out += try await source.list(actor, caller, lang) }
        let scopes = Policy.scopes(actor, for: .territoryImport)
        guard !scopes.isEmpty else { return out }
        let since = caller.now.addingTimeInterval(-14 * 86_400)
        let jobs = try await Job.query(on: db).filter(\.$status ~~ [.failed, .queued, .running])
            .filter(\.$createdAt >= since).with(\.$node).sort(\.$createdAt, .descending).limit(50).all()
        for job in jobs {
            let mine = job.createdByID == actor.userId
            let here = job.node.map { n in scopes.contains { $0?.contains(n.territoryPath) ?? true } } ?? false
            guard mine || here else { continue }
            let file = job.fileName ?? Catalog.text("job.kind.\(job.kind.rawValue)", lang)
            if job.status == .failed {
                out.append(
                    ToDo(
                        text: HomeText.todoFailed.text(lang, [file, Show.dateTime(job.createdAt)]),
                        href: Site.job(job.id!), tone: .error))
            } else {
                out.append(
                    ToDo(text: HomeText.todoRunning.text(lang, [file, String(job.progress)]), href: Site.job(job.id!)))
            }
            if out.count >= 10 { break }
        }
        return out
    }

    /// The last changes at places where the staff member may edit (their colleagues' and their own).
    static func recent(_ actor: Actor, caller: Caller, lang: Lang) async throws -> [AuditPage.Row]? {
        let scopes = Policy.scopes(actor, for: .territoryEdit)
        guard !scopes.isEmpty else { return nil }
        let q = AuditEntry.query(on: caller.db).sort(\.$seq, .descending).limit(8)
            .filter(\.$action != AuditAction.accountSignIn.rawValue)
        if !scopes.contains(where: { $0 == nil }) {
            q.join(TerritoryNode.self, on: \AuditEntry.$nodeID == \TerritoryNode.$id)
                .joinedNodeInAnySubtree(scopes.compactMap { $0 })
        }
        return try await AuditPage.rows(try await q.all(), by: caller, lang: lang)
    }
}
