import Fluent
import SQLKit
import Vapor
import YishiCore

/// What money in the open asks of a keeper's home page: each pot whose statement is due on its
/// schedule (`FundStatement.due`), in one statement however many pots.
enum FundReminders {
    static func todo(_ actor: Actor, caller: Caller, lang: Lang) async throws -> [HomePage.ToDo] {
        let scopes = Policy.scopes(actor, for: .fundManage)
        guard !scopes.isEmpty else { return [] }
        let whole = scopes.contains { $0 == nil }
        let places: [SQLQueryString] = scopes.compactMap { $0 }.map {
            "(n.path >= \(bind: $0.encoded) AND n.path < \(bind: $0.subtreeUpperBound))"
        }
        let within: SQLQueryString = whole || places.isEmpty ? "1 = 1" : "(\(places.joined(separator: " OR ")))"
        let rows = try await (caller.db as! any SQLDatabase).raw(
            """
            SELECT p.id, p.name, p.schedule, p.created_at, MAX(s.period_to) AS until
            FROM fund_pots p JOIN territory_nodes n ON n.id = p.node_id
            LEFT JOIN fund_statements s ON s.pot_id = p.id
            WHERE p.status = 'open' AND \(within)
            GROUP BY p.id, p.name, p.schedule, p.created_at ORDER BY p.name LIMIT 200
            """
        ).all()
        let today = CalendarDay(caller.now)
        var out: [HomePage.ToDo] = []
        for r in rows {
            guard let schedule = FundStatement.Schedule(rawValue: try r.decode(column: "schedule", as: String.self))
            else { continue }
            let opened = (try r.decode(column: "created_at", as: Date?.self)).map { CalendarDay($0).description } ?? ""
            if let due = FundStatement.due(
                schedule, publishedUntil: try r.decode(column: "until", as: String?.self), openedOn: opened,
                today: today)
            {
                out.append(
                    .init(
                        text: FundPageText.todoStatement.text(
                            lang, [try r.decode(column: "name", as: String.self), due.from, due.to]),
                        href: Site.fundPot(try r.decode(column: "id", as: UUID.self)), tone: .warning))
            }
            if out.count >= 5 { break }
        }
        return out
    }
}
