import Foundation

/// The nine matters of Civil Code art. 278 ¶1; each motion carries exactly one.
public enum OwnersMatter: Int, CaseIterable, Sendable, Codable {
    case rulesOfProcedure = 1
    case managementRules, electCommittee, propertyManager, useMaintenanceFund,
        raiseMaintenanceFund, rebuild, changeCommonParts, otherMajorMatter

    /// Items 6, 7 and 8 need three quarters of the participating; the others more than half.
    public var threshold: Threshold { [6, 7, 8].contains(rawValue) ? .threeQuarters : .half }

    public var name: Bilingual {
        switch self {
        case .rulesOfProcedure: return .init("制定和修改业主大会议事规则", "adopt or amend the owners' assembly rules of procedure")
        case .managementRules: return .init("制定和修改管理规约", "adopt or amend the management rules")
        case .electCommittee: return .init("选举业主委员会或者更换业主委员会成员", "elect or replace the owners' committee")
        case .propertyManager: return .init("选聘和解聘物业服务企业或者其他管理人", "appoint or dismiss the property manager")
        case .useMaintenanceFund: return .init("使用建筑物及其附属设施的维修资金", "use the maintenance fund")
        case .raiseMaintenanceFund: return .init("筹集建筑物及其附属设施的维修资金", "raise the maintenance fund")
        case .rebuild: return .init("改建、重建建筑物及其附属设施", "rebuild or reconstruct buildings and their facilities")
        case .changeCommonParts:
            return .init("改变共有部分的用途或者利用共有部分从事经营活动", "change the use of common parts or run a business on them")
        case .otherMajorMatter:
            return .init("有关共有和共同管理权利的其他重大事项", "other major matters of common ownership and management")
        }
    }
}

public enum Threshold: String, Sendable, Codable {
    /// 过半数: strictly more than half.
    case half
    /// 四分之三以上: three quarters or more.
    case threeQuarters = "three_quarters"
}

/// Whose decision it is (Civil Code art. 278; Shanghai regulations art. 35, 69). The same rules
/// apply within each; the register passed in is the register of that scope.
public enum DecisionScope: Sendable, Codable, Hashable {
    case wholeEstate
    case sharedPart(String)
    case buildingGroup(String)
}

public enum BallotChoice: String, CaseIterable, Sendable, Codable {
    case agree, against, abstain, invalid
}

public struct Ballot: Hashable, Sendable {
    public var owner: String
    public var choice: BallotChoice
    public var line: Int
    public init(owner: String, choice: BallotChoice, line: Int = 0) {
        self.owner = owner
        self.choice = choice
        self.line = line
    }
}

public enum TallyStatus: String, Sendable, Codable {
    case passed, failed
    case noQuorum = "no_quorum"
    case needsReview = "needs_review"
}

public enum TallyError: Error, Hashable, Sendable {
    /// A ballot names an owner who is not on the register.
    case unknownOwner(owner: String, line: Int)
    /// Zero counted area or zero persons: the motion cannot be counted.
    case emptyRegister

    public var message: Bilingual {
        switch self {
        case .unknownOwner(let o, _):
            return .init("选票中的业主 \(o) 不在业主名册上", "owner \(o) in the ballots is not on the register")
        case .emptyRegister:
            return .init(
                "计票面积或人数为零，不能计票", "the counted area or the number of persons is zero: the motion cannot be counted")
        }
    }
}

/// One condition of the law with the numbers put in.
public struct TallyCondition: Hashable, Sendable, Codable {
    public var name: String
    /// e.g. "3 × 140.30 ≥ 2 × 210.45".
    public var check: String
    public var passed: Bool
}

/// The counts of one way of treating invalid ballots.
public struct TallyCounts: Hashable, Sendable, Codable {
    public var personsParticipating: Int
    public var personsAgree: Int
    public var areaParticipating: Int64
    public var areaAgree: Int64
    public var quorumMet: Bool
    public var thresholdMet: Bool
    public var status: TallyStatus
    public var conditions: [TallyCondition]
}

/// The result of an owners' vote: every figure, every condition and notes in both languages.
public struct OwnersTallyResult: Sendable {
    public var matter: OwnersMatter
    public var scope: DecisionScope
    public var threshold: Threshold
    public var status: TallyStatus
    public var personsTotal: Int
    public var personsAgree: Int, personsAgainst: Int, personsAbstain: Int, personsInvalid: Int, personsNotReturned: Int
    public var areaTotal: Int64
    public var areaAgree: Int64, areaAgainst: Int64, areaAbstain: Int64, areaInvalid: Int64, areaNotReturned: Int64
    /// Invalid ballots counted as participating but not agreeing.
    public var invalidAsParticipating: TallyCounts
    /// Invalid ballots counted as not participating.
    public var invalidAsAbsent: TallyCounts
    /// With the "silence follows the majority" clause, when the estate's rules contain one.
    public var withSilenceClause: TallyCounts?
    public var notes: [Bilingual]

