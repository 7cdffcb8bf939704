import Foundation

/// 问卷: the rules of a questionnaire's questions, answers and results, pure so that pages, paper
/// entry and (later) satisfaction surveys and the demonstration index share them.
public enum QuestionKind: String, Codable, CaseIterable, Sendable {
    case single, multiple, scale, text
}

/// One question: its kind, words, choices (single and multiple), whether it must be answered, and
/// for a text question the need category its answers become (nil: they stay answers).
public struct Question: Codable, Sendable, Equatable {
    public var kind: QuestionKind
    public var prompt: String
    public var options: [String]
    public var required: Bool
    public var needCategory: String?

    public init(kind: QuestionKind, prompt: String, options: [String] = [], required: Bool, needCategory: String? = nil)
    {
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.required = required
        self.needCategory = needCategory
    }

    /// A question as staff typed it: the prompt (≤ 200), choices one per line (2–10 of ≤ 50 each,
    /// for single and multiple choice only), a category only for text.
    public static func make(
        kind: QuestionKind, prompt: String, optionLines: String, required: Bool, needCategory: String?
    ) -> Result<Question, QuestionProblem> {
        let p = prompt.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !p.isEmpty, p.count <= 200, !FieldRules.hasControlCharacter(p) else { return .failure(.prompt) }
        var options: [String] = []
        if kind == .single || kind == .multiple {
            options = optionLines.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard (2...10).contains(options.count), options.allSatisfy({ $0.count <= 50 }),
                Set(options).count == options.count
            else { return .failure(.options) }
        }
        let category = kind == .text ? needCategory.flatMap { $0.isEmpty ? nil : $0 } : nil
        return .success(Question(kind: kind, prompt: p, options: options, required: required, needCategory: category))
    }
}

public enum QuestionProblem: String, Error, Sendable {
    case prompt, options
}

/// One answer to one question.
public enum Answer: Codable, Sendable, Equatable {
    case choice(Int)
    case choices([Int])
    case scale(Int)
    case text(String)
}

public enum Questionnaires {
    /// At most 30 questions; a text answer at most 500 characters.
    public static let maxQuestions = 30
    public static let maxText = 500

    /// Checks a response given as the raw values of each question's field (`q3` → ["1"], several
    /// for multiple choice): the answers by question index, or each refused question with why.
    public static func check(_ questions: [Question], raw: [Int: [String]])
        -> Swift.Result<
            [Int: Answer], AnswerProblems
        >
    {
        var answers: [Int: Answer] = [:]
        var problems: [Int: AnswerProblem] = [:]
        // An answer to a question there is not.
        for key in raw.keys where !questions.indices.contains(key) { problems[key] = .invalid }
        for (i, q) in questions.enumerated() {
            let values = (raw[i] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty
            }
            if values.isEmpty {
                if q.required { problems[i] = .required }
                continue
            }
            switch q.kind {
            case .single:
                guard values.count == 1, let n = Int(values[0]), q.options.indices.contains(n) else {
                    problems[i] = .invalid
                    continue
                }
                answers[i] = .choice(n)
            case .multiple:
                let ns = values.compactMap(Int.init)
                guard ns.count == values.count, ns.allSatisfy(q.options.indices.contains), Set(ns).count == ns.count
                else {
                    problems[i] = .invalid
                    continue
                }
                answers[i] = .choices(ns.sorted())
            case .scale:
                guard values.count == 1, let n = Int(values[0]), (1...5).contains(n) else {
                    problems[i] = .invalid
                    continue
                }
                answers[i] = .scale(n)
            case .text:
                let t = values.joined(separator: "\n")
                guard t.count <= maxText, !t.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
                    problems[i] = .tooLong
                    continue
                }
                answers[i] = .text(t)
            }
        }
        return problems.isEmpty ? .success(answers) : .failure(AnswerProblems(problems))
    }

    /// What one question's answers add up to.
    public struct Tally: Sendable, Equatable {
        /// Responses that answered it.
        public var answered: Int
        /// Per choice (single, multiple) or per point 1–5 (scale).
        public var counts: [Int]
        /// The mean of a scale, to one decimal; nil with no answer.
        public var mean: Double?
        /// Text answers, in the order given.
        public var texts: [String]
    }

    public static func results(_ questions: [Question], responses: [[Int: Answer]]) -> [Tally] {
        questions.enumerated().map { i, q in
            var r = Tally(
                answered: 0, counts: Array(repeating: 0, count: q.kind == .scale ? 5 : q.options.count), mean: nil,
                texts: [])
            var sum = 0
            for response in responses {
                guard let a = response[i] else { continue }
                r.answered += 1
                switch a {
                case .choice(let n) where r.counts.indices.contains(n): r.counts[n] += 1
                case .choices(let ns): for n in ns where r.counts.indices.contains(n) { r.counts[n] += 1 }
                case .scale(let n) where (1...5).contains(n):
                    r.counts[n - 1] += 1
                    sum += n
                case .text(let t): r.texts.append(t)
                default: break
                }
            }
            if q.kind == .scale, r.answered > 0 { r.mean = (Double(sum) / Double(r.answered) * 10).rounded() / 10 }
            return r
        }
    }
}

/// The refused questions of a response, by index.
public struct AnswerProblems: Error, Equatable, Sendable {
    public var byQuestion: [Int: AnswerProblem]
    public init(_ byQuestion: [Int: AnswerProblem]) { self.byQuestion = byQuestion }
}

public enum AnswerProblem: String, Error, Sendable {
    case required, invalid, tooLong
}
