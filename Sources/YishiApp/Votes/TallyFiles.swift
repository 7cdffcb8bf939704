import Foundation
import YishiCore

/// The owners' committee's path: two CSV files in, a tally out. No database.
enum TallyFiles {
    struct Options: Sendable {
        var matter: OwnersMatter
        var countParking = false
        var silenceFollowsMajority = false
    }

    /// A problem in one of the files, with its line (0 when it concerns the file as a whole).
    struct Problem: Error, Sendable {
        var file: String
        var line: Int
        var message: Bilingual
        var text: String { "\(file)\(line > 0 ? ":\(line)" : ""): \(message.zh) / \(message.en)" }
    }

    struct Problems: Error, Sendable {
        var list: [Problem]
        var text: String { list.map(\.text).joined(separator: "\n") }
    }

    static func table(_ data: Data, _ file: String) throws(Problem) -> CSVTable {
        do { return try CSVTable.read(data) } catch {
            switch error {
            case .notText:
                throw Problem(
                    file: file, line: 0,
                    message: .init(
                        "文件不是 UTF-8 或 GB18030 编码。在 Excel 中请“另存为 → CSV UTF-8（逗号分隔）”",
                        "the file is neither UTF-8 nor GB18030. In Excel choose Save As → CSV UTF-8 (Comma delimited)"))
            case .empty: throw Problem(file: file, line: 0, message: .init("文件是空的", "the file is empty"))
            case .malformed(let l):
                throw Problem(
                    file: file, line: l, message: .init("CSV 格式有误（引号没有成对？）", "malformed CSV (an unclosed quote?)"))
            }
        }
    }

    static func run(register: Data, registerFile: String, ballots: Data, ballotsFile: String, options: Options)
        -> Result<OwnersTallyResult, Problems>
    {
        let regTable: CSVTable
        let ballotTable: CSVTable
        do {
            regTable = try table(register, registerFile)
            ballotTable = try table(ballots, ballotsFile)
        } catch { return .failure(Problems(list: [error])) }
        var problems: [Problem] = []
        var units: [RegisterUnit] = []
        var votes: [Ballot] = []
        switch TallyInput.register(header: regTable.header, rows: regTable.rows) {
        case .success(let u): units = u
        case .failure(let p): problems += p.list.map { Problem(file: registerFile, line: $0.line, message: $0.message) }
        }
        switch TallyInput.ballots(header: ballotTable.header, rows: ballotTable.rows) {
        case .success(let b): votes = b
        case .failure(let p): problems += p.list.map { Problem(file: ballotsFile, line: $0.line, message: $0.message) }
        }
        guard problems.isEmpty else { return .failure(Problems(list: problems)) }
        let frozen: FrozenRegister
        switch FrozenRegister.freeze(units, countParking: options.countParking) {
        case .success(let f): frozen = f
        case .failure(let p):
            return .failure(
                Problems(list: p.list.map { Problem(file: registerFile, line: $0.line, message: $0.message) }))
        }
        switch OwnersTally.count(
            register: frozen, ballots: votes, matter: options.matter,
            silenceFollowsMajority: options.silenceFollowsMajority)
        {
        case .success(let r): return .success(r)
        case .failure(.unknownOwner(let owner, let line)):
            return .failure(
                Problems(list: [
                    Problem(
                        file: ballotsFile, line: line,
                        message: TallyError.unknownOwner(owner: owner, line: line).message)
                ]))
        case .failure(.emptyRegister):
            return .failure(
                Problems(list: [Problem(file: registerFile, line: 0, message: TallyError.emptyRegister.message)]))
        }
    }
}

/// The JSON the command prints (and a closed vote stores): the figures named in the issue, then
/// everything else that explains them.
struct TallyReport: Codable, Sendable {
    var status: TallyStatus
    var matter: Int
    var threshold: Threshold
    var persons_total: Int
    var persons_participating: Int
    var persons_agree: Int
    var persons_against: Int
    var persons_abstain: Int
    var persons_invalid: Int
    var persons_not_returned: Int
    var area_total: String
    var area_participating: String
    var area_agree: String
    var area_against: String
    var area_abstain: String
    var area_invalid: String
    var quorum_met: Bool
    var conditions: [TallyCondition]
    var invalid_as_participating: Variant
    var invalid_as_not_participating: Variant
    var silence_follows_majority: Variant?
    var notes: [Note]

