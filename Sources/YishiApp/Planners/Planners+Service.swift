import Fluent
import SQLKit
import Vapor
import YishiCore

/// The service log (a planner logs their own; staff confirm), residents' ratings (once per
/// resident, planner and project), and the annual review with its facts from the platform.
extension Planners {
    struct NewEntry: Sendable {
        var kind: String?
        var day: String?
        var hours: Double?
        var node: UUID?
        var project: UUID?
        var meeting: UUID?
        var note: String?
    }

    /// The planner profile of the signed-in account.
    static func mine(_ caller: Caller) async throws -> Planner {
        guard let user = caller.actor?.userId else { throw YishiError.denied(.notSignedIn) }
        guard let p = try await Planner.query(on: caller.db).filter(\.$user.$id == user).first() else {
            throw YishiError.denied(.roleLacksAction)
        }
        return p
    }

    /// Logs a planner's own service (from their phone): the kind, the day, the hours, where and for
    /// which project or meeting.
    static func log(_ plannerID: UUID?, _ n: NewEntry, by caller: Caller) async throws -> PlannerServiceEntry {
        let me = try await mine(caller)
        guard plannerID == nil || plannerID == me.id else { throw YishiError.denied(.outsideScope) }
        guard me.status == .appointed else { throw YishiError.conflict(key: PlannerText.notAppointed.key) }
        var fields: [String: String] = [:]
        let kind = n.kind.flatMap { ServiceKind(rawValue: $0.trimmed) }
        if kind == nil { fields["kind"] = PlannerText.kindInvalid.key }
        let day = n.day.flatMap { CalendarDay($0) }
        if day == nil { fields["day"] = PlannerText.startInvalid.key }
        if let day {
            switch PlannerService.check(hours: n.hours ?? 0, on: day, today: CalendarDay(caller.now)) {
            case .hours?: fields["hours"] = PlannerText.hoursInvalid.key
            case .future?: fields["day"] = PlannerText.dayInFuture.key
            case .tooOld?: fields["day"] = PlannerText.dayTooOld.key
            default: break
            }
        }
        let note = (n.note ?? "").trimmed
        if FieldRules.hasControlCharacter(note) || note.count > 500 { fields["note"] = FieldText.tooLong.key }
        guard fields.isEmpty, let kind, let day else { throw YishiError.invalid(fields) }
        // Where it happened, if named, must be the planner's district.
        if let node = n.node {
            guard let place = try await TerritoryNode.find(node, on: caller.db),
                place.territoryPath.ids.first == me.$district.id
            else { throw invalid("node", PlannerText.scopeInvalid) }
        }
        // The place defaults to the project's or the meeting's (the statistics count it there).
        var node = n.node
        if let project = n.project {
            guard let pr = try await Project.query(on: caller.db).filter(\.$id == project).with(\.$node).first(),
                pr.node.territoryPath.ids.first == me.$district.id
            else { throw invalid("project", PlannerText.scopeInvalid) }
            node = node ?? pr.$node.id
        }
        if let meeting = n.meeting {
            guard let mt = try await Meeting.query(on: caller.db).filter(\.$id == meeting).with(\.$node).first(),
                mt.node.territoryPath.ids.first == me.$district.id
            else { throw invalid("meeting", PlannerText.scopeInvalid) }
            node = node ?? mt.$node.id
        }
        let place = node
        let plannerID = me.id!
        let user = caller.actor?.userId
        let quarters = Int(((n.hours ?? 0) * 4).rounded())
        return try await caller.audited(atomic: true) { tx in
            let e = PlannerServiceEntry()
            e.$planner.id = plannerID
            e.kind = kind
            e.day = day.description
            e.quarterHours = quarters
            e.nodeID = place
            e.projectID = n.project
            e.meetingID = n.meeting
            e.note = note
            e.createdByID = user
            try await e.create(on: tx)
            return (
                e,
                AuditEvent(
                    action: .plannerLog, targetType: "planner", targetID: plannerID.uuidString, nodeID: place,
                    details: ["kind": kind.rawValue, "day": day.description, "hours": String(Double(quarters) / 4)],
                    changesReads: true)
            )
        }
    }

