import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// 代录 and 实名核验 (issue 14, finding 7 and the verify page of finding 10).
@Suite("Accounts: assisted registration and verification")
struct AssistedRegistrationTests {
    let code = "R-BS01-C1-X1-B1-102-1"

    func resident(_ code: String, _ db: any Database) async throws -> Resident {
        try #require(try await Resident.query(on: db).filter(\.$code == code).first())
    }

    @Test func theAssistPageShowsOnlyTheMaskedPhone() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let phone = try #require(r.phone)
            for username in ["baolin1", "shehui"] {
                let b = Browser(t.app)
                try await b.signIn(username)
                let page = try await b.get("/residents/\(r.id!)/assist")
                #expect(page.status == .ok)
                #expect(!page.text.contains(phone), "\(username) never sees the full number")
                #expect(page.text.contains(OneTimeCodeRules.mask(phone)))
                #expect(
                    page.text.contains(#"value="other""#) == (username == "baolin1"),
                    "another number: committee staff only")
            }
        }
    }

    @Test func aSocialOrganisationCannotBindAnotherPhone() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let b = Browser(t.app)
            try await b.signIn("shehui")
            let path = "/residents/\(r.id!)/assist"
            #expect(
                try await b.post(path, ["channel": "visit", "phoneSource": "other", "phone": "13912340000"]).status
                    == .forbidden)
            #expect(
                try await b.post(path, ["channel": "visit", "phone": "13912340000"]).status == .forbidden,
                "with or without the choice")
            #expect(try await User.query(on: t.db).filter(\.$resident.$id == r.id!).count() == 0)
            // The register's own phone is allowed.
            #expect(try await b.post(path, ["channel": "visit", "phoneSource": "register"]).status == .seeOther)
            let user = try #require(try await User.query(on: t.db).filter(\.$resident.$id == r.id!).first())
            #expect(user.phone == r.phone && user.isVerified)
        }
    }

    @Test func committeeStaffMayRegisterAnotherPhoneAndTheResidentIsTold() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let register = try #require(r.phone)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let res = try await b.post(
                "/residents/\(r.id!)/assist",
                ["channel": "reception", "phoneSource": "other", "phone": "139 1234 0001"])
            #expect(res.status == .seeOther)
            let user = try #require(try await User.query(on: t.db).filter(\.$resident.$id == r.id!).first())
            #expect(user.phone == "13912340001")
            let entry = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.residentRegisterAssisted.rawValue)
                    .first())
            let details = AuditEntry.decode(entry.details)
            #expect(details["registerPhone"] == register && details["phone"] == "13912340001")
            #expect(details["phoneDiffersFromRegister"] == "true")
            let sms = try #require(
                try await OutboxMessage.query(on: t.db).filter(\.$phone == register).first(),
                "the register phone is told")
            #expect(
                sms.body.contains(OneTimeCodeRules.mask("13912340001")) && sms.body.contains("议事")
                    && !sms.body.contains("13912340001"))
        }
    }

    @Test func theVerifyPageTellsNothingBeyondTheStaffMembersArea() async throws {
        try await withYishi(demo: true) { t in
            // An unverified account, so that the phone is known.
            let r = Browser(t.app)
            _ = try await r.post("/signin/code", ["phone": "13611112222"])
            let sms = try #require(try await OutboxMessage.query(on: t.db).filter(\.$phone == "13611112222").first())
            _ = try await r.post("/signin/verify", ["code": String(sms.body.filter(\.isNumber).prefix(6))])
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let notFound = Catalog.text(VerifyText.residentNotFound, .zhHans)
            let unknownCode = try await staff.post(
                "/residents/verify", ["phone": "13611112222", "resident": "R-NOPE-1"])
            let outside = try await staff.post(
                "/residents/verify", ["phone": "13611112222", "resident": "R-BS01-C2-X1-B1-101-1"])
            #expect(unknownCode.status == .unprocessableEntity && outside.status == .unprocessableEntity)
            #expect(
                unknownCode.text.contains(notFound) && outside.text.contains(notFound),
                "one answer for unknown and not yours")
            let unknownPhone = try await staff.post("/residents/verify", ["phone": "13699990000", "resident": code])
            #expect(unknownPhone.status == .unprocessableEntity)
            #expect(unknownPhone.text.contains(Catalog.text(VerifyText.phoneNotFound, .zhHans)))
            for page in [unknownCode, outside, unknownPhone] {
                #expect(!page.text.contains("{0}") && !page.text.contains(Catalog.text(FieldText.unknownNode, .zhHans)))
            }
            // Without the right at all: refused as before.
            let planner = Browser(t.app)
            try await planner.signIn("planner")
            #expect(
                try await planner.post("/residents/verify", ["phone": "13611112222", "resident": code]).status
                    == .forbidden)
        }
    }
}
