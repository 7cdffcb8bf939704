import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The planners' chain on pages, as each role does it (issue 20): a resident applies, the
/// subdistrict decides and appoints (the district may not appoint a subdistrict's planner), the
/// certificate prints, the district pairs the unpaired subdistrict from the board, the subdistrict
/// confirms service and ends a pairing, the district reviews, and a resident rates once.
@Suite("Planners: the forms")
struct PlannerFormsTests {
    static func district(_ t: TestContext) async throws -> TerritoryNode {
        try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first())
    }

    @Test func aResidentAppliesIsDecidedAppointedPrintedAndPaired() async throws {
        try await withYishi(demo: true) { t in
            let district = try await Self.district(t)
            let subs = try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == district.id!).sort(\.$code).all()
            let first = subs[0]
            let luojing = try #require(subs.first { $0.name == "罗泾镇" })
            let resident = Browser(t.app)
            try await resident.signInResident()
            let form = try await resident.get(Site.Pattern.plannerJoin)
            #expect(form.status == .ok && form.body.string.contains("name=\"statement\""))
            #expect(!form.body.string.contains("name=\"source\""))  // staff only
            let before = try await Planner.query(on: t.db).count()
            var fields = [
                "name": "陈思远", "organisation": "同济大学", "background": "planning", "tier": "subdistrict",
                "scope": first.id!.uuidString, "phone": "13912345678", "socialWork[]": "yes",
            ]
            let missing = try await resident.post(Site.Pattern.plannerJoin, fields)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("field-statement") && missing.body.string.contains("同济大学"))
            #expect(try await Planner.query(on: t.db).count() == before)
            fields["statement"] = "想帮老小区做好加装电梯的协商。"
            let sent = try await resident.post(Site.Pattern.plannerJoin, fields)
            #expect(sent.status == .seeOther)
            let p = try #require(try await Planner.query(on: t.db).filter(\.$name == "陈思远").first())
            #expect(p.source == .selfNominated && p.status == .candidate && p.socialWorkCertificate)
            #expect(sent.headers.first(name: .location) == Site.planner(p.id!, notice: PlannerFormText.joined.key))
            let a = try #require(try await PlannerApplication.query(on: t.db).filter(\.$planner.$id == p.id!).first())
            // The same account applies once.
            #expect(try await resident.post(Site.Pattern.plannerJoin, fields).status == .conflict)

            // The subdistrict decides: declining needs a reason, nothing changes without it.
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let queue = try await sub.get(Site.Pattern.plannerQueue)
            #expect(queue.status == .ok && queue.body.string.contains("陈思远"))
            let bare = try await sub.post(Site.plannerDecision(a.id!), ["decision": "decline"])
            #expect(bare.status == .unprocessableEntity)
            #expect(try await PlannerApplication.find(a.id, on: t.db)?.status == .pending)
            #expect(try await sub.post(Site.plannerDecision(a.id!), ["decision": "approve"]).status == .seeOther)
            #expect(try await PlannerApplication.find(a.id, on: t.db)?.status == .approved)
            #expect(try await sub.post(Site.plannerDecision(a.id!), ["decision": "approve"]).status == .conflict)

            // The district may not appoint a subdistrict's planner; the subdistrict does.
            let dist = Browser(t.app)
            try await dist.signIn("baoshan")
            let distQueue = try await dist.get(Site.Pattern.plannerQueue)
            #expect(
                distQueue.body.string.contains("陈思远")
                    && !distQueue.body.string.contains(Site.plannerAppointments(p.id!)))
            let today = CalendarDay(t.app.effects.time.now()).description
            let appointFields = ["application": a.id!.uuidString, "startsOn": today]
            #expect(try await dist.post(Site.plannerAppointments(p.id!), appointFields).status == .forbidden)
            #expect(try await sub.get(Site.Pattern.plannerQueue).body.string.contains(Site.plannerAppointments(p.id!)))
            let badDay = try await sub.post(
                Site.plannerAppointments(p.id!), ["application": a.id!.uuidString, "startsOn": "2026-02-30"])
            #expect(badDay.status == .unprocessableEntity)
            #expect(try await sub.post(Site.plannerAppointments(p.id!), appointFields).status == .seeOther)
            let made = try #require(
                try await PlannerAppointmentRow.query(on: t.db).filter(\.$planner.$id == p.id!).first())
            #expect(made.tier == .subdistrict && made.startsOn == today && made.applicationID == a.id)
            // The resident's account holds no planner role: the keepers are told to ask for it.
            #expect(
                try await sub.get(Site.planner(p.id!)).body.string.contains(PlannerPageText.needsRole.text(.zhHans)))
            let zhou = try #require(try await Planner.query(on: t.db).filter(\.$name == "周文杰").first())
            #expect(
                !(try await sub.get(Site.planner(zhou.id!)).body.string.contains(
                    PlannerPageText.needsRole.text(.zhHans))))
            // Appointed once: the queue no longer offers it, and a second one overlaps.
            #expect(!(try await sub.get(Site.Pattern.plannerQueue).body.string.contains("陈思远")))
            #expect(try await sub.post(Site.plannerAppointments(p.id!), appointFields).status == .conflict)
            // The applicant sees the outcome and prints the certificate.
            let own = try await resident.get(Site.planner(p.id!))
            #expect(own.status == .ok && own.body.string.contains(made.certificate))
            #expect(try await resident.get(Site.plannerCertificate(made.id!)).status == .ok)

            // The board sends the district to the pool to pair 罗泾镇, its one gap.
            let board = try await dist.get(Site.Pattern.planners)
            #expect(board.body.string.contains("place=\(luojing.id!.uuidString)"))
            let pool = try await dist.get(Site.plannerPool(district: district.id!, place: luojing.id!))
            #expect(pool.status == .ok && pool.body.string.contains("陈思远"))
            // 友谊路's staff may not pair with 罗泾镇.
            #expect(
                try await sub.post(Site.plannerPairings(p.id!), ["node": luojing.id!.uuidString]).status == .forbidden)
            let paired = try await dist.post(
                Site.plannerPairings(p.id!), ["node": luojing.id!.uuidString, "back": "board"])
            #expect(paired.status == .seeOther)
            #expect(try await dist.get(Site.Pattern.planners).body.string.contains("12 / 12"))
            #expect(
                try await dist.post(Site.plannerPairings(p.id!), ["node": luojing.id!.uuidString]).status == .conflict)

            // Ending the pairing needs a reason; with one, the gap is back.
            let pairing = try #require(
                try await PlannerPairingRow.query(on: t.db).filter(\.$planner.$id == p.id!).first())
            #expect(try await dist.post(Site.plannerPairingEnd(pairing.id!), [:]).status == .unprocessableEntity)
            #expect(
                try await dist.post(Site.plannerPairingEnd(pairing.id!), ["reason": "改由本镇规划师结对"]).status
                    == .seeOther)
            #expect(try await dist.get(Site.Pattern.planners).body.string.contains("11 / 12"))
        }
    }

    /// A later term in the same tier is a renewal: refused without a project in the term before, or
    /// without a passed review; allowed with both. Near a term's end the keepers see which it is.
    @Test func renewalNeedsAProjectAndAPassedReview() async throws {
        try await withYishi(demo: true) { t in
            let platform = t.app.caller(.platform, auditActor: .system)
            let sql = t.db as! any SQLDatabase
            let today = CalendarDay(t.app.effects.time.now())
            func endTerms(of name: String) async throws -> (Planner, PlannerAppointmentRow) {
                let p = try #require(try await Planner.query(on: t.db).filter(\.$name == name).first())
                try await sql.raw(
                    """
                    UPDATE planner_appointments SET starts_on = \(bind: today.adding(days: -700).description),
                      ends_on = \(bind: today.adding(days: -1).description) WHERE planner_id = \(bind: p.id!)
                    """
                ).run()
                let a = try #require(
                    try await PlannerAppointmentRow.query(on: t.db).filter(\.$planner.$id == p.id!).first())
                return (p, a)
            }
            // 胡蓉 worked on no project: not renewable, and nothing is written.
            let (hu, huTerm) = try await endTerms(of: "胡蓉")
            let before = try await PlannerAppointmentRow.query(on: t.db).count()
            do {
                _ = try await Planners.appoint(
                    hu.id, .init(tier: "subdistrict", scope: huTerm.$scope.id, startsOn: today.description),
                    by: platform)
                Issue.record("renewed without a project")
            } catch YishiError.invalid(let fields) {
                #expect(fields["startsOn"] == PlannerText.notRenewableProject.key)
            }
            #expect(try await PlannerAppointmentRow.query(on: t.db).count() == before)
            // 周文杰 worked on the garden and passed this year's review: renewed.
            let (zhou, zhouTerm) = try await endTerms(of: "周文杰")
            let renewed = try await Planners.appoint(
                zhou.id, .init(tier: "subdistrict", scope: zhouTerm.$scope.id, startsOn: today.description),
                by: platform)
            #expect(renewed.startsOn == today.description && renewed.certificate != zhouTerm.certificate)
            // A failed last review stops a renewal too.
            try await sql.raw("UPDATE planner_reviews SET passed = \(bind: false) WHERE planner_id = \(bind: zhou.id!)")
                .run()
            #expect(try await Planners.renewal(of: zhouTerm, on: t.db) == .reviewNotPassed)
            // Near the end of a term, the keepers see whether it may be renewed.
            try await sql.raw(
                "UPDATE planner_appointments SET ends_on = \(bind: today.adding(days: 20).description) WHERE id = \(bind: renewed.id!)"
            ).run()
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let page = try await sub.get(Site.planner(zhou.id!))
            #expect(page.body.string.contains(PlannerText.notRenewableProject.text(.zhHans)))
        }
    }

    @Test func serviceIsConfirmedTheYearReviewedAndAProjectRatedOnce() async throws {
        try await withYishi(demo: true) { t in
            let mine = try #require(try await Planner.query(on: t.db).filter(\.$name == "周文杰").first())
            let other = try #require(try await Planner.query(on: t.db).filter(\.$name == "胡蓉").first())
            // The planner logs; the subdistrict confirms from the planner's page, once.
            let me = Browser(t.app)
            try await me.signIn("planner")
            #expect(
                try await me.post(Site.Pattern.plannerLog, ["kind": "visit", "day": "2026-11-18", "hours": "2"]).status
                    == .seeOther)
            let entry = try #require(
                try await PlannerServiceEntry.query(on: t.db).filter(\.$planner.$id == mine.id!)
                    .filter(\.$confirmedAt == nil).first())
            #expect(!(try await me.get(Site.planner(mine.id!)).body.string.contains(Site.plannerConfirm(entry.id!))))
            // A meeting of another district is not one to log work against.
            let elsewhere = try TerritoryNode(level: .district, parent: nil, code: "ZZ", name: "别的区")
            try await elsewhere.create(on: t.db)
            let foreign = Meeting()
            (foreign.$node.id, foreign.kind, foreign.title, foreign.agenda) = (
                elsewhere.id!, .caseConference, "别处", "别处"
            )
            (foreign.venue, foreign.startsAt, foreign.code) = ("别处", t.app.effects.time.now(), "ZZ0000")
            try await foreign.create(on: t.db)
            let entries = try await PlannerServiceEntry.query(on: t.db).count()
            let refused = try await me.post(
                Site.Pattern.plannerLog,
                ["kind": "consultation", "day": "2026-11-18", "hours": "1", "meeting": foreign.id!.uuidString])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await PlannerServiceEntry.query(on: t.db).count() == entries)
            #expect(try await me.post(Site.plannerConfirm(entry.id!)).status == .forbidden)
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            #expect(try await sub.get(Site.planner(mine.id!)).body.string.contains(Site.plannerConfirm(entry.id!)))
            #expect(try await sub.post(Site.plannerConfirm(entry.id!)).status == .seeOther)
            #expect(try await PlannerServiceEntry.find(entry.id, on: t.db)?.confirmedAt != nil)
            #expect(try await sub.post(Site.plannerConfirm(entry.id!)).status == .conflict)

            // The district reviews another planner's year with the platform's figures in front of it.
            let dist = Browser(t.app)
            try await dist.signIn("baoshan")
            let year = CalendarDay(t.app.effects.time.now()).year
            let formPage = try await dist.get(Site.plannerReview(other.id!, year: year))
            #expect(formPage.status == .ok && formPage.body.string.contains("name=\"score_feedback\""))
            // A planner does not review themself.
            #expect(try await me.get(Site.plannerReview(mine.id!, year: year)).status == .forbidden)
            let low = [
                "year": String(year), "score_effectiveness": "40", "score_hours": "50", "score_attitude": "60",
                "score_feedback": "50",
            ]
            let noReason = try await dist.post(Site.plannerReview(other.id!, year: nil), low)
            #expect(noReason.status == .unprocessableEntity && noReason.body.string.contains("field-reasons"))
            var missing = low
            missing["score_hours"] = ""
            #expect(
                try await dist.post(Site.plannerReview(other.id!, year: nil), missing).status == .unprocessableEntity)
            #expect(try await PlannerReviewRow.query(on: t.db).filter(\.$planner.$id == other.id!).count() == 0)
            var good = low
            (good["score_effectiveness"], good["score_hours"], good["score_attitude"], good["score_feedback"]) =
                ("85", "90", "88", "80")
            good["reviewers"] = "宝山区规划资源局 王工\n罗店镇 张敏"
            #expect(try await dist.post(Site.plannerReview(other.id!, year: nil), good).status == .seeOther)
            let row = try #require(
                try await PlannerReviewRow.query(on: t.db).filter(\.$planner.$id == other.id!).first())
            #expect(row.passed && row.year == year && row.reviewers.contains("张敏"))
            #expect(try await dist.post(Site.plannerReview(other.id!, year: nil), good).status == .conflict)
            #expect(
                try await dist.get(Site.plannerReview(other.id!, year: year)).body.string.contains("score_") == false)

            // A resident rates the garden's planner once; the project's page leads there.
            let garden = try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").first())
            try await PlannerRating.query(on: t.db).delete()
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.get(Site.project(garden.id!)).body.string.contains(Site.plannerRate(garden.id!)))
            let page = try await resident.get(Site.plannerRate(garden.id!))
            #expect(
                page.status == .ok && page.body.string.contains("周文杰") && page.body.string.contains("name=\"stars\""))
            let noStars = try await resident.post(Site.plannerRate(garden.id!), ["planner": mine.id!.uuidString])
            #expect(noStars.status == .unprocessableEntity)
            #expect(try await PlannerRating.query(on: t.db).count() == 0)
            let rated = try await resident.post(
                Site.plannerRate(garden.id!), ["planner": mine.id!.uuidString, "stars": "4", "comment": "很耐心"])
            #expect(rated.status == .seeOther)
            #expect(try await PlannerRating.query(on: t.db).count() == 1)
            #expect(
                try await resident.post(Site.plannerRate(garden.id!), ["planner": mine.id!.uuidString, "stars": "5"])
                    .status == .conflict)
            #expect(
                try await resident.get(Site.plannerRate(garden.id!)).body.string.contains("name=\"stars\"") == false)
            // Staff may read the page but not rate.
            #expect(
                try await sub.post(Site.plannerRate(garden.id!), ["planner": mine.id!.uuidString, "stars": "5"]).status
                    == .forbidden)
        }
    }
}
