import Foundation
import PropertyBased
import Testing

@testable import YishiCore

/// A random tree path, `depth` levels deep, from a seed.
func randomPath(depth: Int, _ g: inout SeededGenerator) -> TerritoryPath {
    TerritoryPath((0..<max(1, depth)).map { _ in UUID(uuid: randomUUIDBytes(&g)) })
}

func randomUUIDBytes(_ g: inout SeededGenerator) -> uuid_t {
    let a = g.next()
    let b = g.next()
    return withUnsafeBytes(of: (a, b)) { raw in
        let x = Array(raw)
        return (x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15])
    }
}

@Suite("Scope and audit chain: properties")
struct ScopeAndChainPropertyTests {
    @Test func anAncestorsGrantCoversEveryDescendantAndNothingBeside() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...6), Gen.int(in: 0...Int.max)) { depth, seed in
            var g = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            let node = randomPath(depth: depth, &g)
            let below = (0..<Int.random(in: 0...3, using: &g)).reduce(node) { p, _ in
                p.appending(UUID(uuid: randomUUIDBytes(&g)))
            }
            let grant = Grant(role: .communityStaff, path: node)
            #expect(grant.covers(below))
            // A sibling at any level at or above the node is outside.
            let level = Int.random(in: 0..<depth, using: &g)
            let sibling = TerritoryPath(Array(node.ids.prefix(level)) + [UUID(uuid: randomUUIDBytes(&g))])
            #expect(!grant.covers(sibling))
            #expect(Grant(role: .platformAdmin, path: nil).covers(sibling))
        }
    }

    /// What the database does (`path >= p AND path < p'`) is what `contains` says, and both are the prefix test.
    @Test func theSubtreeRangeIsThePrefixTest() async {
        await propertyCheck(count: 500, input: Gen.int(in: 1...6), Gen.int(in: 0...Int.max)) { depth, seed in
            var g = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            let a = randomPath(depth: depth, &g)
            let candidates = [
                a, a.appending(UUID(uuid: randomUUIDBytes(&g))), randomPath(depth: depth, &g),
                TerritoryPath(Array(a.ids.dropLast())),
                TerritoryPath(Array(a.ids.dropLast()) + [UUID(uuid: randomUUIDBytes(&g))]),
            ].filter { !$0.ids.isEmpty }
            for b in candidates {
                let inRange = b.encoded >= a.encoded && b.encoded < a.subtreeUpperBound
                #expect(inRange == a.contains(b))
                #expect(inRange == b.encoded.hasPrefix(a.encoded))
            }
        }
    }

    /// Whatever the owner holds, a token they may make never allows what the owner may not.
    @Test func aTokenNeverExceedsItsOwner() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            var g = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            let district = randomPath(depth: 1, &g)
            let places = [district] + (0..<4).map { _ in district.appending(UUID(uuid: randomUUIDBytes(&g))) }
            let deeper = places.map { $0.appending(UUID(uuid: randomUUIDBytes(&g))) }
            let tree = places + deeper
            let roles = Role.allCases
            let owned = (0..<Int.random(in: 1...3, using: &g)).map { _ in
                Grant(role: roles.randomElement(using: &g)!, path: tree.randomElement(using: &g)!)
            }
            let owner = Actor(userId: UUID(), kind: .staff, isVerified: true, grants: owned)
            let asked = Grant(role: roles.randomElement(using: &g)!, path: tree.randomElement(using: &g)!)
            guard Policy.tokenGrantAllowed(owner: owner, grant: asked) else { return }
            let token = Actor(userId: owner.userId, kind: .staff, isVerified: true, grants: [asked])
            for action in Action.allCases {
                for resource in tree + [nil] where Policy.allows(token, action, at: resource) {
                    #expect(
                        Policy.allows(owner, action, at: resource),
                        "\(action) at \(resource?.description ?? "platform")")
                }
            }
        }
    }

    /// Any single change to a stored entry is reported at that entry's sequence number.
    @Test func anySingleMutationIsReportedAtItsSequenceNumber() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...30), Gen.int(in: 0...Int.max)) { n, seed in
            var g = SeededGenerator(seed: UInt64(bitPattern: Int64(seed)))
            let original = chain(n)
            var c = original
            let k = Int.random(in: 0..<n, using: &g)
            switch Int.random(in: 0..<6, using: &g) {
            case 0: c[k].record.details["name"] = "篡改 \(seed)"
            case 1: c[k].record.actorLabel += "x"
            case 2: c[k].record.atMillis += 1
            case 3: c[k].record.targetId = "other"
            case 4: c[k].record.nodeId = UUID()
            default: c[k].hash = testHash(Data("forged \(seed)".utf8))
            }
            guard case .broken(let seq, _) = AuditChain.verify(c, head: (Int64(n), original.last!.hash), hash: testHash)
            else {
                Issue.record("mutation at \(k + 1) of \(n) not found")
                return
            }
            #expect(seq == Int64(k + 1))
        }
    }
}
