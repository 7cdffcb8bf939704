import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The audit log people can read (issue 16, item 15): names with links, sentences, who it was
/// done for, filters, a download, and a district administrator's view of what was done below.
@Suite("Audit log: readable, filtered, downloadable")
struct AuditPageTests {
    let code = "R-BS01-C1-X1-B1-102-1"

    /// A committee member corrects a resident's year of birth and marks her as living alone.
    func correction(_ t: TestContext) async throws -> Resident {
        let r = try #require(try await Resident.query(on: t.db).filter(\.$code == code).first())
        let b = Browser(t.app)
        try await b.signIn("baolin1")
        let res = try await b.post(
            "/residents/\(r.id!)",
            fields: [("name", r.name), ("birthYear", String(r.birthYear - 2)), ("channel", "visit")]
                + r.residentFlags.union(.livingAlone).names.map { ("flags[]", $0) })
        #expect(res.status == .seeOther)
        return r
    }

    @Test func anEntryNamesWhoWhatAndForWhomInSentences() async throws {
        try await withYishi(demo: true) { t in
            let r = try await correction(t)
            for (who, lang) in [("admin", "zh-Hans"), ("baoshan", "en")] {
                let b = Browser(t.app)
                b.cookies[Preferences.langCookie] = lang
                try await b.signIn(who)
                let page = try await b.get("/audit?action=residentUpdate")
                #expect(page.status == .ok, "\(who)")
                #expect(page.text.contains(#"href="/residents/\#(r.id!.uuidString)""#), "the target by name, linked")
                #expect(page.text.contains(r.name))
                #expect(page.text.contains("宝林一村居委会 王芳"), "one actor label")
                if lang == "zh-Hans" {
                    #expect(page.text.contains("出生年份：\(r.birthYear) 改为 \(r.birthYear - 2)"))
                    #expect(page.text.contains("加上标记：独居"))
                    #expect(page.text.contains("代\(r.name)办理（上门走访）") || page.text.contains("代\(r.name)办理"))
                } else {
                    #expect(page.text.contains("Year of birth: \(r.birthYear) changed to \(r.birthYear - 2)"))
                    #expect(page.text.contains("Marks added: Lives alone"))
                }
                #expect(!page.text.contains("birthYear="), "no key=value")
            }
        }
    }

    @Test func filtersNarrowByActionActorPlaceAndDay() async throws {
        try await withYishi(demo: true) { t in
            _ = try await correction(t)
            let b = Browser(t.app)
            try await b.signIn("admin")
            let updates = try await b.get("/audit?action=residentUpdate")
            #expect(updates.text.components(separatedBy: "<tr>").count == 3, "the header row and one entry")
            #expect(try await b.get("/audit?actor=%E7%8E%8B%E8%8A%B3").text.contains("宝林一村居委会 王芳"))
            let elsewhere = try await b.get("/audit?action=residentUpdate&node=BS01-C2")
            #expect(elsewhere.text.contains(AuditText.noneFiltered.text(.zhHans)), "the next community's log is empty")
            let here = try await b.get("/audit?action=residentUpdate&node=BS01-C1")
            #expect(!here.text.contains(AuditText.noneFiltered.text(.zhHans)))
            let today = Show.dateTime(t.app.effects.time.now()).prefix(10)
            #expect(
                !(try await b.get("/audit?action=residentUpdate&from=\(today)&to=\(today)")).text.contains(
                    AuditText.noneFiltered.text(.zhHans)))
            #expect(
                try await b.get("/audit?action=residentUpdate&from=2099-01-01").text.contains(
                    AuditText.noneFiltered.text(.zhHans)))
            #expect(try await b.get("/audit?node=NO-SUCH").status == .unprocessableEntity)
            // The pager keeps the filter.
            let all = try await b.get("/audit?actor=demo")
            #expect(all.status == .ok)
        }
    }

    @Test func aDistrictAdministratorSeesWhatWasDoneBelowAndNothingElse() async throws {
        try await withYishi(demo: true) { t in
            let r = try await correction(t)
            let d = Browser(t.app)
            try await d.signIn("baoshan")
            #expect(try await d.get("/audit").text.contains(r.name), "a committee's change below them")
            // Another district, and a place outside their district as a filter: refused.
            let other = try await TerritoryEditing.create(
                below: nil, .init(code: "JD", name: "嘉定区", kind: nil, address: nil), by: t.platform)
            #expect(try await d.get("/audit?node=\(other.code)").status == .forbidden)
            #expect(try await d.get("/audit.csv?node=\(other.code)").status == .forbidden)
        }
    }

    @Test func theDownloadHoldsTheFilteredEntriesInTheReadersLanguage() async throws {
        try await withYishi(demo: true) { t in
            _ = try await correction(t)
            let b = Browser(t.app)
            b.cookies[Preferences.langCookie] = "en"
            try await b.signIn("admin")
            let csv = try await b.get("/audit.csv?action=residentUpdate")
            #expect(csv.status == .ok)
            #expect(csv.body.readableBytesView.starts(with: [0xEF, 0xBB, 0xBF]))
            let lines = csv.text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2, "the header and the one entry")
            #expect(lines[0].hasPrefix("No.,Time,By,Action"))
            #expect(lines[1].contains("Year of birth"))
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get("/audit.csv").status == .forbidden)
        }
    }

    @Test func whoeverMayReadTheLogSomewhereMayReadTheRegisterThere() {
        // The page names residents: that is safe only while this holds.
        for role in Role.allCases where Policy.actions[role, default: []].contains(.auditRead) {
            #expect(Policy.actions[role, default: []].contains(.personalDataRead), "\(role)")
        }
    }

    @Test func detailsReadAsSentences() {
        let name: (String, String) -> String = { type, raw in Catalog.text("enum.\(type).\(raw)", .zhHans) }
        let s = AuditSentences.sentences(
            ["birthYear": "1948 → 1946", "flagsAdded": "elderly;livingAlone", "name": "王芳", "mystery": "x"],
            lang: .zhHans, name: name)
        #expect(s.contains("出生年份：1948 改为 1946"))
        #expect(s.contains("加上标记：老年人、独居"))
        #expect(s.contains("姓名：王芳"))
        #expect(s.contains("mystery：x"), "an unknown key is shown, never hidden")
        let move = AuditSentences.sentences(["from": "H1", "to": "H2", "name": "A"], lang: .en, name: name)
        #expect(move.contains("Moved from household H1 to household H2"))
        let imp = AuditSentences.sentences(
            ["rows": "10", "added": "7", "updated": "2", "unchanged": "1", "sha256": "ab"], lang: .zhHans, name: name)
        #expect(imp == ["文件 10 行：新增 7，修改 2，未变 1"])
        #expect(
            ShanghaiDay("2026-12-01")!.startMillis == 1_796_054_400_000,
            "midnight in Shanghai is 16:00 UTC the day before")
        #expect(ShanghaiDay("2026-13-01") == nil && ShanghaiDay("x") == nil)
    }
}
