import Foundation
import Testing
import Vapor

@testable import YishiApp

@Suite("One spelling of every path, for routes and views")
struct SiteTests {
    @Test func aPatternIsFilledInOrderAndEachValueEscapedAsOneSegment() {
        let id = UUID(uuidString: "6B0C9C3E-52A4-4A62-9D9B-0F5B6C3C1E22")!
        #expect(Site.node(id) == "/territory/6B0C9C3E-52A4-4A62-9D9B-0F5B6C3C1E22")
        #expect(Site.revokeGrant(user: "u1", grant: id) == "/users/u1/grants/\(id.uuidString)/revoke")
        #expect(Site.lifeCircle("BS/../x y") == "/lifecircle/BS%2F..%2Fx%20y", "a value cannot add a segment")
        #expect(Site.apiGaps("BS-01") == "/api/v1/lifecircle/BS-01/gaps.csv")
        #expect(Site.node(id, notice: "territory.saved") == "\(Site.node(id))?notice=territory.saved")
        // Vapor reads the pattern's parameters by the names the handlers ask for.
        let components: [PathComponent] = Site.Pattern.node.pathComponents
        #expect(components.string == "territory/:nodeID")
    }

    @Test func everyPathAViewLinksToIsARegisteredRoute() async throws {
        try await withYishi { t in
            let registered = Set(
                t.app.routes.all.map { route in
                    "/" + route.path.map { $0.description }.joined(separator: "/")
                })
            let api = [Site.API.job, Site.API.lifeCircle, Site.API.gaps, Site.API.atlasImport, Site.API.placeCompound]
            let pages = [
                Site.home, Site.signIn, Site.account, Site.territory, Site.territoryImport, Site.lifeCircles,
                Site.atlasImport, Site.users, Site.verify, Site.audit, Site.signInCode, Site.signInVerify,
                Site.signInExtend, Site.signOut, Site.signOutEverywhere, Site.accountPassword, Site.accountTokens,
                Site.newUser, Site.styles, Site.preferences, Site.health, Site.metrics,
                Site.Pattern.job, Site.Pattern.user, Site.Pattern.userGrants, Site.Pattern.revokeGrant,
                Site.Pattern.revokeToken, Site.Pattern.setup, Site.Pattern.assist, Site.Pattern.node,
                Site.Pattern.nodeEdit, Site.Pattern.nodeChildren, Site.Pattern.nodeUnits, Site.Pattern.unit,
                Site.Pattern.lifeCircle, Site.Pattern.lifeCircleMap, Site.Pattern.lifeCircleLinks,
            ]
            for pattern in pages + api.map({ path in Site.API.root + path }) {
                #expect(registered.contains(pattern == "/" ? "/" : pattern), "\(pattern) is a route")
            }
        }
    }

    /// Page routes register the `Site` spelling, never a literal of their own.
    @Test func noPageRouteSpellsItsOwnPath() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/YishiApp")
        let literal = try Regex(#"routes(\.grouped\([^)]*\))?\.(get|post|put|delete|on)\((\.[A-Z]+, )?""#)
        var offenders: [String] = []
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains(literal) {
                offenders.append("\(url.lastPathComponent): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
