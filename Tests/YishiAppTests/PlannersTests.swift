import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Community planners through the API (issue 20): the rules' versions and their lapse, joining the
/// pool, appointment by the tier's authority only, terms that never overlap, pairing and the
/// district's gaps, the service log, one rating per resident and project, and the annual review.
@Suite("Planners: the pool, appointments, pairing, service, ratings, review")
struct PlannersTests {
    struct Places {
        var district: TerritoryNode
        var sub: TerritoryNode
        var community: TerritoryNode
    }

    /// The demo tells Baoshan's "1+12+X" (`PlannersDemo`); these tests start from an empty pool.
    static func emptyPool(_ t: TestContext) async throws {
        for table in [
            "diagnosis_reports", "planner_honours", "planner_reviews", "planner_ratings", "planner_service",
            "planner_pairings",
            "planner_appointments", "planner_applications", "planners", "planner_rules",
        ] {
            try await (t.db as! any SQLDatabase).raw("DELETE FROM \(unsafeRaw: table)").run()
        }
    }

    static func places(_ t: TestContext) async throws -> Places {
        try await emptyPool(t)
        let district = try #require(
            try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first())
        let sub = try #require(
            try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == district.id!).filter(
                \.$level == .subdistrict
            )
            .sort(\.$code).first())
        let community = try #require(
            try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == sub.id!).sort(\.$code).first())
        return Places(district: district, sub: sub, community: community)
    }

    static let v1 =
        #"{"title": "宝山区社区规划师制度实施办法（试行）宝规划资源〔2024〕2号", "validFrom": "2024-09-10", "validUntil": "2026-09-09"}"#

    @Test func aPlannerRunsFromThePoolToTheirReview() async throws {
        try await withYishi(demo: true) { t in
            let p = try await Self.places(t)
            let district = Browser(t.app)
            try await district.signIn("baoshan")
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let today = CalendarDay(t.app.effects.time.now())

            // The rules: version 1 is seed 001, which lapsed on 2026-09-09.
            #expect(try await sub.json(.POST, "/api/v1/planner-rules/\(p.district.id!)", Self.v1).status == .forbidden)
            let r1 = try await district.json(.POST, "/api/v1/planner-rules/\(p.district.id!)", Self.v1)
            #expect(r1.status == .created, "\(r1.text)")
            #expect(
                try await district.json(.POST, "/api/v1/planner-rules/\(p.district.id!)", Self.v1).status
                    == .unprocessableEntity)

            // The subdistrict recommends a planner.
            let made = try await sub.json(
                .POST, "/api/v1/planners",
                #"{"name": "周文杰", "organisation": "同济大学", "background": "planning", "tier": "subdistrict", "scope": "\#(p.sub.code)", "statement": "十年社区更新经验。", "source": "recommended", "phone": "13912345678"}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let planner = try made.decode(DTO.PlannerOut.self)
            #expect(planner.status == "candidate" && planner.phone == "13912345678")
            let base = "/api/v1/planners/\(planner.id)"
            let appoint = #"{"tier": "subdistrict", "scope": "\#(p.sub.code)", "startsOn": "\#(today)"}"#
            // No rules in force today: the district renews them first.
            let lapsed = try await sub.json(.POST, "\(base)/appointments", appoint)
            #expect(lapsed.status == .unprocessableEntity, "\(lapsed.text)")
            #expect(
                lapsed.text.contains(PlannerText.noRulesInForce.text(.zhHans))
                    || lapsed.text.contains(PlannerText.noRulesInForce.text(.en)), "\(lapsed.text)")
            let v2 =
                #"{"title": "宝山区社区规划师制度实施办法（2026年修订）", "validFrom": "2026-09-10", "termYears": 3, "weights": {"effectiveness": 40, "hours": 20, "attitude": 20, "feedback": 20}}"#
            #expect(try await district.json(.POST, "/api/v1/planner-rules/\(p.district.id!)", v2).status == .created)
            let rules = try await district.json(.GET, "/api/v1/planner-rules/\(p.district.id!)")
            #expect(try rules.decode([DTO.PlannerRulesOut].self).map(\.version) == [1, 2])
            // The district does not appoint a subdistrict's planner; a committee does not either.
            #expect(try await district.json(.POST, "\(base)/appointments", appoint).status == .forbidden)
            let committee = Browser(t.app)
            try await committee.signIn("baolin1")
            #expect(try await committee.json(.POST, "\(base)/appointments", appoint).status == .forbidden)
            let a = try await sub.json(.POST, "\(base)/appointments", appoint)
            #expect(a.status == .created, "\(a.text)")
            let appointment = try a.decode(DTO.PlannerAppointmentOut.self)
            #expect(appointment.rulesVersion == 2)
            #expect(appointment.endsOn == today.adding(years: 3).adding(days: -1).description)
            #expect(appointment.certificate == "\(DemoDistrict.districtCode)-\(today.year)-12-0001")
            // An overlapping term in the same tier: 409, nothing written.
            #expect(try await sub.json(.POST, "\(base)/appointments", appoint).status == .conflict)
            #expect(try await PlannerAppointmentRow.query(on: t.db).count() == 1)

            // Pairing, and the district's page of gaps.
            let paired = try await sub.json(.POST, "\(base)/pairings", #"{"node": "\#(p.sub.code)"}"#)
            #expect(paired.status == .created, "\(paired.text)")
            #expect(try await sub.json(.POST, "\(base)/pairings", #"{"node": "\#(p.sub.code)"}"#).status == .conflict)
            let board = try await district.json(.GET, "/api/v1/planner-pairing/\(p.district.id!)")
            let b = try board.decode(DTO.PairingBoardOut.self)
            #expect(b.subdistricts == 12 && b.paired == 1 && b.unpaired.count == 11 && !b.unpaired.contains(p.sub.code))

            // The ended pairing shows the gap again.
            let pairing = try paired.decode(DTO.PlannerPairingOut.self)
            #expect(
                try await sub.json(.POST, "/api/v1/planner-pairings/\(pairing.id)/end", #"{"reason": ""}"#).status
                    == .unprocessableEntity)
            #expect(
                try await sub.json(.POST, "/api/v1/planner-pairings/\(pairing.id)/end", #"{"reason": "调任"}"#).status
                    == .noContent)
            let after = try await district.json(.GET, "/api/v1/planner-pairing/\(p.district.id!)")
            #expect(try after.decode(DTO.PairingBoardOut.self).unpaired.count == 12)
        }
    }

    @Test func aPlannerLogsServiceIsRatedOnceAndReviewed() async throws {
        try await withYishi(demo: true) { t in
            let p = try await Self.places(t)
            let district = Browser(t.app)
            try await district.signIn("baoshan")
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let today = CalendarDay(t.app.effects.time.now())
            let v2 = #"{"title": "宝山区社区规划师制度实施办法（2026年修订）", "validFrom": "2026-09-10"}"#
            #expect(try await district.json(.POST, "/api/v1/planner-rules/\(p.district.id!)", v2).status == .created)

            // The demo's planner nominates themself (once), is approved and appointed.
            let me = Browser(t.app)
            try await me.signIn("planner")
            let body =
                #"{"name": "周文杰", "organisation": "同济大学", "background": "architecture", "tier": "subdistrict", "scope": "\#(p.sub.code)", "statement": "愿意为友谊路服务。"}"#
            let made = try await me.json(.POST, "/api/v1/planners", body)
            #expect(made.status == .created, "\(made.text)")
            #expect(try await me.json(.POST, "/api/v1/planners", body).status == .conflict)
            let planner = try made.decode(DTO.PlannerOut.self)
            let application = try #require(planner.application)
            // Logging before an appointment: 409.
            let entry = #"{"kind": "visit", "day": "\#(today)", "hours": 2.5, "node": "\#(p.community.code)"}"#
            #expect(try await me.json(.POST, "/api/v1/planner-service", entry).status == .conflict)
            let decided = try await sub.json(
                .POST, "/api/v1/planner-applications/\(application)/decision", #"{"approve": true}"#)
            #expect(decided.status == .ok, "\(decided.text)")
            #expect(
                try await sub.json(
                    .POST, "/api/v1/planner-applications/\(application)/decision", #"{"approve": false, "reason": "x"}"#
                ).status == .conflict)
            #expect(
                try await sub.json(
                    .POST, "/api/v1/planners/\(planner.id)/appointments",
                    #"{"tier": "subdistrict", "scope": "\#(p.sub.code)", "startsOn": "\#(today)", "application": "\#(application)"}"#
                ).status == .created)

            // Service from the phone: bad hours and a future day change nothing.
            let logged = try await me.json(.POST, "/api/v1/planner-service", entry)
            #expect(logged.status == .created, "\(logged.text)")
            #expect(
                try await me.json(
                    .POST, "/api/v1/planner-service", #"{"kind": "visit", "day": "\#(today)", "hours": 0.3}"#
                ).status == .unprocessableEntity)
            #expect(
                try await me.json(
                    .POST, "/api/v1/planner-service",
                    #"{"kind": "visit", "day": "\#(today.adding(days: 1))", "hours": 1}"#
                ).status == .unprocessableEntity)
            // Another account cannot log as a planner.
            #expect(try await sub.json(.POST, "/api/v1/planner-service", entry).status == .forbidden)
            let e = try logged.decode(DTO.ServiceOut.self)
            #expect(try await me.json(.POST, "/api/v1/planner-service/\(e.id)/confirm").status == .forbidden)
            #expect(try await sub.json(.POST, "/api/v1/planner-service/\(e.id)/confirm").status == .noContent)
            #expect(try await sub.json(.POST, "/api/v1/planner-service/\(e.id)/confirm").status == .conflict)

            // A project of the community the planner worked on; the demo resident rates once.
            let project = try #require(
                try await Project.query(on: t.db).filter(\.$node.$id == p.community.id!).first())
            #expect(
                try await me.json(
                    .POST, "/api/v1/planner-service",
                    #"{"kind": "project", "day": "\#(today)", "hours": 3, "project": "\#(project.id!)"}"#
                ).status == .created)
            let resident = Browser(t.app)
            try await resident.signInResident()
            let rate = "/api/v1/planners/\(planner.id)/ratings"
            #expect(
                try await resident.json(.POST, rate, #"{"project": "\#(project.id!)", "stars": 6}"#).status
                    == .unprocessableEntity)
            let rated = try await resident.json(
                .POST, rate, #"{"project": "\#(project.id!)", "stars": 5, "comment": "讲得很清楚"}"#)
            #expect(rated.status == .created, "\(rated.text)")
            #expect(
                try await resident.json(.POST, rate, #"{"project": "\#(project.id!)", "stars": 1}"#).status
                    == .conflict)
            #expect(try await PlannerRating.query(on: t.db).count() == 1)

            // The review: the facts prefilled, scored once; a fail needs reasons.
            let facts = try await district.json(.GET, "/api/v1/planners/\(planner.id)/reviews/\(today.year)/facts")
            #expect(facts.status == .ok, "\(facts.text)")
            let f = try facts.decode(DTO.ReviewFactsOut.self)
            #expect(f.hours == 5.5 && f.confirmedHours == 2.5 && f.entries == 2 && f.projects == 1 && f.ratings == 1)
            #expect(f.ratingMean == 5 && f.suggestedFeedback == 100)
            let review = "/api/v1/planners/\(planner.id)/reviews"
            #expect(
                try await me.json(
                    .POST, review,
                    #"{"year": \#(today.year), "scores": {"effectiveness": 90, "hours": 90, "attitude": 90, "feedback": 90}}"#
                ).status == .forbidden)
            let failing =
                #"{"year": \#(today.year), "scores": {"effectiveness": 30, "hours": 40, "attitude": 50, "feedback": 60}}"#
            #expect(try await district.json(.POST, review, failing).status == .unprocessableEntity)
            let passing =
                #"{"year": \#(today.year), "scores": {"effectiveness": 80, "hours": 60, "attitude": 90, "feedback": 100}, "reviewers": ["区规划资源局 王工", "友谊路街道 李敏"]}"#
            let done = try await district.json(.POST, review, passing)
            #expect(done.status == .created, "\(done.text)")
            let r = try done.decode(DTO.ReviewOut.self)
            // 80×40 + 60×20 + 90×20 + 100×20 = 8,200 → 82.
            #expect(r.total == 82 && r.passed && r.rulesVersion == 1)
            #expect(try await sub.json(.POST, review, passing).status == .conflict)
            // Renewable: a pass and a project in the term.
            let appointment = try #require(try await PlannerAppointmentRow.query(on: t.db).first())
            #expect(try await Planners.renewal(of: appointment, on: t.db) == nil)
        }
    }
}