    struct Variant: Codable, Sendable {
        var status: TallyStatus
        var persons_participating: Int
        var area_participating: String
        var quorum_met: Bool
        var threshold_met: Bool
        var conditions: [TallyCondition]
        init(_ c: TallyCounts) {
            status = c.status
            persons_participating = c.personsParticipating
            area_participating = Area(centi: c.areaParticipating).description
            quorum_met = c.quorumMet
            threshold_met = c.thresholdMet
            conditions = c.conditions
        }
    }

    struct Note: Codable, Sendable {
        var zh: String
        var en: String
    }

    init(_ r: OwnersTallyResult) {
        status = r.status
        matter = r.matter.rawValue
        threshold = r.threshold
        persons_total = r.personsTotal
        persons_participating = r.personsParticipating
        persons_agree = r.personsAgree
        persons_against = r.personsAgainst
        persons_abstain = r.personsAbstain
        persons_invalid = r.personsInvalid
        persons_not_returned = r.personsNotReturned
        area_total = Area(centi: r.areaTotal).description
        area_participating = Area(centi: r.areaParticipating).description
        area_agree = Area(centi: r.areaAgree).description
        area_against = Area(centi: r.areaAgainst).description
        area_abstain = Area(centi: r.areaAbstain).description
        area_invalid = Area(centi: r.areaInvalid).description
        quorum_met = r.quorumMet
        conditions = r.invalidAsParticipating.conditions
        invalid_as_participating = Variant(r.invalidAsParticipating)
        invalid_as_not_participating = Variant(r.invalidAsAbsent)
        silence_follows_majority = r.withSilenceClause.map(Variant.init)
        notes = r.notes.map { Note(zh: $0.zh, en: $0.en) }
    }

    func json() -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }

    static let conditionNames: [String: Bilingual] = [
        "quorum_area": .init("参与表决的专有部分面积", "participating area"),
        "quorum_persons": .init("参与表决人数", "participating persons"),
        "threshold_area": .init("同意的面积", "agreeing area"), "threshold_persons": .init("同意的人数", "agreeing persons"),
    ]

    /// A bilingual summary a committee can post.
    static func text(_ r: OwnersTallyResult) -> String {
        let s = OwnersTally.statusName(r.status)
        let a = { (c: Int64) in Area(centi: c).description }
        var lines = [
            "表决结果 Result: \(s.zh) / \(s.en)",
            "表决事项 Matter \(r.matter.rawValue): \(r.matter.name.zh) / \(r.matter.name.en)",
            "人数 Persons: 共 \(r.personsTotal) total; 参与 \(r.personsParticipating) participating (同意 agree \(r.personsAgree), 反对 against \(r.personsAgainst), 弃权 abstain \(r.personsAbstain), 无效 invalid \(r.personsInvalid)); 未投票 not returned \(r.personsNotReturned)",
            "面积 Area (m²): 共 \(a(r.areaTotal)) total; 参与 \(a(r.areaParticipating)) participating (同意 agree \(a(r.areaAgree)), 反对 against \(a(r.areaAgainst)), 弃权 abstain \(a(r.areaAbstain)), 无效 invalid \(a(r.areaInvalid)))",
            "条件 Conditions:",
        ]
        for c in r.invalidAsParticipating.conditions {
            let n = conditionNames[c.name] ?? .init(c.name, c.name)
            lines.append("  \(c.passed ? "✓" : "✗") \(n.zh) / \(n.en): \(c.check)")
        }
        if let w = r.withSilenceClause {
            lines.append(
                "适用从众条款后 With the silence clause: \(OwnersTally.statusName(w.status).zh) / \(OwnersTally.statusName(w.status).en)"
            )
        }
        lines.append("说明 Notes:")
        for n in r.notes { lines.append("  - \(n.zh)\n    \(n.en)") }
        return lines.joined(separator: "\n")
    }
}
