import Vapor
import YishiCore

/// A place as residents see it: their community, compound or building described in plain words —
/// where it is, its residents' committee, its compounds, its life circle — with none of the
/// staff's vocabulary (no codes, levels or counting areas).
enum PlacePages {
    /// The community's committee office, for a community or anything below it.
    static func community(of node: TerritoryNode, ancestors: [TerritoryNode]) -> TerritoryNode? {
        node.level == .community ? node : ancestors.first { $0.level == .community }
    }

    /// "宝山区 友谊路街道": the district and subdistrict above a place.
    static func area(_ ancestors: [TerritoryNode]) -> String {
        ancestors.filter { $0.level == .district || $0.level == .subdistrict }.map(\.name).joined(separator: " ")
    }

    /// The committee's office, or what to do when the committee has not filled it in.
    static func office(_ ctx: PageContext, _ community: TerritoryNode) -> HTMLNode {
        var facts: [(String, String)] = []
        if let a = community.officeAddress { facts.append((ctx.t(TerritoryText.officeAddress), a)) }
        if let h = community.officeHours { facts.append((ctx.t(TerritoryText.officeHours), h)) }
        return C.section(committeeName(ctx, community)) {
            if facts.isEmpty && community.officePhone == nil {
                C.empty(ctx.t(HomeText.committeeUnknown))
            } else {
                C.facts(facts)
                if let phone = community.officePhone {
                    H.el(
                        "p", [],
                        [
                            H.el(
                                "a",
                                [
                                    ("class", "button secondary nowrap"),
                                    ("href", "tel:" + phone.filter { $0.isNumber || $0 == "+" }),
                                ], text: ctx.t(HomeText.call, phone))
                        ])
                }
            }
        }
    }

    /// "宝林一村居委会" for 宝林一村居民区; "康家村村委会" for a village.
    static func committeeName(_ ctx: PageContext, _ community: TerritoryNode) -> String {
        var name = community.name
        if name.hasSuffix("居民区") { name = String(name.dropLast(3)) }
        return community.kind == CommunityKind.village.rawValue
            ? ctx.t(HomeText.villageCommittee, name) : ctx.t(HomeText.committee, name)
    }

    static func view(_ ctx: PageContext, model m: NodePage) -> PageView {
        let node = m.node
        let community = community(of: node, ancestors: m.ancestors)
        let lifeCirclePlace = ([node] + m.ancestors.reversed()).first {
            [.community, .subdistrict, .district].contains($0.level)
        }
        return PageView(title: node.name) {
            C.text(
                ([area(m.ancestors)]
                    + m.ancestors.filter { $0.level == .community || $0.level == .compound }.map(\.name))
                    .filter { !$0.isEmpty }.joined(separator: " · "), muted: true)
            if let address = node.address { C.facts([(ctx.t(TerritoryText.address), address)]) }
            if let community { office(ctx, community) }
            if let stats = m.needStats {
                stats.view(ctx, communityHouseholds: m.stats.households, needsLink: Site.nodeNeeds(node.id!))
            }
            switch node.level {
            case .community:
                C.section(ctx.t(HomeText.compounds)) {
                    if m.children.isEmpty {
                        C.empty(ctx.t(HomeText.noCompounds))
                    } else {
                        C.cards(
                            m.children.map { c in
                                (
                                    c.name, Site.node(c.id!),
                                    [c.kind.flatMap { HousingType(rawValue: $0) }.map { ctx.name($0) }, c.address]
                                        .compactMap { $0 }.joined(separator: " · ")
                                )
                            })
                    }
                }
            case .compound:
                C.section(ctx.t(HomeText.buildings)) {
                    if m.children.isEmpty {
                        C.empty(ctx.t(HomeText.noBuildings))
                    } else {
                        C.list(m.children.map(\.name))
                    }
                }
            default:
                HTMLNode.group([])
            }
            if let place = lifeCirclePlace {
                C.section(ctx.t(NavigationText.lifeCircle)) {
                    C.text(ctx.t(HomeText.lifeCircleIntro))
                    H.el(
                        "p", [],
                        [
                            C.linkButton(
                                ctx.t(HomeText.lifeCircleOpen, place.name), Site.lifeCircle(place.code), primary: false)
                        ])
                }
            }
        }
    }
}
