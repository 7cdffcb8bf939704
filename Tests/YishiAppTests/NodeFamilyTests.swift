import Fluent
import Foundation
import Testing

@testable import YishiApp
@testable import YishiCore

/// The node page reads a node with its ancestors and children in one query, decoded by hand:
/// the same records, fields and order as Fluent reads them.
@Suite("A node with its family")
struct NodeFamilyTests {
    func same(_ a: TerritoryNode, _ b: TerritoryNode) -> Bool {
        a.id == b.id && a.level == b.level && a.$parent.id == b.$parent.id && a.path == b.path && a.code == b.code
            && a.name == b.name && a.kind == b.kind && a.address == b.address
            && a.$buildingGroup.id == b.$buildingGroup.id
            && a.createdAt.map { Int($0.timeIntervalSince1970) } == b.createdAt.map { Int($0.timeIntervalSince1970) }
            && a.updatedAt.map { Int($0.timeIntervalSince1970) } == b.updatedAt.map { Int($0.timeIntervalSince1970) }
    }

    @Test func everyLevelMatchesFluent() async throws {
        try await withYishi(demo: true) { t in
            // One node of each level, and a building with a building group when the demo has one.
            var picks: [TerritoryNode] = []
            for level in TerritoryLevel.allCases {
                if let n = try await TerritoryNode.query(on: t.db).filter(\.$level == level).sort(\.$code).first() {
                    picks.append(n)
                }
            }
            if let grouped = try await TerritoryNode.query(on: t.db).filter(\.$buildingGroup.$id != nil).first() {
                picks.append(grouped)
            }
            #expect(picks.count >= 5)
            for expected in picks {
                let (node, ancestors, children) = try await TerritoryQueries.nodeWithFamily(expected.id, on: t.db)
                #expect(same(node, expected), "\(expected.code)")
                #expect(node.$id.exists, "a stored node, so that a save would update it")
                #expect(
                    same(try await TerritoryQueries.node(expected.id, on: t.db), expected), "\(expected.code) alone")
                let wantAncestors = try await TerritoryQueries.ancestors(of: expected, on: t.db)
                #expect(
                    ancestors.count == wantAncestors.count && zip(ancestors, wantAncestors).allSatisfy(same),
                    "\(expected.code)")
                #expect(ancestors.first?.level == .district || expected.level == .district)
                let wantChildren = try await TerritoryQueries.children(of: expected.id, on: t.db)
                #expect(
                    children.count == wantChildren.count && zip(children, wantChildren).allSatisfy(same),
                    "\(expected.code)")
            }
            await #expect(throws: YishiError.self) { _ = try await TerritoryQueries.nodeWithFamily(UUID(), on: t.db) }
            await #expect(throws: YishiError.self) { _ = try await TerritoryQueries.nodeWithFamily(nil, on: t.db) }
        }
    }
}
