import Vapor
import YishiCore

/// The audit log: its page, its API and `yishi audit verify`.
struct AuditFeature: Feature {
    var pages: [any RouteCollection] { [AuditRoutes()] }
    var api: [any RouteCollection] { [AuditAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.auditOperations, schemas: { OpenAPIDocument.auditSchemas })
    }
    var commands: [FeatureCommand] { [.init(name: "audit", command: AuditCommand())] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 60, label: NavigationText.audit.key, path: Site.audit) {
                Policy.holdsAnywhere($0, .auditRead)
            }
        ]
    }
}
