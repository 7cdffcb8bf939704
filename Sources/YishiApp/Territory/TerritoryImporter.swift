import Fluent
import NIOPosix
import Vapor
import YishiCore

/// Imports one territory CSV: every row is checked first, then all rows are written in one
/// transaction with one audit entry, or nothing is. Rows are keyed by their external codes, so
/// importing the same file again changes nothing.
enum TerritoryImporter {
    struct Outcome: Content, Equatable {
        var kind: String
        var added: Int
        var updated: Int
        var unchanged: Int
    }

    /// Where an import may read and write: every record it finds or changes must lie where the
    /// actor may import (`actor` nil: the command line, anywhere) and below `bound`, the node the
    /// import is made at (nil: wherever the actor's grants reach).
    struct Scope: Sendable {
        var actor: Actor?
        var bound: TerritoryPath?

        static let commandLine = Scope(actor: nil, bound: nil)

        /// `path` nil is a record with no place in the tree (an owner without holdings, a resident
        /// without household): only a platform-wide importer may touch it.
        func allows(_ path: TerritoryPath?) -> Bool {
            if let bound, !(path.map(bound.contains) ?? false) { return false }
            guard let actor else { return true }
            return Policy.allows(actor, .territoryImport, at: path)
        }
    }

    /// Reads and validates the file without touching storage.
    static func parse(_ data: Data, currentYear: Int) throws -> (TerritoryImportKind, [TerritoryRecord]) {
        let table: CSVTable
        do { table = try CSVTable.read(data) } catch {
            switch error {
            case .notText: throw ImportFailure([ImportIssue(line: 1, problem: .notUTF8)])
            case .empty: throw ImportFailure([ImportIssue(line: 1, problem: .emptyFile)])
            case .malformed(let line): throw ImportFailure([ImportIssue(line: line, problem: .malformedCSV)])
            }
        }
        switch TerritoryImportValidator.validate(header: table.header, rows: table.rows, currentYear: currentYear) {
        case .success(let result): return result
        case .failure(let failure): throw failure
        }
    }

    /// The command line's (and the older tests') form: `actor` nil imports anywhere.
    static func run(_ data: Data, actor: Actor?, auditActor: AuditActor, on db: any Database, time: any TimeSource) async throws -> Outcome {
        try await run(data, scope: Scope(actor: actor, bound: nil), auditActor: auditActor, on: db, time: time)
    }

    /// Parses (on `pool` when given, off the event loop), applies and audits.
    static func run(_ data: Data, scope: Scope, auditActor: AuditActor, on db: any Database, time: any TimeSource,
                    pool: NIOThreadPool? = nil) async throws -> Outcome {
        let year = Calendar(identifier: .gregorian).component(.year, from: time.now())
        let work: @Sendable () throws -> (TerritoryImportKind, [TerritoryRecord], String) = {
            let (kind, records) = try parse(data, currentYear: year)
            return (kind, records, sha256Hex(data))
        }
        let (kind, records, digest) = if let pool { try await pool.runIfActive(work) } else { try work() }
        // Its own transaction (the entry is appended inline): a long import does not ride in a
        // group-commit batch, where the changes queued behind it would wait for all of it.
        return try await db.transaction { db in try await AuditLog.transaction(on: db, actor: auditActor, time: time) { tx in
            var run = Run(scope: scope, db: tx)
            try await run.apply(kind, records)
            if !run.issues.isEmpty { throw ImportFailure(run.issues.sorted { $0.line < $1.line }) }
            try await run.write()
            let outcome = Outcome(kind: kind.rawValue, added: run.added, updated: run.updated, unchanged: run.unchanged)
            return (outcome, auditEvent(kind, rows: records.count, digest: digest, run: run))
        } }
    }

    /// Recorded at the deepest node that holds everything the import changed (else the node it was
    /// made at), so the auditors of that community and of every node above it see it.
    static let auditedCodes = 200

    static func auditEvent(_ kind: TerritoryImportKind, rows: Int, digest: String, run: Run) -> AuditEvent {
        let node = TerritoryPath.commonAncestor(run.touched) ?? run.scope.bound
        var details = ["sha256": digest, "rows": String(rows), "added": String(run.added),
                       "updated": String(run.updated), "unchanged": String(run.unchanged)]
        if let bound = run.scope.bound { details["importedAt"] = bound.nodeId.uuidString }
        // The codes themselves, so that an auditor sees which records changed; capped to keep the entry small.
        if !run.addedCodes.isEmpty { details["addedCodes"] = codeList(run.addedCodes, total: run.added) }
        if !run.updatedCodes.isEmpty { details["updatedCodes"] = codeList(run.updatedCodes, total: run.updated) }
        return AuditEvent(action: .territoryImport, targetType: kind.rawValue, targetID: String(digest.prefix(16)),
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
