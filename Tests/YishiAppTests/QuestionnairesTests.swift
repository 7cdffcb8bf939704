import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Questionnaires (issue 17 §8): built and published by staff, answered once by residents online
/// and entered from paper by staff, closed at the end of their period; results with charts and a
/// CSV; written answers of a chosen category become needs.
@Suite("Questionnaires")
struct QuestionnairesTests {
    @Test func builtPublishedAnsweredOnceEnteredFromPaperAndCounted() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let made = try await staff.post(
                "/questionnaires",
                ["node": c1.id!.uuidString, "title": "三号楼小花园试点问卷", "intro": "请花一分钟填写。", "days": "10"])
            #expect(made.status == .seeOther)
            let q = try #require(try await Questionnaire.query(on: t.db).filter(\.$title == "三号楼小花园试点问卷").first())
            let path = "/questionnaires/\(q.id!)"
            // Nothing to publish yet; a resident does not see the draft.
            #expect(try await staff.post("\(path)/publish").status == .unprocessableEntity)
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.get(path).status == .notFound)
            // Questions: a bad one is refused and nothing changes.
            #expect(
                try await staff.post("\(path)/questions", ["kind": "single", "prompt": "您多大年纪？", "options": "只有一个"])
                    .status == .unprocessableEntity)
            #expect(try await Questionnaire.find(q.id, on: t.db)?.questions.isEmpty == true)
            _ = try await staff.post(
                "\(path)/questions",
                ["kind": "single", "prompt": "您多大年纪？", "options": "60 岁以下\n60 岁及以上", "required": "on"])
            _ = try await staff.post("\(path)/questions", ["kind": "scale", "prompt": "对现在的小花园满意吗？", "required": "on"])
            _ = try await staff.post(
                "\(path)/questions", ["kind": "text", "prompt": "还希望小花园有什么？", "needCategory": "greenery"])
            #expect(try await Questionnaire.find(q.id, on: t.db)?.questions.count == 3)
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(
                try await other.post("\(path)/questions", ["kind": "scale", "prompt": "x"]).status == .forbidden)
            #expect(try await staff.post("\(path)/publish").status == .seeOther)
            #expect(try await staff.post("\(path)/questions", ["kind": "scale", "prompt": "晚加的"]).status == .conflict)
            // The resident answers: a missing required answer is refused with nothing stored.
            let form = try await r.get(path)
            #expect(
                form.text.contains(#"type="radio" name="q0""#) && form.text.contains(SurveyText.scaleHint.text(.zhHans))
            )
            let missing = try await r.post("\(path)/responses", ["q1": "4"])
            #expect(missing.status == .unprocessableEntity && missing.text.contains(SurveyText.required.text(.zhHans)))
            #expect(try await QuestionnaireResponse.query(on: t.db).filter(\.$questionnaire.$id == q.id!).count() == 0)
            let needsBefore = try await Need.query(on: t.db).count()
            #expect(try await r.post("\(path)/responses", ["q0": "1", "q1": "2", "q2": "多种些月季花"]).status == .seeOther)
            #expect(
                try await r.post("\(path)/responses", ["q0": "0", "q1": "5"]).status == .conflict, "once per person")
            let need = try #require(try await Need.query(on: t.db).filter(\.$body == "多种些月季花").first())
            #expect(need.channel == "questionnaire" && need.category == "greenery" && need.households == 1)
            #expect(try await Need.query(on: t.db).count() == needsBefore + 1)
            // Paper forms: the channel is required; an unsigned one is allowed.
            #expect(try await staff.post("\(path)/responses", ["q0": "1", "q1": "3"]).status == .unprocessableEntity)
            #expect(
                try await staff.post("\(path)/responses", ["q0": "1", "q1": "3", "channel": "paper"]).status
                    == .seeOther)
            let responses = try await QuestionnaireResponse.query(on: t.db).filter(\.$questionnaire.$id == q.id!).all()
            #expect(responses.count == 2 && responses.contains { $0.channel == "paper" && $0.$resident.id == nil })
            // Results: counts, the chart, the mean; the written answers for staff only.
            let staffResults = try await staff.get("\(path)/results").text
            #expect(staffResults.contains("<svg") && staffResults.contains(SurveyText.mean.text(.zhHans, ["2.5"])))
            #expect(staffResults.contains("多种些月季花"))
            let residentResults = try await r.get("\(path)/results")
            #expect(residentResults.status == .ok && !residentResults.text.contains("多种些月季花"))
            let csv = try await staff.get("\(path)/results.csv")
            #expect(csv.status == .ok && csv.text.contains("60 岁及以上") && csv.text.contains("多种些月季花"))
            #expect(try await r.get("\(path)/results.csv").status == .forbidden)
            // After its period: no more answers.
            t.clock.advance(10 * 86_400)
            let late = try await staff.post("\(path)/responses", ["q0": "0", "q1": "1", "channel": "paper"])
            #expect(late.status == .conflict)
            #expect(try await QuestionnaireResponse.query(on: t.db).filter(\.$questionnaire.$id == q.id!).count() == 2)
        }
    }

    /// Questions added at once are all kept, and none once it is published.
    @Test func questionsAddedAtOnceAreAllKept() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let q = try await staff.json(.POST, "/api/v1/questionnaires", #"{"node":"BS01-C1","title":"并发加题"}"#)
                .decode(DTO.Questionnaire.self)
            let path = "/api/v1/questionnaires/\(q.id)"
            let statuses = await withTaskGroup(of: HTTPStatus.self) { g in
                for i in 0..<8 {
                    g.addTask {
                        (try? await staff.json(.POST, "\(path)/questions", #"{"kind":"scale","prompt":"问题\#(i)"}"#))?
                            .status ?? .internalServerError
                    }
                }
                return await g.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created })
            #expect(try await Questionnaire.find(q.id, on: t.db)?.questions.count == 8)
            #expect(try await staff.json(.POST, "\(path)/publish").status == .ok)
            #expect(
                try await staff.json(.POST, "\(path)/questions", #"{"kind":"scale","prompt":"晚了"}"#).status == .conflict
            )
            #expect(try await Questionnaire.find(q.id, on: t.db)?.questions.count == 8)
        }
    }

    /// The same through /api/v1: built, published, answered once by a resident and on paper by
    /// staff for a named resident, closed; results with counts by channel, written answers for
    /// staff only; bad input refused with nothing stored.
    @Test func theAPIBuildsPublishesAnswersAndCounts() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let made = try await staff.json(
                .POST, "/api/v1/questionnaires", #"{"node":"BS01-C1","title":"夜间照明问卷","days":7}"#)
            #expect(made.status == .created)
            let q = try made.decode(DTO.Questionnaire.self)
            #expect(q.status == "draft" && q.questions.isEmpty && q.node == "BS01-C1")
            let path = "/api/v1/questionnaires/\(q.id)"
            #expect(
                try await staff.json(.POST, "/api/v1/questionnaires", #"{"node":"NOPE","title":"x"}"#).status
                    == .unprocessableEntity)
            // Bad questions change nothing.
            #expect(
                try await staff.json(
                    .POST, "\(path)/questions", #"{"kind":"single","prompt":"几点?","options":["只有一个"]}"#
                )
                .status == .unprocessableEntity)
            #expect(
                try await staff.json(
                    .POST, "\(path)/questions", #"{"kind":"single","prompt":"几点?","options":["a\nb","c"]}"#
                )
                .status == .unprocessableEntity)
            #expect(
                try await staff.json(.POST, "\(path)/questions", #"{"kind":"poll","prompt":"?"}"#).status
                    == .unprocessableEntity)
            #expect(try await staff.json(.GET, path).decode(DTO.Questionnaire.self).questions.isEmpty)
            _ = try await staff.json(
                .POST, "\(path)/questions",
                #"{"kind":"single","prompt":"晚上回家走哪条路？","options":["北门","南门"],"required":true}"#)
            _ = try await staff.json(.POST, "\(path)/questions", #"{"kind":"scale","prompt":"路灯够亮吗？","required":true}"#)
            let third = try await staff.json(
                .POST, "\(path)/questions", #"{"kind":"text","prompt":"哪里最暗？","needCategory":"lighting"}"#)
            #expect(third.status == .created)
            #expect(try third.decode(DTO.Questionnaire.self).questions.count == 3)
            // A resident does not see the draft; another community's staff cannot publish it.
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.json(.GET, path).status == .notFound)
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.json(.POST, "\(path)/publish").status == .forbidden)
            #expect(try await staff.json(.POST, "\(path)/publish").decode(DTO.Questionnaire.self).status == "open")
            #expect(try await staff.json(.POST, "\(path)/publish").status == .conflict)
            // The resident: a required answer missing, a choice out of range, two parts in one answer.
            for bad in [
                #"{"answers":[{"question":1,"scale":3}]}"#,
                #"{"answers":[{"question":0,"choice":7},{"question":1,"scale":3}]}"#,
                #"{"answers":[{"question":0,"choice":0,"text":"x"},{"question":1,"scale":3}]}"#,
            ] {
                #expect(try await r.json(.POST, "\(path)/responses", bad).status == .unprocessableEntity, "\(bad)")
            }
            #expect(try await QuestionnaireResponse.query(on: t.db).filter(\.$questionnaire.$id == q.id).count() == 0)
            let answered = try await r.json(
                .POST, "\(path)/responses",
                #"{"answers":[{"question":0,"choice":1},{"question":1,"scale":2},{"question":2,"text":"南门车棚后面"}]}"#)
            #expect(answered.status == .created)
            #expect(try answered.decode(DTO.QuestionnaireAnswered.self).needsRaised == 1)
            #expect(
                try await r.json(
                    .POST, "\(path)/responses", #"{"answers":[{"question":0,"choice":0},{"question":1,"scale":5}]}"#
                )
                .status == .conflict)
            // Staff: a paper form for a named resident needs its channel.
            let neighbour = "R-BS01-C1-X1-B1-102-1"
            let paper =
                #"{"answers":[{"question":0,"choice":0},{"question":1,"scale":4}],"onBehalfOf":{"resident":"\#(neighbour)"}"#
            #expect(try await staff.json(.POST, "\(path)/responses", paper + "}").status == .unprocessableEntity)
            #expect(
                try await staff.json(.POST, "\(path)/responses", paper + #","channel":"paper"}"#).status == .created)
            // Results: counts and the mean for all who may read; written answers for staff only.
            let results = try await staff.json(.GET, "\(path)/results").decode(DTO.QuestionnaireResults.self)
            #expect(results.responses == 2 && results.byChannel == ["online": 1, "paper": 1])
            #expect(results.questions[0].counts == [1, 1] && results.questions[1].mean == 3.0)
            #expect(results.questions[2].texts == ["南门车棚后面"])
            let seen = try await r.json(.GET, "\(path)/results").decode(DTO.QuestionnaireResults.self)
            #expect(seen.questions[2].texts == nil && seen.questions[2].answered == 1)
            let listed = try await r.json(.GET, "/api/v1/questionnaires?node=BS01-C1").decode([DTO.Questionnaire].self)
            #expect(listed.contains { $0.id == q.id && $0.responses == 2 })
            #expect(try await Browser(t.app).json(.GET, path).status == .unauthorized)
            // An answer to a question there is not is refused, not dropped.
            #expect(
                try await staff.json(
                    .POST, "\(path)/responses",
                    #"{"answers":[{"question":0,"choice":0},{"question":1,"scale":4},{"question":7,"scale":1}],"channel":"paper"}"#
                ).status == .unprocessableEntity)
            #expect(try await staff.json(.POST, "\(path)/close").decode(DTO.Questionnaire.self).status == "closed")
            #expect(try await staff.json(.POST, "\(path)/close").status == .conflict)
        }
    }
}
