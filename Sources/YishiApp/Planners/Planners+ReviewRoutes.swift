import Fluent
import Vapor
import YishiCore

/// The annual review's form and residents' ratings of a project's planners, as pages.
extension PlannerFormRoutes {
    // MARK: The annual review

    static func reviewModel(_ id: UUID?, year asked: Int?, by caller: Caller) async throws -> PlannerPages.ReviewModel {
        let (p, places) = try await Planners.plannerAndPlaces(id, by: caller, for: .plannerReview)
        let mine = caller.actor.map { p.$user.id == $0.userId } ?? false
        guard !mine, places.contains(where: { caller.allows(.plannerReview, at: $0) }) else {
            throw YishiError.denied(.outsideScope)
        }
        let thisYear = CalendarDay(caller.now).year
        let year = asked.map { min(max($0, 2000), thisYear) } ?? thisYear
        let list = try await Planners.rules(of: p.$district.id, on: caller.db)
        guard
            let rules = PlannerRules.inForce(on: CalendarDay(year: year, month: 12, day: 31)!, among: list) ?? list.last
        else { throw YishiError.conflict(key: PlannerText.noRulesInForce.key) }
        let done = try await PlannerReviewRow.query(on: caller.db).filter(\.$planner.$id == p.id!)
            .filter(\.$year == year).first()
        return .init(
            planner: p, year: year, facts: try await Planners.facts(p.id!, year: year, on: caller.db), rules: rules,
            done: done)
    }

    func reviewForm(req: Request) async throws -> Response {
        let m = try await Self.reviewModel(
            req.parameters.get("plannerID", as: UUID.self), year: try? req.query.get(Int.self, at: "year"),
            by: req.caller)
        return req.render(PlannerPages.review(req.pageContext, m, form: .init(), errors: FormErrors()))
    }

    struct ReviewIn: Content {
        var year: String?
        var score_effectiveness: String?
        var score_hours: String?
        var score_attitude: String?
        var score_feedback: String?
        var reasons: String?
        var reviewers: String?

        var scores: [String: String] {
            var out: [String: String] = [:]
            for (g, v) in [
                (ReviewGround.effectiveness, score_effectiveness), (.hours, score_hours), (.attitude, score_attitude),
                (.feedback, score_feedback),
            ] {
                if let v { out[g.rawValue] = v.trimmed }
            }
            return out
        }
    }

    func review(req: Request) async throws -> Response {
        let i = try req.content.decode(ReviewIn.self)
        let id = req.parameters.get("plannerID", as: UUID.self)
        let year = (i.year?.trimmed).flatMap { Int($0) }
        do {
            _ = try await Planners.review(
                id,
                .init(
                    year: year, scores: i.scores.compactMapValues { Int($0) }, reasons: i.reasons,
                    reviewers: (i.reviewers ?? "").split(whereSeparator: \.isNewline).map(String.init)),
                by: req.caller)
            return req.redirect(to: Site.planner(id!, notice: PlannerFormText.reviewedNotice.key))
        } catch YishiError.invalid(let fields) {
            let m = try await Self.reviewModel(id, year: year, by: req.caller)
            return req.render(
                PlannerPages.review(
                    req.pageContext, m,
                    form: .init(scores: i.scores, reasons: i.reasons ?? "", reviewers: i.reviewers ?? ""),
                    errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    // MARK: Residents' ratings

    static func rateModel(_ projectID: UUID?, by caller: Caller) async throws -> PlannerPages.RateModel {
        let project = try await ProjectsService.readable(projectID, by: caller)
        let ids = Array(
            Set(
                try await PlannerServiceEntry.query(on: caller.db).filter(\.$projectID == project.id!).unique()
                    .all(\.$planner.$id)))
        let planners =
            ids.isEmpty ? [] : try await Planner.query(on: caller.db).filter(\.$id ~~ ids).sort(\.$name).all()
        var mine: [UUID: Int] = [:]
        if let user = caller.actor?.userId, !ids.isEmpty {
            for r in try await PlannerRating.query(on: caller.db).filter(\.$project.$id == project.id!)
                .filter(\.$user.$id == user).all()
            {
                mine[r.$planner.id] = r.stars
            }
        }
        return .init(
            project: project, planners: planners.map { ($0, mine[$0.id!]) },
            mayRate: caller.allows(.plannerRate, at: project.node.territoryPath))
    }

    func rateForm(req: Request) async throws -> Response {
        let m = try await Self.rateModel(req.parameters.get("projectID", as: UUID.self), by: req.caller)
        return req.render(PlannerPages.rate(req.pageContext, m, errors: FormErrors()))
    }

    struct RateIn: Content {
        var planner: String?
        var stars: String?
        var comment: String?
    }

    func rate(req: Request) async throws -> Response {
        let i = try req.content.decode(RateIn.self)
        let project = req.parameters.get("projectID", as: UUID.self)
        do {
            _ = try await Planners.rate(
                (i.planner?.trimmed).flatMap(UUID.init(uuidString:)), project: project,
                stars: (i.stars?.trimmed).flatMap { Int($0) }, comment: i.comment, by: req.caller)
            return req.redirect(to: Site.plannerRate(project!, notice: PlannerFormText.ratedNotice.key))
        } catch YishiError.invalid(let fields) {
            let m = try await Self.rateModel(project, by: req.caller)
            return req.render(
                PlannerPages.rate(req.pageContext, m, errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }
}
