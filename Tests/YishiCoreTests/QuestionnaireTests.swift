import Foundation
import Testing

@testable import YishiCore

@Suite("Questionnaires: questions, answers, results")
struct QuestionnaireTests {
    let questions = [
        Question(kind: .single, prompt: "您多大年纪？", options: ["60 岁以下", "60 岁及以上"], required: true),
        Question(kind: .multiple, prompt: "您常去哪里？", options: ["菜场", "公园", "卫生站"], required: false),
        Question(kind: .scale, prompt: "对小区绿化满意吗？", required: true),
        Question(kind: .text, prompt: "还希望改善什么？", required: false, needCategory: "greenery"),
    ]

    @Test func aQuestionIsMadeFromWhatStaffTyped() {
        #expect(
            Question.make(kind: .single, prompt: " 喜欢吗 ", optionLines: "是\n\n否\n", required: true, needCategory: "x")
                == .success(Question(kind: .single, prompt: "喜欢吗", options: ["是", "否"], required: true)))
        #expect(
            Question.make(kind: .single, prompt: "x", optionLines: "只有一个", required: true, needCategory: nil)
                == .failure(.options))
        #expect(
            Question.make(kind: .multiple, prompt: "x", optionLines: "a\na", required: true, needCategory: nil)
                == .failure(.options))
        #expect(
            Question.make(kind: .scale, prompt: "", optionLines: "", required: true, needCategory: nil)
                == .failure(.prompt))
        #expect(
            Question.make(kind: .text, prompt: "说说", optionLines: "ignored", required: false, needCategory: "greenery")
                == .success(Question(kind: .text, prompt: "说说", required: false, needCategory: "greenery")))
        #expect(
            Question.make(kind: .scale, prompt: "满意吗", optionLines: "", required: false, needCategory: "greenery")
                == .success(Question(kind: .scale, prompt: "满意吗", required: false)), "only text answers become needs")
    }

    @Test func answersAreCheckedQuestionByQuestion() {
        let ok = Questionnaires.check(questions, raw: [0: ["1"], 1: ["2", "0"], 2: ["4"], 3: ["多种些树"]])
        #expect(ok == .success([0: .choice(1), 1: .choices([0, 2]), 2: .scale(4), 3: .text("多种些树")]))
        #expect(Questionnaires.check(questions, raw: [0: ["0"], 2: ["3"]]) == .success([0: .choice(0), 2: .scale(3)]))
        #expect(Questionnaires.check(questions, raw: [2: ["3"]]) == .failure(AnswerProblems([0: .required])))
        #expect(
            Questionnaires.check(questions, raw: [0: ["2"], 2: ["6"]])
                == .failure(AnswerProblems([0: .invalid, 2: .invalid])))
        #expect(
            Questionnaires.check(questions, raw: [0: ["0", "1"], 2: ["0"]])
                == .failure(AnswerProblems([0: .invalid, 2: .invalid])))
        #expect(
            Questionnaires.check(questions, raw: [0: ["0"], 1: ["1", "1"], 2: ["1"]])
                == .failure(AnswerProblems([1: .invalid])))
        #expect(
            Questionnaires.check(questions, raw: [0: ["0"], 2: ["1"], 3: [String(repeating: "字", count: 501)]])
                == .failure(AnswerProblems([3: .tooLong])))
        #expect(Questionnaires.check(questions, raw: [0: ["x"], 2: ["1"]]) == .failure(AnswerProblems([0: .invalid])))
        // An answer to a question there is not.
        #expect(
            Questionnaires.check(questions, raw: [0: ["0"], 2: ["1"], 9: ["1"], -1: ["x"]])
                == .failure(AnswerProblems([9: .invalid, -1: .invalid])))
    }

    @Test func resultsCountEveryChoiceAndAverageTheScale() {
        let responses: [[Int: Answer]] = [
            [0: .choice(1), 1: .choices([0, 2]), 2: .scale(4), 3: .text("多种些树")],
            [0: .choice(1), 2: .scale(5)],
            [0: .choice(0), 1: .choices([2]), 2: .scale(2), 3: .text("修修步道")],
        ]
        let r = Questionnaires.results(questions, responses: responses)
        #expect(r[0].counts == [1, 2] && r[0].answered == 3)
        #expect(r[1].counts == [1, 0, 2] && r[1].answered == 2)
        #expect(r[2].counts == [0, 1, 0, 1, 1] && r[2].mean == 3.7)
        #expect(r[3].texts == ["多种些树", "修修步道"] && r[3].answered == 2)
        #expect(Questionnaires.results(questions, responses: [])[2].mean == nil)
    }
}
