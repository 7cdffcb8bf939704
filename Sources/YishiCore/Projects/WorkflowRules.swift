import Foundation

extension StageRequirement {
    /// A template file writes a requirement as one small object: `{"needs": 1}`,
    /// `{"meeting": ["partyMembers"], "minutes": true}`, `{"decision": ["residentsAssembly"]}`,
    /// `{"notice": true}`, `{"document": {"zh-Hans": "…", "en": "…"}}`, `{"ownersVote": true}`,
    /// `{"funds": true}`, `{"optionChosen": true}`, `{"accepted": true}`, `{"survey": true}`.
    enum Key: String, CodingKey {
        case needs, meeting, minutes, decision, notice, document, ownersVote, funds, optionChosen, accepted, survey
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .needs) {
            self = .needs(count: n)
        } else if let kinds = try c.decodeIfPresent([MeetingKind].self, forKey: .meeting) {
            self = .meeting(kinds: kinds, minutes: try c.decodeIfPresent(Bool.self, forKey: .minutes) ?? false)
        } else if let kinds = try c.decodeIfPresent([MeetingKind].self, forKey: .decision) {
            self = .decision(kinds: kinds)
        } else if try c.decodeIfPresent(Bool.self, forKey: .notice) == true {
            self = .notice
        } else if let name = try c.decodeIfPresent(BilingualName.self, forKey: .document) {
            self = .document(name)
        } else if try c.decodeIfPresent(Bool.self, forKey: .ownersVote) == true {
            self = .ownersVote
        } else if try c.decodeIfPresent(Bool.self, forKey: .funds) == true {
            self = .funds
        } else if try c.decodeIfPresent(Bool.self, forKey: .optionChosen) == true {
            self = .optionChosen
        } else if try c.decodeIfPresent(Bool.self, forKey: .accepted) == true {
            self = .accepted
        } else if try c.decodeIfPresent(Bool.self, forKey: .survey) == true {
            self = .survey
        } else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown requirement"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .needs(let n): try c.encode(n, forKey: .needs)
        case .meeting(let kinds, let minutes):
            try c.encode(kinds, forKey: .meeting)
            if minutes { try c.encode(true, forKey: .minutes) }
        case .decision(let kinds): try c.encode(kinds, forKey: .decision)
        case .notice: try c.encode(true, forKey: .notice)
        case .document(let name): try c.encode(name, forKey: .document)
        case .ownersVote: try c.encode(true, forKey: .ownersVote)
        case .funds: try c.encode(true, forKey: .funds)
        case .optionChosen: try c.encode(true, forKey: .optionChosen)
        case .accepted: try c.encode(true, forKey: .accepted)
        case .survey: try c.encode(true, forKey: .survey)
        }
    }
}

/// What a project has at its current stage, as the rules look at it.
public struct StageFacts: Sendable, Equatable {
    public var needs: Int
    public var meetings: [(kind: MeetingKind, minutes: Bool)]
    public var decisions: [MeetingKind]
    public var settledNotices: Int
    public var documents: [String]
    public var ownersVotePassed: Bool
    public var fundsCommitted: Bool
    public var optionChosen: Bool
    public var accepted: Bool
    public var surveyed: Bool

    public init(
        needs: Int = 0, meetings: [(kind: MeetingKind, minutes: Bool)] = [], decisions: [MeetingKind] = [],
        settledNotices: Int = 0, documents: [String] = [], ownersVotePassed: Bool = false,
        fundsCommitted: Bool = false, optionChosen: Bool = false, accepted: Bool = false, surveyed: Bool = false
    ) {
        self.needs = needs
        self.meetings = meetings
        self.decisions = decisions
        self.settledNotices = settledNotices
        self.documents = documents
        self.ownersVotePassed = ownersVotePassed
        self.fundsCommitted = fundsCommitted
        self.optionChosen = optionChosen
        self.accepted = accepted
        self.surveyed = surveyed
    }

    public static func == (a: StageFacts, b: StageFacts) -> Bool {
        a.needs == b.needs && a.meetings.map(\.kind) == b.meetings.map(\.kind)
            && a.meetings.map(\.minutes) == b.meetings.map(\.minutes) && a.decisions == b.decisions
            && a.settledNotices == b.settledNotices && a.documents == b.documents
            && a.ownersVotePassed == b.ownersVotePassed && a.fundsCommitted == b.fundsCommitted
            && a.optionChosen == b.optionChosen && a.accepted == b.accepted && a.surveyed == b.surveyed
    }
}

