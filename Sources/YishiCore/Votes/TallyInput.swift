import Foundation

/// A refused row of a register or ballots file: its line (the header is line 1) and why.
public struct InputProblem: Error, Hashable, Sendable {
    public var line: Int
    public var message: Bilingual
    public init(line: Int, message: Bilingual) {
        self.line = line
        self.message = message
    }
}

public struct InputProblems: Error, Hashable, Sendable {
    public var list: [InputProblem]
    public init(list: [InputProblem]) { self.list = list }
}

/// Reads the rows of REGISTER.csv and BALLOTS.csv (docs/votes.md) into the engine's types.
public enum TallyInput {
    public static let registerColumns = ["unit", "owners", "status", "register_area", "survey_area", "contract_area"]
    public static let ballotColumns = ["owner", "choice"]

    /// Chinese words a committee's spreadsheet may use for the choices.
    static let choiceWords: [String: BallotChoice] = ["同意": .agree, "反对": .against, "弃权": .abstain, "无效": .invalid]

    static func index(_ header: [String], required: [String]) -> Result<[String: Int], InputProblems> {
        let idx = Dictionary(
            header.enumerated().map { ($0.element.trimmed.lowercased(), $0.offset) }, uniquingKeysWith: { a, _ in a })
        let missing = required.filter { idx[$0] == nil }
        guard missing.isEmpty else {
            return .failure(
                InputProblems(list: [
                    InputProblem(
                        line: 1,
                        message: .init(
                            "缺少列：\(missing.joined(separator: ", "))（应有 \(required.joined(separator: ","))）",
                            "missing columns: \(missing.joined(separator: ", ")) (expected \(required.joined(separator: ",")))"
                        ))
                ]))
        }
        return .success(idx)
    }

    public static func register(header: [String], rows: [(line: Int, fields: [String])]) -> Result<
        [RegisterUnit], InputProblems
    > {
        let idx: [String: Int]
        switch index(header, required: registerColumns) {
        case .success(let i): idx = i
        case .failure(let p): return .failure(p)
        }
        var units: [RegisterUnit] = []
        units.reserveCapacity(rows.count)
        var problems: [InputProblem] = []
        for (line, f) in rows {
            func v(_ c: String) -> String { idx[c].flatMap { $0 < f.count ? f[$0] : nil }?.trimmed ?? "" }
            if f.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            let unit = v("unit")
            if unit.isEmpty {
                problems.append(.init(line: line, message: .init("unit 不能为空", "unit is blank")))
                continue
            }
            guard let status = UnitStatus(rawValue: v("status")) else {
                problems.append(
                    .init(
                        line: line,
                        message: .init(
                            "房屋 \(unit) 的 status「\(v("status"))」无效，应为 delivered、developerUnsold 或 soldUndelivered",
                            "unit \(unit): status \"\(v("status"))\" is not delivered, developerUnsold or soldUndelivered"
                        )))
                continue
            }
            var kind = UnitKind.residential
            if idx["kind"] != nil, !v("kind").isEmpty {
                guard let k = UnitKind(rawValue: v("kind")) else {
                    problems.append(
                        .init(
                            line: line,
                            message: .init(
                                "房屋 \(unit) 的 kind「\(v("kind"))」无效",
                                "unit \(unit): kind \"\(v("kind"))\" is not residential, nonResidential or parking")))
                    continue
                }
                kind = k
            }
            var areas = UnitAreas()
            var bad = false
            for (c, path) in [
                ("register_area", \UnitAreas.register), ("survey_area", \.survey), ("contract_area", \.contract),
            ] {
                let t = v(c)
                guard !t.isEmpty else { continue }
                guard let a = Area(parsing: t), a.centi > 0 else {
                    problems.append(
                        .init(
                            line: line,
                            message: .init(
                                "房屋 \(unit) 的 \(c)「\(t)」不是有效面积（平方米，大于零，最多两位小数）",
                                "unit \(unit): \(c) \"\(t)\" is not an area (m², above zero, at most two decimals)")))
                    bad = true
                    break
                }
                areas[keyPath: path] = a
            }
            if bad { continue }
            let owners = v("owners").split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
            units.append(RegisterUnit(unit: unit, owners: owners, status: status, kind: kind, areas: areas, line: line))
        }
        return problems.isEmpty ? .success(units) : .failure(InputProblems(list: problems))
    }

    public static func ballots(header: [String], rows: [(line: Int, fields: [String])]) -> Result<
        [Ballot], InputProblems
    > {
        let idx: [String: Int]
        switch index(header, required: ballotColumns) {
        case .success(let i): idx = i
        case .failure(let p): return .failure(p)
        }
        let o = idx["owner"]!
        let c = idx["choice"]!
        var ballots: [Ballot] = []
        ballots.reserveCapacity(rows.count)
        var problems: [InputProblem] = []
        for (line, f) in rows {
            let owner = o < f.count ? f[o].trimmed : ""
            let word = c < f.count ? f[c].trimmed : ""
            if owner.isEmpty && word.isEmpty { continue }
            guard !owner.isEmpty else {
                problems.append(.init(line: line, message: .init("owner 不能为空", "owner is blank")))
                continue
            }
            guard let choice = BallotChoice(rawValue: word.lowercased()) ?? choiceWords[word] else {
                problems.append(
                    .init(
                        line: line,
                        message: .init(
                            "业主 \(owner) 的选择「\(word)」无效，应为 agree、against、abstain 或 invalid",
                            "owner \(owner): choice \"\(word)\" is not agree, against, abstain or invalid")))
                continue
            }
            ballots.append(Ballot(owner: owner, choice: choice, line: line))
        }
        return problems.isEmpty ? .success(ballots) : .failure(InputProblems(list: problems))
    }
}
