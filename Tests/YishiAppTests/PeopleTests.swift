import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The household register on screen (issue 16, items 7–9): search in scope, a resident's record
/// corrected and audited with its provenance, moves, new households and residents, the
/// committee's lists and their CSV, and whole phone numbers shown only to the committee.
@Suite("People: search, records, lists")
struct PeopleTests {
    let code = "R-BS01-C1-X1-B1-102-1"

    func resident(_ code: String, _ db: any Database) async throws -> Resident {
        try #require(try await Resident.query(on: db).filter(\.$code == code).first())
    }

    /// The README's walk-through, as `baolin1`: find a resident by phone, correct her year of
    /// birth, mark her as living alone, list the elderly of her building, see it in the audit log.
    @Test func aCommitteeMembersDayOnScreen() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let phone = try #require(r.phone)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let home = try await b.get("/")
            #expect(home.text.contains(#"href="/search""#), "search is in the menu")
            let found = try await b.get("/search?q=\(phone.suffix(4))")
            #expect(found.status == .ok)
            #expect(found.text.contains(#"href="/residents/\#(r.id!.uuidString)""#), "found by the last four digits")
            #expect(!found.text.contains(phone), "the number stays masked in results")
            let page = try await b.get("/residents/\(r.id!)")
            #expect(page.status == .ok && page.text.contains(r.name))
            #expect(page.text.contains(OneTimeCodeRules.mask(phone)) && !page.text.contains(phone))
            let newYear = r.birthYear - 2
            let flags = r.residentFlags.union(.livingAlone).names
            let saved = try await b.post(
                "/residents/\(r.id!)",
                fields: [
                    ("name", r.name), ("birthYear", String(newYear)), ("phone", OneTimeCodeRules.mask(phone)),
                    ("channel", "visit"),
                ] + flags.map { ("flags[]", $0) })
            #expect(saved.status == .seeOther)
            #expect(saved.headers.first(name: .location) == "/residents/\(r.id!.uuidString)?notice=people.saved")
            let after = try await resident(code, t.db)
            #expect(after.birthYear == newYear)
            #expect(after.residentFlags.contains(.livingAlone))
            #expect(after.phone == phone, "the unchanged masked number keeps the stored one")
            // In the audit log, under her name and the committee member's, with where it came from.
            let entry = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.residentUpdate.rawValue).first())
            #expect(entry.actorLabel.contains("王芳"))
            #expect(entry.details.contains("\(r.birthYear) → \(newYear)") && entry.details.contains("livingAlone"))
            #expect(entry.channel == "visit" && entry.onBehalfOf == r.id)
            #expect(!entry.details.contains(phone))
            // The elderly of her building, on screen and as CSV.
            let home2 = try await ResidentHomeLookup.of(r.id!, t)
            let community = try #require(home2.ancestors.first { $0.level == .community })
            let list = try await b.get(
                "/territory/\(community.id!)/residents?flag=elderly&building=\(home2.building.id!)")
            #expect(list.status == .ok)
            let elderly = try await PeopleQueries.list(
                below: community, flag: .elderly, building: home2.building.id, on: t.db)
            #expect(
                !elderly.isEmpty
                    && elderly.allSatisfy { $0.flags.contains(.elderly) && $0.buildingID == home2.building.id })
            for row in elderly { #expect(list.text.contains(row.name)) }
            #expect(
                list.text.contains(try #require(PeopleText.listCount.text(.zhHans, [String(elderly.count)]) as String?))
            )
            let csv = try await b.get(
                "/territory/\(community.id!)/residents.csv?flag=elderly&building=\(home2.building.id!)")
            #expect(csv.status == .ok)
            #expect(csv.headers.first(name: .contentType)?.hasPrefix("text/csv") == true)
            #expect(csv.body.readableBytesView.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a BOM")
            #expect(csv.text.components(separatedBy: "\r\n").count == elderly.count + 2)
            #expect(!elderly.compactMap(\.phone).contains { csv.text.contains($0) }, "numbers masked in the file too")
            #expect(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.residentsExport.rawValue).count()
                    == 1)
        }
    }

    @Test func staffOfAnotherCommunityFindAndChangeNothing() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let b = Browser(t.app)
            try await b.signIn("youyixin")
            #expect(try await b.get("/residents/\(r.id!)").status == .forbidden)
            #expect(
                try await b.post("/residents/\(r.id!)", ["name": "X", "birthYear": "1950", "channel": "visit"]).status
                    == .forbidden)
            #expect(try await b.post("/residents/\(r.id!)/phone").status == .forbidden)
            #expect(try await b.post("/residents/\(r.id!)/move", ["household": "H-x"]).status == .forbidden)
            let found = try await b.get("/search?q=\(H.query(r.name))")
            #expect(!found.text.contains(r.id!.uuidString), "not in their search")
            let home = try await ResidentHomeLookup.of(r.id!, t)
            let community = try #require(home.ancestors.first { $0.level == .community })
            #expect(try await b.get("/territory/\(community.id!)/residents").status == .forbidden)
            #expect(try await b.get("/territory/\(community.id!)/residents.csv").status == .forbidden)
            #expect(try await resident(code, t.db).name == r.name)
            // A planner reads the territory, not the household register.
            let p = Browser(t.app)
            try await p.signIn("planner")
            #expect(try await p.get("/residents/\(r.id!)").status == .forbidden)
            let byName = try await p.get("/search?q=\(H.query(r.name))")
            #expect(byName.status == .ok && !byName.text.contains(r.id!.uuidString))
            // Nobody signed in is sent to sign in; a resident may not search.
            #expect(try await Browser(t.app).get("/search?q=1").status == .seeOther)
        }
    }

    @Test func onlyTheCommitteeSeesAWholeNumberAndEachTimeIsAudited() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let phone = try #require(r.phone)
            let sub = Browser(t.app)
            try await sub.signIn("youyilu")
            let page = try await sub.get("/residents/\(r.id!)")
            #expect(page.status == .ok && !page.text.contains("/residents/\(r.id!.uuidString)/phone"))
            #expect(try await sub.post("/residents/\(r.id!)/phone").status == .forbidden)
            #expect(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.phoneReveal.rawValue).count() == 0)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            #expect(try await b.get("/residents/\(r.id!)").text.contains("/residents/\(r.id!.uuidString)/phone"))
            let shown = try await b.post("/residents/\(r.id!)/phone")
            #expect(shown.status == .ok && shown.text.contains(phone))
            _ = try await b.post("/residents/\(r.id!)/phone")
            let reveals = try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.phoneReveal.rawValue)
                .all()
            #expect(reveals.count == 2 && reveals.allSatisfy { $0.actorLabel.contains("王芳") && $0.targetID == code })
        }
    }

    @Test func badDetailsAreRefusedWithTheImportsWordsAndChangeNothing() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let res = try await b.post(
                "/residents/\(r.id!)",
                ["name": "", "birthYear": "18", "phone": "123", "channel": "visit"])
            #expect(res.status == .unprocessableEntity)
            #expect(
                res.text.contains(ImportText.badYear.text(.zhHans))
                    && res.text.contains(ImportText.badPhone.text(.zhHans)))
            #expect(res.text.contains(FieldText.requiredText.text(.zhHans)))
            #expect(res.text.contains(#"value="18""#), "what was typed is kept")
            let unknownFlag = try await b.post(
                "/residents/\(r.id!)",
                fields: [("name", "A"), ("birthYear", "1950"), ("channel", "visit"), ("flags[]", "vip")])
            #expect(unknownFlag.status == .unprocessableEntity)
            let noChannel = try await b.post("/residents/\(r.id!)", ["name": "A", "birthYear": "1950"])
            #expect(noChannel.status == .unprocessableEntity)
            let after = try await resident(code, t.db)
            #expect(after.name == r.name && after.birthYear == r.birthYear && after.flags == r.flags)
            #expect(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.residentUpdate.rawValue).count()
                    == 0)
        }
    }

    @Test func movesStayInScopeAndNewHouseholdsAndResidentsAreAudited() async throws {
        try await withYishi(demo: true) { t in
            let r = try await resident(code, t.db)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            // Another household of the same community, and one of the next community.
            let mine = try await ResidentHomeLookup.of(r.id!, t)
            let community = try #require(mine.ancestors.first { $0.level == .community })
            let here = try await PeopleQueries.list(below: community, flag: nil, building: nil, on: t.db)
                .first { $0.household != mine.household.code }
            let target = try #require(here)
            let elsewhere = try #require(
                try await Household.query(on: t.db).filter(\.$code =~ "H-BS01-C2").first(), "a household next door")
            let refused = try await b.post(
                "/residents/\(r.id!)/move", ["household": elsewhere.code, "moveChannel": "visit"])
            #expect(refused.status == .unprocessableEntity)
            #expect(
                refused.text.contains(PeopleText.noSuchHousehold.text(.zhHans))
                    || refused.text.contains(PeopleText.noSuchHousehold.text(.en)))
            #expect(try await resident(code, t.db).$household.id == mine.household.id)
            let moved = try await b.post(
                "/residents/\(r.id!)/move", ["household": target.household, "moveChannel": "phone"])
            #expect(moved.status == .seeOther)
            let after = try await ResidentHomeLookup.of(r.id!, t)
            #expect(after.household.code == target.household)
            let entry = try #require(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.residentMove.rawValue).first())
            #expect(entry.details.contains(mine.household.code) && entry.channel == "phone")
            // A new household on a unit, then a new resident in it.
            let unitID = mine.unit.id!
            #expect(try await b.post("/units/\(unitID)/households", ["code": ""]).status == .seeOther)
            let added = try #require(
                try await Household.query(on: t.db).filter(\.$unit.$id == unitID).sort(\.$createdAt, .descending)
                    .first())
            #expect(
                try await b.post("/units/\(unitID)/households", ["code": added.code]).status == .unprocessableEntity,
                "a taken number: 422, not 500")
            let newResident = try await b.post(
                "/units/\(unitID)/residents",
                fields: [
                    ("household", added.id!.uuidString), ("name", "新居民"), ("birthYear", "1946"),
                    ("channel", "reception"),
                    ("flags[]", "elderly"), ("flags[]", "livingAlone"),
                ])
            #expect(newResident.status == .seeOther)
            let created = try #require(try await Resident.query(on: t.db).filter(\.$household.$id == added.id!).first())
            #expect(created.name == "新居民" && created.residentFlags == [.elderly, .livingAlone])
            #expect(
                try await AuditEntry.query(on: t.db).filter(\.$action == AuditAction.residentCreate.rawValue).count()
                    == 1)
            // Its number changed; a number in use is a 422, not a 500.
            #expect(try await b.post("/households/\(added.id!)", ["code": "H-NEW-1"]).status == .seeOther)
            #expect(try await Household.find(added.id, on: t.db)?.code == "H-NEW-1")
            #expect(
                try await b.post("/households/\(added.id!)", ["code": mine.household.code]).status
                    == .unprocessableEntity)
            // The next community's staff cannot add to this unit.
            let other = Browser(t.app)
            try await other.signIn("youyixin")
            #expect(try await other.post("/units/\(unitID)/households", ["code": ""]).status == .forbidden)
            #expect(try await other.post("/households/\(added.id!)", ["code": "H-X"]).status == .forbidden)
        }
    }

    @Test func doorsAreReadAsBuildingAndRoom() {
        #expect(PeopleQueries.door("1-101")! == ("1", "101"))
        #expect(PeopleQueries.door("1号楼-101")! == ("1", "101"))
        #expect(PeopleQueries.door("2－302")! == ("2", "302"))
        #expect(PeopleQueries.door("王芳") == nil)
        #expect(PeopleQueries.door("1-") == nil)
    }
}

