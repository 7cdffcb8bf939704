import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// What a walk through the needs story as its users (issue 17's "done when") found, each kept
/// fixed: the published list shows every part of each score, on its page, its poster and its own
/// CSV; staff pick a resident among those found; nothing ends on a dead-end error page.
@Suite("Needs: as its users found it")
struct NeedsFindingsTests {
    @Test func thePublishedListShowsEveryPartOfEachScoreOnItsPagePosterAndCSV() async throws {
        try await withYishi(demo: true) { t in
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let version = try #require(
                try await NeedsListVersion.query(on: t.db).filter(\.$node.$id == c1.id!).first())
            let anyone = Browser(t.app)
            let page = try await anyone.get("/notices/\(version.$notice.id)")
            #expect(page.status == .ok)
            let zh = NeedsList.table([], lang: .zhHans).header
            #expect(zh.count == 14)
            for h in zh { #expect(page.text.contains(">\(h)<"), "the notice shows \(h)") }
            #expect(page.text.contains(Site.needsListCSV(version.id!)))
            let poster = try await anyone.get("/notices/\(version.$notice.id)/poster")
            // The poster: every part of the score; not the place (the notice's own) nor the status.
            for (i, h) in zh.enumerated() where i != 3 && i != 4 {
                #expect(poster.text.contains(">\(h)<"), "the poster shows \(h)")
            }
            #expect(!poster.text.contains(Site.needsListCSV(version.id!)))
            let csv = try await anyone.get(Site.needsListCSV(version.id!))
            #expect(csv.status == .ok)
            let bytes = Array(csv.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF], "UTF-8 with BOM")
            let lines = csv.text.split(separator: "\r\n")
            let rows = try JSONDecoder().decode([NeedsList.Frozen].self, from: Data(version.rows.utf8))
            #expect(lines.count == rows.count + 1)
            #expect(lines[1].hasPrefix("1,") && lines[1].contains(String(rows[0].priority)))
            #expect(try await anyone.get(Site.needsListCSV(UUID())).status == .notFound)
        }
    }

    @Test func staffPickAResidentAmongThoseFoundAndNeverMeetADeadEnd() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get("/needs/new").headers.first(name: .location) == Site.enterNeed)
            let resident = Browser(t.app)
            try await resident.signInResident()
            let needsBefore = try await Need.query(on: t.db).count()
            #expect(
                try await resident.post("/needs/enter", ["text": "x", "category": "lighting"]).status == .forbidden)
            #expect(try await Need.query(on: t.db).count() == needsBefore)
            // A name two residents of the community share.
            let twice = try #require(
                try await (t.db as! any SQLDatabase).raw(
                    "SELECT name FROM residents WHERE code LIKE 'R-BS01-C1-%' GROUP BY name HAVING COUNT(*) > 1 LIMIT 1"
                ).first()?.decode(column: "name", as: String.self))
            let namesakes = try await Resident.query(on: t.db).filter(\.$name == twice).filter(\.$code =~ "R-BS01-C1-")
                .all()
            // An accepted need one of them does not support yet (whatever order the database reads).
            var found: (Need, Resident)? = nil
            for n in try await Need.query(on: t.db).filter(\.$status == .accepted).sort(\.$title).all() {
                let supporters = Set(
                    try await NeedSupport.query(on: t.db).filter(\.$need.$id == n.id!).all().map(\.$resident.id))
                if let r = namesakes.sorted(by: { $0.code < $1.code }).first(where: { !supporters.contains($0.id!) }) {
                    found = (n, r)
                    break
                }
            }
            let (need, chosen) = try #require(found)
            let path = "/needs/\(need.id!)/supports"
            let ambiguous = try await staff.post(path, ["resident": twice, "channel": "phone"])
            #expect(ambiguous.status == .unprocessableEntity)
            #expect(ambiguous.text.contains(NeedText.pickResident.text(.zhHans)))
            #expect(ambiguous.text.contains(NeedText.pickOne.text(.zhHans)))
            for r in namesakes { #expect(ambiguous.text.contains(#"value="\#(r.code)""#)) }
            #expect(ambiguous.text.contains(need.title), "the need's page, not an error page")
            let before = try #require(try await Need.find(need.id, on: t.db)).households
            let picked = try await staff.post(path, ["resident": twice, "pick": chosen.code, "channel": "phone"])
            #expect(picked.status == .seeOther)
            #expect(try #require(try await Need.find(need.id, on: t.db)).households >= before)
            let again = try await staff.post(path, ["resident": chosen.code, "channel": "phone"])
            #expect(again.status == .conflict && again.text.contains(NeedText.residentSupports.text(.zhHans)))
            // The entry form offers the same choice.
            let entered = try await staff.post(
                "/needs/enter", ["resident": twice, "channel": "visit", "text": "楼道灯不亮", "category": "lighting"])
            #expect(entered.status == .unprocessableEntity && entered.text.contains(#"value="\#(namesakes[1].code)""#))
            // The API's order is one of two.
            #expect(
                try await staff.json(.GET, "/api/v1/needs?node=BS01-C1&sort=bogus").status == .unprocessableEntity)
            #expect(try await staff.json(.GET, "/api/v1/needs?node=BS01-C1&sort=commonGround").status == .ok)
        }
    }

    @Test func aResidentIsNotOfferedMeTooOnANeedTheyAlreadySupport() async throws {
        try await withYishi(demo: true) { t in
            let r = Browser(t.app)
            try await r.signInResident()
            _ = try await r.post("/needs", ["text": "希望花园里放几张长椅给老人休息", "category": "seating", "confirmed": "1"])
            let mine = try #require(try await Need.query(on: t.db).filter(\.$body == "希望花园里放几张长椅给老人休息").first())
            let offered = try await r.post("/needs", ["text": "花园里放几张长椅，老人可以休息", "category": "seating"])
            #expect(offered.status == .ok)
            #expect(!offered.text.contains(#"action="/needs/\#(mine.id!)/supports""#))
            #expect(offered.text.contains(NeedText.alreadySupported.text(.zhHans)))
        }
    }

    @Test func aCompoundsPageCountsTheNeedsAboutItsPlaces() async throws {
        try await withYishi(demo: true) { t in
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let need = try #require(
                try await Need.query(on: t.db).with(\.$place).all().first { $0.place.level == .building })
            let compound = try #require(need.place.territoryPath.ancestor(at: 3)?.nodeId)
            let node = try #require(try await TerritoryNode.find(compound, on: t.db))
            let counts = try await NeedsList.counts(below: node, on: t.db)
            #expect(!counts.byCategory.isEmpty && !counts.byStatus.isEmpty)
        }
    }

    @Test func theAuditLogNamesANeedAndLinksIt() async throws {
        try await withYishi(demo: true) { t in
            let id = UUID()
            let (text, link) = AuditPage.named(.need, id.uuidString, .zhHans)
            #expect(text == "需求 " + id.uuidString.prefix(8) && link == Site.need(id))
            #expect(AuditPage.named(.apiToken, "x", .en).0 == "API token x")
        }
    }
}
