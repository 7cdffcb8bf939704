import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Needs, first part (issue 17 §1–3, 5): raising online and for residents, similar needs offered
/// first, "me too" once, the score kept with its parts, sorting by staff, and every bad input refused.
@Suite("Needs: raise, support, rank, sort")
struct NeedsTests {
    func community(_ t: TestContext, _ code: String = "BS01-C1") async throws -> TerritoryNode {
        try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == code).first())
    }

    @Test func aResidentRaisesANeedAndStaffAddSupportFromAVisit() async throws {
        try await withYishi(demo: true) { t in
            let r = Browser(t.app)
            try await r.signInResident()
            #expect(try await r.get("/").text.contains(#"href="/needs/new""#), "the home page offers it")
            #expect(try await r.get("/needs/new").status == .ok)
            let sent = try await r.post(
                "/needs",
                ["text": "7号楼门口的信箱坏了，报纸被雨淋湿", "category": "amenities", "hideName": "on", "confirmed": "1"])
            #expect(sent.status == .seeOther)
            let need = try #require(try await Need.query(on: t.db).filter(\.$body =~ "7号楼门口的信箱").first())
            #expect(need.households == 1 && need.channel == "online" && need.hideName && need.status == .new)
            #expect(need.priority > 0)
            let page = try await r.get(try #require(sent.location))
            #expect(page.status == .ok && page.text.contains(NeedText.why.text(.zhHans)))
            // A second "me too" by the same person: 409.
            #expect(try await r.post("/needs/\(need.id!)/supports").status == .conflict)
            // baolin1 adds an elderly neighbour's support from a home visit: two households, two channels.
            let neighbour = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let added = try await staff.post(
                "/needs/\(need.id!)/supports", ["resident": neighbour.phone ?? neighbour.code, "channel": "visit"])
            #expect(added.status == .seeOther)
            let after = try #require(try await Need.find(need.id, on: t.db))
            #expect(after.households == 2 && after.channels == 2, "staff-entered support counts like online")
            #expect(after.priority > need.priority)
            let entries = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.needSupport.rawValue)
                .all()
            #expect(entries.count == 1 && entries[0].channel == "visit" && entries[0].onBehalfOf == neighbour.id)
            // The public-facing page hides the name; staff see it.
            let me = try await ResidentHome.of(need.$resident.id!, on: t.db)
            #expect(!(try await r.get("/needs/\(need.id!)")).text.contains("<dd>\(me.resident.name)</dd>"))
            #expect(try await staff.get("/needs/\(need.id!)").text.contains("<dd>\(me.resident.name)</dd>"))
            // The resident's home lists it with where it stands.
            #expect(try await r.get("/").text.contains(need.title))
        }
    }

    @Test func similarNeedsAreOfferedBeforeANewOneAndDifferentBuildingsListedApart() async throws {
        try await withYishi(demo: true) { t in
            let r = Browser(t.app)
            try await r.signInResident()
            let before = try await Need.query(on: t.db).count()
            _ = try await r.post("/needs", ["text": "希望花园里放几张长椅给老人休息", "category": "seating", "confirmed": "1"])
            _ = try await r.post("/needs", ["text": "5号楼门口加路灯", "category": "lighting", "confirmed": "1"])
            let offered = try await r.post("/needs", ["text": "花园里加座椅，老人可以歇歇脚", "category": "seating"])
            #expect(offered.status == .ok && offered.text.contains(NeedText.similarTitle.text(.zhHans)))
            #expect(offered.text.contains(NeedText.meToo.text(.zhHans)))
            #expect(try await Need.query(on: t.db).count() == before + 2, "nothing stored until they choose")
            let lamp = try await r.post("/needs", ["text": "3号楼门口加路灯", "category": "lighting"])
            #expect(lamp.text.contains(NeedText.differentBuilding.text(.zhHans)), "listed apart, not as the same")
            let anyway = try await r.post(
                "/needs", ["text": "3号楼门口加路灯", "category": "lighting", "confirmed": "1"])
            #expect(anyway.status == .seeOther)
            #expect(try await Need.query(on: t.db).count() == before + 3)
        }
    }

    @Test func staffEnterNeedsForResidentsOfTheirAreaOnlyAndSortThem() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get("/needs/enter").status == .ok)
            let elderly = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-101-1").first())
            let entered = try await staff.post(
                "/needs/enter",
                ["resident": elderly.code, "channel": "paper", "text": "楼道扶手松了，老人上下楼不安全", "category": "ageing"])
            #expect(
                entered.status == .ok && entered.text.contains(NeedText.entered.text(.zhHans)), "the form stays open")
            let need = try #require(
                try await Need.query(on: t.db).filter(\.$channel == "paper").filter(\.$resident.$id == elderly.id!)
                    .filter(\.$body == "楼道扶手松了，老人上下楼不安全").first())
            #expect(need.enteredByID != nil)
            // A resident of the next community is not found for them.
            let stranger = try #require(
                try await Resident.query(on: t.db).filter(\.$code =~ "R-BS01-C2-").first())
            let refused = try await staff.post(
                "/needs/enter", ["resident": stranger.code, "channel": "paper", "text": "x", "category": "other"])
            #expect(refused.status == .unprocessableEntity && refused.text.contains(NeedText.noResident.text(.zhHans)))
            // A safety matter: 15 points more, and back.
            let before = try #require(try await Need.find(need.id, on: t.db)).priority
            #expect(try await staff.post("/needs/\(need.id!)/safety", ["safety": "on"]).status == .seeOther)
            let marked = try #require(try await Need.find(need.id, on: t.db))
            #expect(marked.safety && abs(marked.priority - before - 15) < 1e-6)
            #expect(try await staff.post("/needs/\(need.id!)/safety", ["safety": "off"]).status == .seeOther)
            #expect(try await Need.find(need.id, on: t.db)?.safety == false)
            let someone = Browser(t.app)
            try await someone.signInResident()
            #expect(try await someone.post("/needs/\(need.id!)/safety", ["safety": "on"]).status == .forbidden)
            // Sorting: a decline needs a reason, which the resident sees.
            #expect(
                try await staff.post("/needs/\(need.id!)/triage", ["decision": "decline"]).status
                    == .unprocessableEntity)
            #expect(
                try await staff.post("/needs/\(need.id!)/triage", ["decision": "decline", "reason": "已由物业修好"]).status
                    == .seeOther)
            #expect(try await Need.find(need.id, on: t.db)?.status == .declined)
            #expect(try await staff.get("/needs/\(need.id!)").text.contains("已由物业修好"))
            // Another community's staff may not sort it, nor a resident.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/needs/\(need.id!)/triage", ["decision": "accept"]).status == .forbidden)
            // The community's ranked list.
            let c = try await community(t)
            let list = try await staff.get("/territory/\(c.id!)/needs")
            #expect(list.status == .ok && list.text.contains(need.title))
            let next = try await community(t, "BS01-C2")
            let resident = someone
            #expect(try await resident.get("/territory/\(next.id!)/needs").status == .forbidden, "not their community")
        }
    }

    @Test func badInputIsRefusedInTheUsersLanguageAndStoresNothing() async throws {
        try await withYishi(demo: true) { t in
            let r = Browser(t.app)
            try await r.signInResident()
            let next = try await community(t, "BS01-C2")
            let before = try await Need.query(on: t.db).count()
            for (form, field) in [
                (["text": "", "category": "lighting"], FieldText.requiredText.text(.zhHans)),
                (["text": String(repeating: "长", count: 501), "category": "lighting"], "500"),
                (["text": "路灯", "category": "castle"], FieldText.requiredText.text(.zhHans)),
                (
                    ["text": "路灯坏了", "category": "lighting", "place": next.id!.uuidString],
                    NeedText.placeOutside.text(.zhHans)
                ),
            ] {
                let res = try await r.post("/needs", form.merging(["confirmed": "1"]) { a, _ in a })
                #expect(res.status == .unprocessableEntity, "\(form)")
                #expect(res.text.contains(field), "\(form)")
            }
            #expect(try await Need.query(on: t.db).count() == before)
            // Nobody signed in, and an unverified resident, may not raise.
            #expect(
                try await Browser(t.app).post("/needs", ["text": "x", "category": "other"]).status == .unauthorized)
            let stranger = Browser(t.app)
            try await stranger.signInResident("13911112222")
            #expect(
                try await stranger.post("/needs", ["text": "x", "category": "other", "confirmed": "1"]).status
                    == .forbidden)
            #expect(try await Need.query(on: t.db).count() == before)
        }
    }
}

