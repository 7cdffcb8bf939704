import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// Roles on screen (issue 16, item 11) and the new-user form's errors (item 13).
@Suite("Users and roles: confirm, keep in sight, pick a place")
struct RolesPageTests {
    @Test func revokingAsksFirstAndTheUserStaysInSightToBeGrantedAgain() async throws {
        try await withYishi(demo: true) { t in
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "youyixin").first())
            let grant = try #require(try await RoleGrant.query(on: t.db).filter(\.$user.$id == user.id!).first())
            let path = "/users/\(user.id!)/grants/\(grant.id!)/revoke"
            let show = try await admin.get("/users/\(user.id!)")
            #expect(show.text.contains(#"href="\#(path)""#), "the revoke button leads to a question")
            let ask = try await admin.get(path)
            #expect(ask.status == .ok && ask.text.contains(UsersText.revokeEffect.text(.zhHans)))
            #expect(try await RoleGrant.find(grant.id, on: t.db) != nil, "asking changes nothing")
            #expect(try await admin.post(path).status == .seeOther)
            #expect(try await RoleGrant.find(grant.id, on: t.db) == nil)
            // Still in the administrator's list and page, with a way to grant again.
            #expect(try await admin.get("/users").text.contains(user.displayName))
            let again = try await admin.get("/users/\(user.id!)")
            #expect(again.status == .ok && again.text.contains(UsersText.noRoleHere.text(.zhHans)))
            let regrant = try await admin.post(
                "/users/\(user.id!)/grants", ["role": "communityStaff", "node": "BS01-C2"])
            #expect(regrant.status == .seeOther)
            #expect(try await RoleGrant.query(on: t.db).filter(\.$user.$id == user.id!).count() == 1)
            // An administrator of another district does not see them.
            let other = try await TerritoryEditing.create(
                below: nil, .init(code: "JD", name: "嘉定区", kind: nil, address: nil), by: t.platform)
            let root = Browser(t.app)
            try await root.signIn("admin")
            let made = try await root.post(
                "/users",
                [
                    "username": "jiading", "displayName": "嘉定区管理员", "password": "jiading-2026-x",
                    "role": "districtAdmin", "node": other.code,
                ])
            #expect(made.status == .seeOther)
            let j = Browser(t.app)
            try await j.signIn("jiading", password: "jiading-2026-x")
            #expect(!(try await j.get("/users")).text.contains(user.displayName))
            #expect(try await j.get("/users/\(user.id!)").status == .forbidden)
        }
    }

    @Test func thePlaceIsPickedFromTheAdministratorsOwnList() async throws {
        try await withYishi(demo: true) { t in
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            let user = try #require(try await User.query(on: t.db).filter(\.$username == "youyixin").first())
            let page = try await admin.get("/users/\(user.id!)")
            #expect(page.text.contains(#"<datalist id="places">"#) && page.text.contains(#"list="places""#))
            #expect(page.text.contains(#"<option value="BS01-C1">"#), "a community of their district")
            #expect(
                !page.text.contains(#"<option value="BS01-C1-X1-B1">"#), "no buildings: staff do not hold roles there")
        }
    }

    @Test func anEmptyNewUserFormNamesEachFieldInOrderAndSaysRequired() async throws {
        try await withYishi(demo: true) { t in
            let admin = Browser(t.app)
            try await admin.signIn("baoshan")
            let res = try await admin.post("/users", [:])
            #expect(res.status == .unprocessableEntity)
            let summary = try #require(res.text.components(separatedBy: #"class="error-summary""#).dropFirst().first)
            let order = ["#field-username", "#field-displayName", "#field-password", "#field-role"].map {
                summary.range(of: $0)?.lowerBound
            }
            #expect(order.allSatisfy { $0 != nil }, "each field named")
            #expect(zip(order, order.dropFirst()).allSatisfy { $0! < $1! }, "in the fields' order")
            #expect(summary.components(separatedBy: FieldText.requiredText.text(.zhHans)).count >= 4, "必填 for each")
        }
    }
}
