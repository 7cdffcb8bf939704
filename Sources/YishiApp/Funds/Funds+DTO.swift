import Foundation
import Vapor
import YishiCore

/// Money in the API: amounts as integer fen (`…Fen`) and as yuan text (`yuan`), never a float.
extension DTO {
    struct FundPotIn: Content {
        var node: String?
        var kind: String?
        var name: String?
        var custodian: String?
        var legalOwner: String?
        var purposes: String?
        var resolution: UUID?
        var authorised: String?
        var approvalSteps: [ApprovalStepIn]?
        var schedule: String?
        var fiscalYearStart: Int?
        var showNames: Bool?
        var showInvoices: Bool?
    }

    struct ApprovalStepIn: Content {
        var name: String?
        var required: Int?
        var fromYuan: String?
    }

    struct FundPotOut: Content {
        var id: UUID
        var node: String
        var kind: String
        var name: String
        var custodian: String
        var legalOwner: String
        var purposes: String
        var status: String
        var balanceFen: Int64
        var reservedFen: Int64
        var availableFen: Int64
        var schedule: String
        var project: UUID?
        var authorisedFen: Int64?
    }

    struct FundReceiptIn: Content {
        var yuan: String?
        var effective: String?
        var party: String?
        var from: String?
        var household: UUID?
        var pledge: UUID?
        var memo: String?
        var collectedBy: String?
        var receiptNo: String?
        var countedBy: String?
        var idempotencyKey: String?
    }

    struct FundEntryOut: Content {
        var id: UUID
        var kind: String
        var effective: String
        var recordedAt: Date
        var memo: String
        var from: String?
        var receiptNo: String?
        var reverses: UUID?
        var postings: [FundPostingOut]
    }

    struct FundPostingOut: Content {
        var account: String
        var fen: Int64
    }

    struct FundPledgeIn: Content {
        var party: String?
        var from: String?
        var household: UUID?
        var yuan: String?
        var inKind: String?
        var threshold: String?
        var deadline: String?
    }

    struct FundPledgeOut: Content {
        var id: UUID
        var pot: UUID
        var party: String
        var from: String
        var fen: Int64
        var inKind: String?
        var thresholdFen: Int64?
        var deadline: String?
        var status: String
        var receivedFen: Int64
    }

    struct MatchingRuleIn: Content {
        var target: UUID?
        var numerator: Int64?
        var denominator: Int64?
        var perContribution: String?
        var perHousehold: String?
        var perProject: String?
        var total: String?
        var threshold: String?
        var kinds: [String]?
        var subtree: String?
        var oncePerHousehold: Bool?
        var trigger: String?
        var validFrom: String?
        var validUntil: String?
        /// Several matchers: this pot's share (1 when left out) and the other pots paying with it.
        var weight: Int64?
        var coMatchers: [MatchingShare]?
    }

    struct MatchingShare: Content {
        var pot: UUID?
        var weight: Int64?
    }

    struct MatchingShareOut: Content {
        var pot: UUID
        var weight: Int64
    }

    struct MatchingRuleOut: Content {
        var id: UUID
        var matcher: UUID
        var target: UUID
        var version: Int
        var numerator: Int64
        var denominator: Int64
        var totalFen: Int64?
        var perHouseholdFen: Int64?
        var thresholdFen: Int64?
        var matchedFen: Int64
        var trigger: String
        var status: String
        /// The pots that pay each match and their shares, the matcher first (alone: weight 1).
        var shares: [MatchingShareOut]
    }

    struct RoundClosedOut: Content {
        var matchedFen: Int64
    }

    struct ReasonText: Content {
        var reason: String?
    }

    struct BudgetLineIn: Content {
        var title: String?
        var planned: String?
    }

    struct BudgetLineOut: Content {
        var line: String
        var title: String
        var plannedFen: Int64
    }

    struct AllocationIn: Content {
        var pot: UUID?
        var project: UUID?
        var line: String?
        var yuan: String?
        var decision: String?
        var meeting: UUID?
        var vote: UUID?
        var reference: String?
    }

    struct AllocationOut: Content {
        var id: UUID
        var pot: UUID
        var project: UUID
        var line: String
        var fen: Int64
        var decision: String
        var reference: String?
        var status: String
        var approvedFen: Int64
        var paidFen: Int64
    }

    struct ExpenseIn: Content {
        var allocation: UUID?
        var title: String?
        var payee: String?
        var items: [ExpenseItemIn]?
        var invoiceNo: String?
        var contract: String?
        var files: [ExpenseFileIn]?
        var submit: Bool?
    }

    struct ExpenseItemIn: Content {
        var text: String?
        var yuan: String?
    }

    struct ExpenseFileIn: Content {
        var kind: String?
        var name: String?
        /// The file's bytes, base64.
        var data: String?
    }

    struct ExpenseOut: Content {
        var id: UUID
        var allocation: UUID
        var title: String
        var payee: String
        var fen: Int64
        var items: [ExpenseItemOut]
        var status: String
        var comment: String?
        var files: Int
        var paidEntry: UUID?
    }

    struct ExpenseItemOut: Content {
        var text: String
        var fen: Int64
    }

    struct ExpenseDecisionIn: Content {
        var decision: String?
        var comment: String?
    }

    struct PaymentIn: Content {
        var effective: String?
        var idempotencyKey: String?
    }

    struct StatementIn: Content {
        var pot: UUID?
        var from: String?
        var to: String?
        var reported: String?
        var explanation: String?
        var publish: Bool?
    }

    struct StatementOut: Content {
        var id: UUID
        var pot: UUID
        var from: String
        var to: String
        var openingFen: Int64
        var incomeFen: Int64
        var spendingFen: Int64
        var closingFen: Int64
        var entries: Int
        var openAllocationsFen: Int64
        var openPledgesFen: Int64
        var reportedFen: Int64?
        var differenceFen: Int64?
        var explanation: String?
        var bySource: [TotalOut]
        var byUse: [TotalOut]
        var hash: String
        var notice: UUID?
    }

    struct TotalOut: Content {
        var key: String
        var fen: Int64
    }

    struct ProjectMoneyOut: Content {
        var project: UUID
        var plannedFen: Int64
        var pledgedFen: Int64
        var receivedFen: Int64
        var allocatedFen: Int64
        var spentFen: Int64
        var sources: [MoneySourceOut]
        var lines: [MoneyLineOut]
        var expenses: [MoneyExpenseOut]
        var inKind: [InKindOut]
        var satisfaction: SatisfactionOut?
    }

    struct MoneySourceOut: Content {
        var pot: UUID
        var name: String
        var kind: String
        var allocatedFen: Int64
        var paidFen: Int64
    }

    struct MoneyLineOut: Content {
        var line: String
        var title: String
        var plannedFen: Int64
        var allocatedFen: Int64
        var paidFen: Int64
    }

    struct MoneyExpenseOut: Content {
        var id: UUID
        var title: String
        var payee: String
        var line: String
        var pot: String
        var fen: Int64
        var status: String
    }

    struct InKindOut: Content {
        var from: String
        var what: String
        var fen: Int64
    }

    struct SatisfactionOut: Content {
        var responses: Int
        var mean: String
    }

    struct FundStatisticsOut: Content {
        var node: String
        var year: Int
        var receivedFen: Int64
        var spentFen: Int64
        var residentsAndPartnersFen: Int64
        var residentsAndPartnersPerMille: Int?
        var byParty: [String: Int64]
        var byPotKind: [String: Int64]
    }
}
