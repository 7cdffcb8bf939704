import Foundation

/// The platform's paths, in one place for views, redirects and links: no page writes
/// `"/territory/\(…)"` itself. A path with a notice carries the catalog key the next page shows
/// (`?notice=`; only keys a capability registered show).
enum Site {
    static let home = "/"
    static let signIn = "/signin"
    static let account = "/account"
    static let territory = "/territory"
    static let territoryImport = "/territory/import"
    static let lifeCircles = "/lifecircle"
    static let atlasImport = "/atlas/import"
    static let users = "/users"
    static let verify = "/residents/verify"
    static let audit = "/audit"
    static let signInCode = "/signin/code"
    static let signInVerify = "/signin/verify"
    static let signInExtend = "/signin/extend"
    static let signOut = "/signout"
    static let signOutEverywhere = "/signout/all"
    static let accountPassword = "/account/password"
    static let accountTokens = "/account/tokens"
    static let newUser = "/users/new"
    static let styles = "/styles.css"
    static let preferences = "/preferences"

    static func revokeToken(_ id: UUID) -> String { "/account/tokens/\(id.uuidString)/revoke" }
    static func userGrants(_ id: String) -> String { "/users/\(id)/grants" }
    static func revokeGrant(user: String, grant: UUID) -> String { "/users/\(user)/grants/\(grant.uuidString)/revoke" }
    static func nodeChildren(_ id: String) -> String { "/territory/\(id)/children" }
    static func nodeUnits(_ id: String) -> String { "/territory/\(id)/units" }
    static func nodeEdit(_ id: String) -> String { "/territory/\(id)/edit" }
    static func atlasImport(district code: String) -> String { "\(atlasImport)?district=\(H.query(code))" }
    static func apiLifeCircle(_ code: String) -> String { "/api/v1/lifecircle/\(H.query(code))" }
    static func apiGaps(_ code: String) -> String { "/api/v1/lifecircle/\(H.query(code))/gaps.csv" }
    static func setup(_ token: String) -> String { "/setup/\(token)" }
    /// A path with `?notice=`: the catalog key the next page shows.
    static func with(notice: String, _ path: String) -> String { with(path, notice) }

    static func node(_ id: UUID, notice: String? = nil) -> String { with("/territory/\(id.uuidString)", notice) }
    static func nodeEdit(_ id: UUID) -> String { "/territory/\(id.uuidString)/edit" }
    static func unit(_ id: UUID, notice: String? = nil) -> String { with("/units/\(id.uuidString)", notice) }
    static func job(_ id: UUID) -> String { "/jobs/\(id.uuidString)" }
    static func apiJob(_ id: UUID) -> String { "/api/v1/jobs/\(id.uuidString)" }
    static func user(_ id: UUID, notice: String? = nil) -> String { with("/users/\(id.uuidString)", notice) }
    static func assist(_ resident: UUID) -> String { "/residents/\(resident.uuidString)/assist" }
    static func lifeCircle(_ code: String) -> String { "/lifecircle/\(H.query(code))" }
    static func lifeCircleMap(_ code: String) -> String { "/lifecircle/\(H.query(code))/map.svg" }
    static func lifeCircleLinks(_ code: String, notice: String? = nil) -> String {
        with("/lifecircle/\(H.query(code))/links", notice)
    }

    private static func with(_ path: String, _ notice: String?) -> String {
        notice.map { "\(path)?notice=\(H.query($0))" } ?? path
    }
}
