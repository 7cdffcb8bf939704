import Foundation
import Testing

@testable import YishiCore

@Suite("Needs: similar texts, never different buildings")
struct NeedSimilarityTests {
    @Test func chineseNumeralsOfBuildingsAndRoomsBecomeDigits() {
        #expect(NeedSimilarity.chineseNumber("三") == 3)
        #expect(NeedSimilarity.chineseNumber("十二") == 12)
        #expect(NeedSimilarity.chineseNumber("二十一") == 21)
        #expect(NeedSimilarity.chineseNumber("一百零五") == 105)
        #expect(NeedSimilarity.chineseNumber("两") == 2)
        #expect(NeedSimilarity.chineseNumber("三楼") == nil)
        #expect(NeedSimilarity.numeralsAsDigits("三号楼门口") == "3号楼门口")
        #expect(NeedSimilarity.numeralsAsDigits("十二栋二单元三〇一室") == "12栋2单元301室")
        #expect(NeedSimilarity.numeralsAsDigits("一起商量") == "一起商量", "a numeral not before a building word stays")
    }

    @Test func normalisingDropsPunctuationFrameWordsAndJoinsSynonyms() {
        #expect(NeedSimilarity.normalise("希望３号楼门口，能不能加几张长椅？") == "3号楼门口加几张座椅")
        #expect(NeedSimilarity.normalise("建议：小区里增加停车位！") == NeedSimilarity.normalise("增加车位"))
        #expect(NeedSimilarity.normalise("ＡＢＣ　１２３") == "abc123", "full-width forms and spaces")
        #expect(NeedSimilarity.normalise("加装电梯") == "电梯", "the longer word first")
    }

    @Test func diceOnBigrams() {
        #expect(NeedSimilarity.bigrams("路灯坏了") == ["路灯", "灯坏", "坏了"])
        #expect(NeedSimilarity.dice(["ab", "bc"], ["ab", "bc"]) == 1)
        #expect(NeedSimilarity.dice(["ab"], ["cd"]) == 0)
        #expect(NeedSimilarity.dice([], []) == 0)
        #expect(abs(NeedSimilarity.dice(["ab", "bc", "cd"], ["ab", "xy"]) - 0.4) < 1e-9)
    }

    @Test func differentBuildingsAreNeverDuplicates() {
        let a = NeedSimilarity.assess("3号楼门口加路灯", "5号楼门口加路灯", sameCategory: true, samePlace: true)
        #expect(a.verdict == .differentBuildings && a.dice > 0.3)
        let chinese = NeedSimilarity.assess("三号楼门口加路灯", "3号楼门口装个路灯", sameCategory: true, samePlace: false)
        #expect(chinese.verdict == .similarText, "三号楼 and 3号楼 are the same building")
        let one = NeedSimilarity.assess("3号楼门口加路灯", "门口加路灯", sameCategory: false, samePlace: false)
        #expect(one.verdict == .similarText, "only one names a building: may be the same")
    }

    @Test func synonymsAndFrameWordsBringSameNeedsTogether() {
        let r = NeedSimilarity.assess(
            "希望在花园里放几张长椅给老人休息", "花园里加座椅，老人可以休息", sameCategory: false, samePlace: false)
        #expect(r.verdict == .similarText, "dice \(r.dice)")
        let unrelated = NeedSimilarity.assess("楼道灯坏了", "垃圾分类点太远", sameCategory: false, samePlace: false)
        #expect(unrelated.verdict == .unrelated)
        let place = NeedSimilarity.assess("楼道灯坏了", "晚上太黑", sameCategory: true, samePlace: true)
        #expect(place.verdict == .samePlaceAndCategory)
    }

    @Test func staffMayExtendTheVocabulary() {
        var v = NeedSimilarity.Vocabulary.standard
        #expect(NeedSimilarity.normalise("口袋公园", vocabulary: v) != NeedSimilarity.normalise("街角花园", vocabulary: v))
        v.synonyms.append(["口袋公园", "街角花园"])
        #expect(NeedSimilarity.normalise("口袋公园", vocabulary: v) == NeedSimilarity.normalise("街角花园", vocabulary: v))
    }
}

@Suite("Needs: categories")
struct NeedCategoryTests {
    @Test func theSeededCategoriesAreNamedBothWaysAndFoundByKeyOrChineseName() {
        let keys = NeedCategory.seeded.map(\.key)
        #expect(keys.count == 16 && Set(keys).count == 16)
        #expect(NeedCategory.seeded.allSatisfy { !$0.zh.isEmpty && !$0.en.isEmpty })
        #expect(
            NeedCategory.seeded.allSatisfy { !$0.en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(NeedCategory.find("加装电梯")?.key == "elevator")
        #expect(NeedCategory.find(" parking ")?.zh == "停车")
        #expect(NeedCategory.find("城堡") == nil)
        let extended = NeedCategory.seeded + [.init(key: "river", zh: "河道", en: "The river")]
        #expect(NeedCategory.find("河道", in: extended)?.key == "river")
    }
}
