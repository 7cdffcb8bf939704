import Foundation

/// What an allocation (立项拨付) rests on. Every allocation names its decision, and a pot accepts
/// only the decisions the law and the policy give it (seed 000 §三.4; DECISION-RULES §1–2).
public enum FundDecision: String, CaseIterable, Codable, Sendable {
    /// 街道审批: the subdistrict approves a self-governance fund project after its hearing or council
    /// meeting (a held meeting of the project, its minutes recorded).
    case subdistrictApproval
    /// 业主大会表决: a passed owners' vote on matter 5 (using the maintenance fund).
    case ownersVote
    /// 紧急使用 (上海市住宅物业管理规定 第七十三条): the emergency route, recorded as such with its reason.
    case emergency73
    /// 基金会资助决定: the foundation's grant decision (its number or date).
    case foundationGrant
    /// 居民会议决定: a passed resolution of a residents' meeting (residents' voluntary contributions).
    case residentsMeeting
    /// 出资协议 / 财政批复: a partner's agreement, the title holder's or the government's document.
    case agreement

    /// The decisions a pot of `kind` accepts.
    public static func allowed(for kind: PotKind) -> [FundDecision] {
        switch kind {
        case .selfGovernance: [.subdistrictApproval]
        case .maintenance: [.ownersVote, .emergency73]
        case .foundation: [.foundationGrant]
        case .residentContribution: [.residentsMeeting]
        case .partner, .titleHolder, .publicFunds: [.agreement]
        case .matching: [.agreement, .foundationGrant]
        }
    }

    /// What was found behind a decision, as the service read it.
    public struct Evidence: Hashable, Sendable {
        /// The meeting named: whether it is the project's (nil: none named) and whether it is held
        /// (its minutes recorded).
        public var meetingOfProject: Bool?
        public var meetingHeld = false
        /// A resolution of a residents' meeting: whether it passed.
        public var resolutionPassed: Bool?
        /// The owners' vote named: its matter's number, whether its result passed, whether it covers
        /// the pot's building.
        public var vote: OwnersVoteEvidence?
        /// The decision's number, date or reason as entered.
        public var reference: String

        public init(
            reference: String = "", meetingOfProject: Bool? = nil, meetingHeld: Bool = false,
            resolutionPassed: Bool? = nil, vote: OwnersVoteEvidence? = nil
        ) {
            (self.reference, self.meetingOfProject, self.meetingHeld) = (reference, meetingOfProject, meetingHeld)
            (self.resolutionPassed, self.vote) = (resolutionPassed, vote)
        }
    }

    public struct OwnersVoteEvidence: Hashable, Sendable {
        public var matter: Int
        public var passed: Bool
        public var coversBuilding: Bool
        /// False when the vote was held for another project.
        public var forProject: Bool
        public init(matter: Int, passed: Bool, coversBuilding: Bool, forProject: Bool = true) {
            (self.matter, self.passed, self.coversBuilding) = (matter, passed, coversBuilding)
            self.forProject = forProject
        }
    }

    public enum Refusal: String, Error, Sendable, CaseIterable, Equatable {
        /// The pot does not accept this kind of decision (a maintenance-fund use without a vote…).
        case notForPot
        /// No meeting named, or not the project's.
        case meetingMissing
        /// The meeting has no minutes yet.
        case meetingNotHeld
        /// No passed resolution.
        case resolutionNotPassed
        /// No owners' vote named.
        case voteMissing
        /// The vote is not on matter 5 (using the maintenance fund).
        case voteWrongMatter
        /// The vote did not pass (or is not closed).
        case voteNotPassed
        /// The vote does not cover the pot's building.
        case voteOtherBuilding
        /// The vote was held for another project.
        case voteOtherProject
        /// The decision's number, date or reason is missing.
        case referenceMissing
    }

    /// Whether `evidence` carries this decision for a pot of `kind`.
    public func check(for kind: PotKind, _ e: Evidence) -> Refusal? {
        guard Self.allowed(for: kind).contains(self) else { return .notForPot }
        switch self {
        case .subdistrictApproval:
            guard e.meetingOfProject == true else { return .meetingMissing }
            return e.meetingHeld ? nil : .meetingNotHeld
        case .residentsMeeting:
            return e.resolutionPassed == true ? nil : .resolutionNotPassed
        case .ownersVote:
            guard let v = e.vote else { return .voteMissing }
            if v.matter != 5 { return .voteWrongMatter }
            if !v.passed { return .voteNotPassed }
            if !v.coversBuilding { return .voteOtherBuilding }
            return v.forProject ? nil : .voteOtherProject
        case .emergency73, .foundationGrant, .agreement:
            return e.reference.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .referenceMissing : nil
        }
    }
}

