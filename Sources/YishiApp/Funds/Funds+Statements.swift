import Fluent
import SQLKit
import Vapor
import YishiCore

extension Funds {
    // MARK: Statements

    /// One line of a pot's statement as read from the ledger: an entry's net movement of the pot.
    struct StatementLine: Sendable {
        var entry: UUID
        var fen: Int64
        var effective: String
        var kind: EntryKind
        var party: FundParty?
        var project: UUID?
        var onBehalf: String?

        /// What the statement groups it under: where money came from, or what it paid for.
        var counterpart: String {
            switch kind {
            case .receipt: "source:" + (party?.rawValue ?? FundParty.other.rawValue)
            case .match: "match"
            case .payment: project.map { "project:" + $0.uuidString.lowercased() } ?? "payment"
            case .transfer: "transfer"
            case .reversal: "reversal"
            case .opening: "opening"
            }
        }
    }

    /// The opening balance before `from` and the entries from `from` to `to`, each netted per entry
    /// (a maintenance fund's payment moves many homes' sub-accounts in one entry).
    static func statementLines(
        _ pot: UUID, from: String, to: String, on db: any Database
    ) async throws -> (opening: Int64, lines: [StatementLine]) {
        let sql = db as! any SQLDatabase
        let opening =
            try await sql.raw(
                """
                SELECT CAST(COALESCE(SUM(fen), 0) AS BIGINT) AS n FROM fund_postings
                WHERE pot_id = \(bind: pot) AND effective < \(bind: from)
                """
            ).first()?.decode(column: "n", as: Int64.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT p.entry_id, CAST(SUM(p.fen) AS BIGINT) AS fen, e.effective, e.kind, e.party, e.project_id, e.on_behalf
            FROM fund_postings p JOIN fund_entries e ON e.id = p.entry_id
            WHERE p.pot_id = \(bind: pot) AND p.effective >= \(bind: from) AND p.effective <= \(bind: to)
            GROUP BY p.entry_id, e.effective, e.kind, e.party, e.project_id, e.on_behalf, e.recorded_at
            ORDER BY e.effective, e.recorded_at, p.entry_id
            """
        ).all()
        let lines = try rows.map { r in
            StatementLine(
                entry: try r.decode(column: "entry_id", as: UUID.self),
                fen: try r.decode(column: "fen", as: Int64.self),
                effective: try r.decode(column: "effective", as: String.self),
                kind: EntryKind(rawValue: try r.decode(column: "kind", as: String.self)) ?? .transfer,
                party: (try r.decode(column: "party", as: String?.self)).flatMap(FundParty.init(rawValue:)),
                project: try r.decode(column: "project_id", as: UUID?.self),
                onBehalf: try r.decode(column: "on_behalf", as: String?.self))
        }
        return (opening, lines)
    }

    /// The hash a statement is frozen with: its pot, period and every entry in it with its amount.
    static func statementHash(_ pot: UUID, from: String, to: String, lines: [StatementLine]) -> String {
        let body = lines.map { "\($0.entry.uuidString.lowercased()) \($0.fen)" }.sorted().joined(separator: "\n")
        return sha256Hex("\(pot.uuidString.lowercased())\n\(from)\n\(to)\n" + body)
    }

    static func figures(opening: Int64, lines: [StatementLine], from: String, to: String, reported: Int64?)
        -> FundStatement.Figures
    {
        FundStatement.figures(
            [.init(effective: "0000-00-00", fen: opening, counterpart: "opening", kind: "opening")]
                + lines.map {
                    .init(effective: $0.effective, fen: $0.fen, counterpart: $0.counterpart, kind: $0.kind.rawValue)
                },
            from: from, to: to, reported: reported)
    }

    struct NewStatement: Sendable {
        var pot: UUID?
        var from: String?
        var to: String?
        /// The custodian's closing balance (the bank's), yuan as entered; empty when not given.
        var reported: String?
        var explanation: String?
        var publish = true
    }

    /// A pot's statement for a period that has ended, frozen from the ledger, and published through
    /// a public notice at the pot's node. One per pot and period: a correction shows in the next.
    /// A difference from the custodian's balance must be explained.
    static func makeStatement(_ n: NewStatement, by caller: Caller) async throws -> FundStatementRow {
        let pot = try await pot(n.pot, for: .fundManage, by: caller)
        var fields: [String: String] = [:]
        let from = CalendarDay((n.from ?? "").trimmed)
        let to = CalendarDay((n.to ?? "").trimmed)
        let today = CalendarDay(caller.now)
        if from == nil { fields["from"] = FundText.periodInvalid.key }
        if to == nil || (from != nil && to! < from!) { fields["to"] = FundText.periodInvalid.key }
        // The period has ended: its last day is past (a statement to today could still change).
        if let to, !(to < today) { fields["to"] = FundText.periodNotEnded.key }
        var reported: Int64? = nil
        if let r = n.reported?.trimmed, !r.isEmpty {
            reported = Yuan.fen(r)
            if reported == nil { fields["reported"] = FundText.amountInvalid.key }
        }
        let explanation = (n.explanation ?? "").trimmed
        guard fields.isEmpty, let from, let to else { throw YishiError.invalid(fields) }
        // Periods never overlap: a correction appears in the next one.
        let overlapping = try await FundStatementRow.query(on: caller.db).filter(\.$pot.$id == pot.id!)
            .filter(\.$periodFrom <= to.description).filter(\.$periodTo >= from.description).first()
        if overlapping != nil { throw YishiError.conflict(key: FundText.statementExists.key) }
        let read = try await statementLines(pot.id!, from: from.description, to: to.description, on: caller.db)
        let figures = figures(
            opening: read.opening, lines: read.lines, from: from.description, to: to.description, reported: reported)
        if (figures.difference ?? 0) != 0 && explanation.isEmpty {
            throw invalid("explanation", FundText.differenceUnexplained)
        }
        let row = FundStatementRow()
        row.$pot.id = pot.id!
        row.periodFrom = from.description
        row.periodTo = to.description
        row.figuresJSON = String(decoding: try JSONEncoder().encode(figures), as: UTF8.self)
        row.hash = statementHash(pot.id!, from: from.description, to: to.description, lines: read.lines)
        row.entries = read.lines.count
        row.openAllocationsFen = try await reserved(pot.id!, on: caller.db)
        row.openPledgesFen = try await openPledged(pot.id!, on: caller.db)
        row.reportedFen = reported
        row.explanation = explanation.isEmpty ? nil : String(explanation.prefix(500))
        row.createdByID = caller.actor?.userId
        do {
            try await caller.audited { tx in
                try await row.create(on: tx)
                return (
                    (),
                    AuditEvent(
                        action: .fundStatement, targetType: "fundStatement", targetID: row.id!.uuidString,
                        nodeID: pot.$node.id,
                        details: [
                            "pot": pot.name, "periodFrom": row.periodFrom, "periodTo": row.periodTo, "hash": row.hash,
                            "closing": Yuan.text(figures.closing),
                        ])
                )
            }
        } catch let e where e.isUniqueViolation {
            throw YishiError.conflict(key: FundText.statementExists.key)
        }
        if n.publish {
            let notice = try await NoticesService.create(
                .init(
                    node: pot.$node.id,
                    title: FundText.statementTitle.text(.zhHans, [pot.name, row.periodFrom, row.periodTo]),
                    body: [Lang.zhHans, .en].map {
                        FundText.statementBody.text(
                            $0,
                            [
                                Yuan.text(figures.opening), Yuan.text(figures.income), Yuan.text(figures.spending),
                                Yuan.text(figures.closing), String(figures.entries),
                            ])
                    }.joined(separator: "\n\n"),
                    days: "15", subject: (kind: FundStatementNotice.kind, id: row.id!)),
                by: caller)
            _ = try await NoticesService.publish(notice.id, by: caller)
            try await (caller.db as! any SQLDatabase).raw(
                "UPDATE fund_statements SET notice_id = \(bind: notice.id!) WHERE id = \(bind: row.id!)"
            ).run()
            row.noticeID = notice.id
        }
        return row
    }
}

/// A statement published through a public notice (the notice's page and poster show its figures).
enum FundStatementNotice {
    static let kind = "fundStatement"
}
