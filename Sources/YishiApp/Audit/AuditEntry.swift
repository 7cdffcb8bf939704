import Fluent
import Vapor
import YishiCore

/// A stored audit entry. Never updated or deleted by the platform; see `AuditLog`.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "seq") var seq: Int64
    @Field(key: "at_ms") var atMillis: Int64
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "action") var action: String
    @Field(key: "target_type") var targetType: String
    @Field(key: "target_id") var targetID: String
    @OptionalField(key: "node_id") var nodeID: UUID?
    @OptionalField(key: "on_behalf_of") var onBehalfOf: UUID?
    @OptionalField(key: "channel") var channel: String?
    /// The details as JSON with sorted keys.
    @Field(key: "details") var details: String
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String

    init() {}

    init(_ r: AuditRecord, hash: String) {
        seq = r.seq
        atMillis = r.atMillis
        actorID = r.actorId
        actorLabel = r.actorLabel
        action = r.action
        targetType = r.targetType
        targetID = r.targetId
        nodeID = r.nodeId
        onBehalfOf = r.onBehalfOf
        channel = r.channel
        details = Self.encode(r.details)
        prevHash = r.prevHash
        self.hash = hash
    }

    static let columns = [
        "id", "seq", "at_ms", "actor_id", "actor_label", "action", "target_type", "target_id", "node_id",
        "on_behalf_of", "channel", "details", "prev_hash", "hash",
    ]

    /// The entry as the values of `columns`, bound as Fluent binds the model's fields.
    static func row(_ r: AuditRecord, hash: String) -> [any Encodable & Sendable] {
        [
            UUID.random(), r.seq, r.atMillis, r.actorId, r.actorLabel, r.action, r.targetType, r.targetId, r.nodeId,
            r.onBehalfOf, r.channel, encode(r.details), r.prevHash, hash,
        ]
    }

    var record: AuditRecord {
        AuditRecord(
            seq: seq, atMillis: atMillis, actorId: actorID, actorLabel: actorLabel, action: action,
            targetType: targetType, targetId: targetID, nodeId: nodeID, onBehalfOf: onBehalfOf,
            channel: channel, details: Self.decode(details), prevHash: prevHash)
    }

    static func encode(_ d: [String: String]) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? e.encode(d)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Undecodable details decode to a marker so that verification reports a mismatch, not a crash.
    static func decode(_ s: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(s.utf8))) ?? ["\u{0}undecodable": s]
    }
}
