import Fluent
import Vapor
import YishiCore

/// A pot of money (资金池) at a node. Its balance is moved only by the database, from its postings.
final class FundPot: Model, @unchecked Sendable {
    static let schema = "fund_pots"

    enum Status: String, Codable, Sendable, CaseIterable { case open, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "node_id") var node: TerritoryNode
    @Field(key: "kind") var kind: PotKind
    @Field(key: "name") var name: String
    /// Who holds the real account (the committee, the subdistrict, the maintenance-fund account…).
    @Field(key: "custodian") var custodian: String
    /// Who owns the money in law (the maintenance fund: the owners jointly, Civil Code art. 281).
    @Field(key: "legal_owner") var legalOwner: String
    /// A maintenance fund's building: its homes are the sub-accounts.
    @OptionalField(key: "building_id") var buildingID: UUID?
    /// A residents' contribution pot raised for one project.
    @OptionalField(key: "project_id") var projectID: UUID?
    /// The residents' meeting resolution that allowed the contributions, and what it allowed.
    @OptionalField(key: "resolution_id") var resolutionID: UUID?
    @OptionalField(key: "authorised_fen") var authorisedFen: Int64?
    @Field(key: "purposes") var purposes: String
    /// `ApprovalPolicy` as JSON.
    @Field(key: "policy") var policyJSON: String
    @Field(key: "schedule") var schedule: FundStatement.Schedule
    @Field(key: "fiscal_year_start") var fiscalYearStart: Int
    /// Whether the public sees contributors' names, and invoice images.
    @Field(key: "show_names") var showNames: Bool
    @Field(key: "show_invoices") var showInvoices: Bool
    @Field(key: "status") var status: Status
    @Field(key: "balance") var balance: Int64
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    /// When it was opened, by the caller's clock (statements are due from then on).
    @OptionalField(key: "created_at") var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var policy: ApprovalPolicy {
        (try? JSONDecoder().decode(ApprovalPolicy.self, from: Data(policyJSON.utf8)))
            ?? ApprovalPolicy(steps: [.init(name: "", required: 1)])
    }
    var account: String { LedgerAccount.pot(id!) }
}

/// A pledge (认捐): a party's promise to a pot, maybe for a project, maybe on a condition.
final class FundPledge: Model, @unchecked Sendable {
    static let schema = "fund_pledges"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pot_id") var pot: FundPot
    @OptionalField(key: "project_id") var projectID: UUID?
    @Field(key: "party_kind") var partyKind: FundParty
    @Field(key: "party_name") var partyName: String
    @OptionalField(key: "household_id") var householdID: UUID?
    @Field(key: "fen") var fen: Int64
    /// In kind (materials, labour, space): what, at the stated value `fen`; never a cash receipt.
    @OptionalField(key: "in_kind") var inKind: String?
    @OptionalField(key: "threshold_fen") var thresholdFen: Int64?
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "status") var status: Pledge.Status
    @Field(key: "received_fen") var receivedFen: Int64
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A project's budget line (设计, 材料, 人工, 审价…) and its planned amount.
final class FundBudgetLine: Model, @unchecked Sendable {
    static let schema = "fund_budget_lines"

    @ID(key: .id) var id: UUID?
    @Parent(key: "project_id") var project: Project
    @Field(key: "line") var line: String
    @Field(key: "title") var title: String
    @Field(key: "planned_fen") var plannedFen: Int64
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An allocation (立项拨付) from a pot to a project's budget line, resting on its decision. While
/// open it reserves `fen − paid_fen` of the pot.
final class FundAllocation: Model, @unchecked Sendable {
    static let schema = "fund_allocations"

