import Fluent
import Vapor
import YishiCore

/// The questionnaires' part of the demo: 宝林一村's survey about its small garden, open for
/// another week, with answers from residents online and from paper forms staff entered.
enum QuestionnairesDemo {
    static let part = DemoPart(order: 40) { demo in
        let db = demo.db
        let now = demo.effects.time.now()
        let community = try await demo.node("BS01-C1")
        let staff = try await User.query(on: db).filter(\.$username == "baolin1").first()?.id
        let questions = [
            Question(kind: .single, prompt: "您多大年纪？", options: ["60 岁以下", "60 到 74 岁", "75 岁及以上"], required: true),
            Question(
                kind: .multiple, prompt: "您希望小花园里有什么？（可多选）", options: ["座椅", "健身器材", "儿童游戏角", "晾晒架", "更多绿化"],
                required: false),
            Question(kind: .scale, prompt: "您对现在的小花园满意吗？", required: true),
            Question(kind: .text, prompt: "还有什么想说的？", required: false),
        ]
        let q = Questionnaire()
        q.$node.id = try community.requireID()
        q.title = "小花园改造意见征询"
        q.intro = "居委会准备改造 2 号楼旁的小花园，想先听听大家的意见。填写大约需要一分钟。\n结果会在议事会上公布。"
        q.questionsJSON = String(decoding: try JSONEncoder().encode(questions), as: UTF8.self)
        q.status = .open
        q.days = 14
        q.opensAt = now.addingTimeInterval(-7 * 86_400)
        q.closesAt = now.addingTimeInterval(7 * 86_400)
        q.createdByID = staff
        try await q.create(on: db)
        let people = try await PeopleQueries.residents(on: db, in: [community.territoryPath]).all().map(
            PeopleQueries.row)
        var rng = SplitMix64(seed: 17)
        let words = ["希望座椅有靠背", "晚上灯亮一点", "别把树砍了", "晾衣服的地方要有", ""]
        var count = 0
        // The demo resident has not answered yet: they can try it.
        for p in people.filter({ $0.phone != DemoDistrict.residentPhone }).prefix(26) {
            var a: [Int: Answer] = [0: .choice(Int(rng.next() % 3)), 2: .scale(2 + Int(rng.next() % 4))]
            let picks = (0..<5).filter { _ in rng.next() % 3 == 0 }
            if !picks.isEmpty { a[1] = .choices(picks) }
            let w = words[Int(rng.next() % UInt64(words.count))]
            if !w.isEmpty { a[3] = .text(w) }
            let r = QuestionnaireResponse()
            r.$questionnaire.id = try q.requireID()
            r.$resident.id = p.id
            let paper = count % 3 == 0
            r.channel = (paper ? YishiCore.Channel.paper : .online).rawValue
            r.enteredByID = paper ? staff : nil
            r.answersJSON = String(decoding: try JSONEncoder().encode(a), as: UTF8.self)
            try await r.create(on: db)
            count += 1
        }
        demo.counts["questionnaireResponses"] = String(count)
    }
}
