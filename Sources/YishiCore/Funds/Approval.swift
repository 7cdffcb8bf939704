import Foundation

/// How a pot's expenses are approved: steps in order, each needing `required` of the people who may
/// approve it; a step applies only from an amount up (a large expense needs more). The submitter
/// never approves their own expense.
public struct ApprovalPolicy: Hashable, Sendable, Codable {
    public struct Step: Hashable, Sendable, Codable {
        /// A name the page shows ("居委会主任", "街道审核").
        public var name: String
        public var required: Int
        /// The step applies to expenses of at least this many fen (0: always).
        public var fromFen: Int64
        public init(name: String, required: Int, fromFen: Int64 = 0) {
            (self.name, self.required, self.fromFen) = (name, required, fromFen)
        }
    }
    public var steps: [Step]
    public init(steps: [Step]) { self.steps = steps }

    public enum Problem: String, Error, Sendable, CaseIterable, Equatable {
        case noStep, required, threshold
    }

    public var problem: Problem? {
        if steps.isEmpty { return .noStep }
        if steps.contains(where: { $0.required < 1 || $0.required > 9 }) { return .required }
        if steps.contains(where: { $0.fromFen < 0 }) || steps.first?.fromFen != 0 { return .threshold }
        return nil
    }

    /// The steps an expense of `fen` goes through, in order.
    public func steps(for fen: Int64) -> [Step] { steps.filter { fen >= $0.fromFen } }
}

public enum ExpenseApproval {
    /// One approval as recorded: which step, and by whom.
    public struct Given: Hashable, Sendable, Codable {
        public var step: Int
        public var by: UUID
        public init(step: Int, by: UUID) { (self.step, self.by) = (step, by) }
    }

    public enum Refusal: String, Error, Sendable, CaseIterable, Equatable {
        /// The one who submitted it may not approve it.
        case ownExpense
        /// This person already approved at this step.
        case alreadyApproved
        /// Every step is done.
        case complete
    }

    /// The step waiting for approvals (an index into `policy.steps(for:)`), or nil when complete.
    public static func current(_ policy: ApprovalPolicy, fen: Int64, given: [Given]) -> Int? {
        let steps = policy.steps(for: fen)
        for (i, s) in steps.enumerated() where Set(given.filter { $0.step == i }.map(\.by)).count < s.required {
            return i
        }
        return nil
    }

    /// Whether `approver` may approve now, and at which step. A person approves one step at most:
    /// "N of M, in order" means different people, so one who approved the committee's step does
    /// not also give the subdistrict's. Neither the one who made the expense nor the one who
    /// submitted it (`submitters`) approves it.
    public static func check(
        _ policy: ApprovalPolicy, fen: Int64, given: [Given], submitter: UUID, approver: UUID,
        alsoSubmittedBy: UUID? = nil
    ) -> Result<Int, Refusal> {
        if approver == submitter || approver == alsoSubmittedBy { return .failure(.ownExpense) }
        guard let step = current(policy, fen: fen, given: given) else { return .failure(.complete) }
        if given.contains(where: { $0.by == approver }) { return .failure(.alreadyApproved) }
        return .success(step)
    }
}
