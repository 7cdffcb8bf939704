import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiAtlas
@testable import YishiCore

/// The shell as its first users meet it (issue 16, items 1–3): the visitor's and the resident's
/// home pages, the resident's community page in plain words, the committee office its staff keep,
/// the header's menu and sign-out, the footer, help and the privacy notice.
@Suite("The shell: homes, header, footer, help and privacy")
struct ShellTests {
    /// Words of the staff's data sheet that no page a resident sees may use.
    static let staffWords = ["辖区", "下级", "层级", "编码", "计票面积", "授予角色"]

    @Test func aVisitorLearnsWhatYishiIsForSeesWhatIsPublicAndIsAskedToSignIn() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            let home = try await b.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains(#"<a class="button primary" href="/signin">"#), "sign-in is the primary button")
            #expect(home.text.contains(#"href="/lifecircle""#), "the public life circle is offered")
            #expect(home.text.contains(#"href="/privacy""#) && home.text.contains(#"href="/help""#), "footer links")
            #expect(!home.text.contains("/dev/outbox"), "the outbox is not in the navigation")
            for path in ["/help", "/privacy"] {
                let page = try await b.get(path)
                #expect(page.status == .ok, "\(path)")
            }
            let privacy = try await b.get("/privacy")
            #expect(privacy.text.contains("个人信息保护法") && privacy.text.contains("138****0001"))
            // Wherever a phone number is asked for, the privacy notice is one link away.
            #expect(try await b.get("/signin").text.contains(#"href="/privacy""#))
        }
    }

    @Test func theOperatorIsNamedInTheFooterWhenConfigured() throws {
        var ctx = Snapshot.context(.zhHans, .off, navigation: [])
        ctx.operatorName = "宝山区社区规划办公室"
        ctx.operatorContact = "021-5678 1234"
        let page = String(buffer: Layout.document(ctx, HelpPages.privacy(ctx)))
        #expect(page.contains("运营方：宝山区社区规划办公室 · 021-5678 1234"))
        let bare = String(
            buffer: Layout.document(
                Snapshot.context(.en, .off, navigation: []),
                HelpPages.privacy(Snapshot.context(.en, .off, navigation: []))))
        #expect(bare.contains("Questions? Ask your residents' committee."))
    }

    @Test func aResidentsHomeLeadsToTheCommitteeTheirHomeAndWhatComesNext() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signInResident()
            let home = try await b.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("宝林一村居委会"), "the committee by name")
            #expect(home.text.contains("周一至周五"), "its opening hours")
            #expect(home.text.contains(#"href="tel:021"#), "its phone, to call")
            #expect(home.text.contains("宝山区 友谊路街道 宝林一村居民区"), "the address with district and subdistrict")
            #expect(home.text.contains(#"href="/needs/"#), "the demo resident's own need, with where it stands")
            #expect(home.text.contains("需求清单"), "the running notice of the needs list")
            #expect(home.text.contains("已联系物业"), "the committee's answer to their need")
            for empty in [HomeText.meetingsEmpty, .lifeCircleNone] {
                #expect(home.text.contains(empty.text(.zhHans)), "\(empty)")
            }
            // The demo's open owners' vote on the resident's building, with one large button to vote.
            #expect(!home.text.contains(HomeText.votesEmpty.text(.zhHans)))
            #expect(home.text.contains("加装电梯") && home.text.contains(OwnerVotePageText.castYours.text(.zhHans)))
            #expect(home.text.contains(#"<form method="post" action="/signout""#), "sign-out in the header")
            for word in Self.staffWords { #expect(!home.text.contains(word), "no \(word) on the resident's home") }
            // Their community page describes the community.
            let community = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let page = try await b.get("/territory/\(community.id!)")
            #expect(page.status == .ok)
            #expect(page.text.contains("宝林一村居委会") && page.text.contains("宝山区 友谊路街道"))
            for word in Self.staffWords { #expect(!page.text.contains(word), "no \(word) on the community page") }
            #expect(page.text.contains(#"href="/lifecircle/BS01-C1""#))
            let compound = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X1").first())
            let compoundPage = try await b.get("/territory/\(compound.id!)")
            for word in Self.staffWords {
                #expect(!compoundPage.text.contains(word), "no \(word) on the compound page")
            }
        }
    }

    @Test func anUnverifiedResidentIsToldWhatVerificationGivesAndWhere() throws {
        let ctx = Snapshot.context(.zhHans, .on, navigation: [])
        let page = String(buffer: Layout.document(ctx, HomePage.view(.resident(.init(verified: false)), ctx)))
        #expect(page.contains(HomeText.verifyGives.text(.zhHans)) && page.contains(HomeText.verifyWhere.text(.zhHans)))
        #expect(page.contains(HomeText.residentNoCommunity.text(.zhHans)))
    }

    @Test func theResidentsLifeCircleReadsInMinutesOnFoot() throws {
        var m = HomePage.ResidentModel(verified: true)
        let community = try TerritoryNode(level: .community, parent: nil, code: "C", name: "宝林一村居民区")
        m.community = community
        m.services = [(.market, 6), (.clinic, nil)]
        let ctx = Snapshot.context(.zhHans, .off, navigation: [])
        let page = String(buffer: Layout.document(ctx, HomePage.view(.resident(m), ctx)))
        #expect(page.contains("菜市场 步行 6 分钟") || page.contains("步行 6 分钟"))
        #expect(page.contains("15 分钟内没有"))
        #expect(Coverage.walkingMinutes(360) == 6)
        #expect(Coverage.walkingMinutes(361) == 7, "rounded up")
        #expect(Coverage.walkingMinutes(0) == 1)
        #expect(Coverage.walkingMinutes(900) == 15 && Coverage.walkingMinutes(901) == nil)
        #expect(Coverage.walkingMinutes(.infinity) == nil && Coverage.walkingMinutes(.nan) == nil)
    }

    @Test func theCommitteeKeepsItsOfficeDetailsAndOthersCannot() async throws {
        try await withYishi(demo: true) { t in
            let community = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let path = "/territory/\(community.id!)/office"
            let form = ["officeAddress": "友谊路 1 号", "officeHours": "每天 8:00–20:00", "officePhone": "021-5555 0000"]
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post(path, form).status == .forbidden)
            let resident = Browser(t.app)
            try await resident.signInResident()
            #expect(try await resident.post(path, form).status == .forbidden)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let bad = try await b.post(path, ["officePhone": "call me"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains(TerritoryText.badTelephone.text(.zhHans)))
            #expect(try await b.post(path, form).status == .seeOther)
            let saved = try #require(try await TerritoryNode.find(community.id, on: t.db))
            #expect(saved.officeHours == "每天 8:00–20:00" && saved.officePhone == "021-5555 0000")
            #expect(try await resident.get("/").text.contains("每天 8:00–20:00"), "residents see it")
            let entry = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.territoryUpdate.rawValue).first())
            #expect(entry.details.contains("officeHours"))
        }
    }

    @Test func thePhoneMenuHoldsTheNavigationAndSettingsAndTheDesktopBarTheSame() throws {
        let nav = [NavEntry(order: 0, label: NavigationText.home.key, path: Site.home)]
        let ctx = Snapshot.context(.zhHans, .xl, navigation: nav)
        let page = String(buffer: Layout.document(ctx, HelpPages.help(ctx, staff: false)))
        #expect(page.contains(#"<details class="menu narrow">"#))
        #expect(page.components(separatedBy: #"href="/preferences?lang=en"#).count == 3, "in the bar and in the menu")
        #expect(page.components(separatedBy: #"<a href="/" "#).count >= 2 || page.contains(#"<a href="/">"#))
    }

    @Test func aStaffHomeListsWhatIsWaitingAndWhatChanged() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            #expect(try await b.get("/").text.contains(HomeText.todoNone.text(.zhHans)), "nothing waiting yet")
            // A resident signs up with a phone no register knows; an import of theirs fails.
            let stranger = Browser(t.app)
            try await stranger.signInResident("13911112222")
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
            let community = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let file = Attachment(name: "坏文件.csv", contentType: "text/csv", data: Data("nonsense\n1".utf8))
            _ = try await JobRunner.enqueue(
                .territoryImport, file: file, nodeID: community.id, createdBy: user.id, on: t.db)
            while try await JobRunner.runNext(t.app) {}
            let r = try #require(try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
            _ = try await b.post(
                "/residents/\(r.id!)",
                fields: [("name", r.name), ("birthYear", "1950"), ("channel", "phone")])
            let home = try await b.get("/")
            #expect(home.text.contains(HomeText.todoVerify.text(.zhHans, ["1"])), "the waiting account")
            #expect(home.text.contains("坏文件.csv"), "the failed import, linked to its job")
            #expect(
                home.text.contains(HomeText.recent.text(.zhHans)) && home.text.contains(r.name), "the change just made")
            // The next community's staff do not see this community's changes or imports.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            let theirs = try await other.get("/")
            #expect(!theirs.text.contains(r.name) && !theirs.text.contains("坏文件.csv"))
        }
    }

    @Test func aPlannerLandsOnTheLifeCircleOfTheirSubdistrict() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            let res = try await b.post("/signin", ["username": "planner", "password": DemoLoader.password])
            #expect(res.headers.first(name: .location) == "/lifecircle/BS01")
            let asked = Browser(t.app)
            let res2 = try await asked.post(
                "/signin", ["username": "planner", "password": DemoLoader.password, "next": "/territory"])
            #expect(res2.headers.first(name: .location) == "/territory", "a page asked for wins")
            let staff = Browser(t.app)
            #expect(
                try await staff.post("/signin", ["username": "baolin1", "password": DemoLoader.password]).headers.first(
                    name: .location) == "/")
        }
    }
}