@Suite("Needs: the API")
struct NeedsAPITests {
    @Test func raiseSupportListAndSimilarThroughTheAPI() async throws {
        try await withYishi(demo: true) { t in
            let before = try await Need.query(on: t.db).count()
            let r = Browser(t.app)
            try await r.signInResident()
            let made = try await r.json(.POST, "/api/v1/needs", #"{"text": "希望在9号楼旁边放几张长椅", "category": "休憩座椅"}"#)
            #expect(made.status == .created)
            let need = try made.decode(DTO.Need.self)
            #expect(need.category == "seating" && need.score.households == 1 && need.channel == "online")
            #expect(try await r.json(.POST, "/api/v1/needs/\(need.id)/supports", "{}").status == .conflict)
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let neighbour = try #require(
                try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            let supported = try await staff.json(
                .POST, "/api/v1/needs/\(need.id)/supports",
                #"{"onBehalfOf": {"resident": "\#(neighbour.code)"}, "channel": "visit"}"#)
            #expect(supported.status == .created)
            #expect(try supported.decode(DTO.Need.self).score.households == 2)
            let other = try await staff.json(
                .POST, "/api/v1/needs",
                #"{"text": "小区北门的门禁坏了", "category": "safety", "node": "BS01-C1-X1", "onBehalfOf": {"resident": "\#(neighbour.code)"}, "channel": "paper"}"#
            )
            #expect(other.status == .created)
            #expect(try other.decode(DTO.Need.self).node == "BS01-C1-X1")
            let list = try await staff.json(.GET, "/api/v1/needs?node=BS01-C1&sort=priority")
            let ranked = try list.decode([DTO.Need].self)
            #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.score.priority >= $1.score.priority }, "ranked")
            #expect(ranked.contains { $0.id == need.id && $0.score.households == 2 })
            let similar = try await r.json(.GET, "/api/v1/needs/\(other.decode(DTO.Need.self).id)/similar")
            #expect(similar.status == .ok)
            // Bad input: an unknown category, a node of another community, a bad channel.
            #expect(
                try await r.json(.POST, "/api/v1/needs", #"{"text": "x", "category": "castle"}"#).status
                    == .unprocessableEntity)
            #expect(
                try await r.json(.POST, "/api/v1/needs", #"{"text": "x", "category": "other", "node": "BS01-C2"}"#)
                    .status
                    == .unprocessableEntity)
            #expect(
                try await staff.json(
                    .POST, "/api/v1/needs",
                    #"{"text": "x", "category": "other", "onBehalfOf": {"resident": "\#(neighbour.code)"}, "channel": "carrier-pigeon"}"#
                ).status == .unprocessableEntity)
            #expect(try await Need.query(on: t.db).count() == before + 2)
        }
    }
}

@Suite("Needs: participation counted, offline included")
struct NeedStatsTests {
    @Test func theCommunityPageCountsHouseholdsByChannelAndWhatStaffEntered() async throws {
        try await withYishi(demo: true) { t in
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let stats = try await NeedStats.load(community: community.id!, on: t.db)
            let supports = try await NeedSupport.query(on: t.db).join(
                Need.self, on: \NeedSupport.$need.$id == \Need.$id
            )
            .filter(Need.self, \.$community.$id == community.id!).all()
            #expect(stats.supports == supports.count && stats.supports > 0)
            #expect(stats.households == Set(supports.map(\.householdID)).count)
            #expect(stats.enteredByStaff == supports.filter { $0.enteredByID != nil }.count)
            #expect(stats.lines.contains { $0.channel == .paper } && stats.lines.contains { $0.channel == .online })
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let page = try await staff.get("/territory/\(community.id!)")
            #expect(page.text.contains(NeedText.statsTitle.text(.zhHans)))
            #expect(page.text.contains("\(stats.households) 户提出或支持了需求"))
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(
                try await resident.get("/territory/\(community.id!)").text.contains(NeedText.statsTitle.text(.zhHans)))
        }
    }
}

@Suite("Needs: joining duplicates")
struct NeedMergeTests {
    @Test func joiningCountsEachHouseholdOnceAndSeparatingRestoresBoth() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let people = try await Resident.query(on: t.db).filter(\.$code =~ "R-BS01-C1-X1-B").sort(\.$code).limit(3)
                .all()
            #expect(people.count == 3)
            func enter(_ who: Resident, _ text: String) async throws -> Need {
                _ = try await staff.post(
                    "/needs/enter", ["resident": who.code, "channel": "visit", "text": text, "category": "seating"])
                return try #require(
                    try await Need.query(on: t.db).filter(\.$body == text).filter(\.$resident.$id == who.id!).first())
            }
            let a = try await enter(people[0], "希望在12号楼旁的花坛边放几张长椅")
            let b = try await enter(people[1], "12号楼花坛边加几张座椅吧")
            // The same household supporting both counts once after the join.
            _ = try await staff.post("/needs/\(b.id!)/supports", ["resident": people[0].code, "channel": "phone"])
            let page = try await staff.get("/needs/\(a.id!)")
            #expect(page.text.contains(NeedText.duplicatesTitle.text(.zhHans)) && page.text.contains(b.title))
            #expect(try await staff.post("/needs/\(a.id!)/merge", ["other": b.id!.uuidString]).status == .seeOther)
            let joined = try #require(try await Need.find(a.id, on: t.db))
            let households = Set([people[0], people[1]].compactMap { $0.$household.id }).count
            #expect(joined.households == households, "each household once")
            let source = try #require(try await Need.find(b.id, on: t.db))
            #expect(source.status == .merged && source.$mergedInto.id == a.id)
            let c = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            #expect(!(try await staff.get("/territory/\(c.id!)/needs")).text.contains(b.title), "off the list")
            #expect(
                try await staff.post("/needs/\(a.id!)/merge", ["other": b.id!.uuidString]).status
                    == .unprocessableEntity)
            // Separated again: both as they were.
            #expect(try await staff.post("/needs/\(b.id!)/unmerge").status == .seeOther)
            #expect(try await Need.find(b.id, on: t.db)?.status == .new)
            #expect(try await Need.find(a.id, on: t.db)?.households == 1)
            // "Not the same" is remembered.
            #expect(try await staff.post("/needs/\(a.id!)/distinct", ["other": b.id!.uuidString]).status == .seeOther)
            let after = try await staff.get("/needs/\(a.id!)")
            #expect(!after.text.contains(b.title), "no longer offered")
            // Another community's staff may not join them.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/needs/\(a.id!)/merge", ["other": b.id!.uuidString]).status == .forbidden)
            for action in [AuditAction.needMerge, .needUnmerge, .needDistinct] {
                #expect(try await AuditEntry.query(on: t.db).filter(\.$action == action.rawValue).count() == 1)
            }
        }
    }
}

