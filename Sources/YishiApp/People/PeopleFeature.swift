import Vapor
import YishiCore

/// People: the household register worked on screen — a resident's record, correcting it, moving
/// a resident, adding households and residents, search within one's scope, and the committee's
/// lists (printable, downloadable).
struct PeopleFeature: Feature {
    var pages: [any RouteCollection] { [ResidentRoutes(), SearchRoutes(), ResidentsListRoutes(), OwnerRoutes()] }
    var navigation: [NavEntry] {
        [
            NavEntry(order: 15, label: NavigationText.search.key, path: Site.search) {
                guard let actor = $0, actor.kind == .staff else { return false }
                return Policy.holdsAnywhere(actor, .territoryRead)
            }
        ]
    }
    var notices: [String] {
        [
            PeopleText.saved.key, PeopleText.moved.key, PeopleText.householdAdded.key,
            PeopleText.residentAdded.key, PeopleText.ownerSaved.key, PeopleText.ownerAdded.key,
            PeopleText.ownerRemoved.key, PeopleText.householdRenamed.key,
        ]
    }
}
