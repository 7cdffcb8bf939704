import Fluent
import NIOPosix
import SQLKit
import Vapor
import YishiCore

/// Imports one territory CSV: every row is checked first; when none is refused, the rows are
/// written in parts of `partRows`, each part in one transaction with its audit entry. Rows are
/// keyed by their external codes, so importing the same file again changes nothing (and finishes
/// an import that stopped between parts).
enum TerritoryImporter {
    struct Outcome: Content, Equatable {
        var kind: String
        var added: Int
        var updated: Int
        var unchanged: Int
    }

    /// Where an import may read and write: every record it finds or changes must lie where the
    /// caller may import — the same `Caller.allows` a single edit asks — and below `bound`, the
    /// node the import is made at (nil: wherever the caller's grants reach; the command line acts
    /// for the platform, anywhere).
    struct Scope: Sendable {
        var caller: Caller
        var bound: TerritoryPath?

        /// `path` nil is a record with no place in the tree (an owner without holdings, a resident
        /// without household): only a platform-wide importer may touch it.
        func allows(_ path: TerritoryPath?) -> Bool {
            if let bound, !(path.map(bound.contains) ?? false) { return false }
            return caller.allows(.territoryImport, at: path)
        }
    }

    /// Reads and validates the file without touching storage; refused when any row is.
    static func parse(_ data: Data, currentYear: Int) throws -> (TerritoryImportKind, [TerritoryRecord]) {
        let (kind, records, issues) = try check(data, currentYear: currentYear)
        guard issues.isEmpty else { throw ImportFailure(issues) }
        return (kind, records)
    }

    /// Reads and checks every row: the rows that passed and the problems of the others. Throws
    /// only when the file cannot be read at all (not text, empty, a header that fits no format).
    static func check(_ data: Data, currentYear: Int) throws -> (TerritoryImportKind, [TerritoryRecord], [ImportIssue])
    {
        let table: CSVTable
        do { table = try CSVTable.read(data) } catch {
            switch error {
            case .notText: throw ImportFailure([ImportIssue(line: 1, problem: .notUTF8)])
            case .empty: throw ImportFailure([ImportIssue(line: 1, problem: .emptyFile)])
            case .malformed(let line): throw ImportFailure([ImportIssue(line: line, problem: .malformedCSV)])
            }
        }
        let report = TerritoryImportValidator.check(header: table.header, rows: table.rows, currentYear: currentYear)
        guard let kind = report.kind else { throw ImportFailure(report.issues) }
        return (kind, report.records, report.issues)
    }

    /// The command line's (and the older tests') form: `actor` nil imports anywhere.
    /// Rows per part: each part is written in its own transaction, so a large import holds the
    /// write lock (SQLite) and the audit chain's head for a few tens of milliseconds at a time, and
    /// sign-ins and edits go on between its parts: a part takes its turn at the write gate
    /// (`WriteGate`), behind whatever came while the part before it was written.
    static let partRows = 2_000

