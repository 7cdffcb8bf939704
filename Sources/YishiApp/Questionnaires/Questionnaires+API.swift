import Fluent
import Vapor
import YishiCore

/// Questionnaires under /api/v1, described in `Questionnaires+OpenAPI.swift`: the same service as
/// the pages — build a draft, add questions, publish, answer (a resident once; staff a paper form),
/// close, and read the results (written answers for staff only).
struct QuestionnairesAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.get("questionnaires", use: list)
        api.post("questionnaires", use: create)
        api.get("questionnaires", ":questionnaireID", use: read)
        api.post("questionnaires", ":questionnaireID", "questions", use: addQuestion)
        api.post("questionnaires", ":questionnaireID", "publish", use: publish)
        api.post("questionnaires", ":questionnaireID", "close", use: close)
        api.post("questionnaires", ":questionnaireID", "responses", use: answer)
        api.get("questionnaires", ":questionnaireID", "results", use: results)
    }

    private func id(_ req: Request) -> UUID? { req.parameters.get("questionnaireID", as: UUID.self) }

    func out(_ q: Questionnaire, _ req: Request) async throws -> DTO.Questionnaire {
        let node = q.$node.value == nil ? try await q.$node.get(on: req.db) : q.node
        let count = try await QuestionnaireResponse.query(on: req.db).filter(\.$questionnaire.$id == q.requireID())
            .count()
        return DTO.Questionnaire(q, node: node, responses: count, now: req.caller.now)
    }

    /// The questionnaires concerning a node (`?node=CODE`): published ones for whoever may read its
    /// needs, drafts too for its staff.
    func list(req: Request) async throws -> [DTO.Questionnaire] {
        let node = try await Self.node(try? req.query.get(String.self, at: "node"), on: req.db)
        let manage = req.caller.allows(.surveyManage, at: node.territoryPath)
        if !manage { try req.caller.authorize(.needRead, at: node.territoryPath) }
        var out: [DTO.Questionnaire] = []
        for q in try await QuestionnairesService.concerning(node, drafts: manage, on: req.db) {
            out.append(try await self.out(q, req))
        }
        return out
    }

    static func node(_ code: String?, on db: any Database) async throws -> TerritoryNode {
        guard let code = code?.trimmed, !code.isEmpty,
            let node = try await TerritoryNode.query(on: db).filter(\.$code == code).first()
        else { throw YishiError.invalid(["node": FieldText.unknownNode.key]) }
        return node
    }

    func create(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.QuestionnaireIn.self)
        let node = try await Self.node(input.node, on: req.db)
        let q = try await QuestionnairesService.create(
            node: node.id, title: input.title, intro: input.intro ?? "", days: input.days.map(String.init),
            by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await out(q, req))
        return res
    }

    func read(req: Request) async throws -> DTO.Questionnaire {
        try await out(try await QuestionnairesService.readable(id(req), by: req.caller), req)
    }

    func addQuestion(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.QuestionIn.self)
        guard let kind = QuestionKind(rawValue: input.kind) else {
            throw YishiError.invalid(["kind": FieldText.invalid.key])
        }
        // Choices come as a list; one holding a line break would become two.
        let options = input.options ?? []
        guard !options.contains(where: { $0.contains(where: \.isNewline) }) else {
            throw YishiError.invalid(["options": SurveyText.badOptions.key])
        }
        let q = try await QuestionnairesService.addQuestion(
            id(req), kind: kind, prompt: input.prompt, options: options.joined(separator: "\n"),
            required: input.required ?? false, needCategory: input.needCategory, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(try await out(q, req))
        return res
    }

    func publish(req: Request) async throws -> DTO.Questionnaire {
        try await out(try await QuestionnairesService.publish(id(req), by: req.caller), req)
    }

    func close(req: Request) async throws -> DTO.Questionnaire {
        try await out(try await QuestionnairesService.close(id(req), by: req.caller), req)
    }

    func answer(req: Request) async throws -> Response {
        let input = try req.content.decode(DTO.ResponseIn.self)
        let channel = try input.channel.map { c -> YishiCore.Channel in
            guard let parsed = YishiCore.Channel(rawValue: c) else {
                throw YishiError.invalid(["channel": FieldText.invalid.key])
            }
            return parsed
        }
        let (r, needs) = try await QuestionnairesService.answer(
            id(req), raw: try input.raw(), forResident: input.onBehalfOf?.resident, channel: channel, by: req.caller)
        let res = Response(status: .created)
        try res.content.encode(DTO.QuestionnaireAnswered(id: r.requireID(), channel: r.channel, needsRaised: needs))
        return res
    }

    func results(req: Request) async throws -> DTO.QuestionnaireResults {
        let q = try await QuestionnairesService.readable(id(req), by: req.caller)
        let responses = try await QuestionnairesService.responses(of: q, on: req.db)
        let texts = req.caller.allows(.surveyManage, at: q.node.territoryPath)
        return DTO.QuestionnaireResults(q, responses: responses, texts: texts)
    }
}

