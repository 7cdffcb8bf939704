import Foundation
import Testing

@testable import YishiCore

/// 一图 (issue 18 §3): compounds placed by the life-circle map when every one is known (north to
/// south, west to east), else in reading order; pins numbered at their building, their compound or
/// the whole community; shades and written numbers for the life-circle gaps; names escaped.
@Suite("Projects: the community planning map")
struct CommunityMapTests {
    let ids = (0..<4).map { _ in UUID() }

    @Test func compoundsFollowTheMapWhenEveryOneIsKnownElseReadingOrder() {
        let known = [
            CommunityMap.Compound(id: ids[0], name: "南苑", position: (0, 0)),
            CommunityMap.Compound(id: ids[1], name: "北苑西", position: (0, 500)),
            CommunityMap.Compound(id: ids[2], name: "北苑东", position: (400, 520)),
        ]
        let placed = CommunityMap.layout(known, columns: 2)
        // The north row first (west, then east), the south one under it.
        #expect(placed[1].x < placed[2].x && placed[1].y == placed[2].y && placed[0].y > placed[1].y)
        var unknown = known
        unknown[2].position = nil
        let grid = CommunityMap.layout(unknown, columns: 2)
        #expect(grid[0].y == grid[1].y && grid[2].y > grid[0].y, "reading order when one is not on the map")
    }

    @Test func pinsAreNumberedWhereTheyAreAndNamesAreEscaped() {
        let b = CommunityMap.Building(id: ids[3], name: "1号")
        let compounds = [
            CommunityMap.Compound(id: ids[0], name: "<宝林>一村", missing: 3, buildings: [b]),
            CommunityMap.Compound(id: ids[1], name: "二村"),
        ]
        let svg = CommunityMap.svg(
            compounds: compounds,
            pins: [
                .init(kind: .need, number: 1, stage: .waiting, place: ids[3]),
                .init(kind: .project, number: 2, stage: .underway, place: ids[1], highlighted: true),
                .init(kind: .need, number: 3, stage: .done, place: nil),
            ], title: "规划图", whole: "整个社区：")
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("&lt;宝林&gt;一村") && !svg.contains("<宝林>"))
        #expect(svg.contains(">1</text>") && svg.contains(">2</text>") && svg.contains(">3</text>"))
        #expect(svg.contains(">−3</text>"), "the number of kinds missing is written")
        #expect(svg.contains(CommunityMap.gapColours[3]) && svg.contains(CommunityMap.stageColours[.done]!))
        #expect(svg.contains("整个社区："), "a pin of the whole community has its own strip")
        #expect(svg.contains("stroke-width=\"4\""), "the highlighted project is ringed")
        #expect(!svg.contains("−0") && svg.components(separatedBy: "<circle").count - 1 == 2, "two round pins")
    }
}
