import Fluent
import SQLKit
import Vapor
import YishiCore

/// One check of the whole audit chain, kept so the audit page can show the last one: verifying
/// reads every entry, which is work for a job or the command line, not for each page view.
final class AuditVerificationRecord: Model, @unchecked Sendable {
    static let schema = "audit_verifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "verified_at") var verifiedAt: Date
    @Field(key: "entries") var entries: Int64
    /// The head's sequence number when the check ran: entries after it were not checked.
    @Field(key: "head_seq") var headSeq: Int64
    @Field(key: "ok") var ok: Bool
    @OptionalField(key: "broken_seq") var brokenSeq: Int64?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "duration_ms") var durationMillis: Int

    init() {}

    var outcome: AuditVerification {
        ok
            ? .ok(entries: Int(entries))
            : .broken(seq: brokenSeq ?? 0, reason: reason.flatMap(AuditVerification.Reason.init) ?? .hashMismatch)
    }
}

extension AuditLog {
    /// Verifies the chain and keeps the result; returns it.
    @discardableResult
    static func verifyAndRecord(on db: any Database, time: any TimeSource) async throws -> AuditVerificationRecord {
        let started = ContinuousClock.now
        let result = try await verify(on: db)
        let head = try await (db as! any SQLDatabase).raw("SELECT seq FROM audit_head WHERE id = 1").first()
        let r = AuditVerificationRecord()
        r.verifiedAt = time.now()
        r.headSeq = try head?.decode(column: "seq", as: Int64.self) ?? 0
        switch result {
        case .ok(let n):
            r.ok = true
            r.entries = Int64(n)
        case .broken(let seq, let reason):
            r.ok = false
            r.entries = 0
            r.brokenSeq = seq
            r.reason = reason.rawValue
        }
        let elapsed = ContinuousClock.now - started
        r.durationMillis = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        try await r.create(on: db)
        return r
    }

    /// The last stored check, if any.
    static func lastVerification(on db: any Database) async throws -> AuditVerificationRecord? {
        try await AuditVerificationRecord.query(on: db).sort(\.$verifiedAt, .descending).first()
    }
}
