import Fluent
import Vapor
import YishiCore

/// The questionnaires' pages: a place's list, building one (staff), answering (a resident, or
/// staff entering a paper form), closing, the results with charts and their CSV.
struct QuestionnaireRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(Site.questionnaires.pathComponents, use: mine)
        routes.get(Site.Pattern.nodeQuestionnaires.pathComponents, use: list)
        routes.get(Site.newQuestionnaire.pathComponents, use: newForm)
        routes.post(Site.questionnaires.pathComponents, use: create)
        routes.get(Site.Pattern.questionnaire.pathComponents, use: show)
        routes.post(Site.Pattern.questionnaireQuestions.pathComponents, use: addQuestion)
        routes.post(Site.Pattern.questionnairePublish.pathComponents, use: publish)
        routes.post(Site.Pattern.questionnaireClose.pathComponents, use: close)
        routes.post(Site.Pattern.questionnaireResponses.pathComponents, use: answer)
        routes.get(Site.Pattern.questionnaireResults.pathComponents, use: results)
        routes.get(Site.Pattern.questionnaireCSV.pathComponents, use: csv)
    }

    func mine(req: Request) async throws -> Response {
        if let place = await req.ownPlace() { return req.redirect(to: Site.nodeQuestionnaires(place)) }
        // Signed out, or without a place yet: what questionnaires are, and how to take part.
        _ = try req.caller.requireActor()
        return req.render(
            PageView(title: req.pageContext.t(SurveyText.title)) {
                C.empty(req.pageContext.t(SurveyText.signInToAnswer))
            })
    }

    func list(req: Request) async throws -> Response {
        let node = try await TerritoryQueries.node(req.parameters.get("nodeID", as: UUID.self), on: req.db)
        let manage = req.caller.allows(.surveyManage, at: node.territoryPath)
        if !manage { try req.caller.authorize(.needRead, at: node.territoryPath) }
        let all = try await QuestionnairesService.concerning(node, drafts: manage, on: req.db)
        return req.render(
            QuestionnairePages.list(req.pageContext, node: node, items: all, now: req.caller.now, manage: manage))
    }

    struct DraftForm: Content {
        var node: String?
        var title: String?
        var intro: String?
        var days: String?
    }

    func newForm(req: Request) async throws -> Response {
        let node = try await req.caller.node(try? req.query.get(UUID.self, at: "node"), for: .surveyManage)
        return req.render(QuestionnairePages.draft(req.pageContext, node: node, form: DraftForm()))
    }

    func create(req: Request) async throws -> Response {
        let f = try req.content.decode(DraftForm.self)
        let node = try await req.caller.node(f.node.flatMap(UUID.init(uuidString:)), for: .surveyManage)
        do {
            let q = try await QuestionnairesService.create(
                node: node.id, title: f.title ?? "", intro: f.intro ?? "", days: f.days, by: req.caller)
            return req.redirect(to: Site.questionnaire(q.id!, notice: SurveyText.created.key))
        } catch YishiError.invalid(let fields) {
            return req.render(
                QuestionnairePages.draft(
                    req.pageContext, node: node, form: f, errors: FormErrors(fields), status: .unprocessableEntity))
        }
    }

    func model(_ req: Request, errors: FormErrors = FormErrors(), raw: [Int: [String]] = [:]) async throws
        -> QuestionnairePages.Model
    {
        let caller = req.caller
        let q = try await QuestionnairesService.readable(
            req.parameters.get("questionnaireID", as: UUID.self), by: caller)
        let manage = caller.allows(.surveyManage, at: q.node.territoryPath)
        var mayAnswer = false
        var answered = false
        if req.actor?.kind == .resident,
            let (home, _) = try? await ResidentHome.whose(nil, by: caller, managing: .surveyManage),
            q.node.territoryPath.contains(home.path), caller.allows(.surveyAnswer, at: home.path)
        {
            answered =
                try await QuestionnaireResponse.query(on: req.db).filter(\.$questionnaire.$id == q.requireID())
                .filter(\.$resident.$id == home.resident.requireID()).first() != nil
            mayAnswer = !answered && q.isOpen(at: caller.now)
        }
        return .init(
            questionnaire: q, now: caller.now, manage: manage, mayAnswer: mayAnswer, answered: answered,
            signedIn: req.actor != nil, errors: errors, raw: raw,
            categories: try await NeedSettingsStore.of(district: q.node.territoryPath.ids.first, on: req.db).categories)
    }

    func show(req: Request) async throws -> Response {
        req.render(QuestionnairePages.page(req.pageContext, try await model(req)))
    }

    struct QuestionForm: Content {
        var kind: String?
        var prompt: String?
        var options: String?
        var required: String?
        var needCategory: String?
    }

    func addQuestion(req: Request) async throws -> Response {
        let f = try req.content.decode(QuestionForm.self)
        let id = req.parameters.get("questionnaireID", as: UUID.self)
        do {
            _ = try await QuestionnairesService.addQuestion(
                id, kind: f.kind.flatMap(QuestionKind.init), prompt: f.prompt ?? "", options: f.options ?? "",
                required: f.required == "on", needCategory: f.needCategory, by: req.caller)
        } catch YishiError.invalid(let fields) {
            var m = try await model(req, errors: FormErrors(fields))
            m.questionForm = f
            return req.render(QuestionnairePages.page(req.pageContext, m, status: .unprocessableEntity))
        }
        return req.redirect(to: Site.questionnaire(id!, notice: SurveyText.questionAdded.key))
    }

    func publish(req: Request) async throws -> Response {
        let id = req.parameters.get("questionnaireID", as: UUID.self)
        do {
            _ = try await QuestionnairesService.publish(id, by: req.caller)
        } catch YishiError.invalid(let fields) {
            return req.render(
                QuestionnairePages.page(
                    req.pageContext, try await model(req, errors: FormErrors(fields)), status: .unprocessableEntity))
        }
        return req.redirect(to: Site.questionnaire(id!, notice: SurveyText.published.key))
    }

    func close(req: Request) async throws -> Response {
        let id = req.parameters.get("questionnaireID", as: UUID.self)
        _ = try await QuestionnairesService.close(id, by: req.caller)
        return req.redirect(to: Site.questionnaire(id!, notice: SurveyText.closed.key))
    }

    /// The posted form's values by question (`q3` once, or `q3[]` for several), and its other fields.
    static func parse(_ req: Request) -> (raw: [Int: [String]], fields: [String: String]) {
        let items = req.formItems
        var raw: [Int: [String]] = [:]
        var fields: [String: String] = [:]
        for item in items {
            let name = item.name.hasSuffix("[]") ? String(item.name.dropLast(2)) : item.name
            if name.hasPrefix("q"), let i = Int(name.dropFirst()) {
                raw[i, default: []].append(item.value ?? "")
            } else {
                fields[name] = item.value ?? ""
            }
        }
        return (raw, fields)
    }

    func answer(req: Request) async throws -> Response {
        let id = req.parameters.get("questionnaireID", as: UUID.self)
        let (raw, fields) = Self.parse(req)
        let staff = req.actor?.kind == .staff
        do {
            _ = try await QuestionnairesService.answer(
                id, raw: raw, forResident: fields["resident"],
                channel: fields["channel"].flatMap(YishiCore.Channel.init),
                by: req.caller)
        } catch YishiError.invalid(let problems) {
            return req.render(
                QuestionnairePages.page(
                    req.pageContext, try await model(req, errors: FormErrors(problems), raw: raw),
                    status: .unprocessableEntity))
        }
        return req.redirect(
            to: Site.questionnaire(id!, notice: (staff ? SurveyText.paperEntered : SurveyText.answered).key))
    }

    func results(req: Request) async throws -> Response {
        let q = try await QuestionnairesService.readable(
            req.parameters.get("questionnaireID", as: UUID.self), by: req.caller)
        let responses = try await QuestionnairesService.responses(of: q, on: req.db)
        return req.render(
            QuestionnairePages.results(
                req.pageContext, q, responses: responses,
                texts: req.caller.allows(.surveyManage, at: q.node.territoryPath)))
    }

    /// Every response as a line: how it came in and each answer in words (no names).
    func csv(req: Request) async throws -> Response {
        let q = try await QuestionnairesService.readable(
            req.parameters.get("questionnaireID", as: UUID.self), by: req.caller)
        try req.caller.authorize(.surveyManage, at: q.node.territoryPath)
        let responses = try await QuestionnairesService.responses(of: q, on: req.db)
        let ctx = req.pageContext
        let questions = q.questions
        let header = [ctx.t(SurveyText.answeredAt), ctx.t(PeopleText.channel)] + questions.map(\.prompt)
        return CSVExport.response(name: "questionnaire-\(q.id!.uuidString.prefix(8))", header: header) { emit in
            for r in responses {
                let a = r.answers
                try await emit(
                    [Show.dateTime(r.createdAt), ctx.name(YishiCore.Channel(rawValue: r.channel) ?? .online)]
                        + questions.enumerated().map { i, question in QuestionnairePages.words(a[i], question) })
            }
        }
    }
}