    enum Status: String, Codable, Sendable, CaseIterable { case open, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "pot_id") var pot: FundPot
    @Parent(key: "project_id") var project: Project
    @Field(key: "line") var line: String
    @Field(key: "fen") var fen: Int64
    @Field(key: "decision") var decision: FundDecision
    @OptionalField(key: "meeting_id") var meetingID: UUID?
    @OptionalField(key: "vote_id") var voteID: UUID?
    @OptionalField(key: "decision_ref") var decisionRef: String?
    @Field(key: "status") var status: Status
    @Field(key: "approved_fen") var approvedFen: Int64
    @Field(key: "paid_fen") var paidFen: Int64
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An expense charged to an allocation, with its items, payee, invoice and files.
final class FundExpense: Model, @unchecked Sendable {
    static let schema = "fund_expenses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "allocation_id") var allocation: FundAllocation
    @Field(key: "title") var title: String
    @Field(key: "payee") var payee: String
    /// `[ExpenseItem]` as JSON.
    @Field(key: "items") var itemsJSON: String
    @Field(key: "fen") var fen: Int64
    @OptionalField(key: "invoice_no") var invoiceNo: String?
    @OptionalField(key: "contract") var contract: String?
    /// `[ExpenseFile]` as JSON: invoices, receipts, the cost review, photos before and after.
    @Field(key: "files") var filesJSON: String
    @Field(key: "status") var status: ExpenseFlow.Status
    @OptionalField(key: "comment") var comment: String?
    /// Who made it, and who last submitted it: neither approves it.
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @OptionalField(key: "submitted_by_id") var submittedByID: UUID?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "paid_entry_id") var paidEntryID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var items: [ExpenseItem] { (try? JSONDecoder().decode([ExpenseItem].self, from: Data(itemsJSON.utf8))) ?? [] }
    var files: [ExpenseFile] { (try? JSONDecoder().decode([ExpenseFile].self, from: Data(filesJSON.utf8))) ?? [] }
}

struct ExpenseItem: Codable, Sendable, Hashable {
    var text: String
    var fen: Int64
}

struct ExpenseFile: Codable, Sendable, Hashable {
    enum Kind: String, Codable, Sendable, CaseIterable { case invoice, receipt, contract, costReview, before, after }
    var kind: Kind
    var attachment: UUID
    var name: String
}

/// One person's decision at one step of an expense's approval.
final class FundApproval: Model, @unchecked Sendable {
    static let schema = "fund_approvals"

    enum Decision: String, Codable, Sendable, CaseIterable { case approve, reject, askForInfo }

    @ID(key: .id) var id: UUID?
    @Parent(key: "expense_id") var expense: FundExpense
    @Field(key: "step") var step: Int
    @Field(key: "user_id") var userID: UUID
    @Field(key: "decision") var decision: Decision
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "at") var at: Date

    init() {}
}

/// A matching rule (资金配比) of a matcher pot, by version; frozen once its round is open.
final class FundMatchingRule: Model, @unchecked Sendable {
    static let schema = "fund_matching_rules"

    enum Status: String, Codable, Sendable, CaseIterable { case open, closed }

    @ID(key: .id) var id: UUID?
    @Parent(key: "matcher_pot_id") var matcher: FundPot
    @Parent(key: "target_pot_id") var target: FundPot
    @Field(key: "version") var version: Int
    /// `MatchingRule` as JSON.
    @Field(key: "rule") var ruleJSON: String
    /// `[FundParty]` as JSON: the contributions it matches.
    @Field(key: "kinds") var kindsJSON: String
    @OptionalField(key: "subtree_id") var subtreeID: UUID?
    @Field(key: "once_per_household") var oncePerHousehold: Bool
    /// When it matches: each receipt as it comes, or every eligible receipt when the round closes.
    @Field(key: "trigger") var trigger: MatchTrigger
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?
    @Field(key: "status") var status: Status
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var rule: MatchingRule? { try? JSONDecoder().decode(MatchingRule.self, from: Data(ruleJSON.utf8)) }
    var kinds: [FundParty] { (try? JSONDecoder().decode([FundParty].self, from: Data(kindsJSON.utf8))) ?? [] }
}

enum MatchTrigger: String, Codable, Sendable, CaseIterable {
    /// Each eligible receipt is matched in its own transaction.
    case receipt
    /// Nothing is matched until the target pot's project is approved (its first allocation, resting
    /// on its decision); then every eligible receipt so far, in the allocation's transaction, and
    /// each one after as it comes.
    case projectApproval
    /// Nothing is matched until the round closes; then every eligible receipt of the round is.
    case roundClose
}

