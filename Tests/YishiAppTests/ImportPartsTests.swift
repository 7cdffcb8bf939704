import Fluent
import Foundation
import Testing
import Vapor

@testable import YishiApp
@testable import YishiCore

/// Large imports are written in parts, each in its own transaction with its own audit entry, so
/// they never hold the write lock for long; the same file finishes an import that stopped.
@Suite("Territory import in parts")
struct ImportPartsTests {
    func run(
        _ t: TestContext, _ name: String, partRows: Int,
        progress: (@Sendable (Int, Int) async throws -> Void)? = nil
    ) async throws -> TerritoryImporter.Outcome {
        try await TerritoryImporter.run(
            try Examples.data(name), by: t.platform,
            partRows: partRows, progress: progress)
    }

    func importEntries(_ t: TestContext) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.territoryImport.rawValue).sort(\.$seq)
            .all()
    }

    @Test func partsOfOneRowGiveTheSameRecordsAndOneEntryPerPart() async throws {
        try await withYishi(demo: true) { t in
            let expected = [(1, "compounds"), (2, "buildings"), (5, "units"), (3, "households"), (4, "owners")]
            for (file, (added, kind)) in zip(Examples.files, expected) {
                let before = try await importEntries(t).count
                let heard = Heard()
                let o = try await run(t, file, partRows: 1) { done, rows in await heard.add(done, rows) }
                #expect(o == .init(kind: kind, added: added, updated: 0, unchanged: 0), "\(file)")
                let entries = try await importEntries(t).dropFirst(before)
                #expect(entries.count == added, "one entry per one-row part of \(file)")
                #expect(
                    entries.map { $0.record.details["part"] } == (1...added).map { added > 1 ? "\($0)/\(added)" : nil },
                    "a file of one part says no part")
                #expect(entries.map { $0.record.details["added"] } == Array(repeating: "1", count: added))
                #expect(await heard.calls == (1...added).map { [$0, added] }, "progress after every part of \(file)")
            }
            // A household named on two lines that fall in two parts is added once; so is an owner
            // holding two units.
            #expect(try await Household.query(on: t.db).filter(\.$code == "H-X9-101").count() == 1)
            let owner = try #require(try await Owner.query(on: t.db).filter(\.$code == "O-X9-3").first())
            #expect(try await Owner.query(on: t.db).filter(\.$code == "O-X9-3").count() == 1)
            #expect(try await Ownership.query(on: t.db).filter(\.$owner.$id == owner.id!).count() == 2)
            // Each part's entry lies at the building it changed, so the community's auditors see it.
            let unitEntries = try await importEntries(t).filter { $0.targetType == "units" }
            let building = try #require(
                try await TerritoryNode.query(on: t.db).filter(\.$code == "BS01-C1-X9-B1").first())
            #expect(unitEntries.contains { $0.nodeID == building.id })
            #expect(isOK(try await AuditLog.verify(on: t.db)))
        }
    }

    @Test func aFileRefusedInItsLastPartWritesNothing() async throws {
        try await withYishi(demo: true) { t in
            _ = try await run(t, "1-compounds.csv", partRows: 1)
            _ = try await run(t, "2-buildings.csv", partRows: 1)
            let units = """
                code,building,number,kind,status,register_area,survey_area,contract_area
                P-1,BS01-C1-X9-B1,301,residential,delivered,70.10,,
                P-2,BS01-C1-X9-B1,302,residential,delivered,70.10,,
                P-3,NO-SUCH-BUILDING,303,residential,delivered,70.00,,
                """
            let before = try await YishiApp.Unit.query(on: t.db).count()
            let entries = try await AuditEntry.query(on: t.db).count()
            await #expect(throws: ImportFailure.self) {
                _ = try await TerritoryImporter.run(Data(units.utf8), by: t.platform, partRows: 1)
            }
            #expect(try await YishiApp.Unit.query(on: t.db).count() == before)
            #expect(try await AuditEntry.query(on: t.db).count() == entries)
        }
    }

    @Test func anImportThatStopsBetweenPartsKeepsWhatItWroteAndTheSameFileFinishesIt() async throws {
        try await withYishi(demo: true) { t in
            for file in Examples.files.prefix(3) { _ = try await run(t, file, partRows: 500) }
            // After the first part is written, someone adds a resident under the code the second
            // part will add: that part fails on the unique code, the first stays.
            let db = t.db
            let unit = try #require(
                try await YishiApp.Unit.query(on: db).filter(\.$code == "BS01-C1-X9-B1-102").first())
            let stop = try await #require(throws: TerritoryImporter.Interrupted.self) {
                _ = try await run(t, "4-households.csv", partRows: 2) { done, _ in
                    guard done == 2 else { return }
                    let h = Household(code: "H-ELSEWHERE", unitID: try unit.requireID())
                    try await h.create(on: db)
                    try await Resident(
                        code: "R-X9-102-1", householdID: try h.requireID(), name: "先来的", birthYear: 1960,
                        phone: nil, flags: []
                    ).create(on: db)
                }
            }
            #expect(stop.written == 2 && stop.rows == 3)
            #expect(stop.message.en.contains("2 of 3"))
            #expect(try await Resident.query(on: db).filter(\.$code ~~ ["R-X9-101-1", "R-X9-101-2"]).count() == 2)
            let entries = try await importEntries(t)
            #expect(entries.last?.record.details["part"] == "1/2" && entries.last?.record.details["added"] == "2")
            // The clash is resolved (the early record removed); the same file adds only the rest.
            try await Resident.query(on: db).filter(\.$code == "R-X9-102-1").delete()
            let again = try await run(t, "4-households.csv", partRows: 2)
            #expect(again == .init(kind: "households", added: 1, updated: 0, unchanged: 2))
            #expect(isOK(try await AuditLog.verify(on: db)))
        }
    }
}

/// What a progress callback heard, in order.
actor Heard {
    var calls: [[Int]] = []
    func add(_ a: Int, _ b: Int) { calls.append([a, b]) }
}

func isOK(_ v: AuditVerification) -> Bool { if case .ok = v { true } else { false } }
