import Fluent
import Vapor
import YishiCore

/// The rest of the needs' demo (after the needs themselves): in 宝林一村, two needs about one lamp
/// joined into one, the committee's answer to the demo resident, the needs list frozen and
/// published two days ago with one objection (answered), and last month's meeting minutes whose
/// notice ended with no objection — so each of these pages has something to show.
enum NeedsDemoMore {
    static let part = DemoPart(order: 35) { demo in
        let db = demo.db
        let now = demo.effects.time.now()
        let community = try await demo.node("BS01-C1")
        let cid = try community.requireID()
        let staff = try await User.query(on: db).filter(\.$username == "baolin1").first()?.id
        let people = try await PeopleQueries.residents(on: db, in: [community.territoryPath]).all().map(
            PeopleQueries.row)
        guard people.count > 20 else { return }
        let households = Dictionary(
            uniqueKeysWithValues: try await Resident.query(on: db).filter(\.$id ~~ people.map(\.id)).all()
                .compactMap { r in r.$household.id.map { (r.id!, $0) } })
        let settings = NeedSettings.standard

        // A duplicate of the lamp need, entered from a phone call, joined into it.
        if let lamp = try await Need.query(on: db).filter(\.$community.$id == cid).filter(\.$category == "lighting")
            .filter(\.$status != .merged).first()
        {
            let caller = people[people.count - 3]
            let dup = try await NeedsService.insert(
                .init(
                    community: cid, place: cid, category: "lighting", body: "三号楼门口路灯不亮，晚上走路看不清",
                    channel: .phone, enteredBy: staff,
                    resident: (caller.id, households[caller.id]!, caller.buildingID), settings: settings),
                now: now.addingTimeInterval(-20 * 86_400), on: db)
            let other = people[people.count - 7]
            try await NeedSupport(
                need: dup.id!, resident: other.id, household: households[other.id]!, building: other.buildingID,
                channel: .visit, enteredBy: staff
            ).create(on: db)
            dup.statusBeforeMerge = dup.status
            dup.status = .merged
            dup.$mergedInto.id = lamp.id
            try await dup.update(on: db)
            try await NeedsService.rescore(lamp, on: db, now: now, weights: settings.weights)
        }

        // The committee answers the demo resident's need.
        if let mine = try await Need.query(on: db).filter(\.$community.$id == cid).filter(\.$channel == "online")
            .first(),
            let staff
        {
            let c = NeedComment()
            c.$need.id = try mine.requireID()
            c.text = "已联系物业，下周二来看现场，看完在这里告诉大家。"
            c.userID = staff
            c.staff = true
            try await c.create(on: db)
        }

        // The needs list, frozen and published two days ago; one objection, answered.
        let frozen = try await NeedsList.freeze(community, on: db)
        if !frozen.isEmpty {
            let start = now.addingTimeInterval(-2 * 86_400)
            let date = String(Show.dateTime(start).prefix(10))
            let notice = try await NeedsList.store(
                frozen, node: community, title: NeedText.noticeTitle.text(.zhHans, [community.name, date]),
                body: NeedText.noticeBody.text(.zhHans, [String(frozen.count)]),
                period: .starting(start, days: NoticePeriod.defaultDays), by: staff, on: db)
            let o = NoticeObjection()
            o.$notice.id = try notice.requireID()
            o.text = "停车问题比座椅更急，晚上车都停到消防通道上了，希望排在前面。"
            o.$resident.id = people[5].id
            o.channel = YishiCore.Channel.online.rawValue
            o.answer = "排序按支持的户数、楼栋和年龄段计算，每项的得分都能查到。停车问题会在 12 月的居民议事会上专门讨论。"
            o.answeredByID = staff
            o.answeredAt = now.addingTimeInterval(-86_400)
            try await o.create(on: db)
        }

        // Last month's meeting minutes: the notice ended with no objection.
        let minutes = PublicNotice()
        minutes.$node.id = cid
        minutes.title = "11月居民议事会会议纪要"
        minutes.body =
            "11月20日下午，居民议事会在居委会活动室召开，23 位居民代表参加。\n会议讨论了小花园改造和垃圾分类点搬迁，同意先做居民问卷。\n纪要全文可到居委会查阅。"
        minutes.days = 7
        minutes.status = .published
        minutes.startsAt = now.addingTimeInterval(-10 * 86_400)
        minutes.endsAt = now.addingTimeInterval(-3 * 86_400)
        minutes.createdByID = staff
        minutes.publishedByID = staff
        try await minutes.create(on: db)
        demo.counts["notices"] = "2"
    }
}
