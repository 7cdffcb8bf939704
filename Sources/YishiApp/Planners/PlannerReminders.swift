import Fluent
import Vapor
import YishiCore

/// What the planners ask of a staff member's home page: terms ending within sixty days (to renew
/// or replace in time), applications waiting for a decision, and a planner's own term ending.
enum PlannerReminders {
    static let before = 60

    static func todo(_ actor: Actor, caller: Caller, lang: Lang) async throws -> [HomePage.ToDo] {
        let db = caller.db
        let today = CalendarDay(caller.now)
        let until = today.adding(days: before).description
        var out: [HomePage.ToDo] = []
        // A planner's own term (read only for those who log service: planners).
        if Policy.holdsAnywhere(actor, .plannerLog),
            let me = try await Planner.query(on: db).filter(\.$user.$id == actor.userId).first()
        {
            for a in try await PlannerAppointmentRow.query(on: db).filter(\.$planner.$id == me.id!)
                .filter(\.$status == .active).filter(\.$endsOn <= until).filter(\.$endsOn >= today.description).all()
            {
                out.append(
                    .init(
                        text: PlannerPageText.todoMyTerm.text(lang, [a.endsOn]), href: Site.planner(me.id!),
                        tone: .warning))
            }
        }
        let appoint = Policy.scopes(actor, for: .plannerAppoint)
        if !appoint.isEmpty {
            let q = PlannerAppointmentRow.query(on: db).filter(\.$status == .active).filter(\.$endsOn <= until)
                .filter(\.$endsOn >= today.description)
                .join(TerritoryNode.self, on: \PlannerAppointmentRow.$authority.$id == \TerritoryNode.$id)
                .join(Planner.self, on: \PlannerAppointmentRow.$planner.$id == \Planner.$id)
            if !appoint.contains(where: { $0 == nil }) { q.joinedNodeInAnySubtree(appoint.compactMap { $0 }) }
            for a in try await q.sort(\.$endsOn).limit(5).all() {
                let p = try a.joined(Planner.self)
                out.append(
                    .init(
                        text: PlannerPageText.todoTermEnding.text(lang, [p.name, a.endsOn]), href: Site.planner(p.id!),
                        tone: .warning))
            }
        }
        let manage = Policy.scopes(actor, for: .plannerManage)
        if !manage.isEmpty {
            let q = PlannerApplication.query(on: db).filter(\.$status == .pending)
                .join(TerritoryNode.self, on: \PlannerApplication.$scope.$id == \TerritoryNode.$id)
            if !manage.contains(where: { $0 == nil }) { q.joinedNodeInAnySubtree(manage.compactMap { $0 }) }
            let waiting = try await q.count()
            if waiting > 0 {
                out.append(
                    .init(
                        text: PlannerPageText.todoApplications.text(lang, [String(waiting)]),
                        href: Site.Pattern.plannerQueue))
            }
        }
        return out
    }
}
