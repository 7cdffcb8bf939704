import Vapor
import YishiCore

/// The territory tree: districts down to units, households and owners; editing and importing it.
struct TerritoryFeature: Feature {
    var pages: [any RouteCollection] { [TerritoryRoutes(), ImportRoutes()] }
    var api: [any RouteCollection] { [TerritoryAPI()] }
    var apiDescription: APIDescription {
        .init(operations: OpenAPIDocument.territoryOperations, schemas: { OpenAPIDocument.territorySchemas })
    }
    var commands: [FeatureCommand] { [.init(name: "import", command: ImportCommand())] }
    var navigation: [NavEntry] {
        [
            // Residents reach their community from their home page; the tree is the staff's.
            NavEntry(order: 10, label: NavigationText.territory.key, path: Site.territory) {
                $0?.kind == .staff && Policy.holdsAnywhere($0, .territoryRead)
            },
            NavEntry(order: 30, label: NavigationText.importText.key, path: Site.territoryImport) {
                Policy.holdsAnywhere($0, .territoryImport)
            },
        ]
    }
    var notices: [String] { [TerritoryText.created.key, TerritoryText.saved.key, TerritoryText.officeSaved.key] }
    var jobKinds: [JobKindHandler] { [TerritoryImportJob.handler, TerritoryImportJob.previewHandler] }
    var demo: [DemoPart] { [TerritoryDemo.part] }
}