/// Workflow templates checked as files, and the rule for moving a project on (pure, exhaustively tested).
public enum WorkflowRules {
    public enum Problem: Hashable, Sendable {
        /// Not a template at all (JSON or a field is wrong); the decoder's words.
        case format(String)
        case key
        case name
        case noStages
        case tooManyStages
        case stageKey(String)
        case duplicateStage(String)
        case stageName(String)
        case emptyMeetingKinds(String)
        case needsCount(String)
        case documentName(String)
    }

    /// Every problem of a refused template file.
    public struct Problems: Error, Equatable, Sendable {
        public var problems: [Problem]
    }

    /// A template file, decoded and checked: the template, or every problem found.
    public static func template(_ data: Data) -> Result<WorkflowTemplate, Problems> {
        let t: WorkflowTemplate
        do {
            t = try JSONDecoder().decode(WorkflowTemplate.self, from: data)
        } catch {
            return .failure(Problems(problems: [.format(String(String(describing: error).prefix(300)))]))
        }
        let problems = check(t)
        return problems.isEmpty ? .success(t) : .failure(Problems(problems: problems))
    }

    static func validKey(_ k: String) -> Bool {
        (2...40).contains(k.count)
            && k.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func validName(_ n: BilingualName, max: Int = 80) -> Bool {
        let zh = n.zh.trimmingCharacters(in: .whitespaces)
        let en = n.en.trimmingCharacters(in: .whitespaces)
        return !zh.isEmpty && !en.isEmpty && zh.count <= max && en.count <= max
            && !(zh + en).unicodeScalars.contains { $0.value < 0x20 }
    }

    public static func check(_ t: WorkflowTemplate) -> [Problem] {
        var out: [Problem] = []
        if !validKey(t.key) { out.append(.key) }
        if !validName(t.name) || !validName(t.source, max: 200) { out.append(.name) }
        if t.stages.isEmpty { out.append(.noStages) }
        if t.stages.count > 30 { out.append(.tooManyStages) }
        var seen: Set<String> = []
        for s in t.stages {
            if !validKey(s.key) { out.append(.stageKey(s.key)) }
            if !seen.insert(s.key).inserted { out.append(.duplicateStage(s.key)) }
            if !validName(s.name) { out.append(.stageName(s.key)) }
            for r in s.requires {
                switch r {
                case .meeting(let kinds, _), .decision(let kinds):
                    if kinds.isEmpty { out.append(.emptyMeetingKinds(s.key)) }
                case .needs(let n): if n < 1 { out.append(.needsCount(s.key)) }
                case .document(let name): if !validName(name) { out.append(.documentName(s.key)) }
                case .notice, .ownersVote, .funds, .optionChosen, .accepted, .survey: break
                }
            }
        }
        return out
    }

    /// What a stage still lacks, in its own order (empty: the project may move on).
    public static func missing(_ stage: WorkflowStage, _ f: StageFacts) -> [StageRequirement] {
        stage.requires.filter { r in
            switch r {
            case .needs(let n): f.needs < n
            case .meeting(let kinds, let minutes):
                !f.meetings.contains { kinds.contains($0.kind) && (!minutes || $0.minutes) }
            case .decision(let kinds): !f.decisions.contains { kinds.contains($0) }
            case .notice: f.settledNotices == 0
            case .document(let name): !f.documents.contains { $0 == name.zh || $0 == name.en }
            case .ownersVote: !f.ownersVotePassed
            case .funds: !f.fundsCommitted
            case .optionChosen: !f.optionChosen
            case .accepted: !f.accepted
            case .survey: !f.surveyed
            }
        }
    }

    /// A move from stage `from` to stage `to` of `t`: forward one stage when nothing is missing;
    /// back any number of stages with a reason. The reason is returned trimmed.
    public enum Move: Equatable, Sendable {
        case forward
        case back(reason: String)
    }

    public enum MoveProblem: Equatable, Sendable, Error {
        case missing([StageRequirement])
        case reasonRequired
        case notAdjacent
        case noSuchStage
    }

    public static func move(
        _ t: WorkflowTemplate, from: Int, to: Int, facts: StageFacts, reason: String?
    ) -> Result<Move, MoveProblem> {
        guard t.stages.indices.contains(from), t.stages.indices.contains(to) || to == t.stages.count else {
            return .failure(.noSuchStage)
        }
        if to > from {
            guard to == from + 1 else { return .failure(.notAdjacent) }
            let lacking = missing(t.stages[from], facts)
            return lacking.isEmpty ? .success(.forward) : .failure(.missing(lacking))
        }
        guard to < from else { return .failure(.notAdjacent) }
        let r = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !r.isEmpty, r.count <= 500 else { return .failure(.reasonRequired) }
        return .success(.back(reason: r))
    }
}