    /// The figures reported as "participating": invalid ballots count as taking part (the stricter
    /// reading for the threshold); `invalidAsAbsent` holds the other reading.
    public var personsParticipating: Int { invalidAsParticipating.personsParticipating }
    public var areaParticipating: Int64 { invalidAsParticipating.areaParticipating }
    public var quorumMet: Bool { invalidAsParticipating.quorumMet }
}

public enum OwnersTally {
    /// Counts `ballots` against the frozen register. Integer arithmetic only. `recordedConflicts`:
    /// persons whose co-owners' differing ballots were recorded as one invalid ballot (on paper, on
    /// the platform) — explained like the conflicts found among the ballots themselves.
    public static func count(
        register: FrozenRegister, ballots: [Ballot], matter: OwnersMatter, scope: DecisionScope = .wholeEstate,
        silenceFollowsMajority: Bool = false, recordedConflicts: Int = 0
    ) -> Result<OwnersTallyResult, TallyError> {
        let n = register.persons.count
        guard n > 0, register.areaTotal > 0 else { return .failure(.emptyRegister) }
        // 0 none, 1 agree, 2 against, 3 abstain, 4 invalid
        var state = [UInt8](repeating: 0, count: n)
        var conflicts = recordedConflicts
        for b in ballots {
            guard let p = register.personOfOwner[b.owner] else {
                return .failure(.unknownOwner(owner: b.owner, line: b.line))
            }
            let c: UInt8 =
                switch b.choice {
                case .agree: 1
                case .against: 2
                case .abstain: 3
                case .invalid: 4
                }
            let s = state[p]
            if s == 0 {
                state[p] = c
            } else if s != c && s != 4 {
                state[p] = 4
                conflicts += 1
            }
        }
        var cnt = [Int](repeating: 0, count: 5)
        var area = [Int64](repeating: 0, count: 5)
        for i in 0..<n {
            let s = Int(state[i])
            cnt[s] += 1
            area[s] += register.persons[i].area
        }
        let threshold = matter.threshold
        let totalN = n
        let totalA = register.areaTotal
        func evaluate(partN: Int, partA: Int64, yesN: Int, yesA: Int64) -> TallyCounts {
            let quorumA = 3 * partA >= 2 * totalA
            let quorumN = 3 * partN >= 2 * totalN
            var conditions = [
                TallyCondition(
                    name: "quorum_area", check: "3 × \(Area(centi: partA)) ≥ 2 × \(Area(centi: totalA))",
                    passed: quorumA),
                TallyCondition(name: "quorum_persons", check: "3 × \(partN) ≥ 2 × \(totalN)", passed: quorumN),
            ]
            let thA: Bool
            let thN: Bool
            switch threshold {
            case .half:
                thA = 2 * yesA > partA
                thN = 2 * yesN > partN
                conditions += [
                    TallyCondition(
                        name: "threshold_area", check: "2 × \(Area(centi: yesA)) > \(Area(centi: partA))", passed: thA),
                    TallyCondition(name: "threshold_persons", check: "2 × \(yesN) > \(partN)", passed: thN),
                ]
            case .threeQuarters:
                thA = 4 * yesA >= 3 * partA
                thN = 4 * yesN >= 3 * partN
                conditions += [
                    TallyCondition(
                        name: "threshold_area", check: "4 × \(Area(centi: yesA)) ≥ 3 × \(Area(centi: partA))",
                        passed: thA),
                    TallyCondition(name: "threshold_persons", check: "4 × \(yesN) ≥ 3 × \(partN)", passed: thN),
                ]
            }
            let quorum = quorumA && quorumN
            let passes = thA && thN
            return TallyCounts(
                personsParticipating: partN, personsAgree: yesN, areaParticipating: partA, areaAgree: yesA,
                quorumMet: quorum, thresholdMet: passes, status: !quorum ? .noQuorum : (passes ? .passed : .failed),
                conditions: conditions)
        }
        let votedN = cnt[1] + cnt[2] + cnt[3]
        let votedA = area[1] + area[2] + area[3]
        let withInvalid = evaluate(partN: votedN + cnt[4], partA: votedA + area[4], yesN: cnt[1], yesA: area[1])
        let withoutInvalid = evaluate(partN: votedN, partA: votedA, yesN: cnt[1], yesA: area[1])
        let status = withInvalid.status == withoutInvalid.status ? withInvalid.status : .needsReview

        var notes = register.notes
        notes.append(
            .init(
                "表决事项：第\(matter.rawValue)项 \(matter.name.zh)；\(threshold == .half ? "须经参与表决者专有部分面积过半数且人数过半数同意" : "须经参与表决者专有部分面积四分之三以上且人数四分之三以上同意")（民法典第二百七十八条）",
                "matter \(matter.rawValue): \(matter.name.en); needs \(threshold == .half ? "more than half" : "three quarters or more") of the participating area and persons (Civil Code art. 278)"
            ))
        notes.append(
            .init(
                "参与表决须达专有部分面积三分之二以上且人数三分之二以上",
                "participation must reach two thirds of the area and two thirds of the persons"))
        if conflicts > 0 {
            notes.append(
                .init(
                    "\(conflicts) 人的共有人投票不一致，按无效票处理",
                    "persons whose co-owners chose differently: \(conflicts); their ballots are invalid"))
        }
        if cnt[4] > 0 {
            if status == .needsReview {
                notes.append(
                    .init(
                        "无效票 \(cnt[4]) 人：计入参与表决时结果为「\(statusName(withInvalid.status).zh)」，不计入时为「\(statusName(withoutInvalid.status).zh)」，法律未作规定，须人工复核",
                        "invalid ballots: \(cnt[4]). Counted as taking part the result is \(statusName(withInvalid.status).en), left out it is \(statusName(withoutInvalid.status).en); the law is silent, so this needs review"
                    ))
            } else {
                notes.append(
                    .init(
                        "无效票 \(cnt[4]) 人：无论是否计入参与表决，结果相同",
                        "invalid ballots: \(cnt[4]); the result is the same whether or not they count as taking part"))
            }
        }
        var silence: TallyCounts? = nil
        if silenceFollowsMajority {
            // Those who did not vote follow the side that won both persons and area among the votes cast.
            let agreeWins = cnt[1] > cnt[2] && area[1] > area[2]
            let againstWins = cnt[2] > cnt[1] && area[2] > area[1]
            let joinN = cnt[0]
            let joinA = area[0]
            let partN = votedN + cnt[4] + ((agreeWins || againstWins) ? joinN : 0)
            let partA = votedA + area[4] + ((agreeWins || againstWins) ? joinA : 0)
            silence = evaluate(
                partN: partN, partA: partA, yesN: cnt[1] + (agreeWins ? joinN : 0),
                yesA: area[1] + (agreeWins ? joinA : 0))
            notes.append(
                .init(
                    "警告：管理规约含「未表决视为同意多数意见」条款。该条款效力在司法实践中存在争议，以下同时给出未适用和适用该条款的结果（适用后：\(statusName(silence!.status).zh)）",
                    "warning: the estate's rules say that owners who do not vote follow the majority. Courts are split on such clauses, so the result is given both without and with it (with it: \(statusName(silence!.status).en))"
                ))
            if !agreeWins && !againstWins {
                notes.append(
                    .init(
                        "已投票者中同意与反对未形成人数和面积的双重多数，未表决者无多数可从",
                        "among the votes cast neither side won both persons and area, so there is no majority for the silent to follow"
                    ))
            }
        }
        return .success(
            OwnersTallyResult(
                matter: matter, scope: scope, threshold: threshold, status: status, personsTotal: totalN,
                personsAgree: cnt[1], personsAgainst: cnt[2], personsAbstain: cnt[3], personsInvalid: cnt[4],
                personsNotReturned: cnt[0],
                areaTotal: totalA, areaAgree: area[1], areaAgainst: area[2], areaAbstain: area[3], areaInvalid: area[4],
                areaNotReturned: area[0],
                invalidAsParticipating: withInvalid, invalidAsAbsent: withoutInvalid, withSilenceClause: silence,
                notes: notes))
    }

    public static func statusName(_ s: TallyStatus) -> Bilingual {
        switch s {
        case .passed: return .init("通过", "passed")
        case .failed: return .init("未通过", "failed")
        case .noQuorum: return .init("参与人数或面积不足", "no quorum")
        case .needsReview: return .init("须人工复核", "needs review")
        }
    }
}
