import Vapor
import YishiCore

/// Accounts: signing in and out, first set-up, one's own account and tokens, users and their
/// roles, verifying residents and registering them for those who cannot.
struct AccountsFeature: Feature {
    var pages: [any RouteCollection] { [SignInRoutes(), SetupRoutes(), AccountRoutes(), UserRoutes(), VerifyRoutes()] }
    var api: [any RouteCollection] { [AccountsAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.accountsOperations, schemas: { OpenAPIDocument.accountsSchemas })
    }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 40, label: "nav.verify", path: "/residents/verify") {
                Policy.holdsAnywhere($0, .residentVerify)
            },
            NavEntry(order: 50, label: "nav.users", path: "/users") { Policy.holdsAnywhere($0, .usersManage) },
            NavEntry(order: 70, label: "nav.account", path: "/account") { $0 != nil },
            NavEntry(order: 70, label: "nav.signin", path: "/signin") { $0 == nil },
        ]
    }
    var notices: [String] {
        ["users.created", "users.granted", "users.revoked", "account.password.changed", "verify.done", "assisted.done"]
    }
}

/// Development only, never in production: the outbox of sign-in codes "sent" (answers loopback only).
struct OutboxFeature: Feature {
    var pages: [any RouteCollection] { [OutboxRoutes()] }
    var navigation: [NavEntry] { [NavEntry(order: 90, label: "nav.outbox", path: "/dev/outbox")] }
}
