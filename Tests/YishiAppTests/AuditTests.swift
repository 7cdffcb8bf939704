import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

@Suite("Audit log")
struct AuditTests {
    /// Makes a few audited changes: sign-ins, a territory edit, a role grant.
    func someHistory(_ t: TestContext) async throws {
        let b = Browser(t.app)
        try await b.signIn("admin")
        let district = try #require(try await TerritoryNode.query(on: t.db).filter(\.$code == "BS").first())
        #expect(
            try await b.post("/territory/\(district.id!)/edit", ["code": "BS", "name": "宝山区（测试）"]).status == .seeOther)
    }

    @Test func changesAndTheirEntriesAreWrittenTogether() async throws {
        try await withYishi(demo: true) { t in
            let before = try await AuditEntry.query(on: t.db).count()
            try await someHistory(t)
            let entries = try await AuditEntry.query(on: t.db).sort(\.$seq).all()
            #expect(entries.count == before + 2)
            #expect(entries.last?.action == AuditAction.territoryUpdate.rawValue)
            #expect(entries.last?.details.contains("宝山区（测试）") == true)
            #expect(try await AuditLog.verify(on: t.db) == .ok(entries: entries.count))
        }
    }

    @Test func anEditedRowIsDetected() async throws {
        try await withYishi(demo: true) { t in
            try await someHistory(t)
            let sql = t.db as! any SQLDatabase
            try await sql.raw("UPDATE audit_entries SET actor_label = 'someone else' WHERE seq = 2").run()
            #expect(try await AuditLog.verify(on: t.db) == .broken(seq: 2, reason: .hashMismatch))
            // The command reports it and fails.
            await #expect(throws: ExitCode.self) { try await runAuditVerify(t.app) }
        }
    }

    @Test func aDeletedLastRowIsDetected() async throws {
        try await withYishi(demo: true) { t in
            try await someHistory(t)
            try await runAuditVerify(t.app)
            let sql = t.db as! any SQLDatabase
            let last = try await AuditEntry.query(on: t.db).sort(\.$seq, .descending).first()!.seq
            try await sql.raw("DELETE FROM audit_entries WHERE seq = \(bind: last)").run()
            guard case .broken(_, .headMismatch) = try await AuditLog.verify(on: t.db) else {
                Issue.record("not detected")
                return
            }
        }
    }

    @Test func concurrentChangesKeepOneChain() async throws {
        try await withYishi { t in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<20 {
                    group.addTask {
                        try await AuditLog.append(
                            AuditEvent(action: .territoryUpdate, targetType: "test", targetID: "\(i)", nodeID: nil),
                            on: t.db, actor: .system, time: t.clock)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditLog.verify(on: t.db) == .ok(entries: 20))
        }
    }

    @Test func auditPagesAreForAdminsOnly() async throws {
        try await withYishi(demo: true) { t in
            try await someHistory(t)
            let admin = Browser(t.app)
            try await admin.signIn("admin")
            // The page shows the last stored check, not a new one: none yet, then the one made.
            #expect(try await admin.get("/audit").text.contains(Catalog.text("audit.verify.never", .zhHans)))
            try await AuditLog.verifyAndRecord(on: t.db, time: t.app.effects.time)
            let page = try await admin.get("/audit")
            #expect(page.status == .ok)
            #expect(
                page.text.contains(
                    Catalog.text("audit.verify.ok", .zhHans, [String(try await AuditEntry.query(on: t.db).count())])))
            #expect(try await admin.json(.GET, "/api/v1/audit/verify").decode(DTO.AuditVerification.self).ok)
            let district = Browser(t.app)
            try await district.signIn("baoshan")
            #expect(try await district.get("/audit").status == .ok)
            #expect(try await district.json(.GET, "/api/v1/audit/verify").status == .forbidden)
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            #expect(try await staff.get("/audit").status == .forbidden)
        }
    }
}

/// Runs `yishi audit verify` as the command line would.
func runAuditVerify(_ app: Application) async throws {
    var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["yishi", "verify"]))
    context.application = app
    try await AuditCommand().run(using: &context)
}
