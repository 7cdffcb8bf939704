import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The diagnosis report, honours, case conferences, the rules' versions, the statistics and the
/// reminders (issue 20, second part), on pages and through the API, as each role may.
@Suite("Planners: the diagnosis and the rest")
struct DiagnosisTests {
    static func garden(_ t: TestContext) async throws -> Project {
        try #require(try await Project.query(on: t.db).filter(\.$title == "二号楼旁小花园改造").with(\.$node).first())
    }

    @Test func theDiagnosisProposesAProjectFromTheNeedsList() async throws {
        try await withYishi(demo: true) { t in
            let garden = try await Self.garden(t)
            let community = garden.node
            let v1 = try #require(
                try await DiagnosisReport.query(on: t.db).filter(\.$community.$id == community.id!).first())
            let proposed = try #require(v1.recommendations.first)
            #expect(v1.version == 1 && !proposed.needs.isEmpty && v1.$planner.id != nil)
            let snapshot = try #require(v1.snapshot)
            #expect(snapshot.population.residents > 0 && snapshot.population.households > 0)
            #expect(snapshot.needsTotal > 0 && !snapshot.compounds.isEmpty)

            let me = Browser(t.app)
            try await me.signIn("planner")
            #expect(try await me.get(Site.Pattern.diagnoses).body.string.contains(Site.diagnosis(community.id!)))
            let page = try await me.get(Site.diagnosis(community.id!))
            #expect(page.status == .ok && page.body.string.contains(proposed.title))
            // The planner may not open projects; the subdistrict's staff may, from the recommendation.
            #expect(!page.body.string.contains(Site.newProject + "?"))
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let staffPage = try await sub.get(Site.diagnosis(community.id!))
            let link = Site.newProject(
                node: community.id!, title: proposed.title, description: proposed.text, needs: proposed.needs)
            #expect(staffPage.body.string.contains(link.replacingOccurrences(of: "&", with: "&amp;")))
            let form = try await sub.get(link)
            let titleField = form.body.string.components(separatedBy: "name=\"title\"").dropFirst().first?.prefix(80)
            #expect(
                form.status == .ok && form.body.string.contains("value=\"\(proposed.title)\""), "\(titleField ?? "")")
            #expect(form.body.string.contains("value=\"\(proposed.needs[0].uuidString)\" checked"))
            // A resident reads no diagnosis.
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.get(Site.diagnosis(community.id!)).status == .forbidden)

            // A new version: a recommendation without a title is refused and nothing is written.
            let before = try await DiagnosisReport.query(on: t.db).count()
            let bad = try await me.post(
                Site.diagnosisNew(community.id!),
                fields: [("history", "老新村"), ("rec0_title", ""), ("rec0_needs[]", proposed.needs[0].uuidString)])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await DiagnosisReport.query(on: t.db).count() == before)
            let ok = try await me.post(
                Site.diagnosisNew(community.id!),
                fields: [
                    ("history", "老新村，1985 年建成"), ("resources", "活动室"), ("rec0_title", "加装电梯先行"),
                    ("rec0_text", "两栋楼先试点"), ("rec0_needs[]", proposed.needs[0].uuidString),
                ])
            #expect(ok.status == .seeOther)
            let versions = try await Diagnoses.versions(of: community.id!, on: t.db)
            #expect(versions.map(\.version) == [2, 1] && versions[0].recommendations.first?.title == "加装电梯先行")
            #expect(try await me.get(Site.diagnosis(community.id!, version: 1)).body.string.contains(proposed.title))

            // The API: the versions, one version, and a need of another community refused.
            let list = try await me.json(.GET, "/api/v1/diagnosis/\(community.id!)")
            #expect(list.status == .ok && list.body.string.contains("\"version\":2"))
            #expect(try await me.json(.GET, "/api/v1/diagnosis/\(community.id!)/1").status == .ok)
            let elsewhere = try #require(
                try await Need.query(on: t.db).filter(\.$community.$id != community.id!).first())
            let refused = try await me.json(
                .POST, "/api/v1/diagnosis/\(community.id!)",
                #"{"recommendations": [{"title": "别处的需求", "needs": ["\#(elsewhere.id!)"]}]}"#)
            #expect(refused.status == .unprocessableEntity)
            let made = try await me.json(
                .POST, "/api/v1/diagnosis/\(community.id!)", #"{"history": "第三版", "recommendations": []}"#)
            #expect(made.status == .created && made.body.string.contains("\"version\":3"))

            // The staff open the project: the report shows it opened.
            let template = try #require(try await Workflows.available(for: community, on: t.db).first)
            let opened = try await sub.post(
                Site.projects,
                fields: [
                    ("node", community.id!.uuidString), ("title", proposed.title), ("kind", "microRenewal"),
                    ("initiator", "selfGovernance"), ("template", template.key),
                ] + proposed.needs.map { ("needs[]", $0.uuidString) })
            #expect(opened.status == .seeOther)
            let shown = try await sub.get(Site.diagnosis(community.id!, version: 1))
            #expect(shown.body.string.contains(DiagnosisText.projectOpened.text(.zhHans, [""])))
        }
    }

    @Test func honoursConferencesRulesStatisticsAndReminders() async throws {
        try await withYishi(demo: true) { t in
            let mine = try #require(try await Planner.query(on: t.db).filter(\.$name == "周文杰").first())
            let district = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == DemoDistrict.districtCode).first())
            let year = CalendarDay(t.app.effects.time.now()).year
            // The honour roll is public.
            let roll = try await Browser(t.app).get(
                "\(Site.Pattern.plannerHonourRoll)?district=\(district.id!.uuidString)")
            #expect(roll.status == .ok && roll.body.string.contains("周文杰"))
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let dist = Browser(t.app)
            try await dist.signIn("baoshan")
            // Once per kind and year; an exemplary case names a project the planner worked on.
            let again = try await sub.post(
                Site.plannerHonours(mine.id!),
                ["kind": "excellentPlanner", "year": String(year), "citation": "再推荐一次"])
            #expect(again.status == .conflict)
            let noProject = try await sub.post(
                Site.plannerHonours(mine.id!), ["kind": "exemplaryCase", "year": String(year), "citation": "小花园"])
            #expect(noProject.status == .unprocessableEntity)
            let garden = try await Self.garden(t)
            #expect(
                try await sub.post(
                    Site.plannerHonours(mine.id!),
                    [
                        "kind": "exemplaryCase", "year": String(year), "citation": "小花园",
                        "project": garden.id!.uuidString,
                    ]
                ).status == .seeOther)
            let h = try #require(
                try await PlannerHonour.query(on: t.db).filter(\.$kind == .exemplaryCase).first())
            #expect(h.status == .nominated)
            #expect(try await sub.post(Site.honourDecision(h.id!), ["decision": "award"]).status == .forbidden)
            #expect(try await dist.post(Site.honourDecision(h.id!), ["decision": "award"]).status == .seeOther)
            #expect(try await dist.post(Site.honourDecision(h.id!), ["decision": "decline"]).status == .conflict)
            // The same through the API: a nomination for last year, decided once.
            let twice = try await sub.json(
                .POST, "/api/v1/planners/\(mine.id!)/honours",
                #"{"kind": "excellentPlanner", "year": \#(year), "citation": "再推荐一次"}"#)
            #expect(twice.status == .conflict)
            let byAPI = try await sub.json(
                .POST, "/api/v1/planners/\(mine.id!)/honours",
                #"{"kind": "exemplaryCase", "year": \#(year - 1), "citation": "小花园", "project": "\#(garden.id!)"}"#)
            #expect(byAPI.status == .created)
            let made = try byAPI.content.decode(DTO.HonourOut.self)
            #expect(made.status == "nominated" && made.year == year - 1)
            #expect(
                try await sub.json(.POST, "/api/v1/planner-honours/\(made.id)/decision", #"{"award": true}"#).status
                    == .forbidden)
            let decided = try await dist.json(.POST, "/api/v1/planner-honours/\(made.id)/decision", #"{"award": true}"#)
            #expect(decided.status == .ok)
            #expect(try decided.content.decode(DTO.HonourOut.self).status == "awarded")
            #expect(
                try await dist.json(.POST, "/api/v1/planner-honours/\(made.id)/decision", #"{"award": false}"#).status
                    == .conflict)
            let honours = try await Browser(t.app).json(.GET, "/api/v1/planner-honours/\(district.id!)")
            #expect(honours.status == .ok && honours.body.string.contains("exemplaryCase"))

            // Case conferences: called by the subdistrict with the departments invited, seen by its planner.
            let list = try await sub.get(Site.Pattern.plannerConferences)
            #expect(list.status == .ok && list.body.string.contains("加装电梯"))
            let sub0 = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$parent.$id == district.id!).sort(\.$code).first())
            var call = [
                "node": sub0.id!.uuidString, "title": "停车难", "startsAt": "2026-12-10 14:00", "venue": "街道会议室",
                "invited": "交警支队、物业公司",
            ]
            let meetings = try await Meeting.query(on: t.db).count()
            #expect(try await sub.post(Site.Pattern.plannerConferences, call).status == .unprocessableEntity)
            #expect(try await Meeting.query(on: t.db).count() == meetings)
            call["agenda"] = "商量错峰停车"
            let called = try await sub.post(Site.Pattern.plannerConferences, call)
            #expect(called.status == .seeOther)
            let held = try #require(try await Meeting.query(on: t.db).filter(\.$title == "停车难").first())
            #expect(held.kind == .caseConference && held.invited == "交警支队、物业公司")
            #expect(try await sub.get(Site.meeting(held.id!)).body.string.contains("交警支队"))
            let me = Browser(t.app)
            try await me.signIn("planner")
            #expect(try await me.get(Site.Pattern.plannerConferences).body.string.contains("停车难"))
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.get(Site.Pattern.plannerConferences).status == .forbidden)

            // The rules' versions: the district adds one; the weights must sum to 100.
            let rulesPage = "\(Site.Pattern.plannerRules)?district=\(district.id!.uuidString)"
            let rules = try await dist.get(rulesPage)
            #expect(rules.status == .ok && rules.body.string.contains(PlannerRules.baoshan2024.title))
            let weights = [
                "weight_effectiveness": "40", "weight_hours": "20", "weight_attitude": "20", "weight_feedback": "30",
            ]
            var add =
                ["title": "宝山区社区规划师制度实施办法（2028年修订）", "validFrom": "2028-01-01", "termYears": "3", "passMark": "60"]
                .merging(weights) { a, _ in a }
            let badWeights = try await dist.post(rulesPage, add)
            #expect(badWeights.status == .unprocessableEntity)
            #expect(try await Planners.rules(of: district.id!, on: t.db).count == 2)
            add["weight_feedback"] = "20"
            #expect(try await sub.post(rulesPage, add).status == .forbidden)

            // The statistics: tiers, coverage, and each subdistrict's hours and projects.
            let stats = try await dist.json(.GET, "/api/v1/planner-statistics/\(district.id!)?year=\(year)")
            #expect(stats.status == .ok)
            let s = try stats.content.decode(DTO.PlannerStatistics.self)
            #expect(s.subdistricts == 12 && s.paired == 11 && s.unpaired.count == 1)
            #expect(s.tiers["subdistrict"] == 12 && s.tiers["districtExpert"] == 5)
            let first = try #require(s.rows.first { $0.code == sub0.code })
            #expect(first.hours > 0 && first.projects >= 1)
            #expect(try await sub.json(.GET, "/api/v1/planner-statistics/\(district.id!)").status == .forbidden)

            // Reminders: a term ending within sixty days is on the planner's and the authority's home page.
            let ends = CalendarDay(t.app.effects.time.now()).adding(days: 30).description
            try await (t.db as! any SQLDatabase).raw(
                "UPDATE planner_appointments SET ends_on = \(bind: ends) WHERE planner_id = \(bind: mine.id!)"
            ).run()
            ReadCaches.changed()
            let myHome = try await me.get("/")
            #expect(myHome.body.string.contains(PlannerPageText.todoMyTerm.text(.zhHans, [ends])))
            let subHome = try await sub.get("/")
            #expect(subHome.body.string.contains(PlannerPageText.todoTermEnding.text(.zhHans, ["周文杰", ends])))
            #expect(try await me.get(Site.planner(mine.id!)).body.string.contains(ends))
        }
    }
}
