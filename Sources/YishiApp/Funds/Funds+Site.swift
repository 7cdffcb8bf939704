import Foundation

extension Site.Pattern {
    static let funds = "/funds"
    static let fundPot = "/funds/pots/:potID"
    static let fundStatement = "/funds/statements/:statementID"
    static let fundExpense = "/funds/expenses/:expenseID"
    static let projectMoney = "/projects/:projectID/money"
}

extension Site {
    static func funds(node: UUID? = nil) -> String {
        node.map { "\(Pattern.funds)?node=\($0.uuidString)" } ?? Pattern.funds
    }
    static func fundPot(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.fundPot, id.uuidString), notice)
    }
    static func fundStatement(_ id: UUID) -> String { fill(Pattern.fundStatement, id.uuidString) }
    static func fundExpense(_ id: UUID, notice: String? = nil) -> String {
        with(fill(Pattern.fundExpense, id.uuidString), notice)
    }
    static func projectMoney(_ id: UUID) -> String { fill(Pattern.projectMoney, id.uuidString) }
}