    /// Staff confirm an entry within their scope (where it happened, or the planner's district).
    static func confirm(_ entryID: UUID?, by caller: Caller) async throws {
        guard let entryID,
            let e = try await PlannerServiceEntry.query(on: caller.db).filter(\.$id == entryID)
                .with(\.$planner).first()
        else { throw YishiError.notFound }
        var path: TerritoryPath? = nil
        if let node = e.nodeID { path = try await TerritoryNode.find(node, on: caller.db)?.territoryPath }
        if path == nil { path = try await TerritoryNode.find(e.planner.$district.id, on: caller.db)?.territoryPath }
        try caller.authorize(.plannerManage, at: path)
        let user = caller.actor?.userId
        let now = caller.now
        try await caller.audited(atomic: true) { tx in
            guard
                try await (tx as! any SQLDatabase).raw(
                    """
                    UPDATE planner_service SET confirmed_by_id = \(bind: user), confirmed_at = \(bind: now)
                    WHERE id = \(bind: entryID) AND confirmed_at IS NULL RETURNING id
                    """
                ).first() != nil
            else { throw YishiError.conflict(key: PlannerText.alreadyConfirmed.key) }
            return (
                (),
                AuditEvent(
                    action: .plannerConfirm, targetType: "planner", targetID: e.$planner.id.uuidString,
                    nodeID: e.nodeID, details: ["day": e.day, "hours": String(e.hours)])
            )
        }
    }

    // MARK: Ratings