extension DTO {
    struct QuestionnaireQuestion: Content {
        /// single, multiple, scale (1–5) or text.
        var kind: String
        var prompt: String
        var options: [String]
        var required: Bool
        /// A text question whose answers become needs of this category.
        var needCategory: String?
    }

    struct Questionnaire: Content {
        var id: UUID
        var node: String
        var title: String
        var intro: String
        /// draft, open or closed (an open one whose period has ended is closed).
        var status: String
        var days: Int
        var opensAt: Date?
        var closesAt: Date?
        var questions: [QuestionnaireQuestion]
        var responses: Int

        init(_ q: YishiApp.Questionnaire, node: TerritoryNode, responses: Int, now: Date) {
            id = q.id!
            self.node = node.code
            title = q.title
            intro = q.intro
            status = q.state(at: now).rawValue
            days = q.days
            opensAt = q.opensAt
            closesAt = q.closesAt
            questions = q.questions.map {
                QuestionnaireQuestion(
                    kind: $0.kind.rawValue, prompt: $0.prompt, options: $0.options, required: $0.required,
                    needCategory: $0.needCategory)
            }
            self.responses = responses
        }
    }

    struct QuestionnaireIn: Content {
        var node: String
        var title: String
        var intro: String?
        /// How many days it stays open once published (1–90; 14 when left out).
        var days: Int?
    }

    struct QuestionIn: Content {
        var kind: String
        var prompt: String
        /// 2–10 choices for single and multiple choice.
        var options: [String]?
        var required: Bool?
        var needCategory: String?
    }

    /// One answer: `choice` (single, the choice's index from 0), `choices` (multiple), `scale`
    /// (1–5) or `text`, for the question at `question` (from 0).
    struct QuestionAnswerIn: Content {
        var question: Int
        var choice: Int?
        var choices: [Int]?
        var scale: Int?
        var text: String?
    }

    struct ResponseIn: Content {
        var answers: [QuestionAnswerIn]
        /// Staff entering a paper form for a named resident (leave out for an unsigned form).
        var onBehalfOf: OnBehalfOf?
        /// How staff received it (not `online`); residents leave it out.
        var channel: String?

        /// The answers as the form's raw values by question, which the rules check; a question
        /// answered twice, or an answer with none or several of its parts, is refused.
        func raw() throws -> [Int: [String]] {
            var raw: [Int: [String]] = [:]
            for a in answers {
                let parts: [[String]?] = [
                    a.choice.map { [String($0)] }, a.choices.map { $0.map(String.init) }, a.scale.map { [String($0)] },
                    a.text.map { [$0] },
                ]
                let given = parts.compactMap { $0 }
                guard given.count == 1, raw[a.question] == nil else {
                    throw YishiError.invalid(["q\(a.question)": SurveyText.invalid.key])
                }
                raw[a.question] = given[0]
            }
            return raw
        }
    }

    struct QuestionnaireAnswered: Content {
        var id: UUID
        var channel: String
        /// Written answers that became the writer's needs.
        var needsRaised: Int
    }

    /// What the answers add up to, question by question; written answers only for its staff.
    struct QuestionnaireResults: Content {
        struct Item: Content {
            var prompt: String
            var kind: String
            var options: [String]
            var answered: Int
            /// Per choice, or per point 1–5 of a scale.
            var counts: [Int]
            var mean: Double?
            var texts: [String]?
        }
        var id: UUID
        var title: String
        var responses: Int
        /// Responses by channel (online, paper, visit, …): offline answers count like online ones.
        var byChannel: [String: Int]
        var questions: [Item]

        init(_ q: YishiApp.Questionnaire, responses: [QuestionnaireResponse], texts: Bool) {
            id = q.id!
            title = q.title
            self.responses = responses.count
            byChannel = Dictionary(responses.map { ($0.channel, 1) }, uniquingKeysWith: +)
            let questions = q.questions
            let tallies = Questionnaires.results(questions, responses: responses.map(\.answers))
            self.questions = zip(questions, tallies).map { question, t in
                Item(
                    prompt: question.prompt, kind: question.kind.rawValue, options: question.options,
                    answered: t.answered, counts: t.counts, mean: t.mean,
                    texts: question.kind == .text && texts ? t.texts : nil)
            }
        }
    }
}
