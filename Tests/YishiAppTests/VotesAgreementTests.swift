import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import YishiApp
@testable import YishiCore

/// The command line and the platform agree (issue 19 §9): each case of the tally boundary table
/// (`cliCases`) is imported into the territory as a compound of its own (units and owners by CSV),
/// run as a vote through the API, and its result compared, key by key, with what `yishi votes
/// tally` prints for the same files.
@Suite("Votes: the command line and the platform agree")
struct VotesAgreementTests {
    struct Row {
        var unit: String
        var owners: [String]
        var status: String
        var areas: [String]
        var kind: String
    }

    static func rows(_ csv: String) throws -> [Row] {
        let t = try CSVTable.read(Data(csv.utf8))
        let i = Dictionary(uniqueKeysWithValues: t.header.enumerated().map { ($0.element, $0.offset) })
        return t.rows.map { r in
            let f = r.fields
            return Row(
                unit: f[i["unit"]!], owners: f[i["owners"]!].split(separator: ";").map(String.init),
                status: f[i["status"]!],
                areas: [f[i["register_area"]!], f[i["survey_area"]!], f[i["contract_area"]!]],
                kind: i["kind"].map { f[$0] } ?? "residential")
        }
    }

    @Test(arguments: Array(cliCases.enumerated()))
    func theSameFilesGiveTheSameResult(_ item: (offset: Int, element: CLICase)) async throws {
        let (n, c) = item
        try await withYishi(demo: true) { t in
            let compound = "BS01-C1-AG\(n)"
            let building = compound + "-B1"
            let unitCode = { (u: String) in "\(building)-\(u)" }
            let ownerCode = { (o: String) in "AG\(n)-\(o)" }
            let rows = try Self.rows(c.register)
            // The territory, by the import files a committee would send.
            let unitLines: [String] = rows.map { r in
                let areas = r.areas.joined(separator: ",")
                return "\(unitCode(r.unit)),\(building),\(r.unit),\(r.kind),\(r.status),\(areas)"
            }
            var ownerLines: [String] = []
            for r in rows {
                for o in r.owners { ownerLines.append("\(ownerCode(o)),业主\(o),,\(unitCode(r.unit))") }
            }
            let files: [String] = [
                "code,community,name,housing_type,address\n\(compound),BS01-C1,协议小区\(n),commodityHousing,宝山区\n",
                "code,compound,name,building_group\n\(building),\(compound),1号,第一楼组\n",
                "code,building,number,kind,status,register_area,survey_area,contract_area\n"
                    + unitLines.joined(separator: "\n") + "\n",
                "owner,name,phone,unit\n" + ownerLines.joined(separator: "\n") + "\n",
            ]
            for f in files { _ = try await TerritoryImporter.run(Data(f.utf8), by: t.platform) }
            // The same files for the command line, with the same codes.
            let registerLines: [String] = rows.map { r in
                let owners = r.owners.map(ownerCode).joined(separator: ";")
                let areas = r.areas.joined(separator: ",")
                return "\(unitCode(r.unit)),\(owners),\(r.status),\(areas),\(r.kind)"
            }
            let register =
                "unit,owners,status,register_area,survey_area,contract_area,kind\n"
                + registerLines.joined(separator: "\n")
                + "\n"
            let ballotTable = try CSVTable.read(Data(c.ballots.utf8))
            let ballots = ballotTable.rows.map { (owner: ownerCode($0.fields[0]), word: $0.fields[1]) }
            let ballotsCSV = "owner,choice\n" + ballots.map { "\($0.owner),\($0.word)" }.joined(separator: "\n") + "\n"
            let cli = TallyFiles.run(
                register: Data(register.utf8), registerFile: "register.csv", ballots: Data(ballotsCSV.utf8),
                ballotsFile: "ballots.csv", options: .init(matter: OwnersMatter(rawValue: c.matter)!))
            guard case .success(let expected) = cli else {
                Issue.record("the command line refused the case: \(cli)")
                return
            }
            #expect(expected.status == c.status)

            // The platform: a vote at the compound, run through the API by the residents' committee.
            let staff = Browser(t.app)
            try await staff.signIn("baolin1")
            let made = try await staff.json(
                .POST, "/api/v1/votes",
                #"{"node": "\#(compound)", "matter": \#(c.matter), "title": "\#(c.name)", "text": "协议测试", "registerNoticeDays": 0}"#
            )
            #expect(made.status == .created, "\(made.text)")
            let id = try made.decode(DTO.OwnersVote.self).id
            let base = "/api/v1/votes/\(id)"
            #expect(try await staff.json(.POST, "\(base)/register", "{}").status == .ok)
            #expect(try await staff.json(.POST, "\(base)/open").status == .ok)
            // One ballot per person: co-owners who chose differently are one invalid ballot, as on paper.
            let reg = try await staff.json(.GET, "\(base)/register").decode(DTO.OwnersRegister.self)
            for p in reg.persons {
                let mine = ballots.filter { p.owners.contains($0.owner) }
                guard let first = mine.first else { continue }
                let choices = Set(mine.map { BallotChoice(rawValue: $0.word) ?? TallyInput.choiceWords[$0.word]! })
                let body =
                    choices.count == 1
                    ? #"{"owner": "\#(first.owner)", "choice": "\#(choices.first!.rawValue)", "channel": "paper", "serial": "\#(p.number)"}"#
                    : #"{"owner": "\#(first.owner)", "choice": "invalid", "invalidReason": "conflictingCoOwners", "channel": "paper", "serial": "\#(p.number)"}"#
                let cast = try await staff.json(.POST, "\(base)/ballots", body)
                #expect(cast.status == .created, "\(cast.text)")
            }
            #expect(try await staff.json(.POST, "\(base)/close").status == .ok)
            let result = try await staff.json(.GET, "\(base)/result")
            #expect(result.status == .ok)
            #expect(result.text == TallyReport(expected).json(), "\(c.name)")
            #expect(try await OwnersVotes.verify(id, on: t.db).ok)
        }
    }
}