/// Pledges (认捐) and contributions resting on a residents' meeting decision.
public enum Pledge {
    public enum Status: String, CaseIterable, Codable, Sendable {
        /// Waiting for money (or for its condition).
        case open
        /// Received in full.
        case fulfilled
        /// Its condition was missed by the deadline: released, nothing owed (all or nothing).
        case released
    }

    /// A conditional pledge's fate on `today`: released when the deadline has passed and what was
    /// raised towards the threshold falls short; otherwise it stands.
    public static func released(threshold: Int64?, deadline: String?, raised: Int64, today: String) -> Bool {
        guard let threshold, let deadline else { return false }
        return today > deadline && raised < threshold
    }

    /// Whether adding `adding` fen keeps a residents' contribution within what the meeting decided
    /// (`authorised`: nil when the pot has no such limit).
    public static func withinDecision(authorised: Int64?, alreadyRaised: Int64, adding: Int64) -> Bool {
        guard let authorised else { return true }
        return adding > 0 && alreadyRaised + adding <= authorised
    }
}

/// An expense's lifecycle: draft → submitted → (needs info → submitted) → approved (every step of
/// the pot's policy) → paid, or rejected with a comment.
public enum ExpenseFlow {
    public enum Status: String, CaseIterable, Codable, Sendable {
        case draft, submitted, needsInfo, approved, paid, rejected
    }

    public enum Step: String, CaseIterable, Sendable {
        case submit, askForInfo, approve, reject, pay
    }

    public enum Refusal: String, Error, Sendable, CaseIterable, Equatable {
        /// The step does not apply to an expense in this state.
        case wrongState
    }

    /// The state after `step` (an approval that completes the last step gives `approved`; one that
    /// does not leaves it `submitted`).
    public static func next(_ status: Status, _ step: Step, completes: Bool = true) -> Result<Status, Refusal> {
        switch (status, step) {
        case (.draft, .submit), (.needsInfo, .submit): .success(.submitted)
        case (.submitted, .askForInfo): .success(.needsInfo)
        case (.submitted, .approve): .success(completes ? .approved : .submitted)
        case (.submitted, .reject), (.needsInfo, .reject): .success(.rejected)
        case (.approved, .pay): .success(.paid)
        default: .failure(.wrongState)
        }
    }
}

/// What an expense may be charged, checked at approval (against its allocation) and at payment
/// (against the pot's balance).
public enum Spending {
    public enum Refusal: String, Error, Sendable, CaseIterable, Equatable {
        /// More than the allocation has left.
        case overAllocation
        /// More than the pot holds.
        case overBalance
        /// Not a positive amount.
        case amount
        /// More than the budget line's plan has left (what its allocations take, or a plan lowered
        /// below what is already allocated).
        case overPlan
    }

    public static func approve(_ fen: Int64, allocation: Int64, alreadyApproved: Int64) -> Refusal? {
        if fen <= 0 { return .amount }
        return alreadyApproved + fen > allocation ? .overAllocation : nil
    }

    public static func pay(_ fen: Int64, balance: Int64) -> Refusal? {
        if fen <= 0 { return .amount }
        return fen > balance ? .overBalance : nil
    }

    /// An allocation is refused when it asks for more than the pot has available.
    public static func allocate(_ fen: Int64, available: Int64) -> Refusal? {
        if fen <= 0 { return .amount }
        return fen > available ? .overBalance : nil
    }

    /// An allocation stays within its budget line: what the line's allocations already take (an open
    /// one its amount, a closed one what it paid) and this one together are at most the plan.
    public static func withinPlan(_ fen: Int64, planned: Int64, allocated: Int64) -> Refusal? {
        if fen <= 0 { return .amount }
        return allocated + fen > planned ? .overPlan : nil
    }

    /// A line's plan may be changed, never below what its allocations already take.
    public static func replan(_ planned: Int64, allocated: Int64) -> Refusal? {
        if planned < 0 { return .amount }
        return planned < allocated ? .overPlan : nil
    }
}