/// A resident's home with the building's ancestors, read as the platform (tests only).
enum ResidentHomeLookup {
    static func of(_ id: UUID, _ t: TestContext) async throws
        -> (household: Household, unit: YishiApp.Unit, building: TerritoryNode, ancestors: [TerritoryNode])
    {
        let home = try await t.platform.resident(id, for: .personalDataRead)
        let ancestors = try await TerritoryQueries.ancestors(of: home.building, on: t.db)
        return (home.household, home.unit, home.building, ancestors)
    }
}

@Suite("People: the owners' register on screen")
struct OwnerPagesTests {
    @Test func committeeStaffKeepTheOwnersRegisterAndTheOwnersCommitteeReadsIt() async throws {
        try await withYishi(demo: true) { t in
            let unit = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1-101").first())
            let other = try #require(
                try await YishiApp.Unit.query(on: t.db).filter(\.$code == "BS01-C1-X1-B1-102").first())
            let owner = try #require(
                try await Ownership.query(on: t.db).filter(\.$unit.$id == unit.id!).with(\.$owner).first()?.owner)
            let b = Browser(t.app)
            try await b.signIn("baolin1")
            let page = try await b.get("/units/\(unit.id!)")
            #expect(page.text.contains(#"href="/owners/\#(owner.id!.uuidString)""#))
            // Correct the owner's name; the masked phone sent back unchanged keeps the number.
            let saved = try await b.post(
                "/owners/\(owner.id!)", ["name": "新名字", "phone": OneTimeCodeRules.mask(owner.phone ?? "")])
            #expect(saved.status == .seeOther)
            let after = try #require(try await Owner.find(owner.id, on: t.db))
            #expect(after.name == "新名字" && after.phone == owner.phone)
            // The same owner on a second home, by number; then a new owner; then a removal.
            #expect(try await b.post("/units/\(other.id!)/owners", ["ownerCode": owner.code]).status == .seeOther)
            #expect(try await Ownership.query(on: t.db).filter(\.$owner.$id == owner.id!).count() == 2)
            #expect(
                try await b.post("/units/\(other.id!)/owners", ["ownerCode": owner.code]).status
                    == .unprocessableEntity,
                "twice: a 422, not a 500")
            #expect(
                try await b.post("/units/\(other.id!)/owners", ["name": "", "phone": "1"]).status
                    == .unprocessableEntity)
            #expect(
                try await b.post("/units/\(other.id!)/owners", ["name": "赵新", "phone": "13900001111"]).status
                    == .seeOther)
            #expect(
                try await b.post("/units/\(other.id!)/owners/\(owner.id!)/remove").status == .seeOther)
            #expect(try await Ownership.query(on: t.db).filter(\.$owner.$id == owner.id!).count() == 1)
            for action in [AuditAction.ownerUpdate, .ownershipAdd, .ownershipRemove] {
                #expect(
                    try await AuditEntry.query(on: t.db).filter(\.$action == action.rawValue).count() >= 1, "\(action)")
            }
            // An owner of the next community, by a guessed number: "no such owner", nothing linked.
            let stranger = try #require(
                try await Ownership.query(on: t.db).join(
                    YishiApp.Unit.self, on: \Ownership.$unit.$id == \YishiApp.Unit.$id
                )
                .filter(YishiApp.Unit.self, \.$code =~ "BS01-C2-").with(\.$owner).first()?.owner)
            let guessed = try await b.post("/units/\(other.id!)/owners", ["ownerCode": stranger.code])
            #expect(guessed.status == .unprocessableEntity && !guessed.text.contains(stranger.name))
            // The owners' committee reads, cannot change; the next community cannot even read.
            let committee = Browser(t.app)
            try await committee.signIn("yeweihui")
            let read = try await committee.get("/owners/\(owner.id!)")
            #expect(read.status == .ok && !read.text.contains(#"action="/owners/"#))
            #expect(try await committee.post("/owners/\(owner.id!)", ["name": "X"]).status == .forbidden)
            let next = Browser(t.app)
            try await next.signIn("youyixin")
            #expect(try await next.get("/owners/\(owner.id!)").status == .forbidden)
            #expect(try await next.post("/units/\(unit.id!)/owners", ["name": "X"]).status == .forbidden)
        }
    }
}