@Suite("Needs: two identical requests at once")
struct NeedConcurrencyTests {
    @Test func twoMeTooAtOnceCountOnceAndNeitherIsA500() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).join(TerritoryNode.self, on: \Need.$community.$id == \TerritoryNode.$id)
                    .filter(TerritoryNode.self, \.$code == "BS01-C1").filter(\.$status ~~ [.new, .accepted]).first())
            let supported = try await NeedSupport.query(on: t.db).filter(\.$need.$id == need.id!).all().map {
                $0.$resident.id
            }
            let fresh = try #require(
                try await Resident.query(on: t.db).filter(\.$code =~ "R-BS01-C1-").filter(\.$id !~ supported).first())
            let before = try #require(try await Need.find(need.id, on: t.db)).households
            async let a = staff.post("/needs/\(need.id!)/supports", ["resident": fresh.code, "channel": "visit"])
            async let b = staff.post("/needs/\(need.id!)/supports", ["resident": fresh.code, "channel": "visit"])
            let statuses = [try await a.status, try await b.status].sorted { $0.code < $1.code }
            #expect(statuses == [.seeOther, .conflict], "one counted, the other told it is there already")
            let supports = try await NeedSupport.query(on: t.db).filter(\.$need.$id == need.id!)
                .filter(\.$resident.$id == fresh.id!).count()
            #expect(supports == 1)
            let after = try #require(try await Need.find(need.id, on: t.db)).households
            #expect(after <= before + 1)
        }
    }
}
