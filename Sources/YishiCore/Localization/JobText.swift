import Foundation

/// The texts keyed `job.…` (`Texts`).
public enum JobText: String, Texts {
    public static let prefix = "job"

    case kindAtlasImport = "kind.atlasImport"
    case status
    case progress
    case step
    case file
    case started
    case finished
    case error
    case refresh
    case result
    case view
    case interrupted
    case failedUnexpectedly
    case kindTerritoryImport = "kind.territoryImport"
    case kindTerritoryPreview = "kind.territoryPreview"

    public var bilingual: Bilingual {
        switch self {
        case .kindAtlasImport: .init("导入地图数据", "Map data import")
        case .status: .init("状态", "Status")
        case .progress: .init("进度", "Progress")
        case .step: .init("当前步骤", "Current step")
        case .file: .init("文件", "File")
        case .started: .init("开始时间", "Started")
        case .finished: .init("结束时间", "Finished")
        case .error: .init("失败原因", "Why it failed")
        case .refresh: .init("本页每 2 秒自动刷新。", "This page refreshes itself every 2 seconds.")
        case .result:
            .init(
                "完成：步行路网 {0} 个节点、{1} 条路段；住宅 {2} 处；设施 {3} 处；按名称关联小区 {4} 个，保留原有关联 {5} 个。",
                "Done: walking network of {0} nodes and {1} segments; {2} homes; {3} facilities; {4} compounds linked by name, {5} earlier links kept."
            )
        case .view: .init("查看生活圈页面", "See the life-circle page")
        case .interrupted:
            .init(
                "任务被中断（服务重启），已多次重试仍未完成。请重新上传。",
                "The task was interrupted by restarts and did not finish after several tries. Please upload again.")
        case .failedUnexpectedly:
            .init(
                "处理时出现意外错误，原有数据未改变。", "An unexpected error stopped the work; the previous data is unchanged.")
        case .kindTerritoryPreview: .init("核对导入文件", "Checking an import file")
        case .kindTerritoryImport: .init("导入辖区数据", "Territory data import")
        }
    }
}

extension JobText {
    /// A stored message's arguments, as one JSON array.
    public static func encode(_ args: [String]) -> String? {
        args.isEmpty ? nil : (try? JSONEncoder().encode(args)).map { String(decoding: $0, as: UTF8.self) }
    }

    public static func decode(_ stored: String?) -> [String] {
        stored.flatMap { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) } ?? []
    }
}
