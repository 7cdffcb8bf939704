import Foundation

/// A project's kind (项目类型).
public enum ProjectKind: String, Codable, CaseIterable, Sendable {
    /// 微更新, 微改造, 微设计, 微治理
    case microRenewal, microRetrofit, microDesign, microGovernance
}

/// Who started a project (发起方).
public enum ProjectInitiator: String, Codable, CaseIterable, Sendable {
    /// A government department, the community's self-governance, a partner organisation.
    case government, selfGovernance, partner
}

/// The meeting kinds of GLOSSARY.md, by the names the code uses.
public enum MeetingKind: String, Codable, CaseIterable, Sendable {
    case partyMembers, buildingGroup, villagerGroup, representatives, residentsAssembly
    case ownersRepresentatives, ownersAssembly, hearing, coordination, review, joint, caseConference
    /// 村民会议 (a village's assembly of its adults).
    case villagersAssembly

    /// Only party members attend and its record is internal (党员议事会).
    public var isInternal: Bool { self == .partyMembers }
}

/// Text in both languages, as a template file gives it.
public struct BilingualName: Codable, Hashable, Sendable {
    public var zh: String
    public var en: String
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
    enum CodingKeys: String, CodingKey {
        case zh = "zh-Hans"
        case en
    }
    public func text(_ lang: Lang) -> String { lang == .zhHans ? zh : en }
}

/// What a stage needs before the project moves on from it.
public enum StageRequirement: Hashable, Sendable, Codable {
    /// At least `count` needs linked to the project.
    case needs(count: Int)
    /// A meeting of one of `kinds` held at this stage (with its minutes recorded when `minutes`).
    case meeting(kinds: [MeetingKind], minutes: Bool)
    /// A decision passed at a meeting of one of `kinds` at this stage.
    case decision(kinds: [MeetingKind])
    /// A public notice of the project at this stage whose period ended with every objection answered.
    case notice
    /// A named document attached at this stage.
    case document(BilingualName)
    /// An owners' vote of the project passed (owners' votes come with issue 19).
    case ownersVote
    /// Funds committed to the project (the ledger comes with issue 21).
    case funds
    /// A design option chosen (by a vote or a meeting decision).
    case optionChosen
    /// The works accepted (验收 recorded as passed, or passed with conditions).
    case accepted
    /// A satisfaction survey of the project closed with answers.
    case survey
}

/// One stage of a workflow: its key, its name and what it needs to move on.
public struct WorkflowStage: Codable, Hashable, Sendable {
    public var key: String
    public var name: BilingualName
    public var requires: [StageRequirement]

    public init(key: String, name: BilingualName, requires: [StageRequirement] = []) {
        self.key = key
        self.name = name
        self.requires = requires
    }
}

/// A workflow template (a file per template): its stages in order.
public struct WorkflowTemplate: Codable, Hashable, Sendable {
    public var key: String
    public var name: BilingualName
    /// Where it comes from ("上海市参与式社区规划导则 §三").
    public var source: BilingualName
    public var stages: [WorkflowStage]

    public init(key: String, name: BilingualName, source: BilingualName, stages: [WorkflowStage]) {
        self.key = key
        self.name = name
        self.source = source
        self.stages = stages
    }
}

extension MeetingKind {
    /// Its name as residents know it.
    public var name: BilingualName {
        switch self {
        case .partyMembers: BilingualName(zh: "党员议事会", en: "party members' meeting")
        case .buildingGroup: BilingualName(zh: "楼组会议", en: "building group meeting")
        case .villagerGroup: BilingualName(zh: "村民小组会议", en: "villagers' group meeting")
        case .representatives: BilingualName(zh: "居（村）民代表会议", en: "residents' representatives meeting")
        case .residentsAssembly: BilingualName(zh: "居民会议", en: "residents' meeting")
        case .ownersRepresentatives: BilingualName(zh: "业主代表会议", en: "owners' representatives meeting")
        case .ownersAssembly: BilingualName(zh: "业主大会", en: "owners' assembly")
        case .hearing: BilingualName(zh: "征询会（听证会）", en: "consultation (hearing)")
        case .coordination: BilingualName(zh: "协调会", en: "coordination meeting")
        case .review: BilingualName(zh: "评议会", en: "review meeting")
        case .joint: BilingualName(zh: "联席会议", en: "joint meeting")
        case .caseConference: BilingualName(zh: "会商", en: "case conference")
        case .villagersAssembly: BilingualName(zh: "村民会议", en: "villagers' meeting")
        }
    }
}

/// 四级协商议事阵地: the level of a deliberation venue (街镇—居民区—小区—楼组).
public enum VenueLevel: String, Codable, CaseIterable, Sendable {
    case subdistrict, community, compound, buildingGroup
}

/// A member's part in a project's working group (项目工作组).
public enum WorkingGroupRole: String, Codable, CaseIterable, Sendable {
    case resident, planner, committee, ownersCommittee, contractor

    /// Named by a staff account (planner, committee, owners' committee), a resident of the register,
    /// or a name only (a contractor).
    public var byAccount: Bool { [.planner, .committee, .ownersCommittee].contains(self) }
}

/// A point given as "纬度,经度" (latitude, longitude in degrees), or nil when it is not one.
public enum ProjectPoint {
    public static func parse(_ text: String) -> (lat: Double, lon: Double)? {
        let parts = text.replacingOccurrences(of: "，", with: ",").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]), (-90...90).contains(lat),
            (-180...180).contains(lon), lat.isFinite, lon.isFinite
        else { return nil }
        return (lat, lon)
    }
}
