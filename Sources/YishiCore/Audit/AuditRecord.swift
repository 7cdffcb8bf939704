import Foundation

/// One entry of the append-only audit log, as it is hashed.
///
/// The hash covers every field through `canonicalBytes`, and each entry names its predecessor's
/// hash, so editing, removing or reordering any stored entry breaks the chain at that entry.
public struct AuditRecord: Hashable, Sendable, Codable {
    public var seq: Int64
    /// Milliseconds since 1970 UTC: an integer so that both databases store it exactly.
    public var atMillis: Int64
    public var actorId: UUID?
    public var actorLabel: String
    public var action: String
    public var targetType: String
    public var targetId: String
    public var nodeId: UUID?
    /// Assisted entry: whom it was done for and through which channel (nil when not assisted).
    public var onBehalfOf: UUID?
    public var channel: String?
    public var details: [String: String]
    public var prevHash: String

    public init(
        seq: Int64, atMillis: Int64, actorId: UUID?, actorLabel: String, action: String,
        targetType: String, targetId: String, nodeId: UUID?, onBehalfOf: UUID? = nil,
        channel: String? = nil, details: [String: String], prevHash: String
    ) {
        self.seq = seq
        self.atMillis = atMillis
        self.actorId = actorId
        self.actorLabel = actorLabel
        self.action = action
        self.targetType = targetType
        self.targetId = targetId
        self.nodeId = nodeId
        self.onBehalfOf = onBehalfOf
        self.channel = channel
        self.details = details
        self.prevHash = prevHash
    }

    /// The hash of the entry before the first: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// A deterministic, unambiguous encoding: every field in a fixed order as
    /// `name=<byte length>:<value>\n`, details sorted by key. Length prefixes mean no value can
    /// imitate a field boundary whatever characters it holds.
    public var canonicalBytes: Data {
        var fields: [(String, String)] = [
            ("v", "1"),
            ("seq", String(seq)),
            ("at", String(atMillis)),
            ("actor", actorId?.uuidString ?? ""),
            ("actorLabel", actorLabel),
            ("action", action),
            ("targetType", targetType),
            ("targetId", targetId),
            ("node", nodeId?.uuidString ?? ""),
            ("onBehalfOf", onBehalfOf?.uuidString ?? ""),
            ("channel", channel ?? ""),
        ]
        for key in details.keys.sorted() { fields.append(("d." + key, details[key]!)) }
        fields.append(("prev", prevHash))
        var out = Data()
        for (name, value) in fields {
            let bytes = Data(value.utf8)
            out.append(contentsOf: Array("\(name)=\(bytes.count):".utf8))
            out.append(bytes)
            out.append(0x0A)
        }
        return out
    }
}

/// A stored entry: the record and the hash stored beside it.
public struct StoredAuditEntry: Sendable {
    public var record: AuditRecord
    public var hash: String
    public init(record: AuditRecord, hash: String) {
        self.record = record
        self.hash = hash
    }
}

/// What verifying the chain found.
public enum AuditVerification: Equatable, Sendable {
    case ok(entries: Int)
    /// The first entry (by sequence) that does not hold, and why.
    case broken(seq: Int64, reason: Reason)

    public enum Reason: String, Sendable {
        /// The stored hash is not the hash of the stored fields: the row was edited.
        case hashMismatch
        /// The entry does not name its predecessor's hash: an entry before it was removed or replaced.
        case chainBroken
        /// Sequence numbers skip or repeat: an entry was removed or inserted.
        case sequenceGap
        /// The last entry is not the head recorded separately: entries were cut off the end.
        case headMismatch
    }
}

public enum AuditChain {
    /// Checks entries in sequence order. `hash` is SHA-256 in lower-case hex (injected so that Core
    /// needs only Foundation). `head` is the separately kept (last seq, last hash), if any.
    public static func verify(
        _ entries: [StoredAuditEntry], head: (seq: Int64, hash: String)?,
        hash: (Data) -> String
    ) -> AuditVerification {
        var prev = AuditRecord.genesisHash
        var expectedSeq: Int64 = 1
        for entry in entries {
            let r = entry.record
            if r.seq != expectedSeq { return .broken(seq: r.seq, reason: .sequenceGap) }
            if hash(r.canonicalBytes) != entry.hash { return .broken(seq: r.seq, reason: .hashMismatch) }
            if r.prevHash != prev { return .broken(seq: r.seq, reason: .chainBroken) }
            prev = entry.hash
            expectedSeq += 1
        }
        if let head, head.seq != expectedSeq - 1 || (head.seq > 0 && head.hash != prev) {
            return .broken(seq: expectedSeq, reason: .headMismatch)
        }
        return .ok(entries: entries.count)
    }
}