/// The demo's "1+12+X" and the planners' pages as each role sees them.
@Suite("Planners: the demo and the pages")
struct PlannerPagesTests {
    @Test func theDemoHasBaoshansOnePlusTwelvePlusX() async throws {
        try await withYishi(demo: true) { t in
            let sql = t.db as! any SQLDatabase
            let tiers = try await sql.raw("SELECT tier, COUNT(*) AS n FROM planner_appointments GROUP BY tier").all()
                .reduce(into: [String: Int]()) {
                    $0[try $1.decode(column: "tier", as: String.self)] = try $1.decode(column: "n", as: Int.self)
                }
            #expect(tiers == ["districtExpert": 5, "subdistrict": 12, "area": 3])
            #expect(try await PlannerServiceEntry.query(on: t.db).count() == 51)
            #expect(try await PlannerRating.query(on: t.db).count() == 1)
            #expect(try await PlannerReviewRow.query(on: t.db).filter(\.$passed == true).count() == 1)
            #expect(
                try await Planners.rules(
                    of: try #require(
                        try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first()
                    ).id!, on: t.db
                ).map(\.version) == [1, 2])
            // Eleven subdistricts paired, one gap on the district's page.
            let district = Browser(t.app)
            try await district.signIn("baoshan")
            let page = try await district.send(.GET, "/planners")
            #expect(page.status == .ok)
            #expect(
                page.body.string.contains("罗泾镇") && page.body.string.contains(PlannerPageText.notPaired.text(.zhHans)))
            #expect(page.body.string.contains("11 / 12"))
        }
    }

    /// The board names the first few planners of a subdistrict (the appointed first) and says how
    /// many there are; the counting happens in the database.
    @Test func theBoardNamesTheFirstFewAndCountsAll() async throws {
        try await withYishi(demo: true) { t in
            let platform = t.app.caller(.platform, auditActor: .system)
            let district = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first())
            let first = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == district.id!).sort(\.$code).first())
            for expert in try await Planner.query(on: t.db).filter(\.$organisation != "社区居民").all()
            where try await PlannerPairingRow.query(on: t.db).filter(\.$planner.$id == expert.id!).count() == 0 {
                _ = try await Planners.pair(expert.id, node: first.id, by: platform)
            }
            let all = try await Planners.pairing(district.id, by: platform)
            let few = try await Planners.pairing(district.id, by: platform, first: 2)
            let row = try #require(few.rows.first { $0.subdistrict.id == first.id })
            let whole = try #require(all.rows.first { $0.subdistrict.id == first.id })
            #expect(whole.total == 6 && whole.planners.count == 6)
            #expect(row.total == 6 && row.planners.count == 2 && row.planners.allSatisfy { $0.tier != nil })
            #expect(few.coverage == all.coverage && few.coverage.paired == 11)
        }
    }

    @Test func eachRoleSeesWhatItMay() async throws {
        try await withYishi(demo: true) { t in
            let mine = try #require(try await Planner.query(on: t.db).filter(\.$name == "周文杰").first())
            let other = try #require(try await Planner.query(on: t.db).filter(\.$name == "胡蓉").first())
            // The planner lands on their own page, sees their own phone, and logs service.
            let me = Browser(t.app)
            try await me.signIn("planner")
            let landing = try await me.send(.GET, "/planners")
            #expect(landing.status == .seeOther && landing.headers.first(name: .location) == Site.planner(mine.id!))
            let own = try await me.send(.GET, Site.planner(mine.id!))
            #expect(own.status == .ok && own.body.string.contains("13910000001"))
            // Their certificate prints: the number, the term, the authority and the rules it rests on.
            let appointment = try #require(
                try await PlannerAppointmentRow.query(on: t.db).filter(\.$planner.$id == mine.id!).first())
            let sheet = try await me.send(.GET, Site.plannerCertificate(appointment.id!))
            #expect(sheet.status == .ok)
            #expect(sheet.body.string.contains(appointment.certificate) && sheet.body.string.contains("友谊路街道"))
            #expect(sheet.body.string.contains(PlannerRules.baoshan2024.title))
            // Another subdistrict's planner is not theirs to read.
            #expect(try await me.send(.GET, Site.planner(other.id!)).status == .forbidden)
            let form = try await me.send(.GET, Site.Pattern.plannerLog)
            #expect(form.status == .ok)
            let before = try await PlannerServiceEntry.query(on: t.db).count()
            let bad = try await me.post(
                Site.Pattern.plannerLog, ["kind": "visit", "day": "2026-11-18", "hours": "0.3"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await PlannerServiceEntry.query(on: t.db).count() == before)
            let ok = try await me.post(
                Site.Pattern.plannerLog, ["kind": "visit", "day": "2026-11-18", "hours": "1.5", "note": "走访"])
            #expect(ok.status == .seeOther)
            #expect(try await PlannerServiceEntry.query(on: t.db).count() == before + 1)
            // The subdistrict's staff see their planner with the whole phone; a resident sees no planner page.
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let seen = try await sub.send(.GET, Site.planner(mine.id!))
            #expect(seen.status == .ok && seen.body.string.contains("13910000001"))
            #expect(try await sub.send(.GET, Site.planner(other.id!)).status == .forbidden)
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.send(.GET, Site.planner(mine.id!)).status == .forbidden)
            #expect(try await resident.send(.GET, "/planners").status == .forbidden)
            #expect(try await resident.send(.GET, Site.plannerCertificate(appointment.id!)).status == .forbidden)
            #expect(try await Browser(t.app).send(.GET, "/planners").status != .ok)
        }
    }
}