    /// A verified resident of the project's place rates a planner who worked on the project
    /// (logged service on it): 1–5 stars and a comment, once per resident, planner and project.
    static func rate(
        _ plannerID: UUID?, project: UUID?, stars: Int?, comment: String?, by caller: Caller
    ) async throws -> PlannerRating {
        guard let project,
            let pr = try await Project.query(on: caller.db).filter(\.$id == project).with(\.$node).first()
        else { throw YishiError.notFound }
        try caller.authorize(.plannerRate, at: pr.node.territoryPath)
        guard let plannerID, try await Planner.find(plannerID, on: caller.db) != nil else { throw YishiError.notFound }
        guard let stars, PlannerService.checkRating(stars) == nil else {
            throw invalid("stars", PlannerText.ratingInvalid)
        }
        let text = (comment ?? "").trimmed
        if FieldRules.hasControlCharacter(text) || text.count > 500 {
            throw YishiError.invalid(["comment": FieldText.tooLong.key])
        }
        let worked = try await PlannerServiceEntry.query(on: caller.db).filter(\.$planner.$id == plannerID)
            .filter(\.$projectID == project).count()
        guard worked > 0 else { throw invalid("project", PlannerText.notOnProject) }
        let user = caller.actor!.userId
        do {
            return try await caller.audited(atomic: true) { tx in
                let r = PlannerRating()
                r.$planner.id = plannerID
                r.$project.id = project
                r.$user.id = user
                r.stars = stars
                r.comment = text
                try await r.create(on: tx)
                return (
                    r,
                    AuditEvent(
                        action: .plannerRate, targetType: "planner", targetID: plannerID.uuidString,
                        nodeID: pr.$node.id,
                        details: ["project": pr.title, "stars": String(stars)])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: PlannerText.alreadyRated.key)
        }
    }

    // MARK: The annual review

    /// What the platform knows of a planner's year: hours (all and confirmed), entries, projects
    /// worked on, residents' ratings.
    static func facts(_ plannerID: UUID, year: Int, on db: any Database) async throws -> PlannerReview.Facts {
        let sql = db as! any SQLDatabase
        let (from, to) = ("\(year)-01-01", "\(year)-12-31")
        let s = try await sql.raw(
            """
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(quarter_hours), 0) AS BIGINT) AS q,
              CAST(COALESCE(SUM(CASE WHEN confirmed_at IS NULL THEN 0 ELSE quarter_hours END), 0) AS BIGINT) AS cq,
              COUNT(DISTINCT project_id) AS projects
            FROM planner_service WHERE planner_id = \(bind: plannerID) AND day >= \(bind: from) AND day <= \(bind: to)
            """
        ).first()
        let r = try await sql.raw(
            """
            SELECT COUNT(*) AS n, AVG(CAST(stars AS DOUBLE PRECISION)) AS mean FROM planner_ratings
            WHERE planner_id = \(bind: plannerID) AND created_at >= \(bind: Self.start(of: year))
              AND created_at < \(bind: Self.start(of: year + 1))
            """
        ).first()
        let ratings = try r?.decode(column: "n", as: Int.self) ?? 0
        return PlannerReview.Facts(
            hours: Double(try s?.decode(column: "q", as: Int.self) ?? 0) / 4,
            confirmedHours: Double(try s?.decode(column: "cq", as: Int.self) ?? 0) / 4,
            entries: try s?.decode(column: "n", as: Int.self) ?? 0,
            projects: try s?.decode(column: "projects", as: Int.self) ?? 0, ratings: ratings,
            ratingMean: ratings == 0 ? nil : try r?.decode(column: "mean", as: Double?.self))
    }

    /// 1 January of `year`, 00:00 in Shanghai.
    static func start(of year: Int) -> Date {
        Date(
            timeIntervalSince1970: Double(CalendarDay(year: year, month: 1, day: 1)!.daysSinceEpoch) * 86_400 - 8
                * 3_600)
    }

    struct NewReview: Sendable {
        var year: Int?
        var scores: [String: Int]?
        var reasons: String?
        var reviewers: [String]?
    }

    /// Scores a planner's year on the four grounds, with the facts as they stand kept beside the
    /// scores; one review per planner and year.
    static func review(_ plannerID: UUID?, _ n: NewReview, by caller: Caller) async throws -> PlannerReviewRow {
        let (p, places) = try await plannerAndPlaces(plannerID, by: caller, for: .plannerReview)
        if let me = caller.actor?.userId, p.$user.id == me { throw YishiError.denied(.outsideScope) }
        // A planner reads their own record, but a reviewer must hold the right where the planner is.
        guard places.contains(where: { caller.allows(.plannerReview, at: $0) }) else {
            throw YishiError.denied(.outsideScope)
        }
        let thisYear = CalendarDay(caller.now).year
        guard let year = n.year, (2000...thisYear).contains(year) else {
            throw invalid("year", PlannerText.yearInvalid)
        }
        let rulesList = try await rules(of: p.$district.id, on: caller.db)
        guard
            let rules = PlannerRules.inForce(on: CalendarDay(year: year, month: 12, day: 31)!, among: rulesList)
                ?? rulesList.last
        else { throw YishiError.conflict(key: PlannerText.noRulesInForce.key) }
        let scores = Dictionary(
            (n.scores ?? [:]).compactMap { k, v in ReviewGround(rawValue: k).map { ($0, v) } },
            uniquingKeysWith: { a, _ in a })
        let reasons = (n.reasons ?? "").trimmed
        let outcome: PlannerReview.Outcome
        switch PlannerReview.check(scores, reasons: reasons, rules: rules) {
        case .success(let o): outcome = o
        case .failure(.scoreMissing): throw invalid("scores", PlannerText.scoreMissing)
        case .failure(.reasonMissing): throw invalid("reasons", PlannerText.reasonMissing)
        }
        let facts = try await facts(p.id!, year: year, on: caller.db)
        let reviewers = (n.reviewers ?? []).map(\.trimmed).filter { !$0.isEmpty }.prefix(10).map {
            String($0.prefix(50))
        }
        let user = caller.actor?.userId
        let plannerID = p.id!
        do {
            return try await caller.audited(atomic: true) { tx in
                let row = PlannerReviewRow()
                row.$planner.id = plannerID
                row.year = year
                row.facts = String(decoding: try JSONEncoder().encode(facts), as: UTF8.self)
                row.scores = String(
                    decoding: try JSONEncoder().encode(
                        Dictionary(uniqueKeysWithValues: outcome.perGround.map { ($0.rawValue, $1) })), as: UTF8.self)
                row.total = outcome.total
                row.passed = outcome.passed
                row.reasons = String(reasons.prefix(1_000))
                row.reviewers = String(decoding: try JSONEncoder().encode(Array(reviewers)), as: UTF8.self)
                row.rulesVersion = rules.version
                row.createdByID = user
                try await row.create(on: tx)
                return (
                    row,
                    AuditEvent(
                        action: .plannerReview, targetType: "planner", targetID: plannerID.uuidString, nodeID: nil,
                        details: [
                            "year": String(year), "total": String(outcome.total), "passed": String(outcome.passed),
                        ])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: PlannerText.reviewExists.key)
        }
    }

    /// Whether a planner may be renewed at the end of an appointment's term, and why not.
    static func renewal(of a: PlannerAppointmentRow, on db: any Database) async throws -> PlannerReview.NotRenewable? {
        let p = try await Planner.find(a.$planner.id, on: db)
        let last = try await PlannerReviewRow.query(on: db).filter(\.$planner.$id == a.$planner.id)
            .sort(\.$year, .descending).first()
        let projects =
            try await (db as! any SQLDatabase).raw(
                """
                SELECT COUNT(DISTINCT project_id) AS n FROM planner_service WHERE planner_id = \(bind: a.$planner.id)
                  AND project_id IS NOT NULL AND day >= \(bind: a.startsOn) AND day <= \(bind: a.endedOn ?? a.endsOn)
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        return PlannerReview.renewal(
            lastReviewPassed: last?.passed, projectsInTerm: projects, exited: p?.status == .exited)
    }
}
