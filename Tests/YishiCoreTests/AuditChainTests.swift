import Foundation
import Testing

@testable import YishiCore

/// A stand-in digest for tests: FNV-1a, 64 hex digits. The chain logic does not depend on which hash.
func testHash(_ data: Data) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in data { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return String(repeating: String(format: "%016llx", h), count: 4)
}

func chain(_ n: Int) -> [StoredAuditEntry] {
    var prev = AuditRecord.genesisHash
    return (1...n).map { i in
        let r = AuditRecord(
            seq: Int64(i), atMillis: 1_700_000_000_000 + Int64(i), actorId: UUID(), actorLabel: "王芳",
            action: "territory.update", targetType: "compound", targetId: "C\(i)", nodeId: UUID(),
            details: ["name": "旧 → 新 \(i)"], prevHash: prev)
        let h = testHash(r.canonicalBytes)
        prev = h
        return StoredAuditEntry(record: r, hash: h)
    }
}

@Suite("Audit chain")
struct AuditChainTests {
    @Test func intactChainVerifies() {
        let c = chain(5)
        #expect(AuditChain.verify(c, head: (5, c[4].hash), hash: testHash) == .ok(entries: 5))
        #expect(AuditChain.verify([], head: (0, AuditRecord.genesisHash), hash: testHash) == .ok(entries: 0))
    }

    @Test func editedFieldIsFound() {
        var c = chain(5)
        c[2].record.details["name"] = "篡改"
        #expect(AuditChain.verify(c, head: (5, c[4].hash), hash: testHash) == .broken(seq: 3, reason: .hashMismatch))
    }

    @Test func rehashedEditBreaksTheNextLink() {
        var c = chain(5)
        c[1].record.actorLabel = "someone else"
        c[1].hash = testHash(c[1].record.canonicalBytes)
        #expect(AuditChain.verify(c, head: (5, c[4].hash), hash: testHash) == .broken(seq: 3, reason: .chainBroken))
    }

    @Test func removedEntryIsFound() {
        var c = chain(5)
        c.remove(at: 2)
        #expect(AuditChain.verify(c, head: (5, c[3].hash), hash: testHash) == .broken(seq: 4, reason: .sequenceGap))
    }

    @Test func cutTailIsFoundByTheHead() {
        let c = chain(5)
        #expect(
            AuditChain.verify(Array(c.prefix(4)), head: (5, c[4].hash), hash: testHash)
                == .broken(seq: 5, reason: .headMismatch))
    }

    @Test func encodingIsUnambiguous() {
        var a = chain(1)[0].record
        var b = a
        a.details = ["k": "a\nd.x=1:b"]
        b.details = ["k": "a", "x": "b"]
        #expect(a.canonicalBytes != b.canonicalBytes)
        var c = a
        var d = a
        c.actorLabel = "ab"
        c.action = "c"
        d.actorLabel = "a"
        d.action = "bc"
        #expect(c.canonicalBytes != d.canonicalBytes)
        var e = a
        var f = a
        e.onBehalfOf = nil
        f.onBehalfOf = UUID()
        #expect(e.canonicalBytes != f.canonicalBytes)
    }

    @Test func encodingIsDeterministic() {
        let r = chain(1)[0].record
        var shuffled = r
        shuffled.details = Dictionary(uniqueKeysWithValues: r.details.map { ($0.key, $0.value) }.reversed())
        #expect(r.canonicalBytes == shuffled.canonicalBytes)
    }
}
