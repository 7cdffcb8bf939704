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
