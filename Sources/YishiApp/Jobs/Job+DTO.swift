import Vapor
import YishiAtlas
import YishiCore

extension DTO {
    struct Job: Content {
        var id: UUID
        var kind: String
        var status: String
        var progress: Int
        var step: [String: String]
        var error: [String: String]?
        var district: String?
        var file: String?
        var result: LifeCircleImporter.Summary?
        /// A territory import's outcome or refused lines.
        var importResult: TerritoryImportResult?
        var createdAt: Date?
        var startedAt: Date?
        var finishedAt: Date?

        init(_ j: YishiApp.Job) {
            id = j.id!
            kind = j.kind.rawValue
            status = j.status.rawValue
            progress = j.progress
            step = ["zh-Hans": j.message(.zhHans), "en": j.message(.en)]
            error = j.error(.zhHans).map { ["zh-Hans": $0, "en": j.error(.en) ?? $0] }
            district = j.$node.value??.code
            file = j.fileName
            result = j.kind == .atlasImport ? j.atlasSummary : nil
            importResult = j.territoryImportResult
            createdAt = j.createdAt
            startedAt = j.startedAt
            finishedAt = j.finishedAt
        }
    }
}
