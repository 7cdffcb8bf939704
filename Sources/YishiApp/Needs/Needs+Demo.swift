import Fluent
import Vapor
import YishiCore

/// The needs' part of the demo (after the territory and the accounts): in three communities, needs
/// raised through every channel — online by the demo resident, the rest entered by staff from
/// visits, the reception desk, the phone, paper forms, questionnaires and meetings — with support
/// from households across buildings and ages, some sorted by the committee, one marked as a
/// safety matter. The same every time (a fixed-seed generator).
enum NeedsDemo {
    static let texts: [(category: String, text: String)] = [
        ("seating", "花园里加几张座椅，老人散步可以歇歇脚"),
        ("lighting", "3号楼门口的路灯坏了，晚上太黑"),
        ("parking", "小区停车位太少，晚上车停到消防通道上"),
        ("elevator", "老公房没有电梯，希望加装电梯"),
        ("play", "小孩没有地方玩，希望有个儿童游乐角"),
        ("ageing", "楼道扶手松了，老人上下楼不安全"),
        ("waste", "垃圾分类点太远，老人倒垃圾不方便"),
        ("greenery", "绿化带里的树太密，一楼见不到太阳"),
        ("fitness", "健身器材坏了好几件，希望修一修"),
        ("amenities", "附近没有修鞋配钥匙的地方"),
        ("cleanliness", "小区后门的下水道经常堵，有味道"),
        ("accessibility", "单元门口有台阶，轮椅上不去"),
    ]

    static let part = DemoPart(order: 30) { demo in
        let db = demo.db
        let now = demo.effects.time.now()
        var rng = SplitMix64(seed: 2026)
        let staff = try await User.query(on: db).filter(\.$username == "baolin1").first()?.id
        var made = 0
        var supports = 0
        for code in ["BS01-C1", "BS01-C2", "BS02-C1"] {
            let community = try await demo.node(code)
            let people = try await PeopleQueries.residents(on: db, in: [community.territoryPath]).all()
                .map(PeopleQueries.row)
            guard people.count > 10 else { continue }
            let householdOf = Dictionary(
                uniqueKeysWithValues: try await Resident.query(on: db).filter(\.$id ~~ people.map(\.id)).all()
                    .compactMap { r in r.$household.id.map { (r.id!, $0) } })
            let count = code == "BS01-C1" ? 12 : 6
            for k in 0..<count {
                let (category, text) = texts[(k + code.count) % texts.count]
                let online = k == 0 && code == "BS01-C1"
                // The online one is the demo resident's own; the others staff entered for residents.
                let raiser =
                    online
                    ? (people.first { $0.phone == DemoDistrict.residentPhone } ?? people[0])
                    : people[Int(rng.next() % UInt64(people.count))]
                let channel: YishiCore.Channel =
                    online ? .online : [.visit, .reception, .phone, .paper, .questionnaire, .meeting][k % 6]
                let need = Need()
                need.id = UUID()
                need.$community.id = try community.requireID()
                need.$place.id = try community.requireID()
                need.category = category
                need.title = NeedsService.title(text)
                need.body = text
                need.normalised = NeedSimilarity.normalise(text)
                need.bigramCount = NeedSimilarity.bigrams(need.normalised).count
                need.status = k % 5 == 3 ? .declined : (k % 3 == 0 ? .accepted : .new)
                need.declineReason = need.status == .declined ? "已由物业在本月维修，不再列入清单" : nil
                need.hideName = k % 4 == 1
                need.safety = category == "ageing"
                need.$resident.id = raiser.id
                need.channel = channel.rawValue
                need.enteredByID = channel == .online ? nil : staff
                need.firstSubmittedAt = now.addingTimeInterval(-Double(rng.next() % 200) * 86_400)
                need.setScore(
                    NeedRanking.score(
                        supports: [], members: [:], safety: false, firstSubmitted: now, now: now,
                        currentYear: Show.year(now)))
                try await need.create(on: db)
                try await NeedsService.indexBigrams(of: need, on: db)
                made += 1
                var seen: Set<UUID> = []
                let n = 1 + Int(rng.next() % UInt64(min(30, people.count - 1)))
                for i in 0..<n {
                    let p = i == 0 ? raiser : people[Int(rng.next() % UInt64(people.count))]
                    guard seen.insert(p.id).inserted else { continue }
                    let c: YishiCore.Channel =
                        i == 0 ? channel : [.visit, .phone, .paper, .meeting][Int(rng.next() % 4)]
                    try await NeedSupport(
                        need: need.id!, resident: p.id, household: householdOf[p.id]!,
                        building: p.buildingID, channel: c, enteredBy: staff
                    ).create(on: db)
                    supports += 1
                }
                try await NeedsService.rescore(need, on: db, now: now, weights: NeedSettings.standard.weights)
            }
        }
        demo.counts["needs"] = String(made)
        demo.counts["needSupports"] = String(supports)
    }
}
