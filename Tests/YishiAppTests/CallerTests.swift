import Fluent
import Foundation
import Testing
import Vapor

@testable import YishiApp
@testable import YishiCore

/// One write path: a page, the API, a job and a command call the same service with a `Caller`,
/// and get the same answer from the policy and the same audit entry.
@Suite("One write path for every caller")
struct CallerTests {
    func node(_ t: TestContext, _ code: String) async throws -> TerritoryNode {
        try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == code).first())
    }

    func staff(_ t: TestContext, at code: String) async throws -> Caller {
        let grant = Grant(role: .communityStaff, path: try await node(t, code).territoryPath)
        return t.app.caller(
            .person(Actor(userId: UUID(), kind: .staff, isVerified: true, grants: [grant])),
            auditActor: AuditActor(id: nil, label: "job:test"))
    }

    @Test func theSameServiceJudgesEveryCallerTheSameWay() async throws {
        try await withYishi(demo: true) { t in
            let mine = try await node(t, "BS01-C1-X1")
            let theirs = try await node(t, "BS01-C2-X1")
            let job = try await staff(t, at: "BS01-C1")
            let rename = { (n: TerritoryNode, name: String) in
                TerritoryEditing.NodeInput(code: n.code, name: name, kind: n.kind, address: n.address)
            }
            // As a person (a job acting for a community's staff): their compound yes, the next community's no.
            _ = try await TerritoryEditing.update(mine, rename(mine, "改名一"), by: job)
            await #expect(throws: YishiError.self) {
                _ = try await TerritoryEditing.update(theirs, rename(theirs, "改名二"), by: job)
            }
            #expect(try await node(t, "BS01-C2-X1").name == theirs.name, "nothing written")
            // Nobody: refused as not signed in. The platform (the command line): anywhere.
            let nobody = t.app.caller(.nobody, auditActor: .system)
            do {
                _ = try await TerritoryEditing.update(theirs, rename(theirs, "改名三"), by: nobody)
                Issue.record("nobody changed a node")
            } catch YishiError.denied(.notSignedIn) {}
            _ = try await TerritoryEditing.update(theirs, rename(theirs, "改名四"), by: t.platform)
            // Each change that stood has its entry, under the caller's audit name.
            let entries = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.territoryUpdate.rawValue)
                .sort(\.$seq).all()
            #expect(entries.map(\.actorLabel) == ["job:test", "system"])
            #expect(entries.map(\.targetID) == ["BS01-C1-X1", "BS01-C2-X1"])
        }
    }

    @Test func loadersRefuseARecordOutsideScopeWherever() async throws {
        try await withYishi(demo: true) { t in
            let job = try await staff(t, at: "BS01-C1")
            let theirs = try await node(t, "BS01-C2-X1")
            await #expect(throws: YishiError.self) { _ = try await job.node(theirs.id, for: .territoryRead) }
            await #expect(throws: YishiError.self) { _ = try await job.nodeWithFamily(theirs.id, for: .territoryRead) }
            let unit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C2-X1-B1-101").first())
            await #expect(throws: YishiError.self) { _ = try await job.unitDetail(unit.id) }
            let mineUnit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1-101").first())
            #expect(try await job.unitDetail(mineUnit.id).households.isEmpty == false)
            // A token is not a browser: account management is refused.
            #expect(throws: YishiError.self) { _ = try job.requireBrowserSession() }
        }
    }
}

@Suite("Fixtures without the demo")
struct FixtureTests {
    @Test func aCommunityFixtureIsMadeThroughTheServicesAndAudited() async throws {
        try await withYishi { t in
            let f = try await Fixture.community(t, units: 2)
            #expect(f.building.territoryPath.ids.count == 5)
            #expect(f.units.map(\.code) == ["F-B-101", "F-B-102"])
            #expect(try await AuditEntry.query(on: t.db).count() == 7, "five nodes and two units, each with its entry")
            // A staff member of the fixture's community edits there and nowhere else.
            let other = try await Fixture.community(t, prefix: "G", units: 1)
            let staff = f.staff(t)
            _ = try await staff.node(f.compound.id, for: .territoryEdit)
            await #expect(throws: YishiError.self) { _ = try await staff.node(other.compound.id, for: .territoryRead) }
        }
    }
}
