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
            NavEntry(order: 40, label: NavigationText.verify.key, path: Site.verify) {
                Policy.holdsAnywhere($0, .residentVerify)
            },
            NavEntry(order: 50, label: NavigationText.users.key, path: Site.users) {
                Policy.holdsAnywhere($0, .usersManage)
            },
            NavEntry(order: 70, label: NavigationText.account.key, path: Site.account) { $0 != nil },
            NavEntry(order: 70, label: NavigationText.signin.key, path: Site.signIn) { $0 == nil },
        ]
    }
    var notices: [String] {
        [
            UsersText.created.key, UsersText.granted.key, UsersText.revoked.key, AccountText.passwordChanged.key,
            VerifyText.done.key, AssistedText.done.key, SignInText.required.key,
        ]
    }
    var demo: [DemoPart] { [AccountsDemo.part] }
}

/// Development only, never in production: the outbox of sign-in codes "sent" (answers loopback only).
struct OutboxFeature: Feature {
    var pages: [any RouteCollection] { [OutboxRoutes()] }
}
