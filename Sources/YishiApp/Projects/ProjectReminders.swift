import Fluent
import Vapor
import YishiCore

/// What a project asks of its staff on their home page: a check of the upkeep whose reminder date
/// has come (from a week ahead to a month after), and follow-up actions of its meetings past their
/// due date and not yet done — at the places they manage.
enum ProjectReminders {
    static func todo(_ actor: Actor, caller: Caller, lang: Lang) async throws -> [HomePage.ToDo] {
        let scopes = Policy.scopes(actor, for: .projectManage)
        guard !scopes.isEmpty else { return [] }
        let paths = scopes.compactMap { $0 }
        let everywhere = scopes.contains { $0 == nil }
        let today = String(Show.dateTime(caller.now).prefix(10))
        let soon = String(Show.dateTime(caller.now.addingTimeInterval(7 * 86_400)).prefix(10))
        let monthAgo = String(Show.dateTime(caller.now.addingTimeInterval(-30 * 86_400)).prefix(10))
        var out: [HomePage.ToDo] = []
        let reminders = ProjectRecord.query(on: caller.db).filter(\.$kind == .reminder)
            .filter(\.$date <= soon).filter(\.$date >= monthAgo)
            .join(Project.self, on: \ProjectRecord.$project.$id == \Project.$id)
            .join(TerritoryNode.self, on: \Project.$node.$id == \TerritoryNode.$id)
        if !everywhere { reminders.joinedNodeInAnySubtree(paths) }
        for r in try await reminders.sort(\.$date).limit(5).all() {
            let p = try r.joined(Project.self)
            out.append(
                .init(
                    text: WorksText.reminderTodo.text(lang, [p.title, r.date ?? ""]),
                    href: Site.project(try p.requireID()) + "#review", tone: (r.date ?? "") <= today ? .warning : .info)
            )
        }
        let actions = MeetingItem.query(on: caller.db).filter(\.$kind == .action).filter(\.$doneAt == nil)
            .filter(\.$dueOn < today)
            .join(Meeting.self, on: \MeetingItem.$meeting.$id == \Meeting.$id)
            .join(TerritoryNode.self, on: \Meeting.$node.$id == \TerritoryNode.$id)
        if !everywhere { actions.joinedNodeInAnySubtree(paths) }
        for a in try await actions.sort(\.$dueOn).limit(5).all() {
            let m = try a.joined(Meeting.self)
            out.append(
                .init(
                    text: WorksText.actionTodo.text(lang, [a.text, a.owner ?? "", a.dueOn ?? ""]),
                    href: Site.meeting(try m.requireID()), tone: .warning))
        }
        return out
    }
}
