import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

@Suite("Every page, in both languages and in care mode")
struct PageTests {
    /// The pages a staff member can reach, with demo data.
    func pages(_ t: TestContext) async throws -> [String] {
        func id(_ code: String) async throws -> String {
            try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == code).first()).id!.uuidString
        }
        let unit = try #require(try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1-101").first())
        let resident = try #require(
            try await Resident.query(on: t.db).filter(\.$code == "R-BS01-C1-X1-B1-102-1").first())
        let user = try #require(try await User.query(on: t.db).filter(\.$username == "baolin1").first())
        return [
            "/", "/territory", "/territory/\(try await id("BS"))", "/territory/\(try await id("BS01"))",
            "/territory/\(try await id("BS01-C1"))",
            "/territory/\(try await id("BS01-C1-X1"))", "/territory/\(try await id("BS01-C1-X1-B1"))",
            "/territory/\(try await id("BS01-C1"))/edit",
            "/units/\(unit.id!)", "/territory/import", "/users", "/users/new", "/users/\(user.id!)",
            "/residents/verify",
            "/residents/\(resident.id!)/assist", "/audit", "/account", "/no-such-page",
        ]
    }

    /// A catalog key showing on a page means a missing translation.
    static var keyPattern: NSRegularExpression {
        try! NSRegularExpression(
            pattern:
                #"(?<![\w/.-])(nav|common|home|signin|signout|account|users|verify|assisted|outbox|territory|import|error|field|audit|enum|setup|pref|app|footer|sms|lifeCircle|atlas|job)\.[A-Za-z][A-Za-z0-9.]*"#
        )
    }

    func check(_ html: String, _ path: String, lang: Lang, care: CareMode) {
        let text = html.replacing(/<[^>]*>/, with: " ")
        let leak = Self.keyPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
        #expect(leak == nil, "\(path) [\(lang.rawValue)] shows a raw key: \(leak ?? "")")
        #expect(html.contains("<html lang=\"\(lang.rawValue)\""), "\(path) lang")
        if care != .off { #expect(html.contains("class=\"care care-\(care.rawValue)\""), "\(path) care mode") }
        #expect(html.matches(of: /<h1>/).count == 1, "\(path) has one h1")
        #expect(html.contains("<main id=\"main\""), "\(path) main landmark")
        // Every input but hidden ones, and every select, has a label pointing at it.
        for m in html.matches(of: /<(input|select)[^>]*\sid="([^"]+)"/) {
            #expect(html.contains("for=\"\(m.2)\""), "\(path): \(m.2) has no label")
        }
        for m in html.matches(of: /<input(?![^>]*type="hidden")(?![^>]*\sid=)[^>]*>/) {
            Issue.record("\(path): an input without id: \(m.0)")
        }
        if lang == .en {
            // Beyond names of places and people, an English page should carry no Chinese words of our own.
            for key in ["nav.home", "nav.territory", "nav.account", "footer.text"] {
                #expect(!html.contains(Catalog.text(key, .zhHans)), "\(path) shows Chinese UI text in English")
            }
        }
    }

    @Test func staffPagesRenderInEveryMode() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let admin = Browser(t.app)
            try await admin.signIn("admin")
            for lang in Lang.allCases {
                for care in CareMode.allCases {
                    for browser in [b, admin] {
                        _ = try await browser.get("/preferences?lang=\(lang.rawValue)&care=\(care.rawValue)&next=/")
                        let all = try await pages(t)
                        // Community staff are refused above their community and in the admin pages; the
                        // platform admin holds no role that may act for a resident.
                        let refused: Set<String> =
                            browser === b
                            ? Set([all[2], all[3], "/users", "/users/new", all[12], "/audit"]) : [all[14]]
                        for path in all {
                            let res = try await browser.get(path)
                            if refused.contains(path) {
                                #expect(res.status == .forbidden, "\(path) should be refused")
                            } else if path == "/no-such-page" {
                                #expect(res.status == .notFound)
                            } else {
                                #expect(res.status == .ok, "\(path) answered \(res.status)")
                            }
                            check(res.text, path, lang: lang, care: care)
                        }
                    }
                }
            }
        }
    }

    @Test func publicPagesRenderInEveryMode() async throws {
        try await withYishi { t in
            for lang in Lang.allCases {
                let b = Browser(t.app)
                _ = try await b.get("/preferences?lang=\(lang.rawValue)&care=on&next=/")
                for path in ["/", "/signin", "/setup/nothing"] {
                    let res = try await b.get(path)
                    check(res.text, path, lang: lang, care: .on)
                }
                _ = try await b.post("/signin/code", ["phone": "13812345678"])
                let code = try await b.get("/signin/code")
                #expect(code.status == .ok)
                #expect(code.text.contains("138****5678"))
                check(code.text, "/signin/code", lang: lang, care: .on)
                let bad = try await b.post("/signin", ["username": "", "password": ""])
                #expect(bad.status == .unprocessableEntity)
                check(bad.text, "/signin (errors)", lang: lang, care: .on)
                #expect(bad.text.contains("aria-invalid=\"true\""))
            }
        }
    }

    @Test func preferencesOnlyFollowLocalPaths() async throws {
        try await withYishi { t in
            let b = Browser(t.app)
            let a = try await b.get("/preferences?lang=en&next=https://evil.example/")
            #expect(a.location == "/")
            let c = try await b.get("/preferences?lang=en&next=//evil.example/")
            #expect(c.location == "/")
            let d = try await b.get("/preferences?lang=en&next=/signin")
            #expect(d.location == "/signin")
            #expect(b.cookies[Preferences.langCookie] == "en")
        }
    }

    @Test func attributeValuesAreEscaped() async throws {
        try await withYishi(demo: true) { t in
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let c1 = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1").first())
            let evil = "\"><script>alert(1)</script>"
            let res = try await b.post(
                "/territory/\(c1.id!)/children", ["code": "", "name": evil, "kind": "historicVilla"])
            #expect(res.status == .unprocessableEntity)
            #expect(!res.text.contains("<script>"))
            #expect(res.text.contains("&quot;&gt;&lt;script&gt;"))
        }
    }
}
