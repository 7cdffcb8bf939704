import Foundation
import Testing

@testable import YishiCore

@Suite("Projects: workflow templates and moving a project on")
struct WorkflowRulesTests {
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test(arguments: ["six-steps", "one-map-three-meetings", "gaojing-eleven-steps"])
    func theShippedTemplatesValidate(_ key: String) throws {
        let data = try Data(
            contentsOf: Self.root.appendingPathComponent("Sources/YishiApp/Projects/Workflows/\(key).json"))
        let t = try WorkflowRules.template(data).get()
        #expect(t.key == key)
        #expect(t.stages.count == ["six-steps": 6, "one-map-three-meetings": 5, "gaojing-eleven-steps": 11][key])
    }

    @Test func aRequirementReadsAndWritesAsOneSmallObject() throws {
        let text = #"""
            [{"needs": 2}, {"meeting": ["partyMembers"], "minutes": true}, {"decision": ["residentsAssembly"]},
             {"notice": true}, {"document": {"zh-Hans": "验收记录", "en": "Acceptance record"}}, {"ownersVote": true},
             {"funds": true}, {"optionChosen": true}, {"meeting": ["hearing"]}]
            """#
        let rs = try JSONDecoder().decode([StageRequirement].self, from: Data(text.utf8))
        #expect(
            rs == [
                .needs(count: 2), .meeting(kinds: [.partyMembers], minutes: true),
                .decision(kinds: [.residentsAssembly]),
                .notice, .document(BilingualName(zh: "验收记录", en: "Acceptance record")), .ownersVote, .funds,
                .optionChosen, .meeting(kinds: [.hearing], minutes: false),
            ])
        let again = try JSONDecoder().decode([StageRequirement].self, from: try JSONEncoder().encode(rs))
        #expect(again == rs)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(StageRequirement.self, from: Data(#"{"vote": 1}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(StageRequirement.self, from: Data(#"{"meeting": ["tea party"]}"#.utf8))
        }
    }

    @Test func aBadTemplateNamesEveryProblem() {
        let bad = #"""
            {"key": "Bad Key", "name": {"zh-Hans": "", "en": "x"}, "source": {"zh-Hans": "s", "en": "s"},
             "stages": [{"key": "a", "name": {"zh-Hans": "甲", "en": "A"}, "requires": [{"needs": 0}]},
                        {"key": "aa", "name": {"zh-Hans": "乙", "en": "B"}, "requires": [{"meeting": []}]},
                        {"key": "aa", "name": {"zh-Hans": "丙", "en": ""}, "requires": [{"document": {"zh-Hans": "", "en": "x"}}]}]}
            """#
        guard case .failure(let refused) = WorkflowRules.template(Data(bad.utf8)) else {
            Issue.record("a bad template was taken")
            return
        }
        #expect(
            Set(refused.problems).isSuperset(of: [
                .key, .name, .stageKey("a"), .needsCount("a"), .emptyMeetingKinds("aa"), .duplicateStage("aa"),
                .stageName("aa"), .documentName("aa"),
            ]))
        guard case .failure(let notJSON) = WorkflowRules.template(Data("not json".utf8)),
            case .format = notJSON.problems.first
        else {
            Issue.record("not JSON was taken")
            return
        }
        let empty =
            #"{"key": "empty", "name": {"zh-Hans": "空", "en": "Empty"}, "source": {"zh-Hans": "s", "en": "s"}, "stages": []}"#
        #expect(WorkflowRules.template(Data(empty.utf8)).failureValue?.problems == [.noStages])
    }

    let stage = WorkflowStage(
        key: "proposal", name: BilingualName(zh: "产生项目", en: "Decided"),
        requires: [
            .meeting(kinds: [.partyMembers], minutes: true), .decision(kinds: [.residentsAssembly, .ownersAssembly]),
            .notice, .document(BilingualName(zh: "设计方案图", en: "Design drawing")), .needs(count: 2),
        ])

    @Test func whatAStageLacksIsListedInItsOrder() {
        #expect(WorkflowRules.missing(stage, StageFacts()) == stage.requires)
        var f = StageFacts(needs: 2, meetings: [(.partyMembers, false)], decisions: [.ownersAssembly])
        #expect(
            WorkflowRules.missing(stage, f) == [
                .meeting(kinds: [.partyMembers], minutes: true), .notice,
                .document(BilingualName(zh: "设计方案图", en: "Design drawing")),
            ], "a meeting without minutes does not count when minutes are asked")
        f.meetings.append((.partyMembers, true))
        f.settledNotices = 1
        f.documents = ["Design drawing"]
        #expect(WorkflowRules.missing(stage, f).isEmpty, "a document may be named in either language")
        f.needs = 1
        #expect(WorkflowRules.missing(stage, f) == [.needs(count: 2)])
        let other = WorkflowStage(key: "x", name: stage.name, requires: [.ownersVote, .funds, .optionChosen])
        #expect(WorkflowRules.missing(other, StageFacts()).count == 3)
        #expect(
            WorkflowRules.missing(other, StageFacts(ownersVotePassed: true, fundsCommitted: true, optionChosen: true))
                .isEmpty)
    }

    @Test func movingOnNeedsWhatTheStageNeedsAndMovingBackAReason() {
        let t = WorkflowTemplate(
            key: "t", name: stage.name, source: stage.name,
            stages: [
                WorkflowStage(key: "one", name: stage.name, requires: [.needs(count: 1)]), stage,
                WorkflowStage(key: "three", name: stage.name),
            ])
        #expect(
            WorkflowRules.move(t, from: 0, to: 1, facts: StageFacts(), reason: nil)
                == .failure(.missing([.needs(count: 1)])))
        #expect(WorkflowRules.move(t, from: 0, to: 1, facts: StageFacts(needs: 1), reason: nil) == .success(.forward))
        #expect(
            WorkflowRules.move(t, from: 0, to: 2, facts: StageFacts(needs: 1), reason: nil) == .failure(.notAdjacent))
        #expect(WorkflowRules.move(t, from: 2, to: 0, facts: StageFacts(), reason: "  ") == .failure(.reasonRequired))
        #expect(
            WorkflowRules.move(t, from: 2, to: 0, facts: StageFacts(), reason: " 居民要求重新征询 ")
                == .success(.back(reason: "居民要求重新征询")))
        #expect(
            WorkflowRules.move(t, from: 2, to: 3, facts: StageFacts(), reason: nil) == .success(.forward),
            "the last stage done")
        #expect(WorkflowRules.move(t, from: 5, to: 6, facts: StageFacts(), reason: nil) == .failure(.noSuchStage))
        #expect(WorkflowRules.move(t, from: 1, to: 1, facts: StageFacts(), reason: "x") == .failure(.notAdjacent))
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}