    /// Parses (on `pool` when given, off the event loop), plans the whole file, then writes it part
    /// by part, each part with its audit entry. A refused line anywhere refuses the file before
    /// anything is written. Should the process stop between parts, the parts written stay (each
    /// with its entry) and importing the same file again adds the rest: rows already stored
    /// count as unchanged. `progress` hears (rows written, rows in the file) after each part.
    static func run(
        _ data: Data, by caller: Caller, bound: TerritoryPath? = nil, pool: NIOThreadPool? = nil,
        partRows: Int = partRows, preview: Bool = false,
        progress: (@Sendable (Int, Int) async throws -> Void)? = nil
    ) async throws -> Outcome {
        let scope = Scope(caller: caller, bound: bound)
        let db = caller.db
        let time = caller.effects.time
        let year = Calendar(identifier: .gregorian).component(.year, from: time.now())
        let work: @Sendable () throws -> (TerritoryImportKind, [TerritoryRecord], [ImportIssue], String) = {
            let (kind, records, issues) = try check(data, currentYear: year)
            return (kind, records, issues, sha256Hex(data))
        }
        let (kind, records, formatIssues, digest) = if let pool { try await pool.runIfActive(work) } else { try work() }
        // The plan reads in one read-only transaction: one connection with its page cache warm, one
        // consistent view of what is stored, and no write lock (SQLite's readers do not block its
        // writer). The unique indexes decide anything that changes between the plan and a part.
        let (parts, issues) = try await db.transaction { tx in
            var run = Run(scope: scope, db: tx)
            var parts: [Run.Part] = []
            for chunk in records.chunked(max(1, partRows)) {
                try await run.apply(kind, chunk)
                parts.append(run.cut(chunk))
            }
            return (Planned(parts), run.issues)
        }
        // Every problem of the file in one report: the rows refused for their form, and the rows
        // whose form was right but whose references or places were not.
        let all = formatIssues + issues
        if !all.isEmpty { throw ImportFailure(all.sorted { $0.line < $1.line }) }
        if preview {
            var total = Outcome(kind: kind.rawValue, added: 0, updated: 0, unchanged: 0)
            for part in parts.parts {
                total.added += part.added
                total.updated += part.updated
                total.unchanged += part.unchanged
            }
            return total
        }
        var total = Outcome(kind: kind.rawValue, added: 0, updated: 0, unchanged: 0)
        var written = 0
        for (index, part) in parts.parts.enumerated() {
            let event = auditEvent(
                kind, rows: records.count, digest: digest, part: part, index: index, of: parts.parts.count,
                bound: scope.bound)
            do {
                try await AuditLog.ownTransaction(on: db, actor: caller.auditActor, time: time) { tx in
                    try await Run.write(part, on: tx)
                    return ((), event)
                }
            } catch {
                // Something changed between the plan and this part (a code added meanwhile), or the
                // database failed: the parts before it stay, recorded; the same file finishes it.
                throw Interrupted(written: written, rows: records.count, cause: error)
            }
            total.added += part.added
            total.updated += part.updated
            total.unchanged += part.unchanged
            written += part.rows
            try await progress?(written, records.count)
        }
        return total
    }

    /// The planned parts, carried out of the planning transaction (models are not `Sendable`; they
    /// are only read again after the transaction has ended).
    struct Planned: @unchecked Sendable {
        var parts: [Run.Part]
        init(_ parts: [Run.Part]) { self.parts = parts }
    }

    /// An import that stopped after some of its parts were written.
    struct Interrupted: Error {
        var written: Int
        var rows: Int
        var cause: any Error
        var message: (zh: String, en: String) {
            let n = [String(written), String(rows)]
            return (Catalog.text(ImportText.interrupted, .zhHans, n), Catalog.text(ImportText.interrupted, .en, n))
        }
    }

    /// Recorded at the deepest node that holds everything the part changed (else the node the import
    /// was made at), so the auditors of that community and of every node above it see it.
    static let auditedCodes = 200

    static func auditEvent(
        _ kind: TerritoryImportKind, rows: Int, digest: String, part: Run.Part, index: Int, of parts: Int,
        bound: TerritoryPath?
    ) -> AuditEvent {
        let node = TerritoryPath.commonAncestor(part.touched) ?? bound
        var details = [
            "sha256": digest, "rows": String(rows), "added": String(part.added),
            "updated": String(part.updated), "unchanged": String(part.unchanged),
            "lines": "\(part.lines.lowerBound)-\(part.lines.upperBound)",
        ]
        if parts > 1 { details["part"] = "\(index + 1)/\(parts)" }
        if let bound { details["importedAt"] = bound.nodeId.uuidString }
        // The codes themselves, so that an auditor sees which records changed; capped to keep the entry small.
        if !part.addedCodes.isEmpty { details["addedCodes"] = codeList(part.addedCodes, total: part.added) }
        if !part.updatedCodes.isEmpty { details["updatedCodes"] = codeList(part.updatedCodes, total: part.updated) }
        return AuditEvent(
            action: .territoryImport, targetType: kind.rawValue, targetID: String(digest.prefix(16)),
            nodeID: node?.nodeId, details: details)
    }

    static func codeList(_ codes: [String], total: Int) -> String {
        codes.joined(separator: " ") + (total > codes.count ? " … (+\(total - codes.count))" : "")
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
