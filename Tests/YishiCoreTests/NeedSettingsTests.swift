import Foundation
import Testing

@testable import YishiCore

@Suite("Needs: a district's categories, weights and vocabulary")
struct NeedSettingsTests {
    @Test func addedCategoriesAreCheckedLineByLine() {
        #expect(
            NeedSettings.categories("parcel-lockers, 快递柜 , Parcel lockers\n\n")
                == .success([NeedCategory(key: "parcel-lockers", zh: "快递柜", en: "Parcel lockers")]))
        #expect(NeedSettings.categories("lighting,灯,Lights") == .failure(.categories), "a seeded key")
        #expect(NeedSettings.categories("lamps,照明,Lights") == .failure(.categories), "a seeded Chinese name")
        #expect(NeedSettings.categories("Bad Key,快递,Parcels") == .failure(.categories))
        #expect(NeedSettings.categories("ab,快递柜") == .failure(.categories), "three parts")
        #expect(NeedSettings.categories("ab,快递柜,x\nab,别的,y") == .failure(.categories), "a key twice")
        #expect(NeedSettings.categories("") == .success([]))
        let settings = NeedSettings(extraCategories: [NeedCategory(key: "parcel-lockers", zh: "快递柜", en: "Parcels")])
        #expect(NeedCategory.find("快递柜", in: settings.categories)?.key == "parcel-lockers")
        #expect(settings.categories.count == NeedCategory.seeded.count + 1)
    }

    @Test func weightsHaveBoundsAndDefaults() throws {
        let w = try NeedSettings.weights(["perBuilding": "12", "safety": "20", "waitingMonthsCap": "12"]).get()
        #expect(w.perBuilding == 12 && w.safety == 20 && w.waitingMonthsCap == 12 && w.perAgeBand == 10)
        #expect(NeedSettings.weights([:]) == .success(NeedRanking.Weights()))
        #expect(NeedSettings.weights(["perBuilding": "-1"]) == .failure(.weights))
        #expect(NeedSettings.weights(["perBuilding": "101"]) == .failure(.weights))
        #expect(NeedSettings.weights(["waitingMonthsCap": "2.5"]) == .failure(.weights))
        #expect(NeedSettings.weights(["safety": "nan"]) == .failure(.weights))
    }

    @Test func theVocabularyIsParsedAndGroupsDoNotOverlap() throws {
        let v = try NeedSettings.vocabulary(frameWords: "希望、建议\n麻烦", synonyms: "座椅/长椅/凳子\n快递柜、快递箱").get()
        #expect(v.frameWords == ["希望", "建议", "麻烦"] && v.synonyms == [["座椅", "长椅", "凳子"], ["快递柜", "快递箱"]])
        #expect(NeedSettings.vocabulary(frameWords: "", synonyms: "座椅") == .failure(.synonyms), "a group of one")
        #expect(NeedSettings.vocabulary(frameWords: "", synonyms: "座椅/长椅\n长椅/凳子") == .failure(.synonyms))
        #expect(NeedSettings.vocabulary(frameWords: "希望\n希望", synonyms: "") == .failure(.frameWords))
        // The district's vocabulary changes what is alike.
        let near = NeedSimilarity.normalise("小区里加快递箱", vocabulary: v)
        let far = NeedSimilarity.normalise("小区里加快递柜", vocabulary: v)
        #expect(near == far)
        #expect(NeedSimilarity.normalise("小区里加快递箱") != NeedSimilarity.normalise("小区里加快递柜"))
    }

    @Test func reweighingTheStoredPartsEqualsScoringTheSupports() {
        let now = Date(timeIntervalSince1970: 1_796_054_400)
        var rng = SplitMix64(seed: 17)
        for _ in 0..<50 {
            let buildings = (0..<3).map { _ in UUID() }
            let households = (0..<6).map { _ in UUID() }
            let supports = (0..<Int(rng.next() % 8 + 1)).map { _ in
                NeedRanking.Support(
                    household: households[Int(rng.next() % 6)], building: buildings[Int(rng.next() % 3)],
                    birthYear: 1930 + Int(rng.next() % 80), channel: Channel.allCases[Int(rng.next() % 7)])
            }
            let members = Dictionary(
                uniqueKeysWithValues: households.map {
                    ($0, [NeedRanking.Member(birthYear: 1930 + Int(rng.next() % 90), disability: rng.next() % 5 == 0)])
                })
            let first = now.addingTimeInterval(-Double(rng.next() % 400) * 86_400)
            let safety = rng.next() % 2 == 0
            var w = NeedRanking.Weights()
            w.perBuilding = Double(rng.next() % 20)
            w.safety = Double(rng.next() % 30)
            w.waitingMonthsCap = Int(rng.next() % 12)
            let old = NeedRanking.score(
                supports: supports, members: members, safety: safety, firstSubmitted: first,
                now: now.addingTimeInterval(-90 * 86_400), currentYear: 2026)
            let fresh = NeedRanking.score(
                supports: supports, members: members, safety: safety, firstSubmitted: first, now: now,
                currentYear: 2026,
                weights: w)
            let again = NeedRanking.reweighed(old, firstSubmitted: first, now: now, weights: w)
            #expect(abs(again.priority - fresh.priority) < 1e-9 && again.waitingMonths == fresh.waitingMonths)
            #expect(abs(again.commonGround - fresh.commonGround) < 1e-9)
        }
    }
}
