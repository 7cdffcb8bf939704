import Foundation
import Testing

@testable import YishiCore

@Suite("Planners: the diagnosis and honours rules")
struct DiagnosisRulesTests {
    let need = UUID()

    @Test func aReportAsEnteredIsCheckedPartByPart() {
        let ok = Diagnosis.Recommendation(title: "加装电梯", text: "两栋楼先试点", needs: [need])
        #expect(Diagnosis.check(history: "老新村", resources: "", recommendations: [ok]) == nil)
        #expect(Diagnosis.check(history: "", resources: "活动室", recommendations: []) == nil)
        #expect(Diagnosis.check(history: " \n", resources: "", recommendations: []) == .empty)
        #expect(
            Diagnosis.check(history: "", resources: "", recommendations: [.init(title: " ", text: "", needs: [])])
                == .recommendationTitle)
        #expect(
            Diagnosis.check(
                history: "", resources: "",
                recommendations: [.init(title: String(repeating: "长", count: 101), text: "", needs: [])])
                == .recommendationTitle)
        #expect(
            Diagnosis.check(
                history: "", resources: "",
                recommendations: [.init(title: "好", text: String(repeating: "字", count: 1_001), needs: [])])
                == .recommendationText)
        #expect(
            Diagnosis.check(history: "", resources: "", recommendations: Array(repeating: ok, count: 11)) == .tooMany)
        #expect(
            Diagnosis.check(
                history: "", resources: "",
                recommendations: [.init(title: "多", text: "", needs: (0..<11).map { _ in UUID() })]) == .tooMany)
        #expect(
            Diagnosis.check(history: String(repeating: "史", count: 4_001), resources: "", recommendations: [ok])
                == .sectionTooLong)
        #expect(
            Diagnosis.check(history: String(repeating: "史", count: 4_000), resources: "", recommendations: [ok])
                == nil)
    }

    @Test func theNeedsAreSummedByKindMostHouseholdsFirst() {
        let lines = Diagnosis.byCategory([
            ("parking", 3), ("lift", 10), ("parking", 4), ("greening", 7), ("lighting", 7), ("lift", -1),
        ])
        #expect(lines.map(\.category) == ["lift", "parking", "greening", "lighting"])
        #expect(lines[0] == .init(category: "lift", needs: 2, households: 10))
        #expect(lines[1] == .init(category: "parking", needs: 2, households: 7))
        // Equal households and needs: by the kind's name.
        #expect(lines[2].households == lines[3].households && lines[2].category < lines[3].category)
        #expect(Diagnosis.byCategory([]).isEmpty)
    }

    @Test func versionsCountUpAndHonoursAreDecidedOnce() {
        #expect(Diagnosis.nextVersion(after: []) == 1)
        #expect(Diagnosis.nextVersion(after: [1, 3, 2]) == 4)
        #expect(HonourStatus.allCases.filter(\.decidable) == [.nominated])
    }
}