/// One of the pots that pay a rule's match, and its weight: the match is split among them pro
/// rata (`Matching.split`). Position 0 is the rule's own matcher.
final class FundMatchingShare: Model, @unchecked Sendable {
    static let schema = "fund_matching_shares"

    @ID(key: .id) var id: UUID?
    @Field(key: "rule_id") var ruleID: UUID
    @Field(key: "pot_id") var potID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "weight") var weight: Int64

    init() {}
}

/// A pot's statement for a period, frozen when made: its figures and the hash of the entries in it.
final class FundStatementRow: Model, @unchecked Sendable {
    static let schema = "fund_statements"

    @ID(key: .id) var id: UUID?
    @Parent(key: "pot_id") var pot: FundPot
    @Field(key: "period_from") var periodFrom: String
    @Field(key: "period_to") var periodTo: String
    /// `FundStatement.Figures` as JSON.
    @Field(key: "figures") var figuresJSON: String
    @Field(key: "hash") var hash: String
    @Field(key: "entries") var entries: Int
    /// What was still reserved by open allocations, and still promised by open cash pledges, when
    /// the statement was made.
    @Field(key: "open_allocations_fen") var openAllocationsFen: Int64
    @Field(key: "open_pledges_fen") var openPledgesFen: Int64
    @OptionalField(key: "reported_fen") var reportedFen: Int64?
    @OptionalField(key: "explanation") var explanation: String?
    @OptionalField(key: "notice_id") var noticeID: UUID?
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var figures: FundStatement.Figures? {
        try? JSONDecoder().decode(FundStatement.Figures.self, from: Data(figuresJSON.utf8))
    }
}

/// A journal entry as read back (written only by `Ledger.post`, in raw SQL).
final class FundEntry: Model, @unchecked Sendable {
    static let schema = "fund_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "node_id") var nodeID: UUID
    @Field(key: "kind") var kind: EntryKind
    @Field(key: "effective") var effective: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "memo") var memo: String
    @OptionalField(key: "entered_by_id") var enteredByID: UUID?
    /// Who gave (a receipt's party, `FundParty`).
    @OptionalField(key: "party") var party: FundParty?
    /// The giver's name as entered (shown to the public only where the pot allows).
    @OptionalField(key: "on_behalf") var onBehalf: String?
    @OptionalField(key: "receipt_no") var receiptNo: String?
    @OptionalField(key: "counted_by") var countedBy: String?
    @OptionalField(key: "idempotency_key") var idempotencyKey: String?
    @Field(key: "content_hash") var contentHash: String
    @OptionalField(key: "reverses_id") var reversesID: UUID?
    @OptionalField(key: "pledge_id") var pledgeID: UUID?
    @OptionalField(key: "expense_id") var expenseID: UUID?
    @OptionalField(key: "project_id") var projectID: UUID?
    @OptionalField(key: "household_id") var householdID: UUID?
    @OptionalField(key: "rule_id") var ruleID: UUID?
    @OptionalField(key: "rule_version") var ruleVersion: Int?
    @OptionalField(key: "source_entry_id") var sourceEntryID: UUID?

    init() {}
}

/// What an entry records.
enum EntryKind: String, Codable, Sendable, CaseIterable {
    /// Money received into a pot (from a party; maybe against a pledge).
    case receipt
    /// A match from a matcher pot (naming its rule's version and the receipt it matches).
    case match
    /// An expense paid.
    case payment
    /// Money moved between pots.
    case transfer
    /// A correction: the exact negation of an earlier entry.
    case reversal
    /// A pot's balance brought in when it starts on Yishi.
    case opening
}

/// A posting as read back.
final class FundPosting: Model, @unchecked Sendable {
    static let schema = "fund_postings"

    @ID(key: .id) var id: UUID?
    @Field(key: "entry_id") var entryID: UUID
    @Field(key: "account") var account: String
    @OptionalField(key: "pot_id") var potID: UUID?
    @Field(key: "fen") var fen: Int64
    @Field(key: "effective") var effective: String

    init() {}
}
